"""The cue lexicon and every precompiled pattern of the attribution scanner.

All patterns are compiled once at import. Quantifiers are bounded and no repeat is nested
inside another unbounded repeat, so scanning stays linear on adversarial input.

>>> [m.group("verb") for m in CUE.finditer("Kim said it; Lee told Reuters; Park was told")]
['said', 'told', 'told']
>>> LEMMA["testified"], LEMMA["says"]
('testify', 'say')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TypeAlias

import regex

#: Cue verb forms → lemma. Ambiguous noun forms ("notes", "claims") are left out on purpose.
_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "say", "saying"),
    "tell": ("told", "tells", "telling"),
    "add": ("added", "adds", "adding"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "announce": ("announced", "announces", "announcing"),
    "state": ("stated",),
    "write": ("wrote", "writes", "writing"),  # "writing" only as ", writing in a note …"
    "warn": ("warned", "warns"),
    "note": ("noted", "noting"),
    "claim": ("claimed", "claiming"),
    "argue": ("argued", "argues", "arguing"),
    "explain": ("explained", "explains", "explaining"),
    "deny": ("denied", "denies", "denying"),
    "insist": ("insisted", "insists", "insisting"),
    "testify": ("testified", "testifies"),
    "continue": ("continued", "continues"),
    "report": ("reported",),
    "acknowledge": ("acknowledged", "acknowledges"),
    "admit": ("admitted", "admits"),
    "stress": ("stressed", "stresses"),
    "emphasize": ("emphasized", "emphasised"),
    "assert": ("asserted",),
    "comment": ("commented",),
    "caution": ("cautioned",),
    "call": ("called",),  # only before a quotation: "called the patches “governing by cliff”"
    "post": ("posted",),  # only "posted on social media", "posted a message", "posted that"
    "describe": ("described",),  # only "described the response as “tone deaf”"
    # the next five only before a clause (as NEEDS_CLAUSE): "Whitcomb conceded that …"
    "contend": ("contended", "contends"),
    "concede": ("conceded", "concedes"),
    "respond": ("responded",),
    "observe": ("observed",),
    "suggest": ("suggested",),
    "show": ("showed", "shows", "show"),  # only a source's data: "LSEG data showed"
    "urge": ("urged", "urges"),  # "Marchand urged both sides to “return to the table”"
    "ask": ("asked",),  # only beside a quotation and before punctuation: "…?” Jackson asked."
    "find": ("found", "finds"),  # only before "that": "The court also found that …"
    "conclude": ("concluded", "concludes"),  # only before "that", as THAT_CLAUSE says
    "estimate": ("estimated", "estimates"),  # "The agency estimated that …", not "an estimated"
    "doubt": ("doubted", "doubts"),  # only before "that": "Coste … doubts that the scheme …"
    "recommend": ("recommended", "recommends"),  # before "that" or a gerund: "recommends
    # keeping indoor temperatures below 32°C"
}
LEMMA: dict[str, str] = {form: lemma for lemma, forms in _FORMS.items() for form in forms}

#: Cues that may put the speaker after the verb ("“…,” said Uzi Rubin").
INVERTIBLE = frozenset("say add continue write note explain argue claim insist warn".split())
#: Cues that need a quote, a colon/comma/period or "that" right after them to count.
NEEDS_CLAUSE = frozenset("add continue contend concede respond observe suggest".split())
#: Cues that attribute only before "that" (after any time phrase): a finding, a conclusion,
#: an estimate ("recommend" also before a gerund).
THAT_CLAUSE = frozenset("find conclude estimate doubt recommend".split())


Trie: TypeAlias = "dict[str, Trie]"


def trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes (much faster to scan).

    >>> trie_pattern(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    tree: Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: Trie) -> str:
        alts = [ch + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


CUE = regex.compile(r"\b(?P<verb>" + trie_pattern(list(LEMMA)) + r")\b")
#: CUE with ASCII word boundaries, for stdlib ``re`` (twice as fast): the cue forms are
#: ASCII, so the two agree except next to a non-ASCII character (see ``cue_matches``).
_CUE_ASCII = re.compile(CUE.pattern, re.ASCII)


def cue_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``CUE.finditer(text)`` (same spans and ``verb`` groups).

    ASCII boundaries hold wherever Unicode ones do, so ``_CUE_ASCII`` finds a superset;
    a candidate beside a non-ASCII character ("saidé", "²said") is kept only when ``CUE``
    matches there too. Neither can match inside an ASCII word, so no match is skipped.

    >>> [m.group("verb") for m in cue_matches("“No,” Kim said; Lee saidé; ²told")]
    ['said', 'told']
    """
    n = len(text)
    for m in _CUE_ASCII.finditer(text):
        s, e = m.span()
        if ((s and not text[s - 1].isascii()) or (e < n and not text[e].isascii())) and (
                CUE.match(text, s) is None):
            continue
        yield m
