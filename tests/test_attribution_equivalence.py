"""The attribution fast paths give exactly what the plain regex searches they replace give.

Seeded random texts built from the characters and words each fast path cares about.
"""

from __future__ import annotations

import importlib
import random
from bisect import bisect_left
from itertools import accumulate

import pytest

from citenorm.attribution import cues, evidence, phrases
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
             "rerun", "broadcast", "by", "on", "from", "the", "The", "IAEA", "2019", "x", "Kim",
             "researchers", "scientists", "at", "of"]
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


_META_WORDS = ["Log", "in", "LOGİN", "Sign", "up", "ſubscribe", "sitemap", "Newsletter", "COOKİE",
               "Advertisement", "print", "Menu", "menus", ">", " > ", " - ", " | ", "-", "|", "—",
               "–", "Time", "tİme", "Published", "posted", "UPDATED", "date", "first", ":",
               "on", "2024-03-14", "2024.3.1", "May", "14,", "2024", "14", "March", "Tuesday,",
               "09:30", "©", "Copyright", "(c)", "(C)", "Photo", "PHOTO", "by", "courtesy of",
               "[YONHAP]", "(AP", "Photo/Lee)", "Korea", "Herald", "Korea Herald", "Times",
               "Japan Times", "Daily NK", "NK", "The", "Diplomat", "The Diplomat", "Kim",
               "\u0307", "K", "x" * 40, "\t", "\xa0", "\x1c", "  ", ".", "blogger", "LOG\u2003IN",
               "sign\tup", "design", "sprint", "Print", "(KCNA)", "(Reuters", ")", "]", "[", "(",
               "(c)", "Copyright", "2019", "1", "\u2028", "\x85", "\r", "\n", "Source", "ſOURCE",
               "source:", "Source :"]


def _meta_line(rnd: random.Random) -> str:
    seps = ["", " ", " ", "  ", "\t"]
    return "".join(rnd.choice(_META_WORDS) + rnd.choice(seps) for _ in range(rnd.randrange(12)))


def test_fold_keeps_case_insensitive_matches_of_words() -> None:
    """Every character a case-insensitive letter matches folds to that letter (İ: with U+0307
    dropped), so a word matched in any case is found in ``fold`` of the text."""
    metadata = importlib.import_module("citenorm.attribution.metadata")
    import regex

    chars = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in regex.findall("(?i)" + letter, chars):
            assert metadata.fold(ch) == letter, (letter, hex(ord(ch)))
    # a \s of the patterns is kept by fold and stripped by str.strip
    for ch in regex.findall(r"\s", chars):
        assert metadata.fold(ch) == ch and not ch.strip(), hex(ord(ch))


def _span(m: object) -> tuple[int, int] | None:
    return m.span() if m is not None else None  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(4))
def test_metadata_prefilters_match_regex(seed: int) -> None:
    metadata = importlib.import_module("citenorm.attribution.metadata")
    import regex

    plain_media = regex.compile("|".join(regex.escape(m) for m in metadata.MEDIA_NAMES))
    rnd = random.Random(seed)
    for _ in range(3000):
        line = _meta_line(rnd)
        low = metadata.fold(line)
        assert metadata._menu(line, low) == bool(metadata._MENU.search(line)), line
        assert _span(metadata._timestamp(line, low)) == _span(metadata._TIMESTAMP.search(line))
        assert _span(metadata._date_line(line)) == _span(metadata._DATE_LINE.match(line)), line
        assert _span(metadata._photo(line, low)) == _span(metadata._PHOTO.search(line)), line
        if metadata._COPYRIGHT.search(line):
            assert metadata._copyright_key(line, low), line
        if metadata._SOURCE.search(line):
            assert ":" in line and "source" in low, line
        if metadata._SUFFIX.match(line.strip()):
            assert metadata._has_separator(line), line
        assert _span(metadata._MEDIA.search(line)) == _span(plain_media.search(line)), line
        strip = line.strip()
        assert _span(metadata._MEDIA.fullmatch(strip)) == _span(plain_media.fullmatch(strip))


def test_date_line_length_bound() -> None:
    """The longest line ``_DATE_LINE`` matches, between its outer spaces, is the bound."""
    metadata = importlib.import_module("citenorm.attribution.metadata")
    longest = "Wednesday, September. 12, 2024, 10:30" + "x" * 20
    assert len(longest) == metadata._DATE_LINE_CORE
    assert metadata._DATE_LINE.match(" " + longest + " ")
    assert not metadata._DATE_LINE.match(longest + "x")


