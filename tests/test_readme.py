"""The README documents what the code does: its tables are checked against the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from citenorm.cs1 import TEMPLATE_TYPES
from citenorm.diagnostics import CODES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_is_documented(code: str) -> None:
    severity, meaning = CODES[code]
    assert f"| {code} | {severity.value} | {meaning} |" in README


@pytest.mark.parametrize("template", [t for t in TEMPLATE_TYPES if t != "cite encyclopaedia"
                                      and t != "cite video"])
def test_every_template_type_is_documented(template: str) -> None:
    csl_type = TEMPLATE_TYPES[template][0]
    rows = [line for line in README.splitlines() if line.startswith(f"| `{template}` |")]
    assert rows, f"{template} missing from the README type table"
    if template != "citation":
        assert f"`{csl_type}`" in rows[0]


def test_readme_names_the_install_and_test_commands() -> None:
    assert "python -m pip install -e '.[test]'" in README
    assert "python -m pytest" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -e '.[test]'" in ci and "python -m pytest" in ci
