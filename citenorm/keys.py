"""Citation keys and duplicate merging: the bibliography of a run.

Keys are readable and stable (``sanger1993missile``): first author's family name (or the
first word of an organisation or title), year (left out when undated), first significant
title word, folded to ASCII. Within one run a clash gets ``a``, ``b``, … on the later entries.
The same source cited twice (same DOI, same URL, or same normalized title and year) becomes
one entry; later citations only fill fields the first lacks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .diagnostics import diag
from .model import Diagnostic, Reference, Span

STOPWORDS = frozenset(
    """a an the of on in at to for and or by with from is are was were be as its it this that
    le la les el los las der die das des du de un une ein eine""".split()
)
# stdlib ``re`` where the pattern means the same in both engines (faster on short strings)
_NON_KEY = re.compile(r"[^a-z0-9]+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_URL_NORM = re.compile(r"(?i)^(?:https?://)?(?:www\.)?")


@dataclass(frozen=True, slots=True)
class Entry:
    """One bibliography entry: its key, the merged reference and every place it was cited."""

    key: str
    reference: Reference
    spans: tuple[Span, ...]


@lru_cache(maxsize=65536)
def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only.

    >>> ascii_fold("Čapek-Müller")
    'capekmuller'
    """
    if text.isascii():  # NFKD leaves ASCII as it is
        return _NON_KEY.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_KEY.sub("", decomposed.encode("ascii", "ignore").decode().lower())


def base_key(ref: Reference) -> str:
    """The key before disambiguation.

    >>> from citenorm.model import Name, Date, Span
    >>> s = Span("x", 0, 1, 1, 1)
    >>> base_key(Reference("article-newspaper", s, fields={"title": "Missile is Tested"},
    ...     names={"author": (Name(family="Sanger", given="David E."),)},
    ...     dates={"issued": Date(parts=((1993, 6, 12),))}))
    'sanger1993missile'
    """
    who = ""
    for role in ("author", "editor", "interviewer", "translator"):
        names = ref.names.get(role)
        if names:
            first = names[0]
            literal = _significant(first.literal, 1) if first.literal else []
            who = ascii_fold(first.family) or (literal[0] if literal else "") or \
                ascii_fold(first.given)
            break
    significant = _significant(ref.get("title") or ref.get("container-title"), 2)
    if not who:
        who = significant.pop(0) if significant else "anon"
    issued = ref.dates.get("issued")
    year = str(issued.year) if issued and issued.year else ""
    word = significant[0] if significant else ""
    return f"{who[:24]}{year}{word[:20]}"


def _significant(text: str, limit: int = 0) -> list[str]:
    """ASCII-folded words of ``text`` that are neither stop words nor single letters
    (the first ``limit`` of them when ``limit`` is set: a key needs at most two).

    >>> _significant("U.S. Defense Intelligence Agency")
    ['defense', 'intelligence', 'agency']
    >>> _significant("U.S. Defense Intelligence Agency", 2)
    ['defense', 'intelligence']
    """
    out: list[str] = []
    for w in _WORD.findall(text):
        if len(w) > 1 and w.lower() not in STOPWORDS:
            folded = ascii_fold(w)
            if folded:
                out.append(folded)
                if len(out) == limit:
                    break
    return out


def _norm_url(url: str) -> str:
    return _URL_NORM.sub("", url.strip()).rstrip("/").lower()


def identity(ref: Reference) -> tuple[str, ...]:
    """The identities under which two references are the same source."""
    ids: list[str] = []
    if ref.get("DOI"):
        ids.append("doi:" + ref.get("DOI").lower())
    if ref.get("URL"):
        ids.append("url:" + _norm_url(ref.get("URL")))
    title = ascii_fold(ref.get("title"))
    if title and len(title) > 3:
        issued = ref.dates.get("issued")
        authors = ref.names.get("author") or ref.names.get("editor") or ()
        who = ascii_fold(authors[0].family or authors[0].literal) if authors else ""
        ids.append(f"title:{title}:{issued.year if issued else ''}:{who}")
    return tuple(ids)


def merge(first: Reference, later: Reference) -> tuple[Reference, list[str]]:
    """Fill fields ``first`` lacks from ``later``; return the conflicting variable names."""
    fields = dict(first.fields)
    conflicts = []
    for k, v in later.fields.items():
        if k not in fields:
            fields[k] = v
        elif fields[k] != v and k in ("title", "container-title", "DOI", "volume", "page"):
            conflicts.append(k)
    names = {**later.names, **first.names}
    dates = {**later.dates, **first.dates}
    if (first.dates.get("issued") and later.dates.get("issued")
            and first.dates["issued"].year != later.dates["issued"].year):
        conflicts.append("issued")
    extra = first.extra + tuple(e for e in later.extra if e not in first.extra)
    evidence = first.evidence + later.evidence
    merged = replace(first, fields=fields, names=names, dates=dates, extra=extra,
                     evidence=evidence, reuses=first.reuses + later.reuses)
    return merged, conflicts


def bibliography(refs: Iterable[Reference], *, include_anonymous: bool = False,
                 ) -> tuple[tuple[Entry, ...], tuple[Diagnostic, ...]]:
    """Merge duplicates and assign unique keys, in order of first citation.

    Conflicting duplicates are merged all the same and reported as CN401.
    """
    merged: list[Reference] = []
    spans: list[list[Span]] = []
    index: dict[str, int] = {}
    diagnostics: list[Diagnostic] = []
    for ref in refs:
        if ref.anonymous and not include_anonymous:
            continue
        ids = identity(ref)
        hit = next((index[i] for i in ids if i in index), None)
        if hit is None:
            hit = len(merged)
            merged.append(ref)
            spans.append([ref.span])
        else:
            merged[hit], conflicts = merge(merged[hit], ref)
            spans[hit].append(ref.span)
            if conflicts:
                diagnostics.append(diag(
                    "CN401",
                    f"same source as {merged[hit].span} with different {', '.join(conflicts)}",
                    ref.span))
        for i in ids:
            index.setdefault(i, hit)
    used: set[str] = set()
    counters: dict[str, int] = {}
    entries = []
    for ref, where in zip(merged, spans, strict=True):
        key = unique_key(base_key(ref), used, counters)
        entries.append(Entry(key, ref, tuple(where)))
    return tuple(entries), tuple(diagnostics)


def unique_key(key: str, used: set[str], counters: dict[str, int]) -> str:
    """``key``, or ``key`` + a, b, …, z, aa, … when taken; records the result in ``used``.
    ``counters`` remembers the next suffix per base key, so n clashes cost O(n), not O(n²).

    >>> used, counters = {"smith2001"}, {}
    >>> unique_key("smith2001", used, counters), unique_key("smith2001", used, counters)
    ('smith2001a', 'smith2001b')
    """
    candidate, n = key, counters.get(key, 0)
    while candidate in used:
        candidate = key + _suffix(n)
        n += 1
    counters[key] = n
    used.add(candidate)
    return candidate


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(97 + r) + letters
    return letters
