"""The convert command: inputs, formats, output file, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
from click.testing import CliRunner

from citenorm.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "templates"
NEWS = FIXTURES / "news_dump_form.txt"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_csl_json_from_file() -> None:
    code, out, err = run("convert", str(NEWS), "--only", "templates", "--to", "csl-json")
    items = json.loads(out)
    assert [i["type"] for i in items] == ["article-newspaper", "webpage", "article-newspaper"]
    assert code == 0  # only info-level diagnostics (deprecated names)
    assert "CN202 deprecated parameter 'accessdate'" in err


def test_bibtex_to_output_file(tmp_path: Path) -> None:
    out_path = tmp_path / "refs.bib"
    code, out, _ = run("convert", str(NEWS), "--only", "templates", "--to", "bibtex", "-o",
                       str(out_path), "-q")
    assert code == 0 and out == ""
    library = bibtexparser.parse_string(out_path.read_text(encoding="utf-8"))
    assert library.entries[0].key == "sanger2006north"


def test_stdin_is_the_default() -> None:
    code, out, _ = run("convert", "--to", "csl-json", "--only", "templates",
                       stdin="x {{cite web |url=http://x.org |title=Hello}}")
    assert code == 0
    assert json.loads(out)[0]["title"] == "Hello"


def test_dash_means_stdin() -> None:
    code, out, _ = run("convert", "-", "--to", "jsonl", "--only", "templates",
                       stdin="{{cite web |url=http://x.org |title=Hi |date=31 February 2001}}")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in records] == ["reference", "diagnostic"]
    assert records[0]["csl"]["title"] == "Hi"
    assert records[1]["code"] == "CN101"
    assert code == 1  # a warning is a finding


def test_findings_exit_1_and_print_locations() -> None:
    code, _, err = run("convert", str(FIXTURES / "broken.wiki"), "--only", "templates")
    assert code == 1
    assert f"{FIXTURES / 'broken.wiki'}:1:32: CN001 unclosed {{{{ 'cite news'" in err.splitlines()


def test_several_files_and_globs_make_one_bibliography(tmp_path: Path) -> None:
    for name in ("a.wiki", "b.wiki"):
        (tmp_path / name).write_text("{{cite web |url=http://x.org/same |title=Same}}", "utf-8")
    code, out, _ = run("convert", str(tmp_path / "*.wiki"), "--only", "templates")
    assert code == 0
    assert len(json.loads(out)) == 1


def test_missing_file_is_a_usage_error() -> None:
    code, _, err = run("convert", "no/such/file.wiki")
    assert code == 2
    assert "no such file" in err
    assert "Traceback" not in err


def test_unmatched_glob_is_a_usage_error() -> None:
    code, _, err = run("convert", "no/such/*.wiki")
    assert code == 2 and "no file matches" in err


def test_bad_format_is_a_usage_error() -> None:
    code, _, _ = run("convert", str(NEWS), "--to", "ris")
    assert code == 2


def test_failed_run_writes_nothing(tmp_path: Path) -> None:
    out_path = tmp_path / "refs.json"
    out_path.write_text("previous", encoding="utf-8")
    binary = tmp_path / "x.wiki"
    binary.write_bytes(b"\x00\x01\x02")
    code, _, err = run("convert", str(NEWS), str(binary), "-o", str(out_path))
    assert code == 2 and "binary" in err
    assert out_path.read_text(encoding="utf-8") == "previous"


def test_help_has_examples() -> None:
    code, out, _ = run("convert", "--help")
    assert code == 0
    assert "Examples:" in out and "--to" in out and "citenorm convert article.wiki" in out
