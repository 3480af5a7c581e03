"""The ``citenorm`` command: a thin click shell over the library.

Exit codes: 0 clean, 1 findings (a diagnostic at warning or error level, or files changed),
2 usage error or unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from . import Document, Only, parse
from .emit import bibtex as bibtex_out
from .emit import csl as csl_out
from .emit.jsonl import document_lines
from .errors import CitenormError
from .io import expand, is_dump, iter_dump, read_text, write_atomic
from .keys import bibliography
from .model import Diagnostic, Reference, Severity

FORMATS = ("bibtex", "csl-json", "jsonl")


def iter_documents(paths: list[str], only: Only, encoding: str | None,
                   include_anonymous: bool = True) -> Iterator[Document]:
    """Parse every input in order; a dump yields one Document per page (``path#Title``)."""
    for path in paths:
        if path != "-" and is_dump(path):
            for title, text in iter_dump(path):
                yield parse(text, f"{path}#{title}", only=only,
                            include_anonymous=include_anonymous)
            continue
        decoded = read_text(path, encoding)
        yield parse(decoded.text, "<stdin>" if path == "-" else path, only=only,
                    include_anonymous=include_anonymous)


def report(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], quiet: bool) -> bool:
    """Print diagnostics to stderr; True when any is a finding (warning or error)."""
    findings = False
    for d in diagnostics:
        if d.severity is not Severity.INFO:
            findings = True
        if not quiet:
            click.echo(f"{d.span}: {d.code} {d.message}", err=True)
    return findings


def _emit(fmt: str, docs: Iterator[Document], out: IO[str], include_anonymous: bool,
          quiet: bool) -> bool:
    findings = False
    if fmt == "jsonl":
        for doc in docs:
            findings |= report(doc.diagnostics, quiet)
            out.writelines(document_lines(doc))
            out.flush()
        return findings
    refs: list[Reference] = []
    for doc in docs:
        findings |= report(doc.diagnostics, quiet)
        refs.extend(doc.references)
    entries, merged_diags = bibliography(refs, include_anonymous=include_anonymous)
    findings |= report(merged_diags, quiet)
    if fmt == "bibtex":
        out.write(bibtex_out.dumps(entries))
    else:
        out.write(csl_out.dumps(csl_out.to_csl_item(e.reference, e.key) for e in entries))
    return findings


class _Buffer:
    """Collects output for an atomic write to ``-o`` (nothing is written on failure)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        self.parts.extend(lines)

    def flush(self) -> None:
        pass


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citenorm")
def main() -> None:
    """Find citations in wikitext and news prose; write BibTeX and CSL-JSON."""


@main.command()
@click.argument("files", nargs=-1, type=str)
@click.option("--to", "fmt", type=click.Choice(FORMATS), default="csl-json", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here (atomically) instead of stdout.")
@click.option("--only", type=click.Choice(["all", "templates", "attributions"]), default="all",
              show_default=True, help="Run only one extractor.")
@click.option("--include-anonymous", is_flag=True,
              help="Also emit vague sources ('officials said') as bibliography entries.")
@click.option("--encoding", default=None, help="Decode inputs with this codec (default UTF-8, "
              "or as the file's BOM says).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print diagnostics.")
def convert(files: tuple[str, ...], fmt: str, output: str | None, only: Only,
            include_anonymous: bool, encoding: str | None, quiet: bool) -> None:
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
    """
    try:
        paths = expand(files or ("-",))
        sink: Any = _Buffer() if output else sys.stdout
        findings = _emit(fmt, iter_documents(paths, only, encoding, include_anonymous), sink,
                         include_anonymous, quiet)
        if output:
            write_atomic(output, "".join(sink.parts).encode("utf-8"))
    except CitenormError as exc:
        click.echo(f"citenorm: error: {exc}", err=True)
        sys.exit(2)
    sys.exit(1 if findings else 0)


# The pre-commit hook commands (issue 4) live in their own module.
from .commands import check, fix, sync  # noqa: E402

main.add_command(check)
main.add_command(fix)
main.add_command(sync)
