"""One source per speaker: later mentions ("Rubin says", "KCNA added", "the NIS said") merge
into the first full one.

>>> reg = Registry("Uzi Rubin said so. Rubin says more.")
>>> from citenorm.attribution.sources import classify
>>> from citenorm.attribution.scan import scan
>>> [reg.add(h, classify(h.subject, h.appositive)) for h in scan(reg.text)]
[0, 0]
>>> reg.sources[0].name
'Uzi Rubin'
"""

from __future__ import annotations

import unicodedata
from bisect import insort
from dataclasses import dataclass, field

import regex

from ..model import Name
from .lexicon import CONNECTORS, DEMONYMS, MEDIA_WORDS, ORG_HEADS, PLACES, TITLES
from .phrases import appositive
from .scan import Hit
from .sources import (
    SourceInfo,
    call_names,
    classify,
    clean_role,
    initials,
    is_acronym,
    person_name,
    role_and_org,
)

#: An Arabic article before a name ("al-Shaibani"), matched case-insensitively.
_ARTICLE = regex.compile(r"^(?i:al|el|ad|an|ar|as|ash|at|az)-")
#: Capitalised words (and name particles) right before / after a name word.
_RUN_BEFORE = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}.’'\-]{0,30}\s(?:(?:bin|ibn|al|de|del|la|van|von|der|da)\s)?){1,4}$"
)
_RUN_AFTER = regex.compile(
    r"(?:\s(?:(?:bin|ibn|al|de|del|la|van|von|der|da)\s){0,2}(?:\p{Ll}{1,3}-)?\p{Lu}"
    r"[\p{L}\p{M}.’'\-]{0,30}){0,2}"
)
#: Who "he" or "she" may stand for: a named person, or an unnamed one ("a soldier, who gave
#: only his call sign, …, told the BBC … “…,” he said").
_PEOPLE = frozenset(("person", "anonymous"))
_NEAR = 700  # how far back a pronoun or participle may reach for its speaker
_BACK = 6000  # how far back a bare surname may look for the full name


@dataclass(slots=True)
class Source:
    """A speaker being assembled from its mentions (internal, mutable while linking)."""

    kind: str
    name: str
    person: Name | None = None
    role: str = ""
    organization: str = ""
    acronym: str = ""
    media: bool = False
    hits: list[Hit] = field(default_factory=list)

    @property
    def last(self) -> int:
        return self.hits[-1].end if self.hits else -1


_NOT_SHORT = PLACES | DEMONYMS | TITLES | ORG_HEADS | CONNECTORS


def short_name(name: str) -> str:
    """The first word by which news may call an organisation again, or "": "Harrowgate" for
    "Harrowgate Group", but not a place, a title or a generic word ("National", "Ministry").

    >>> short_name("Harrowgate Group"), short_name("Korean Central News Agency")
    ('Harrowgate', '')
    """
    words = name.removeprefix("The ").split()
    if len(words) < 2 or len(words[0]) < 3 or not words[0][0].isupper():
        return ""
    low = words[0].lower()
    if low in _NOT_SHORT or not words[0].replace("-", "").isalpha():
        return ""
    return words[0]


def _org_key(name: str) -> str:
    key = name.casefold()
    for prefix in ("the ", "u.s. ", "us "):
        key = key.removeprefix(prefix)
    return key


