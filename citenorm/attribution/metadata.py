"""The article's own metadata: headline, byline, credits, timestamp, dateline, editor, masthead.

Only the head (before the first body paragraph) and the tail (after the last one) are read,
so the cost does not grow with the article.

>>> meta = read_metadata("Kim warns Seoul\\n\\nBY LIM JEONG-WON [lim@example.com]\\n")
>>> meta.headline, meta.authors[0].family, meta.authors[0].given
('Kim warns Seoul', 'Lim', 'Jeong-won')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..model import Date, Name
from ..normalize.dates import parse_date
from .lexicon import MEDIA_NAMES
from .sources import person_name

_HEAD_CHARS, _TAIL_CHARS, _BODY_WORDS = 4000, 5000, 25
_MENU = regex.compile(
    r"(?i)log\s?in|sign\s?up|subscribe|sitemap|\s>\s|newsletter|cookie|advertisement|^print\b"
    r"|\bmenu\b|(?:\s[-|]\s.*){3}"
)
_BYLINE = regex.compile(
    r"^\s*(?:BY|By|by)\s(?P<names>[\p{L}\p{M}.’'\- ]{2,60}?(?:\s(?:and|AND|&)\s[\p{L}\p{M}.’'\- ]"
    r"{2,60}?)?)\s?(?:\[(?P<email>[^\]\s]{3,80})\]|\((?P<email2>[^)\s]{3,80})\)"
    r"|,\s(?P<credit>[^\n]{2,60}))?\s*$"
)
_CREDIT = regex.compile(
    r"^\s*(?P<credit>(?:\p{Lu}[\p{L}.]{0,20}\s){0,3}(?:Staff|Special|Contributing|Senior|Foreign)"
    r"\s(?:Writer|Reporter|Correspondent)s?|(?:\p{Lu}[\p{L}.]{0,20}\s){1,3}(?:Writer|Reporter"
    r"|Correspondent))\s*$"
)
_PHOTO = regex.compile(
    r"\[(?P<credit>\p{Lu}[\p{Lu}\s/.&\-]{1,30})\]\s*$|\((?P<credit2>(?:AP|AFP|EPA|Reuters|Yonhap"
    r"|Xinhua|Getty Images|KCNA)[^)\n]{0,30})\)\s*$|(?i:photo)\s?(?::|by|courtesy of)\s?"
    r"(?P<credit3>[^\n]{2,40})$"
)


def _photo(line: str) -> regex.Match[str] | None:
    """``_PHOTO.search(line)``, skipped unless the line has "[", "(" or "photo" (any case;
    every character the pattern matches to a letter of "photo" case-folds to it)."""
    if "[" in line or "(" in line or "photo" in line.casefold():
        return _PHOTO.search(line)
    return None


def _copyright_key(line: str) -> bool:
    """Whether ``line`` may hold a ``_COPYRIGHT`` match: "©", "(" or "copyright" in any case
    (the case-insensitive pattern matches only O/o, P/p and Y/y to "o", "p" and "y")."""
    return "©" in line or "(" in line or "opy" in line.lower()


_TIMESTAMP = regex.compile(
    r"(?i)\b(?:time|published|posted|updated|date|first\spublished)\s{0,2}:?\s{0,2}(?:on\s)?"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:\p{L}{3,9},?\s)?\p{L}{3,9}\.?\s\d{1,2},\s\d{4}"
    r"|\d{1,2}\s\p{L}{3,9}\s\d{4})"
)
_DATE_LINE = regex.compile(
    r"^\s*(?:\p{L}{6,9},\s)?(?P<date>\p{L}{3,9}\.?\s\d{1,2},\s\d{4}|\d{1,2}\s\p{L}{3,9}\s\d{4}"
    r"|\d{4}-\d\d-\d\d)(?:,?\s\d{1,2}:\d\d[^\n]{0,20})?\s*$"
)
_SOURCE = regex.compile(r"(?i)\bsource\s?:\s?(?P<source>[^\n:]{2,80}?)\s*$")
_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}\s.’'\-]{1,30}(?:,\s\p{Lu}[\p{L}.]{1,12})?)(?:,\s(?P<date>\p{L}{3,9}"
    r"\.?\s\d{1,2}))?\s?(?:\((?P<wire>[\p{L}\s]{2,30})\))?\s?(?:--|—|–|-)\s"
)
_EDITED = regex.compile(r"(?m)^\s*Edited\sby\s(?P<names>[^\n.]{2,80})\.?\s*$")
_SUFFIX = regex.compile(
    r"^(?P<title>.{10,250}?)\s(?P<sep>[—–|-])\s(?P<pub>(?:The\s)?\p{Lu}[\p{L}’'.&\-]{0,30}"
    r"(?:\s\p{Lu}[\p{L}’'.&\-]{0,30}){0,4})[\s!]{0,3}$"
)
_SECTION = regex.compile(r"^\s*Home\s?>\s?(?P<section>[^\n]{2,80}?)\s*$")
_COPYRIGHT = regex.compile(r"(?i)(?:©|copyright|\(c\))\s?(?:\d{4}\s)?(?P<pub>[\p{L}][^\n.,]{2,60})")
_LINE = regex.compile(r"[^\n]+")
_DIGIT = regex.compile(r"\d")
_MEDIA = regex.compile("|".join(regex.escape(m) for m in MEDIA_NAMES))
_NAME_SPLIT = regex.compile(r"\s(?:and|AND|&)\s|,\s")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the article says about itself."""

    headline: str = ""
    headline_start: int = 0
    authors: tuple[Name, ...] = ()
    email: str = ""
    credit: str = ""
    photo_credit: str = ""
    publication: str = ""
    date: Date | None = None
    anchor: dt.date | None = None
    source: str = ""
    editors: tuple[Name, ...] = ()
    section: str = ""
    dateline: str = ""

    @property
    def found(self) -> bool:
        return bool(self.headline or self.authors or self.publication or self.date)


