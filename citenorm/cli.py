"""The ``citenorm`` command: a thin click shell over the library.

Exit codes: 0 clean, 1 findings (a diagnostic at warning or error level, or files changed),
2 usage error or unreadable input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO

import click

from . import Only
from .emit import bibtex as bibtex_out
from .emit import csl as csl_out
from .errors import CitenormError
from .io import atomic_writer, expand
from .keys import bibliography
from .model import Diagnostic, Reference, Severity
from .parallel import Options, Result, input_size, iter_jobs, map_jobs, resolve_jobs
from .progress import Progress

FORMATS = ("bibtex", "csl-json", "jsonl")


def report(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], quiet: bool) -> bool:
    """Print diagnostics to stderr; True when any is a finding (warning or error)."""
    findings = False
    for d in diagnostics:
        if d.severity is not Severity.INFO:
            findings = True
        if not quiet:
            click.echo(f"{d.span}: {d.code} {d.message}", err=True)
    return findings


def _emit(fmt: str, results: Iterator[Result], out: IO[str], include_anonymous: bool,
          quiet: bool, progress: Progress | None = None) -> bool:
    """Write the results in order: JSON lines as they come, else one bibliography."""
    findings = False
    refs: list[Reference] = []
    for result in results:
        findings |= report(result.diagnostics, quiet)
        if fmt == "jsonl":
            out.writelines(result.lines)
            out.flush()
        elif result.document is not None:
            refs.extend(result.document.references)
        if progress is not None:
            progress.page()
    if fmt == "jsonl":
        return findings
    entries, merged_diags = bibliography(refs, include_anonymous=include_anonymous)
    findings |= report(merged_diags, quiet)
    if fmt == "bibtex":
        out.write(bibtex_out.dumps(entries))
    else:
        out.write(csl_out.dumps_entries(entries))
    return findings


def _convert_local(paths: list[str], fmt: str, output: str | None, opts: Options,
                   encoding: str | None, quiet: bool, jobs: int, show_progress: bool) -> bool:
    if output and os.path.isdir(output):
        raise click.UsageError(f"-o {output}: is a folder (folders are for --engine dask)")
    progress = Progress.for_stderr(input_size(paths), quiet or not show_progress)
    results = map_jobs(iter_jobs(paths, encoding, progress), opts, resolve_jobs(jobs))
    try:
        if output:
            with atomic_writer(output) as sink:
                return _emit(fmt, results, sink, opts.include_anonymous, quiet, progress)
        return _emit(fmt, results, sys.stdout, opts.include_anonymous, quiet, progress)
    finally:
        progress.close()


def _convert_dask(paths: list[str], fmt: str, output: str | None, opts: Options,
                  scheduler: str | None, quiet: bool) -> bool:
    if not output or "-" in paths:
        raise click.UsageError("--engine dask reads files (not stdin) and writes one shard per "
                               "input into a folder: give -o FOLDER")
    from .dask_engine import convert_bag

    shards = convert_bag(paths, output, fmt, scheduler=scheduler, only=opts.only,
                         include_anonymous=opts.include_anonymous)
    if not quiet:
        docs = sum(s.documents for s in shards)
        refs = sum(s.references for s in shards)
        click.echo(f"citenorm: {len(shards)} shard(s) in {output}: {docs:,} documents, "
                   f"{refs:,} references", err=True)
    return any(s.findings for s in shards)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citenorm")
def main() -> None:
    """Find citations in wikitext and news prose; write BibTeX and CSL-JSON."""


@main.command()
@click.argument("files", nargs=-1, type=str)
@click.option("--to", "fmt", type=click.Choice(FORMATS), default="csl-json", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write here (atomically) instead of stdout; with --engine dask, a folder.")
@click.option("--only", type=click.Choice(["all", "templates", "attributions"]), default="all",
              show_default=True, help="Run only one extractor.")
@click.option("--include-anonymous", is_flag=True,
              help="Also emit vague sources ('officials said') as bibliography entries.")
@click.option("--encoding", default=None, help="Decode inputs with this codec (default UTF-8, "
              "or as the file's BOM says).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print diagnostics (nor progress).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per core). Output keeps the input order.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask: run on a Dask cluster, one task per input file, "
              "writing output shards into the -o folder (needs citenorm[dask]).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option("--progress/--no-progress", "show_progress", default=True,
              help="Progress bar on stderr (only drawn on a terminal).")
def convert(files: tuple[str, ...], fmt: str, output: str | None, only: Only,
            include_anonymous: bool, encoding: str | None, quiet: bool, jobs: int,
            engine: str, scheduler: str | None, show_progress: bool) -> None:
    """Convert the citations in FILES (or stdin) to BIBTEX, CSL-JSON or JSONL.

    FILES may be text or wikitext files, glob patterns, MediaWiki XML dumps (.xml,
    .xml.bz2), or - for stdin (the default when no file is given). Diagnostics go to
    stderr as path:line:col: CODE message. Several files make one bibliography; the same
    source cited twice becomes one entry.

    \b
    Examples:
      citenorm convert article.wiki --to bibtex -o refs.bib
      citenorm convert 'pages/*.txt' --to csl-json > refs.json
      cat story.txt | citenorm convert --only attributions --to jsonl
      citenorm convert enwiki-pages.xml.bz2 --to jsonl -o cites.jsonl
      citenorm convert enwiki-pages.xml.bz2 --to jsonl --jobs 0 -o cites.jsonl
      citenorm convert 'enwiki-*multistream*.bz2' --engine dask --scheduler \\
          tcp://head:8786 --to jsonl -o shards/
    """
    try:
        paths = expand(files or ("-",))
        opts = Options(only, include_anonymous, jsonl=fmt == "jsonl")
        if engine == "dask":
            findings = _convert_dask(paths, fmt, output, opts, scheduler, quiet)
        else:
            findings = _convert_local(paths, fmt, output, opts, encoding, quiet, jobs,
                                      show_progress)
    except CitenormError as exc:
        click.echo(f"citenorm: error: {exc}", err=True)
        sys.exit(2)
    sys.exit(1 if findings else 0)


# The pre-commit hook commands (issue 4) live in their own module.
from .commands import check, fix, sync  # noqa: E402

main.add_command(check)
main.add_command(fix)
main.add_command(sync)
