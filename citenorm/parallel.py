"""Run the pipeline on several processes with the output in input order.

Inputs become *jobs* ``(source, text)`` (one per file, one per dump page). Jobs are grouped
into chunks of about :data:`CHUNK_BYTES` and sent to a :class:`multiprocessing.pool.Pool`;
at most ``window`` chunks are in flight, so a 1 GB dump never sits in memory, and results
are yielded strictly in input order (a finished chunk waits for the ones before it).

Workers return what the output needs and nothing more: JSON lines (already serialized)
for ``jsonl``, the :class:`~citenorm.model.Document` for the bibliography formats.

>>> opts = Options(only="templates", jsonl=True)
>>> [r.lines[0][:20] for r in map_jobs([("a", "{{cite web|url=http://x.y|title=T}}")], opts)]
['{"kind": "reference"']
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult

from . import Document, Only, parse
from .emit.jsonl import document_lines
from .io import is_dump, iter_pages, read_text
from .model import Diagnostic
from .progress import Progress

Job = tuple[str, str]  # (source, text)
CHUNK_BYTES = 256_000
CHUNK_JOBS = 64


@dataclass(frozen=True, slots=True)
class Options:
    """What to extract and what to send back."""

    only: Only = "all"
    include_anonymous: bool = False
    jsonl: bool = False  # send back JSON lines instead of the Document


@dataclass(frozen=True, slots=True)
class Result:
    """One job's output: JSON lines or a Document, and its diagnostics."""

    source: str
    diagnostics: tuple[Diagnostic, ...]
    lines: tuple[str, ...] = ()
    document: Document | None = None


def resolve_jobs(jobs: int) -> int:
    """``--jobs`` → a number of processes: 0 means every core.

    >>> resolve_jobs(3), resolve_jobs(0) == (os.cpu_count() or 1)
    (3, True)
    """
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def run_job(job: Job, opts: Options) -> Result:
    """Parse one text and shape its result for the output."""
    source, text = job
    doc = parse(text, source, only=opts.only, include_anonymous=opts.include_anonymous)
    if opts.jsonl:
        return Result(source, doc.diagnostics, tuple(document_lines(doc)))
    return Result(source, doc.diagnostics, document=doc)


def run_chunk(chunk: list[Job], opts: Options) -> list[Result]:
    """:func:`run_job` over a chunk (the unit sent to a worker)."""
    return [run_job(job, opts) for job in chunk]


def chunked(jobs: Iterable[Job], max_bytes: int = CHUNK_BYTES,
            max_jobs: int = CHUNK_JOBS) -> Iterator[list[Job]]:
    """Group jobs into chunks of about ``max_bytes`` of text (at most ``max_jobs`` jobs).

    >>> [len(c) for c in chunked([("a", "x" * 10)] * 5, max_bytes=25)]
    [3, 2]
    """
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        chunk.append(job)
        size += len(job[1])
        if size >= max_bytes or len(chunk) >= max_jobs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def map_jobs(jobs: Iterable[Job], opts: Options, workers: int = 1,
             window: int | None = None) -> Iterator[Result]:
    """Results of every job, in input order, computed on ``workers`` processes.

    ``workers`` 1 runs in this process (no pool). ``window`` bounds the chunks in flight
    (default four per worker), which bounds memory.
    """
    if workers <= 1:
        for job in jobs:
            yield run_job(job, opts)
        return
    limit = window or 4 * workers
    with multiprocessing.get_context().Pool(workers) as pool:
        pending: deque[AsyncResult[list[Result]]] = deque()
        for chunk in chunked(jobs):
            pending.append(pool.apply_async(run_chunk, (chunk, opts)))
            while len(pending) >= limit:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def input_size(paths: list[str]) -> int:
    """Total bytes of the input files (stdin counts 0: unknown)."""
    total = 0
    for path in paths:
        if path != "-":
            with contextlib.suppress(OSError):
                total += os.path.getsize(path)
    return total


def iter_jobs(paths: list[str], encoding: str | None = None,
              progress: Progress | None = None) -> Iterator[Job]:
    """One job per input file, one per page of a dump (source ``path#Title``), streamed."""
    for path in paths:
        if path != "-" and is_dump(path):
            read = progress.read if progress is not None else None
            for page in iter_pages(path, read):
                yield f"{path}#{page.title}", page.text
        else:
            decoded = read_text(path, encoding)
            yield ("<stdin>" if path == "-" else path), decoded.text
        if progress is not None and path != "-":
            progress.next_file(os.path.getsize(path))
