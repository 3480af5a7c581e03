"""Atomic writes: a crash during the final rename of ``convert -o``, ``fix`` or ``sync``
leaves the original file byte-identical and no temporary file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from citenorm.cli import main
from citenorm.io import write_atomic

SOURCE = ("Intro.<ref>{{cite news |title=Missile is Tested |last=Sanger |first=David E. "
          "|date=June 12, 1993 |accessdate=2020-01-02 |newspaper=New York Times}}</ref>\r\n")
ORIGINAL = b"\xef\xbb\xbfold bytes \x00\xff that must survive\r\n"


class Crash(OSError):
    pass


def _crash(*_args: object, **_kwargs: object) -> None:
    raise Crash(5, "simulated crash during rename")


@pytest.fixture
def crashing_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", _crash)
    monkeypatch.setattr(os, "rename", _crash)


def _only(folder: Path, *names: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def test_write_atomic_keeps_the_original(tmp_path: Path, crashing_rename: None) -> None:
    target = tmp_path / "out.bib"
    target.write_bytes(ORIGINAL)
    with pytest.raises(Crash):
        write_atomic(str(target), b"new content")
    assert target.read_bytes() == ORIGINAL
    _only(tmp_path, "out.bib")


def test_write_atomic_writes_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    target.write_bytes(ORIGINAL)
    target.chmod(0o640)
    write_atomic(str(target), b"new content")
    assert target.read_bytes() == b"new content"
    assert target.stat().st_mode & 0o777 == 0o640
    _only(tmp_path, "out.bib")


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json", "jsonl"])
def test_convert_output_survives_a_crash(tmp_path: Path, crashing_rename: None,
                                         fmt: str) -> None:
    source = tmp_path / "a.wiki"
    source.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_bytes(ORIGINAL)
    result = CliRunner().invoke(main, ["convert", str(source), "--to", fmt, "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_bytes() == ORIGINAL
    _only(tmp_path, "a.wiki", "out.txt")


def test_fix_survives_a_crash(tmp_path: Path, crashing_rename: None) -> None:
    source = tmp_path / "a.wiki"
    data = SOURCE.encode("utf-8")
    source.write_bytes(data)
    result = CliRunner().invoke(main, ["fix", str(source)])
    assert result.exit_code != 0
    assert source.read_bytes() == data  # accessdate → access-date was not written
    _only(tmp_path, "a.wiki")


def test_fix_does_write_without_a_crash(tmp_path: Path) -> None:
    """The crash test above can fail: without the crash, fix does change this file."""
    source = tmp_path / "a.wiki"
    source.write_bytes(SOURCE.encode("utf-8"))
    result = CliRunner().invoke(main, ["fix", str(source)])
    assert result.exit_code == 1
    assert b"access-date=2020-01-02" in source.read_bytes()
    _only(tmp_path, "a.wiki")


def test_sync_survives_a_crash(tmp_path: Path, crashing_rename: None) -> None:
    source = tmp_path / "a.wiki"
    source.write_text(SOURCE, encoding="utf-8")
    bib, csl = tmp_path / "refs.bib", tmp_path / "refs.json"
    bib.write_bytes(ORIGINAL)
    csl.write_bytes(ORIGINAL)
    result = CliRunner().invoke(main, ["sync", str(source), "--bib", str(bib),
                                       "--csl", str(csl)])
    assert result.exit_code == 2 or result.exception is not None
    assert bib.read_bytes() == ORIGINAL and csl.read_bytes() == ORIGINAL
    _only(tmp_path, "a.wiki", "refs.bib", "refs.json")
