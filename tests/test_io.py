"""Atomic writes: a crash before the rename leaves the original byte-identical."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citenorm.io import atomic_writer, write_atomic


def _boom(*_args: object) -> None:
    raise OSError("simulated crash during rename")


def test_write_atomic_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]


@pytest.mark.parametrize("streamed", [False, True])
def test_crash_leaves_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   streamed: bool) -> None:
    target = tmp_path / "article.wiki"
    original = "{{cite web |url=http://x.org |title=T}}\r\n".encode("utf-16")
    target.write_bytes(original)
    monkeypatch.setattr(os, "replace", _boom)
    with pytest.raises(OSError, match="simulated crash"):
        if streamed:
            with atomic_writer(str(target)) as fh:
                fh.write("partial output")
        else:
            write_atomic(str(target), b"partial output")
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.wiki"]


def test_error_inside_the_block_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "refs.json"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(str(target)) as fh:
        fh.write("half")
        raise RuntimeError("failed mid-way")
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.json"]
