"""Wiki markup → plain text for parameter values.

Every function here runs in time linear in its input: nested templates are rendered with a
single stack pass (never by repeated substitution), comments are cut with ``str.find``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import regex

#: Stands in for a literal ``|`` produced by ``{{!}}`` until the value is finished, so it is
#: never taken for a parameter separator.
PIPE = "\ue000"

# Patterns whose meaning is the same in both engines use the standard library's ``re``,
# several times faster than ``regex`` on them. ``[^\S\x1c-\x1f]`` is ``regex``'s ``\s``
# in ``re`` (which also counts the four information separators as white space).
_SPECIAL = re.compile(r"[\[\{<'&\ue000]")
_NOT_WS_IN_REGEX = re.compile(r"[\x1c-\x1f]")
_WS = regex.compile(r"\s+")
#: White space that :func:`collapse` would change: any but a single inner space.
_UNCOLLAPSED = re.compile(r"[^\S ]|  |^\s|\s$")
#: Template openings and closings in both forms: ``{{`` ``}}`` ``[tpl]`` ``[/tpl]``.
TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\[tpl\]|\[/tpl\]", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[([^\[\]|]{0,1000})(?:\|([^\[\]]{0,2000}))?\]\]")
#: An external link ``[url label]`` (group 1 the URL, group 2 the label). Possessive
#: quantifiers: ``\s+`` and the label overlap on white space, and backtracking between them
#: made an unclosed ``[//x`` followed by spaces cost O(spaces × 2000).
EXTLINK = regex.compile(
    r"\[((?:https?:|ftp:)?//[^\s\[\]<>\"]{1,2000}+)(?:\s++([^\[\]]{0,2000}+))?\]"
)
_BOLD_ITALIC = re.compile(r"'{2,5}")
_REF_OPEN = regex.compile(r"<ref\b[^>]{0,500}>", regex.IGNORECASE)
_REF_CLOSE = regex.compile(r"</ref\s*>", regex.IGNORECASE)
_BR = regex.compile(r"<br\s*/?\s*>", regex.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,20}(?:[^\S\x1c-\x1f][^<>]{0,500})?/?>")
_DASHES = regex.compile(r"(?<=\d)\s*(?:-{1,2}|–|&ndash;|—)\s*(?=\d)")
_FILE_LINK = regex.compile(r"(?i)^\s*(?:file|image|category|media):")


def collapse(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) to one space.

    >>> collapse("  New \\n York\\u00a0Times ")
    'New York Times'
    """
    if _NOT_WS_IN_REGEX.search(text) is None:  # the usual case: str.split is exact here
        return " ".join(text.split())
    return _WS.sub(" ", text).strip()


def strip_comments(text: str) -> str:
    """Remove ``<!-- … -->``; an unclosed comment runs to the end, as in MediaWiki.

    >>> strip_comments("a<!-- x -->b<!-- open")
    'ab'
    """
    if "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


def strip_refs(text: str) -> str:
    """Remove ``<ref …/>`` and ``<ref …>…</ref>`` (up to the first closing tag), in one pass.

    An opening with no closing tag after it stays as written; once one is found, no later
    opening looks for a closing tag again (a regex ``<ref>.*?</ref>`` rescans to the end
    once per unclosed opening: quadratic on a flood of ``<ref>``).

    >>> strip_refs("a<ref>x</ref>b<ref name=n/>c<ref>open<ref name=m />")
    'abc<ref>open'
    """
    out: list[str] = []
    pos = 0
    closers = True
    while True:
        m = _REF_OPEN.search(text, pos)
        if m is None:
            break
        if m.group().endswith("/>"):
            out.append(text[pos : m.start()])
            pos = m.end()
            continue
        close = _REF_CLOSE.search(text, m.end()) if closers else None
        if close is None:
            closers = False
            out.append(text[pos : m.end()])
            pos = m.end()
            continue
        out.append(text[pos : m.start()])
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


def split_top(text: str, sep: str = "|") -> list[str]:
    """Split on ``sep`` outside ``[[…]]`` links (templates are already rendered here).

    >>> split_top("a|[[b|c]]|d")
    ['a', '[[b|c]]', 'd']
    """
    if "[[" not in text:
        return text.split(sep)
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "[" and text.startswith("[[", i):
            depth += 1
            i += 2
            continue
        if ch == "]" and depth and text.startswith("]]", i):
            depth -= 1
            i += 2
            continue
        if ch == sep and not depth:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def _positional(args: list[str]) -> list[str]:
    return [a for a in args if "=" not in a]


def _last(args: list[str]) -> str:
    pos = _positional(args)
    return pos[-1] if pos else ""


def _first(args: list[str]) -> str:
    pos = _positional(args)
    return pos[0] if pos else ""


def _second(args: list[str]) -> str:
    pos = _positional(args)
    return pos[1] if len(pos) > 1 else (pos[0] if pos else "")


def _start_date(args: list[str]) -> str:
    pos = [p.strip() for p in _positional(args) if p.strip()]
    return "-".join(p.zfill(2) if i else p for i, p in enumerate(pos[:3]))


