"""Wikipedia date strings → :class:`~citenorm.model.Date`.

A fast path of precompiled patterns covers the forms CS1 allows; python-dateutil is the
fallback for anything else. An unreadable date returns a Date with only ``raw`` set, so the
caller can report it and still keep it.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import regex
from dateutil import parser as _dateutil

from ..model import Date

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_M = r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_Y = r"(?P<{0}>\d{{3,4}})[a-z]?"
_D = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_DASH = r"\s*(?:[-–—]|&ndash;|to)\s*"


def _p(template: str) -> regex.Pattern[str]:
    def fill(match: regex.Match[str]) -> str:
        kind, label = match.group(1), match.group(2)
        return {"M": _M, "Y": _Y, "D": _D}[kind].format(label)

    return regex.compile(
        "(?i)^" + regex.sub(r"<([MYD])(\w+)>", fill, template).replace(" ", r"[\s,]+") + "$"
    )


PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("iso", _p(r"<Yy>-(?P<m>\d\d)-(?P<d>\d\d)")),
    ("iso-month", _p(r"<Yy>-(?P<m>\d\d)")),
    ("year", _p(r"<Yy>")),
    ("mdy", _p(r"<Mm> <Dd> <Yy>")),
    ("dmy", _p(r"<Dd> <Mm> <Yy>")),
    ("my", _p(r"<Mm> <Yy>")),
    ("year-range", regex.compile(r"(?i)^(?P<y>\d{4})" + _DASH + r"(?P<y2>\d{2,4})$")),
    ("dmy-range", _p(r"<Dd>" + _DASH + r"<Dd2> <Mm> <Yy>")),
    ("mdy-range", _p(r"<Mm> <Dd>" + _DASH + r"<Dd2> <Yy>")),
    ("dmy-range2", _p(r"<Dd> <Mm>" + _DASH + r"<Dd2> <Mm2> <Yy>")),
    ("mdy-range2", _p(r"<Mm> <Dd>" + _DASH + r"<Mm2> <Dd2> <Yy>")),
    ("my-range", _p(r"<Mm>" + _DASH + r"<Mm2> <Yy>")),
    ("my-range2", _p(r"<Mm> <Yy>" + _DASH + r"<Mm2> <Yy2>")),
    (
        "season",
        regex.compile(r"(?i)^(?P<s>spring|summer|autumn|fall|winter)[\s,]+(?P<y>\d{4})[a-z]?$"),
    ),
)
CIRCA = regex.compile(r"(?i)^(?:c\.|ca\.|circa|c)\s*")
UNDATED = regex.compile(r"(?i)^(?:n\.\s?d\.?|nd|no date|undated|forthcoming|in press)$")
_ISO_TIME = regex.compile(r"^(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d)?\S*$")


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:3] if text.lower()[:4] != "sept" else "sep"]


def _valid(parts: tuple[int, ...]) -> bool:
    if len(parts) == 3:
        try:
            _dt.date(*parts)
        except ValueError:
            return False
    return len(parts) < 2 or 1 <= parts[1] <= 12


def _from_match(kind: str, m: regex.Match[str]) -> tuple[tuple[int, ...], ...] | None:
    g = m.groupdict()
    year = int(g["y"])
    if kind == "season":
        return ((year,),)
    if kind == "year-range":
        y2 = g["y2"]
        end = int(y2) if len(y2) == 4 else int(str(year)[: 4 - len(y2)] + y2)
        return ((year,), (end,)) if end >= year else None
    month = int(g["m"]) if kind.startswith("iso") else _month(g["m"]) if g.get("m") else 0
    first: tuple[int, ...] = (year, month, int(g["d"])) if g.get("d") else (year, month)
    if kind in ("year",):
        first = (year,)
    if not g.get("d2") and not g.get("m2"):
        return (first,)
    year2 = int(g["y2"]) if g.get("y2") else year
    month2 = _month(g["m2"]) if g.get("m2") else month
    second = (year2, month2, int(g["d2"])) if g.get("d2") else (year2, month2)
    return (first, second)


@lru_cache(maxsize=65536)
def parse_date(text: str) -> Date:
    """Parse one Wikipedia date.

    >>> parse_date("June 12, 1993").parts
    ((1993, 6, 12),)
    >>> parse_date("12–15 June 1993").parts
    ((1993, 6, 12), (1993, 6, 15))
    >>> parse_date("Spring 1999").season
    1
    >>> parse_date("c. 1900").circa
    True
    >>> parse_date("1993a").parts
    ((1993,),)
    >>> parse_date("n.d.").literal
    'n.d.'
    >>> parse_date("31 February 2001").parts
    ()
    """
    raw = text
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .,")
    if not text:
        return Date(raw=raw)
    if UNDATED.match(text):
        return Date(literal=" ".join(raw.split()), raw=raw)
    circa = False
    m = CIRCA.match(text)
    if m and text[m.end() : m.end() + 1].isdigit():
        circa, text = True, text[m.end() :]
    iso = _ISO_TIME.match(text)
    if iso:
        text = iso.group(1)
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        parts = _from_match(kind, m)
        if parts and all(_valid(p) for p in parts):
            season = SEASONS[m.group("s").lower()] if kind == "season" else 0
            return Date(parts=parts, season=season, circa=circa, raw=raw)
        return Date(raw=raw)
    return _fallback(text, raw, circa)


_DEFAULT_A = _dt.datetime(1, 1, 1)
_DEFAULT_B = _dt.datetime(2, 2, 2)


def _fallback(text: str, raw: str, circa: bool) -> Date:
    """dateutil for the long tail ("Tuesday, June 12th 1993"); None-safe, no guessing of parts."""
    if not any(ch.isdigit() for ch in text):
        return Date(raw=raw)
    try:
        a = _dateutil.parse(text, default=_DEFAULT_A, fuzzy=False)
        b = _dateutil.parse(text, default=_DEFAULT_B, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return Date(raw=raw)
    if a.year != b.year or a.year < 100:
        return Date(raw=raw)
    parts: tuple[int, ...] = (a.year,)
    if a.month == b.month:
        parts += (a.month,)
        if a.day == b.day:
            parts += (a.day,)
    return Date(parts=(parts,), circa=circa, raw=raw)


def resolve_weekday(anchor: _dt.date, weekday: int, last: bool = False) -> _dt.date:
    """The most recent ``weekday`` (0=Monday) on or before ``anchor``; a week earlier for
    ``last`` ("last Tuesday" in news copy names the previous week's day).

    >>> resolve_weekday(_dt.date(2024, 5, 22), 1)
    datetime.date(2024, 5, 21)
    >>> resolve_weekday(_dt.date(2024, 5, 22), 1, last=True)
    datetime.date(2024, 5, 14)
    """
    recent = anchor - _dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    return recent - _dt.timedelta(days=7) if last else recent
