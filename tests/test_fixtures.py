"""Golden files: each input under fixtures/templates has its expected CSL-JSON, BibTeX and
diagnostics beside it, compared field by field.

After a deliberate change, regenerate with ``CITENORM_UPDATE_GOLDEN=1 pytest
tests/test_fixtures.py`` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import bibtexparser
import pytest

from citenorm import parse, to_bibtex, to_csl_items

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "templates"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".wiki", ".txt"))
UPDATE = os.environ.get("CITENORM_UPDATE_GOLDEN") == "1"


def _outputs(path: Path) -> tuple[list[dict[str, Any]], str, list[str]]:
    doc = parse(path.read_text(encoding="utf-8"), path.name, only="templates")
    diags = [f"{d.span.line}:{d.span.col} {d.code} {d.severity.value}" for d in doc.diagnostics]
    return to_csl_items([doc]), to_bibtex([doc]), diags


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden_csl(path: Path) -> None:
    items, _, _ = _outputs(path)
    golden = path.with_suffix(".csl.json")
    if UPDATE:
        golden.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [e["id"] for e in expected]
    for got, want in zip(items, expected, strict=True):
        for key in sorted(set(got) | set(want)):
            assert got.get(key) == want.get(key), f"{path.name} {want['id']}: {key}"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden_bibtex(path: Path) -> None:
    _, bib, _ = _outputs(path)
    golden = path.with_suffix(".bib")
    if UPDATE:
        golden.write_text(bib, encoding="utf-8")
    got = bibtexparser.parse_string(bib)
    want = bibtexparser.parse_string(golden.read_text(encoding="utf-8"))
    assert got.failed_blocks == []
    assert [(e.entry_type, e.key) for e in got.entries] == [
        (e.entry_type, e.key) for e in want.entries]
    for g, w in zip(got.entries, want.entries, strict=True):
        assert g.fields_dict.keys() == w.fields_dict.keys(), w.key
        for name, field in w.fields_dict.items():
            assert g[name] == field.value, f"{path.name} {w.key}: {name}"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden_diagnostics(path: Path) -> None:
    _, _, diags = _outputs(path)
    golden = path.with_suffix(".diagnostics")
    if UPDATE:
        golden.write_text("".join(d + "\n" for d in diags), encoding="utf-8")
    assert diags == golden.read_text(encoding="utf-8").splitlines()


def test_every_fixture_has_its_golden_files() -> None:
    assert len(INPUTS) >= 5
    for path in INPUTS:
        for suffix in (".csl.json", ".bib", ".diagnostics"):
            assert path.with_suffix(suffix).exists(), f"{path.name}: {suffix} missing"
