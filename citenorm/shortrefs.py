"""Short references (``{{sfn}}``, ``{{harvnb}}``, ``{{sfnm}}``, …) and the anchors they point at.

Wikipedia links a short reference to a full one through an anchor ``CITEREF`` + up to four
author surnames + year. A short reference concatenates its positional parameters
(``{{sfn|McLean|McMillan|2003}}`` → ``CITEREFMcLeanMcMillan2003``); a full citation template
builds the same from ``last1``…``last4`` (or ``author1``…, else the editors) and ``year`` or
the year in ``date``, unless ``ref=`` overrides it (``ref={{sfnref|A|2009}}``,
``ref={{harvid|…}}``, ``ref=none``). A short reference whose anchor no full reference
defines is Wikipedia's "no target" error. Anchors are compared without white space and
case-insensitively, so ``{{sfn|Smith|2001}}`` finds ``last = smith``.
"""

from __future__ import annotations

import regex

from . import cs1
from .normalize.text import strip_markup
from .wikitext import Template, split_template

_YEAR = regex.compile(r"(?<!\d)(\d{3,4})(?!\d)([a-z]?)(?![a-z])")
_WRAPPED = regex.compile(r"(?is)^(\{\{|\[tpl\])(.*)(\}\}|\[/tpl\])$")
_SFNM = regex.compile(r"^(\d{1,2})(a[1-4]|y)$")
_ANCHOR_TEMPLATES = frozenset({"sfnref", "harvid"})


def anchor_key(anchor: str) -> str:
    """The comparison form of an anchor: markup removed, no white space, case folded.

    >>> anchor_key("CITEREF[[Peter Marshall|Marshall]] 2010")
    'citerefmarshall2010'
    """
    return "".join(strip_markup(anchor).split()).casefold()


def _positional(tpl: Template, limit: int = 5) -> list[str]:
    values = [p.value.strip() for p in tpl.params if not p.named]
    return [v for v in values[:limit] if v]


def short_ref_anchors(tpl: Template) -> list[str]:
    """The anchors a short-reference template points at (several for ``{{sfnm}}``).

    >>> def body(s): return split_template(s, 2, len(s) - 2)
    >>> short_ref_anchors(body("{{sfn|McLean|McMillan|2003|loc=x}}"))
    ['CITEREFMcLeanMcMillan2003']
    >>> short_ref_anchors(body("{{sfnm|1a1=Kropotkin|1y=1910|2a1=Ward|2y=2004}}"))
    ['CITEREFKropotkin1910', 'CITEREFWard2004']
    """
    if cs1.normalize_template_name(tpl.name) != "sfnm":
        positional = _positional(tpl)
        return ["CITEREF" + "".join(positional)] if positional else []
    groups: dict[int, dict[str, str]] = {}
    for p in tpl.params:
        m = _SFNM.match(p.name) if p.named else None
        if m and p.value.strip():
            groups.setdefault(int(m.group(1)), {})[m.group(2)] = p.value.strip()
    anchors = []
    for _, parts in sorted(groups.items()):
        names = [parts[f"a{i}"] for i in range(1, 5) if f"a{i}" in parts]
        anchors.append("CITEREF" + "".join(names) + parts.get("y", ""))
    return anchors


def _named_values(tpl: Template) -> dict[tuple[str, int], str]:
    """Canonical ``(parameter, index)`` → stripped value; the last one wins, as in MediaWiki."""
    values: dict[tuple[str, int], str] = {}
    for p in tpl.params:
        if p.named and p.value.strip():
            values[cs1.param_key(p.name)] = p.value.strip()
    return values


def _surnames(values: dict[tuple[str, int], str], role: str) -> list[str]:
    found: dict[int, tuple[int, str]] = {}  # index → (priority, name); "last" beats "full"
    for (key, index), value in values.items():
        where = cs1.NAME_PARTS.get(key)
        if where is None or where[0] != role or where[1] not in ("last", "full"):
            continue
        priority = 0 if where[1] == "last" else 1
        slot = index or 1
        if slot <= 4 and (slot not in found or priority < found[slot][0]):
            found[slot] = (priority, value)
    if role == "author" and not found and ("vauthors", 0) in values:
        names = [n.strip() for n in values[("vauthors", 0)].split(",") if n.strip()]
        return [n.rsplit(" ", 1)[0] if " " in n else n for n in names[:4]]
    return [found[i][1] for i in sorted(found)]


def _year(values: dict[tuple[str, int], str]) -> str:
    for key in (("year", 0), ("date", 0)):
        m = _YEAR.search(values.get(key, ""))
        if m:
            return m.group(1) + m.group(2)
    return ""


def full_ref_anchor(tpl: Template) -> str | None:
    """The anchor a full citation template defines, or None (``ref=none``, no names and year).

    >>> def body(s): return split_template(s, 2, len(s) - 2)
    >>> full_ref_anchor(body("{{cite book|last1=McLean|last2=McMillan|date=2003}}"))
    'CITEREFMcLeanMcMillan2003'
    >>> full_ref_anchor(body("{{cite web|title=Z|ref={{sfnref|iep.utm.edu|2016}}}}"))
    'CITEREFiep.utm.edu2016'
    """
    values = _named_values(tpl)
    ref = values.get(("ref", 0), "")
    if ref and ref.lower() != "harv":
        if ref.lower() == "none":
            return None
        wrapped = _WRAPPED.match(ref)
        if wrapped is None:
            return ref  # an explicit anchor id
        inner = split_template(ref, len(wrapped.group(1)), len(ref) - len(wrapped.group(3)))
        if cs1.normalize_template_name(inner.name) in _ANCHOR_TEMPLATES:
            return "CITEREF" + "".join(_positional(inner))
        return ref
    names = _surnames(values, "author") or _surnames(values, "editor")
    year = _year(values)
    if not names and not year:
        return None
    return "CITEREF" + "".join(names) + year
