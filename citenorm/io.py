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
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
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
    """True for a MediaWiki XML dump (``.xml``, ``.xml.bz2``)."""
    return path.endswith((".xml", ".xml.bz2"))


def _open_dump(path: str) -> IO[bytes]:
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")  # reads multistream files too
    return open(path, "rb")


def iter_dump(path: str) -> Iterator[tuple[str, str]]:
    """``(page title, wikitext of its last revision)`` for each page, streamed.

    Elements are cleared as soon as a page ends, so memory stays flat whatever the size.
    """
    try:
        stream = _open_dump(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with stream:
        title = ""
        text = ""
        try:
            for _event, elem in ElementTree.iterparse(stream, events=("end",)):
                tag = elem.tag.rpartition("}")[2]
                if tag == "title":
                    title = elem.text or ""
                elif tag == "text":
                    text = elem.text or ""
                elif tag == "revision":
                    elem.clear()
                elif tag == "page":
                    yield title, text
                    title, text = "", ""
                    elem.clear()
        except (ElementTree.ParseError, OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable MediaWiki XML dump ({exc})") from None


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A crash before the rename leaves the original untouched; the file mode is kept.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
