"""Property tests for the emitters: every CSL item validates against the CSL-JSON schema,
and every BibTeX database parses in pybtex strict mode and in bibtexparser v2 with no failed
block and one entry per bibliography entry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.errors
import pytest
from hypothesis import given, settings
from jsonschema import Draft7Validator
from pybtex.database import parse_string
from strategies import count_example, documents, examples

from citenorm import parse, to_bibtex, to_csl_items
from citenorm.keys import bibliography

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "csl-data.json"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    if not SCHEMA.is_file():
        pytest.skip(f"CSL schema not found at {SCHEMA} (the schema check needs ../shared; "
                    "it is not copied into the project)")
    schema: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft7Validator(schema)


@settings(max_examples=examples(2))
@given(documents())
def test_csl_items_validate_against_the_schema(validator: Draft7Validator, text: str) -> None:
    count_example()
    items = to_csl_items([parse(text, only="templates")])
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(items)]
    assert not errors, errors
    json.dumps(items, ensure_ascii=False)


def check_bibtex(bib: str, expected: int) -> None:
    """pybtex strict and bibtexparser v2 both read ``expected`` entries, nothing failed."""
    pybtex.errors.set_strict_mode(True)
    data = parse_string(bib, "bibtex")
    assert len(data.entries) == expected
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    assert len(library.entries) == expected
    for entry in library.entries:  # every value is exactly one braced group (or a macro)
        for field in entry.fields:
            assert isinstance(field.value, str)


@settings(max_examples=examples(2))
@given(documents())
def test_bibtex_parses_strictly_with_the_expected_count(text: str) -> None:
    count_example()
    doc = parse(text, only="templates")
    entries, _ = bibliography(doc.references)
    check_bibtex(to_bibtex([doc]), len(entries))
