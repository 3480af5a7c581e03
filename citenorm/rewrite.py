"""Canonical in-place rewrite of citation templates, for ``citenorm fix``.

Each citation template (``{{cite …}}`` or ``[tpl]cite …[/tpl]``, the form is kept) is
written as ``{{name |param=value |param=value}}``: deprecated parameter names get their
canonical spelling (``accessdate`` → ``access-date``, ``deadurl=yes`` → ``url-status=dead``,
``lastauthoramp=yes`` → ``name-list-style=amp``), DOI resolver prefixes are stripped, and the
white space MediaWiki ignores (around names and named values) is made uniform. A template
written one parameter per line keeps that layout (``\\n |param=value``, in the file's own
newline). Nothing outside citation template spans changes, and a second run changes nothing.

Left alone, on purpose: positional parameter values (MediaWiki keeps their white space);
a rename whose canonical name is already in the template (that would make a duplicate);
a deprecated value with no canonical equivalent (``deadurl=maybe``); templates whose text
holds ``<nowiki>``, ``<pre>``, ``<math>``, source tags or ``{{{`` (their pipes are not
separators), or whose name holds a comment or a line break.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from . import cs1
from .normalize.identifiers import normalize_identifier
from .scan import TemplateHit, scan
from .templates import URL_PARAMS
from .wikitext import Param, Template, split_template

#: The characters MediaWiki trims around named parameters (PHP ``trim``): not NBSP & co.
WS = " \t\n\r\x0b\x00"
_UNSAFE = regex.compile(r"(?i)<(?:nowiki|pre|math|syntaxhighlight|source)\b|\{\{\{|\}\}\}")
_URL_STATUS = frozenset({"dead", "live", "unfit", "usurped", "deviated", ""})
_AMP = {"yes": "amp", "true": "amp", "y": "amp", "amp": "amp", "and": "and", "": ""}


@dataclass(frozen=True, slots=True)
class Change:
    """One rewritten template: its span in the original text and what was done."""

    start: int
    end: int
    renamed: tuple[tuple[str, str], ...]  # (old name, new name)
    dois: int  # DOI values whose prefix was stripped


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The rewritten text and the templates that changed (empty when nothing did)."""

    text: str
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _new_value(old_name: str, value: str) -> str | None:
    """The value for the canonical name, or None when the old value has no equivalent."""
    base = "".join(c for c in old_name.lower() if not c.isdigit())
    low = value.lower()
    if base in ("deadurl", "dead-url"):
        mapped = cs1.DEADURL_VALUES.get(low, low)
        return mapped if mapped in _URL_STATUS else None
    if base in ("lastauthoramp", "last-author-amp"):
        return _AMP.get(low)
    return value


def _param_name(text: str, p: Param) -> str:
    return text[p.start : p.value_start - 1].strip(WS)


def _is_block(text: str, hit: TemplateHit, tpl: Template) -> bool:
    """True when parameters sit on their own lines (a newline next to a top-level ``|``)."""
    pieces = [text[hit.body_start : tpl.name_end]]
    pieces += [text[p.start : p.end] for p in tpl.params]
    for i, piece in enumerate(pieces):
        tail = piece[len(piece.rstrip(WS)):]
        head = piece[: len(piece) - len(piece.lstrip(WS))] if i else ""
        if "\n" in tail or "\n" in head:
            return True
    return False


def _canonical_params(
    text: str, tpl: Template
) -> tuple[list[str], list[tuple[str, str]], int]:
    """Each parameter's canonical text (``name=value``, or a positional value as written)."""
    present = {_param_name(text, p).lower() for p in tpl.params if p.named}
    renamed: list[tuple[str, str]] = []
    dois = 0
    out: list[str] = []
    for p in tpl.params:
        if not p.named:
            out.append(text[p.start : p.end])
            continue
        name = _param_name(text, p)
        value = text[p.value_start : p.end].strip(WS)
        if cs1.param_key(name)[0] not in URL_PARAMS:  # a URL is read verbatim: keep it so
            value = rewrite(value).text
        if cs1.is_deprecated(name):
            target, new_value = cs1.canonical_spelling(name), _new_value(name, value)
            if new_value is not None and target.lower() not in present:
                present.add(target.lower())
                renamed.append((name, target))
                name, value = target, new_value
        if cs1.param_key(name)[0] == "doi":
            doi, ok = normalize_identifier("doi", value)
            if ok and doi != value:
                value, dois = doi, dois + 1
        out.append(f"{name}={value}")
    return out, renamed, dois


