"""Linked sources and article metadata → :class:`~citenorm.model.Reference` (CSL mapping).

The mapping table lives in the package docstring (:mod:`citenorm.attribution`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Date, Evidence, Name, Reference, Span
from .link import Source
from .metadata import ArticleMeta
from .reldates import resolve


def csl_type(src: Source) -> str:
    """The CSL type for a source, from its kind and how it was cited.

    >>> csl_type(Source("organization", "Yonhap", media=True))
    'article-newspaper'
    >>> csl_type(Source("person", "Uzi Rubin"))
    'interview'
    """
    if src.kind == "report":
        return "report"
    if src.kind == "person":
        speech, statement = _manner(src)
        return "speech" if speech else "document" if statement else "interview"
    if src.media:
        return "article-newspaper"
    if src.kind == "organization":
        return "speech" if _manner(src)[0] else "document"
    return "interview"


def _manner(src: Source) -> tuple[bool, bool]:
    """Whether any primary mention (else any mention) is a speech, and whether all are
    statements (False without mentions)."""
    primary = [h for h in src.hits if h.primary] or src.hits
    speech, statement = False, bool(primary)
    for h in primary:  # one pass, no lists for any() and all()
        if h.speech:
            speech = True
        if not h.statement:
            statement = False
    return speech, statement


def source_date(src: Source, meta: ArticleMeta) -> Date | None:
    """The statement's date: a time phrase of a mention, the report year, or the article date."""
    for hit in src.hits:
        if hit.date and hit.date.lower() not in ("earlier", "recently"):
            return resolve(hit.date, meta.anchor)
    if src.kind == "report" and src.hits[0].year:
        return Date(parts=((int(src.hits[0].year),),), raw=src.hits[0].year)
    return meta.date


def source_reference(
    src: Source, evidence: Sequence[Evidence], span: Span, meta: ArticleMeta
) -> Reference:
    """One Reference for a linked source."""
    author = src.person if src.kind == "person" and src.person else Name(literal=src.name)
    names: dict[str, tuple[Name, ...]] = {"author": (author,)}
    for hit in src.hits:
        if hit.medium:
            names["interviewer"] = (Name(literal=hit.medium),)
            break
    kind = csl_type(src)
    date = source_date(src, meta)
    return Reference(
        csl_type=kind,
        span=span,
        origin="attribution",
        fields=_source_fields(src, kind, meta),
        names=names,
        dates={"issued": date} if date else {},
        extra=_source_extra(src),
        anonymous=src.kind == "anonymous",
        evidence=tuple(evidence),
    )


def _source_extra(src: Source) -> tuple[tuple[str, str], ...]:
    """source-kind, role, organization and acronym, each when not empty, then mentions."""
    extra = [("source-kind", src.kind)] if src.kind else []
    if src.role:
        extra.append(("role", src.role))
    if src.organization:
        extra.append(("organization", src.organization))
    if src.acronym:
        extra.append(("acronym", src.acronym))
    extra.append(("mentions", str(len(src.hits))))
    return tuple(extra)


def _source_fields(src: Source, kind: str, meta: ArticleMeta) -> dict[str, str]:
    """container-title, publisher and genre of a source's reference, each when not empty."""
    fields: dict[str, str] = {}
    if kind == "article-newspaper":
        title = src.name if src.kind != "anonymous" else meta.publication
    else:
        title = meta.headline or meta.publication
    if title:
        fields["container-title"] = title
    if meta.publication and kind != "article-newspaper":
        fields["publisher"] = meta.publication
    if src.kind == "report" and src.hits[0].report:
        fields["genre"] = src.hits[0].report
    return fields


def article_reference(meta: ArticleMeta, span: Span) -> Reference:
    """The article itself as ``article-newspaper``."""
    fields = {
        "title": meta.headline,
        "container-title": meta.publication,
        "source": meta.source,
        "section": meta.section,
    }
    names = {"author": meta.authors, "editor": meta.editors}
    extra = (("credit", meta.credit), ("photo-credit", meta.photo_credit),
             ("author-email", meta.email), ("dateline", meta.dateline))
    return Reference(
        csl_type="article-newspaper",
        span=span,
        origin="article",
        fields={k: v for k, v in fields.items() if v},
        names={k: v for k, v in names.items() if v},
        dates={"issued": meta.date} if meta.date else {},
        extra=tuple([(k, v) for k, v in extra if v]),
    )
