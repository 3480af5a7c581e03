"""Bad input files through ``citenorm convert``: a clear one-line message and exit 2, never a
traceback, and nothing written to ``-o`` on failure; readable oddities (UTF-16 with a BOM,
CRLF, empty) convert normally."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citenorm.cli import main

CITE = "Text.<ref>{{cite news |title=Été à Paris |last=Dupont |date=June 12, 1993}}</ref>\n"


def convert(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["convert", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


BAD = {
    "binary": bytes(range(256)) * 8,
    "invalid UTF-8": b"{{cite news |title=caf\xe9 \xff\xfe broken}}",
    "NUL bytes": b"{{cite news |title=x}}\x00\x00\x00",
    "Latin-1": CITE.encode("latin-1"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_unreadable_input_exits_2_and_writes_nothing(kind: str, tmp_path: Path) -> None:
    source = tmp_path / "in.wiki"
    source.write_bytes(BAD[kind])
    out = tmp_path / "out.json"
    code, _, stderr = convert(str(source), "-o", str(out))
    assert code == 2
    assert stderr.startswith("citenorm: error: ") and str(source) in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.wiki"]  # no temporary file left


def test_existing_output_is_untouched_on_failure(tmp_path: Path) -> None:
    source = tmp_path / "in.wiki"
    source.write_bytes(BAD["invalid UTF-8"])
    out = tmp_path / "out.bib"
    out.write_bytes(b"@misc{keep, title={Keep me}}\n")
    code, _, _ = convert(str(source), "--to", "bibtex", "-o", str(out))
    assert code == 2
    assert out.read_bytes() == b"@misc{keep, title={Keep me}}\n"


def test_latin1_message_suggests_encoding_and_the_option_works(tmp_path: Path) -> None:
    source = tmp_path / "latin.wiki"
    source.write_bytes(BAD["Latin-1"])
    code, _, stderr = convert(str(source))
    assert code == 2
    assert "--encoding" in stderr and "UTF-8" in stderr.upper()
    code, stdout, _ = convert(str(source), "--encoding", "latin-1", "--only", "templates")
    assert code in (0, 1)
    assert json.loads(stdout)[0]["title"] == "Été à Paris"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8])
def test_bom_encodings_decode(bom: bytes, tmp_path: Path) -> None:
    codec = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be",
             codecs.BOM_UTF8: "utf-8"}[bom]
    source = tmp_path / "bom.wiki"
    source.write_bytes(bom + CITE.encode(codec))
    code, stdout, stderr = convert(str(source), "--only", "templates")
    assert code in (0, 1), stderr
    items = json.loads(stdout)
    assert [i["title"] for i in items] == ["Été à Paris"]


def test_empty_file_is_an_empty_bibliography(tmp_path: Path) -> None:
    source = tmp_path / "empty.wiki"
    source.write_bytes(b"")
    code, stdout, _ = convert(str(source))
    assert code == 0
    assert json.loads(stdout) == []
    code, stdout, _ = convert(str(source), "--to", "bibtex")
    assert code == 0 and stdout.strip() == ""


def test_crlf_is_read_like_lf(tmp_path: Path) -> None:
    lf, crlf = tmp_path / "lf.wiki", tmp_path / "crlf.wiki"
    text = "Intro\n" + CITE + "{{cite web\n|url=http://x.org\n|title=Web page\n}}\n"
    lf.write_bytes(text.encode())
    crlf.write_bytes(text.replace("\n", "\r\n").encode())
    results = [json.loads(convert(str(p), "--only", "templates")[1]) for p in (lf, crlf)]
    assert results[0] == results[1]
    assert len(results[0]) == 2


def test_missing_file_and_directory(tmp_path: Path) -> None:
    code, _, stderr = convert(str(tmp_path / "nope.wiki"))
    assert code == 2 and "no such file" in stderr
    code, _, stderr = convert(str(tmp_path))
    assert code == 2 and "directory" in stderr
