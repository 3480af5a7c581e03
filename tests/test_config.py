"""[tool.citenorm] and --select/--ignore: ruff-style prefix selection, severities."""

from __future__ import annotations

from pathlib import Path

import pytest

from citenorm.config import (
    ConfigError,
    Layer,
    Settings,
    apply,
    enabled_codes,
    fails,
    find_pyproject,
    from_table,
    load_settings,
)
from citenorm.diagnostics import CODES, diag
from citenorm.model import Severity, Span

SPAN = Span("t", 0, 1, 1, 1)


@pytest.mark.parametrize(
    ("layers", "expected_in", "expected_out"),
    [
        ((), {"CN001", "CN403"}, set()),
        ((Layer(select=("CN4",)),), {"CN401", "CN402", "CN403"}, {"CN001", "CN501"}),
        ((Layer(select=("CN4",), ignore=("CN403",)),), {"CN402"}, {"CN403"}),
        ((Layer(ignore=("CN4",)), Layer(extend_select=("CN402",))), {"CN402", "CN001"},
         {"CN401", "CN403"}),
        ((Layer(select=("CN",), ignore=("CN40",)), Layer(select=("CN001",))), {"CN001"},
         {"CN002", "CN401"}),
        ((Layer(select=("CN402",), ignore=("CN4",)),), {"CN402"}, {"CN401"}),  # specific wins
        ((Layer(select=("CN4",), ignore=("CN4",)),), set(), {"CN401"}),  # tie: ignore wins
        ((Layer(select=("ALL",), ignore=("CN2",)),), {"CN101"}, {"CN201", "CN202"}),
    ],
)
def test_enabled_codes(layers: tuple[Layer, ...], expected_in: set[str],
                       expected_out: set[str]) -> None:
    enabled = enabled_codes(layers)
    assert expected_in <= enabled
    assert not expected_out & enabled


def test_unknown_prefix_and_key_are_errors() -> None:
    with pytest.raises(ConfigError, match="matches no diagnostic code"):
        from_table({"ignore": ["E501"]})
    with pytest.raises(ConfigError, match="unknown key"):
        from_table({"ignores": ["CN403"]})
    with pytest.raises(ConfigError, match="not one of"):
        from_table({"severity": {"CN201": "fatal"}})


def test_severity_override_most_specific_prefix_wins() -> None:
    settings = from_table({"severity": {"CN2": "error", "CN202": "info"}})
    out = apply([diag("CN201", "x", SPAN), diag("CN202", "y", SPAN), diag("CN101", "z", SPAN)],
                settings)
    assert [d.severity for d in out] == [Severity.ERROR, Severity.INFO, CODES["CN101"][0]]


def test_fails_respects_fail_on() -> None:
    warning = [diag("CN201", "x", SPAN)]
    assert not fails(warning, Settings())
    assert fails(warning, from_table({"fail-on": "warning"}))


def test_load_from_nearest_pyproject_stops_at_git_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.citenorm]\nignore = ["CN403"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    assert find_pyproject(repo / "sub") is None  # the outer file is beyond the repository
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.citenorm]\nselect = ["CN1"]\n')
    assert find_pyproject(repo / "sub") == repo / "pyproject.toml"
    assert load_settings(start=repo / "sub").enabled() == {c for c in CODES if c.startswith("CN1")}
    assert "CN403" not in load_settings(str(tmp_path / "pyproject.toml")).enabled()
