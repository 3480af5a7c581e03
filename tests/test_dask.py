"""The Dask engine on a two-worker LocalCluster gives the single-process result."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citenorm.cli import main
from citenorm.dask_engine import DaskMissing, convert_bag

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.gendump import write_dump  # noqa: E402

WIKI = "A.<ref>{{cite web |url=http://e.org/{n} |title=Page {n} |date=2 May 2020}}</ref>\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("dask-in")
    paths = []
    for n in range(3):
        dump = folder / f"enwiki-test-multistream{n}.xml-p{n}.bz2"
        write_dump(str(dump), 300_000 * (n + 1))
        paths.append(str(dump))
    text = folder / "page.wiki"
    text.write_text(WIKI.format(n=1) + WIKI.format(n=2))
    paths.append(str(text))
    shared = ROOT.parent / "shared" / "corpus" / "enwiki-sample.xml.bz2"
    if shared.exists():
        paths.append(str(shared))
    return paths


@pytest.fixture(scope="module")
def client() -> object:
    distributed = pytest.importorskip("distributed", reason="needs citenorm[dask]")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with cluster, distributed.Client(cluster) as c:
        yield c


def _single(args: list[str]) -> str:
    result = CliRunner().invoke(main, ["convert", *args, "-q"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_local_cluster_jsonl_equals_single_process(client: object, inputs: list[str],
                                                   tmp_path: Path) -> None:
    shards = convert_bag(inputs, str(tmp_path), "jsonl", client=client)
    assert [s.index for s in shards] == list(range(len(inputs)))
    joined = "".join(Path(s.path).read_text() for s in shards)
    assert joined == _single([*inputs, "--to", "jsonl"])
    assert sum(s.references for s in shards) == sum(
        1 for line in joined.splitlines() if json.loads(line)["kind"] == "reference")


def test_local_cluster_csl_shards_equal_per_file_runs(client: object, inputs: list[str],
                                                      tmp_path: Path) -> None:
    shards = convert_bag(inputs[:2], str(tmp_path), "csl-json", client=client)
    for shard, path in zip(shards, inputs[:2], strict=True):
        assert Path(shard.path).read_text() == _single([path, "--to", "csl-json"])


def test_cli_engine_dask_with_local_processes(inputs: list[str], tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="needs citenorm[dask]")
    result = CliRunner().invoke(main, ["convert", *inputs[:2], "--engine", "dask", "--to",
                                       "jsonl", "-o", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    assert sorted(p.name for p in tmp_path.glob("part-*.jsonl")) == [
        "part-00000.jsonl", "part-00001.jsonl"]


def test_cli_engine_dask_needs_an_output_folder(inputs: list[str]) -> None:
    result = CliRunner().invoke(main, ["convert", inputs[0], "--engine", "dask"])
    assert result.exit_code == 2 and "-o FOLDER" in result.output


def test_missing_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(DaskMissing, match=r"pip install 'citenorm\[dask\]'"):
        convert_bag(["x.wiki"], str(tmp_path), "jsonl")