@pytest.mark.parametrize("seed", range(2))
def test_date_line_and_timestamp_prefilters(seed: int) -> None:
    metadata = importlib.import_module("citenorm.attribution.metadata")
    words = ["Wednesday,", "Sept.", "September", "12,", "2024", "2024-03-14", "14", "May",
             "10:30", "a.m.", "KST", "x" * 9, "Updated:", "PUBLİSHED", "on", "Date", "\xa0",
             "\x1c", "\t", "\n", "", "x" * 19]
    rnd = random.Random(seed)
    matched = 0
    for _ in range(20000):
        line = "".join(rnd.choice(words) + rnd.choice(["", " ", " ", "  ", ", "])
                       for _ in range(rnd.randrange(1, 7)))
        m = metadata._DATE_LINE.match(line)
        matched += m is not None
        assert _span(metadata._date_line(line)) == _span(m), line
        low = metadata.fold(line)
        assert _span(metadata._timestamp(line, low)) == _span(metadata._TIMESTAMP.search(line))
    assert matched > 100


def test_line_starts_match_regex() -> None:
    rnd = random.Random(11)
    for _ in range(2000):
        text = "".join(rnd.choice(["\n", "\r\n", "a", " ", "\u2028", "xyz"])
                       for _ in range(rnd.randrange(30)))
        plain = [0] + [m.end() for m in evidence._NEWLINE.finditer(text)]
        assert evidence.line_starts(text) == plain, repr(text)


@pytest.mark.parametrize("seed", range(2))
def test_relative_date_prefilters(seed: int) -> None:
    reldates = importlib.import_module("citenorm.attribution.reldates")
    words = ["last", "this", "next", "earlier", "later", "on", "in", "Monday", "TUESDAY", "DaY",
             "wednes", "day", "ſept.", "Sept", "SEPTEMBER", "Jan.", "may", "MAR", "march", "dec",
             "Month", "YEAR", "years", "2019", "12th", "3", ",", "the", "same", "mayday", "K"]
    rnd = random.Random(seed)
    for _ in range(5000):
        phrase = " ".join(rnd.choice(words) for _ in range(rnd.randrange(1, 6)))
        folded = phrase.casefold()
        if reldates._WEEKDAY.search(phrase):
            assert "day" in folded, phrase
        if reldates._MONTH.search(phrase):
            assert reldates._has_month(folded), phrase
        if reldates._PERIOD.search(phrase):
            assert "month" in folded or "year" in folded, phrase


def test_squeeze_matches_split_join() -> None:
    rnd = random.Random(13)
    alphabet = ["a", "b", " ", "  ", "\t", "\n", "\xa0", "\x1c", "\u2003", "\xad", ",", ";", ":",
                "“", "é"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(20)))
        assert evidence.squeeze(text) == " ".join(text.split()), repr(text)
    # every space str.split splits on but " " is unprintable
    spaces = [c for c in map(chr, range(0x110000)) if c.isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


def test_lead_end_matches_regex() -> None:
    rnd = random.Random(17)
    alphabet = ["that", "that ", "thatx", "t", " ", "\t", "\x1c", "\xa0", ",", ";", ":", "a", "."]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(6)))
        m = evidence._LEAD.match(text)
        assert m is not None and evidence._lead_end(text) == m.end(), repr(text)


