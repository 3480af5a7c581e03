"""The attribution scanner: cue hits → :class:`Hit` (who, where, the time phrase, the setting).

One pass of each precompiled pattern over the text; each hit is then read in a bounded
window around it (its paragraph and sentence).

>>> [(h.cue, h.subject) for h in scan("“It is unproven,” said Alon Ben-David, an analyst.")]
[('say', 'Alon Ben-David')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

import regex

from .cues import (
    ACCORDING,
    ADJUNCT,
    CALLED_QUOTE,
    CUE,
    DATE_PHRASE,
    DESCRIBED_AS,
    INVERTIBLE,
    LEMMA,
    MEDIUM_CONTEXT,
    NEEDS_CLAUSE,
    POSTED_ON,
    QUOTED_BY,
    REPORT_LEAD,
    SENT_END,
    SENT_END_REV,
    SETTING,
    SOURCE_MATERIAL,
    STATEMENT_LEAD,
    THAT_CLAUSE,
    TOKEN,
    anonymity,
    cue_matches,
    linked,
    per_matches,
    report_released,
    statement_from,
    tokens_rev,
)
from .lexicon import ADVERBS, ORG_HEADS, WEEKDAY_MONTH
from .phrases import appositive, walk_back, walk_back_reach, walk_forward
from .sources import PEOPLE_AT, STAFF, classify, is_capitalized, is_place

_AUX = frozenset(
    "has have had also later then previously earlier repeatedly further again once first"
    .split()
)
_PASSIVE = frozenset("was were is are been be being".split())
#: Auxiliaries and modals: a chunk holding one is a clause, not a description of a source.
_AUXILIARY = frozenset(
    "is are was were has have had will would could can may might must should did does do"
    .split()
)
_BOUND_REV = regex.compile(r"[,;:“”\"—–]|\s--\s", regex.REVERSE)
_DASHES_REV = regex.compile(r"\s--\s", regex.REVERSE)


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """``m.end()`` of ``_BOUND_REV.search(text, lo, hi)``, or -1: a few ``rfind`` calls.

    The reverse search returns the match ending last; a one-character boundary and a
    ``" -- "`` cannot end at the same place.
    """
    rfind = text.rfind
    end = max(rfind(",", lo, hi), rfind(";", lo, hi), rfind(":", lo, hi), rfind("“", lo, hi),
              rfind("”", lo, hi), rfind('"', lo, hi), rfind("—", lo, hi), rfind("–", lo, hi))
    end = end + 1 if end >= 0 else -1
    if text.find("--", lo, hi) >= 0:
        d = _DASHES_REV.search(text, lo, hi)
        if d and d.end() > end:
            end = d.end()
    return end


_BULLETS = ("•", "·", "▶", "■", "* ", "- ")
_CLOSERS = "”\"’')"  # may close a sentence after its end mark
_AFTER_QUOTE = " \t”\"’"  # what may stand between a quotation's comma and the speaker
_CLAUSE_START = regex.compile(r"\s{0,3}(?:[,.:;“\"]|that\b|in\s|on\s|$)")
_QUOTE_NEAR = regex.compile(r"[“”\"]")
_PARA = 4000  # longest paragraph looked at around a hit (keeps one-line inputs linear)
_ADJUNCT_START = frozenset(
    """on last this next earlier later late early in during since by mid yesterday today
    recently the at monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan. feb. aug. sept.
    sep. oct. nov. dec.""".split()
)
#: A comma-free chunk, read right to left; a comma between digits ("90,000") does not split
#: (the specification of ``chunks_rev``, which finds the same spans faster).
_CHUNK_REV = regex.compile(r"(?:[^,]|(?<=\d),(?=\d)){1,300}", regex.REVERSE)
#: Asides between a name and its verb, dropped: an age ("67"), a party and state tag
#: ("R-Ga."), a home town ("of Duluth") and a state ("Minn.", "N.Y.").
_ASIDE = regex.compile(
    r"\d{1,3}|[RDI]-\p{Lu}[\p{L}.]{0,12}(?:\s\p{Lu}[\p{L}.]{0,12})?|of\s\p{Lu}[\p{L}.’'\-]{0,30}(?:\s\p{Lu}[\p{L}.’'\-]{0,30}){0,2}"
    r"|\p{Lu}\p{Ll}{0,4}\.|\p{Lu}\.\p{Lu}\."
)
_RELATIVE = frozenset("who which whose whom where".split())
#: "called for …" / "called on <someone> to …" (not "called on Monday", "called off").
_CALLED_FOR = regex.compile(
    r"\s(?:for\s|on\s(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\sphone)\b)"
    r"[^.;\n]{1,80}?\sto\s)"
)
#: A chunk ending "in <Place>", so that a capitalised chunk after it continues the place.
_IN_PLACE = regex.compile(r"\sin\s\p{Lu}[\p{L}.’'\-]{1,30}(?:\s\p{Lu}[\p{L}.’'\-]{1,30})?\s*$")
_DATA_WORDS = frozenset("data figures statistics estimates".split())
_DATA = r"(?i:data|figures|statistics|numbers|estimates)"  # what a source's data is called
_DATA_NEAR = regex.compile(_DATA)
_DATA_BEFORE = regex.compile(
    r"\b" + _DATA + r"\s(?:(?:compiled|published|released)\s"
    r"(?:\p{Ll}{1,10}\s){0,3})?(?:from|by)\s$"  # "figures released earlier this month by"
)
_GERUND = regex.compile(r"\p{Ll}{2,20}ing\b")
_ROLE_NAME = regex.compile(r"\p{Ll}[\p{Ll}\-]{1,20}\s\p{Lu}")


class Hit(NamedTuple):
    """One attribution found in the text (a NamedTuple: about 10 are made per article)."""

    start: int
    end: int
    cue: str
    subject: str
    subj_start: int
    appositive: str = ""
    date: str = ""
    statement: bool = False
    speech: bool = False
    medium: str = ""
    anonymous_hint: bool = False
    year: str = ""
    primary: bool = True
    report: str = ""


def paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line (news paragraph) around ``pos``, at most ``_PARA`` characters either side."""
    lo = pos - _PARA if pos > _PARA else 0
    start = text.rfind("\n", lo, pos)
    if start >= 0:
        lo = start + 1
    end = text.find("\n", pos, pos + _PARA)
    if end < 0:
        end = pos + _PARA if pos + _PARA < len(text) else len(text)
    return lo, end


