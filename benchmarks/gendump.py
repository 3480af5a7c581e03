"""Generate a MediaWiki XML dump of any size for memory and throughput tests.

    python -m benchmarks.gendump --mb 1000 out.xml.bz2   # multistream bz2, 100 pages/stream
    python -m benchmarks.gendump --mb 10 out.xml          # plain XML

Pages are the benchmark corpus' real-shaped wikitext (the real article with unique titles
and links per copy, and generated low-template pages), under a namespaced
``<mediawiki>`` root with ``<siteinfo>``, talk pages (ns 1) and a redirect, like a real
export. Written as a stream: memory stays flat whatever ``--mb``.
"""

from __future__ import annotations

import argparse
import bz2
import sys
from dataclasses import dataclass
from typing import IO
from xml.sax.saxutils import escape

from . import corpus

NS = "http://www.mediawiki.org/xml/export-0.10/"
HEADER = f"""<mediawiki xmlns="{NS}" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"
PAGES_PER_STREAM = 100


@dataclass(frozen=True)
class DumpInfo:
    """What was written: pages, wikitext bytes (UTF-8) and XML bytes before compression."""

    pages: int
    text_bytes: int
    xml_bytes: int


def page_xml(page_id: int, title: str, text: str, ns: int = 0) -> str:
    """One ``<page>`` element."""
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n"
            f"    <id>{page_id}</id>\n    <revision>\n      <id>{page_id * 10}</id>\n"
            f"      <timestamp>2024-05-01T00:00:00Z</timestamp>\n"
            f"      <contributor><username>Bench</username><id>1</id></contributor>\n"
            f"      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f'      <text bytes="{len(text.encode("utf-8"))}" xml:space="preserve">'
            f"{escape(text)}</text>\n    </revision>\n  </page>\n")


def _pool() -> list[tuple[str, str]]:
    sources = corpus.load_sources()
    wiki = corpus.template_pages(sources, 2_000_000)
    sparse = corpus.sparse_pages(sources, 1_000_000)
    return [p for pair in zip(wiki, sparse, strict=False) for p in pair] or wiki


def _open(path: str) -> IO[bytes]:
    return open(sys.stdout.fileno(), "wb", closefd=False) if path == "-" else open(path, "wb")


def write_dump(path: str, target_text_bytes: int, multistream: bool | None = None) -> DumpInfo:
    """Write a dump with at least ``target_text_bytes`` of wikitext to ``path``.

    ``.bz2`` paths are compressed, as a multistream file (a header stream, then one stream
    per 100 pages, then the footer) unless ``multistream`` is False.
    """
    compress = path.endswith(".bz2")
    multi = compress if multistream is None else multistream and compress
    pool = _pool()
    pages = text_bytes = xml_bytes = 0
    with _open(path) as out:
        comp = bz2.BZ2Compressor() if compress else None

        def emit(chunk: str, end_stream: bool = False) -> None:
            nonlocal comp, xml_bytes
            data = chunk.encode("utf-8")
            xml_bytes += len(data)
            if comp is None:
                out.write(data)
                return
            out.write(comp.compress(data))
            if end_stream and multi:
                out.write(comp.flush())
                comp = bz2.BZ2Compressor()

        emit(HEADER, end_stream=True)
        while text_bytes < target_text_bytes:
            title, text = pool[pages % len(pool)]
            ns = 1 if pages % 10 == 9 else 0
            name = f"{'Talk:' if ns else ''}{title} #{pages}"
            if pages % 13 == 12:
                text = f"#REDIRECT [[{title}]]"
            pages += 1
            text_bytes += len(text.encode("utf-8"))
            emit(page_xml(pages, name, text, ns), end_stream=pages % PAGES_PER_STREAM == 0)
        emit(FOOTER)
        if comp is not None:
            out.write(comp.flush())
    return DumpInfo(pages, text_bytes, xml_bytes)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m benchmarks.gendump --mb N OUT``."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.gendump", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output path (.xml or .xml.bz2; - for stdout)")
    ap.add_argument("--mb", type=float, default=10.0, help="MB of wikitext to write")
    ap.add_argument("--single-stream", action="store_true",
                    help="one bz2 stream instead of a multistream file")
    args = ap.parse_args(argv)
    info = write_dump(args.out, int(args.mb * 1_000_000),
                      multistream=False if args.single_stream else None)
    print(f"{args.out}: {info.pages} pages, {info.text_bytes / 1e6:.1f} MB wikitext, "
          f"{info.xml_bytes / 1e6:.1f} MB XML", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