@pytest.mark.parametrize("seed", range(3))
def test_word_spans_match_a_compiled_pattern(seed: int) -> None:
    """``link.word_spans`` finds what a per-word IGNORECASE pattern finds."""
    import regex

    from citenorm.attribution.link import word_spans

    rnd = random.Random(seed)
    pieces = ["Rubin", "RUBIN", "rubin", "al-", "Al-", "ASH-", "as", "h-", "-", " ", ". ", "x",
              "é", "\u0301", "Ó", "stein", "Ní ", "Bhriain", "'", "’", "\n", "İ"]
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 30)))
        word = rnd.choice(["Rubin", "Bhriain", "Ní Bhriain", "h", "x"])
        lo = rnd.randrange(len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        pattern = regex.compile(r"(?<![\p{L}\p{M}])(?:(?i:al|el|ad|an|ar|as|ash|at|az)-)?"
                                + regex.escape(word) + r"(?![\p{L}\p{M}\-])", regex.IGNORECASE)
        expected = [m.span() for m in pattern.finditer(text, lo, hi)]
        assert word_spans(text, word, lo, hi) == expected, (text, word, lo, hi)


@pytest.mark.parametrize("seed", range(3))
def test_tokens_match_token_regex(seed: int) -> None:
    """``tokens``/``tokens_rev`` and their starts found by ``find``/``rfind`` are the matches
    of ``TOKEN``/``TOKEN_REV`` (white space U+001C–U+001F and over-long runs included)."""
    from itertools import islice

    from citenorm.attribution.cues import TOKEN, TOKEN_REV, tokens, tokens_rev

    rnd = random.Random(seed)
    pieces = ["Kim", "said", "a", " ", " ", "  ", "\n", "\t", "\xa0", "\x1c", "\x1f", "\u2003",
              "“", "”", ",", "x" * 79, "y" * 45, "\u200b", "é"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(40)))
        lo = rnd.randrange(len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        n = rnd.randrange(1, 18)
        fwd = list(islice(TOKEN.finditer(text, lo, hi), n))
        words = tokens(text, lo, hi, n)
        assert words == [m.group() for m in fwd], (text, lo, hi, n)
        pos = lo
        for w, m in zip(words, fwd, strict=True):
            pos = text.find(w, pos, hi)
            assert pos == m.start()
            pos += len(w)
        rev = list(islice(TOKEN_REV.finditer(text, lo, hi), n))
        words = tokens_rev(text, lo, hi, n)
        assert words == [m.group() for m in rev], (text, lo, hi, n)
        pos = hi
        for w, m in zip(words, rev, strict=True):
            pos = text.rfind(w, lo, pos)
            assert pos == m.start()


@pytest.mark.parametrize("seed", range(3))
def test_last_boundary_sparse(seed: int) -> None:
    """Few boundaries in long windows: the tail search, the ``rfind`` rest and a ``" -- "``
    across the tail's start."""
    rnd = random.Random(seed)
    pieces = ["word", "Kim", " ", " ", "  ", "\n", "\x1c", "\u2003", "-", "x" * 30, " -- ", "--",
              ",", "“", "—"]
    weights = [8, 8, 10, 10, 4, 1, 1, 1, 2, 3, 1, 1, 1, 1, 1]
    for _ in range(3000):
        text = "".join(rnd.choices(pieces, weights, k=rnd.randrange(1, 80)))
        hi = rnd.randrange(len(text) + 1)
        lo = max(0, hi - rnd.randrange(300))
        b = scan._BOUND_REV.search(text, lo, hi)
        assert scan._last_boundary(text, lo, hi) == (b.end() if b else -1), (text, lo, hi)


def _skip_adjuncts_plain(text: str, pos: int, hi: int) -> tuple[int, str, bool, bool]:
    """``scan.skip_adjuncts`` trying both patterns on every adjunct word (no "the" shortcut)."""
    from citenorm.attribution.cues import ADJUNCT, DATE_PHRASE

    date, statement, speech = "", False, False
    for _ in range(3):
        while pos < hi and text[pos] == " ":
            pos += 1
        if not text[pos : pos + 1].isalpha():
            break
        word = text[pos : pos + 12].split(" ", 1)[0].rstrip(",.").lower()
        if word not in scan._ADJUNCT_START:
            break
        d = DATE_PHRASE.match(text, pos, hi)
        if d and d.end() > pos and (d.end() == hi or not text[d.end()].isalpha()):
            date, pos = date or d.group(), d.end()
            continue
        a = ADJUNCT.match(text, pos, hi)
        if a:
            statement |= bool(a.group("statement"))
            speech |= bool(a.group("speech"))
            pos = a.end()
            continue
        break
    return pos, date, statement, speech


@pytest.mark.parametrize("seed", range(3))
def test_skip_adjuncts_shortcuts(seed: int) -> None:
    rnd = random.Random(seed)
    words = ["the", "The", "THE", "following", "previous", "day", "in", "a", "statement", "on",
             "Monday", "at", "news", "conference", "last", "week", "said", "the,", "the.",
             "x" * 12, "the following day", "the previous\nday", "the\nfollowing day"]
    spaces = [" ", " ", "  ", "\n", "\xa0", ",", ".", ""]
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randrange(8)))
        pos = rnd.randrange(len(text) + 1)
        hi = rnd.randrange(pos, len(text) + 1)
        assert scan.skip_adjuncts(text, pos, hi) == _skip_adjuncts_plain(text, pos, hi), text


