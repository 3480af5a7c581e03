"""The quoted or paraphrased text each mention vouches for, and spans with line/column.

>>> text = "“It is late,” said Uzi Rubin. The talks failed, officials said."
>>> from citenorm.attribution.scan import scan
>>> evidence_texts(text, scan(text))
['It is late', 'The talks failed']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

import regex

from ..model import Span
from .scan import Hit, Sentences, paragraph, sentence, skip_adjuncts

_NEWLINE = regex.compile(r"\n")
_QUOTE_RUN = regex.compile(r'"+')
_LEAD = regex.compile(r"^[\s,;:]{0,5}(?:that\s)?")
_MAX = 500


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts: 0 and the end of every ``_NEWLINE`` match."""
    starts = list(accumulate([len(line) + 1 for line in text.split("\n")], initial=0))
    starts.pop()  # the start past the end of the last line
    return starts


class LineIndex:
    """Offsets → 1-based (line, column), by binary search over newline positions."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self._starts = line_starts(text)

    def span(self, start: int, end: int) -> Span:
        line = bisect_right(self._starts, start)
        return Span(self.source, start, end, line, start - self._starts[line - 1] + 1)


def squeeze(text: str) -> str:
    """``" ".join(text.split())``: a printable text without double spaces (its only space
    being " ", as every other space is unprintable) needs only its ends stripped."""
    if "  " not in text and text.isprintable():
        return text.strip(" ")
    return " ".join(text.split())


def _clean(text: str) -> str:
    text = squeeze(text).strip(" ,;:")
    return text if len(text) <= _MAX else text[: _MAX - 1] + "…"


def _paraphrase(text: str, hit: Hit, index: Sentences,
                para: tuple[int, int] | None = None) -> str:
    ps, pe = para or paragraph(text, hit.start)
    ss, se = sentence(text, hit.start, ps, pe, index)
    if not hit.primary:
        return _clean(text[ss:se])
    pos = skip_adjuncts(text, hit.end, se)[0]
    after = text[pos:se].strip()
    if after[:1] in ("", ",", ".", ";") and len(text[ss : hit.start].split(None, 3)) > 2:
        return _clean(text[ss : hit.start])
    return _clean(after[_lead_end(after) :])


def _lead_end(text: str) -> int:
    """``_LEAD.match(text).end()``: 0 unless ``text`` starts with a space, ",", ";", ":" or
    "that" (every ``\\s`` is a ``str.isspace`` character)."""
    if text[:1] in (",", ";", ":") or text[:1].isspace() or text.startswith("that"):
        return _LEAD.match(text).end()  # type: ignore[union-attr]
    return 0


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``QUOTE.finditer(text)``, found with ``str.find`` in linear time.

    The pattern would try up to 3000 characters from every opening quote, so a flood of
    unclosed “ costs 3000 steps a character; here each ``find`` result is cached and reused
    until the scan passes it, and a failed “ skips every later “ that must fail alike (none
    closes after it, a newline comes first, or the close is too far).

    >>> quote_spans('“One,” he said. "Two" “three')
    [(0, 6), (16, 21)]
    """
    n = len(text)
    # the last ``find`` of each character (n when none), reused while it is at or after the
    # position searched from
    curly_open = straight = curly_close = newline = -1
    out: list[tuple[int, int]] = []
    pos = curly = 0  # curly: no “ before this can open a quote
    while True:
        lo = pos if pos > curly else curly
        if curly_open < lo:
            curly_open = text.find("“", lo)
            if curly_open < 0:
                curly_open = n
        if straight < pos:
            straight = text.find('"', pos)
            if straight < 0:
                straight = n
        a = curly_open if curly_open < straight else straight
        if a >= n:
            return out
        if a == curly_open:
            if curly_close <= a:
                curly_close = text.find("”", a + 1)
                if curly_close < 0:
                    curly_close = n
            e = curly_close
        else:
            if straight <= a:
                straight = text.find('"', a + 1)
                if straight < 0:
                    straight = n
            e = straight
        if newline <= a:
            newline = text.find("\n", a + 1)
            if newline < 0:
                newline = n
        if 2 <= e - a <= 3001 and newline > e:
            out.append((a, e + 1))
            pos = e + 1
            continue
        pos = a + 1
        if a == curly_open:  # every “ up to the newline or too far from e fails the same way
            curly = n if e >= n else newline + 1 if newline < e else max(a + 1, e - 3001)
        elif e == a + 1:  # in a run of " each closes the one before empty: try the last
            pos = max(pos, _QUOTE_RUN.match(text, a).end() - 1)  # type: ignore[union-attr]


