"""The pre-commit hook commands: ``citenorm check``, ``citenorm fix``, ``citenorm sync``.

Exit codes, as everywhere in citenorm: 0 clean; 1 findings (``check``) or files changed
(``fix``, ``sync``); 2 usage error, bad configuration or unreadable input. An input that is
not text (binary, undecodable, missing) is reported as CN501 and skipped, never a traceback;
ignoring CN501 in the configuration skips such files silently.
"""

from __future__ import annotations

import codecs
import difflib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import Only, parse
from .config import Layer, Settings, apply, check_prefixes, fails, load_settings, split_codes
from .diagnostics import diag
from .emit import bibtex as bibtex_out
from .emit import csl as csl_out
from .errors import CitenormError
from .io import Decoded, decode, expand, write_atomic
from .keys import bibliography
from .lint import lint
from .model import Diagnostic, Reference, Severity, Span
from .rewrite import Rewrite, rewrite

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str) -> NoReturn:
    click.echo(f"citenorm: error: {message}", err=True)
    sys.exit(2)


def _settings(config: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
              ignore: tuple[str, ...]) -> Settings:
    settings = load_settings(config)
    if select or extend_select or ignore:
        layer = Layer(
            check_prefixes(split_codes(select), "--select") if select else None,
            check_prefixes(split_codes(extend_select), "--extend-select"),
            check_prefixes(split_codes(ignore), "--ignore"),
        )
        settings = settings.with_layer(layer)
    return settings


def _common(fn: F) -> F:
    """Options every hook command takes."""
    for option in reversed((
        click.argument("files", nargs=-1, type=str),
        click.option("--config", "config", type=click.Path(dir_okay=False),
                     help="pyproject.toml to read [tool.citenorm] from (default: the nearest)."),
        click.option("--encoding", default=None,
                     help="Decode inputs with this codec (default UTF-8, or as the BOM says)."),
    )):
        fn = option(fn)
    return fn


def _selection(fn: F) -> F:
    for option in reversed((
        click.option("--select", multiple=True, metavar="CODES",
                     help="Only these codes or prefixes (comma-separated; replaces the config)."),
        click.option("--extend-select", multiple=True, metavar="CODES",
                     help="Codes or prefixes to add to the selection."),
        click.option("--ignore", multiple=True, metavar="CODES",
                     help="Codes or prefixes to leave out (the most specific prefix wins)."),
    )):
        fn = option(fn)
    return fn


def _unreadable(path: str, message: str) -> Diagnostic:
    return diag("CN501", message, Span(path, 0, 0, 1, 1), dropped=True)


def load(path: str, encoding: str | None) -> tuple[bytes, Decoded] | Diagnostic:
    """A file's bytes and decoded text, or a CN501 diagnostic saying why it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _unreadable(path, f"cannot read ({exc.strerror or exc})")
    try:
        return data, decode(data, path, encoding)
    except CitenormError as exc:
        return _unreadable(path, str(exc).removeprefix(f"{path}: "))


def encode(decoded: Decoded, text: str) -> bytes:
    """``text`` in the encoding and BOM it was read with (UTF-16 keeps its byte order).

    >>> d = decode(codecs.BOM_UTF16_BE + "hé".encode("utf-16-be"), "x")
    >>> encode(d, d.text) == codecs.BOM_UTF16_BE + "hé".encode("utf-16-be")
    True
    """
    codec = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le",
             codecs.BOM_UTF16_BE: "utf-16-be"}.get(decoded.bom, decoded.encoding)
    return decoded.bom + text.encode(codec)


def _inputs(files: tuple[str, ...]) -> list[str]:
    try:
        return expand(files)
    except CitenormError as exc:
        _fail(str(exc))


def _print(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        click.echo(f"{d.span}: {d.code} {d.message}")


def _loaded_files(paths: list[str], encoding: str | None, settings: Settings
                      ) -> Iterator[tuple[str, tuple[bytes, Decoded] | None]]:
    """Each path with its content, or None after printing its CN501 (when selected)."""
    for path in paths:
        loaded = load(path, encoding)
        if isinstance(loaded, Diagnostic):
            _print(apply([loaded], settings))
            yield path, None
        else:
            yield path, loaded


@click.command()
@_common
@_selection
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding is at this level or above (default: error, or the "
                   "config's fail-on).")
def check(files: tuple[str, ...], config: str | None, encoding: str | None,
          select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None) -> None:
    """Lint the citations in FILES: print path:line:col: CODE message for each finding.

    Exits 1 when a finding is at error level (see --fail-on), 2 when a file cannot be read.
    Codes and severities come from [tool.citenorm] in pyproject.toml and --select/--ignore.
    """
    try:
        settings = _settings(config, select, extend_select, ignore)
    except CitenormError as exc:
        _fail(str(exc))
    if fail_on:
        settings = replace(settings, fail_on=Severity(fail_on))
    found: list[Diagnostic] = []
    unreadable = False
    for path, loaded in _loaded_files(_inputs(files), encoding, settings):
        if loaded is None:
            unreadable |= "CN501" in settings.enabled()
            continue
        diagnostics = apply(lint(loaded[1].text, path), settings)
        _print(diagnostics)
        found += diagnostics
    if found:
        errors = sum(d.severity is Severity.ERROR for d in found)
        click.echo(f"citenorm: {len(found)} finding(s), {errors} error(s)", err=True)
    sys.exit(2 if unreadable else 1 if fails(found, settings) else 0)


def _summary(path: str, result: Rewrite) -> str:
    renamed = sum(len(c.renamed) for c in result.changes)
    dois = sum(c.dois for c in result.changes)
    n = len(result.changes)
    details = [f"{renamed} parameter(s) renamed"] if renamed else []
    details += [f"{dois} DOI(s) normalized"] if dois else []
    tail = f" ({', '.join(details)})" if details else " (spacing)"
    return f"{path}: fixed {n} template{'s' if n != 1 else ''}{tail}"


def _diff(path: str, old: str, new: str) -> str:
    """A unified diff; a last line with no newline is marked as ``diff`` does."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n"
                   for x in lines)


