"""--jobs: the same output as one process, in input order; streamed -o; progress bar."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citenorm.cli import main
from citenorm.parallel import Options, chunked, map_jobs
from citenorm.progress import Progress

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.gendump import write_dump  # noqa: E402

WIKI = "Text.<ref>{{cite news |title=T{n} |last=Doe |first=J |date=1 May 2001 |work=W}}</ref>\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    dump = folder / "d.xml.bz2"
    write_dump(str(dump), 1_200_000)
    texts = []
    for n in range(3):
        path = folder / f"t{n}.wiki"
        path.write_text(WIKI.format(n=n) * 3)
        texts.append(str(path))
    return [texts[0], str(dump), *texts[1:]]


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["convert", *args, "-q"])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csl-json", "bibtex"])
def test_jobs_give_the_single_process_output(inputs: list[str], fmt: str) -> None:
    code1, one = _run([*inputs, "--to", fmt])
    code2, two = _run([*inputs, "--to", fmt, "--jobs", "2"])
    assert code1 == code2
    assert one == two and len(one) > 1000


def test_jobs_zero_means_every_core(inputs: list[str]) -> None:
    assert _run([*inputs, "--to", "jsonl", "--jobs", "0"])[1] == _run([*inputs, "--to", "jsonl"])[1]


def test_output_file_is_written_streaming_and_atomically(inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _ = _run([*inputs, "--to", "jsonl", "--jobs", "2", "-o", str(out)])
    assert code in (0, 1)
    assert out.read_text() == _run([*inputs, "--to", "jsonl"])[1]
    assert not list(tmp_path.glob(".out.jsonl.*"))  # no temporary file left


def test_output_to_dev_null(inputs: list[str]) -> None:
    assert _run([inputs[0], "--to", "jsonl", "-o", "/dev/null"])[0] in (0, 1)


def test_output_folder_without_dask_is_a_usage_error(tmp_path: Path, inputs: list[str]) -> None:
    assert _run([inputs[0], "-o", str(tmp_path)])[0] == 2


def test_map_jobs_keeps_order_with_a_small_window() -> None:
    jobs = [(f"s{i}", WIKI.format(n=i) * (1 + i % 4)) for i in range(40)]
    opts = Options(only="templates", jsonl=True)
    serial = [r.lines for r in map_jobs(jobs, opts)]
    pooled = [r.lines for r in map_jobs(jobs, opts, workers=2, window=2)]
    assert [r.source for r in map_jobs(jobs, opts, workers=2, window=1)] == [s for s, _ in jobs]
    assert pooled == serial


def test_chunks_cover_every_job_once() -> None:
    jobs = [(str(i), "x" * i) for i in range(100)]
    chunks = list(chunked(jobs, max_bytes=500, max_jobs=7))
    assert [j for c in chunks for j in c] == jobs
    assert all(len(c) <= 7 for c in chunks)


def test_progress_draws_only_when_enabled() -> None:
    quiet, shown = io.StringIO(), io.StringIO()
    for stream, enabled in ((quiet, False), (shown, True)):
        bar = Progress(1000, enabled, stream, interval=0)
        bar.read(500)
        bar.page()
        bar.next_file(1000)
        bar.close()
    assert quiet.getvalue() == ""
    assert "\r[" in shown.getvalue() and "1 pages" in shown.getvalue()
    assert shown.getvalue().endswith("\n")


def test_progress_is_off_when_stderr_is_not_a_terminal() -> None:
    assert not Progress.for_stderr(100, quiet=False).enabled or sys.stderr.isatty()
    assert not Progress.for_stderr(100, quiet=True).enabled
