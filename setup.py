"""The compiled build of the prose extractor (``citenorm/attribution``).

``pip install .`` (a wheel build: also ``pip wheel .`` and pre-commit's install of the hook)
compiles the attribution modules to C extensions with mypyc, about 1.45x faster on news
prose with the same results (``tests/test_compiled.py`` compares the two builds). mypyc
ships with mypy, a build requirement; it needs a C compiler. When it cannot build (no
compiler, a mypy that rejects the code, a failed compile), the install goes on pure Python
and says so on stderr (``pip install -v`` shows it).

Editable installs (``pip install -e .``, the development set-up) stay pure Python: a
compiled module would be imported instead of its edited ``.py`` file.

``CITENORM_MYPYC=0`` never compiles; ``CITENORM_MYPYC=1`` compiles a wheel build or fails.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: setup.py commands that build the package's code (a wheel, an install); metadata, sdist
#: and editable builds ("egg_info", "dist_info", "sdist", "editable_wheel") do not compile.
BUILD_COMMANDS = frozenset(("bdist_wheel", "build", "build_ext", "install"))


def compile_mode(env: Mapping[str, str], argv: Sequence[str]) -> str:
    """"no", "try" (fall back to pure Python on failure) or "must" (fail the build)."""
    flag = env.get("CITENORM_MYPYC", "")
    if flag == "0" or not BUILD_COMMANDS.intersection(argv[1:]):
        return "no"
    return "must" if flag == "1" else "try"


def _warn(why: object) -> None:
    print(f"citenorm: no compiled build ({why}); installing the pure-Python extractor",
          file=sys.stderr)


class OptionalBuildExt(build_ext):
    """``build_ext`` that, when any extension fails, removes those built and installs none
    (the mypyc modules need each other: a partial build would not import)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any failure means: pure Python instead
            for ext in self.extensions:
                built = Path(self.get_ext_fullpath(ext.name))
                if built.exists():
                    built.unlink()
            self.extensions = []
            self.distribution.ext_modules = []
            _warn(exc)


def ext_modules(mode: str) -> list[Any]:
    if mode == "no":
        return []
    try:
        from mypyc.build import mypycify

        modules = sorted(str(p) for p in Path("citenorm/attribution").glob("*.py"))
        return list(mypycify(modules, opt_level="3"))
    except Exception as exc:
        if mode == "must":
            raise
        _warn(exc)
        return []


if __name__ == "__main__":
    MODE = compile_mode(os.environ, sys.argv)
    EXTENSIONS = ext_modules(MODE)
    setup(ext_modules=EXTENSIONS,
          cmdclass={"build_ext": OptionalBuildExt} if MODE == "try" and EXTENSIONS else {})