ACCORDING = regex.compile(r"(?<![\p{L}])[Aa]ccording to\s{1,3}")
#: "per" as "according to", after a comma, a parenthesis or a dash, or opening a sentence:
#: "…, per estimates from market research firm Yole Group", "Per ESPN, …" (not "per cent").
PER = regex.compile(r"(?:(?<=[,(—–]\s{0,2})per|(?<![\p{L}\p{N}’'])Per)\s")


def per_matches(text: str) -> list[regex.Match[str]]:
    """``list(PER.finditer(text))``, tried only where "per" or "Per" and a space stand (a
    pattern that opens on a lookbehind is tried at every character: twice as slow).

    >>> [m.start() for m in per_matches("Up 4 per cent, per Yole. Per ESPN, yes.")]
    [15, 25]
    """
    found = []
    for lit in ("per", "Per"):
        i = text.find(lit)
        while i >= 0:
            if text[i + 3 : i + 4].isspace() and (m := PER.match(text, i)):
                found.append(m)
            i = text.find(lit, i + 3)
    return sorted(found, key=lambda m: m.start()) if found else found
STATEMENT_LEAD = regex.compile(
    r"(?:^|(?<=[.!?][\"”’]?\s{1,3}))In an?\s(?:(?:joint|separate|written|brief)\s)?"
    r"(?P<what>statement|commentary|dispatch|interview|speech|report)\b(?P<mid>[^,.\n]{0,160}),\s",
    regex.MULTILINE,
)
MEDIUM = regex.compile(
    r"\b(?:carried|released|published|issued|distributed|broadcast|aired|run)\s(?:by|on)\s"
)
#: "…, the councillor was quoted by Bernama as saying": the medium that carried the words.
QUOTED_BY = regex.compile(r"\bquoted\sby\s(?=[^.;\n]{2,60}?\sas\ssaying\b)")
MEDIUM_CONTEXT = regex.compile(
    r"\b(?:statement|commentary|dispatch|remarks|interview|report|editorial|article|speech)\b"
)
REPORT = regex.compile(
    r"\b(?P<what>report|study|assessment|analysis|survey|white\spaper|paper|preprint)\s(?:by|from)\s"
    r"(?=(?:the\s)?[\p{Lu}\d]|(?:researchers|scientists|economists|academics)\s(?:at|from|of)\s)"
)
#: A report whose release stands between it and its author: "a report released in January
#: by the Canadian Institute for Health Information", "published on Monday by Global Witness".
REPORT_RELEASED = regex.compile(
    r"\b(?P<what>report|study|survey|analysis|assessment)\s(?:released|published|issued)\s"
    r"(?:(?:in|on|last|this|earlier\sthis)\s\p{L}{3,9}\s)?(?:by|from)\s(?=(?:the\s)?[\p{Lu}\d])"
)
_RELEASED_LEAD = 12  # the longest "what" ("assessment") plus its space and one


def report_released(text: str) -> list[regex.Match[str]]:
    """``list(REPORT_RELEASED.finditer(text))``, searched only around the verbs it holds.

    >>> [m.group("what") for m in report_released("A report released in May by the IEA said")]
    ['report']
    """
    found: dict[int, regex.Match[str]] = {}
    for verb in ("released", "published", "issued"):
        i = text.find(verb)
        while i >= 0:
            m = REPORT_RELEASED.search(text, max(0, i - _RELEASED_LEAD), i + len(verb) + 40)
            if m and m.start() < i < m.end():
                found.setdefault(m.start(), m)
            i = text.find(verb, i + 1)
    return [found[k] for k in sorted(found)]


