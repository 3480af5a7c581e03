"""scan → parse → normalize for one source text: :func:`parse_templates` builds a Document.

Every citation candidate the scanner finds (a citation template, closed or not, or a
``<ref>`` holding neither a template nor a link) ends as exactly one Reference or one
Diagnostic with ``dropped=True``; ``Document.candidates`` counts them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace

import regex

from .diagnostics import diag
from .model import Diagnostic, Document, Reference
from .normalize.text import EXTLINK, collapse, strip_markup
from .scan import LineIndex, Scan, TemplateHit, scan
from .templates import build
from .wikitext import Template, split_template

_BARE_URL = regex.compile(r"\bhttps?://[^\s\[\]<>\"|]{1,2000}")


def parse_templates(text: str, source: str = "<string>") -> Document:
    """References from the citation templates and ``<ref>`` tags of ``text``.

    >>> doc = parse_templates("x[tpl]cite news |title=T |last=Sanger |date=June 12, 1993[/tpl]")
    >>> doc.references[0].csl_type, doc.references[0].names["author"][0].family
    ('article-newspaper', 'Sanger')
    """
    found = scan(text)
    lines = LineIndex(text, source)
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    candidates = 0
    for hit, tpl in split_hits(text, found):
        assert hit.citation is not None
        candidates += 1
        span = lines.span(hit.start, hit.end)
        ref_name = found.refs[hit.ref].name if 0 <= hit.ref < len(found.refs) else ""
        ref, diags = build(hit.citation, hit.name, tpl, span, ref_name, lines.span)
        if ref is not None:
            references.append(ref)
        diagnostics.extend(diags)
    for problem in found.problems:
        span = lines.span(problem.start, problem.start + len(problem.token))
        if problem.kind == "unclosed":
            candidates += problem.citation
            what = f"'{problem.name}'" if problem.name else "template"
            diagnostics.append(diag("CN001", f"unclosed {problem.token} {what}", span,
                                    dropped=problem.citation))
        else:
            diagnostics.append(diag("CN002", f"stray '{problem.token}'", span))
    free, free_diags, free_candidates = _free_refs(text, found, lines)
    references.extend(free)
    diagnostics.extend(free_diags)
    candidates += free_candidates
    references = _count_reuses(references, found, lines, diagnostics)
    references.sort(key=lambda r: r.span.start)
    diagnostics.sort(key=lambda d: d.span.start)
    return Document(source, tuple(references), tuple(diagnostics), candidates)


def split_hits(text: str, found: Scan, *, short_refs: bool = False,
               ) -> Iterator[tuple[TemplateHit, Template]]:
    """Each citation template (and, with ``short_refs``, each short-reference template) with
    its parameters, in input order; templates of the same kinds nested in it are left out
    of its values, so the work stays linear at any nesting depth.
    """
    children = _nested(found, short_refs)
    for i, hit in enumerate(found.templates):
        if hit.citation is not None or short_refs:
            yield hit, _split_without(text, hit, children.get(i, ()))


def _nested(found: Scan, short_refs: bool) -> dict[int, list[TemplateHit]]:
    """Index of each template of the kinds asked for → those directly nested in it.

    Template spans nest properly (they come from one stack), so one sweep finds them.
    """
    children: dict[int, list[TemplateHit]] = {}
    open_: list[int] = []
    for i, hit in enumerate(found.templates):
        if hit.citation is None and not short_refs:
            continue
        while open_ and found.templates[open_[-1]].end <= hit.start:
            open_.pop()
        if open_:
            children.setdefault(open_[-1], []).append(hit)
        open_.append(i)
    return children


def _split_without(text: str, hit: TemplateHit, nested: list[TemplateHit] | tuple[()]) -> Template:
    """Split ``hit``'s body with the citation templates nested in it left out.

    A nested citation is a candidate of its own; in its parent's parameter value it counts
    as nothing (as in mwparserfromhell's ``strip_code``). Leaving it out keeps the work
    linear: otherwise each of n nested levels re-reads all the levels below it (O(n²) on
    ``{{cite news|title={{cite news|title=…}}}}`` nested 10,000 deep). Offsets stay those
    of ``text``.
    """
    if not nested:
        return split_template(text, hit.body_start, hit.body_end)
    pieces: list[str] = []
    cuts: list[int] = []  # where each nested template was cut, in the shortened body
    removed: list[int] = [0]  # characters removed up to and including each cut
    pos = hit.body_start
    length = 0
    for child in nested:
        pieces.append(text[pos : child.start])
        length += child.start - pos
        cuts.append(length)
        removed.append(removed[-1] + child.end - child.start)
        pos = child.end
    pieces.append(text[pos : hit.body_end])
    body = "".join(pieces)
    tpl = split_template(body, 0, len(body))
    base = hit.body_start

    def start(p: int) -> int:  # a start at a cut lies before the nested template
        return base + p + removed[bisect_left(cuts, p)]

    def end(p: int) -> int:  # an end at a cut lies after it
        return base + p + removed[bisect_right(cuts, p)]

    params = tuple(q._replace(start=start(q.start), value_start=start(q.value_start),
                              end=end(q.end)) for q in tpl.params)
    return Template(tpl.name, params, end(tpl.name_end))


def _free_refs(
    text: str, found: Scan, lines: LineIndex
) -> tuple[list[Reference], list[Diagnostic], int]:
    """``<ref>`` elements with no template: a link becomes a webpage, other text a diagnostic."""
    refs: list[Reference] = []
    diags: list[Diagnostic] = []
    candidates = 0
    with_template = found.ref_templates
    for i, ref in enumerate(found.refs):
        if not ref.closed:
            diags.append(diag("CN004", "unclosed <ref>", lines.span(ref.start, ref.start + 5)))
        if ref.reuse or i in with_template:
            continue
        content = text[ref.content_start : ref.content_end]
        plain = strip_markup(content)
        if not plain:
            continue
        candidates += 1
        span = lines.span(ref.start, ref.end)
        # both link patterns need "//" (an external link) or "://" (a bare URL)
        link = EXTLINK.search(content) if "//" in content else None
        url = link.group(1) if link else ""
        if not url and "://" in content:
            bare = _BARE_URL.search(content)
            url = bare.group() if bare else ""
        if url:
            title = collapse(strip_markup(link.group(2))) if link and link.group(2) else ""
            fields = {"URL": url, **({"title": title} if title else {})}
            if plain not in (title, url):
                fields["note"] = plain
            refs.append(Reference("webpage", span, "ref", fields, ref_name=ref.name))
        else:
            short = plain if len(plain) <= 80 else plain[:77] + "..."
            diags.append(diag("CN301", f"free-text reference: {short!r}", span, dropped=True))
    return refs, diags, candidates


def _count_reuses(
    references: list[Reference], found: Scan, lines: LineIndex, diags: list[Diagnostic]
) -> list[Reference]:
    """Record ``<ref name=x/>`` reuses on the reference defined under that name."""
    counts: dict[str, int] = {}
    first_reuse: dict[str, int] = {}
    for ref in found.refs:
        if ref.reuse and ref.name:
            counts[ref.name] = counts.get(ref.name, 0) + 1
            first_reuse.setdefault(ref.name, ref.start)
    if not counts:
        return references
    defined = {r.ref_name for r in references if r.ref_name}
    defined |= {r.name for r in found.refs if not r.reuse and r.name}
    for name, start in first_reuse.items():
        if name not in defined:
            diags.append(diag("CN302", f"<ref name={name!r}/> is never defined",
                              lines.span(start, start + 4)))
    out: list[Reference] = []
    seen: set[str] = set()
    for r in references:
        if r.ref_name in counts and r.ref_name not in seen:
            seen.add(r.ref_name)
            r = _with_reuses(r, counts[r.ref_name])
        out.append(r)
    return out


def _with_reuses(ref: Reference, reuses: int) -> Reference:
    return replace(ref, reuses=reuses)
