"""Noun-phrase walkers over tokens: the source before a cue, the source after it, appositives.

Each walker looks at a bounded slice (a few hundred characters) and at most 12 tokens.

>>> text = "Israeli intelligence chief Amos Yadlin said in April"
>>> walk_back(text, 0, text.index(" said"))
(0, 38)
>>> text = "said Uzi Rubin, a former head of the program."
>>> walk_forward(text, 5, len(text))
(5, 14, True)
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .cues import SENT_END, tokens, tokens_rev
from .lexicon import (
    CONNECTORS,
    DETERMINERS,
    NAME_PARTICLES,
    ORG_HEADS,
    PRONOUNS,
    STOP,
    TITLES,
    VAGUE_HEADS,
    WEEKDAY_MONTH,
)
from .sources import is_capitalized

MAX_TOKENS = 12
FORWARD_TOKENS = 16  # "the Missouri Department of … Education and the Missouri School Boards' …"
ROLE_WORDS = VAGUE_HEADS | TITLES | frozenset(
    "news missile defense program affairs relations policy specialist scholar professor".split()
)
_ABBREV = frozenset(
    "u.s. u.k. u.n. mr. mrs. ms. dr. gen. lt. col. maj. sgt. capt. adm. sen. rep. gov. prof. st. "
    "jr. sr. inc. corp. co. ltd. no. calif. mass. wash. va. fla. rev. ma.".split()
)
_INNER_LINKS = frozenset(("of", "for", "and"))  # may stand before an inner "the" in a name
_PAREN_ACR = regex.compile(r"^\(\p{Lu}[\p{Lu}&\-]{1,9}\)$")
_APPOS_END = regex.compile(r",\s(?:who|which|whose|where)\b|[“\";]|\s--\s|\s[—–]\s|\n")
_WORDLIKE = regex.compile(r"^[\p{L}\p{M}][\p{L}\p{M}’'\-]{0,40}$")


def _lower_ok(word: str) -> bool:
    """Not a stop word, and letters (marks, apostrophes, hyphens) only: ``_WORDLIKE``, with
    the common all-letter case (``str.isalpha`` is exactly the letter class) decided without
    it."""
    if word.lower() in STOP:
        return False
    if word.isalpha():
        return len(word) <= 41
    return bool(_WORDLIKE.match(word))


def _is_abbrev(word: str) -> bool:
    """A word whose final period is not a sentence end: a known abbreviation, an initial
    ("A."), or capitals with periods inside ("U.N."); "CPS." ends a sentence."""
    low = word.lower()
    if low in _ABBREV:
        return True
    core = word[:-1]
    return len(word) <= 4 and core.replace(".", "").isupper() and (len(core) == 1 or "." in core)


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, bool, bool, bool, bool]:
    """What the walkers ask of a token, computed once per distinct token.

    (lower-cased, capitalised, capitalised and not a stop word, a parenthesised acronym,
    an acceptable lower-case word).
    """
    low = word.lower()
    cap = is_capitalized(word)
    paren = word[:1] == "(" and bool(_PAREN_ACR.match(word))
    return low, cap, cap and low not in STOP, paren, _lower_ok(word)


def walk_back(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``hi`` (a cue), not reaching before ``lo``."""
    return walk_back_reach(text, lo, hi)[0]


def walk_back_reach(text: str, lo: int, hi: int) -> tuple[tuple[int, int] | None, int]:
    """``walk_back`` and the start of the leftmost token the phrase depends on (-1: the walk
    ran out of tokens at ``lo``).

    The walk reads tokens right to left and decides on them alone, so any ``lo`` up to that
    start gives the same phrase, and so does any further left unless that start is ``lo``
    (where a token may have been cut).
    """
    words = tokens_rev(text, lo, hi, MAX_TOKENS + 1)
    count = len(words)
    rfind = text.rfind
    accepted: list[tuple[str, int, int]] = []
    reach = -1
    lowers = 0  # accepted words that are not capitalised
    last_cap = False  # is the last accepted word capitalised?
    i = 0  # the next token to read (the "the …" lookahead reads two more)
    n = 0  # the step
    while True:
        if i == count:  # out of tokens (at lo, or past the lookahead's reach)
            reach = -1
            break
        if n == MAX_TOKENS:
            break
        word = words[i]
        start = reach = rfind(word, lo, reach if i else hi)
        i += 1
        n += 1
        low, cap, capword, paren, lower_ok = _word(word)
        if not accepted and low in PRONOUNS:
            return (start, start + len(word)), reach
        if low in DETERMINERS:
            accepted.append((word, start, start + len(word)))
            if low == "the" and last_cap:  # "the Institute for [the] Study of War"
                if i == count:
                    reach = -1
                    break
                link = words[i]
                link_start = reach = rfind(link, lo, start)
                i += 1
                if link in _INNER_LINKS:
                    if i == count:
                        reach = -1
                        break
                    name = words[i]
                    name_start = reach = rfind(name, lo, link_start)
                    i += 1
                    if _word(name)[2]:
                        accepted.append((link, link_start, link_start + len(link)))
                        accepted.append((name, name_start, name_start + len(name)))
                        last_cap = True
                        continue
            break
        if (low == "on" or low == "to") and last_cap:  # "Office on Drugs and Crime",
            if i == count:  # "Mission to Bosnia": only after an organisation's head word
                reach = -1
                break
            head = words[i]
            head_start = reach = rfind(head, lo, start)
            i += 1
            head_low, _, head_capword, _, _ = _word(head)
            if head_capword and head_low in ORG_HEADS:
                accepted.append((word, start, start + len(word)))
                accepted.append((head, head_start, head_start + len(head)))
                continue
            break
        if not (paren or capword) and not (
            last_cap if low in CONNECTORS else lower_ok and lowers < 4
        ):
            break
        accepted.append((word, start, start + len(word)))
        lowers += not cap
        if low not in CONNECTORS:  # "García de la Torre": a connector chain keeps the capital
            last_cap = cap
    while accepted and accepted[-1][0] in CONNECTORS:
        accepted.pop()
    if not accepted:
        return None, reach
    if not _word(accepted[0][0])[1] and not any(_word(w)[0] in VAGUE_HEADS for w, _, _ in accepted):
        return None, reach
    return (accepted[-1][1], accepted[0][2]), reach


