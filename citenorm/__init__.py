"""citenorm: find citations in wikitext and news prose, normalize them, write BibTeX and CSL-JSON.

>>> doc = parse("[tpl]cite news |title=Missile is Tested by North Koreans |last=Sanger "
...             "|first=David E. |newspaper=New York Times |date=June 12, 1993 [/tpl]")
>>> item = to_csl_items([doc])[0]
>>> item["type"], item["author"], item["issued"]
('article-newspaper', [{'family': 'Sanger', 'given': 'David E.'}], {'date-parts': [[1993, 6, 12]]})
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from .emit import bibtex as _bibtex
from .emit import csl as _csl
from .errors import CitenormError, InputError
from .keys import Entry, bibliography
from .model import Date, Diagnostic, Document, Evidence, Name, Reference, Severity, Span
from .pipeline import parse_templates
from .prose import prose_view

__all__ = [
    "CitenormError",
    "Date",
    "Diagnostic",
    "Document",
    "Entry",
    "Evidence",
    "InputError",
    "Name",
    "Reference",
    "Severity",
    "Span",
    "bibliography",
    "extract",
    "parse",
    "to_bibtex",
    "to_csl_items",
    "to_csl_json",
]
__version__ = "0.1.0"

Only = Literal["all", "templates", "attributions"]


def parse(text: str, source: str = "<string>", *, only: Only = "all",
          include_anonymous: bool = True) -> Document:
    """Find and normalize every citation in ``text``: templates, then prose attributions.

    References and diagnostics come back in input order. Anonymous sources are kept as
    references flagged ``anonymous`` (the emitters leave them out unless asked).
    """
    docs: list[Document] = []
    if only in ("all", "templates"):
        docs.append(parse_templates(text, source))
    if only in ("all", "attributions"):
        docs.append(_attributions(text, source, include_anonymous))
    if len(docs) == 1:
        return docs[0]
    refs = sorted((r for d in docs for r in d.references), key=lambda r: r.span.start)
    diags = sorted((x for d in docs for x in d.diagnostics), key=lambda x: x.span.start)
    return Document(source, tuple(refs), tuple(diags), sum(d.candidates for d in docs))


def _attributions(text: str, source: str, include_anonymous: bool) -> Document:
    try:
        from .attribution import extract_attributions
    except ImportError:  # the extractor is optional until it lands
        return Document(source)
    # Markup is blanked (offsets kept) so wiki syntax never reads as prose; a wiki page is
    # not a news article, so its first line is not read as a headline.
    view = prose_view(text)
    result = extract_attributions(view, source, include_anonymous=include_anonymous,
                                  article=view is text)
    return Document(source, result.references, result.diagnostics, result.candidates)


def _entries(docs: Iterable[Document], include_anonymous: bool) -> tuple[Entry, ...]:
    entries, _ = bibliography((r for d in docs for r in d.references),
                              include_anonymous=include_anonymous)
    return entries


def to_csl_items(docs: Iterable[Document], *, include_anonymous: bool = False
                 ) -> list[dict[str, Any]]:
    """CSL-JSON items (dicts) for the merged bibliography of ``docs``."""
    return [_csl.to_csl_item(e.reference, e.key) for e in _entries(docs, include_anonymous)]


def to_csl_json(docs: Iterable[Document], *, include_anonymous: bool = False) -> str:
    """A CSL-JSON array (string) for the merged bibliography of ``docs``."""
    return _csl.dumps_entries(_entries(docs, include_anonymous))


def to_bibtex(docs: Iterable[Document], *, include_anonymous: bool = False) -> str:
    """A BibTeX database (string) for the merged bibliography of ``docs``."""
    return _bibtex.dumps(_entries(docs, include_anonymous))


def extract(text: str, source: str = "<string>") -> list[dict[str, Any]]:
    """Shortcut: the CSL-JSON items of one text."""
    return to_csl_items([parse(text, source)])
