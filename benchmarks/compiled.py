"""Build citenorm's wheel, as ``pip install .`` does, into a scratch directory.

A wheel build compiles the attribution extractor with mypyc (``setup.py``); here the build
is forced to compile (``CITENORM_MYPYC=1``: a failure is an error, not the pure-Python
fallback a user's install takes) and the wheel is unpacked into ``dest/site`` without
touching the installed package. The benchmark (``python -m benchmarks.attributions
--compiled``) and the equivalence test (``tests/test_compiled.py``) run it beside the
source tree's pure-Python build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BuildError(RuntimeError):
    """The compiled wheel could not be built or installed; the message says why."""


def build(dest: Path) -> Path:
    """Build the wheel in ``dest``, install it into ``dest/site`` and return that folder,
    which then goes first on ``PYTHONPATH`` so that its compiled modules are imported."""
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        raise BuildError("no C compiler (cc or gcc) on PATH")
    wheels, site = dest / "wheel", dest / "site"
    env = {**os.environ, "CITENORM_MYPYC": "1"}
    _pip(["wheel", str(ROOT), "--no-deps", "--wheel-dir", str(wheels)], env)
    found = sorted(wheels.glob("citenorm-*.whl"))
    if not found:
        raise BuildError(f"pip wheel left no citenorm wheel in {wheels}")
    _pip(["install", "--no-deps", "--no-index", "--target", str(site), str(found[0])], env)
    if not any((site / "citenorm" / "attribution").glob("scan.*.so")):
        raise BuildError("the wheel holds no compiled citenorm.attribution.scan")
    return site


def _pip(args: list[str], env: dict[str, str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "pip", *args, "--quiet"], env=env,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(f"pip {args[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")


def env_for(dest: Path) -> dict[str, str]:
    """The environment of a subprocess that imports citenorm from ``dest`` first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(dest), str(ROOT),
                                                    env.get("PYTHONPATH", "")) if p)
    return env
