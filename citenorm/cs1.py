"""CS1/CS2 data tables: template names → CSL types, parameter aliases → canonical names.

Pure data plus two lookups. The tables follow Wikipedia's Help:Citation Style 1 and
Module:Citation/CS1/Whitelist (current and deprecated/removed aliases).
"""

from __future__ import annotations

from functools import lru_cache

import regex

#: template name (lower case, single spaces) → (CSL type, CSL genre or "").
TEMPLATE_TYPES: dict[str, tuple[str, str]] = {
    "cite news": ("article-newspaper", ""),
    "cite web": ("webpage", ""),
    "cite book": ("book", ""),
    "cite journal": ("article-journal", ""),
    "cite magazine": ("article-magazine", ""),
    "cite encyclopedia": ("entry-encyclopedia", ""),
    "cite encyclopaedia": ("entry-encyclopedia", ""),
    "cite dictionary": ("entry-dictionary", ""),
    "cite report": ("report", ""),
    "cite techreport": ("report", "technical report"),
    "cite press release": ("document", "press release"),
    "cite conference": ("paper-conference", ""),
    "cite thesis": ("thesis", ""),
    "cite av media": ("motion_picture", ""),
    "cite video": ("motion_picture", ""),
    "cite av media notes": ("document", "liner notes"),
    "cite episode": ("broadcast", ""),
    "cite serial": ("broadcast", ""),
    "cite interview": ("interview", ""),
    "cite speech": ("speech", ""),
    "cite map": ("map", ""),
    "cite sign": ("document", "sign"),
    "cite mailing list": ("post", "mailing list"),
    "cite newsgroup": ("post", "newsgroup"),
    "cite podcast": ("broadcast", "podcast"),
    "cite arxiv": ("article", "preprint"),
    "cite biorxiv": ("article", "preprint"),
    "cite medrxiv": ("article", "preprint"),
    "cite citeseerx": ("article", "preprint"),
    "cite ssrn": ("article", "preprint"),
    "cite document": ("document", ""),
    "cite tweet": ("post", "tweet"),
    "citation": ("document", ""),
}
TEMPLATE_ALIASES = {
    "cite": "citation",
    "cite newspaper": "cite news",
    "cite website": "cite web",
    "cite paper": "cite journal",
    "cite article": "cite journal",
    "cite periodical": "cite magazine",
    "cite mailinglist": "cite mailing list",
    "cite audio": "cite av media",
    "cite media": "cite av media",
    "cite dvd": "cite av media",
    "cite film": "cite av media",
    "cite movie": "cite av media",
    "cite album-notes": "cite av media notes",
    "cite album notes": "cite av media notes",
    "cite liner notes": "cite av media notes",
    "cite tech report": "cite techreport",
    "cite pressrelease": "cite press release",
    "vcite journal": "cite journal",
    "vcite book": "cite book",
    "vcite news": "cite news",
    "vcite web": "cite web",
}

#: Short-reference templates (Harvard style): they point at a full reference.
SHORT_REF_TEMPLATES = frozenset(
    {"sfn", "sfnp", "sfnm", "harv", "harvnb", "harvp", "harvtxt", "harvcol", "harvcolnb",
     "harvcoltxt", "harvard citation", "harvard citation no brackets", "harvard citation text",
     "harvid"}
) - {"harvid"}

_SPACES = regex.compile(r"[\s_]+")


@lru_cache(maxsize=4096)
def normalize_template_name(name: str) -> str:
    """Lower case, ``_`` and runs of spaces folded; ``Template:`` prefix dropped.

    >>> normalize_template_name(" Cite_News ")
    'cite news'
    """
    key = _SPACES.sub(" ", name).strip().lower()
    if key.startswith("template:"):
        key = key[9:].strip()
    return key


@lru_cache(maxsize=4096)
def citation_template(name: str) -> str | None:
    """The canonical citation template name, or None for a non-citation template.

    >>> citation_template("Cite  AV_media"), citation_template("Citation"), citation_template("sfn")
    ('cite av media', 'citation', None)
    """
    key = normalize_template_name(name)
    key = TEMPLATE_ALIASES.get(key, key)
    return key if key in TEMPLATE_TYPES else None


def is_short_ref(name: str) -> bool:
    """True for ``{{sfn}}``, ``{{harvnb}}`` and the other short-reference templates."""
    return normalize_template_name(name) in SHORT_REF_TEMPLATES


