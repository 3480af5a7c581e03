"""Inline attributions in news prose → references (issue 3).

``extract_attributions(text)`` finds who is cited ("…, said Uzi Rubin, a former head of …",
"according to a 2019 report by the U.S. Defense Intelligence Agency", "KCNA added"), links
every later mention to its first full one, and reads the article's own metadata (headline,
byline, credits, timestamp, editor, masthead). Rules only (``regex``), no model download.

CSL mapping
-----------
=========================================  ===================  ==================================
Source                                     CSL type             Variables
=========================================  ===================  ==================================
a person's statement ("Rubin says")        interview            author = speaker; container-title
                                                                = headline (else publication);
                                                                interviewer = "told Reuters";
                                                                role, organization → note
a person "in a statement" (all mentions)   document             as above
a person testifying, in a speech, at a     speech               as above
news conference
a news agency or newspaper ("KCNA added")  article-newspaper    author = container-title = the
                                                                agency (literal)
another organisation ("the NIS said")      document (speech)    author = literal name
a report ("a 2019 report by the DIA")      report               author = literal agency; issued =
                                                                year; genre = report/study/…
a vague source ("intelligence sources")    interview or         author = literal phrase;
                                           article-newspaper    anonymous=True; CN601 info
the article itself                         article-newspaper    title = headline; author = byline;
                                                                editor = "Edited by"; container-
                                                                title = publication; issued =
                                                                timestamp; source; section;
                                                                credits, dateline → note
=========================================  ===================  ==================================

A bare name that never meets a full name, a title or a role ("Eskom said") is an
organisation (``Registry.finish``): news introduces people by their full name first; a
capitalised common noun ("Developers say", with "developers" elsewhere) is anonymous.

``issued`` of a source is the time phrase of its first dated mention ("said last Tuesday"),
resolved against the article's date when known and kept raw otherwise; else the article date.
Every mention is an :class:`~citenorm.model.Evidence` (span, quoted or paraphrased text, cue).

Diagnostics: ``CN601`` info, anonymous source (``dropped`` when ``include_anonymous=False``);
``CN602`` warning, a pronoun or participle ("he said", ", saying") with no speaker in reach
(dropped); ``CN603`` info, a relative date kept raw because the article date is unknown.
Invariant: ``candidates == sum(len(r.evidence) for source refs) + len(dropped diagnostics)``
+ 1 for the article's own reference when there is one (``Document.accounted``).

>>> r = extract_attributions("“We are worried,” said Uzi Rubin, a former head of the program.")
>>> ref = r.references[0]
>>> ref.csl_type, ref.names["author"][0].family, dict(ref.extra)["role"]
('interview', 'Rubin', 'former head of the program')
>>> ref.evidence[0].text
'We are worried'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Diagnostic, Evidence, Reference, Severity
from .build import article_reference, source_reference
from .evidence import LineIndex, evidence_texts
from .link import Registry
from .metadata import ArticleMeta, read_metadata
from .scan import Hit, Sentences, scan
from .sources import classify

__all__ = ["AttributionResult", "extract_attributions"]


@dataclass(frozen=True, slots=True)
class AttributionResult:
    """References (the article first, then sources by first mention) and diagnostics."""

    references: tuple[Reference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    candidates: int = 0


def _diag(code: str, message: str, hit: Hit, lines: LineIndex, sev: Severity,
          dropped: bool) -> Diagnostic:
    return Diagnostic(code, message, lines.span(hit.start, hit.end), sev, dropped)


def extract_attributions(
    text: str, source: str = "<string>", *, include_anonymous: bool = True,
    article: bool = True,
) -> AttributionResult:
    """Find the sources a news text cites, and (with ``article``) the article's own reference.

    ``article=False`` skips the headline/byline/masthead reading, for texts that are not news
    articles (a wiki page's first line is no headline).
    """
    lines = LineIndex(text, source)
    meta = read_metadata(text) if article else ArticleMeta()
    index = Sentences(text)
    hits = scan(text, index)
    texts = evidence_texts(text, hits, index)
    registry = Registry(text)
    ev: dict[int, Evidence] = {}  # each linked hit's evidence (its span serves its source)
    diags: list[Diagnostic] = []
    for i, hit in enumerate(hits):
        idx = registry.add(hit, classify(hit.subject, hit.appositive))
        if idx is None:
            msg = f"no speaker in reach for '{hit.subject}' ({hit.cue})"
            diags.append(_diag("CN602", msg, hit, lines, Severity.WARNING, True))
            continue
        ev[id(hit)] = Evidence(lines.span(hit.start, hit.end), texts[i], hit.cue)
    registry.finish()
    refs: list[Reference] = []
    if meta.found:
        start = meta.headline_start
        refs.append(article_reference(meta, lines.span(start, start + len(meta.headline))))
    for src in registry.sources:
        first = src.hits[0]
        evidence = [ev[id(h)] for h in src.hits]
        if src.kind == "anonymous":
            if not include_anonymous:
                for h in src.hits:
                    diags.append(_diag("CN601", f"anonymous source: {src.name}", h, lines,
                                       Severity.INFO, True))
                continue
            diags.append(_diag("CN601", f"anonymous source: {src.name}", first, lines,
                               Severity.INFO, False))
        ref = source_reference(src, evidence, evidence[0].span, meta)
        _raw_date_note(ref, first, lines, meta, diags)
        refs.append(ref)
    diags.sort(key=lambda d: d.span.start)
    # the article's own reference is a citation found too (of the text itself)
    return AttributionResult(tuple(refs), tuple(diags), len(hits) + meta.found)


def _raw_date_note(ref: Reference, hit: Hit, lines: LineIndex, meta: ArticleMeta,
                   diags: list[Diagnostic]) -> None:
    date = ref.dates.get("issued")
    if date is not None and not date.parts and meta.anchor is None:
        msg = f"relative date kept raw (article date unknown): {date.raw}"
        diags.append(_diag("CN603", msg, hit, lines, Severity.INFO, False))
