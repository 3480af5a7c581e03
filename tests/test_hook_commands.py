"""citenorm check / fix / sync through click's CliRunner, on files in a temporary folder."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from citenorm.cli import main

ARTICLE = (
    "'''Anarchism''' is a philosophy.{{sfn|Ward|2004|p=3}}{{sfn|Moyihan|2007}}\r\n"
    "<ref>{{cite news|title=Missile Tested|accessdate=12 June 1993|deadurl=yes"
    "|doi=https://doi.org/10.1000/182|last=Sanger|date=June 12, 1993}}</ref>\r\n"
    "== Sources ==\r\n"
    "* {{cite book\r\n| last = Ward | first = Colin\r\n| year = 2004 | title = Anarchism\r\n}}\r\n"
    "* [tpl]cite book |last=Moynihan |year=2007 |title=Lords of Chaos [/tpl]\r\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # bounds the pyproject.toml search
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_reports_codes_and_exits_1_on_errors(repo: Path) -> None:
    (repo / "a.wiki").write_bytes(ARTICLE.encode())
    result = run("check", "a.wiki")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1  # CN402 is an error
    assert lines[0].startswith("a.wiki:1:")
    assert " CN402 {{sfn|Moyihan|2007}} has no target" in lines[0]
    found = [line.split()[1] for line in lines]
    assert found == ["CN402", "CN202", "CN202", "CN403"]
    assert "4 finding(s), 1 error(s)" in result.stderr


def test_check_select_ignore_and_config(repo: Path) -> None:
    (repo / "a.wiki").write_bytes(ARTICLE.encode())
    assert run("check", "--ignore", "CN402", "a.wiki").exit_code == 0  # warnings only
    only = run("check", "--select", "CN2,CN403", "a.wiki")
    assert [x.split()[1] for x in only.stdout.splitlines()] == ["CN202", "CN202", "CN403"]
    assert run("check", "--fail-on", "warning", "--ignore", "CN402", "a.wiki").exit_code == 1
    (repo / "pyproject.toml").write_text(
        '[tool.citenorm]\nignore = ["CN4"]\n[tool.citenorm.severity]\nCN202 = "error"\n')
    configured = run("check", "a.wiki")
    assert configured.exit_code == 1
    assert [x.split()[1] for x in configured.stdout.splitlines()] == ["CN202", "CN202"]
    assert run("check", "--extend-select", "CN402", "a.wiki").stdout.count("CN402") == 1


def test_check_bad_prefix_is_a_usage_error(repo: Path) -> None:
    (repo / "a.wiki").write_text("x")
    result = run("check", "--select", "E501", "a.wiki")
    assert result.exit_code == 2
    assert "matches no diagnostic code" in result.stderr


def test_unreadable_files_are_cn501_not_tracebacks(repo: Path) -> None:
    (repo / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (repo / "b.txt").write_bytes("caf\xe9 {{cite web|title=T}}".encode("latin-1"))
    (repo / "ok.txt").write_text("{{cite web|title=T|accessdate=2001}}")
    for command in ("check", "fix"):
        result = run(command, "a.txt", "b.txt", "missing.txt", "ok.txt")
        assert result.exit_code == 2, command
        cn501 = [x for x in result.stdout.splitlines() if "CN501" in x]
        assert [x.split(":")[0] for x in cn501] == ["a.txt", "b.txt", "missing.txt"]
    assert "access-date" in (repo / "ok.txt").read_text()  # the readable file was still fixed
    (repo / "pyproject.toml").write_text('[tool.citenorm]\nignore = ["CN501"]\n')
    assert run("check", "a.txt", "ok.txt").exit_code == 0


def test_fix_rewrites_in_place_and_keeps_bytes_outside(repo: Path) -> None:
    path = repo / "a.wiki"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    os.chmod(path, 0o640)
    result = run("fix", "a.wiki")
    assert result.exit_code == 1
    assert result.stdout == (
        "a.wiki: fixed 3 templates (2 parameter(s) renamed, 1 DOI(s) normalized)\n")
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    text = data[3:].decode()
    assert text.count("\r\n") == ARTICLE.count("\r\n") + 2  # block template: one param a line
    assert "\n" not in text.replace("\r\n", "")
    assert ("<ref>{{cite news |title=Missile Tested |access-date=12 June 1993 |url-status=dead"
            " |doi=10.1000/182 |last=Sanger |date=June 12, 1993}}</ref>") in text
    assert "[tpl]cite book |last=Moynihan |year=2007 |title=Lords of Chaos[/tpl]" in text
    assert text.startswith("'''Anarchism''' is a philosophy.{{sfn|Ward|2004|p=3}}")
    again = run("fix", "a.wiki")
    assert (again.exit_code, again.stdout) == (0, "")
    assert path.read_bytes() == data


def test_fix_keeps_utf16_byte_order(repo: Path) -> None:
    path = repo / "a.txt"
    text = "Été {{cite web|title=T|accessdate=2001}}\n"
    original = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    path.write_bytes(original)
    assert run("fix", "a.txt").exit_code == 1
    assert path.read_bytes() == codecs.BOM_UTF16_BE + (
        "Été {{cite web |title=T |access-date=2001}}\n".encode("utf-16-be"))


def test_fix_diff_does_not_write(repo: Path) -> None:
    (repo / "a.md").write_text("x {{cite web|title=T|accessdate=2001}}")
    result = run("fix", "--diff", "a.md")
    assert result.exit_code == 1
    no_newline = "\n\\ No newline at end of file\n"
    assert "-x {{cite web|title=T|accessdate=2001}}" + no_newline in result.stdout
    assert "+x {{cite web |title=T |access-date=2001}}\n" in result.stdout
    assert (repo / "a.md").read_text() == "x {{cite web|title=T|accessdate=2001}}"


def test_sync_is_deterministic_and_exits_1_on_change(repo: Path) -> None:
    (repo / "b.wiki").write_bytes(ARTICLE.encode())
    (repo / "a.md").write_text("{{cite web|url=http://a.org/x|title=Zebra Report|last=Adams"
                               "|date=2020}}\n")
    first = run("sync", "b.wiki", "a.md", "--bib", "refs.bib", "--csl", "refs.json")
    assert first.exit_code == 1
    assert first.stdout.splitlines() == ["refs.bib: updated (4 entries)",
                                         "refs.json: updated (4 entries)"]
    keys = [item["id"] for item in json.loads((repo / "refs.json").read_text())]
    assert keys == sorted(keys) == ["adams2020zebra", "moynihan2007lords", "sanger1993missile",
                                    "ward2004anarchism"]
    bib = (repo / "refs.bib").read_bytes()
    second = run("sync", "*.md", "b.wiki", "--bib", "refs.bib", "--csl", "refs.json")
    assert (second.exit_code, second.stdout) == (0, "")
    assert (repo / "refs.bib").read_bytes() == bib


def test_sync_usage_errors_and_unreadable_input(repo: Path) -> None:
    (repo / "a.wiki").write_text("{{cite web|title=T}}")
    assert run("sync", "a.wiki").exit_code == 2
    assert run("sync", "--bib", "r.bib").exit_code == 2
    (repo / "bin.txt").write_bytes(b"\x00\x01")
    result = run("sync", "a.wiki", "bin.txt", "--bib", "r.bib")
    assert result.exit_code == 2
    assert "bin.txt:1:1: CN501" in result.stdout
    assert not (repo / "r.bib").exists()
