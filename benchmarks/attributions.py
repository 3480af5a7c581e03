"""Precision/recall of named sources on fixtures/news (and ../shared/seeds), plus throughput.

Run: ``python -m benchmarks.attributions [--mb 8] [--compiled] [--adversarial [MB]]``.

``--compiled`` also builds the wheel as ``pip install .`` does (the extractor compiled by
mypyc) in a scratch directory and prints that build's throughput on the same texts.

``--adversarial`` adds a timing table: each adversarial input (floods of cues, quotes,
commas, "according to", capitalised words, sentences without periods, one long line) tiled
to the same size as a benign input (the fixtures tiled) and timed against it; linear
processing keeps every ratio bounded as the size grows.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

from citenorm.attribution import extract_attributions
from citenorm.model import Reference

scan_module = importlib.import_module("citenorm.attribution.scan")  # the package exports scan()

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "news"
SEEDS = ROOT.parent / "shared" / "seeds"
_PUNCT = regex.compile(r"[^\p{L}\p{N}\s-]")
_DROP = frozenset(("the", "u.s.", "us"))


def norm(name: str) -> frozenset[str]:
    """A name as an order-free set of words, without "the", "U.S." and possessives."""
    words = name.casefold().replace("’", "'").split()
    words = [w for w in words if w not in _DROP and not w.endswith("'s")]
    return frozenset(_PUNCT.sub("", w) for w in words if _PUNCT.sub("", w))


def predicted_names(ref: Reference) -> set[frozenset[str]]:
    """Every way the prediction may be named: the author and a defined acronym."""
    out: set[frozenset[str]] = set()
    for n in ref.names.get("author", ()):
        out.add(norm(n.literal or f"{n.given} {n.particle} {n.family} {n.suffix}"))
    acronym = dict(ref.extra).get("acronym")
    if acronym:
        out.add(norm(acronym))
    return out


@dataclass
class Score:
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0
    kind_ok: int = 0  # found gold sources whose kind (person or not) the prediction shares

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        self.kind_ok += other.kind_ok

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0


def score(text: str, gold: dict[str, object]) -> tuple[Score, list[str], list[str]]:
    """Score one text against its gold: (score, false positives, misses)."""
    refs = [r for r in extract_attributions(text).references
            if r.origin == "attribution" and not r.anonymous]
    sources = gold.get("sources", [])
    assert isinstance(sources, list)
    gold_keys = [{norm(g["name"]), *(norm(a) for a in g.get("aliases", []))} for g in sources]
    s = Score(pred=len(refs), gold=len(gold_keys))
    fps, misses = [], []
    for ref in refs:
        if any(predicted_names(ref) & keys for keys in gold_keys):
            s.tp_pred += 1
        else:
            fps.append(str(sorted(next(iter(predicted_names(ref)), frozenset()))))
    for g, keys in zip(sources, gold_keys, strict=True):
        found = next((ref for ref in refs if predicted_names(ref) & keys), None)
        if found is not None:
            s.tp_gold += 1
            person = dict(found.extra).get("source-kind") == "person"
            s.kind_ok += person == (g.get("kind") == "person")
        else:
            misses.append(g["name"])
    return s, fps, misses


def cases() -> list[tuple[str, str, dict[str, object]]]:
    """(label, text, gold) for every fixture and, when present, every annotated seed."""
    out = []
    for gold_path in sorted(FIXTURES.glob("[0-9]*.gold.json")):
        txt = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        out.append((txt.name, txt.read_text(), json.loads(gold_path.read_text())))
    seeds_gold = FIXTURES / "seeds.gold.json"
    if SEEDS.is_dir() and seeds_gold.exists():
        for name, gold in json.loads(seeds_gold.read_text()).items():
            if (SEEDS / name).exists():
                out.append((f"seeds/{name}", (SEEDS / name).read_text(), gold))
    return out


@dataclass(frozen=True)
class Throughput:
    """MB/s of CPU time on one core (``time.process_time``: robust to other load)."""

    whole: float  # one long text made of all the articles, tiled
    per_article_cold: float  # each article alone, caches emptied before every pass
    per_article_warm: float  # each article alone, caches kept between passes
    whole_wall: float  # the first figure in wall-clock time


def throughput(texts: list[str], megabytes: float) -> Throughput:
    """Throughput on ``megabytes`` of text: the articles tiled into one text, then each
    article on its own, pass after pass over the set, with and without emptied caches."""
    corpus = "\n\n".join(texts)
    reps = max(1, int(megabytes * 1e6 / len(corpus.encode())))
    big = corpus * reps
    size = len(big.encode()) / 1e6
    c0, t0 = time.process_time(), time.perf_counter()
    extract_attributions(big)
    whole = size / (time.process_time() - c0)
    whole_wall = size / (time.perf_counter() - t0)
    rates = []
    for cold in (True, False):
        c0 = time.process_time()
        for _ in range(reps):
            if cold:
                clear_caches()  # each pass sees every article for the first time
            for text in texts:
                extract_attributions(text)
        rates.append(size / (time.process_time() - c0))
    return Throughput(whole, rates[0], rates[1], whole_wall)


def clear_caches() -> None:
    """Empty every ``functools`` cache of citenorm (names, dates, tokens, noun phrases), so a
    repeated article costs what a new one does; caches still carry over between the
    different articles of one round, as they do in a real corpus."""
    for clear in _cache_clearers():
        clear()


def _cache_clearers() -> list[Callable[[], None]]:
    if not _CLEARERS:
        for name, module in list(sys.modules.items()):
            if module is None or not name.startswith("citenorm"):
                continue
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and clear not in _CLEARERS:
                    _CLEARERS.append(clear)
    return _CLEARERS


_CLEARERS: list[Callable[[], None]] = []


def compiled() -> bool:
    """Whether the extractor runs as mypyc-compiled extension modules."""
    return not scan_module.__file__.endswith(".py") if scan_module.__file__ else False


def adversarial_inputs(corpus: str, size: int) -> dict[str, str]:
    """Benign prose and adversarial floods, each ``size`` characters long."""

    def tile(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    one_line = corpus.replace("\n", " ")
    syllables = [a + b for a in "bdgkmnprst" for b in "aeiou"]
    names = (f"{p.title()}{q} {r.title()}{t}" for p in syllables for q in syllables
             for r in syllables for t in syllables)
    unique = ""
    while len(unique) < size:  # every speaker new: links must not scan all sources
        unique += f"{next(names)} said. The official said. {next(names).split()[1]} says. "
    return {
        "benign prose": tile(corpus),
        "benign, one line": tile(one_line),
        "Kim said": tile("Kim said "),
        "Kim, a man, said": tile("Kim, a man, said "),
        "“Yes, we are,” said Kim.": tile("“Yes, we are,” said Kim. "),
        "Rubin says": tile("Rubin says "),
        "he said": tile("Uzi Rubin said. He said. "),
        "“ flood": tile("“"),
        "” flood": tile("”"),
        '" flood': tile('"'),
        ", flood": tile(","),
        "according to": tile("according to "),
        "a report by": tile("a 2019 report by the Agency "),
        "carried by": tile("a statement carried by KCNA "),
        "capitalised words": tile("Kim Lee Park Choi Seoul Agency "),
        "no periods": tile(one_line.replace(".", "")),
        "one 8k-line paragraphs": tile(tile("“We are here,” said Kim. ")[:7900] + "\n"),
        "unique speakers": unique[:size],
    }


def adversarial_table(texts: list[str], megabytes: float) -> None:
    """Print CPU seconds per input and the ratio to benign prose of the same size."""
    corpus = "\n\n".join(texts)
    size = int(megabytes * 1e6)
    rows = []
    for label, text in adversarial_inputs(corpus, size).items():
        t0 = time.process_time()
        result = extract_attributions(text)
        rows.append((label, time.process_time() - t0, result.candidates))
    benign = rows[0][1]
    print(f"\nadversarial inputs, {megabytes:g} MB each, CPU seconds "
          "(ratio = time / benign prose time)")
    print(f"{'input':28} {'seconds':>8} {'ratio':>6} {'hits':>8}")
    for label, seconds, hits in rows:
        print(f"{label:28} {seconds:8.2f} {seconds / benign:6.1f} {hits:8}")


def strict_cold(texts: list[str], megabytes: float) -> float:
    """MB/s (CPU time) with every cache emptied before each article: each is read as if it
    were the first text the process ever saw."""
    size = sum(len(t.encode()) for t in texts)
    reps = max(1, int(megabytes * 1e6 / size))
    spent = 0.0
    for _ in range(reps):
        for text in texts:
            clear_caches()
            c0 = time.process_time()
            extract_attributions(text)
            spent += time.process_time() - c0
    return size * reps / 1e6 / spent


#: Upper bounds (bytes per mention) of the density bands ``density_bands`` prints.
_BANDS = (170, 220, 300, float("inf"))


def density_bands(texts: list[str], megabytes: float) -> list[tuple[str, int, float, float]]:
    """Per-article MB/s (CPU time, caches emptied at each pass over the set, as in the cold
    figure) of the texts grouped by how dense they are in mentions: (band, texts, bytes per
    mention, MB/s) for each band that holds a text. Cost follows mentions, so this shows
    what a corpus of a given density can expect."""
    mentions = [max(1, extract_attributions(t).candidates) for t in texts]
    sizes = [len(t.encode()) for t in texts]
    reps = max(1, int(megabytes * 1e6 / sum(sizes)))
    spent = [0.0] * len(texts)
    for _ in range(reps):
        clear_caches()
        for i, text in enumerate(texts):
            c0 = time.process_time()
            extract_attributions(text)
            spent[i] += time.process_time() - c0
    rows = []
    low = 0.0
    for high in _BANDS:
        idx = [i for i in range(len(texts)) if low <= sizes[i] / mentions[i] < high]
        if idx:
            size = sum(sizes[i] for i in idx)
            label = f"{low:.0f}+" if high == float("inf") else f"{low:.0f}-{high:.0f}"
            rows.append((label, len(idx), size / sum(mentions[i] for i in idx),
                         size * reps / 1e6 / sum(spent[i] for i in idx)))
        low = high
    return rows


def bytes_per_mention(texts: list[str]) -> float:
    """How dense the texts are in attributions: cost follows mentions more than bytes."""
    mentions = sum(extract_attributions(t).candidates for t in texts)
    return sum(len(t.encode()) for t in texts) / max(1, mentions)


def print_throughput(megabytes: float) -> None:
    """Whole-text and per-article MB/s of this process's build, on all the texts and on the
    real news seeds alone (when ../shared is present)."""
    labelled = [(label, t) for label, t, _ in cases()]
    texts = [t for _, t in labelled]
    rate = throughput(texts, megabytes)
    build = "mypyc-compiled" if compiled() else "pure Python"
    print(f"throughput ({build}, one core, CPU time), fixtures and seeds "
          f"({len(texts)} texts, {bytes_per_mention(texts):.0f} bytes per mention): "
          f"{rate.whole:.1f} MB/s as one {megabytes:g} MB text ({rate.whole_wall:.1f} wall "
          f"clock); per article {rate.per_article_cold:.1f} MB/s with caches emptied each "
          f"pass, {rate.per_article_warm:.1f} MB/s with caches kept")
    seeds = [t for label, t in labelled if label.startswith("seeds/")]
    if seeds:
        print(f"throughput ({build}), real news only ({len(seeds)} seeds, "
              f"{bytes_per_mention(seeds):.0f} bytes per mention): per article "
              f"{strict_cold(seeds, megabytes / 4):.1f} MB/s with caches emptied before each "
              f"article")
    bands = density_bands(texts, megabytes / 2)
    print(f"throughput ({build}) per article by density (bytes per mention), caches emptied "
          "each pass: " + "; ".join(f"{label}: {rate:.1f} MB/s ({n} texts, {bpm:.0f})"
                                     for label, n, bpm, rate in bands))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")


def print_compiled_throughput(megabytes: float) -> None:
    """Build the compiled wheel in a scratch directory and print that build's throughput."""
    from benchmarks.compiled import BuildError, build, env_for

    with tempfile.TemporaryDirectory() as tmp:
        try:
            dest = build(Path(tmp))
        except BuildError as exc:
            print(f"throughput (mypyc-compiled): unavailable: {exc}")
            return
        # run from dest: the script's directory comes first on sys.path, so the compiled
        # package there is imported, not the source tree's (benchmarks/ is on PYTHONPATH)
        subprocess.run([sys.executable, "-m", "benchmarks.attributions", "--mb", str(megabytes),
                        "--throughput-only"], env=env_for(dest), cwd=dest, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=8.0, help="size of the tiled corpus in MB")
    parser.add_argument("--adversarial", type=float, nargs="?", const=1.0, default=None,
                        metavar="MB", help="also time adversarial inputs of MB each (1)")
    parser.add_argument("--compiled", action="store_true",
                        help="also build the wheel as `pip install .` does (the extractor compiled "
                             "by mypyc) in a scratch directory and print its throughput on "
                             "the same texts (about 40 s more)")
    parser.add_argument("--throughput-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.throughput_only:
        print_throughput(args.mb)
        return
    total = Score()
    print(f"{'file':44} {'P':>6} {'R':>6}  pred gold")
    for label, text, gold in cases():
        s, fps, misses = score(text, gold)
        total.add(s)
        print(f"{label:44} {s.precision:6.3f} {s.recall:6.3f}  {s.pred:4} {s.gold:4}")
        for fp in fps:
            print(f"    false positive: {fp}")
        for miss in misses:
            print(f"    missed: {miss}")
    print(f"{'OVERALL (named sources)':44} {total.precision:6.3f} {total.recall:6.3f}"
          f"  {total.pred:4} {total.gold:4}")
    print(f"kind (person or organisation) right for {total.kind_ok} of the {total.tp_gold} "
          f"sources found")
    print_throughput(args.mb)
    if args.compiled:
        print_compiled_throughput(args.mb)
    if args.adversarial:
        adversarial_table([t for _, t, _ in cases()], args.adversarial)


if __name__ == "__main__":
    main()
