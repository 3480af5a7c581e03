"""Dask scaling: the same shards converted on a LocalCluster of 1, then 2 workers.

    python -m benchmarks.dask_scaling --shards 4 --mb 20 [--only templates]

Generates ``--shards`` dump shards of ``--mb`` MB of wikitext each (multistream .bz2),
converts them with :func:`citenorm.dask_engine.convert_bag` to JSONL shards on a
``distributed.LocalCluster(n_workers=N, threads_per_worker=1, processes=True)`` and prints
the wall time, MB/s and speed-up per worker count, then a ``RESULT`` line.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from citenorm import Only
from citenorm.dask_engine import convert_bag

from .gendump import write_dump


def measure(paths: list[str], workers: int, out: str, only: Only) -> float:
    """Seconds to convert ``paths`` on a fresh cluster of ``workers`` (start-up excluded)."""
    import distributed

    cluster = distributed.LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:  # type: ignore[no-untyped-call]
        client.run(lambda: __import__("citenorm.parallel"))  # warm the workers' imports
        start = time.perf_counter()
        convert_bag(paths, out, "jsonl", client=client, only=only)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Generate shards, time 1 and 2 workers, print the table and RESULT line."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.dask_scaling", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--mb", type=float, default=20.0, help="MB of wikitext per shard")
    ap.add_argument("--only", choices=["all", "templates", "attributions"], default="all")
    ap.add_argument("--workers", default="1,2", help="worker counts to try")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="citenorm-dask-") as tmp:
        paths = []
        text_bytes = 0
        for i in range(args.shards):
            path = f"{tmp}/enwiki-bench-multistream{i}.xml-p{i}.bz2"
            text_bytes += write_dump(path, int(args.mb * 1_000_000)).text_bytes
            paths.append(path)
        mb = text_bytes / 1e6
        print(f"{args.shards} shards, {mb:.0f} MB of wikitext, --only {args.only}")
        times: dict[int, float] = {}
        for workers in (int(w) for w in args.workers.split(",")):
            out = Path(tmp) / f"out{workers}"
            times[workers] = measure(paths, workers, str(out), args.only)
            speedup = times[min(times)] / times[workers]
            print(f"{workers} worker(s): {times[workers]:7.1f} s  {mb / times[workers]:6.1f} MB/s"
                  f"  speed-up {speedup:.2f}x")
    first = min(times)
    print("RESULT " + " ".join(
        f"workers{w}_s={t:.1f} workers{w}_mb_s={mb / t:.2f} speedup{w}={times[first] / t:.2f}"
        for w, t in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