def _capital_ahead(toks: list[str], j: int, link: str) -> bool:
    """Whether ``toks[j]`` is capitalised, or (after ``of``/``for``/``and``) is "the" followed
    by a capitalised token ("the Institute for the Study of War")."""
    while j < len(toks) and toks[j] in NAME_PARTICLES and link:  # "de la Torre"
        j += 1
    if j >= len(toks):
        return False
    word = toks[j]
    if is_capitalized(word):
        return True
    return link in _INNER_LINKS and word == "the" and j + 1 < len(toks) and is_capitalized(
        toks[j + 1])


def walk_forward(text: str, lo: int, hi: int) -> tuple[int, int, bool] | None:
    """The noun phrase that starts at ``lo``; the flag says it stopped on a comma."""
    accepted: list[tuple[str, int, int]] = []
    comma = False
    caps = False  # is any accepted word capitalised?
    toks = tokens(text, lo, hi, FORWARD_TOKENS)
    pos = lo  # where the token before ends
    for i, raw in enumerate(toks):
        if raw[0] in "“\"‘(":
            break
        start = text.find(raw, pos, hi)
        pos = start + len(raw)
        word, stop = raw, False
        if raw[-1] in ",;:":
            word, stop, comma = raw[:-1], True, raw[-1] == ","
        elif raw[-1] == "." and not _is_abbrev(raw):
            word, stop = raw[:-1], True
        elif raw[-1] in "”\"’" or raw.endswith(".”"):
            word, stop = raw.rstrip("”\"’.,"), True
        if not word:
            break
        low, cap, capword, _, lower_ok = _word(word)
        if cap and not capword and caps and not stop and accepted[-1][0][:1].isupper() and (
                _capital_ahead(toks, i + 1, "")):
            capword = True  # a capitalised stop word inside a name: "Dr Nor Azura Ismail"
        if not ((not accepted and low in DETERMINERS) or capword):
            if low in CONNECTORS:
                ok = bool(accepted) and not stop and _capital_ahead(toks, i + 1, word)
            elif low == "the" and accepted and accepted[-1][0] in _INNER_LINKS:
                ok = not stop and _capital_ahead(toks, i + 1, "")
            elif (low == "on" or low == "to") and any(
                    w.lower() in ORG_HEADS for w, _, _ in accepted):
                # "Office on Drugs and Crime", "OSCE Mission to Bosnia and Herzegovina", but
                # not "the Federal Police on Thursday"
                ok = not stop and _capital_ahead(toks, i + 1, "") and (
                    toks[i + 1].rstrip(".,;:").lower() not in WEEKDAY_MONTH)
            else:
                ok = lower_ok and (not caps or low in ROLE_WORDS)
            if not ok:
                comma = False
                break
        accepted.append((word, start, start + len(word)))
        caps |= cap
        if stop:
            break
    while accepted and (accepted[-1][0] in CONNECTORS or accepted[-1][0].lower() in DETERMINERS):
        accepted.pop()
        comma = False
    if not accepted:
        return None
    last = accepted[-1][0]
    if not is_capitalized(last) and not any(w.lower() in VAGUE_HEADS for w, _, _ in accepted):
        return None
    return accepted[0][1], accepted[-1][2], comma


def appositive(text: str, pos: int, hi: int) -> tuple[str, int]:
    """The descriptor that starts at ``pos`` (after "Name, "), and where it ends.

    >>> appositive("a former head of the program, who said so.", 0, 43)
    ('a former head of the program', 28)
    """
    end = hi
    m = _APPOS_END.search(text, pos, hi)
    if m:
        end = m.start()
    s = SENT_END.search(text, pos, end)
    if s:
        end = s.start() + 1
    chunk = text[pos:end].rstrip(" ,")
    first = chunk.split(" ", 1)[0].lower() if chunk else ""
    if first in ("who", "which", "whose", "where", "that", "and", "but"):
        return "", pos
    return chunk, pos + len(chunk)
