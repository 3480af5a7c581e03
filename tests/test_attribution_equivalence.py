"""The attribution fast paths give exactly what the plain regex searches they replace give.

Seeded random texts built from the characters and words each fast path cares about.
"""

from __future__ import annotations

import importlib
import random
from bisect import bisect_left
from itertools import accumulate

import pytest

from citenorm.attribution import evidence, phrases
from citenorm.attribution.cues import (
    ANONYMITY,
    MEDIUM,
    QUOTE,
    REPORT,
    SENT_END,
    SENT_END_REV,
    anonymity,
    linked,
)

scan = importlib.import_module("citenorm.attribution.scan")  # the package exports scan()

_WORDS = ["Kim", "said", "Mr.", "Dr.", "U.S.", "A.", "x.", "Yes!", "no?", "“Hi.”", "(See", "of",
          "the", "Lee", ",", ";", " -- ", "—", "\n", "  ", "     ", "\t", "”", "\"", "’)", "--"]


def _text(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(_WORDS) + rnd.choice(["", " ", " ", "  "]) for _ in range(n))


@pytest.mark.parametrize("seed", range(4))
def test_sentence_index_matches_regex(seed: int) -> None:
    rnd = random.Random(seed)
    text = _text(rnd, 3000)
    index = scan.Sentences(text)
    for _ in range(3000):
        lo = rnd.randrange(len(text))
        hi = min(len(text), lo + rnd.randrange(700))
        m = SENT_END.search(text, lo, hi)
        assert index.first(lo, hi) == (m.span() if m else None)
        m = SENT_END_REV.search(text, lo, hi)
        assert index.last(lo, hi) == (m.span() if m else None)
        pos = rnd.randrange(len(text))
        ps, pe = scan.paragraph(text, pos)
        assert scan.sentence(text, pos, ps, pe, index) == scan.sentence(text, pos, ps, pe)


def test_quote_spans_match_regex() -> None:
    rnd = random.Random(1)
    alphabet = ["“", "”", '"', "\n", "a", " ", "x" * 1500]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(40)))
        assert evidence.quote_spans(text) == [m.span() for m in QUOTE.finditer(text)]


@pytest.mark.parametrize("seed", range(3))
def test_clause_boundary_and_subject_walk(seed: int) -> None:
    rnd = random.Random(seed)
    text = _text(rnd, 4000)
    for _ in range(3000):
        hi = rnd.randrange(1, len(text))
        lo = max(0, hi - rnd.randrange(700))
        b = scan._BOUND_REV.search(text, lo, hi)
        assert scan._last_boundary(text, lo, hi) == (b.end() if b else -1)
        expected = phrases.walk_back(text, b.end() if b else lo, hi)
        assert scan._subject_before(text, lo, hi) == expected


@pytest.mark.parametrize("seed", range(4))
def test_linked_matches_report_and_medium(seed: int) -> None:
    rnd = random.Random(seed)
    words = ["report", "misreport", "study", "white", "paper", "analysis", "carried", "run",
             "rerun", "broadcast", "by", "on", "from", "the", "The", "IAEA", "2019", "x", "Kim"]
    spaces = [" ", " ", "\n", "\t", "\xa0", "\x1c", "", "  ", ","]
    for _ in range(300):
        text = "".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randrange(60)))
        reports, media = linked(text)
        assert [m.span() for m in reports] == [m.span() for m in REPORT.finditer(text)], text
        assert [m.span() for m in media] == [m.span() for m in MEDIUM.finditer(text)], text


def test_anonymity_prefilter() -> None:
    texts = ["who spoke on condition of anonymity", "declined to be identified", "UNNAMED",
             "not authorised to speak", "Not To Be Quoted", "anonymous", "Kim said", "notable"]
    for text in texts:
        assert anonymity(text, 0, len(text)) == bool(ANONYMITY.search(text))


def test_nearest_hit_matches_min() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        n = rnd.randrange(1, 8)
        starts = sorted(rnd.randrange(60) for _ in range(n))
        ends = [s + rnd.randrange(1, 20) for s in starts]
        a = rnd.randrange(80)
        b = a + rnd.randrange(1, 10)

        dist = [starts[i] - b if b <= starts[i] else max(0, a - ends[i]) for i in range(n)]
        runmax = list(accumulate(ends, max))
        assert evidence._nearest(starts, runmax, a, b) == dist.index(min(dist))
        assert bisect_left(starts, b) <= n


def test_joined_matches_clean() -> None:
    rnd = random.Random(3)
    for _ in range(2000):
        pieces = [rnd.choice(["", ";;", ", a", "we are here", "x " * rnd.randrange(300), "b"])
                  for _ in range(rnd.randrange(1, 40))]
        sizes = [0, *accumulate(sum(map(len, p.split())) + len(p.split()) + 2 for p in pieces)]
        i = rnd.randrange(len(pieces))
        j = rnd.randrange(i + 1, len(pieces) + 1)
        assert evidence._joined(pieces, sizes, i, j) == evidence._clean(" … ".join(pieces[i:j]))


def test_photo_prefilter() -> None:
    metadata = importlib.import_module("citenorm.attribution.metadata")
    lines = ["Kim Jong Un at the parade [YONHAP]", "(AP Photo/Lee Jin-man)", "PHOTO: Reuters",
             "Photo by Kim", "photo courtesy of KCNA", "Seoul, May 21 (Yonhap) --", "plain line",
             "Photos: none", "(Xinhua)"]
    for line in lines:
        m = metadata._PHOTO.search(line)
        got = metadata._photo(line)
        assert (got.span() if got else None) == (m.span() if m else None)
