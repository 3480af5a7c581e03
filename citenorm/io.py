"""Reading inputs (files, stdin, MediaWiki XML dumps) and writing outputs atomically.

Text files are decoded strictly: a BOM selects UTF-8 or UTF-16; otherwise UTF-8 unless an
encoding is given. Binary (NUL bytes) and undecodable files raise :class:`InputError` with
a message that says what is wrong and what to do. XML dumps are streamed page by page.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import glob
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded text and how to write it back byte-for-byte in the same form."""

    text: str
    encoding: str  # codec name used to decode (and to encode back)
    bom: bytes


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` strictly; raise InputError naming the problem.

    >>> decode("café".encode(), "x").text
    'café'
    >>> decode(b"\\xef\\xbb\\xbfhi", "x").bom
    b'\\xef\\xbb\\xbf'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {codec} after its BOM ({exc.reason} at "
                                 f"byte {exc.start})") from None
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    codec = encoding or "utf-8"
    try:
        return Decoded(data.decode(codec), codec, b"")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {codec} at byte {exc.start} ({exc.reason}); "
            "pass --encoding (for example --encoding latin-1) if the file is in another encoding"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {codec!r}") from None


def read_text(path: str, encoding: str | None = None) -> Decoded:
    """Read a text file (or stdin for ``-``)."""
    import sys

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, "<stdin>" if path == "-" else path, encoding)


def expand(patterns: tuple[str, ...] | list[str]) -> list[str]:
    """Paths for the arguments: existing paths as given, glob patterns expanded, sorted."""
    out: list[str] = []
    for p in patterns:
        if p == "-" or os.path.exists(p) or not glob.has_magic(p):
            out.append(p)
            continue
        matches = sorted(glob.glob(p, recursive=True))
        if not matches:
            raise InputError(f"{p}: no file matches")
        out.extend(matches)
    return out


def is_dump(path: str) -> bool:
    """True for a MediaWiki XML dump: ``.xml``, ``.xml.bz2``, and the names of Wikimedia's
    multistream shards (``enwiki-…-multistream1.xml-p1p41242.bz2``).

    >>> is_dump("a.xml.bz2"), is_dump("enwiki-x-multistream1.xml-p1p41242.bz2"), is_dump("a.txt")
    (True, True, False)
    """
    name = os.path.basename(path)
    return name.endswith((".xml", ".xml.bz2")) or (".xml-" in name and name.endswith(".bz2"))


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a dump: its title, namespace number and the text of its last revision."""

    title: str
    ns: int
    text: str
    redirect: bool = False


_Progress = Callable[[int], None]


class _CountingReader(io.RawIOBase):
    """Reads from a stream and reports the compressed bytes consumed so far."""

    def __init__(self, raw: IO[bytes], report: _Progress) -> None:
        self._raw = raw
        self._report = report
        self._done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._done += n
        self._report(self._done)
        return n


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def iter_pages(path: str, progress: _Progress | None = None) -> Iterator[Page]:
    """Every page of a dump, streamed: memory stays flat whatever the dump's size.

    Works on any export schema version (the namespace is read from the tags), ``.xml`` and
    ``.bz2`` (single or multistream). Each finished ``<page>`` is detached from the root as
    soon as it is read, so the tree never grows. ``progress`` is called with the number of
    input bytes (compressed, for ``.bz2``) read so far.
    """
    with contextlib.ExitStack() as stack:
        try:
            raw: IO[bytes] = stack.enter_context(open(path, "rb"))
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        if progress is not None:
            raw = io.BufferedReader(_CountingReader(raw, progress), 1 << 16)
        if path.endswith(".bz2"):  # reads multistream files too (one stream after another)
            raw = stack.enter_context(bz2.open(raw, "rb"))
        try:
            yield from _pages(raw)
        except (ElementTree.ParseError, OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable MediaWiki XML dump ({exc})") from None


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _pages(stream: IO[bytes]) -> Iterator[Page]:
    root: ElementTree.Element | None = None
    title, text, ns, redirect = "", "", 0, False
    for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
        if root is None:
            root = elem  # the first start event is <mediawiki>
            continue
        if event == "start":
            continue
        tag = _local(elem.tag)
        if tag == "title":
            title = elem.text or ""
        elif tag == "ns":
            ns = _int(elem.text)
        elif tag == "redirect":
            redirect = True
        elif tag == "text":
            text = elem.text or ""
        elif tag == "revision":
            elem.clear()
        elif tag == "page":
            yield Page(title, ns, text, redirect)
            title, text, ns, redirect = "", "", 0, False
            root.clear()  # drop the finished page (and <siteinfo>) from the tree
        elif tag == "siteinfo":
            root.clear()


def iter_dump(path: str) -> Iterator[tuple[str, str]]:
    """``(page title, wikitext of its last revision)`` for each page, streamed.

    >>> import tempfile, os
    >>> xml = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/"><page>'
    ...        '<title>A</title><ns>0</ns><revision><text>x{{cite web|url=u}}</text>'
    ...        '</revision></page></mediawiki>')
    >>> with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as fh:
    ...     _ = fh.write(xml)
    >>> list(iter_dump(fh.name))
    [('A', 'x{{cite web|url=u}}')]
    >>> os.unlink(fh.name)
    """
    for page in iter_pages(path):
        yield page.title, page.text


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[IO[bytes]]:
    """A binary stream to a temporary file beside ``target``, renamed over it on success.

    On any error (or interruption) the temporary file is removed and ``target`` is left as
    it was; the target's file mode is kept.
    """
    folder = target.parent if str(target.parent) else Path(".")
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str) -> Iterator[IO[str]]:
    """A UTF-8 text stream that becomes ``path`` only when the block ends without error.

    Output is streamed to a temporary file beside ``path`` (memory stays flat) and renamed
    over it at the end; the file mode is kept. A path that is not a regular file
    (``/dev/null``, a pipe) is written directly.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8") as direct:
            yield direct
        return
    with _replacing(target) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A crash before the rename leaves the original untouched; the file mode is kept.
    """
    with _replacing(Path(path)) as fh:
        fh.write(data)
