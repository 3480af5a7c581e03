"""Bibliography entries → BibTeX, written through bibtexparser v2.

bibtexparser writes field values verbatim, so every value is made safe here: LaTeX specials
are escaped in text fields, braces from the input become ``\\textbraceleft{}`` /
``\\textbraceright{}`` (BibTeX counts braces even after a backslash), URLs and DOIs are
percent-encoded instead of escaped, and every value is checked to be brace-balanced before
it reaches the writer. Nothing in a title, name or note can end or break an entry.
"""

from __future__ import annotations

import re

import regex
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import Field
from bibtexparser.writer import BibtexFormat

from ..keys import Entry
from ..model import Date, Name, Reference
from .csl import note_lines

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
_LATEX = str.maketrans({
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
})
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20", "\n": "%0A",
                             "\t": "%09", "\r": "%0D"})
#: A word, and a capital in it. (One pattern ``\S*\p{Lu}\S*`` backtracks through the whole
#: word from every start inside a word with no capital: quadratic in the word's length.)
_WORD = regex.compile(r"\S+")
_UPPER = regex.compile(r"\p{Lu}")
_AND = regex.compile(r"(?i)(?:^|\s)and(?:\s|$)")
#: TeX ligatures that would change the text: "--" (en dash), "``", "''", "!`", "?`".
_LIGATURE = re.compile(r"([-`']|[!?](?=`))(?=[-`'])")
_CTRL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: CSL type → BibTeX entry type (before refinements by available fields).
ENTRY_TYPES: dict[str, str] = {
    "article-newspaper": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "book": "book",
    "chapter": "incollection",
    "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection",
    "report": "techreport",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
}
CONTAINER_FIELD = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}


def escape(text: str) -> str:
    r"""LaTeX-escape a text value.

    >>> print(escape("AT&T 100% {x} ~ok_"))
    AT\&T 100\% \textbraceleft{}x\textbraceright{} \textasciitilde{}ok\_
    >>> print(escape("C:\\dir"))
    C:\textbackslash{}dir
    >>> print(escape("1914--1918 ``quoted'' ?`"))
    1914-{}-1918 `{}`quoted'{}' ?{}`
    """
    return _LIGATURE.sub(r"\1{}", _CTRL.sub("", text).translate(_LATEX))


def _pages(text: str) -> str:
    """A page range: escaped, with the en dash written as BibTeX's ``--``.

    >>> _pages("221–234")
    '221--234'
    """
    return escape(text).replace("–", "--")


def protect(text: str) -> str:
    """Escape, and brace-protect every word holding a capital (titles keep their case).

    >>> protect("Missile is Tested by North Koreans")
    '{Missile} is {Tested} by {North} {Koreans}'
    """
    return _WORD.sub(_protect_word, escape(text))


def _protect_word(m: regex.Match[str]) -> str:
    word: str = m.group()
    return "{" + word + "}" if _UPPER.search(word) else word


def url_safe(url: str) -> str:
    """Percent-encode the few characters that could break a BibTeX value; nothing else.

    >>> url_safe("http://x.org/a b{c}")
    'http://x.org/a%20b%7Bc%7D'
    """
    return _CTRL.sub("", url).translate(_URL_UNSAFE)


def _part(text: str, family: bool = False) -> str:
    """A name part; braced when BibTeX would otherwise split or re-read it."""
    escaped = escape(text)
    needs_braces = "," in text or _AND.search(text) or (
        family and (" " in text.strip() or text[:1].islower())
    )
    return "{" + escaped + "}" if needs_braces else escaped


def format_name(name: Name) -> str:
    """One name in BibTeX's ``von Last, Jr, First`` form; organisations braced whole.

    >>> format_name(Name(family="Berg", given="Jan", particle="van der"))
    'van der Berg, Jan'
    >>> format_name(Name(literal="World Bank"))
    '{World Bank}'
    >>> format_name(Name(family="King", given="Martin Luther", suffix="Jr."))
    'King, Jr., Martin Luther'
    """
    if name.literal or not name.family:
        return "{" + escape(name.literal or name.given) + "}"
    last = _part(name.family, family=True)
    if name.particle:
        last = " ".join(escape(p) for p in name.particle.split()) + " " + last
    parts = [last]
    if name.suffix:
        parts.append(_part(name.suffix))
    if name.given:
        parts.append(_part(name.given))
    elif name.suffix:
        parts.append("")
    return ", ".join(parts)


