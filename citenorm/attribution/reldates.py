"""Relative dates in news copy ("last Tuesday", "in April") resolved against the article date.

Without an anchor date the phrase is kept raw (``Date(raw=...)``), never guessed.

>>> import datetime as dt
>>> resolve("last Tuesday", dt.date(2024, 5, 22)).parts
((2024, 5, 14),)
>>> resolve("on Wednesday", dt.date(2024, 5, 21)).parts
((2024, 5, 15),)
>>> resolve("in February this year", dt.date(2024, 4, 24)).parts
((2024, 2),)
>>> resolve("in April", None).raw
'in April'
"""

from __future__ import annotations

import datetime as dt

import regex

from ..model import Date
from ..normalize.dates import MONTHS, parse_date, resolve_weekday
from .cues import WEEKDAYS

_WEEKDAY = regex.compile(
    r"(?i)(?P<mod>last|this|next)?\s?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)"
)
_MONTH = regex.compile(
    r"(?i)(?P<mon>jan(?:uary|\.)|feb(?:ruary|\.)|march|april|may|june|july|aug(?:ust|\.)"
    r"|sept?(?:ember|\.)|oct(?:ober|\.)|nov(?:ember|\.)|dec(?:ember|\.))"
    r"(?:\s(?P<day>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s(?:(?P<year>\d{4})|(?P<rel>this|last)\syear))?"
)
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                 "dec")
_PERIOD = regex.compile(r"(?i)(?P<mod>last|this|earlier\sthis|later\sthis)\s(?P<unit>month|year)")
_YEAR = regex.compile(r"(?i)\bin\s(?P<year>(?:19|20)\d\d)$")


def _has_month(folded: str) -> bool:
    """Whether a case-folded phrase holds the first three letters of a month, as every
    ``_MONTH`` match does (the pattern matches no letter of them to a character that does
    not fold to it, and "ſ" folds to "s")."""
    return any(month in folded for month in _MONTH_STARTS)


def _key(word: str | None) -> str:
    """A case-insensitive match as plain lower-case ASCII: "ſept." → "sept.", "FRİDAY" →
    "friday" (case-folded, the combining dot that "İ" folds to dropped)."""
    return (word or "").casefold().replace("\u0307", "")


def _weekday(m: regex.Match[str], anchor: dt.date) -> Date:
    wd = WEEKDAYS.index(_key(m.group("wd")))
    day = resolve_weekday(anchor, wd)
    if _key(m.group("mod")) == "last":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if day >= monday:
            day -= dt.timedelta(days=7)
    return Date(parts=((day.year, day.month, day.day),), raw=m.group())


def _month(m: regex.Match[str], anchor: dt.date, raw: str) -> Date:
    month = MONTHS[_key(m.group("mon")).rstrip(".")[:3]]
    if m.group("year"):
        year = int(m.group("year"))
    elif _key(m.group("rel")) == "last":
        year = anchor.year - 1
    elif m.group("rel"):
        year = anchor.year
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    day = m.group("day")
    parts = (year, month, int(day)) if day else (year, month)
    try:
        if day:
            dt.date(*parts)
    except ValueError:
        return Date(raw=raw)
    return Date(parts=(parts,), raw=raw)


def resolve(phrase: str, anchor: dt.date | None) -> Date:
    """A CSL date for a time phrase; raw-only when it cannot be resolved."""
    phrase = " ".join(phrase.split())
    year = _YEAR.search(phrase)
    if year:
        return Date(parts=((int(year.group("year")),),), raw=phrase)
    if anchor is None:
        return Date(raw=phrase)
    low = phrase.lower()
    if low in ("today", "on the same day"):
        return Date(parts=((anchor.year, anchor.month, anchor.day),), raw=phrase)
    if low == "yesterday":
        d = anchor - dt.timedelta(days=1)
        return Date(parts=((d.year, d.month, d.day),), raw=phrase)
    folded = phrase.casefold()
    m = _WEEKDAY.search(phrase) if "day" in folded else None
    if m:
        return _weekday(m, anchor)
    m = _MONTH.search(phrase) if _has_month(folded) else None
    if m:
        return _month(m, anchor, phrase)
    m = _PERIOD.search(phrase) if "month" in folded or "year" in folded else None
    if m:
        year_only = _key(m.group("unit")) == "year"
        y = anchor.year - 1 if _key(m.group("mod")) == "last" and year_only else anchor.year
        if year_only:
            return Date(parts=((y,),), raw=phrase)
        month, y = anchor.month, anchor.year
        if _key(m.group("mod")) == "last":
            month, y = (12, y - 1) if month == 1 else (month - 1, y)
        return Date(parts=((y, month),), raw=phrase)
    full = parse_date(phrase)
    return full if full.parts else Date(raw=phrase)
