"""Frozen data model shared by every stage of the pipeline.

Everything here is immutable: stages build new values instead of mutating old ones.
A :class:`Reference` is the normalized form of one citation (CSL variables); a
:class:`Diagnostic` is bad input reported as data, always with a :class:`Span`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

Origin = Literal["template", "ref", "attribution", "article"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in a source, with 1-based line/col of start."""

    source: str
    start: int
    end: int
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Name:
    """A CSL name: either a person (family/given/particles/suffix) or a ``literal``."""

    family: str = ""
    given: str = ""
    literal: str = ""
    particle: str = ""  # CSL non-dropping-particle ("van", "de", "von der")
    suffix: str = ""
    link: str = ""  # author-link: the wiki article about the person (kept, not emitted to CSL)

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)


@dataclass(frozen=True, slots=True)
class Date:
    """A CSL date: one or two ``parts`` (a range), each ``(year[, month[, day]])``.

    ``parts`` is empty when the input could not be read; ``raw`` then keeps it.
    """

    parts: tuple[tuple[int, ...], ...] = ()
    season: int = 0  # 1 spring, 2 summer, 3 autumn, 4 winter
    circa: bool = False
    literal: str = ""  # undated forms such as "n.d."
    raw: str = ""

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts else None


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding about the input. ``dropped`` is True when the candidate produced no Reference."""

    code: str
    message: str
    span: Span
    severity: Severity = Severity.WARNING
    dropped: bool = False

    def __str__(self) -> str:
        return f"{self.span}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One mention of a source in prose: where, and the quoted or paraphrased text."""

    span: Span
    text: str
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """One normalized citation.

    ``fields`` holds CSL text variables (``title``, ``container-title``, ``DOI``, ...),
    ``names`` CSL name variables (``author``, ``editor``, ...) and ``dates`` CSL date
    variables (``issued``, ``accessed``, ...). ``extra`` keeps template parameters that have
    no CSL variable, in input order, so nothing is lost (they are written to CSL ``note``).
    """

    csl_type: str
    span: Span
    origin: Origin = "template"
    fields: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, tuple[Name, ...]] = field(default_factory=dict)
    dates: Mapping[str, Date] = field(default_factory=dict)
    extra: tuple[tuple[str, str], ...] = ()
    template: str = ""  # the template name as written, e.g. "cite news"
    ref_name: str = ""  # the <ref name="..."> that holds it
    reuses: int = 0  # how many times <ref name="..."/> reused it
    anonymous: bool = False  # a vague source ("officials said"): not a bibliography entry
    evidence: tuple[Evidence, ...] = ()

    def get(self, name: str) -> str:
        """The text variable ``name`` or ``""``."""
        return self.fields.get(name, "")


@dataclass(frozen=True, slots=True)
class Document:
    """The result of parsing one source: references and diagnostics, each in input order."""

    source: str
    references: tuple[Reference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    candidates: int = 0  # citations the scanner found; == self.accounted

    @property
    def dropped(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.dropped)

    @property
    def accounted(self) -> int:
        """Candidates accounted for: one per mention of each reference (a template or a
        free-text ref is one mention; a prose source has one per piece of evidence), plus
        one per dropped diagnostic. Always equal to ``candidates``.
        """
        return sum(max(1, len(r.evidence)) for r in self.references) + len(self.dropped)
