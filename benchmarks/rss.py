"""Run a command and print its peak RSS in MB.

    python -m benchmarks.rss -- citenorm convert dump.xml.bz2 --to jsonl -o /dev/null

The last stdout line is the peak RSS of the largest single process of the command's tree
(``getrusage(RUSAGE_CHILDREN)``); with psutil installed, a line before it gives the peak
of the whole tree's summed RSS, sampled every 0.1 s (what ``--jobs N`` costs in total).
"""

from __future__ import annotations

import contextlib
import resource
import subprocess
import sys
import time


def _tree_rss(pid: int) -> float:
    import psutil  # type: ignore[import-untyped]

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total / 2**20


def peak_rss_of(cmd: list[str]) -> tuple[int, float, float | None]:
    """Run ``cmd``; its exit code, the largest process's peak RSS and the tree's peak (MB)."""
    proc = subprocess.Popen(cmd)
    tree: float | None = None
    try:
        import psutil  # noqa: F401
    except ImportError:
        code = proc.wait()
    else:
        tree = 0.0
        while proc.poll() is None:
            tree = max(tree, _tree_rss(proc.pid))
            time.sleep(0.1)
        code = proc.returncode
    return code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, tree


def main(argv: list[str]) -> int:
    """Print the peaks (the largest process's on the last line); exit with the command's code."""
    cmd = argv[1:] if argv[:1] == ["--"] else argv
    code, rss, tree = peak_rss_of(cmd)
    if tree is not None:
        print(f"tree peak RSS MB: {tree:.1f}")
    print(f"{rss:.1f}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
