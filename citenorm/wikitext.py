"""One template body → its name and ordered parameters, with offsets.

Pipes and equals signs inside nested templates (``{{…}}``, ``[tpl]…[/tpl]``), wikilinks
(``[[a|b]]``) and comments do not split. Positional parameters are numbered ``1``, ``2``, …
as MediaWiki numbers them. Offsets let ``fix`` rewrite a parameter in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# stdlib ``re``: several times faster than ``regex`` on a plain alternation like this one.
_TOKEN = re.compile(r"\{\{|\}\}|\[tpl\]|\[/tpl\]|\[\[|\]\]|<!--|\||=", re.IGNORECASE)
_PIECE_TOKEN = re.compile(r"\{\{|\}\}|\[tpl\]|\[/tpl\]|\[\[|\]\]|<!--|\|", re.IGNORECASE)
_OPEN = frozenset({"{{", "[tpl]", "[["})
_CLOSE = frozenset({"}}", "[/tpl]", "]]"})


class Param(NamedTuple):
    """One parameter. ``name`` is stripped; positional ones get "1", "2", … and ``named`` False.

    ``start``/``end`` cover the whole parameter text after its ``|``; ``value_start`` is where
    the value begins (after ``=`` for named parameters). A named tuple: immutable, and about
    three times cheaper to build than a frozen dataclass (a template has many parameters).
    """

    name: str
    value: str  # raw, with markup; not stripped
    start: int
    value_start: int
    end: int
    named: bool


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    params: tuple[Param, ...]
    name_end: int


def _fast_params(body: str, offset: int) -> tuple[str, list[Param], int]:
    pieces = body.split("|")
    name = pieces[0]
    params: list[Param] = []
    pos = offset + len(name) + 1
    positional = 0
    for piece in pieces[1:]:
        eq = piece.find("=")
        if eq >= 0:
            params.append(Param(piece[:eq].strip(), piece[eq + 1 :], pos, pos + eq + 1,
                                pos + len(piece), True))
        else:
            positional += 1
            params.append(Param(str(positional), piece, pos, pos, pos + len(piece), False))
        pos += len(piece) + 1
    return name, params, offset + len(name)


def _piece_starts(text: str, body_start: int, body_end: int) -> list[int]:
    """Where each top-level piece (name, then one per parameter) starts."""
    depth = 0
    starts = [body_start]
    pos = body_start
    search = _PIECE_TOKEN.search
    while True:
        m = search(text, pos, body_end)
        if m is None:
            return starts
        tok = m.group()
        pos = m.end()
        if tok == "|":
            if depth == 0:
                starts.append(pos)
        elif tok == "<!--":
            end = text.find("-->", pos, body_end)
            pos = body_end if end < 0 else end + 3
        elif tok.lower() in _OPEN:
            depth += 1
        else:
            depth = max(0, depth - 1)


def _first_eq(text: str, start: int, end: int) -> int:
    """The first ``=`` of a piece outside nested markup and comments, or -1.

    Fast path: the first ``=`` counts when nothing before it in the piece can open markup.
    """
    eq = text.find("=", start, end)
    if eq < 0:
        return -1
    head = text[start:eq]
    if "[" not in head and "{" not in head and "<" not in head:
        return eq
    depth = 0
    pos = start
    while True:
        m = _TOKEN.search(text, pos, end)
        if m is None:
            return -1
        tok = m.group().lower()
        pos = m.end()
        if tok in _OPEN:
            depth += 1
        elif tok in _CLOSE:
            depth = max(0, depth - 1)
        elif tok == "<!--":
            close = text.find("-->", pos, end)
            pos = end if close < 0 else close + 3
        elif depth == 0 and tok == "=":
            return m.start()


def split_template(text: str, body_start: int, body_end: int) -> Template:
    """Split ``text[body_start:body_end]`` (a template body) into name and parameters.

    >>> s = "{{cite web|url=http://a.b/?q=1|title=[[A|B]]{{!}}C|x}}"
    >>> t = split_template(s, 2, len(s) - 2)
    >>> [(p.name, p.value) for p in t.params]
    [('url', 'http://a.b/?q=1'), ('title', '[[A|B]]{{!}}C'), ('1', 'x')]
    """
    body = text[body_start:body_end]
    if "{" not in body and "[" not in body and "<" not in body:
        name, fast, name_end = _fast_params(body, body_start)
        return Template(name.strip(), tuple(fast), name_end)
    starts = _piece_starts(text, body_start, body_end)
    ends = [s - 1 for s in starts[1:]] + [body_end]
    bounds = [(s, _first_eq(text, s, e)) for s, e in zip(starts, ends, strict=True)]
    name_end = bounds[1][0] - 1 if len(bounds) > 1 else body_end
    params: list[Param] = []
    positional = 0
    for i, (start, eq_pos) in enumerate(bounds[1:], start=1):
        end = bounds[i + 1][0] - 1 if i + 1 < len(bounds) else body_end
        if eq_pos >= 0:
            params.append(Param(text[start:eq_pos].strip(), text[eq_pos + 1 : end], start,
                                eq_pos + 1, end, True))
        else:
            positional += 1
            params.append(Param(str(positional), text[start:end], start, start, end, False))
    return Template(text[body_start:name_end].strip(), tuple(params), name_end)
