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
from .cues import QUOTE
from .scan import Hit, paragraph, sentence, skip_adjuncts

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


def _paraphrase(text: str, hit: Hit) -> str:
    ps, pe = paragraph(text, hit.start)
    ss, se = sentence(text, hit.start, ps, pe)
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


def evidence_texts(text: str, hits: Sequence[Hit]) -> list[str]:
    """One text per hit: the quotes nearest to it in its paragraph, else a paraphrase."""
    quotes: dict[int, list[str]] = {}
    by_para: dict[int, list[int]] = {}
    for i, hit in enumerate(hits):
        if hit.primary:
            by_para.setdefault(paragraph(text, hit.start)[0], []).append(i)
    spans = [(q.start(), q.end()) for q in QUOTE.finditer(text) if " " in q.group().strip()]
    starts = [a for a, _ in spans]  # scare-quoted single words ("Shahab-3") are not statements
    for ps, members in by_para.items():
        pe = paragraph(text, hits[members[0]].start)[1]
        for a, b in spans[bisect_left(starts, ps) : bisect_left(starts, pe)]:
            if b > pe:
                continue
            best = min(members, key=lambda i: _distance(hits[i], a, b))
            quotes.setdefault(best, []).append(text[a + 1 : b - 1].strip(" ,"))
    return [
        _clean(" … ".join(quotes[i])) if i in quotes else _paraphrase(text, hit)
        for i, hit in enumerate(hits)
    ]
