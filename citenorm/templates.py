"""Citation template parameters → one :class:`~citenorm.model.Reference` (plus diagnostics).

The mapping from CS1 parameters to CSL variables lives in :data:`TEXT_FIELDS` and the
handlers below; parameters with no CSL variable are kept in ``Reference.extra`` so they
reach the CSL ``note`` (nothing is dropped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from . import cs1
from .diagnostics import diag
from .model import Date, Diagnostic, Name, Reference, Span
from .normalize.dates import parse_date
from .normalize.identifiers import IDENTIFIERS, normalize_identifier
from .normalize.names import ETAL, parse_name, parse_vancouver, person, split_name_list
from .normalize.text import collapse, en_dash_ranges, strip_comments, strip_markup
from .wikitext import Template

#: Canonical CS1 parameter → CSL text variable (simple one-to-one copies).
TEXT_FIELDS: dict[str, str] = {
    "title": "title",
    "publisher": "publisher",
    "volume": "volume",
    "issue": "issue",
    "edition": "edition",
    "series": "collection-title",
    "series-no": "collection-number",
    "language": "language",
    "via": "source",
    "format": "medium",
    "conference": "event-title",
    "scale": "scale",
    "docket": "number",
    "url": "URL",
}
#: Parameters that are understood but have no CSL variable: kept in ``extra`` (→ note).
KEPT = frozenset(
    """trans-title script-title trans-work archive-url archive-date archive-format url-status
    url-access quote trans-quote agency chapter-url conference-url trans-chapter season
    series-link minutes time time-caption cartography credits class others ref mode postscript
    df name-list-style display-authors display-editors lay-url lay-date lay-source no-pp
    author-mask editor-mask doi-broken-date pmc-embargo-date bibcode-access doi-access
    hdl-access jstor-access ol-access osti-access s2cid-access collaboration user number-tweet
    recipient""".split()
)
URL_PARAMS = frozenset({"url", "archive-url", "chapter-url", "conference-url", "lay-url"})
DATE_PARAMS = {"date": "issued", "access-date": "accessed", "orig-date": "original-date"}
EXTRA_DATE_PARAMS = frozenset({"archive-date", "lay-date", "doi-broken-date"})
#: Name-list parameters → (role, how one list item is read).
LIST_ROLES: dict[str, tuple[str, Callable[[str], Name | None]]] = {
    "authors": ("author", parse_name),
    "editors": ("editor", parse_name),
    "translators": ("translator", parse_name),
    "interviewers": ("interviewer", parse_name),
    "vauthors": ("author", parse_vancouver),
    "veditors": ("editor", parse_vancouver),
}
CSL_IDENTIFIERS = {"doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "pmid": "PMID", "pmc": "PMCID"}
ID_CODES = {"doi": "CN102", "isbn": "CN103", "issn": "CN104", "eissn": "CN104"}


class _Builder:
    """Mutable scratch state for one template; frozen into a Reference at the end.

    A plain slotted class (built once per template: cheaper than a dataclass with ten
    default factories).
    """

    __slots__ = ("diagnostics", "extra", "fields", "locate", "name_parts", "span", "template",
                 "used_alias", "values", "where")

    def __init__(self, template: str, span: Span,
                 locate: Callable[[int, int], Span] | None = None) -> None:
        self.template = template
        self.span = span
        self.locate = locate  # offsets → Span, for precise diagnostics
        self.where: dict[str, tuple[int, int]] = {}  # canonical → param offsets
        self.fields: dict[str, str] = {}
        self.values: dict[str, str] = {}  # canonical CS1 name → text
        self.used_alias: dict[str, str] = {}
        self.name_parts: dict[tuple[str, int], dict[str, str]] = {}
        self.extra: list[tuple[str, str]] = []
        self.diagnostics: list[Diagnostic] = []

    def warn(self, code: str, message: str, param: str = "",
             at: tuple[int, int] | None = None) -> None:
        """Report at the parameter (``at`` offsets, or where ``param`` was read) if known."""
        where = at or self.where.get(param)
        span = self.locate(*where) if where and self.locate else self.span
        self.diagnostics.append(diag(code, message, span))


def _clean(canonical: str, raw: str) -> str:
    if canonical in URL_PARAMS:
        return collapse(strip_comments(raw))
    return strip_markup(raw) if len(raw) > _CACHED_VALUE else _strip_value(raw)


#: Values up to this length go through a cache: names, dates, publishers, languages and
#: the like repeat across a dump (a value is a few dozen characters; titles rarely repeat).
_CACHED_VALUE = 200
_strip_value = lru_cache(maxsize=32768)(strip_markup)


@lru_cache(maxsize=8192)
def _param_info(name: str) -> tuple[str, int, str, tuple[str, str] | None, bool, str]:
    """Everything ``_collect`` needs from a parameter name, computed once per spelling:
    canonical name, index, the CN202 message ("" unless deprecated), the name part it
    fills, whether it is a known parameter, the lower-case spelling."""
    canonical, index = cs1.param_key(name)
    deprecated = (f"deprecated parameter '{name}' (use '{cs1.canonical_spelling(name)}')"
                  if cs1.is_deprecated(name) else "")
    return (canonical, index, deprecated, cs1.NAME_PARTS.get(canonical),
            canonical in cs1.KNOWN, name.lower())


def _collect(tpl: Template, b: _Builder) -> None:
    for p in tpl.params:
        if not p.value or p.value.isspace():  # empty: nothing to keep (and cheap to skip)
            continue
        name = collapse(strip_comments(p.name)) if "<" in p.name else p.name
        canonical, index, deprecated, name_part, known, low = _param_info(name)
        value = _clean(canonical, p.value)
        if not value:
            continue
        at = (p.start, p.end)
        if deprecated:
            b.warn("CN202", deprecated, at=at)
        if name_part is not None:
            role, part = name_part
            slot = b.name_parts.setdefault((role, index or 1), {})
            if part in slot:
                b.warn("CN204", f"duplicate parameter '{name}'", at=at)
                b.extra.append((name, slot[part]))
            slot[part] = value
            continue
        if not p.named or not known:
            b.warn("CN201", f"unknown parameter '{name}'", at=at)
            b.extra.append((name, value))
            continue
        if canonical == "url-status" and low in ("deadurl", "dead-url"):
            value = cs1.DEADURL_VALUES.get(value.lower(), value)
        if canonical in b.values:
            b.warn("CN204", f"duplicate parameter '{name}'", at=at)
            b.extra.append((b.used_alias[canonical], b.values[canonical]))
        b.values[canonical] = value
        b.where[canonical] = at
        b.used_alias[canonical] = low


def _names(b: _Builder) -> dict[str, tuple[Name, ...]]:
    out: dict[str, list[Name]] = {}
    slots: Iterable[tuple[tuple[str, int], dict[str, str]]] = b.name_parts.items()
    if len(b.name_parts) > 1:
        slots = sorted(slots, key=lambda kv: kv[0][1])
    for (role, _index), parts in slots:
        link = parts.get("link", "")
        if "mask" in parts:
            b.extra.append((f"{role}-mask", parts["mask"]))
        name: Name | None
        if "last" in parts:
            if ETAL.match(parts["last"]):
                continue
            name = person(parts["last"], parts.get("first", ""), link)
            if "full" in parts:
                b.extra.append((role, parts["full"]))
        elif "full" in parts:
            name = parse_name(parts["full"], link)
            if name is not None and "first" in parts:
                b.extra.append((f"{role}-first", parts["first"]))
        elif "first" in parts:
            b.warn("CN205", f"{role} first name '{parts['first']}' without a last name")
            name = Name(given=parts["first"], link=link)
        else:
            b.extra.append((f"{role}-link", link))
            continue
        if name is not None:
            out.setdefault(role, []).append(name)
    for param, (role, parse) in LIST_ROLES.items():
        if param in b.values:
            if role in out:  # numbered names came first: the list is kept, not merged
                b.extra.append((param, b.values[param]))
            else:
                names = [parse(n) for n in split_name_list(b.values[param])]
                out[role] = [n for n in names if n is not None]
    for role in ("subject", "host"):  # the interviewee, a podcast's host: the author
        if role in out:
            out.setdefault("author", []).extend(out.pop(role))
    if "contributor" in out:
        for c in out.pop("contributor"):
            b.extra.append(("contributor", c.literal or f"{c.given} {c.family}".strip()))
    return {role: tuple(names) for role, names in out.items() if names}


def _dates(b: _Builder) -> dict[str, Date]:
    dates: dict[str, Date] = {}
    v = b.values
    for source in ("publication-date", "year"):
        if "date" not in v and source in v:
            v["date"] = v.pop(source)
            b.where["date"] = b.where[source]
    if "year" in v:
        year = parse_date(v["year"]).year
        if year is None or year != parse_date(v["date"]).year:
            b.extra.append(("year", v["year"]))
        v.pop("year")
    for param, var in DATE_PARAMS.items():
        if param in v:
            date = parse_date(v[param])
            if not date.parts and not date.literal:
                b.warn("CN101", f"invalid date in '{param}': '{v[param]}'", param)
            dates[var] = date
    for param in [p for p in v if p in EXTRA_DATE_PARAMS]:
        if not parse_date(v[param]).parts:
            b.warn("CN101", f"invalid date in '{param}': '{v[param]}'", param)
    return dates


def _identifiers(b: _Builder) -> None:
    for param in IDENTIFIERS:
        if param not in b.values:
            continue
        value, ok = normalize_identifier(param, b.values[param])
        label = IDENTIFIERS[param][1]
        if not ok:
            b.warn(ID_CODES.get(param, "CN105"), f"invalid {label} '{b.values[param]}'", param)
        var = CSL_IDENTIFIERS.get(param)
        if param == "eissn" and "ISSN" not in b.fields:
            var = "ISSN"
        if var and var not in b.fields:
            b.fields[var] = value
        else:
            b.extra.append((label, value))


def _text(b: _Builder, csl_type: str) -> str:
    v, f = b.values, b.fields
    for param, var in TEXT_FIELDS.items():
        if param in v:
            f[var] = v[param]
    if "work" in v:
        f["container-title"] = v["work"]
    if "book-title" in v:
        f.setdefault("container-title", v["book-title"]) if "work" not in v else \
            b.extra.append(("book-title", v["book-title"]))
    place = v.get("publication-place") or v.get("location")
    if place:
        f["publisher-place"] = place
        if "publication-place" in v and "location" in v:
            b.extra.append(("location", v["location"]))
    page = v.get("pages") or v.get("page")
    if page:
        f["page"] = en_dash_ranges(page)
        if "pages" in v and "page" in v:
            b.extra.append(("page", v["page"]))
    if "at" in v:
        if page:
            b.extra.append(("at", v["at"]))
        else:
            f["page"] = v["at"]
    if "type" in v or "degree" in v:
        f["genre"] = v.get("type") or v["degree"]
        if "type" in v and "degree" in v:
            b.extra.append(("degree", v["degree"]))
    if "chapter" in v:
        if csl_type in ("book", "chapter"):
            csl_type = "chapter"
            if "title" in v:
                f["container-title"] = v["title"]
            f["title"] = v["chapter"]
        else:
            f["section"] = v["chapter"]
    if "department" in v:
        if "section" in f:
            b.extra.append(("department", v["department"]))
        else:
            f["section"] = v["department"]
    if "episode" in v:
        f["number"] = v["episode"]
    if "script-title" in v and "title" not in f:
        f["title"] = v["script-title"].split(":", 1)[-1] if ":" in v["script-title"][:4] \
            else v["script-title"]
    b.extra.extend([(param, value) for param, value in v.items() if param in KEPT])
    return csl_type


def _type(template: str, b: _Builder) -> tuple[str, str]:
    csl_type, genre = cs1.TEMPLATE_TYPES[template]
    if template != "citation":
        return csl_type, genre
    alias, v = b.used_alias.get("work", ""), b.values
    if alias == "newspaper":
        return "article-newspaper", ""
    if alias == "magazine":
        return "article-magazine", ""
    if alias == "website":
        return "webpage", ""
    if alias in ("encyclopedia", "encyclopaedia", "dictionary"):
        return "entry-encyclopedia", ""
    if "work" in v:
        return "article-journal", ""
    if "publisher" in v or "isbn" in v or "chapter" in v:
        return "book", ""
    if "url" in v:
        return "webpage", ""
    return "document", ""


_PREPRINT: dict[str, Callable[[str], tuple[str, str]]] = {
    "cite arxiv": lambda v: ("arXiv", f"arXiv:{v}"),
    "cite ssrn": lambda v: ("SSRN", f"SSRN {v}"),
    "cite biorxiv": lambda v: ("bioRxiv", v),
    "cite medrxiv": lambda v: ("medRxiv", v),
    "cite citeseerx": lambda v: ("CiteSeerX", v),
}
_PREPRINT_PARAM = {"cite arxiv": "arxiv", "cite ssrn": "ssrn", "cite biorxiv": "biorxiv",
                   "cite medrxiv": "medrxiv", "cite citeseerx": "citeseerx"}


def build(template: str, name_as_written: str, tpl: Template, span: Span,
          ref_name: str = "", locate: Callable[[int, int], Span] | None = None,
          ) -> tuple[Reference | None, list[Diagnostic]]:
    """Build the Reference for citation template ``template`` (canonical name).

    Returns ``(None, [dropped diagnostic])`` for an empty template. With ``locate``,
    diagnostics about one parameter point at that parameter rather than the template.
    """
    b = _Builder(template, span, locate)
    _collect(tpl, b)
    if not b.values and not b.name_parts and not b.extra:
        return None, [diag("CN003", f"empty citation template '{name_as_written}'", span,
                           dropped=True)]
    csl_type, genre = _type(template, b)
    names = _names(b)
    dates = _dates(b)
    _identifiers(b)
    csl_type = _text(b, csl_type)
    if genre and "genre" not in b.fields:
        b.fields["genre"] = genre
    if template in _PREPRINT:
        pid = b.values.get(_PREPRINT_PARAM[template], "")
        publisher, number = _PREPRINT[template](pid) if pid else ("", "")
        if publisher:
            b.fields.setdefault("publisher", publisher)
            b.fields.setdefault("number", number)
    if "issue" in b.fields and csl_type == "report":
        b.fields.setdefault("number", b.fields.pop("issue"))
    if "title" not in b.fields and "URL" not in b.fields:
        b.warn("CN203", f"'{name_as_written}' has neither title nor url")
    ref = Reference(
        csl_type=csl_type,
        span=span,
        origin="template",
        fields=b.fields,
        names=names,
        dates=dates,
        extra=tuple(b.extra),
        template=name_as_written,
        ref_name=ref_name,
    )
    return ref, b.diagnostics