#: Accepted spelling → canonical CS1 parameter. Canonical names map to themselves.
_ALIAS_GROUPS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "trans-title": ("trans-title", "trans_title"),
    "script-title": ("script-title",),
    "url": ("url", "URL"),
    "access-date": ("access-date", "accessdate", "access date"),
    "archive-url": ("archive-url", "archiveurl"),
    "archive-date": ("archive-date", "archivedate"),
    "archive-format": ("archive-format",),
    "url-status": ("url-status", "dead-url", "deadurl"),
    "url-access": ("url-access", "subscription", "registration"),
    "date": ("date",),
    "year": ("year",),
    "orig-date": ("orig-date", "orig-year", "origyear", "orig_year", "origdate"),
    "publication-date": ("publication-date", "publicationdate"),
    "work": (
        "work", "journal", "newspaper", "magazine", "periodical", "website", "encyclopedia",
        "encyclopaedia", "dictionary", "mailing-list", "mailinglist", "newsgroup", "program",
        "programme",
    ),
    "trans-work": ("trans-work", "trans-journal", "trans-newspaper", "trans-magazine",
                   "trans-website", "trans-periodical"),
    "publisher": ("publisher", "institution", "distributor", "station", "network"),
    "location": ("location", "place"),
    "publication-place": ("publication-place", "publicationplace"),
    "page": ("page", "p"),
    "pages": ("pages", "pp"),
    "at": ("at",),
    "volume": ("volume",),
    "issue": ("issue", "number"),
    "edition": ("edition",),
    "series": ("series", "version"),
    "book-title": ("book-title", "booktitle"),
    "series-no": ("series-no", "series-number", "seriesno"),
    "chapter": ("chapter", "contribution", "entry", "article", "section"),
    "trans-chapter": ("trans-chapter",),
    "chapter-url": ("chapter-url", "chapterurl", "contribution-url", "entry-url",
                    "article-url", "section-url"),
    "department": ("department",),
    "language": ("language", "lang"),
    "via": ("via",),
    "quote": ("quote", "quotation"),
    "trans-quote": ("trans-quote",),
    "agency": ("agency",),
    "type": ("type", "medium"),
    "format": ("format",),
    "degree": ("degree",),
    "conference": ("conference", "event"),
    "conference-url": ("conference-url", "conferenceurl"),
    "episode": ("episode",),
    "season": ("season",),
    "series-link": ("series-link", "serieslink"),
    "minutes": ("minutes",),
    "time": ("time",),
    "time-caption": ("time-caption",),
    "scale": ("scale",),
    "cartography": ("cartography",),
    "credits": ("credits",),
    "docket": ("docket",),
    "class": ("class",),
    "others": ("others",),
    "ref": ("ref",),
    "mode": ("mode",),
    "postscript": ("postscript",),
    "df": ("df",),
    "name-list-style": ("name-list-style", "name-list-format", "last-author-amp",
                        "lastauthoramp"),
    "display-authors": ("display-authors", "displayauthors"),
    "display-editors": ("display-editors", "displayeditors"),
    "lay-url": ("lay-url", "laysummary", "lay-summary"),
    "lay-date": ("lay-date", "laydate"),
    "lay-source": ("lay-source", "laysource"),
    "no-pp": ("no-pp", "nopp"),
    "author-mask": ("author-mask", "authormask"),
    "editor-mask": ("editor-mask",),
    "authors": ("authors", "people", "host", "hosts", "cartographer", "credits-list"),
    "vauthors": ("vauthors",),
    "veditors": ("veditors",),
    "editors": ("editors",),
    "translators": ("translators",),
    "interviewers": ("interviewers",),
    "subject": ("subject",),
    "recipient": ("recipient",),
    "user": ("user",),
    "number-tweet": ("number-tweet",),
    "collaboration": ("collaboration",),
    "id": ("id", "ID"),
    "doi": ("doi", "DOI"),
    "doi-broken-date": ("doi-broken-date", "doi-broken", "doi_brokendate", "doi-inactive-date"),
    "isbn": ("isbn", "ISBN", "isbn13", "ISBN13"),
    "issn": ("issn", "ISSN"),
    "eissn": ("eissn", "EISSN"),
    "pmid": ("pmid", "PMID"),
    "pmc": ("pmc", "PMC"),
    "pmc-embargo-date": ("pmc-embargo-date", "embargo"),
    "arxiv": ("arxiv", "ARXIV", "eprint"),
    "oclc": ("oclc", "OCLC"),
    "jstor": ("jstor", "JSTOR"),
    "bibcode": ("bibcode", "BIBCODE"),
    "lccn": ("lccn", "LCCN"),
    "mr": ("mr", "MR"),
    "zbl": ("zbl", "ZBL"),
    "osti": ("osti", "OSTI"),
    "ol": ("ol", "OL"),
    "ssrn": ("ssrn", "SSRN"),
    "s2cid": ("s2cid", "S2CID"),
    "hdl": ("hdl", "HDL"),
    "citeseerx": ("citeseerx",),
    "biorxiv": ("biorxiv",),
    "medrxiv": ("medrxiv",),
    "asin": ("asin", "ASIN"),
    "bibcode-access": ("bibcode-access",),
    "doi-access": ("doi-access",),
    "hdl-access": ("hdl-access",),
    "jstor-access": ("jstor-access",),
    "ol-access": ("ol-access",),
    "osti-access": ("osti-access",),
    "s2cid-access": ("s2cid-access",),
}

