"""Shared test set-up: hypothesis profiles and paths to the shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "ci" is what .ci/run uses: many examples, derandomized so that CI, a gate, judges every
# submission on the same 16,000 cases (a failure reproduces exactly). "dev", the quick local
# default, draws new random examples on every run and keeps exploring.
settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared data folder; the test is skipped when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (real-data tests need ../shared)")
    return SHARED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many examples the property tests generated (the issue asks for the figure)."""
    try:
        from strategies import EXAMPLES
    except ImportError:
        return
    if EXAMPLES:
        total = sum(EXAMPLES.values())
        profile = os.environ.get("HYPOTHESIS_PROFILE", "dev")
        terminalreporter.write_line(
            f"hypothesis: {total} generated examples in {len(EXAMPLES)} property tests "
            f"(profile {profile})"
        )