#: The "by", "on" or "from" before white space that every MEDIUM and REPORT match ends with,
#: white space before it too (stdlib ``re`` finds this literal-led pattern three times faster
#: than ``regex``; the class is ``regex``'s ``\s``, which unlike ``re``'s leaves out
#: U+001C–U+001F). The space before it and the lead word's last letter before that (one of
#: "dtnysr") are checked by lookbehinds after each linker: a pattern opening on a class of
#: spaces tries every space of the text, and one opening on a group loses ``re``'s scan for
#: the first letters.
_LINKER = re.compile(
    r"(?:by(?<=[dtnysr][^\S\x1c-\x1f]..)|on(?<=[dtnysr][^\S\x1c-\x1f]..)"
    r"|from(?<=[dtnysr][^\S\x1c-\x1f]....))(?=[^\S\x1c-\x1f])"
)
_LEAD_LEN = 12  # the longest lead word ("distributed", "white paper") plus one
_LOOKAHEAD = 20  # past a linker, enough for REPORT's lookahead ("researchers from " + 1)


def linked(text: str) -> tuple[list[regex.Match[str]], list[regex.Match[str]]]:
    """``(list(REPORT.finditer(text)), list(MEDIUM.finditer(text)))``, scanning once.

    Each match ends with a ``_LINKER`` and starts at most ``_LEAD_LEN`` characters before it,
    so each pattern is searched only in that window around a linker that follows one of
    the lead words' last letters; the window reaches ``_LOOKAHEAD`` characters past the
    linker for REPORT's lookahead ("the " and a capital, or "researchers at "). Neither
    pattern's matches can overlap.

    >>> [m.group("what") for m in linked("a report by the IAEA, carried by KCNA")[0]]
    ['report']
    """
    reports: list[regex.Match[str]] = []
    media: list[regex.Match[str]] = []
    for k in _LINKER.finditer(text):
        w, e = k.span()
        lo = max(0, w - 1 - _LEAD_LEN)
        if text[w] == "o":
            m = MEDIUM.search(text, lo, e + 1)
            if m and m.end() == e + 1:
                media.append(m)
            continue
        r = REPORT.search(text, lo, e + _LOOKAHEAD)
        if r and r.end() == e + 1:
            reports.append(r)
        elif text[w] == "b" and (m := MEDIUM.search(text, lo, e + 1)) and m.end() == e + 1:
            media.append(m)
    return reports, media


#: "A statement from the Show-Me Educators Coalition called …": the source follows.
STATEMENT_FROM = regex.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s(?:(?:joint|written|brief|separate|new)\s)?(?:statement|letter"
    r"|memo)\s(?:(?:issued|released|signed)\s)?(?:from|by)\s"
)
#: The end of every STATEMENT_FROM match, for stdlib ``re`` (regex's ``\s`` as in _LINKER).
_STATEMENT_KEY = re.compile(
    r"(?:statement|letter|memo)[^\S\x1c-\x1f](?:(?:issued|released|signed)[^\S\x1c-\x1f])?"
    r"(?:from|by)[^\S\x1c-\x1f]"
)
_STATEMENT_LEAD_LEN = 14  # the longest text before "statement": "its separate " plus one


def statement_from(text: str) -> list[regex.Match[str]]:
    """``list(STATEMENT_FROM.finditer(text))``: searched only just before each match of
    its literal end ("statement from ", "letter signed by "), found by ``str.find`` and
    stdlib ``re``.

    >>> [m.group() for m in statement_from("The new statement from the union; a memo by")]
    ['The new statement from ']
    """
    out: list[regex.Match[str]] = []
    for word in ("statement", "letter", "memo"):  # str.find outruns any regex alternation
        i = text.find(word)
        while i >= 0:
            k = _STATEMENT_KEY.match(text, i)
            if k:
                m = STATEMENT_FROM.search(text, max(0, i - _STATEMENT_LEAD_LEN), k.end())
                if m and m.end() == k.end():
                    out.append(m)
            i = text.find(word, i + 1)
    return sorted(out, key=lambda m: m.start())