def _is_body(line: str) -> bool:
    if line.count(" ") < _BODY_WORDS - 1 or line.count(" - ") + line.count(" | ") >= 3:
        return False
    return "Login" not in line and "Log in" not in line


def _names(text: str) -> tuple[Name, ...]:
    return tuple(person_name(n.strip()) for n in _NAME_SPLIT.split(text) if n.strip())


def _headline(line: str) -> tuple[str, str] | None:
    """(headline, publication suffix) when ``line`` reads as a headline."""
    words = line.split()
    if not 3 <= len(words) <= 30 or not (line[0].isupper() or line[0].isdigit()):
        return None
    if line.rstrip().endswith(".") or _MENU.search(line) or _photo(line):
        return None
    m = _SUFFIX.match(line.strip())
    if m and (m.group("sep") == "—" or _MEDIA.fullmatch(m.group("pub"))):
        return m.group("title").strip(), m.group("pub").strip()
    return line.strip(" !"), ""


def _date(raw: str) -> tuple[Date, dt.date | None]:
    date = parse_date(raw.replace(".", "-") if raw[:4].isdigit() else raw)
    if date.parts and len(date.parts[0]) == 3:
        return date, dt.date(*date.parts[0])
    return date, None


def _head(text: str) -> tuple[list[tuple[str, int]], int]:
    """The non-blank lines before the first body line of the head, and where the first body
    line (blank or not) starts (0 when none): one pass that stops at the first body line."""
    head: list[tuple[str, int]] = []
    first = -1
    for m in _LINE.finditer(text, 0, min(len(text), _HEAD_CHARS)):
        line = m.group()
        body = _is_body(line)
        if body and first < 0:
            first = m.start()
        if line.strip():
            if body:
                break
            head.append((line, m.start()))
    return head, max(first, 0)


def _tail(text: str, lo: int) -> list[tuple[str, int]]:
    """The non-blank lines of ``text[lo:]`` after its last body line, read from the end."""
    tail: list[tuple[str, int]] = []
    pos = len(text)
    body = False
    while pos > lo:
        nl = text.rfind("\n", lo, pos)
        start = nl + 1 if nl >= 0 else lo
        line = text[start:pos]
        if line and line.strip():
            if _is_body(line):
                body = True
                break
            tail.append((line, start))
        if nl < 0:
            break
        pos = nl
    if not body and lo == 0:
        return []
    tail.reverse()
    return tail


def read_metadata(text: str) -> ArticleMeta:
    """Scan the head and the tail of an article for its metadata."""
    head, first_body = _head(text)
    tail_lo = max(0, len(text) - _TAIL_CHARS)
    tail = _tail(text, tail_lo)
    f: dict[str, object] = {}
    for line, start in head:
        _read_line(line, start, f, in_head=True)
    for line, start in tail:
        _read_line(line, start, f, in_head=False)
    dl = _DATELINE.match(text, first_body)
    if dl:
        f.setdefault("dateline", dl.group("place").strip())
        if dl.group("wire"):
            f.setdefault("publication", dl.group("wire").strip())
    if text.find("Edited", tail_lo) >= 0:
        for m in _EDITED.finditer(text, tail_lo):
            f.setdefault("editors", _names(m.group("names")))
    return ArticleMeta(**f)  # type: ignore[arg-type]


def _read_line(line: str, start: int, f: dict[str, object], in_head: bool) -> None:
    """Fill ``f`` with whatever one head or tail line says (first finding wins)."""
    # each pattern is tried only when the line holds a literal every match of it contains
    # (a case-sensitive "by" of _BYLINE, a role word of _CREDIT, ">", a digit, ":")
    plain = False
    if ("BY" in line or "By" in line or "by" in line) and (m := _BYLINE.match(line)):
        f.setdefault("authors", _names(m.group("names")))
        f.setdefault("email", m.group("email") or m.group("email2") or "")
        if m.group("credit"):
            f.setdefault("credit", m.group("credit").strip())
    elif ("Writer" in line or "Reporter" in line or "Correspondent" in line) and (
            m := _CREDIT.match(line)):
        f.setdefault("credit", m.group("credit"))
    elif ">" in line and (m := _SECTION.match(line)):
        f.setdefault("section", m.group("section"))
    elif _DIGIT.search(line) and (m := _TIMESTAMP.search(line) or _DATE_LINE.match(line)):
        date, anchor = _date(m.group("date"))
        if date.parts:
            f.setdefault("date", date)
            f.setdefault("anchor", anchor)
    else:
        plain = True
    if ":" in line and (m := _SOURCE.search(line)):
        f.setdefault("source", m.group("source").strip())
    if m := _photo(line):
        credit = m.group("credit") or m.group("credit2") or m.group("credit3") or ""
        f.setdefault("photo_credit", credit.strip().title() if credit.isupper() else credit)
    if in_head and plain and "headline" not in f and (h := _headline(line)):
        f["headline"], f["headline_start"] = h[0], start
        if h[1]:
            f["publication"] = h[1]
    if "publication" not in f:
        if m := _MEDIA.search(line):
            f["publication"] = m.group()
        elif _copyright_key(line) and (m := _COPYRIGHT.search(line)) and not _MENU.search(line):
            f["publication"] = m.group("pub").strip()