class Sentences:
    """Every sentence end of a text, found in one pass; answers window queries by bisection.

    A ``SENT_END`` match starts on ``.!?`` and holds only closers and spaces after it, so
    matches never overlap and one forward pass finds them all. Searching a window
    ``[lo, hi)`` sees the lookbehind before ``lo`` but not the lookahead character at
    ``hi``, so a match counts in the window when ``lo <= start`` and ``end < hi``.

    >>> s = Sentences("Mr. Kim left. He said so. Then")
    >>> s.first(0, 30), s.last(0, 30)
    ((12, 14), (24, 26))
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in SENT_END.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def first(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The span of ``SENT_END.search(text, lo, hi)``."""
        i = bisect_left(self._starts, lo)
        if i < len(self._starts) and self._ends[i] < hi:
            return self._starts[i], self._ends[i]
        return None

    def last(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The span of ``SENT_END_REV.search(text, lo, hi)``."""
        i = bisect_right(self._ends, hi - 1) - 1
        if i >= 0 and self._starts[i] >= lo:
            return self._starts[i], self._ends[i]
        return None


def sentence(text: str, pos: int, ps: int, pe: int,
             index: Sentences | None = None) -> tuple[int, int]:
    """The sentence around ``pos`` inside paragraph ``[ps, pe)`` (``index``: of ``text``)."""
    lo = pos - 600 if pos - 600 > ps else ps
    hi = pos + 600 if pos + 600 < pe else pe
    upto = pos + 1 if pos < pe else pe  # min(pe, pos + 1)
    if index is None:
        m = SENT_END_REV.search(text, lo, upto)
        start = m.end() if m and m.end() <= pos else lo
        n = SENT_END.search(text, pos, hi)
        return start, n.start() + 1 if n else hi
    b = index.last(lo, upto)
    f = index.first(pos, hi)
    return b[1] if b and b[1] <= pos else lo, f[0] + 1 if f else hi


def skip_adjuncts(text: str, pos: int, hi: int) -> tuple[int, str, bool, bool]:
    """Skip time phrases and "in a statement" after a cue: (new pos, date, statement, speech)."""
    date, statement, speech = "", False, False
    for _ in range(3):
        while pos < hi and text[pos] == " ":
            pos += 1
        if not text[pos : pos + 1].isalpha():  # every adjunct word starts with a letter
            break
        word = text[pos : pos + 12].split(" ", 1)[0].rstrip(",.").lower()
        if word not in _ADJUNCT_START:
            break
        if word == "the" and not text.startswith(("the following", "the previous"), pos):
            break  # DATE_PHRASE's only phrases opening on "the" (no ADJUNCT does)
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


def chunks_rev(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The spans of ``_CHUNK_REV.finditer(text, lo, hi)`` (right to left), by ``rfind``.

    A chunk is at most 300 characters without a comma, except one between two digits.

    >>> list(chunks_rev("Kim, 67, of Seoul, which has 90,000 people, said", 0, 43))
    [(18, 42), (8, 17), (4, 7), (0, 3)]
    """
    pos = hi
    while pos > lo:
        if text[pos - 1] == "," and not _digit_comma(text, pos - 1, hi):
            pos -= 1
            continue
        limit = max(lo, pos - 300)
        k = text.rfind(",", limit, pos)
        while k >= 0 and _digit_comma(text, k, hi):
            k = text.rfind(",", limit, k)
        start = k + 1 if k >= 0 else limit
        yield start, pos
        pos = start


def _digit_comma(text: str, k: int, hi: int) -> bool:
    """Whether the comma at ``k`` stands between two decimal digits (the right one before hi)."""
    return k > 0 and k + 1 < hi and text[k - 1].isdecimal() and text[k + 1].isdecimal()


def _case_b(text: str, lo: int, hi: int) -> tuple[tuple[int, int], str, bool] | None:
    """``Name, appositive, said`` / ``descriptor, the Org, said``: (NP span, appositive, anon)."""
    chunks: list[tuple[int, int]] = []
    for a, b in chunks_rev(text, max(lo, hi - 400), hi):
        chunk = text[a:b].strip()
        if chunk and not _ASIDE.fullmatch(chunk):
            chunks.insert(0, (a, b))
            if len(chunks) == 4:
                break
    if len(chunks) >= 3 and text[chunks[-2][0] : chunks[-2][1]].split()[0] == "which" and len(
            text[chunks[-1][0] : chunks[-1][1]].split()) <= 3:
        chunks.pop()  # "GSK, which makes a competing vaccine, Arexvy, said": the clause's object
    anon = False
    while chunks:
        words = text[chunks[-1][0] : chunks[-1][1]].split()
        first = words[0].lower() if words else ""
        if first in _RELATIVE:
            anon |= _relative_aside(text, *chunks[-1])
            chunks.pop()
        elif len(words) == 1 and first in ADVERBS:
            chunks.pop()
        elif len(chunks) >= 2 and words and words[0][:1].isupper() and (is_place(words) or (
                len(words) == 1 and (_IN_PLACE.search(text, *chunks[-2])
                                     or _ends_body(text, *chunks[-2])))):
            # "…, a meteorologist in Memphis, Tennessee, said", "the Federal Medical Centre
            # (FMC), Owo, which runs …, say": the place
            chunks.pop()
        else:
            break
    if not chunks:
        return None
    if len(chunks) >= 2 and _name_goes_on(text, chunks[-2], chunks[-1]):
        chunks[-2:] = [(chunks[-2][0], chunks[-1][1])]  # (after any relative clause went)
    if len(chunks) >= 2 and _relative_aside(text, *chunks[-2]):
        anon = True  # "a soldier, who gave only his call sign, Bizon, said": a pseudonym
    a, b = chunks[-1]
    words = text[a:b].split()
    if _descriptor(words) and len(chunks) >= 2:
        pa, pb = chunks[-2]
        if len(chunks) >= 3 and _descriptor(text[pa:pb].split()):
            # "Maya Castellanos, president of the Center …, a Washington-based watchdog, said"
            np = walk_back(text, *chunks[-3])
            return (np, text[pa:pb].strip(), anon) if np else None
        np = walk_back(text, pa, pb)
        return (np, text[a:b].strip(), anon) if np else None
    np = walk_back(text, a, b)
    if np is None:
        return None
    role = ""
    if len(chunks) >= 2:
        pa, pb = chunks[-2]
        prev = walk_back(text, pa, pb)
        if prev and not text[pb - 1].isupper() and not text[pa:prev[0]].strip(_AFTER_QUOTE):
            role = text[prev[0] : pb].strip()  # '…,” Rachel Amsel, CEO of …, told Axios'

    return np, role, anon


def _name_goes_on(text: str, prev: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether chunk ``last`` continues a name the descriptor chunk ``prev`` ends with, past
    a comma inside it ("an economist at the National Research Institute for Agriculture" +
    "Food and Environment (INRAE) in Montpellier")."""
    if text.find(" and ", last[0], last[1]) < 0:
        return False
    words, before = text[last[0] : last[1]].split(), text[prev[0] : prev[1]].split()
    return bool(words and before) and is_capitalized(words[0]) and is_capitalized(
        before[-1]) and before[-1][-1:].isalpha() and _descriptor(before)


def _participle(text: str, vs: int, ve: int, lemma: str, ss: int, date: str) -> Hit:
    """", saying …" or "… and said": the sentence's named subject when no cue came before in
    the sentence ("BJP spokesperson Tarun Chaturvedi hit back, saying …"; "Her party, the
    Awami League, criticised the visit, saying …"), else the latest speaker. A short label
    opening the sentence ("What they're saying:") is not part of it."""
    label = _label_end(text, ss, vs)
    if CUE.search(text, label if label > 0 else ss, vs) is None:
        named = sentence_subject(text, ss, vs)
        if named:
            return Hit(named[0], ve, lemma, text[named[0] : named[1]], named[0], date=date)
    return Hit(vs, ve, lemma, "(participle)", vs, date=date)


def sentence_subject(text: str, ss: int, hi: int) -> tuple[int, int] | None:
    """The named person or organisation opening the sentence at ``ss`` (before ``hi``), or
    right after a short opening that ends in a comma or a colon ("Back home, PPP Chairman
    Bilawal Bhutto Zardari welcomed …"; "Her party, the Awami League, criticised …"; a
    label: "What they're saying: Sen. Tom Harlan (R-Ohio) … welcomed the move but said …")."""
    comma = text.find(", ", ss, min(hi, ss + 50))
    lead = comma + 2 if comma > 0 and len(text[ss:comma].split()) <= 4 else -1
    for start in (ss, _label_end(text, ss, hi), lead):
        if start < 0:
            continue
        fw = walk_forward(text, start, min(hi, start + 200))
        if fw and text[fw[0] : fw[1]].lower() in STAFF and text.startswith((" at ", " from "),
                                                                          fw[1]):
            # "Analysts at Bernstein were more forgiving, writing …": the firm
            firm = walk_forward(text, text.index(" ", fw[1] + 1) + 1, min(hi, start + 200))
            fw = (fw[0], firm[1], firm[2]) if firm else fw
        if fw is None:
            continue
        kind = classify(text[fw[0] : fw[1]]).kind
        if kind == "person" or kind == "organization" or (
                kind == "surname" and _ends_full_name_before(text, text[fw[0] : fw[1]], fw[0])):
            return fw[0], fw[1]
    return None


def _label_end(text: str, ss: int, hi: int) -> int:
    """Where the text after a short label opening the sentence at ``ss`` starts ("Why it
    matters: …", "What they're saying: …"), or -1."""
    colon = text.find(": ", ss, min(hi, ss + 50))
    return colon + 2 if colon > 0 and len(text[ss:colon].split()) <= 4 else -1


def _ends_full_name_before(text: str, word: str, pos: int) -> bool:
    """Whether ``word`` ends a capitalised name before ``pos`` ("Marcus Tillery" before
    "Tillery addressed …"; not "Tenant advocates", "Speaking to reporters", "Mongabay"),
    within the 6,000 characters a later surname reaches back for its full name."""
    lo = pos - 6000 if pos > 6000 else 0
    i = text.rfind(word, lo, pos)
    while i > lo + 1:
        end = i + len(word)
        if text[i - 1] == " " and not text[end : end + 1].isalpha():
            k = text.rfind(" ", lo, i - 1) + 1
            if is_capitalized(text[k : i - 1]) and text[i - 2].isalpha():
                return True
        i = text.rfind(word, lo, i)
    return False


def _antecedent(text: str, hit: Hit, index: Sentences, starts: list[int]) -> Hit:
    """"Bilawal Bhutto Zardari welcomed it. “…,” he said": "he" is the person opening the
    sentence before when that sentence has no attribution of its own (no hit starts in it:
    ``starts``, sorted; else the registry links the pronoun to the latest speaker)."""
    if hit.subject not in ("he", "she", "He", "She"):
        return hit
    ps, pe = paragraph(text, hit.subj_start)
    ss = sentence(text, hit.subj_start, ps, pe, index)[0]
    k = ss
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or ss - k > 4:
        return hit
    pps, ppe = paragraph(text, k - 1)
    prev = sentence(text, k - 1, pps, ppe, index)[0]
    j = bisect_left(starts, prev)
    if j < len(starts) and starts[j] < k:
        return hit
    named = sentence_subject(text, prev, k)
    if named is None or classify(text[named[0] : named[1]]).kind not in _NAMED:
        return hit  # a person, or a surname the registry links to the full name before
    return hit._replace(subject=text[named[0] : named[1]], subj_start=named[0])


def _relative_subject(text: str, ss: int, rel: int, vs: int, ve: int,
                      lemma: str) -> Hit | None:
    """"X, which said …" / "X, who said …": the named noun phrase before the comma."""
    comma = rel - 1
    while comma > ss and text[comma - 1] == " ":
        comma -= 1
    if comma <= ss or text[comma - 1] != ",":
        return None
    np = _subject_before(text, ss, comma - 1)
    if np is None or classify(text[np[0] : np[1]]).kind not in ("person", "organization"):
        return None
    return Hit(np[0], ve, lemma, text[np[0] : np[1]], np[0])


def _descriptor(words: list[str]) -> bool:
    """A chunk that describes rather than names: "a former head", "the committee's …",
    "president of …" (but not "the National Intelligence Service")."""
    while words and not words[0][-1].isalnum():  # a closing quote and its comma
        words = words[1:]
    if not words:
        return False
    first = words[0].lower()
    if first in _AUXILIARY:  # a predicate: "The Araniko Highway, the main road …, will
        return False  # remain closed …, said Sunil Ghimire"
    if first == "the":
        return len(words) > 1 and not is_capitalized(words[1])
    if words[0].endswith(("’s", "'s")) and len(words) > 1:  # "Quebec's minister for housing"
        return not is_capitalized(words[1])
    return first in ("a", "an") or not is_capitalized(words[0])


def _ends_body(text: str, a: int, b: int) -> bool:
    """Whether chunk ``[a, b)`` ends with an organisation: its acronym in parentheses or a
    capitalised head word ("… Medical Centre (FMC)", "… Kyoto University")."""
    last = text[a:b].rsplit(None, 1)[-1:]
    if not last:
        return False
    word = last[0]
    return (word[:1] == "(" and word[-1:] == ")") or (
        word[:1].isupper() and word.lower() in ORG_HEADS)


def _relative_aside(text: str, a: int, b: int) -> bool:
    """A relative clause saying the speaker is not named ("who asked not to be named")."""
    word = text[a:b].split(None, 1)[:1]
    return bool(word) and word[0].lower() in _RELATIVE and anonymity(text, a, b)


def _bulleted(text: str, ps: int, pe: int) -> bool:
    """Whether paragraph ``[ps, pe)`` is a list item read as a headline, a link to another
    story ("• Typhoon leaves 12 dead in central Philippines, officials say"): it opens on a
    bullet and does not end as a sentence does. Bulleted sentences are prose (Axios's
    points, a summary's "* The Ministry of Forestry says it has sent a team.")."""
    if ps < pe and not text[ps].isspace():
        if not text.startswith(_BULLETS, ps, pe):
            return False
    elif not text[ps:pe].lstrip().startswith(_BULLETS):
        return False
    end = pe
    while end > ps and text[end - 1].isspace():
        end -= 1
    if end > ps and text[end - 1] in _CLOSERS:
        end -= 1
    return end <= ps or text[end - 1] not in ".?!"


def _subject_before(text: str, ss: int, cstart: int) -> tuple[int, int] | None:
    """``walk_back`` from the last clause boundary of the sentence before a cue at ``cstart``.

    The same as ``walk_back(text, b.end() if b else ss, cstart)`` for
    ``b = _BOUND_REV.search(text, ss, cstart)``, without scanning the whole sentence: a
    boundary found in a short window is the last one (boundary matches cannot nest); when
    none is, any boundary further left ends at most 3 characters into the window, and a walk
    that stopped on its own after that point reads the same tokens either way.
    """
    near = max(ss, cstart - 200)
    end = _last_boundary(text, near, cstart)
    if end >= 0:
        return walk_back(text, end, cstart)
    if near == ss:
        return walk_back(text, ss, cstart)
    np, reach = walk_back_reach(text, near, cstart)
    if reach >= near + 3:
        return np
    end = _last_boundary(text, ss, cstart)
    return walk_back(text, end if end >= 0 else ss, cstart)


def _verb_hit(text: str, m: re.Match[str], index: Sentences) -> Hit | None:
    verb, vs, ve = m.group("verb"), m.start(), m.end()
    lemma = LEMMA[verb]
    if lemma in THAT_CLAUSE and lemma != "recommend" and text.find("that", ve, ve + 150) < 0:
        return None  # (the exact test is below, after the adjuncts; "found" is frequent)
    if text[vs - 1 : vs] == "-":
        return None
    ps, pe = paragraph(text, vs)
    if _bulleted(text, ps, pe) or _quoted(text, ps, pe, vs):
        return None
    ss, se = sentence(text, vs, ps, pe, index)
    if lemma == "ask" and not (text.startswith((",", ".", ":"), ve)
                               and _quote_near(text, ps, pe, vs, ve)):
        return None  # "…?” Jackson asked." / "Could the police, Roberts asked, obtain “…”"
    if lemma == "show" and not _DATA_NEAR.search(text, max(ss, vs - 500), vs):
        return None  # no data before it (see _data_subject): "the video shows"
    # the last two tokens before the verb (a window shorter than a token's 80-character cap
    # is cut into the same tokens from either side)
    lo = max(ss, vs - 40)
    toks = tokens_rev(text, lo, vs, 2)
    before = toks[0] if toks else ""
    if before.lower() in _PASSIVE:
        return None
    pos, date, statement, speech = skip_adjuncts(text, ve, pe)
    if lemma in NEEDS_CLAUSE and not _CLAUSE_START.match(text, pos, pe):
        return None
    if lemma in THAT_CLAUSE and not (text.startswith("that", pos) and not text[
            pos + 4 : pos + 5].isalpha()) and not (lemma == "recommend" and _GERUND.match(
            text, pos, pe)):
        return None  # "found that …" reports a finding; "found the body", "found in" do not
    if lemma == "continue" and not _quote_near(text, ps, pe, vs, ve):
        return None
    if lemma == "call" and not (CALLED_QUOTE.match(text, ve, se)
                                or _CALLED_FOR.match(text, ve, se)):
        return None  # "called the patches “…”", "called for calm", "called on Berlin to …"
    if lemma == "post" and not POSTED_ON.match(text, ve, se):
        return None
    if lemma == "describe" and not DESCRIBED_AS.match(text, ve, se):
        return None
    if verb == "writing" and not text.startswith(", ", vs - 2):
        return None  # "spent years writing books"; ", writing in a note that …" counts
    if verb == "writes" and text.startswith((" about ", " for ", " on "), ve):
        return None  # "Rachel Dunmore writes about education": a columnist's biography
    # the cue's own conditions above hold for the two forms below too ("who asked not to be
    # named" is no statement)
    if before in ("and", "but"):  # "The district issued an advisory and said …"
        return None if lemma == "show" else _participle(text, vs, ve, lemma, ss, date)
    if before in ("which", "who"):
        relative = _relative_subject(text, ss, text.rfind(before, lo, vs), vs, ve, lemma)
        if relative is not None:  # "Kazakhstan's Foreign Ministry, which said …"
            return relative
    cstart = vs
    for t in toks:
        if t.lower() not in _AUX:
            break
        cstart = text.rfind(t, lo, cstart)
    if ")" in text[cstart - 3 : cstart]:
        cstart = _before_aside(text, ss, cstart)
    end = cstart  # text[ss:end] == text[ss:cstart].rstrip()
    if end > ss and text[end - 1].isspace():
        end -= 1
        if end > ss and text[end - 1].isspace():
            end = ss + len(text[ss:end].rstrip())
    last = text[end - 1] if end > ss else ""
    if last == "’" and text[end - 2 : end - 1] in (",", ".", "?", "!"):
        last = "”"  # a single closing quotation mark, British style: "‘…,’ said Megan Thorsby"
    medium, apposit, anon, np = "", "", False, None
    participle = verb.endswith("ing")
    if last and last not in ",“”\"—–;:":
        np = _subject_before(text, ss, cstart)
        if np and participle and text[np[0] : np[1]].lower() in ("he", "she", "they", "it"):
            np = None
        if np and not participle and text[max(ss, np[0] - 6) : np[0]].rstrip().endswith(
                (" to", " with")):  # but "with Ukrainian officials saying that …" is theirs
            # an object: "Several commuters who spoke to The Straits Times said": the
            # speaker is before "who", if anywhere
            rel = text.rfind(" who ", ss, np[0])
            np = _subject_before(text, ss, rel) if rel > ss else None
        elif np and np[0] - ss > 8:
            rel = text.rfind(" who ", ss, np[0])
            if rel > ss and "," not in text[rel : np[0]]:
                # "A man who runs a guesthouse in Karuizawa told NHK": the relative
                # clause's words are not the speaker; its head is
                head = _common_noun_head(text, ss, rel)
                np = _subject_before(text, ss, rel) or ((head, rel) if head >= 0 else np)
    elif last:
        # after a quotation the speaker follows ("…,” said Uzi Rubin); after a plain comma
        # it comes first ("Uzi Rubin, a former head, said the …"), else it may follow
        after_quote = last != "," or text[end - 2 : end - 1] in "”\"’"
        if last == "," and not after_quote:
            if participle:
                return _participle(text, vs, ve, lemma, ss, date)
            res = _case_b(text, ss, end - 1)
            if res:
                np, apposit, anon = res
        if np is None and lemma in INVERTIBLE and pos < pe and (
                is_capitalized(text[pos]) or text.startswith(("the ", "a ", "an "), pos)
                or _ROLE_NAME.match(text, pos, pe)):  # "said resident Marisol Vega"
            fw = walk_forward(text, pos, min(pe, pos + 200))
            if fw:
                np = fw[0], fw[1]
                if fw[2]:
                    apposit, _ = appositive(text, fw[1] + 2, min(pe, fw[1] + 300))
        if np is None and last == "," and after_quote:
            if participle:
                return _participle(text, vs, ve, lemma, ss, date)
            res = _case_b(text, ss, end - 1)
            if res:
                np, apposit, anon = res
    if np is None or (lemma == "show" and not _data_subject(text, *np)) or (
            text[np[0] : np[1]].lower() in WEEKDAY_MONTH):  # "… published in January found"
        return None
    if text.startswith(" ", np[0] - 1) and text[np[0] - 5 : np[0]].endswith(
            (" in ", " at ", "from ")):  # "<Org> in <Place>", "workers at <Org>"
        np = _people_at(text, ss, _beyond_place(text, ss, np))
    if lemma == "tell":
        fw = walk_forward(text, pos, min(pe, pos + 80))
        if fw and is_capitalized(text[fw[0]]):
            medium = text[fw[0] : fw[1]]
    setting = SETTING.match(text, ss, se)
    if setting:
        speech = True
        d = DATE_PHRASE.search(setting.group("setting"))
        date = date or (d.group() if d else "")
    return Hit(
        min(np[0], cstart), max(np[1], ve), lemma, text[np[0] : np[1]], np[0], apposit, date,
        statement, speech, medium, anon,
    )


def _before_aside(text: str, ss: int, cstart: int) -> int:
    """Where a parenthetical aside between a subject and its cue at ``cstart`` opens: a gloss
    in another script ("prosecutor Tsai Ming-hung (蔡明宏) told"), a description ("the
    Liberty Times (the Taipei Times' sister newspaper) reported"); else ``cstart``. A
    tag or an acronym stays the walker's: "(KCNA)", "(R-Ohio)", "(Africa CDC)"."""
    k = cstart
    while k > ss and text[k - 1] == " ":
        k -= 1
    if k - ss < 4 or text[k - 1] != ")":
        return cstart
    op = text.rfind("(", max(ss, k - 80), k - 1)
    inner = text[op + 1 : k - 1]
    if op <= ss or ")" in inner or (inner.isascii() and not inner[:1].islower()
                                    and inner.count(" ") < 2):
        return cstart
    return op


def _common_noun_head(text: str, ss: int, end: int) -> int:
    """Where a phrase of one to three lower-case words (an article may open it) ending at
    ``end`` starts, after ``ss`` ("A man", "member pharmacists"), else -1."""
    words = text[max(ss, end - 60) : end].split()[-4:]
    k = len(words)
    while k > 0 and words[k - 1].isalpha() and words[k - 1].islower() and len(words) - k < 3 and (
            words[k - 1] not in LEMMA and words[k - 1] != "that"):
        k -= 1
    if k > 0 and words[k - 1].lower() in ("a", "an", "the", "one", "some", "two", "three"):
        k -= 1
    if k == len(words):
        return -1
    start = end
    for w in reversed(words[k:]):
        start = text.rfind(w, ss, start)
    return start


def _beyond_place(text: str, ss: int, np: tuple[int, int]) -> tuple[int, int]:
    """The speaker before "in <place>" when the subject found is the place: an
    organisation ("The Nigerian Medical Association (NMA) in Ondo State, however, described
    …"), or unnamed people with the place ("Police in Nagano Prefecture say", "member
    pharmacists in Metro Manila and Cebu had reported"); else ``np``."""
    a = np[0]
    if a - ss < 8 or not text.startswith(" in ", a - 4):
        return np
    body = walk_back(text, max(ss, a - 200), a - 4)
    if body is None:  # "member pharmacists in Metro Manila … had reported": unnamed people
        head = _common_noun_head(text, ss, a - 4)
        return (head, np[1]) if head >= 0 else np
    kind = classify(text[body[0] : body[1]]).kind
    if kind == "organization":
        return body
    if kind == "anonymous":  # "Police in Nagano Prefecture say": unnamed, with the place
        return body[0], np[1]
    return np


def _people_at(text: str, ss: int, np: tuple[int, int]) -> tuple[int, int]:
    """"health workers at the Federal Medical Centre (FMC) … say": the people (the word
    before "at" or "from") with the place where they work, not the place alone (the subject
    found), else ``np``."""
    a = np[0]
    if a - ss < 8 or not (text.startswith(" at ", a - 4) or text.startswith(" from ", a - 6)):
        return np
    cut = text.rfind(" ", ss, a - 1)  # the space before "at" / "from"
    if cut <= ss:
        return np
    start = text.rfind(" ", ss, cut) + 1 or ss
    word = text[start:cut].lower()
    if word not in PEOPLE_AT and word not in STAFF:
        return np  # (STAFF: "Analysts at Bernstein said" is the firm; classify decides)
    return start, np[1]


def _quoted(text: str, ps: int, pe: int, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation of its paragraph ``[ps, pe)``: the speaker's
    own words ("“Geneva said yes loud and clear,” she said"), no attribution of the text's."""
    op = text.rfind("“", ps, pos)
    if op >= 0:
        return text.find("”", op, pos) < 0 and text.find("”", pos, pe) >= 0
    if text.find('"', ps, pos) < 0:
        return False
    return text.count('"', ps, pos) % 2 == 1 and text.find('"', pos, pe) >= 0


def _quote_near(text: str, ps: int, pe: int, vs: int, ve: int) -> bool:
    """Whether a quotation mark stands within 300 characters of the cue ``[vs, ve)`` in its
    paragraph ``[ps, pe)`` ("continued" and "asked" count only beside a quotation)."""
    return _QUOTE_NEAR.search(text, max(ps, vs - 300), min(pe, ve + 300)) is not None


def _data_subject(text: str, a: int, b: int) -> bool:
    """Whether the subject of "show" is a source's data: "LSEG data showed", "data from the
    Czech Statistical Office showed" (not "the video shows", "Kim showed reporters")."""
    last = text[a:b].rsplit(None, 1)[-1].lower()
    return last in _DATA_WORDS or _DATA_BEFORE.search(text, max(0, a - 80), a) is not None


_REPORT_CITERS = ("according to", "According to", "cited", "citing", "Citing")


def _report_cited(text: str, lead: int, index: Sentences) -> bool:
    """Whether "a report by X" at ``lead`` cites the report (sentence subject, "In a report
    by …", "according to a report by …") rather than mentions it ("the models used in the
    last assessment by …")."""
    ps, pe = paragraph(text, lead)
    head = text[sentence(text, lead, ps, pe, index)[0] : lead].strip()
    return head in ("", "In") or head.endswith(_REPORT_CITERS)


def _forward_hit(text: str, start: int, pos: int, cue: str, *, year: str = "", report: str = "",
                 statement: bool = False, primary: bool = True) -> Hit | None:
    """The source named after a lead ("according to", "a report by", "carried by")."""
    _, pe = paragraph(text, pos)
    material = SOURCE_MATERIAL.match(text, pos, pe)
    if material:  # "according to data from the Central Water Commission"
        pos = material.end()
    fw = walk_forward(text, pos, min(pe, pos + 200))
    if fw is None:
        return None
    first, end = fw[0], _possessor_end(text, fw[0], fw[1])
    if text[first:end].lower() in WEEKDAY_MONTH:  # "published on Monday"
        return None
    apposit = ""
    if fw[2] and end == fw[1] and primary:
        apposit = appositive(text, fw[1] + 2, min(pe, fw[1] + 300))[0]
        words = apposit.split(None, 10)
        if len(words) > 10 or words[:1] not in (["a"], ["an"], ["the"]) or (
                not _AUXILIARY.isdisjoint(words)):
            # the main clause: "according to NERC, the old tariffs covered …", "…, the deal
            # is off"
            apposit = ""
    date = skip_adjuncts(text, end, min(pe, end + 60))[1]
    return Hit(start, end, cue, text[first:end], first, apposit, date, statement, year=year,
               primary=primary, report=report)


def _possessor_end(text: str, start: int, end: int) -> int:
    """Where the source ends in a possessive noun phrase: "Deloitte’s Annual Review" → after
    "Deloitte"; a place's ("China’s Foreign Ministry") is kept whole."""
    if text.find("’s", start, end) < 0 and text.find("'s", start, end) < 0:
        return end
    for tok in TOKEN.finditer(text, start, end):
        word = tok.group()
        if word.endswith(("’s", "'s")) and tok.end() < end:
            owner = text[start : tok.end() - 2].split()
            if owner and owner[-1][:1].isupper() and not is_place(owner):
                return tok.end() - 2
            break
    return end


def scan(text: str, index: Sentences | None = None) -> list[Hit]:
    """Every attribution hit in ``text``, in text order, one per source mention."""
    index = index or Sentences(text)
    hits: list[Hit] = []
    for cm in cue_matches(text):
        h = _verb_hit(text, cm, index)
        if h:
            hits.append(h)
    report_matches, medium_matches = linked(text)
    reports: set[int] = set()
    for m in [*report_matches, *report_released(text)]:
        lead = REPORT_LEAD.search(text, max(0, m.start() - 60), m.start())
        if lead is None or not _report_cited(text, lead.start(), index):
            continue
        year = lead.group("year") or lead.group("year2") or ""
        h = _forward_hit(text, lead.start(), m.end(), "report by", year=year,
                         report=m.group("what"))
        if h:
            hits.append(h)
            reports.add(lead.start())
    for m in ACCORDING.finditer(text):
        if any(m.end() + k in reports for k in range(3)):
            continue
        h = _forward_hit(text, m.start(), m.end(), "according to")
        if h:
            hits.append(h)
    if "quoted by" in text:
        for m in QUOTED_BY.finditer(text):
            h = _forward_hit(text, m.start(), m.end(), "carried by", primary=False)
            if h:
                hits.append(h)
    for m in per_matches(text):
        h = _forward_hit(text, m.start(), m.end(), "according to")
        if h:
            hits.append(h)
    for m in STATEMENT_LEAD.finditer(text):
        h = _forward_hit(text, m.start(), m.end(), "in a statement", statement=True)
        if h:
            hits.append(h)
    for m in statement_from(text):
        h = _forward_hit(text, m.start(), m.end(), "statement from", statement=True)
        if h:
            hits.append(h)
    for m in medium_matches:
        if MEDIUM_CONTEXT.search(text, max(0, m.start() - 100), m.start()):
            h = _forward_hit(text, m.start(), m.end(), "carried by", primary=False)
            if h:
                hits.append(h)
    starts = sorted(h.start for h in hits)
    hits = [_antecedent(text, h, index, starts) for h in hits]
    return [pair for h in _dedupe(hits) for pair in _split_pair(h)]


_NAMED = frozenset(("person", "surname"))
_NAMED_ORGS = frozenset(("person", "surname", "organization"))
_SPLIT_CUES = frozenset(LEMMA.values()) | {"according to"}


def _split_pair(hit: Hit) -> tuple[Hit, ...]:
    """"Leader Harold Brennan and Minority Leader Kathleen Moss said": one hit per speaker,
    when both sides name a person ("and" inside an organisation's name does not split it)."""
    cut = hit.subject.rfind(" and ")
    if cut < 0 or not hit.primary or hit.cue not in _SPLIT_CUES:
        return (hit,)
    left, right = hit.subject[:cut], hit.subject[cut + 5 :]
    named = _NAMED_ORGS if right.startswith("the ") else _NAMED  # "the X and the Y"
    if classify(left).kind not in named or classify(right).kind not in named:
        return (hit,)
    return (hit._replace(subject=left),
            hit._replace(subject=right, subj_start=hit.subj_start + cut + 5))


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per subject position (a statement lead and its verb name the same speaker)."""
    seen: dict[int, int] = {}
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.subj_start, h.start)):
        if h.subject != "(participle)" and h.subj_start in seen:
            i = seen[h.subj_start]
            out[i] = out[i]._replace(statement=out[i].statement or h.statement,
                             date=out[i].date or h.date)
            continue
        seen[h.subj_start] = len(out)
        out.append(h)
    return sorted(out, key=lambda h: h.start)