@click.command()
@_common
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the changes instead of writing them.")
def fix(files: tuple[str, ...], config: str | None, encoding: str | None,
        show_diff: bool) -> None:
    """Rewrite the citation templates in FILES in canonical form, in place.

    Canonical parameter names for deprecated ones, DOI prefixes stripped, uniform spacing.
    Keeps the template form, the encoding, BOM, newlines and file mode; touches nothing
    outside citation templates; writes atomically. Exits 1 when a file changed.
    """
    try:
        settings = load_settings(config)
    except CitenormError as exc:
        _fail(str(exc))
    changed = unreadable = False
    for path, loaded in _loaded_files(_inputs(files), encoding, settings):
        if loaded is None:
            unreadable |= "CN501" in settings.enabled()
            continue
        data, decoded = loaded
        if encode(decoded, decoded.text) != data:
            _print(apply([_unreadable(path, "does not round-trip through its encoding; "
                                            "left unchanged")], settings))
            unreadable = True
            continue
        result = rewrite(decoded.text)
        if not result.changed:
            continue
        changed = True
        if show_diff:
            click.echo(_diff(path, decoded.text, result.text), nl=False)
            continue
        write_atomic(os.path.realpath(path), encode(decoded, result.text))
        click.echo(_summary(path, result))
    sys.exit(2 if unreadable else 1 if changed else 0)


def _write_if_changed(path: str, text: str) -> bool:
    data = text.encode("utf-8")
    target = Path(path)
    if target.is_file() and target.read_bytes() == data:
        return False
    try:
        write_atomic(os.path.realpath(path), data)
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})")
    return True


@click.command()
@_common
@click.option("--bib", type=click.Path(dir_okay=False), help="BibTeX file to keep in sync.")
@click.option("--csl", type=click.Path(dir_okay=False), help="CSL-JSON file to keep in sync.")
@click.option("--only", type=click.Choice(["all", "templates", "attributions"]),
              default="templates", show_default=True,
              help="Extractors to run (prose attributions are heuristic: opt in with 'all').")
def sync(files: tuple[str, ...], config: str | None, encoding: str | None, bib: str | None,
         csl: str | None, only: Only) -> None:
    """Write the bibliography of FILES to --bib and/or --csl, sorted by key.

    The output is deterministic (inputs sorted, stable keys, entries sorted by key), so a
    change in the sources makes a small diff. Exits 1 when an output file changed (add it
    to the commit), 2 when an input cannot be read (the outputs are then left alone).
    """
    if not bib and not csl:
        _fail("sync needs --bib FILE and/or --csl FILE")
    if not files:
        _fail("sync needs input FILES (in a pre-commit hook, list them or a glob in args)")
    try:
        settings = load_settings(config)
    except CitenormError as exc:
        _fail(str(exc))
    refs: list[Reference] = []
    unreadable = False
    for path, loaded in _loaded_files(sorted(set(_inputs(files))), encoding, settings):
        if loaded is None:
            unreadable |= "CN501" in settings.enabled()
            continue
        refs.extend(parse(loaded[1].text, path, only=only).references)
    if unreadable:
        click.echo("citenorm: unreadable input; bibliography files left unchanged", err=True)
        sys.exit(2)
    entries, _ = bibliography(refs)
    entries = tuple(sorted(entries, key=lambda e: e.key))
    outputs = []
    if bib:
        outputs.append((bib, bibtex_out.dumps(entries)))
    if csl:
        outputs.append((csl, csl_out.dumps_entries(entries)))
    changed = False
    for path, text in outputs:
        if _write_if_changed(path, text):
            changed = True
            click.echo(f"{path}: updated ({len(entries)} entries)")
    sys.exit(1 if changed else 0)
