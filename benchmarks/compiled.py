"""Build the attribution extractor with mypyc into a scratch directory.

The same modules ``setup.py`` compiles when installing with ``CITENORM_MYPYC=1``; the
benchmark (``python -m benchmarks.attributions --compiled``) and the equivalence test
(``tests/test_compiled.py``) use this to compare the two builds in one run without
touching the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The modules mypyc compiles, relative to the project root (kept in step with setup.py).
MODULES = tuple(sorted(f"citenorm/attribution/{p.name}"
                       for p in (ROOT / "citenorm" / "attribution").glob("*.py")))


class BuildError(RuntimeError):
    """mypyc or the C compiler is missing or failed; the message says which."""


def build(dest: Path) -> Path:
    """Copy ``citenorm`` into ``dest`` and compile ``MODULES`` there; return ``dest``.

    ``dest`` then goes first on ``PYTHONPATH`` so that the compiled extension modules are
    imported instead of the installed pure-Python ones.
    """
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        raise BuildError("no C compiler (cc or gcc) on PATH")
    try:
        import mypyc  # noqa: F401
    except ImportError as exc:
        raise BuildError("mypyc is not installed (it ships with mypy)") from exc
    shutil.copytree(ROOT / "citenorm", dest / "citenorm",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "build"))
    proc = subprocess.run([sys.executable, "-m", "mypyc", *MODULES], cwd=dest,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(f"mypyc failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return dest


def env_for(dest: Path) -> dict[str, str]:
    """The environment of a subprocess that imports citenorm from ``dest`` first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(dest), str(ROOT),
                                                    env.get("PYTHONPATH", "")) if p)
    return env
