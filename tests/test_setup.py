"""``setup.py``: which builds compile the prose extractor, and the fallback to pure Python."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from setuptools import Distribution, Extension

ROOT = Path(__file__).resolve().parents[1]


def _setup_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("citenorm_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not "__main__": setup() is not called
    return module


SETUP = _setup_module()


@pytest.mark.parametrize(("env", "argv", "mode"), [
    # pip install . / pip wheel . (setuptools.build_meta runs "bdist_wheel")
    ({}, ["setup.py", "bdist_wheel", "--dist-dir", "/tmp/x"], "try"),
    ({"CITENORM_MYPYC": "1"}, ["setup.py", "bdist_wheel"], "must"),
    ({"CITENORM_MYPYC": "0"}, ["setup.py", "bdist_wheel"], "no"),
    ({}, ["setup.py", "install"], "try"),
    # pip install -e . builds an editable wheel: the sources stay importable as edited
    ({}, ["setup.py", "editable_wheel", "--dist-dir", "/tmp/x"], "no"),
    ({"CITENORM_MYPYC": "1"}, ["setup.py", "editable_wheel"], "no"),
    # metadata and source distributions compile nothing
    ({}, ["setup.py", "egg_info"], "no"),
    ({}, ["setup.py", "dist_info", "--output-dir", "/tmp/x"], "no"),
    ({"CITENORM_MYPYC": "1"}, ["setup.py", "sdist"], "no"),
])
def test_compile_mode(env: dict[str, str], argv: list[str], mode: str) -> None:
    assert SETUP.compile_mode(env, argv) == mode


def test_a_failed_extension_build_installs_pure_python(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # one extension compiles, the next one fails: neither may be installed (the compiled
    # modules import each other), and the build goes on without them
    good = tmp_path / "good.c"
    good.write_text('#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT,'
                    ' "good", NULL, -1, NULL};\nPyMODINIT_FUNC PyInit_good(void) '
                    '{ return PyModule_Create(&m); }\n')
    bad = tmp_path / "bad.c"
    bad.write_text("this is not C\n")
    dist = Distribution({"name": "probe", "ext_modules": [
        Extension("pkg.good", [str(good)]), Extension("pkg.zbad", [str(bad)])]})
    cmd = SETUP.OptionalBuildExt(dist)
    cmd.build_lib = str(tmp_path / "lib")
    cmd.build_temp = str(tmp_path / "tmp")
    cmd.ensure_finalized()
    cmd.run()
    assert cmd.extensions == [] and dist.ext_modules == []
    assert not list((tmp_path / "lib").rglob("*.so"))
    assert "installing the pure-Python extractor" in capsys.readouterr().err
