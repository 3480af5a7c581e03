"""``python -m benchmarks``: citenorm against its peers, in one run on the same input.

Builds the corpus (see :mod:`benchmarks.corpus`), writes each corpus to a temporary
JSONL file and runs every contender in its own subprocess (so each peak RSS is its own):

* citenorm (scan → normalize → CSL-JSON) on real wikitext in ``{{…}}`` form,
  the same text in the dump form ``[tpl]…[/tpl]``, and generated low-template wikitext;
* mwparserfromhell + wikiciteparser (the peer pipeline) and mwparserfromhell alone on the
  same ``{{…}}`` text (and mwparserfromhell on the low-template text);
* citenorm's attribution extractor on news prose;
* optionally (``--dump-mb``) the ``citenorm convert`` command streaming a generated
  ``.xml.bz2`` dump to JSONL, for its peak RSS.

Prints a table, then a last line ``RESULT key=value …``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import corpus

MB = 1_000_000


@dataclass(frozen=True)
class Case:
    """One measured thing: a contender on one corpus."""

    key: str  # short name for the RESULT line
    label: str
    contender: str
    corpus: str
    unit: str  # "templates" or "attributions"


CASES = (
    Case("citenorm", "citenorm {{…}}", "citenorm", "templates", "templates"),
    Case("citenorm_tpl", "citenorm [tpl] dump form", "citenorm", "tpl", "templates"),
    Case("peer", "mwparserfromhell+wikiciteparser", "mwparserfromhell+wikiciteparser",
         "templates", "templates"),
    Case("mwph", "mwparserfromhell alone", "mwparserfromhell", "templates", "templates"),
    Case("sparse", "citenorm few templates", "citenorm", "sparse", "templates"),
    Case("mwph_sparse", "mwparserfromhell few templates", "mwparserfromhell", "sparse",
         "templates"),
    Case("attrib", "citenorm attributions (news)", "citenorm-attributions", "news",
         "attributions"),
)


def _write_pages(folder: Path, name: str, pages: list[corpus.Page]) -> Path:
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for page in pages:
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")
    return path


def _child(contender: str, path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.contenders", contender, str(path)],
        capture_output=True, text=True, cwd=corpus.ROOT, check=False,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": contender, "error": tail}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _measure_dump(folder: Path, mb: float) -> dict[str, Any]:
    """Peak RSS and rate of ``citenorm convert DUMP --to jsonl`` on a generated dump.

    The whole command is measured (start-up, bz2, XML, templates and attributions, JSON
    lines); CPU seconds are those of the command's processes.
    """
    from .gendump import write_dump

    path = folder / "generated.xml.bz2"
    info = write_dump(str(path), int(mb * MB))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.rss", "--", sys.executable, "-m", "citenorm",
         "convert", str(path), "--to", "jsonl", "-q", "-o", os.devnull],
        capture_output=True, text=True, cwd=corpus.ROOT, check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    try:
        rss = float(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"name": "dump", "error": proc.stderr.strip()[-300:] or "no output"}
    return {"name": "dump", "seconds": seconds, "wall": wall, "count": info.pages,
            "bytes": info.text_bytes, "peak_rss_mb": rss, "xml_bytes": info.xml_bytes}


def _fmt(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _rates(r: dict[str, Any]) -> tuple[float | None, float | None]:
    if "error" in r or not r.get("seconds"):
        return None, None
    return r["count"] / r["seconds"], r["bytes"] / MB / r["seconds"]


def _table(rows: list[tuple[Case | None, dict[str, Any]]]) -> list[str]:
    head = (f"{'measured':34} {'input MB':>9} {'items':>8} {'cpu s':>8} "
            f"{'items/s':>10} {'MB/s':>7} {'peak RSS MB':>11}")
    out = [head, "-" * len(head)]
    for case, r in rows:
        label = case.label if case else "citenorm convert .xml.bz2 → jsonl"
        if "error" in r:
            out.append(f"{label:34} unavailable: {r['error'][:120]}")
            continue
        per_s, mb_s = _rates(r)
        out.append(f"{label:34} {r['bytes'] / MB:>9.2f} {r['count']:>8,} {r['seconds']:>8.2f} "
                   f"{_fmt(per_s):>10} {_fmt(mb_s, 1):>7} {r['peak_rss_mb']:>11.1f}")
    return out


def _result(rows: list[tuple[Case | None, dict[str, Any]]]) -> dict[str, str]:
    res: dict[str, str] = {}
    by_key: dict[str, dict[str, Any]] = {}
    for case, r in rows:
        key = case.key if case else "dump"
        by_key[key] = r
        per_s, mb_s = _rates(r)
        unit = "tpl_per_s" if key not in ("attrib", "dump") else (
            "attrib_per_s" if key == "attrib" else "pages_per_s")
        res[f"{key}_{unit}"] = _fmt(per_s).replace(",", "")
        res[f"{key}_mb_s"] = _fmt(mb_s, 2).replace(",", "")
        res[f"{key}_rss_mb"] = "n/a" if "error" in r else f"{r['peak_rss_mb']:.1f}"
    mine = _rates(by_key.get("citenorm", {"error": ""}))[0]
    for peer in ("peer", "mwph"):
        theirs = _rates(by_key.get(peer, {"error": ""}))[0]
        res[f"ratio_vs_{peer}"] = f"{mine / theirs:.1f}" if mine and theirs else "n/a"
    return res


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=2.0,
                    help="real wikitext corpus size (all three contenders run on it)")
    ap.add_argument("--sparse-mb", type=float, default=16.0,
                    help="generated low-template wikitext size")
    ap.add_argument("--news-mb", type=float, default=2.0, help="news prose size")
    ap.add_argument("--dump-mb", type=float, default=0.0,
                    help="also stream a generated .xml.bz2 dump of this many MB of text "
                    "through `citenorm convert` and report its peak RSS (0: skip)")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes (0.5 / 4 / 0.5 MB) for a fast check")
    ap.add_argument("--skip-peers", action="store_true", help="measure citenorm only")
    args = ap.parse_args(argv)
    if args.quick:
        args.size_mb, args.sparse_mb, args.news_mb = 0.5, 4.0, 0.5
    return args


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, run every case, print the table and the RESULT line."""
    args = _parse_args(argv)
    sources = corpus.load_sources()
    if sources.origin != "shared":
        print(f"note: ../shared not found; corpus built from the project's {sources.origin} "
              "text instead (figures are not comparable with the published ones)")
    templates = corpus.template_pages(sources, int(args.size_mb * MB))
    pages = {
        "templates": templates,
        "tpl": corpus.tpl_pages(templates),
        "sparse": corpus.sparse_pages(sources, int(args.sparse_mb * MB)),
        "news": corpus.news_pages(sources, int(args.news_mb * MB)),
    }
    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"corpus: {sources.origin}; " + ", ".join(
        f"{k} {corpus.size_of(v) / MB:.2f} MB/{len(v)} pages" for k, v in pages.items()))
    rows: list[tuple[Case | None, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="citenorm-bench-") as tmp:
        folder = Path(tmp)
        files = {k: _write_pages(folder, k, v) for k, v in pages.items()}
        for case in CASES:
            if args.skip_peers and not case.contender.startswith("citenorm"):
                continue
            print(f"  running {case.label} …", file=sys.stderr, flush=True)
            rows.append((case, _child(case.contender, files[case.corpus])))
        if args.dump_mb > 0:
            print("  running citenorm convert on a generated dump …", file=sys.stderr)
            rows.append((None, _measure_dump(folder, args.dump_mb)))
    print("\n".join(_table(rows)))
    res = _result(rows)
    print(f"ratios: citenorm/peer {res['ratio_vs_peer']}×, citenorm/mwparserfromhell "
          f"{res['ratio_vs_mwph']}× (templates/s on the same {{{{…}}}} input)")
    print("RESULT " + " ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
