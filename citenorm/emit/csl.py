"""Reference → CSL-JSON item (a plain dict, keys spelled exactly as the CSL 1.0.2 schema)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring as _encode_str
from typing import Any

from ..keys import Entry
from ..model import Date, Name, Reference

#: CSL variables that take a string; anything else in ``Reference.fields`` goes to ``note``.
CSL_TEXT_VARIABLES = frozenset(
    """abstract annote archive archive_collection archive_location archive-place authority
    call-number chapter-number citation-label collection-number collection-title container-title
    container-title-short dimensions division DOI edition event event-title event-place genre ISBN
    ISSN issue jurisdiction keyword language locator medium note number number-of-pages
    number-of-volumes original-publisher original-publisher-place original-title page page-first
    part part-title PMCID PMID printing publisher publisher-place references reviewed-genre
    reviewed-title scale section source status supplement title title-short URL version volume
    volume-title volume-title-short year-suffix journalAbbreviation shortTitle""".split()
)


def name_to_csl(name: Name) -> dict[str, str]:
    """A CSL name object.

    >>> name_to_csl(Name(family="Berg", given="Jan", particle="van der"))
    {'family': 'Berg', 'given': 'Jan', 'non-dropping-particle': 'van der'}
    >>> name_to_csl(Name(literal="World Bank"))
    {'literal': 'World Bank'}
    """
    if name.literal:
        return {"literal": name.literal}
    out: dict[str, str] = {}
    if name.family:
        out["family"] = name.family
    if name.given:
        out["given"] = name.given
    if name.particle:
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def date_to_csl(date: Date) -> dict[str, Any]:
    """A CSL date object.

    >>> date_to_csl(Date(parts=((1993, 6, 12),)))
    {'date-parts': [[1993, 6, 12]]}
    >>> date_to_csl(Date(raw="sometime"))
    {'raw': 'sometime'}
    """
    out: dict[str, Any] = {}
    if date.parts:
        out["date-parts"] = [list(p) for p in date.parts]
    if date.season:
        out["season"] = date.season
    if date.circa:
        out["circa"] = True
    if date.literal:
        out["literal"] = date.literal
    elif not date.parts and date.raw:
        out["raw"] = date.raw
    return out


def note_lines(ref: Reference) -> list[str]:
    """``key: value`` lines for everything without a CSL variable (citeproc-js "cheater" syntax)."""
    lines = [f"{k}: {v}" for k, v in ref.fields.items() if k not in CSL_TEXT_VARIABLES and v]
    lines += [f"{k}: {v}" for k, v in ref.extra if v]
    for role, names in ref.names.items():
        lines += [f"{role}-link: {n.link}" for n in names if n.link]
    if ref.ref_name:
        lines.append(f"ref-name: {ref.ref_name}")
    return lines


def to_csl_item(ref: Reference, key: str) -> dict[str, Any]:
    """One CSL-JSON item for ``ref`` with id ``key``."""
    item: dict[str, Any] = {"id": key, "type": ref.csl_type, "citation-key": key}
    for role, names in ref.names.items():
        if names:
            item[role] = [name_to_csl(n) for n in names]
    for var, date in ref.dates.items():
        csl_date = date_to_csl(date)
        if csl_date:
            item[var] = csl_date
    for var, value in ref.fields.items():
        if var in CSL_TEXT_VARIABLES and var != "note" and value:
            item[var] = value
    notes = [ref.fields["note"]] if ref.fields.get("note") else []
    notes += note_lines(ref)
    if notes:
        item["note"] = "\n".join(notes)
    return item


def dumps(items: Iterable[dict[str, Any]]) -> str:
    """A CSL-JSON array, pretty-printed, UTF-8 kept.

    Byte for byte ``json.dumps(items, ensure_ascii=False, indent=2)``, about twice as fast
    (the standard library's C encoder is not used when indenting).

    >>> print(dumps([{"id": "k", "issued": {"date-parts": [[1993]]}, "author": []}]), end="")
    [
      {
        "id": "k",
        "issued": {
          "date-parts": [
            [
              1993
            ]
          ]
        },
        "author": []
      }
    ]
    """
    data = list(items)
    try:
        return _pretty(data, "") + "\n"
    except _Unsupported:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Unsupported(Exception):
    """A value the fast writer leaves to :func:`json.dumps` (floats, non-string keys, …)."""


def _pretty(value: Any, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        parts = []
        for key, item in value.items():
            head = _KEYS.get(key)
            if head is None:
                if type(key) is not str:
                    raise _Unsupported
                head = _encode_str(key) + ": "
                if len(_KEYS) < 1024:
                    _KEYS[key] = head
            # a string value (most of them) is written here, without a call
            parts.append(head + (_encode_str(item) if type(item) is str else _pretty(item, inner)))
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = indent + "  "
        return ("[\n" + inner + (",\n" + inner).join([_pretty(v, inner) for v in value])
                + "\n" + indent + "]")
    if kind is int:
        return int.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    raise _Unsupported


#: Object keys as written (``"key": ``): CSL variable names, a few dozen in all.
_KEYS: dict[Any, str] = {}


def dumps_entries(entries: Iterable[Entry]) -> str:
    """The CSL-JSON array of bibliography entries, each item under its entry's key."""
    return dumps(to_csl_item(e.reference, e.key) for e in entries)
