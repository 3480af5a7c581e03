"""Identifier normalization and validation (DOI, ISBN, ISSN, PMID, PMC, arXiv, OCLC, …).

Each normalizer returns ``(value, ok)``: the cleaned identifier and whether it is valid.
An invalid identifier is returned as written so the caller can keep it and report it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

_DOI_PREFIX = regex.compile(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|info:doi/)")
_DOI = regex.compile(r"^10\.\d{4,9}/\S+$")
_ISBN_JUNK = regex.compile(r"[\s\-‐‑–]")
_ARXIV_NEW = regex.compile(r"(?i)^(?:arxiv:)?(\d{4}\.\d{4,5})(v\d+)?$")
_ARXIV_OLD = regex.compile(r"(?i)^(?:arxiv:)?([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?$")
_BIBCODE = regex.compile(r"^\d{4}[A-Za-z0-9.&]{14}[A-Z.]$")
_DIGITS = regex.compile(r"^\d{1,12}$")


def normalize_doi(value: str) -> tuple[str, bool]:
    """Strip resolver prefixes; valid when it reads ``10.NNNN/suffix``.

    >>> normalize_doi("https://doi.org/10.1000/xyz123")
    ('10.1000/xyz123', True)
    >>> normalize_doi("doi:10.1515/thli.1979.6.1-3.221")
    ('10.1515/thli.1979.6.1-3.221', True)
    >>> normalize_doi("10.abc")
    ('10.abc', False)
    """
    doi = _DOI_PREFIX.sub("", value.strip()).strip().rstrip(".")
    return doi, bool(_DOI.match(doi))


def isbn_ok(digits: str) -> bool:
    """ISBN-10 or ISBN-13 checksum.

    >>> isbn_ok("9780821369418"), isbn_ok("0306406152"), isbn_ok("0306406153")
    (True, True, False)
    """
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] in "Xx"):
        total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
        total += 10 if digits[9] in "Xx" else int(digits[9])
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(digits))
        return total % 10 == 0
    return False


def normalize_isbn(value: str) -> tuple[str, bool]:
    """Hyphens and spaces removed, ``ISBN`` prefix dropped, checksum validated.

    >>> normalize_isbn("978-0821369418")
    ('9780821369418', True)
    >>> normalize_isbn("ISBN 0-306-40615-x")
    ('030640615X', False)
    """
    raw = value.strip()
    if raw[:4].upper() == "ISBN":
        raw = raw[4:].lstrip(" :-")
    digits = _ISBN_JUNK.sub("", raw).upper()
    ok = isbn_ok(digits)
    return (digits, ok) if ok or digits.isalnum() else (value.strip(), False)


def normalize_issn(value: str) -> tuple[str, bool]:
    """``NNNN-NNNC`` with the mod-11 check digit.

    >>> normalize_issn("0301-4428")
    ('0301-4428', True)
    >>> normalize_issn("03014429")
    ('0301-4429', False)
    """
    digits = _ISBN_JUNK.sub("", value.strip()).upper()
    if len(digits) != 8 or not digits[:7].isdigit() or not (digits[7].isdigit() or
                                                            digits[7] == "X"):
        return value.strip(), False
    total = sum((8 - i) * int(d) for i, d in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    return f"{digits[:4]}-{digits[4:]}", digits[7] == expected


def normalize_digits(value: str) -> tuple[str, bool]:
    """PMID, OCLC, JSTOR: plain positive integers.

    >>> normalize_digits(" 9702189 "), normalize_digits("abc")
    (('9702189', True), ('abc', False))
    """
    v = value.strip()
    return v, bool(_DIGITS.match(v)) and int(v) > 0


def normalize_pmc(value: str) -> tuple[str, bool]:
    """PMC ids are written ``PMC`` + digits in CSL ``PMCID``.

    >>> normalize_pmc("345678"), normalize_pmc("PMC345678")
    (('PMC345678', True), ('PMC345678', True))
    """
    v = value.strip()
    digits = v[3:] if v.upper().startswith("PMC") else v
    ok = bool(_DIGITS.match(digits))
    return (f"PMC{digits}", True) if ok else (v, False)


def normalize_arxiv(value: str) -> tuple[str, bool]:
    """New (``2101.00001v2``) and old (``hep-th/9901001``) arXiv identifiers.

    >>> normalize_arxiv("arXiv:1501.00001v2"), normalize_arxiv("hep-th/9901001")
    (('1501.00001v2', True), ('hep-th/9901001', True))
    """
    v = value.strip()
    m = _ARXIV_NEW.match(v) or _ARXIV_OLD.match(v)
    return ("".join(g for g in m.groups() if g), True) if m else (v, False)


def normalize_bibcode(value: str) -> tuple[str, bool]:
    """19-character ADS bibcodes.

    >>> normalize_bibcode("1974AJ.....79..819H")
    ('1974AJ.....79..819H', True)
    """
    v = value.strip()
    return v, bool(_BIBCODE.match(v))


def normalize_any(value: str) -> tuple[str, bool]:
    """Identifiers with no checkable syntax: kept as written."""
    return value.strip(), True


#: CS1 identifier parameter → (normalizer, label used in diagnostics and notes).
IDENTIFIERS: dict[str, tuple[Callable[[str], tuple[str, bool]], str]] = {
    "doi": (normalize_doi, "DOI"),
    "isbn": (normalize_isbn, "ISBN"),
    "issn": (normalize_issn, "ISSN"),
    "eissn": (normalize_issn, "eISSN"),
    "pmid": (normalize_digits, "PMID"),
    "pmc": (normalize_pmc, "PMC"),
    "arxiv": (normalize_arxiv, "arXiv"),
    "oclc": (normalize_digits, "OCLC"),
    "jstor": (normalize_digits, "JSTOR"),
    "bibcode": (normalize_bibcode, "Bibcode"),
    "lccn": (normalize_any, "LCCN"),
    "mr": (normalize_any, "MR"),
    "zbl": (normalize_any, "Zbl"),
    "osti": (normalize_digits, "OSTI"),
    "ol": (normalize_any, "OL"),
    "ssrn": (normalize_digits, "SSRN"),
    "s2cid": (normalize_digits, "S2CID"),
    "hdl": (normalize_any, "hdl"),
    "citeseerx": (normalize_any, "CiteSeerX"),
    "biorxiv": (normalize_any, "bioRxiv"),
    "medrxiv": (normalize_any, "medRxiv"),
    "asin": (normalize_any, "ASIN"),
    "id": (normalize_any, "id"),
}


@lru_cache(maxsize=65536)
def normalize_identifier(kind: str, value: str) -> tuple[str, bool]:
    """Dispatch on the canonical CS1 identifier name (``doi``, ``isbn``, …)."""
    fn = IDENTIFIERS.get(kind, (normalize_any, kind))[0]
    return fn(value)
