"""MediaWiki XML dumps: streamed page by page, any compression, flat memory."""

from __future__ import annotations

import bz2
import json
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from citenorm import parse
from citenorm.cli import main
from citenorm.errors import InputError
from citenorm.io import is_dump, iter_dump, iter_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.gendump import write_dump  # noqa: E402


def test_shared_sample_pages_titles_and_namespaces(shared: Path) -> None:
    pages = list(iter_pages(str(shared / "corpus" / "enwiki-sample.xml.bz2")))
    assert len(pages) == 9
    assert pages[2].title == "Vagococcus silagei" and pages[2].ns == 0
    assert pages[0].title.startswith("Talk:") and pages[0].ns == 1


def test_shared_sample_matches_the_peer_bulk_extractor(shared: Path) -> None:
    peer = json.loads((shared / "corpus" / "peer-wikiciteparser.json").read_text())["bulk_sample"]
    articles = [p for p in iter_pages(str(shared / "corpus" / peer["file"])) if p.ns == 0]
    assert len(articles) == peer["pages_with_revisions"]
    first = parse(articles[0].text, articles[0].title, only="templates")
    assert len(first.references) >= peer["refs_in_first_revision"]


def test_shared_sample_through_the_cli(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    dump = str(shared / "corpus" / "enwiki-sample.xml.bz2")
    result = CliRunner().invoke(main, ["convert", dump, "--to", "jsonl", "-q", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    refs = [r for r in records if r["kind"] == "reference"]
    assert f"{dump}#Vagococcus silagei" in {r["source"] for r in refs}
    assert len(refs) >= 6


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dumps")
    paths = {
        "xml": folder / "gen.xml",
        "multistream": folder / "gen.xml.bz2",
        "single": folder / "gen-single.xml.bz2",
    }
    write_dump(str(paths["xml"]), 1_500_000)
    write_dump(str(paths["multistream"]), 1_500_000)
    write_dump(str(paths["single"]), 1_500_000, multistream=False)
    return paths


def test_generated_dump_every_form_reads_the_same(generated: dict[str, Path]) -> None:
    seen = {name: list(iter_dump(str(path))) for name, path in generated.items()}
    assert seen["xml"] == seen["multistream"] == seen["single"]
    titles = [title for title, _ in seen["xml"]]
    assert len(titles) == len(set(titles)) > 10
    assert any(title.startswith("Talk:") for title in titles)


def test_generated_multistream_has_several_streams(generated: dict[str, Path]) -> None:
    data = generated["multistream"].read_bytes()
    assert data.count(b"BZh9") > 1
    assert bz2.decompress(data).startswith(b"<mediawiki")


def test_namespaces_and_redirects(generated: dict[str, Path]) -> None:
    pages = list(iter_pages(str(generated["xml"])))
    assert {p.ns for p in pages} == {0, 1}
    assert all(p.title.startswith("Talk:") for p in pages if p.ns == 1)
    assert any(p.text.startswith("#REDIRECT") for p in pages)


def test_memory_stays_flat_while_streaming(tmp_path: Path) -> None:
    """A guard against blow-ups (keeping pages around), not a timing: generous bound."""
    path = tmp_path / "big.xml.bz2"
    write_dump(str(path), 8_000_000)
    largest = max(len(text) for _, text in iter_dump(str(path)))
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_dump(str(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count > 100
    assert peak < 4_000_000 + 8 * largest  # 8 MB of text must not be held at once


def test_is_dump_names() -> None:
    assert is_dump("enwiki-20240501-pages-articles-multistream3.xml-p151574p311329.bz2")
    assert is_dump("x.xml") and is_dump("dir/x.xml.bz2")
    assert not is_dump("x.txt") and not is_dump("x.bz2")


def test_broken_dump_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<mediawiki><page><title>A</title><revision><text>x")
    with pytest.raises(InputError, match="not a readable MediaWiki XML dump"):
        list(iter_dump(str(path)))
    result = CliRunner().invoke(main, ["convert", str(path), "--to", "jsonl"])
    assert result.exit_code == 2


def test_missing_dump_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(iter_dump(str(tmp_path / "none.xml.bz2")))
