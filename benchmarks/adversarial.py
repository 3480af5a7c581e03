"""Adversarial timing table: each adversarial input against a benign input of the same size.

Run: ``python -m benchmarks.adversarial [--sizes 1,10] [--long-line-mb 100]``. For every
input of N MB it prints the time of ``parse_templates`` (scan, split, normalize: the part
whose complexity the input attacks), the time of a benign wikitext of the same size and
their ratio (target: within 3×). The long line is one line of N MB (100 MB by default).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from citenorm.pipeline import parse_templates

BENIGN_UNIT = (
    "The minister said on Tuesday that [[Foo|bar]] was ''fine''.<ref name=a>{{cite news "
    "|title=Missile is Tested |last=Sanger |first=David E. |date=June 12, 1993 "
    "|newspaper=New York Times}}</ref> [http://example.org more] text.\n"
)
LONG_LINE_UNIT = "word [[link|label]] {{cite web|url=http://x.org|title=T}} "


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def nested(open_: str, close: str, size: int) -> str:
    depth = max(1, (size - 1) // (len(open_) + len(close)))
    return open_ * depth + "x" + close * depth


INPUTS: dict[str, Callable[[int], str]] = {
    "unclosed [tpl]cite news |": lambda n: fill("[tpl]cite news |", n),
    "deep {{cite news|title=": lambda n: nested("{{cite news|title=", "}}", n),
    "deep [tpl]cite news|title=": lambda n: nested("[tpl]cite news|title=", "[/tpl]", n),
    "deep {{lang|fr|": lambda n: nested("{{lang|fr|", "}}", n),
    "flood |": lambda n: "{{cite news|" + fill("|", n - 14) + "}}",
    "flood =": lambda n: "{{cite news|" + fill("=", n - 14) + "}}",
    "flood [[": lambda n: fill("[[", n),
    "flood {{": lambda n: fill("{{", n),
    "flood {{ then [/tpl]": lambda n: fill("{{", n // 2) + fill("[/tpl]", n - n // 2),
    "flood <!--": lambda n: fill("<!--", n),
    "flood <ref>": lambda n: fill("<ref>", n),
}


def timed(text: str) -> float:
    gc.collect()
    start = time.perf_counter()
    doc = parse_templates(text)
    elapsed = time.perf_counter() - start
    assert len(doc.references) + len(doc.dropped) == doc.candidates
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1", help="comma-separated sizes in MB (default 1)")
    parser.add_argument("--long-line-mb", type=int, default=100,
                        help="size of the one-long-line input in MB (default 100; 0 skips)")
    args = parser.parse_args()
    rows: list[tuple[str, int, float, float]] = []
    benign: dict[int, float] = {}
    sizes = [int(float(s) * 1_000_000) for s in args.sizes.split(",")]
    print(f"{'input':32} {'MB':>5} {'seconds':>9} {'benign s':>9} {'ratio':>7}")
    for size in sizes:
        benign[size] = timed(fill(BENIGN_UNIT, size))
        for name, make in INPUTS.items():
            seconds = timed(make(size))
            rows.append((name, size, seconds, benign[size]))
            print(f"{name:32} {size / 1e6:5.0f} {seconds:9.2f} {benign[size]:9.2f} "
                  f"{seconds / benign[size]:6.1f}×", flush=True)
    if args.long_line_mb:
        size = args.long_line_mb * 1_000_000
        base = timed(fill(BENIGN_UNIT, size))
        seconds = timed(fill(LONG_LINE_UNIT, size))
        print(f"{'one long line':32} {size / 1e6:5.0f} {seconds:9.2f} {base:9.2f} "
              f"{seconds / base:6.1f}×", flush=True)


if __name__ == "__main__":
    main()
