"""A prose view of wikitext for the attribution extractor.

Markup is blanked with spaces (newlines kept), so every offset, line and column in the view
is the same as in the source: templates, ``<ref>`` elements, comments, tags, the target part
of links, external link URLs, bold/italic quotes and heading marks. Link labels and plain
text stay. Plain news text without wiki markup comes back unchanged (no copy).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .normalize.text import TEMPLATE_TOKEN

_HAS_MARKUP = re.compile(r"\{\{|\[tpl\]|\[\[|<[!a-zA-Z/]|''|\[(?:https?:|ftp:)?//|^=", re.I | re.M)
_REF = re.compile(r"<ref\b[^<>]{0,1000}?/>|<ref\b[^<>]{0,1000}>|\[ref\]", re.I)
_REF_END = {"<": re.compile(r"</ref\s*>", re.I), "[": re.compile(r"\[/ref\]", re.I)}
_TAG = re.compile(r"<!--|</?[a-zA-Z][a-zA-Z0-9]{0,20}(?:\s[^<>]{0,500})?/?>")
_LINK = re.compile(r"\[\[([^\[\]|]{0,500}\|)?|\]\]")
_FILE = re.compile(r"\[\[\s*(?:file|image|category|media):", re.I)
_EXT = re.compile(r"\[(?:https?:|ftp:)?//[^\s\[\]<>\"]{1,2000}(?:\s+([^\[\]\n]{0,500}))?\]")
_QUOTES = re.compile(r"'{2,5}")
_HEADING = re.compile(r"^=+|=+[ \t]*$", re.M)


def _blank(buf: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if buf[i] != "\n":
            buf[i] = " "


def _blank_templates(text: str, buf: list[str]) -> None:
    depth, outer = 0, 0
    for m in TEMPLATE_TOKEN.finditer(text):
        if m.group()[0] in "{[" and m.group().lower() != "[/tpl]":
            if depth == 0:
                outer = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                _blank(buf, outer, m.end())
    if depth:  # unclosed: blank the opening only, the rest may be prose
        _blank(buf, outer, outer + 2)


def _blank_elements(text: str, buf: list[str], pattern: re.Pattern[str],
                    end_of: Callable[[str, re.Match[str]], int]) -> None:
    """Blank each match of ``pattern`` through the element end ``end_of`` finds for it; the
    search resumes after that end, so nothing inside an element is matched again."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        end = end_of(text, m)
        _blank(buf, m.start(), end)
        pos = end


def _ref_end(text: str, m: re.Match[str]) -> int:
    """A ``<ref …/>`` ends with itself; a ``<ref>`` or ``[ref]`` at its closing tag (or
    with itself when unclosed)."""
    if m.group().endswith("/>"):
        return m.end()
    close = _REF_END[m.group()[0]].search(text, m.end())
    return close.end() if close else m.end()


def _tag_end(text: str, m: re.Match[str]) -> int:
    """A comment ends after ``-->`` (or at the end of the text); any other tag with itself."""
    if m.group() != "<!--":
        return m.end()
    end = text.find("-->", m.end())
    return len(text) if end < 0 else end + 3


def _blank_files(text: str, buf: list[str]) -> None:
    for m in _FILE.finditer(text):
        depth, i = 0, m.start()
        while i < len(text) - 1:
            pair = text[i : i + 2]
            if pair == "[[":
                depth += 1
                i += 2
                continue
            if pair == "]]":
                depth -= 1
                i += 2
                if depth == 0:
                    break
                continue
            if text[i] == "\n":
                break
            i += 1
        _blank(buf, m.start(), i)


def _may_have_markup(text: str) -> bool:
    """Whether ``text`` holds a literal every ``_HAS_MARKUP`` match contains ("{{", "[",
    "<", "''", "=" opening a line): ``in`` tests outrun the pattern's search on plain news.

    >>> _may_have_markup("“We are worried,” said Uzi Rubin."), _may_have_markup("a\\n== H ==")
    (False, True)
    """
    return ("[" in text or "<" in text or "{{" in text or "''" in text or "\n=" in text
            or text.startswith("="))


def prose_view(text: str) -> str:
    """``text`` with wiki markup blanked out; same length, same line breaks.

    >>> prose_view("He said{{sfn|X|2001}} that [[Peter Kropotkin|Kropotkin]] ''wrote''.")
    'He said               that                   Kropotkin     wrote  .'
    >>> prose_view("See [http://x.org/a the report] [YONHAP]")
    'See                 the report  [YONHAP]'
    >>> s = "“We are worried,” said Uzi Rubin."
    >>> prose_view(s) is s
    True
    """
    if not _may_have_markup(text) or not _HAS_MARKUP.search(text):
        return text
    buf = list(text)
    # comments and tags first: they may hide template braces
    _blank_elements(text, buf, _TAG, _tag_end)
    _blank_elements(text, buf, _REF, _ref_end)
    _blank_templates("".join(buf), buf)
    view = "".join(buf)
    _blank_files(view, buf)
    view = "".join(buf)
    for m in _EXT.finditer(view):  # keep the label of [http://x label]
        label = m.start(1) if m.group(1) else m.end() - 1
        _blank(buf, m.start(), label)
        _blank(buf, m.end() - 1, m.end())
    for pattern in (_LINK, _QUOTES, _HEADING):
        for m in pattern.finditer(view):
            _blank(buf, m.start(), m.end())
    return "".join(buf)