#: Deprecated or removed spellings that ``fix`` rewrites, → the canonical spelling.
DEPRECATED: dict[str, str] = {
    "accessdate": "access-date", "archiveurl": "archive-url", "archivedate": "archive-date",
    "deadurl": "url-status", "dead-url": "url-status", "origyear": "orig-date",
    "orig-year": "orig-date", "orig_year": "orig-date", "chapterurl": "chapter-url",
    "conferenceurl": "conference-url", "displayauthors": "display-authors",
    "displayeditors": "display-editors", "laysummary": "lay-url", "laydate": "lay-date",
    "laysource": "lay-source", "lastauthoramp": "name-list-style",
    "last-author-amp": "name-list-style", "name-list-format": "name-list-style",
    "authormask": "author-mask", "seriesno": "series-no", "serieslink": "series-link",
    "nopp": "no-pp", "embargo": "pmc-embargo-date", "doi-broken": "doi-broken-date",
    "doi_brokendate": "doi-broken-date", "publicationplace": "publication-place",
    "publicationdate": "publication-date", "trans_title": "trans-title",
    "mailinglist": "mailing-list", "authorlink": "author-link", "editorlink": "editor-link",
    "author-first": "first", "author-last": "last", "author-given": "given",
    "author-surname": "surname",
}
#: Values of deprecated ``deadurl=`` that map onto ``url-status=``.
DEADURL_VALUES = {"yes": "dead", "true": "dead", "y": "dead", "no": "live", "false": "live"}

ALIASES: dict[str, str] = {
    alias: canon for canon, aliases in _ALIAS_GROUPS.items() for alias in aliases
}

#: Every canonical (non-name) parameter citenorm understands.
KNOWN = frozenset(_ALIAS_GROUPS)

#: Name-part parameters: canonical base → (role, part). Numbered forms (``last2``,
#: ``author3-link``, ``editor2-first``) are folded onto these bases by :func:`param_key`.
NAME_PARTS: dict[str, tuple[str, str]] = {}
for _role, _prefix in (("author", ""), ("editor", "editor-"), ("translator", "translator-"),
                       ("interviewer", "interviewer-"), ("contributor", "contributor-"),
                       ("host", "host-"), ("subject", "subject-")):
    for _part, _spellings in (
        ("last", ("last", "surname", "last-name")),
        ("first", ("first", "given", "first-name")),
        ("link", ("link", "wikilink")),
        ("mask", ("mask",)),
        ("full", ("",)),
    ):
        for _spelling in _spellings:
            _key = (_prefix + _spelling).rstrip("-") if _spelling else _role
            NAME_PARTS.setdefault(_key, (_role, _part))
for _alias, _target in (
    ("author-last", ("author", "last")),
    ("author-surname", ("author", "last")),
    ("author-first", ("author", "first")),
    ("author-given", ("author", "first")),
    ("author-link", ("author", "link")),
    ("authorlink", ("author", "link")),
    ("author-mask", ("author", "mask")),
    ("editorlink", ("editor", "link")),
    ("editor-surname", ("editor", "last")),
    ("editor-given", ("editor", "first")),
    ("editor", ("editor", "full")),
    ("translator", ("translator", "full")),
    ("interviewer", ("interviewer", "full")),
    ("contributor", ("contributor", "full")),
    ("subject", ("subject", "full")),
    ("subject-link", ("subject", "link")),
):
    NAME_PARTS[_alias] = _target
NAME_PARTS.pop("host", None)

_NUMBERED = regex.compile(r"^([a-z\-]*?[a-z])(\d{1,3})((?:-[a-z]+)*)$")


@lru_cache(maxsize=8192)
def param_key(name: str) -> tuple[str, int]:
    """Canonical parameter name and index (0 when not numbered).

    >>> param_key("accessdate"), param_key("last2"), param_key("author1-link")
    (('access-date', 0), ('last', 2), ('author-link', 1))
    >>> param_key("editor2-first"), param_key("Cite_extra")
    (('editor-first', 2), ('cite_extra', 0))
    """
    raw = name.strip()
    if raw in ALIASES:
        return ALIASES[raw], 0
    low = " ".join(raw.split()).lower()
    if low in ALIASES:
        return ALIASES[low], 0
    if low in NAME_PARTS:
        return low, 0
    m = _NUMBERED.match(low)
    if m:
        base = m.group(1) + m.group(3)
        if base in NAME_PARTS:
            return base, int(m.group(2))
    return low, 0


_DIGITS = regex.compile(r"\d+")


@lru_cache(maxsize=8192)
def is_deprecated(name: str) -> bool:
    """True for a deprecated spelling (numbered forms included: ``authorlink2``).

    >>> is_deprecated("accessdate"), is_deprecated("authorlink2"), is_deprecated("access-date")
    (True, True, False)
    """
    return _DIGITS.sub("", name.strip().lower()) in DEPRECATED


def canonical_spelling(name: str) -> str:
    """The spelling ``fix`` writes for ``name``; numbered forms keep their number at the end.

    >>> canonical_spelling("accessdate"), canonical_spelling("authorlink2")
    ('access-date', 'author-link2')
    >>> canonical_spelling("Title")
    'Title'
    """
    low = name.strip().lower()
    digits = "".join(_DIGITS.findall(low))
    base = DEPRECATED.get(_DIGITS.sub("", low))
    return base + digits if base else name.strip()
