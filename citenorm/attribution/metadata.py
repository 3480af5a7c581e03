"""The article's own metadata: headline, byline, credits, timestamp, dateline, editor, masthead.

Only the head (before the first body paragraph) and the tail (after the last one) are read,
so the cost does not grow with the article.

>>> meta = read_metadata("Kim warns Seoul\\n\\nBY LIM JEONG-WON [lim@example.com]\\n")
>>> meta.headline, meta.authors[0].family, meta.authors[0].given
('Kim warns Seoul', 'Lim', 'Jeong-won')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import regex

from ..model import Date, Name
from ..normalize.dates import parse_date
from .lexicon import MEDIA_NAMES, MEDIA_WORDS, TITLES
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


def fold(line: str) -> str:
    """``line`` case-folded, with every U+0307 (combining dot above) removed.

    A case-insensitive pattern matches a letter only to characters that ``str.casefold`` maps
    to it, except "İ" (matched to "i", folded to "i" + U+0307): so every such match of a
    letters-only word in ``line`` leaves the lowercase word in ``fold(line)``.
    """
    low = line.casefold()
    return low.replace("\u0307", "") if "\u0307" in low else low


def _photo(line: str, low: str | None = None) -> regex.Match[str] | None:
    """``_PHOTO.search(line)``, over the whole line only when "photo" is in ``low``
    (``fold(line)``, computed when not given): else only the other two alternatives can match,
    each at the end of a line ending, but for spaces, in its closer. A "[…]" credit opens at
    the line's last "[" (the bracket holds none), a "(…)" one after the ")" before its last
    (the parentheses hold none)."""
    if "photo" in (fold(line) if low is None else low):
        return _PHOTO.search(line)
    end = line.rstrip()[-1:]
    if end == "]":
        at = line.rfind("[")
        return _PHOTO.search(line, at) if at >= 0 else None
    if end == ")":
        return _PHOTO.search(line, line.rfind(")", 0, line.rfind(")")) + 1)
    return None


def _copyright_key(line: str, low: str) -> bool:
    """Whether ``line`` may hold a ``_COPYRIGHT`` match: "©", or "(c)" or "copyright" in
    ``low`` (``fold(line)``)."""
    return "©" in line or "(c)" in low or "copyright" in low


def _menu(line: str, low: str) -> bool:
    """``_MENU.search(line)``, tried only when ``line`` holds ">" or three "-"/"|", or ``low``
    (``fold(line)``) starts with "print" or holds a word of the pattern."""
    if (">" in line or line.count("-") + line.count("|") >= 3 or low.startswith("print")
            or "menu" in low or "subscribe" in low or "sitemap" in low or "newsletter" in low
            or "cookie" in low or "advertisement" in low
            or (("log" in low or "sign" in low) and _LOG_IN.search(low))):
        return _MENU.search(line) is not None
    return False


def _date_line(line: str) -> regex.Match[str] | None:
    """``_DATE_LINE.match(line)``, tried only when ``line`` without its outer spaces is short
    enough: a match holds at most ``_DATE_LINE_CORE`` characters between them."""
    if len(line) <= _DATE_LINE_CORE or len(line.strip()) <= _DATE_LINE_CORE:
        return _DATE_LINE.match(line)
    return None


def _timestamp(line: str, low: str) -> regex.Match[str] | None:
    """``_TIMESTAMP.search(line)``, tried only when ``low`` (``fold(line)``) holds a keyword."""
    if ("time" in low or "date" in low or "published" in low or "posted" in low
            or "updated" in low):
        return _TIMESTAMP.search(line)
    return None


# the spaced words of _MENU, case-sensitive: for fold(line), which keeps every space
_LOG_IN = regex.compile(r"log\s?in|sign\s?up")
# every date of _TIMESTAMP and _DATE_LINE holds a year (or four digits)
_YEAR = regex.compile(r"\d{4}")
_TIMESTAMP = regex.compile(
    r"(?i)\b(?:time|published|posted|updated|date|first\spublished)\s{0,2}:?\s{0,2}(?:on\s)?"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:\p{L}{3,9},?\s)?\p{L}{3,9}\.?\s\d{1,2},\s\d{4}"
    r"|\d{1,2}\s\p{L}{3,9}\s\d{4})"
)
_DATE_LINE = regex.compile(
    r"^\s*(?:\p{L}{6,9},\s)?(?P<date>\p{L}{3,9}\.?\s\d{1,2},\s\d{4}|\d{1,2}\s\p{L}{3,9}\s\d{4}"
    r"|\d{4}-\d\d-\d\d)(?:,?\s\d{1,2}:\d\d[^\n]{0,20})?\s*$"
)
# weekday and ", " (11), the longest date (19), ", " and a time with 20 more characters (27)
_DATE_LINE_CORE = 11 + 19 + 27
_SOURCE = regex.compile(r"(?i)\bsource\s?:\s?(?P<source>[^\n:]{2,80}?)\s*$")
_DATELINE = regex.compile(
    r"(?P<place>\p{Lu}[\p{Lu}\s.’'\-]{1,30}(?:,\s\p{Lu}[\p{L}.]{1,12})?)(?:,\s(?P<date>\p{L}{3,9}"
    r"\.?\s\d{1,2}(?:,\s\d{4})?))?\s?(?:\((?P<wire>[\p{L}\s]{2,30})\))?\s?(?:--|—|–|-|:)\s"
)
_EDITED = regex.compile(r"(?m)^\s*Edited\sby\s(?P<names>[^\n.]{2,80})\.?\s*$")
_SUFFIX = regex.compile(
    r"^(?P<title>.{10,250}?)\s(?P<sep>[—–|-])\s(?P<pub>(?:The\s)?\p{Lu}[\p{L}’'.&\-]{0,30}"
    r"(?:\s\p{Lu}[\p{L}’'.&\-]{0,30}){0,4})[\s!]{0,3}$"
)
_SECTION = regex.compile(r"^\s*Home\s?>\s?(?P<section>[^\n]{2,80}?)\s*$")
_COPYRIGHT = regex.compile(r"(?i)(?:©|copyright|\(c\))\s?(?:\d{4}\s)?(?P<pub>[\p{L}][^\n.,]{2,60})")
_SEPARATOR = regex.compile(r"\s[—–|-]\s")
_LINE = regex.compile(r"[^\n]+")
# literals only: the stdlib engine gives the same matches, three times faster
_MEDIA = re.compile("|".join(re.escape(m) for m in MEDIA_NAMES))
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


def _headline(line: str, low: str, photo: bool, lead: bool = False) -> tuple[str, str] | None:
    """(headline, publication suffix) when ``line`` reads as a headline (``low``:
    ``fold(line)``; ``photo``: whether it has a photo credit; ``lead``: whether it opens the
    text, a blank line after it, where a headline may end with a period: "… Here's what that
    means."). It may open on a tag or a quotation: "[Herald Interview] 'Grief …'"."""
    words = line.split()
    if not 3 <= len(words) <= 30 or not (line[0].isupper() or line[0].isdigit() or (
            line[0] in _HEADLINE_OPENERS and line[1:2] != "" and (
                line[1].isupper() or line[1] in _HEADLINE_OPENERS))):
        return None
    if (line.rstrip().endswith(".") and not lead) or photo or _menu(line, low):
        return None
    m = _SUFFIX.match(line.strip()) if _has_separator(line) else None
    if m and m.group("pub").rsplit(None, 1)[-1].lower() in _SPEAKER_ENDS:
        m = None  # a speaker, not a publication: "… by 2028 — Asempa Agro MD"
    if m and (m.group("sep") in "—|" or _MEDIA.fullmatch(m.group("pub"))
              or m.group("pub").startswith("The ")
              or m.group("pub").rsplit(None, 1)[-1].lower() in MEDIA_WORDS):
        # "… — Radio Free Asia", "… | The Verge", "… - Hindustan Times", "… - The Record"
        return m.group("title").strip(), m.group("pub").strip()
    return line.strip(" !"), ""


#: How a headline's " — <speaker>" suffix ends, unlike a publication's: a role.
_SPEAKER_ENDS = TITLES | {"md", "gm", "dg"}
_HEADLINE_OPENERS = "[‘“'\""  # a tag ("[Herald Interview] …") or a quotation
_BLANK_AFTER = regex.compile(r"[ \t]*\n[ \t]*\n")


def _has_separator(line: str) -> bool:
    """Whether ``line`` holds the spaced separator ``_SUFFIX`` needs."""
    return _SEPARATOR.search(line) is not None


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
    opening = len(text) - len(text.lstrip())
    for line, start in head:
        lead = start == opening and _BLANK_AFTER.match(text, start + len(line)) is not None
        _read_line(line, start, f, in_head=True, lead=lead)
    for line, start in tail:
        _read_line(line, start, f, in_head=False)
    dl = _dateline(text, [start for _, start in head[1:]] + [first_body])
    if dl:
        f.setdefault("dateline", dl.group("place").strip().rstrip(" -–—"))
        if dl.group("wire"):
            f.setdefault("publication", dl.group("wire").strip())
    for m in _edited(text, tail_lo):
        f.setdefault("editors", _names(m.group("names")))
    return ArticleMeta(**f)  # type: ignore[arg-type]


def _edited(text: str, lo: int) -> list[regex.Match[str]]:
    """``_EDITED.finditer(text, lo)``'s matches, the scan starting on the line of the first
    "Edited" after ``lo``: a match starting on an earlier line reaches it over blank lines
    only, so it ends where the match from its line does, with the same names."""
    first = text.find("Edited", lo)
    if first < 0:
        return []
    nl = text.rfind("\n", lo, first)
    return list(_EDITED.finditer(text, nl + 1 if nl >= 0 else lo))


def _dateline(text: str, starts: list[int]) -> regex.Match[str] | None:
    """The dateline opening the first of these lines that has one ("WASHINGTON -- …", "SEOUL,
    March 14 (Yonhap) -- …"): a head line after the headline, or the first body line."""
    for start in starts:
        if start < len(text) and text[start].isupper() and (m := _DATELINE.match(text, start)):
            return m
    return None


def _read_line(line: str, start: int, f: dict[str, object], in_head: bool,
               lead: bool = False) -> None:
    """Fill ``f`` with whatever one head or tail line says (first finding wins)."""
    # each pattern is tried only when the line holds a literal every match of it contains
    # (a case-sensitive "by" of _BYLINE, a role word of _CREDIT, ">", four digits, ":" and
    # "source" in any case)
    plain = False
    low = fold(line)
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
    elif _YEAR.search(line) and (m := _timestamp(line, low) or _date_line(line)):
        date, anchor = _date(m.group("date"))
        if date.parts:
            f.setdefault("date", date)
            f.setdefault("anchor", anchor)
    else:
        plain = True
    if ":" in line and "source" in low and (m := _SOURCE.search(line)):
        f.setdefault("source", m.group("source").strip())
    photo = _photo(line, low)
    if m := photo:
        credit = m.group("credit") or m.group("credit2") or m.group("credit3") or ""
        f.setdefault("photo_credit", credit.strip().title() if credit.isupper() else credit)
    if in_head and plain and "headline" not in f and (
            h := _headline(line, low, photo is not None, lead)):
        f["headline"], f["headline_start"] = h[0], start
        if h[1]:
            f["publication"] = h[1]
    if "publication" not in f:
        if media := _MEDIA.search(line):
            f["publication"] = media.group()
        elif (_copyright_key(line, low) and (m := _COPYRIGHT.search(line))
              and not _menu(line, low)):
            f["publication"] = m.group("pub").strip()
