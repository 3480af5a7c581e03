"""Scale-out on Dask: one task per input file (a dump, a dump shard or a text file).

``convert_bag(paths, out_dir, fmt)`` builds a ``dask.bag`` with one partition per input
and converts each on a worker into its own output shard ``out_dir/part-00000.jsonl`` (or
``.json`` for CSL-JSON, ``.bib`` for BibTeX), named in input order, so concatenating the
JSONL shards in name order gives exactly what ``citenorm convert --to jsonl`` writes for
the same inputs. Diagnostics go into the JSONL shards as records; for the bibliography
formats they go to a ``.diagnostics`` file beside each shard. A bibliography shard merges
duplicates within its input only.

Dask and distributed are an optional extra (``pip install 'citenorm[dask]'``), imported
only when this engine is used::

    from citenorm.dask_engine import convert_bag
    shards = convert_bag(["enwiki-p1.xml.bz2", "enwiki-p2.xml.bz2"], "out/", "jsonl",
                         scheduler="tcp://scheduler:8786")

Every worker needs citenorm installed (the same version as the client).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import Only
from .emit import bibtex as bibtex_out
from .emit import csl as csl_out
from .errors import CitenormError
from .io import atomic_writer
from .keys import bibliography
from .model import Reference, Severity
from .parallel import Options, iter_jobs, run_job

EXTENSIONS = {"jsonl": "jsonl", "csl-json": "json", "bibtex": "bib"}


@dataclass(frozen=True, slots=True)
class Shard:
    """What one task did: its input, its output shard and counts."""

    index: int
    source: str
    path: str
    documents: int
    references: int
    diagnostics: int
    findings: bool


class DaskMissing(CitenormError):
    """Raised when the Dask engine is asked for but dask/distributed are not installed."""


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise DaskMissing(
            f"--engine dask needs dask: pip install 'citenorm[dask]' ({exc})") from None
    return dask.bag


def shard_path(out_dir: str, index: int, fmt: str) -> str:
    """The output shard for input number ``index``.

    >>> shard_path("out", 3, "jsonl")
    'out/part-00003.jsonl'
    """
    return os.path.join(out_dir, f"part-{index:05d}.{EXTENSIONS[fmt]}")


def convert_file(item: tuple[int, str], out_dir: str, fmt: str, opts: Options,
                 encoding: str | None = None) -> Shard:
    """Convert one input file into its shard (runs on a worker)."""
    index, source = item
    out = shard_path(out_dir, index, fmt)
    docs = refs = diags = 0
    findings = False
    collected: list[Reference] = []
    notes: list[str] = []
    with atomic_writer(out) as sink:
        for job in iter_jobs([source], encoding):
            result = run_job(job, opts)
            docs += 1
            diags += len(result.diagnostics)
            findings |= any(d.severity is not Severity.INFO for d in result.diagnostics)
            if opts.jsonl:
                sink.writelines(result.lines)
                refs += sum(1 for line in result.lines if line.startswith('{"kind": "ref'))
                continue
            assert result.document is not None
            collected.extend(result.document.references)
            notes.extend(f"{d.span}: {d.code} {d.message}\n" for d in result.diagnostics)
        if not opts.jsonl:
            entries, merged = bibliography(collected, include_anonymous=opts.include_anonymous)
            refs = len(entries)
            notes.extend(f"{d.span}: {d.code} {d.message}\n" for d in merged)
            if fmt == "bibtex":
                sink.write(bibtex_out.dumps(entries))
            else:
                sink.write(csl_out.dumps_entries(entries))
    if notes:
        with atomic_writer(out + ".diagnostics") as side:
            side.writelines(notes)
    return Shard(index, source, out, docs, refs, diags, findings)


def convert_bag(paths: Sequence[str], out_dir: str, fmt: str = "jsonl", *,
                scheduler: str | None = None, client: Any = None, only: Only = "all",
                include_anonymous: bool = False, encoding: str | None = None) -> list[Shard]:
    """Convert every input on Dask, one task per input; return the shards in input order.

    ``client`` (a ``distributed.Client``) or ``scheduler`` (its address) choose the cluster;
    with neither, Dask's local process pool runs the tasks.
    """
    if fmt not in EXTENSIONS:
        raise CitenormError(f"unknown format {fmt!r}")
    db = _require_dask()
    os.makedirs(out_dir, exist_ok=True)
    opts = Options(only, include_anonymous, jsonl=fmt == "jsonl")
    items = list(enumerate(paths))
    if not items:
        return []
    bag = db.from_sequence(items, npartitions=len(items)).map(
        convert_file, out_dir, fmt, opts, encoding)
    if client is None and scheduler is not None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise DaskMissing(f"--scheduler needs distributed: pip install 'citenorm[dask]' "
                              f"({exc})") from None
        with Client(scheduler) as own:  # type: ignore[no-untyped-call]
            shards: list[Shard] = own.compute(bag).result()
    elif client is not None:
        shards = client.compute(bag).result()
    else:
        shards = bag.compute(scheduler="processes")
    return sorted(shards, key=lambda s: s.index)
