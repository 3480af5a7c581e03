"""The quoted or paraphrased text each mention vouches for, and spans with line/column.

>>> text = "“It is late,” said Uzi Rubin. The talks failed, officials said."
>>> from citenorm.attribution.scan import scan
>>> evidence_texts(text, scan(text))
['It is late', 'The talks failed']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from ..model import Span
from .scan import Hit, Sentences, paragraph, sentence, skip_adjuncts

_NEWLINE = regex.compile(r"\n")
_LEAD = regex.compile(r"^[\s,;:]{0,5}(?:that\s)?")
_MAX = 500


class LineIndex:
    """Offsets → 1-based (line, column), by binary search over newline positions."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def span(self, start: int, end: int) -> Span:
        line = bisect_right(self._starts, start)
        return Span(self.source, start, end, line, start - self._starts[line - 1] + 1)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    return text if len(text) <= _MAX else text[: _MAX - 1] + "…"


def _paraphrase(text: str, hit: Hit, index: Sentences) -> str:
    ps, pe = paragraph(text, hit.start)
    ss, se = sentence(text, hit.start, ps, pe, index)
    if not hit.primary:
        return _clean(text[ss:se])
    pos = skip_adjuncts(text, hit.end, se)[0]
    after = text[pos:se].strip()
    if after[:1] in ("", ",", ".", ";") and len(text[ss : hit.start].split()) > 2:
        return _clean(text[ss : hit.start])
    return _clean(after[_LEAD.match(after).end() :])  # type: ignore[union-attr]


def _distance(hit: Hit, start: int, end: int) -> int:
    if end <= hit.start:
        return hit.start - end
    if start >= hit.end:
        return start - hit.end
    return 0


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``QUOTE.finditer(text)``, found with ``str.find`` in linear time.

    The pattern would try up to 3000 characters from every opening quote, so a flood of
    unclosed “ costs 3000 steps a character; here each ``find`` result is cached and reused
    until the scan passes it, so every character is looked at a bounded number of times.

    >>> quote_spans('“One,” he said. "Two" “three')
    [(0, 6), (16, 21)]
    """
    n = len(text)
    nxt = {"“": -1, "”": -1, '"': -1, "\n": -1}

    def find(ch: str, p: int) -> int:
        at = nxt[ch]
        if at < p:
            at = text.find(ch, p)
            at = nxt[ch] = n if at < 0 else at
        return at

    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        a = min(find("“", pos), find('"', pos))
        if a >= n:
            return out
        e = find("”" if text[a] == "“" else '"', a + 1)
        if 2 <= e - a <= 3001 and find("\n", a + 1) > e:
            out.append((a, e + 1))
            pos = e + 1
        else:
            pos = a + 1


def evidence_texts(text: str, hits: Sequence[Hit], index: Sentences | None = None) -> list[str]:
    """One text per hit: the quotes nearest to it in its paragraph, else a paraphrase."""
    index = index or Sentences(text)
    quotes: dict[int, list[str]] = {}
    by_para: dict[int, list[int]] = {}
    for i, hit in enumerate(hits):
        if hit.primary:
            by_para.setdefault(paragraph(text, hit.start)[0], []).append(i)
    spans = [(a, b) for a, b in quote_spans(text) if text.find(" ", a, b) >= 0]
    starts = [a for a, _ in spans]  # scare-quoted single words ("Shahab-3") are not statements
    for ps, members in by_para.items():
        pe = paragraph(text, hits[members[0]].start)[1]
        for a, b in spans[bisect_left(starts, ps) : bisect_left(starts, pe)]:
            if b > pe:
                continue
            best = min(members, key=lambda i: _distance(hits[i], a, b))
            quotes.setdefault(best, []).append(text[a + 1 : b - 1].strip(" ,"))
    return [
        _clean(" … ".join(quotes[i])) if i in quotes else _paraphrase(text, hit, index)
        for i, hit in enumerate(hits)
    ]