def _const(value: str) -> Callable[[list[str]], str]:
    return lambda _args: value


#: How inner templates render inside a citation parameter value. Unknown templates render
#: as their first positional argument (or nothing).
RENDER: dict[str, Callable[[list[str]], str]] = {
    "!": _const(PIPE),
    "=": _const("="),
    "'": _const("'"),
    "ndash": _const("–"),
    "mdash": _const("—"),
    "snd": _const(" – "),
    "spnd": _const(" – "),
    "spaced ndash": _const(" – "),
    "nbsp": _const(" "),
    "lang": _second,
    "transl": _last,
    "transliteration": _last,
    "sic": lambda args: "".join(a for a in _positional(args)),
    "nowrap": _last,
    "nobr": _last,
    "small": _last,
    "smaller": _last,
    "big": _last,
    "resize": _last,
    "noitalic": _first,
    "nobold": _first,
    "start date": _start_date,
    "start date and age": _start_date,
    "date": _first,
    "webarchive": _const(""),
    "dead link": _const(""),
    "cbignore": _const(""),
    "citation needed": _const(""),
    "subscription required": _const(""),
    "registration required": _const(""),
    "better source": _const(""),
    "page needed": _const(""),
    "pages needed": _const(""),
    "inconsistent citations": _const(""),
    "sfnref": lambda args: " ".join(a.strip() for a in _positional(args)),
    "harvnb": lambda args: " ".join(a.strip() for a in _positional(args)),
}


def render_template(body: str) -> str:
    """Render one inner template body (its text between the braces) as plain text.

    >>> render_template("lang|fr|Le Monde")
    'Le Monde'
    >>> render_template("!")
    '\\ue000'
    """
    args = split_top(body)
    name = collapse(args[0]).lower().replace("_", " ")
    fn = RENDER.get(name)
    if fn is None and name.startswith("lang-"):
        fn = _first
    return (fn or _first)(args[1:])


def render_templates(text: str) -> str:
    """Replace every (nested) ``{{…}}``/``[tpl]…[/tpl]`` by its rendering, in one pass.

    >>> render_templates("A {{lang|de|{{nowrap|Die Zeit}}}} z")
    'A Die Zeit z'
    >>> render_templates("x {{unclosed|y")
    'x {{unclosed|y'
    """
    if "{{" not in text and "[tpl]" not in text.lower():
        return text
    stack: list[list[str]] = [[]]
    openers: list[str] = []
    pos = 0
    for m in TEMPLATE_TOKEN.finditer(text):
        tok = m.group().lower()
        stack[-1].append(text[pos : m.start()])
        pos = m.end()
        if tok in ("{{", "[tpl]"):
            stack.append([])
            openers.append(m.group())
        elif len(stack) > 1 and (tok == "}}") == (openers[-1] == "{{"):
            rendered = render_template("".join(stack.pop()))
            openers.pop()
            stack[-1].append(rendered)
        else:
            stack[-1].append(m.group())
    stack[-1].append(text[pos:])
    while len(stack) > 1:  # unclosed: keep the text as written
        inner = "".join(stack.pop())
        stack[-1].append(openers.pop() + inner)
    return "".join(stack[0])


def _link(m: re.Match[str]) -> str:
    target, label = m.group(1), m.group(2)
    if _FILE_LINK.match(target):
        return ""
    return label if label is not None else target.lstrip(":")


def _extlink(m: regex.Match[str]) -> str:
    return m.group(2) if m.group(2) else m.group(1)


def strip_markup(value: str) -> str:
    """Wiki markup → plain text: comments, templates, links, quotes, tags, entities.

    >>> strip_markup("[[Ballou's Pictorial Drawing-Room Companion]]")
    "Ballou's Pictorial Drawing-Room Companion"
    >>> strip_markup("[[Washington, D.C.]], [[United States|U.S.]]")
    'Washington, D.C., U.S.'
    >>> strip_markup("''The Banksia'' <!-- c -->of&nbsp;[http://x.org WA]<br/>x")
    'The Banksia of WA x'
    """
    if not _SPECIAL.search(value):
        return collapse(value) if _UNCOLLAPSED.search(value) else value
    text = strip_comments(value)
    if "<" in text:
        text = strip_refs(text)
        text = _BR.sub(" ", text)
    text = render_templates(text)
    if "[" in text:
        text = _WIKILINK.sub(_link, text)
        text = EXTLINK.sub(_extlink, text)
    if "''" in text:
        text = _BOLD_ITALIC.sub("", text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return collapse(text.replace(PIPE, "|"))


def en_dash_ranges(pages: str) -> str:
    """Page ranges with an en dash.

    >>> en_dash_ranges("221-234"), en_dash_ranges("33 -- 42"), en_dash_ranges("e1234")
    ('221–234', '33–42', 'e1234')
    """
    return _DASHES.sub("–", pages) if any(c in pages for c in "-—&") else pages
