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

from dataclasses import dataclass, field

from ..model import Name
from .cues import FULL_NAME
from .phrases import appositive
from .scan import Hit
from .sources import SourceInfo, clean_role, initials, is_acronym, person_name, role_and_org

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


def _org_key(name: str) -> str:
    key = name.casefold()
    for prefix in ("the ", "u.s. ", "us "):
        key = key.removeprefix(prefix)
    return key


class Registry:
    """Sources in order of first mention, with the indexes that link later mentions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sources: list[Source] = []
        self._keys: dict[str, int] = {}
        self._aliases: dict[str, int] = {}

    def _new(self, key: str, src: Source, hit: Hit) -> int:
        src.hits.append(hit)
        self.sources.append(src)
        self._keys[key] = len(self.sources) - 1
        return len(self.sources) - 1

    def _attach(self, idx: int, hit: Hit, info: SourceInfo | None = None) -> int:
        src = self.sources[idx]
        src.hits.append(hit)
        if info is not None:
            src.role = src.role or info.role
            src.organization = src.organization or info.organization
        return idx

    def _recent(self, hit: Hit, persons_only: bool) -> int | None:
        for idx in sorted(range(len(self.sources)), key=lambda i: -self.sources[i].last):
            src = self.sources[idx]
            if src.last > hit.start or hit.start - src.last > _NEAR:
                continue
            if not persons_only or src.kind == "person":
                return idx
        return None

    def add(self, hit: Hit, info: SourceInfo) -> int | None:
        """Link ``hit`` to a source (new or existing); None when a pronoun has no antecedent."""
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
        if idx is None and is_acronym(info.name):
            idx = self._aliases.get(info.name)
        if idx is None and not is_acronym(info.name):
            idx = self._aliases.get(initials(info.name))
            if idx is not None and self.sources[idx].kind == "organization":
                src = self.sources[idx]
                src.acronym, src.name = src.acronym or src.name, info.name
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
        return idx

    def _person(self, hit: Hit, info: SourceInfo) -> int:
        name = info.name
        if info.kind == "surname":
            idx = self._by_family(name)
            if idx is not None:
                return self._attach(idx, hit, info)
            name, role = self._full_name_before(name, hit.start)
            info = SourceInfo("person", name, info.role or role, info.organization)
        key = name.casefold()
        if key in self._keys:
            return self._attach(self._keys[key], hit, info)
        pname = person_name(name)
        idx = self._by_family(pname.family, surname_only=True)
        if idx is not None:
            src = self.sources[idx]
            src.name, src.person = name, pname
            self._keys[key] = idx
            return self._attach(idx, hit, info)
        src = Source("person", name, pname, info.role, info.organization)
        return self._new(key, src, hit)

    def _by_family(self, family: str, surname_only: bool = False) -> int | None:
        fam = family.casefold()
        for idx in range(len(self.sources) - 1, -1, -1):
            src = self.sources[idx]
            if src.kind != "person" or src.person is None:
                continue
            if src.person.family.casefold() == fam and (not surname_only or not src.person.given):
                return idx
        return None

    def _full_name_before(self, surname: str, pos: int) -> tuple[str, str]:
        """The last full name with this family name before ``pos``, and its appositive role."""
        best = None
        for m in FULL_NAME.finditer(self.text, max(0, pos - _BACK), pos):
            pname = person_name(m.group())
            if pname.family == surname and pname.given:
                best = m
        if best is None:
            return surname, ""
        role = ""
        if self.text.startswith(", ", best.end()):
            chunk, _ = appositive(self.text, best.end() + 2, min(len(self.text), best.end() + 200))
            first = chunk.split(" ", 1)[0] if chunk else ""
            if first and (first.islower() or first in ("a", "an")):
                role = role_and_org(chunk.split(",")[0])[0]
        return best.group(), clean_role(role)

    def _vague(self, hit: Hit, info: SourceInfo) -> int:
        words = info.name.split()
        if len(words) == 2 and words[0].lower() == "the":
            head = words[1].lower()
            for idx in range(len(self.sources) - 1, -1, -1):
                src = self.sources[idx]
                if src.kind in ("organization", "person") and (
                    head in src.name.lower() or head in src.role.lower()
                ):
                    return self._attach(idx, hit)
        key = "anon:" + " ".join(w for w in words if w.lower() not in ("a", "an", "the")).lower()
        if key in self._keys:
            return self._attach(self._keys[key], hit)
        src = Source("anonymous", info.name, organization=info.organization, media=info.media)
        return self._new(key, src, hit)
