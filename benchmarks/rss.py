"""Run a command and print its peak RSS in MB (its own and its children's, the largest).

    python -m benchmarks.rss -- citenorm convert dump.xml.bz2 --to jsonl -o /dev/null
"""

from __future__ import annotations

import resource
import subprocess
import sys


def peak_rss_of(cmd: list[str]) -> tuple[int, float]:
    """Run ``cmd``; return its exit code and the peak RSS (MB) of its process tree's largest."""
    code = subprocess.call(cmd)
    return code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    """Print the peak RSS on the last stdout line; exit with the command's code."""
    cmd = argv[1:] if argv[:1] == ["--"] else argv
    code, rss = peak_rss_of(cmd)
    print(f"{rss:.1f}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
