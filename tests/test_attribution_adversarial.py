"""Adversarial input to the attribution extractor: no crash, no blow-up (issue 6).

Only generous guards against super-linear blow-ups live here: each flood must take less
than 20 times as long as benign prose of the same size (or a few seconds, whichever is
more). The speed itself is measured by ``python -m benchmarks.attributions --adversarial``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from citenorm.attribution import AttributionResult, extract_attributions

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.attributions import adversarial_inputs, cases

SIZE = 300_000  # characters per input: big enough that a quadratic path shows
RATIO = 20.0
FLOOR = 3.0  # seconds: below this no verdict (load on shared machines is noisy)
_CORPUS = "\n\n".join(text for _, text, _ in cases())
_INPUTS = adversarial_inputs(_CORPUS, SIZE)


def _timed(fn: Callable[[], AttributionResult]) -> tuple[float, AttributionResult]:
    t0 = time.process_time()  # CPU time: other load on a shared machine matters less
    result = fn()
    return time.process_time() - t0, result


@pytest.fixture(scope="module")
def benign_seconds() -> float:
    text = _INPUTS["benign prose"]
    return min(_timed(lambda: extract_attributions(text))[0] for _ in range(2))


@pytest.mark.parametrize("label", [k for k in _INPUTS if not k.startswith("benign")])
def test_flood_is_linear(label: str, benign_seconds: float) -> None:
    text = _INPUTS[label]
    seconds, result = _timed(lambda: extract_attributions(text))
    bound = max(RATIO * benign_seconds, FLOOR)
    assert seconds < bound, f"{label}: {seconds:.2f} s for {SIZE:,} chars (bound {bound:.2f} s)"
    evidence = sum(max(1, len(r.evidence)) for r in result.references)  # article: 1
    dropped = sum(1 for d in result.diagnostics if d.dropped)
    assert result.candidates == evidence + dropped


def test_one_long_line() -> None:
    """2 MB on one line (no paragraph or sentence breaks) against the same prose in lines."""
    lines = (_CORPUS * (2_000_000 // len(_CORPUS) + 1))[:2_000_000]
    one_line = lines.replace("\n", " ")
    t_lines, _ = _timed(lambda: extract_attributions(lines))
    t_one, result = _timed(lambda: extract_attributions(one_line))
    assert t_one < max(RATIO * t_lines, FLOOR)
    assert result.candidates > 0


def test_kim_said_flood_links_one_source() -> None:
    text = "Kim said " * 20_000
    result = extract_attributions(text)
    refs = [r for r in result.references if r.origin == "attribution"]
    assert len(refs) == 1
    assert len(refs[0].evidence) == result.candidates == 20_000


@pytest.mark.parametrize("text", ["", "“", "”" * 1000, "\n" * 1000, "said " * 1000,
                                  "according to " * 1000, "“" + "x" * 5000 + "”", "\x00said"])
def test_degenerate_inputs_do_not_crash(text: str) -> None:
    extract_attributions(text)