def _date_fields(date: Date) -> list[tuple[str, str]]:
    if not date.parts:
        return []
    first = date.parts[0]
    out = [("year", str(first[0]))]
    if len(first) > 1 and date.parts[0][1]:
        out.append(("month", MONTH_MACROS[first[1] - 1]))
    iso = "/".join("-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(part))
                   for part in date.parts)
    out.append(("date", iso + ("~" if date.circa else "")))
    return out


def _entry_type(ref: Reference) -> str:
    kind = ENTRY_TYPES.get(ref.csl_type, "misc")
    if kind == "phdthesis":
        genre = ref.get("genre").lower()
        if any(w in genre for w in ("master", "m.a", "msc", "m.sc", "mphil", "ma ", "mba")) or \
                genre in ("ma", "ms", "mfa"):
            return "mastersthesis"
    if kind == "article" and not ref.get("container-title"):
        return "misc"
    return kind


def _fields(ref: Reference) -> list[tuple[str, str, str]]:
    """(bibtex field, value, style) with style ``title``, ``text``, ``url``, ``raw``."""
    kind = _entry_type(ref)
    f = ref.fields
    out: list[tuple[str, str, str]] = []
    for role, field_name in (("author", "author"), ("editor", "editor"),
                             ("translator", "translator")):
        names = ref.names.get(role)
        if names:
            out.append((field_name, " and ".join(format_name(n) for n in names), "raw"))
    if f.get("title"):
        out.append(("title", f["title"], "title"))
    container = f.get("container-title", "")
    if container:
        out.append((CONTAINER_FIELD.get(kind, "howpublished"), container,
                    "title" if kind != "article" else "text"))
    if kind == "inproceedings" and not container and f.get("event-title"):
        out.append(("booktitle", f["event-title"], "title"))
    issued = ref.dates.get("issued")
    if issued:
        out += [(k, v, "raw" if k == "month" else "text") for k, v in _date_fields(issued)]
    simple = (("volume", "volume"), ("issue", "number"), ("number", "number"),
              ("edition", "edition"), ("collection-title", "series"), ("language", "language"),
              ("genre", "type"), ("section", "chapter"), ("ISBN", "isbn"), ("ISSN", "issn"),
              ("PMID", "pmid"), ("PMCID", "pmcid"), ("publisher-place", "address"))
    seen = {name for name, _, _ in out}
    for var, name in simple:
        if f.get(var) and name not in seen:
            out.append((name, f[var], "text"))
            seen.add(name)
    if f.get("page"):
        out.append(("pages", f["page"], "pages"))
    if f.get("publisher"):
        publisher_field = {"techreport": "institution", "phdthesis": "school",
                           "mastersthesis": "school"}.get(kind, "publisher")
        out.append((publisher_field, f["publisher"], "text"))
    if f.get("DOI"):
        out.append(("doi", f["DOI"], "url"))
    if f.get("URL"):
        out.append(("url", f["URL"], "url"))
    accessed = ref.dates.get("accessed")
    if accessed and accessed.parts:
        out.append(("urldate", "-".join(f"{p:02d}" for p in accessed.parts[0]), "text"))
    notes = [f["note"]] if f.get("note") else []
    notes += note_lines(ref)
    notes += [f"{var}: {d.raw}" for var, d in ref.dates.items() if not d.parts and d.raw]
    if notes:
        out.append(("annote", "; ".join(n.replace("\n", " ") for n in notes), "text"))
    return out


def _value(text: str, style: str) -> str:
    if style == "raw" and text in MONTH_MACROS:
        return text
    body = {"title": protect, "text": escape, "url": url_safe, "pages": _pages}.get(
        style, lambda s: s)(text)
    value = "{" + " ".join(body.split()) + "}"
    if not balanced(value):  # an impossible state: every input brace was escaped above
        raise AssertionError(f"unbalanced BibTeX value produced: {value!r}")
    return value


def balanced(value: str) -> bool:
    """True when braces nest properly (BibTeX's rule: a backslash does not escape a brace).

    >>> balanced("{a {b} c}"), balanced("{a \\\\} b}"), balanced("}{")
    (True, False, False)
    """
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def to_bib_entry(entry: Entry) -> BibEntry:
    """One bibtexparser Entry (values already formatted and brace-safe)."""
    fields = [Field(name, _value(text, style)) for name, text, style in _fields(entry.reference)]
    return BibEntry(_entry_type(entry.reference), entry.key, fields)


def dumps(entries: tuple[Entry, ...] | list[Entry]) -> str:
    """A BibTeX database string for ``entries``."""
    library = Library([to_bib_entry(e) for e in entries])
    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    text: str = write_string(library, unparse_stack=[], bibtex_format=fmt)
    return text
