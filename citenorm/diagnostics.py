"""The diagnostic catalogue: stable codes, default severities, one-line meanings.

Codes never change meaning once released; ``check`` selects and ignores them by code or
prefix, as ruff does.
"""

from __future__ import annotations

from .model import Diagnostic, Severity, Span

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

#: code → (default severity, summary). The README table is generated from this.
CODES: dict[str, tuple[Severity, str]] = {
    "CN001": (E, "unclosed template: an opening {{ or [tpl] is never closed"),
    "CN002": (W, "stray closing }} or [/tpl] with no opening"),
    "CN003": (E, "empty citation template: no parameter has a value"),
    "CN004": (E, "unclosed <ref> or [ref]"),
    "CN101": (W, "invalid date"),
    "CN102": (W, "invalid DOI"),
    "CN103": (W, "invalid ISBN (syntax or checksum)"),
    "CN104": (W, "invalid ISSN (syntax or checksum)"),
    "CN105": (W, "invalid identifier (PMID, PMC, arXiv, OCLC, JSTOR, bibcode, ...)"),
    "CN201": (W, "unknown template parameter (kept in the CSL note)"),
    "CN202": (N, "deprecated parameter name ('fix' rewrites it)"),
    "CN203": (E, "citation has neither title nor url"),
    "CN204": (W, "duplicate parameter (the last value wins, earlier ones are kept in the note)"),
    "CN205": (W, "first name without a last name"),
    "CN301": (N, "free-text reference with no citation template or link (not converted)"),
    "CN302": (W, "reused <ref name=.../> whose name is never defined"),
    "CN401": (W, "the same source cited twice with conflicting data"),
    "CN402": (E, "short reference ({{sfn}}, {{harvnb}}, ...) with no full reference to point at"),
    "CN403": (W, "full reference that no short reference points at"),
    "CN501": (E, "unreadable input (binary, undecodable, missing)"),
    "CN601": (N, "anonymous or vague source"),
    "CN602": (W, "pronoun or participle attribution with no speaker in reach"),
    "CN603": (N, "relative date kept raw (the article's date is unknown)"),
}


def diag(code: str, message: str, span: Span, *, dropped: bool = False) -> Diagnostic:
    """A Diagnostic with the catalogue's default severity for ``code``."""
    return Diagnostic(code, message, span, CODES[code][0], dropped)