def test_possessor_end_without_possessive() -> None:
    rnd = random.Random(5)
    pieces = ["Deloitte", "’s", "'s", "China", " ", "Annual", "Review", "s", "’", "'"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(10)))
        end = rnd.randrange(len(text) + 1)
        start = rnd.randrange(end + 1)
        expected = end
        for tok in scan.TOKEN.finditer(text, start, end):
            word = tok.group()
            if word.endswith(("’s", "'s")) and tok.end() < end:
                owner = text[start : tok.end() - 2].split()
                if owner and owner[-1][:1].isupper() and not scan.is_place(owner):
                    expected = tok.end() - 2
                break
        assert scan._possessor_end(text, start, end) == expected, (text, start, end)


@pytest.mark.parametrize("seed", range(3))
def test_edited_and_photo_narrowed_searches(seed: int) -> None:
    """``_edited`` starts its scan on the first "Edited" line; ``_photo`` searches a bracketed
    ending from its last opener."""
    metadata = importlib.import_module("citenorm.attribution.metadata")
    rnd = random.Random(seed)
    pieces = ["Edited", " by ", "Mike Firn", ".", "\n", "\n\n", "  ", "\t", "x", "Edited by",
              "(AP", "(Reuters)", ")", "(", "[YONHAP]", "[", "]", "KIM", "/", " ", "\x1c", "Photo",
              "\nEdited by Kim Lee.", "\n \nEdited by Jo\n", "Edited by Ann\n"]
    weights = [2, 2, 2, 1, 3, 1, 1, 1, 2, 1, 2, 1, 2, 2, 1, 2, 2, 1, 1, 3, 1, 1, 2, 2, 2]
    for _ in range(3000):
        text = "".join(rnd.choices(pieces, weights, k=rnd.randrange(1, 30)))
        lo = rnd.randrange(len(text) + 1)
        got = [(m.end(), m.group("names")) for m in metadata._edited(text, lo)]
        want = [(m.end(), m.group("names")) for m in metadata._EDITED.finditer(text, lo)]
        assert got == want, (text, lo)
        line = text.replace("\n", " ")
        assert _span(metadata._photo(line)) == _span(metadata._PHOTO.search(line)), line


def test_run_matches_clean() -> None:
    """``_run`` joins short runs whole and long ones through ``_joined``."""
    rnd = random.Random(4)
    words = ["", ";;", ", a", "we  are\there", "x " * 60, "b", " ,", "\u2003y", "z" * 200]
    for _ in range(3000):
        pieces = [rnd.choice(words) for _ in range(rnd.randrange(1, 12))]
        assert evidence._run(pieces) == evidence._clean(" … ".join(pieces)), pieces


#: (pattern, its literal-led fast path, words, spaces, most words) for the texts of the
#: test below.
_FAST_FINDERS = {
    "statement_from": (cues.STATEMENT_FROM, cues.statement_from, [
        "a", "A", "an", "the", "The", "its", "Its", "joint", "separate", "new", "statement",
        "statements", "letter", "memo", "issued", "signed", "from", "by", "Kim", "x"],
        [" ", " ", "\n", "\t", "\xa0", "\x1c", "", "  ", ","], 60),
    "report_released": (cues.REPORT_RELEASED, cues.report_released, [
        "a", "A", "report", "study", "survey", "assessment", "released", "published", "issued",
        "in", "on", "last", "January", "Monday", "by", "from", "the", "IEA", "2019", "x",
        "reissued", "unpublished"], [" ", " ", "\n", "\xa0", "", "  ", ","], 40),
    "per_matches": (cues.PER, cues.per_matches, [
        "per", "Per", "paper", "super", "percent", "cent", "ESPN", "the", "x", "(", "—", "–",
        ",", "’", "1", "PerX", "Yole"], [" ", " ", "\n", "\t", "\xa0", "", "  ", ",", "\x1c"],
        40),
}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("name", sorted(_FAST_FINDERS))
def test_fast_finder_matches_its_pattern(name: str, seed: int) -> None:
    """``statement_from``, ``report_released`` and ``per_matches`` find the spans of
    ``PATTERN.finditer(text)`` from the literals every match holds."""
    pattern, fast, words, spaces, most = _FAST_FINDERS[name]
    rnd = random.Random(seed)
    for _ in range(400):
        text = "".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randrange(most)))
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in fast(text)] == expected, text