#: What must follow "described" for it to attribute: an object, "as", a quotation.
DESCRIBED_AS = regex.compile(r"\s(?!(?:how|what|in)\b)[^.“\"\n]{1,100}?\sas\s[“\"]")
#: What must follow "posted" for it to attribute (not "posted a loss").
POSTED_ON = regex.compile(
    r"\s(?:(?:\p{L}+\s){0,2}on\s(?:X|Twitter|Facebook|Instagram|Telegram|TikTok|Weibo|Threads"
    r"|Bluesky|LinkedIn|YouTube|social\smedia|(?:his|her|their|its)\s)|an?\s(?:message|statement"
    r"|video|note|letter)|that\b)"
)
#: What a source is named after in "according to data from X", "figures compiled by X".
SOURCE_MATERIAL = regex.compile(
    r"(?:(?:the|its|their)\s)?(?:(?:latest|official|new|preliminary|annual|recent|provisional"
    r"|flash|advance|final|revised|quarterly|monthly|weekly)"
    r"\s){0,2}(?:data|figures|statistics|estimates|numbers|research|records|calculations|results"
    r"|an?\s(?:(?:research|client|recent|new)\s)?(?:survey|poll|tally|count|study|analysis"
    r"|note|memo))\s(?:(?:compiled|published|released|provided|collected)\s"
    r"(?:(?:in|on|last|this|earlier\s(?:this|last))\s\p{L}{3,9}\s)?)?(?:from|by|of)\s"
    r"|(?:researchers|scientists|economists|analysts|experts|academics)\s(?:at|from|of|with)\s"
)
#: What must follow "called" for it to attribute: an object, then a quotation, in reach.
CALLED_QUOTE = regex.compile(
    r"\s(?!(?:for|on|upon|off|up|in|into|out|back|it\squits)\b)[^.“\"\n]{1,100}[“\"]"
)
#: What must precede a REPORT keyword: "a 2019", "a confidential", "the annual" (end-anchored).
REPORT_LEAD = regex.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s(?:(?P<year>(?:19|20)\d\d)\s)?"
    r"(?:(?:[\p{Ll}\-]{1,20}|January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s){0,2}(?:(?P<year2>(?:19|20)\d\d)\s)?$"
)
SETTING = regex.compile(
    r"(?P<setting>(?:Testifying|Speaking|Writing)\b[^,\n]{0,160}),\s"
)

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
#: A time expression that may follow a cue or a source ("said last Tuesday").
DATE_PHRASE = regex.compile(
    r"(?:(?:on|last|this|next|earlier\son|late\son)\s)?" + _WD
    + r"(?:\s(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next|earlier\sthis|later\sthis|early\sthis|late\slast|early\slast)"
    r"\s(?:week|month|year|weekend)"
    r"|(?:(?:in|on|during|since|by|early\sin|late\sin)\s)?(?:(?:early|mid|late)[-\s])?"
    + _MON + r"(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s(?:(?:19|20)\d\d|this\syear|last\syear))?"
    r"|in\s(?:19|20)\d\d|yesterday|today|recently|earlier|on\s(?:19|20)\d\d-\d\d-\d\d"
    r"|the\sfollowing\sday|the\sprevious\sday"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: "in a statement", "to reporters": adjuncts skipped between a cue and what follows.
ADJUNCT = regex.compile(
    r"(?P<statement>in\san?\s(?:(?:joint|separate|written|brief)\s)?statement"
    r"(?:\s(?:released|carried|issued|published)\sby\s)?)"
    r"|(?P<speech>in\san?\s(?:speech|address|testimony|briefing)|at\san?\s(?:news\s|press\s)?"
    r"(?:conference|briefing|hearing|forum|rally|seminar))"
    r"|(?:in\san?\s(?:interview|post|email|message|tweet|letter|report)(?:\swith)?)"
    r"|(?:on\s(?:X|Twitter|Facebook|Telegram|social\smedia|television|state\stelevision))"
)
#: A clause boundary on the left of a cue.
BOUNDARY_CHARS = frozenset(",;:“”\"—–()[]")
#: End of a sentence (abbreviations and initials excluded) — searched in REVERSE mode too.
_SENT = (
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Prof|St|Jr|Sr|Inc|Corp|Co"
    r"|Ltd|No|Calif|Mass|Wash|Va|Fla|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Rev|vs|Ma|\p{Lu}))"
    r"[.!?][\"”’)]{0,3}\s{1,4}(?=[“\"‘(\p{Lu}\d])"
)
SENT_END = regex.compile(_SENT)
SENT_END_REV = regex.compile(_SENT, regex.REVERSE)
QUOTE = regex.compile(r"“[^”\n]{1,3000}”|\"[^\"\n]{1,3000}\"")
TOKEN = regex.compile(r"\S{1,80}")
TOKEN_REV = regex.compile(r"\S{1,80}", regex.REVERSE)
_TOKEN_CAP = 80  # TOKEN's longest match


def _plain_spaces(seg: str) -> bool:
    """Whether ``str.split`` and ``TOKEN`` agree on white space in ``seg``: they do unless it
    holds U+001C–U+001F (white space to ``str.isspace``, not to ``regex``'s ``\\s``)."""
    return not ("\x1c" in seg or "\x1d" in seg or "\x1e" in seg or "\x1f" in seg)


def _longest(words: list[str]) -> int:
    return max(map(len, words), default=0)


def tokens(text: str, lo: int, hi: int, n: int) -> list[str]:
    """The first ``n`` matches of ``TOKEN.finditer(text, lo, hi)``, as strings, by ``str.split``.

    A token's start is ``text.find(token, pos, hi)`` from the end ``pos`` of the one before
    (from ``lo`` for the first): only white space lies between them.

    >>> tokens("  Uzi Rubin, a former", 0, 21, 2)
    ['Uzi', 'Rubin,']
    """
    seg = text[lo:hi]
    words = seg.split(None, n)
    if len(words) > n:
        del words[n]
    if _plain_spaces(seg) and (hi - lo <= _TOKEN_CAP or _longest(words) <= _TOKEN_CAP):
        return words
    return [m.group() for m in islice(TOKEN.finditer(text, lo, hi), n)]


def tokens_rev(text: str, lo: int, hi: int, n: int) -> list[str]:
    """The first ``n`` matches of ``TOKEN_REV.finditer(text, lo, hi)`` (right to left), as
    strings, by ``str.rsplit``.

    A token's start is ``text.rfind(token, lo, pos)`` from the start ``pos`` of the one
    before (from ``hi`` for the first): only white space lies between them.

    >>> tokens_rev("Amos Yadlin said", 0, 11, 5)
    ['Yadlin', 'Amos']
    """
    seg = text[lo:hi]
    words = seg.rsplit(None, n)
    if len(words) > n:
        del words[0]
    words.reverse()
    if _plain_spaces(seg) and (hi - lo <= _TOKEN_CAP or _longest(words) <= _TOKEN_CAP):
        return words
    return [m.group() for m in islice(TOKEN_REV.finditer(text, lo, hi), n)]
ANONYMITY = regex.compile(
    r"(?i)not\s(?:(?:want|wish)\s)?to\sbe\s(?:named|quoted|identified)|condition\sof\sanonymity"
    r"|declined\sto\sbe\s(?:named|identified)|unnamed|anonymous|not\sauthori[sz]ed\sto\sspeak"
    r"|call\ssign|(?:gave|give|gives|known|identified|identify)\sonly\s"
    r"|(?:name|names)\s(?:not\sbe|be\swithheld|withheld)"
)

#: Each ANONYMITY alternative holds one of these; every character that the case-insensitive
#: pattern matches to one of their letters case-folds to that letter (checked for all of
#: Unicode; "i" is left out on purpose: "İ" matches it but folds to two characters).
_ANONYMITY_KEYS = ("not", "ned", "anonym", "unnamed", "gn", "only", "held")  # see anonymity()


def anonymity(text: str, lo: int, hi: int) -> bool:
    """``bool(ANONYMITY.search(text, lo, hi))``, after a cheap substring check.

    >>> anonymity("an official, who spoke on condition of anonymity, said", 0, 60)
    True
    >>> anonymity("Kim said Kim said", 0, 17)
    False
    """
    window = text[lo:hi].casefold()
    if not ("not" in window or "ned" in window or "anonym" in window or "unnamed" in window
            or "gn" in window or "only" in window or "held" in window):
        return False
    return ANONYMITY.search(text, lo, hi) is not None
