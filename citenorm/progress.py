"""A small progress bar on stderr for long runs: bytes read, pages, rate and ETA.

It draws only on a terminal (and not with ``--quiet``), at most a few times a second, on
one line rewritten with ``\\r``; :meth:`Progress.close` ends the line.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_UNITS = ((1e9, "GB"), (1e6, "MB"), (1e3, "kB"))


def human_bytes(n: float) -> str:
    """``n`` bytes, readable.

    >>> human_bytes(1_234_567), human_bytes(999)
    ('1.2 MB', '999 B')
    """
    for size, unit in _UNITS:
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:.0f} B"


def human_seconds(s: float) -> str:
    """A duration as ``h:mm:ss`` or ``m:ss``.

    >>> human_seconds(75), human_seconds(3725)
    ('1:15', '1:02:05')
    """
    s = int(s)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def status_line(done: int, total: int, pages: int, elapsed: float) -> str:
    """The text of the bar for ``done`` of ``total`` bytes (``total`` 0 when unknown).

    >>> status_line(50_000_000, 100_000_000, 1200, 10.0)
    '[##########----------]  50%  50.0 MB/100.0 MB  5.0 MB/s  1,200 pages  ETA 0:10'
    >>> status_line(3_000_000, 0, 7, 2.0)
    '3.0 MB  1.5 MB/s  7 pages'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    tail = f"{human_bytes(rate)}/s  {pages:,} pages"
    if total <= 0:
        return f"{human_bytes(done)}  {tail}"
    frac = min(1.0, done / total)
    bar = "#" * int(frac * 20)
    eta = human_seconds((total - done) / rate) if rate > 0 else "?"
    return (f"[{bar:-<20}] {frac:4.0%}  {human_bytes(done)}/"
            f"{human_bytes(total)}  {tail}  ETA {eta}")


class Progress:
    """Tracks bytes read over all inputs and pages done; draws when enabled."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None,
                 interval: float = 0.2) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.interval = interval
        self.start = time.monotonic()
        self._last = 0.0
        self._base = 0  # bytes of the inputs already finished
        self._current = 0  # bytes read of the input being read
        self.pages = 0
        self._width = 0

    @classmethod
    def for_stderr(cls, total: int, quiet: bool) -> Progress:
        """A bar on stderr, enabled only on a terminal and without ``--quiet``."""
        return cls(total, enabled=not quiet and sys.stderr.isatty())

    @property
    def done(self) -> int:
        return self._base + self._current

    def read(self, done_in_file: int) -> None:
        """Bytes read so far of the current input."""
        self._current = done_in_file
        self._draw()

    def next_file(self, size: int) -> None:
        """The current input is finished (``size`` bytes)."""
        self._base += size
        self._current = 0
        self._draw()

    def page(self, n: int = 1) -> None:
        """``n`` more pages (documents) are written."""
        self.pages += n
        self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        line = status_line(self.done, self.total, self.pages, now - self.start)
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write(f"\r{line}{pad}")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