def _nearest(starts: list[int], runmax: list[int], a: int, b: int) -> int:
    """Position, among hits sorted by start, of the one nearest to the quote ``[a, b)``.

    The same choice as ``min(range(n), key=distance)`` (ties to the first): hits starting at or
    after ``b`` are ``start - b`` away, the nearest being the first of them; the others are
    ``max(0, a - end)`` away, the nearest being the first whose end reaches the running
    maximum (or ``a``). ``runmax`` holds the running maximum of the hits' ends.
    """
    k = bisect_left(starts, b)
    if k == 0:
        return 0
    top = runmax[k - 1]
    if k < len(starts) and starts[k] - b < a - top:
        return k
    return bisect_left(runmax, min(a, top), 0, k)


def _joined(pieces: list[str], sizes: list[int], i: int, j: int) -> str:
    """``_clean(" … ".join(pieces[i:j]))`` reading only as many pieces as the result needs.

    ``sizes`` are prefix sums of each piece's normalised length plus 3 (its separator and
    spaces). The separator "…" survives ``strip``, so once the pieces read reach ``_MAX``
    characters past the first piece, the rest only ever lands beyond the truncation point.
    """
    cut = bisect_left(sizes, sizes[i + 1] + _MAX + 8, i + 1, j + 1)
    if cut < j:  # pieces[i:cut] fill more than _MAX characters and more pieces follow
        text = " ".join(" … ".join(pieces[i:cut]).split()).lstrip(" ,;:")
        return text[: _MAX - 1] + "…"
    return _clean(" … ".join(pieces[i:j]))


def _run(pieces: list[str]) -> str:
    """``_clean(" … ".join(pieces))``: through ``_joined`` unless the pieces and their
    separators are too short to reach past ``_MAX`` characters (``_joined`` joins them all
    then)."""
    if sum(map(len, pieces)) + 3 * len(pieces) < _MAX + 8:
        return _clean(" … ".join(pieces))
    sizes = [0]
    for piece in pieces:
        size = len(squeeze(piece))  # the words' lengths and the spaces between them
        sizes.append(sizes[-1] + (size + 3 if size else 2))
    return _joined(pieces, sizes, 0, len(pieces))


def evidence_texts(text: str, hits: Sequence[Hit], index: Sentences | None = None) -> list[str]:
    """One text per hit: the quotes nearest to it in its paragraph, else a paraphrase.

    Linear: a paragraph with many hits finds each quote's nearest hit by bisection, and a
    lone hit takes its paragraph's quotes as one run, of which only the first ``_MAX``
    characters are joined.
    """
    index = index or Sentences(text)
    groups: dict[int, tuple[int, list[int]]] = {}
    paras: dict[int, tuple[int, int]] = {}
    for i, hit in enumerate(hits):
        if hit.primary:
            ps, pe = paras[i] = paragraph(text, hit.start)
            groups.setdefault(ps, (pe, []))[1].append(i)
    # scare-quoted single words ("Shahab-3") are not statements
    spans = [(a, b) for a, b in quote_spans(text) if text.find(" ", a, b) >= 0]
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    quotes: dict[int, list[str]] = {}
    runs: dict[int, list[str]] = {}
    for ps, (pe, members) in groups.items():
        lo = bisect_left(starts, ps)
        hi = min(bisect_left(starts, pe), bisect_right(ends, pe))  # quotes ending past pe skip
        if lo >= hi:
            continue
        pieces = [text[starts[k] + 1 : ends[k] - 1].strip(" ,") for k in range(lo, hi)]
        if len(members) == 1:
            runs[members[0]] = pieces
            continue
        m_starts = [hits[i].start for i in members]
        runmax = list(accumulate((hits[i].end for i in members), max))
        for k in range(lo, hi):
            best = members[_nearest(m_starts, runmax, starts[k], ends[k])]
            quotes.setdefault(best, []).append(pieces[k - lo])
    out = []
    for i, hit in enumerate(hits):
        if i in runs:
            out.append(_run(runs[i]))
        elif i in quotes:
            out.append(_clean(" … ".join(quotes[i])))
        else:
            out.append(_paraphrase(text, hit, index, paras.get(i)))
    return out