def _letter(ch: str) -> bool:
    """``\\p{L}`` or ``\\p{M}``: a letter or a combining mark."""
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def word_spans(text: str, word: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where ``word`` stands as a whole word in ``text[lo:hi]``, in either case, with an
    Arabic article glued before it ("al-Shaibani" for "Shaibani"): the spans of

    ``regex.compile(r"(?<![\\p{L}\\p{M}])(?:(?i:al|el|…)-)?" + regex.escape(word) +
    r"(?![\\p{L}\\p{M}\\-])", regex.IGNORECASE).finditer(text, lo, hi)``,

    found with ``str.find`` in the lower-cased window instead of compiling a pattern per
    word (a new pattern costs 200 µs). A window or word whose lower case changes its length
    (a few letters such as "İ") falls back to that pattern.

    >>> word_spans("Rubin said. al-Rubin and Rubinstein, RUBIN.", "Rubin", 0, 44)
    [(0, 5), (12, 20), (37, 42)]
    """
    lower = text[lo:hi].lower()
    if len(lower) != hi - lo or len(word.lower()) != len(word):
        pattern = regex.compile(r"(?<![\p{L}\p{M}])(?:" + _ARTICLE.pattern[1:] + r")?"
                                + regex.escape(word) + r"(?![\p{L}\p{M}\-])", regex.IGNORECASE)
        return [m.span() for m in pattern.finditer(text, lo, hi)]
    needle = word.lower()
    spans: list[tuple[int, int]] = []
    i = lower.find(needle)
    while i >= 0:
        start, stop = lo + i, lo + i + len(needle)
        if (start == 0 or not _letter(text[start - 1])) and (stop >= hi or not (
                _letter(text[stop]) or text[stop] == "-")):
            for art in _ARTICLES:
                k = i - len(art)
                if k >= 0 and lower.startswith(art, k) and (
                        lo + k == 0 or not _letter(text[lo + k - 1])):
                    start = lo + k
                    break
            if not spans or start >= spans[-1][1]:
                spans.append((start, stop))
        i = lower.find(needle, i + 1)
    return spans


def _in_lower_case(text: str, word: str, lo: int, hi: int) -> bool:
    """Whether ``word`` also stands in ``text[lo:hi]`` in lower case, as a whole word: a
    common noun capitalised to open a sentence ("Developers say …" and "… push developers
    to …"), not a name ("Eskom").

    >>> _in_lower_case("Developers say no. It helps developers.", "Developers", 0, 40)
    True
    >>> _in_lower_case("Eskom said no. Eskomite", "Eskom", 0, 23)
    False
    """
    low = word.lower()
    if low == word:
        return False
    lo, hi = max(0, lo), min(len(text), hi)
    i = text.find(low, lo, hi)
    while i >= 0:
        end = i + len(low)
        if (i == 0 or not _letter(text[i - 1])) and (end >= len(text) or not _letter(text[end])):
            return True
        i = text.find(low, end, hi)
    return False


_ARTICLES = tuple(sorted((a + "-" for a in "al el ad an ar as ash at az".split()), key=len,
                         reverse=True))


class Registry:
    """Sources in order of first mention, with the indexes that link later mentions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sources: list[Source] = []
        self._keys: dict[str, int] = {}
        self._aliases: dict[str, int] = {}
        # Indexes that keep linking linear in the number of mentions:
        self._families: dict[str, list[int]] = {}  # casefolded family → persons, ascending
        self._bare: dict[str, list[int]] = {}  # the same, persons without a given name
        self._inner: dict[str, int] = {}  # later words of a full name ("Moreno", "García de
        # la Torre" in "María José García de la Torre") → the latest person with them
        self._touched: dict[int, int] = {}  # source → start of its latest hit, oldest first
        self._longest = 0  # the longest hit linked so far
        self._latest = -1  # the latest hit start linked so far
        self._in_order = True  # hits came in text order (as ``scan`` gives them)
        self._version = 0  # bumped whenever a source's name or role changes
        # "the ministry" → (latest source naming it, sources looked at, version)
        self._heads: dict[str, tuple[int | None, int, int]] = {}
        self._short: dict[str, int] = {}  # "Harrowgate" → the organisation "Harrowgate Group"

    def finish(self) -> None:
        """Settle what linking could not: a bare capitalised word that never met a full
        name, a title or a role ("Google said", "Eskom warned") is an organisation, since
        news introduces people by their full name first; unless the word also stands in
        lower case around its first mention, a common noun opening a sentence ("Developers
        say …"), which is anonymous."""
        for src in self.sources:
            if src.kind == "person" and src.person is not None and not src.person.given and (
                    not src.role and not src.organization and " " not in src.name):
                src.person = None
                lo, hi = src.hits[0].start - _BACK, src.hits[0].end + _BACK  # its article
                if _in_lower_case(self.text, src.name, lo, hi):  # "Developers say …": a noun
                    src.kind = "anonymous"
                    continue
                src.kind = "organization"
                src.media = src.media or src.name.lower() in MEDIA_WORDS

    def _note(self, idx: int, hit: Hit) -> None:
        self._in_order &= hit.start >= self._latest
        self._latest = max(self._latest, hit.start)
        self._longest = max(self._longest, hit.end - hit.start)
        self._touched.pop(idx, None)
        self._touched[idx] = hit.start

    def _index_person(self, idx: int, new: bool) -> None:
        person = self.sources[idx].person
        if person is None or not person.family:
            return
        if new:  # the highest index yet
            for name in call_names(person):
                self._families.setdefault(name.casefold(), []).append(idx)
        words = self.sources[idx].name.casefold().split()
        for i in range(1, len(words)):
            for j in range(i + 1, len(words) + 1):
                self._inner[" ".join(words[i:j])] = idx
        bare = self._bare.setdefault(person.family.casefold(), [])
        if not person.given and idx not in bare:
            insort(bare, idx)
        elif person.given and idx in bare:
            bare.remove(idx)

    def _new(self, key: str, src: Source, hit: Hit) -> int:
        src.hits.append(hit)
        self.sources.append(src)
        idx = len(self.sources) - 1
        self._keys[key] = idx
        self._note(idx, hit)
        if src.kind == "person":
            self._index_person(idx, new=True)
        return idx

    def _attach(self, idx: int, hit: Hit, info: SourceInfo | None = None) -> int:
        src = self.sources[idx]
        src.hits.append(hit)
        self._note(idx, hit)
        if info is not None:
            role = src.role or info.role
            self._version += role != src.role
            src.role = role
            src.organization = src.organization or info.organization
        return idx

    def _recent(self, hit: Hit, persons_only: bool) -> int | None:
        """The source whose latest mention ends closest before ``hit`` (within ``_NEAR``).

        In text order only the sources touched since ``_NEAR`` plus the longest hit before
        ``hit`` can qualify, so the walk back over ``_touched`` stops there.
        """
        if self._in_order and hit.start >= self._latest:
            floor = hit.start - _NEAR - self._longest
            best, best_last = None, -1
            for idx in reversed(self._touched):
                if self._touched[idx] < floor:
                    break
                src = self.sources[idx]
                last = src.last
                if last > hit.start or hit.start - last > _NEAR:
                    continue
                if persons_only and src.kind not in _PEOPLE:
                    continue
                if best is None or last > best_last or (last == best_last and idx < best):
                    best, best_last = idx, last
            return best
        for idx in sorted(range(len(self.sources)), key=lambda i: -self.sources[i].last):
            src = self.sources[idx]
            if src.last > hit.start or hit.start - src.last > _NEAR:
                continue
            if not persons_only or src.kind in _PEOPLE:
                return idx
        return None

    def add(self, hit: Hit, info: SourceInfo) -> int | None:
        """Link ``hit`` to a source (new or existing); None when a pronoun has no antecedent."""
        if hit.anonymous_hint and info.kind in ("person", "surname", "organization"):
            # a pseudonym, or a person "who asked not to be named" (the phrase before may
            # end in an organisation: "a trader on the floor of the New York Stock Exchange")
            info = SourceInfo("anonymous", hit.subject.strip())
        if info.kind == "surname" and self._aliases.get(info.name) is not None:
            info = SourceInfo("organization", info.name)  # "Samwu said" after "… (Samwu)"
        if hit.subject == "(participle)" or info.kind == "pronoun":
            idx = self._recent(hit, info.name in ("he", "she"))
            return None if idx is None else self._attach(idx, hit)
        if hit.report:
            key = f"report:{_org_key(info.name)}:{hit.year}"
            if key in self._keys:
                return self._attach(self._keys[key], hit)
            return self._new(key, Source("report", info.name, acronym=info.acronym), hit)
        if info.kind == "organization":
            return self._org(hit, info)
        if info.kind in ("person", "surname"):
            return self._person(hit, info)
        return self._vague(hit, info)

    def _org(self, hit: Hit, info: SourceInfo) -> int:
        key = _org_key(info.name)
        idx = self._keys.get(key)
        if idx is None:  # "KCNA", or a two-word defined short form: "Africa CDC"
            idx = self._aliases.get(info.name)
        if idx is None and not is_acronym(info.name):
            idx = self._aliases.get(initials(info.name))
            if idx is not None and self.sources[idx].kind == "organization":
                src = self.sources[idx]
                src.acronym, src.name = src.acronym or src.name, info.name
                self._version += 1
                self._keys[key] = idx
        if idx is not None and self.sources[idx].kind == "organization":
            self.sources[idx].media |= info.media
            return self._attach(idx, hit, info)
        src = Source("organization", info.name, role=info.role, acronym=info.acronym,
                     media=info.media)
        idx = self._new(key, src, hit)
        for alias in (info.acronym, info.name if is_acronym(info.name) else initials(info.name)):
            if len(alias) >= 2:
                self._aliases.setdefault(alias, idx)
        short = short_name(info.name)
        if short:
            self._short.setdefault(short, idx)
        return idx

    def _person(self, hit: Hit, info: SourceInfo) -> int:
        name = info.name
        if info.kind == "surname":
            idx = self._by_family(name)
            if idx is None:
                idx = self._inner.get(name.casefold())
            if idx is not None:
                return self._attach(idx, hit, info)
            name, role = self._full_name_before(name, hit.start)
            idx = self._short.get(name) if name == info.name and not info.role else None
            if idx is not None:  # "Harrowgate said" after "Harrowgate Group" (no title)
                return self._attach(idx, hit)
            info = SourceInfo("person", name, info.role or role, info.organization)
        key = name.casefold()
        if key in self._keys:
            return self._attach(self._keys[key], hit, info)
        if key in self._inner and " " in key:  # "García de la Torre" after the full name
            return self._attach(self._inner[key], hit, info)
        pname = person_name(name)
        idx = self._by_family(pname.family, surname_only=True)
        if idx is not None:
            src = self.sources[idx]
            src.name, src.person = name, pname
            self._version += 1
            self._keys[key] = idx
            self._index_person(idx, new=False)
            return self._attach(idx, hit, info)
        src = Source("person", name, pname, info.role, info.organization)
        return self._new(key, src, hit)

    def _by_family(self, family: str, surname_only: bool = False) -> int | None:
        """The latest person with this family name (without a given name if ``surname_only``)."""
        found = (self._bare if surname_only else self._families).get(family.casefold())
        return found[-1] if found else None

    def _full_name_before(self, word: str, pos: int) -> tuple[str, str]:
        """The last full name holding ``word`` before ``pos`` (its family name, or the given
        name news uses for some leaders: "PM Shehbaz" after "Prime Minister Shehbaz Sharif"),
        and the role in an appositive after it; ``(word, "")`` when there is none.
        """
        core = _ARTICLE.sub("", word)
        if not core:
            return word, ""
        key = core.casefold()
        text = self.text
        for start, stop in reversed(word_spans(text, core, max(0, pos - _BACK), pos)):
            left = _RUN_BEFORE.search(text, max(0, start - 80), start)
            right = _RUN_AFTER.match(text, stop, min(len(text), stop + 60))
            a = left.start() if left else start
            b = right.end() if right else stop
            info = classify(text[a:b])
            words = [_ARTICLE.sub("", w).casefold() for w in info.name.split()]
            if info.kind != "person" or len(words) < 2 or f" {key} " not in f" {' '.join(words)} ":
                continue  # (the word, or words: "Ní Bhriain", must be whole words of the name)
            end = text.find(info.name, a, b) + len(info.name)
            return info.name, clean_role(self._role_after(end) or info.role)
        return word, ""

    def _named_before(self, head: str, pos: int) -> str:
        """The last organisation named before ``pos`` whose name ends or opens with ``head``
        capitalised ("Millbrook Unified School District" for "the district"; "Ministry of
        Home Affairs" for "the ministry", "Court of Bosnia and Herzegovina" for "the
        court"), or ""."""
        if not head.isalpha() or head.lower() not in ORG_HEADS:
            return ""
        word = head.capitalize()
        lo = max(0, pos - _BACK)
        first = self.text.find(word, lo, pos)  # every match holds the word, and no match
        if first < 0:  # reaches 200 characters before it: the scan may start there
            return ""
        pattern = regex.compile(
            r"(?:\p{Lu}[\p{L}’'\-]{0,30}\s(?:(?:and|of|for)\s)?){1,5}" + word
            + r"\b(?!\s(?:of|for|on|to)\s[\p{Lu}\d])"
            r"|(?<![\p{L}])" + word
            + r"\s(?:of|for|on|to)\s(?:the\s)?[\p{Lu}\d][\p{L}’'\-]{0,30}(?:\s(?:(?:and|of"
            r"|for|the)\s){0,2}[\p{Lu}\d][\p{L}’'\-]{0,30}){0,5}")
        found = ""
        for m in pattern.finditer(self.text, max(lo, first - 200), pos):
            found = m.group()
        info = classify(found) if found else None
        return info.name if info is not None and info.kind == "organization" else ""

    def _role_after(self, end: int) -> str:
        """The role in an appositive right after a name ("…, a professor at X,")."""
        if not self.text.startswith(", ", end):
            return ""
        chunk, _ = appositive(self.text, end + 2, min(len(self.text), end + 200))
        first = chunk.split(" ", 1)[0] if chunk else ""
        if first and (first.islower() or first in ("a", "an")):
            return role_and_org(chunk.split(",")[0])[0]
        return ""

    def _naming(self, head: str) -> int | None:
        """The latest organisation or person whose name or role contains ``head``.

        Cached per head: while no name or role changes, only sources added since the last
        look are read, so repeated "the ministry said" stays linear.
        """
        best, seen, version = self._heads.get(head, (None, 0, -1))
        if version != self._version:
            best, seen = None, 0
        for idx in range(seen, len(self.sources)):
            src = self.sources[idx]
            if src.kind in ("organization", "person") and (
                head in src.name.lower() or head in src.role.lower()
            ):
                best = idx
        self._heads[head] = (best, len(self.sources), self._version)
        return best

    def _vague(self, hit: Hit, info: SourceInfo) -> int:
        words = info.name.split()
        if len(words) == 2 and words[0].lower() == "the":
            idx = self._naming(words[1].lower())
            if idx is not None:
                return self._attach(idx, hit)
            named = self._named_before(words[1], hit.start)
            if named:  # "the district said" after "the Millbrook Unified School District"
                return self._org(hit, SourceInfo("organization", named))
        key = "anon:" + " ".join(w for w in words if w.lower() not in ("a", "an", "the")).lower()
        if key in self._keys:
            return self._attach(self._keys[key], hit)
        src = Source("anonymous", info.name, organization=info.organization, media=info.media)
        return self._new(key, src, hit)
