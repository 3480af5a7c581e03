"""The compiled build of the prose extractor gives exactly what the pure-Python one gives.

``pip install .`` compiles ``citenorm/attribution`` with mypyc (``setup.py``); here that
wheel is built into a scratch directory (about 40 s) and every news fixture, the seeds when
present, and hostile inputs are run through both builds in separate processes; their
outputs must match byte for byte. Skips with the reason when there is no C compiler or the
build fails outside CI (``CI`` unset), or when ``CITENORM_SKIP_MYPYC=1``; in CI a failed
build fails the test, since users' installs would silently fall back to pure Python.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.compiled import BuildError, build, env_for

ROOT = Path(__file__).resolve().parents[1]

#: Run in each build: prints every result as JSON, and which build ran.
_DUMP = """
import importlib, json, sys
from pathlib import Path
from citenorm.attribution import extract_attributions
from citenorm.emit.csl import to_csl_item
scan = importlib.import_module("citenorm.attribution.scan")
texts = json.loads(sys.stdin.read())
out = {"compiled": not scan.__file__.endswith(".py"), "results": []}
for text in texts:
    r = extract_attributions(text, "x")
    out["results"].append({
        "items": [to_csl_item(ref, f"k{i}") for i, ref in enumerate(r.references)],
        "evidence": [[(e.span.start, e.span.end, e.text, e.cue) for e in ref.evidence]
                     for ref in r.references],
        "diagnostics": [str(d) for d in r.diagnostics],
        "candidates": r.candidates,
    })
print(json.dumps(out, sort_keys=True))
"""


def _inputs() -> list[str]:
    texts = [p.read_text() for p in sorted((ROOT / "fixtures" / "news").glob("*.txt"))]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text() for p in sorted(seeds.glob("*.txt"))]
    texts += ["“" * 3000, "Kim, a man, said " * 300, "according to " * 300, "", "said",
              "He said. " * 50, "Kim and Lee said. " * 20, "x" * 5000 + " said Kim."]
    return texts


def _run(env: dict[str, str], texts: list[str]) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(texts),
                          capture_output=True, text=True, env=env, cwd="/", check=True)
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def test_compiled_build_matches_pure_python(tmp_path: Path) -> None:
    if os.environ.get("CITENORM_SKIP_MYPYC") == "1":
        pytest.skip("CITENORM_SKIP_MYPYC=1")
    try:
        dest = build(tmp_path)
    except BuildError as exc:
        if os.environ.get("CI") and "no C compiler" not in str(exc):
            raise
        pytest.skip(f"cannot build with mypyc here: {exc}")
    texts = _inputs()
    compiled = _run(env_for(dest), texts)
    pure = _run(env_for(ROOT), texts)  # the source tree: pure Python
    assert compiled["compiled"] is True and pure["compiled"] is False
    assert compiled["results"] == pure["results"]