def _needs_space(body: str) -> bool:
    """True when the close would merge with the body's end (``a}`` + ``}}`` reads ``}}}``).

    >>> _needs_space("cite web |title=a}"), _needs_space("cite web |title={{x}}")
    (True, False)
    """
    run = len(body) - len(body.rstrip("}"))
    return run % 2 == 1 or body.endswith("[")


def render(text: str, hit: TemplateHit) -> tuple[str, Change]:
    """The canonical text of one citation template (its original text when left alone)."""
    original = text[hit.start : hit.end]
    tpl = split_template(text, hit.body_start, hit.body_end)
    unchanged = original, Change(hit.start, hit.end, (), 0)
    if tpl.name != hit.name or _UNSAFE.search(text, hit.body_start, hit.body_end):
        return unchanged
    block = _is_block(text, hit, tpl)
    nl = "\r\n" if "\r\n" in original else "\n"
    params, renamed, dois = _canonical_params(text, tpl)
    parts = [text[hit.start : hit.body_start], tpl.name]
    after_positional = False
    for p, canonical in zip(tpl.params, params, strict=True):
        parts.append("|" if after_positional else (nl if block else "") + " |")
        parts.append(canonical)
        after_positional = not p.named
    body = "".join(parts)
    if not after_positional:
        body += nl if block else (" " if _needs_space(body) else "")
    return body + text[hit.body_end : hit.end], Change(hit.start, hit.end, tuple(renamed), dois)


def outermost_citations(templates: Iterable[TemplateHit]) -> Iterator[TemplateHit]:
    """The citation templates that no other citation template contains, in input order."""
    outer_end = -1
    for hit in templates:
        if hit.citation is not None and hit.start >= outer_end:
            outer_end = hit.end
            yield hit


def gaps(text: str) -> list[str]:
    """The text outside the outermost citation templates: what ``fix`` never changes.

    >>> gaps("a {{cite web|url=x|title={{lang|fr|t}}}} b [tpl]cite news|title=y[/tpl] c")
    ['a ', ' b ', ' c']
    """
    out, pos = [], 0
    for hit in outermost_citations(scan(text).templates):
        out.append(text[pos : hit.start])
        pos = hit.end
    return [*out, text[pos:]]


def rewrite(text: str) -> Rewrite:
    """Rewrite every outermost citation template of ``text`` (nested ones through their values).

    >>> rewrite("See [tpl]cite news| title = T|accessdate=1 May 2001 | deadurl=yes [/tpl].").text
    'See [tpl]cite news |title=T |access-date=1 May 2001 |url-status=dead[/tpl].'
    >>> r = rewrite("{{Cite journal\\r\\n| doi = https://doi.org/10.1000/x1\\r\\n}} {{sfn|A|2001}}")
    >>> r.text, r.changes[0].dois
    ('{{Cite journal\\r\\n |doi=10.1000/x1\\r\\n}} {{sfn|A|2001}}', 1)
    >>> rewrite(r.text).changed
    False
    """
    parts: list[str] = []
    changes: list[Change] = []
    pos = 0
    for hit in outermost_citations(scan(text).templates):
        new, change = render(text, hit)
        if new != text[hit.start : hit.end]:
            parts += [text[pos : hit.start], new]
            pos = hit.end
            changes.append(change)
    if not changes:
        return Rewrite(text, ())
    parts.append(text[pos:])
    return Rewrite("".join(parts), tuple(changes))
