"""``check``'s rules: every diagnostic of the template pipeline, plus the file-level ones.

:func:`lint` adds to :func:`~citenorm.pipeline.parse_templates`'s diagnostics (unbalanced
templates, bad dates and identifiers, unknown and deprecated parameters, no title nor URL):

- CN401 the same source cited twice with conflicting data (through :func:`keys.bibliography`);
- CN402 a short reference (``{{sfn}}``, ``{{harvnb}}``, …) whose anchor no full reference
  defines, Wikipedia's "no target" error;
- CN403 a full reference outside any ``<ref>`` that no short reference points at, in a file
  that uses short references (a bibliography entry nothing cites).
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import diag
from .keys import bibliography
from .model import Diagnostic
from .pipeline import parse_templates, split_hits
from .scan import LineIndex, Scan, TemplateHit, scan
from .shortrefs import anchor_key, full_ref_anchor, short_ref_anchors
from .wikitext import Template


@dataclass(frozen=True, slots=True)
class Anchored:
    """A template and the anchors it defines (full reference) or points at (short one)."""

    hit: TemplateHit
    anchors: tuple[str, ...]
    tpl: Template


def _anchored(text: str, found: Scan) -> tuple[list[Anchored], list[Anchored]]:
    """(full references, short references) with their anchors, in input order."""
    full: list[Anchored] = []
    short: list[Anchored] = []
    for hit, tpl in split_hits(text, found, short_refs=True):
        if hit.citation is None:
            short.append(Anchored(hit, tuple(short_ref_anchors(tpl)), tpl))
        else:
            anchor = full_ref_anchor(tpl)
            full.append(Anchored(hit, (anchor,) if anchor else (), tpl))
    return full, short


def short_ref_diagnostics(text: str, source: str, found: Scan | None = None) -> list[Diagnostic]:
    """CN402 and CN403 for ``text``.

    >>> t = "{{sfn|Ward|2004|p=3}}{{sfn|Wood|1962}}\\n* {{cite book|last=Ward|year=2004|title=A}}"
    >>> [str(d) for d in short_ref_diagnostics(t, "a.wiki")]
    ["a.wiki:1:22: CN402 {{sfn|Wood|1962}} has no target: no full reference by 'Wood' (1962)"]
    """
    found = found or scan(text)
    full, short = _anchored(text, found)
    if not short:
        return []
    lines = LineIndex(text, source)
    defined = {anchor_key(a) for f in full for a in f.anchors}
    pointed: set[str] = set()
    out: list[Diagnostic] = []
    for s in short:
        for anchor in s.anchors:
            key = anchor_key(anchor)
            pointed.add(key)
            if key not in defined:
                out.append(diag("CN402", _no_target(text, s, anchor),
                                lines.span(s.hit.start, s.hit.end)))
    for f in full:
        if f.hit.ref < 0 and f.anchors and anchor_key(f.anchors[0]) not in pointed:
            what = f.anchors[0].removeprefix("CITEREF")
            out.append(diag("CN403", f"full reference '{what}' is not the target of any short "
                                     "reference", lines.span(f.hit.start, f.hit.end)))
    return out


def _no_target(text: str, short: Anchored, anchor: str) -> str:
    shown = text[short.hit.start : min(short.hit.end, short.hit.start + 61)]
    if len(shown) > 60:
        shown = shown[:57] + "..."
    positional = [p.value.strip() for p in short.tpl.params if not p.named and p.value.strip()]
    if len(positional) > 1 and positional[-1][:1].isdigit():
        names = "', '".join(positional[:-1][:4])
        return f"{shown} has no target: no full reference by '{names}' ({positional[-1]})"
    return f"{shown} has no target: no full reference defines {anchor}"


def lint(text: str, source: str = "<string>") -> list[Diagnostic]:
    """Every diagnostic for one text, in input order (before selection and severities).

    >>> text = "{{cite web|title=A|url=http://a.org/x|date=2001}} {{cite web|url=http://a.org/x|title=B}}"
    >>> [d.code for d in lint(text)]
    ['CN401']
    """
    found = scan(text)
    doc = parse_templates(text, source)
    _, duplicates = bibliography(doc.references)
    found_diags = [*doc.diagnostics, *duplicates, *short_ref_diagnostics(text, source, found)]
    return sorted(found_diags, key=lambda d: (d.span.start, d.code))
