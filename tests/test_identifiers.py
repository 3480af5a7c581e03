"""Identifiers: normalized when valid, kept as written with a diagnostic when not."""

from __future__ import annotations

import pytest

from citenorm import parse, to_csl_items


def run(params: str) -> tuple[dict[str, str], list[str]]:
    doc = parse(f"{{{{cite journal |title=T |journal=J |{params}}}}}", only="templates")
    return to_csl_items([doc])[0], [d.code for d in doc.diagnostics]


@pytest.mark.parametrize(("params", "var", "value"), [
    ("doi=10.1111/j.1365-2486.2008.01559.x", "DOI", "10.1111/j.1365-2486.2008.01559.x"),
    ("doi=https://doi.org/10.1000/xyz123", "DOI", "10.1000/xyz123"),
    ("doi=doi:10.1000/xyz123", "DOI", "10.1000/xyz123"),
    ("doi=http://dx.doi.org/10.1000/xyz123", "DOI", "10.1000/xyz123"),
    ("isbn=978-0821369418", "ISBN", "9780821369418"),
    ("isbn=0-306-40615-2", "ISBN", "0306406152"),
    ("ISBN=978 0 8213 6941 8", "ISBN", "9780821369418"),
    ("issn=0301-4428", "ISSN", "0301-4428"),
    ("eissn=1365-2486", "ISSN", "1365-2486"),
    ("pmid=9702189", "PMID", "9702189"),
    ("pmc=345678", "PMCID", "PMC345678"),
])
def test_valid_identifiers(params: str, var: str, value: str) -> None:
    item, codes = run(params)
    assert item[var] == value
    assert codes == []


@pytest.mark.parametrize(("params", "note"), [
    ("arxiv=1501.00001", "arXiv: 1501.00001"),
    ("oclc=77116846", "OCLC: 77116846"),
    ("jstor=2234567", "JSTOR: 2234567"),
    ("bibcode=1974AJ.....79..819H", "Bibcode: 1974AJ.....79..819H"),
    ("mr=589163", "MR: 589163"),
])
def test_identifiers_without_a_csl_variable_go_to_the_note(params: str, note: str) -> None:
    item, codes = run(params)
    assert note in item["note"]
    assert codes == []


@pytest.mark.parametrize(("params", "var", "raw", "code"), [
    ("doi=10.abc", "DOI", "10.abc", "CN102"),
    ("isbn=978-0821369419", "ISBN", "9780821369419", "CN103"),
    ("isbn=12345", "ISBN", "12345", "CN103"),
    ("issn=0301-4429", "ISSN", "0301-4429", "CN104"),
    ("pmid=PM123", "PMID", "PM123", "CN105"),
])
def test_invalid_identifiers_are_kept_and_reported(params: str, var: str, raw: str,
                                                   code: str) -> None:
    item, codes = run(params)
    assert item[var] == raw
    assert codes == [code]


@pytest.mark.parametrize(("params", "code"), [
    ("arxiv=not-an-id", "CN105"), ("oclc=12ab", "CN105"), ("bibcode=short", "CN105"),
])
def test_invalid_note_identifiers_are_reported(params: str, code: str) -> None:
    _, codes = run(params)
    assert codes == [code]
