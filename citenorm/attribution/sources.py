"""Source noun phrases → who is speaking: a person, an organisation, a report or a vague source.

>>> info = classify("Israeli intelligence chief Amos Yadlin")
>>> info.kind, info.name, info.role
('person', 'Amos Yadlin', 'Israeli intelligence chief')
>>> classify("the Korean Central News Agency (KCNA)").acronym
'KCNA'
>>> classify("intelligence sources").kind
'anonymous'
>>> person_name("LIM JEONG-WON")
Name(family='Lim', given='Jeong-won', literal='', particle='', suffix='', link='')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from ..model import Name
from ..normalize.names import CJK_FAMILY_FIRST, korean_or_cjk_name, parse_name
from .lexicon import (
    CONNECTORS,
    DEMONYMS,
    DETERMINERS,
    GENERATIONAL,
    GENERIC_TAILS,
    KNOWN_ORGS,
    MEDIA_NAMES,
    MEDIA_TAILS,
    MEDIA_WORDS,
    MODIFIER_SUFFIXES,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NAMES,
    PEOPLE_NOUNS,
    PLACES,
    PORTFOLIOS,
    POST_NOMINALS,
    PRONOUNS,
    SEATS,
    TITLES,
    VAGUE_HEADS,
    VIETNAMESE_FAMILY,
    WEEKDAY_MONTH,
)

Kind = Literal["person", "organization", "anonymous", "report", "pronoun", "surname"]

CHINESE_FAMILY = frozenset(
    """xi wang zhao li zhang liu chen yang huang wu zhou xu sun ma zhu hu guo he gao luo zheng
    liang xie tang feng deng cao peng zeng cai pan tian dong yuan jiang du ye cheng wei su lu
    ding ren shen yao qin fu geng hua mao lin wen
    tsai hsu chang chiang chou chao kuo hsieh hsiao tseng tsao kao yeh hsueh chien shih
    cheung wong chan leung tsang chow yip kwok lau chiu tse""".split()
)  # pinyin, then Taiwanese (Wade-Giles) and Hong Kong spellings
_ACRONYM = regex.compile(r"\((?P<acr>(?:\p{Lu}\p{Ll}{1,12}\s)?\p{Lu}[\p{Lu}&\-]{1,9})\)")
_TITLE_ACRONYM = regex.compile(r"\s\((?P<acr>\p{Lu}\p{Ll}{2,8})\)")
_AFFILIATION = regex.compile(r"(?<=\S)\s\([^()\n]{1,40}\)")
#: A stock ticker with its exchange ("SHOP-T" Toronto, "AAPL-Q" Nasdaq, "BB-N" New York).
_TICKER = regex.compile(r"\p{Lu}{1,5}(?:\.\p{Lu})?-[TXNQ]")
_ORG_IN_TEXT = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}.’'\-]{0,30}\s(?:(?:of|for|and|the|on)\s){0,2}){0,6}"
    r"\p{Lu}[\p{L}\p{M}.’'\-]{0,30}"
)
_LEAD_ARTICLES = ("the ", "a ", "an ", "The ", "A ", "An ")
_MEDIA_LOWER = frozenset(m.lower() for m in MEDIA_NAMES)
_MEDIA_SORTED = tuple(sorted(_MEDIA_LOWER))
_MEDIA_LAST_WORDS = frozenset(m[m.rfind(" ") + 1 :] for m in _MEDIA_LOWER)
_PLACE_WORDS = PLACES | DEMONYMS | CONNECTORS
#: Words a capitalised run does not end an organisation's name with (connectors, titles).
_ORG_TAIL_DROP = CONNECTORS | {"the", "on"} | (TITLES - ORG_HEADS)
#: Words that end a personal name read from the right (see _split_person).
_NAME_ENDS = TITLES | CONNECTORS | DETERMINERS | PORTFOLIOS | PEOPLE_NOUNS
_ORG_NAMES_LOWER = frozenset(m.lower() for m in ORG_NAMES)
#: Staff who speak for their firm as a group ("Analysts at Bernstein … wrote in a note").
STAFF = frozenset(
    "analysts economists strategists researchers scientists experts academics".split()
)
#: People who speak for themselves at the place they work or live ("health workers at the
#: Federal Medical Centre say"), unlike STAFF at a firm, who give its view.
PEOPLE_AT = frozenset(
    """workers employees staff doctors nurses officials residents members volunteers teachers
    students people insiders patients parents traders""".split()
)
#: Leads of a vague source ("a senior official", "unnamed sources").
_INDEFINITE = frozenset(("a", "an", "one", "several", "some", "many", "two", "three", "unnamed"))
_GAELIC = frozenset("Ó Ní Nic Mac Uí Ua Mhic".split())  # capitalised, part of the family name
#: Who speaks for the owner before them ("Harker's office said" is Harker speaking).
_SPEAKS_FOR = frozenset(
    "office campaign team spokesperson spokesman spokeswoman spokespeople representatives".split()
)
_OPENERS = frozenset("(“\"‘")  # stripped before the first letter of a capitalised token
_ARABIC_ARTICLE = regex.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|er|es|et)-\p{Lu}")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a source noun phrase says about the speaker."""

    kind: Kind
    name: str
    role: str = ""
    organization: str = ""
    acronym: str = ""
    media: bool = False


def is_capitalized(token: str) -> bool:
    """True for a token that starts with an upper-case letter or a digit ("38 North").

    >>> is_capitalized("Rubin"), is_capitalized("analyst"), is_capitalized("al-Harthy")
    (True, False, True)
    """
    first = token[:1]
    if first.isupper() or first.isdigit():
        return True
    if first in _OPENERS:
        token = token.lstrip("(“\"‘")
        first = token[:1]
        if first.isupper() or first.isdigit():
            return True
    # an Arabic name with its article: "al-Harthy", "el-Sisi"
    return (first == "a" or first == "e") and "-" in token[:4] and _ARABIC_ARTICLE.match(
        token) is not None


def is_acronym(token: str) -> bool:
    """An all-capitals word of 2–9 letters such as KCNA or NIS.

    >>> is_acronym("KCNA"), is_acronym("TVN24"), is_acronym("U.S."), is_acronym("Kim")
    (True, True, False, False)
    """
    core = token.replace("&", "").replace("-", "")
    return 2 <= len(core) <= 9 and core[0].isalpha() and core.isalnum() and core.isupper()


def _bare(word: str) -> str:
    """Lower-cased, without a possessive or surrounding punctuation.

    >>> _bare("Korea’s"), _bare("Service,")
    ('korea', 'service')
    """
    word = word.lower().strip(".,;:")
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _is_media(name: str) -> bool:
    """Whether ``name`` contains a known media name or a media word.

    >>> _is_media("The Korea Herald's"), _is_media("Yonhap"), _is_media("Gaza Health Ministry")
    (True, True, False)
    """
    low = name.lower()
    for media in _MEDIA_SORTED:  # a plain loop of ``in`` beats one alternation regex
        if media in low:
            return True
    return not MEDIA_WORDS.isdisjoint(map(_bare, low.split()))


def _media_suffix(low: str) -> bool:
    """Whether ``low`` is a known media name (lower-cased) or ends with a space and one.

    >>> _media_suffix("the official yonhap news agency"), _media_suffix("al jazeera")
    (True, True)
    """
    if low[low.rfind(" ") + 1 :] not in _MEDIA_LAST_WORDS:  # every suffix ends with this word
        return False
    if low in _MEDIA_LOWER:
        return True
    pos = low.find(" ")
    while pos >= 0:
        if low[pos + 1 :] in _MEDIA_LOWER:
            return True
        pos = low.find(" ", pos + 1)
    return False


def initials(name: str) -> str:
    """Initials of the capitalised words, as an acronym would be formed.

    >>> initials("Korean Central News Agency"), initials("U.S. Defense Intelligence Agency")
    ('KCNA', 'DIA')
    """
    words = [w for w in name.split() if w[:1].isupper() and w not in ("U.S.", "US", "The")]
    return "".join(w[0] for w in words)


@lru_cache(maxsize=8192)
def person_name(text: str) -> Name:
    """A personal name, family-first for Korean and Chinese names, re-cased from capitals."""
    tokens = text.split()
    first = tokens[0].lower() if tokens else ""
    n = len(tokens)
    if 2 <= n <= 3 and (first in CJK_FAMILY_FIRST or first in CHINESE_FAMILY) and (
            first != "lee" or n == 3 or "-" in tokens[1]):
        return korean_or_cjk_name(text)
    if 3 <= n <= 4 and first in VIETNAMESE_FAMILY and not text.isupper():
        return Name(family=tokens[0], given=" ".join(tokens[1:]))
    for k in range(1, n - 1):  # "Ciarán Ó Súilleabháin": the particle opens the family name
        if tokens[k] in _GAELIC:
            return Name(family=" ".join(tokens[k:]), given=" ".join(tokens[:k]))
    if text.isupper():
        text = " ".join(korean_or_cjk_name(t).family for t in tokens)
    parsed = parse_name(text)
    if parsed is None or parsed.is_literal:
        return _with_particle(text.split()) or parsed or Name(literal=text)
    return parsed


def _with_particle(tokens: list[str]) -> Name | None:
    """A name with lower-case particles inside: "João Paulo Cavalcanti de Albuquerque" →
    given João Paulo Cavalcanti, particle de, family Albuquerque.

    >>> n = _with_particle("María José García de la Torre".split())
    >>> n.given, n.particle, n.family
    ('María José García', 'de la', 'Torre')
    """
    i = next((k for k, t in enumerate(tokens) if k and t in NAME_PARTICLES), 0)
    j = i
    while j < len(tokens) and tokens[j] in NAME_PARTICLES:
        j += 1
    if not i or j >= len(tokens):
        return None
    return Name(family=" ".join(tokens[j:]), given=" ".join(tokens[:i]),
                particle=" ".join(tokens[i:j]))


def call_names(name: Name) -> tuple[str, ...]:
    """The names a later bare mention may use: the family name, and for a Vietnamese name
    (family first) the last given name, by which Vietnamese usage refers to people.

    >>> call_names(person_name("Vu Thi Lan Anh")), call_names(person_name("Uzi Rubin"))
    (('Vu', 'Anh'), ('Rubin',))
    """
    if name.given and name.family.lower() in VIETNAMESE_FAMILY and " " in name.given:
        return name.family, name.given.rsplit(" ", 1)[-1]
    return (name.family,)


def org_in(text: str) -> str:
    """The first capitalised run with an organisation word in ``text`` ("" if none).

    >>> org_in("a South Korean analyst with the governmental Korea Institute for Defense Analyses")
    'Korea Institute for Defense Analyses'
    >>> org_in("a researcher at the Doha-based Arab Centre for Maritime Studies")
    'Arab Centre for Maritime Studies'
    """
    if text.isascii() and text.islower():  # no capital to start a name
        return ""
    for m in _ORG_IN_TEXT.finditer(text):
        words = m.group().split()
        while words and words[-1].lower() in _ORG_TAIL_DROP:
            words.pop()
        for w in words:
            low = _bare(w)
            if low in ORG_HEADS or low.strip(".,") in KNOWN_ORGS:
                return " ".join(_drop_modifiers(words)).rstrip(",")
    return ""


def _drop_modifiers(words: list[str]) -> list[str]:
    """``words`` without leading hyphenated modifiers ("Doha-based", "Houthi-run")."""
    i = 0
    while i < len(words) - 1 and words[i].lower().endswith(MODIFIER_SUFFIXES):
        i += 1
    return words[i:]


def clean_role(text: str) -> str:
    """An appositive or title as a role: leading article dropped, location tail kept.

    >>> clean_role("a former head of the Israeli missile defense program")
    'former head of the Israeli missile defense program'
    """
    if not text:
        return ""
    text = " ".join(text.split()).strip(" ,")
    if text.endswith(".") and len(text) - text.rfind(" ") > 5:  # the last word is not "Gen."
        text = text[:-1]
    if text.startswith(_LEAD_ARTICLES):  # words are split by single spaces by now
        return text[text.find(" ") + 1 :]
    return text


def role_and_org(appositive: str) -> tuple[str, str]:
    """Split an appositive into (role, organisation).

    >>> role_and_org("a specialist with Center for Nonproliferation Studies in Monterey")
    ('specialist', 'Center for Nonproliferation Studies')
    >>> role_and_org("a U.S. State Department spokesperson")
    ('U.S. State Department spokesperson', 'U.S. State Department')
    """
    role = clean_role(appositive)
    org = org_in(role)
    for prep in (" with ", " at ", " for ", " from "):
        cut = role.find(prep)
        if cut > 0 and org and org in role[cut:]:
            return role[:cut], org
    return role, org


_INITIALS = regex.compile(r"(?:\p{Lu}\.){1,3}")


def _name_like(token: str) -> bool:
    """A capitalised word that may be part of a personal name, or initials ("M.B.").

    >>> _name_like("Gowda"), _name_like("M.B."), _name_like("Israeli"), _name_like("KCNA")
    (True, True, False, False)
    """
    if token[1:2] == "." and _INITIALS.fullmatch(token):  # "M.B. Shivakumar Gowda"
        return True
    core = token.strip(".,’'")
    if not core or core.isupper():
        return False
    first = core[0]
    if not first.isupper() and (first.isdigit() or not is_capitalized(core)):
        return False
    low = core.lower()
    return low not in WEEKDAY_MONTH and low not in DEMONYMS


def _is_name(tokens: list[str]) -> bool:
    """2–4 name-like tokens, lower-case particles allowed inside ("Khalid bin Saif al-Harthy"),
    a generational suffix at the end ("Ferdinand Marcos Jr.", "DeShawn Ellery II")."""
    if len(tokens) > 2 and tokens[-1].lower() in GENERATIONAL:
        tokens = tokens[:-1]
    if len(tokens) < 2 or not (_name_like(tokens[0]) and _name_like(tokens[-1])):
        return False
    core = 0  # words other than particles: 2–4
    for t in (tokens[0], tokens[-1]):
        if t.lower() not in NAME_PARTICLES:
            core += 1
    for t in tokens[1:-1]:
        if t.lower() not in NAME_PARTICLES:
            if not _name_like(t):
                return False
            core += 1
    return 2 <= core <= 4


def _possessive(token: str) -> bool:
    return token.endswith(("’s", "'s"))


def _split_person(run: list[str]) -> tuple[list[str], list[str]]:
    """(title tokens, name tokens) of a capitalised run, the name taken from the right.

    A title, an organisation word, a connector or a possessive ("Al Jazeera’s") ends the
    name; a name particle does not when a name word stands on its left. Nothing after
    "of", "for" or "and" is a name ("National Alliance of Federal Workers").
    """
    i = len(run)
    while i > 0:
        word = run[i - 1]
        low = word.lower()
        if low in NAME_PARTICLES and i < len(run) and any(
                _name_like(w) and w.lower() not in TITLES for w in run[: i - 1]):
            i -= 1
            continue
        if low in ("of", "for", "and") or (low == "the" and i >= 2 and run[i - 2].lower() in (
                "of", "for", "and")):  # "Association of the Automotive Industry"
            if i < len(run) and run[i].lower() in PORTFOLIOS and i >= 2 and run[i - 2].lower(
                    ) in TITLES:  # "Minister for Children Ciarán Ó Súilleabháin"
                return run[: i + 1], run[i + 1 :]
            return run, []
        if low in _NAME_ENDS or _possessive(word) or _org_word(word):
            break
        i -= 1
    return run[:i], run[i:]


def _generic_tail(body: list[str]) -> int:
    """Where a lower-case generic head after a capitalised name starts ("the Tuoi Tre
    newspaper", "LSEG data"); ``len(body)`` when there is none."""
    k = len(body)
    while k > 0 and body[k - 1] in GENERIC_TAILS:
        k -= 1
    if 0 < k < len(body) and is_capitalized(body[k - 1]) and not _possessive(body[k - 1]):
        return k
    return len(body)


def is_place(words: list[str]) -> bool:
    """Whether every word is a place, a demonym or a connector ("South Korea")."""
    return _PLACE_WORDS.issuperset(map(_bare, words))  # stops at the first other word


def _person_of(run: list[str], prefix: list[str], org_apos: tuple[str, str]) -> SourceInfo | None:
    """"Rep. Darnell Hughes of Maryland", "Prof. Hiroshi Tanaka of Kyoto University": a name
    followed by "of" and a place or an organisation."""
    if "of" not in run:
        return None
    cut = run.index("of")
    titles, name = _split_person(run[:cut])
    where = run[cut + 1 :]
    if not where or not _is_name(name) or any(_titled(w) for w in name):
        return None
    place = " ".join(where)
    title = clean_role(" ".join([*prefix, *titles]))
    if is_place(where) or not org_in(place):
        role = ", ".join(r for r in (title, place) if r)
        return SourceInfo("person", " ".join(name), role, org_apos[1])
    role = "; ".join(r for r in (title, org_apos[0]) if r)
    return SourceInfo("person", " ".join(name), role, org_in(place))


def _org_word(word: str) -> bool:
    """An organisation word, singular or plural ("Centers for Disease Control")."""
    low = _bare(word)
    if low in ORG_HEADS:
        return True
    return low.endswith("s") and (low[:-1] in ORG_HEADS or (
        low.endswith("ies") and low[:-3] + "y" in ORG_HEADS))  # "Industries", "Centers"


def _titled(word: str) -> bool:
    """A title or organisation word, singular or plural ("Chiefs")."""
    low = _bare(word)
    return any(w in TITLES or w in ORG_HEADS for w in (low, low.removesuffix("s")))


def _possessor(titles: list[str]) -> str:
    """The organisation before a possessive ending the titles ("Al Jazeera’s"), unless a
    place ("Ukraine’s") or there is none."""
    if not titles or not _possessive(titles[-1]) or is_place(titles):
        return ""
    return " ".join([*titles[:-1], titles[-1][:-2]])


def _vague(words: list[str], org: str) -> SourceInfo:
    phrase = " ".join(words)
    head = words[-1].lower() if words else ""
    media = head in ("newspaper", "newspapers", "media", "outlet", "outlets", "agency", "service")
    return SourceInfo("anonymous", phrase, organization=org, media=media)


def _tailed(run: list[str], tail: list[str], acronym: str) -> SourceInfo | None:
    """A capitalised name before a generic head: an organisation (a medium for a media head),
    or None for a place or people ("the Russian news agency")."""
    run = _drop_modifiers(run)
    j = len(run)
    while j > 0 and (is_capitalized(run[j - 1]) or run[j - 1] in CONNECTORS):
        j -= 1
    name = run[j:]
    if not name or is_place(name) or _possessive(name[-1]):
        return None
    media = any(w.lower() in MEDIA_TAILS or w.lower() == "news" for w in tail)
    text = " ".join(name)
    return SourceInfo("organization", text, acronym=acronym, media=media or _is_media(text))


def _np_words(np: str) -> list[str]:
    """The words of a noun phrase without surrounding punctuation; a short word ending with a
    period keeps it ("Gen.", "Jr.") unless it is an acronym ("NIS." → "NIS").

    >>> _np_words("Gen. Kim Yong-hyun, NIS.")
    ['Gen.', 'Kim', 'Yong-hyun', 'NIS']
    """
    words: list[str] = []
    for w in np.split():
        if w[-1] != "." or len(w) > 4:
            w = w.strip(",.;:“”\"")
            if w:
                words.append(w)
        elif is_acronym(w[:-1]):
            words.append(w[:-1])
        else:
            words.append(w)
    return words


@lru_cache(maxsize=16384)
def classify(np: str, appositive: str = "") -> SourceInfo:
    """Classify a source noun phrase; ``appositive`` is the descriptor after it, if any.

    A vague phrase whose appositive names a person is that person ("the IDF's Arabic-language
    spokesman, Col. Avichay Adraee, wrote …").
    """
    info = _classify(np, appositive)
    if info.kind == "anonymous" and appositive and appositive[:1].isupper():
        named = _classify(appositive, "")
        if named.kind == "person":
            return SourceInfo("person", named.name, clean_role(np), named.organization)
    return info


def _split_acronym(np: str) -> tuple[str, str]:
    """``np`` without the acronym it defines, and the acronym: capitals ("Korean Central
    News Agency (KCNA)"), or title case where the name's initials begin with its letters, as
    some outlets write them ("South African Municipal Workers' Union (Samwu)").

    >>> _split_acronym("the Rural and Urban Private Hospitals Association of Kenya (Rupha)")
    ('the Rural and Urban Private Hospitals Association of Kenya', 'Rupha')
    >>> _split_acronym("Uzi Rubin (Ret)")
    ('Uzi Rubin (Ret)', '')
    """
    if "(" not in np:
        return np, ""
    acr = _ACRONYM.search(np)
    if acr:
        return _ACRONYM.sub("", np), acr.group("acr")
    title = _TITLE_ACRONYM.search(np)
    if title and initials(np[: title.start()]).startswith(title.group("acr").upper()):
        return np[: title.start()] + np[title.end() :], title.group("acr")
    return np, ""


def _classify(np: str, appositive: str) -> SourceInfo:
    np, acronym = _split_acronym(np)
    if "(" in np:  # a party, district or home town after a name: "Glen Whitacre (R-Catoctin)"
        np = _AFFILIATION.sub("", np)
    words = _np_words(np)
    if len(words) > 2 and words[-1][-2:-1] == "-" and _TICKER.fullmatch(words[-1]):
        words = words[:-1]  # "Groupe Laurentien Inc. GLN-T": a stock ticker, Globe style
    post = ""
    if len(words) > 2 and words[-1].lower() in POST_NOMINALS:  # "Jonathan Price KC"
        post, words = words[-1], words[:-1]
    if not words:
        return SourceInfo("anonymous", "")
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return SourceInfo("pronoun", words[0].lower())
    lead = words[0].lower()
    body = words[1:] if lead in DETERMINERS or lead == "unnamed" else words
    if not body:
        return _vague(words, "")
    tail = _generic_tail(body)
    if tail < len(body):
        named = _tailed(body[:tail], body[tail:], acronym)
        if named is not None:
            return named
    if len(body) >= 2 and body[-1].lower() in _SPEAKS_FOR and _possessive(body[-2]):
        if body[-2][:-2].lower() in TITLES and is_capitalized(body[-1]):
            # "the Prime Minister's Office", "the Pima County Attorney's Office"
            office = " ".join(_drop_modifiers(body))
            return SourceInfo("organization", office, acronym=acronym)
        speaker = _classify(" ".join([*words[: len(words) - 2], body[-2][:-2]]), "")
        if speaker.kind in ("person", "organization", "surname"):  # "Sen. Colleen Harker's office"
            return speaker
    if not is_capitalized(body[-1]) or _possessive(body[-1]):
        return _vague(words, org_in(" ".join(body)) or (
            role_and_org(appositive)[1] if appositive else ""))
    j = len(body)
    while j > 0 and (is_capitalized(body[j - 1]) or (j < len(body) and (
            body[j - 1] in CONNECTORS or (body[j - 1] == "the" and j >= 2 and body[j - 2] in (
                "of", "for", "and")) or (body[j - 1] in ("on", "to") and j >= 2 and _org_word(
                body[j - 2]))))):
        j -= 1
    while j < len(body) and body[j] in CONNECTORS:
        j += 1
    run, prefix = body[j:], body[:j]
    if len(run) > 1 and run[0].lower().endswith(MODIFIER_SUFFIXES):  # "State-run Al-Ahram"
        prefix, run = [*prefix, run[0]], run[1:]
    kind_at = _kind_at(run) if len(run) > 1 else -1
    if kind_at >= 0:  # "Indonesian NGO Kawal Pesisir": what kind of body, then its name
        body_name = " ".join(run[kind_at + 1 :])
        kind_role = clean_role(" ".join([*prefix, *run[: kind_at + 1]]))
        return SourceInfo("organization", body_name, kind_role, acronym=acronym,
                          media=_is_media(body_name))
    run_text = " ".join(run)
    low_run = run_text.lower()
    if lead in _INDEFINITE:
        return _vague(words, org_in(np))
    if prefix and prefix[-1] == "in" and len(prefix) >= 2:  # "Police in Nagano Prefecture"
        head = _classify(" ".join(words[: len(words) - len(run) - 1]), "")
        if head.kind in ("anonymous", "organization"):
            return head if head.kind == "organization" else _vague(words, "")
    if len(run) >= 3 and run[1] == "of" and run[0].lower() in _MUNICIPAL:
        # "The Town of Clayton", "City of Toronto": the municipality as a body
        return SourceInfo("organization", run_text, clean_role(" ".join(prefix)),
                          acronym=acronym)
    if len(prefix) == 2 and prefix[0].lower() in STAFF and prefix[1] in ("at", "from", "with"):
        # "Analysts at Bernstein", "Economists at Capital Economics": the firm's view
        return SourceInfo("organization", run_text, acronym=acronym, media=_is_media(run_text))
    if len(prefix) >= 2 and prefix[-1] in ("at", "from", "the") and any(
            w.lower() in PEOPLE_AT and prefix[i + 1] in ("at", "from")
            for i, w in enumerate(prefix[:-1])):  # "health workers at the FMC"
        return _vague(words, " ".join(run))
    if low_run in PLACES or low_run in SEATS or is_place(run):
        return _vague(words, "")
    if len(run) == 1 and low_run in VAGUE_HEADS:
        return _vague(words, "")
    org_apos = role_and_org(appositive) if appositive else ("", "")
    if len(run) == 1 and (is_acronym(run[0]) or low_run in KNOWN_ORGS):
        role = _prefix_role(prefix, org_apos)
        return SourceInfo("organization", run[0], role, acronym=acronym,
                          media=_is_media(run_text) or "news" in role)
    if _media_suffix(low_run):
        return SourceInfo("organization", run_text, _prefix_role(prefix, org_apos),
                          acronym=acronym, media=True)
    person_of = _person_of(run, prefix, org_apos)
    if person_of is not None:
        return person_of
    if low_run in _ORG_NAMES_LOWER or (acronym and len(run) >= 2 and not (
            # "… Committee (AICC) general secretary Rajiv Khurana": the acronym is the
            # title's organisation when the run is a name its initials do not begin
            _is_name(run) and not acronym.upper().startswith(initials(run_text)[:1]))):
        return SourceInfo("organization", run_text.removeprefix("The "),
                          _prefix_role(prefix, org_apos), acronym=acronym,
                          media=_is_media(run_text))
    if prefix and (_media_head(prefix[-1]) or (len(prefix) >= 2 and _media_head(prefix[-2]))):
        # "the Brazilian newspaper Folha de S.Paulo", "the state news agency KCNA"
        return SourceInfo("organization", run_text, _prefix_role(prefix, org_apos),
                          acronym=acronym, media=True)
    if len(run) >= 2 and run[0].lower() in _ORG_ADJECTIVES and all(
            w.lower() not in TITLES or w.lower() in _ORG_ADJECTIVES for w in run[1:]):
        # "National Highways", "Federal Reserve", "National Grid Electricity Distribution"
        # (but "National Security Adviser Jake Sullivan": a title follows)
        return SourceInfo("organization", run_text, _prefix_role(prefix, org_apos),
                          acronym=acronym, media=_is_media(run_text))
    titles, name = _split_person(run)
    if _is_name(name):
        owner = _possessor(titles)
        title = clean_role(" ".join([*prefix, *titles] if not owner else prefix))
        role = "; ".join([r for r in (title, post, org_apos[0]) if r])
        org = org_apos[1] or owner or org_in(title)
        return SourceInfo("person", " ".join(name), role, org)
    if any(_org_word(w) for w in run) or (len(run) >= 2 and any(
            is_acronym(w) and w.lower() not in TITLES for w in run)):
        # "the Hamas-run Gaza Health Ministry"; "Africa CDC", "PRS Legislative Research"
        name_text = " ".join(_drop_modifiers(run))
        name_text = name_text[4:] if name_text.startswith("The ") else name_text
        return SourceInfo("organization", name_text, _prefix_role(prefix, org_apos),
                          acronym=acronym, media=_is_media(name_text))
    if (len(name) == 1 and _name_like(name[0])) or (len(name) == 2 and name[0].lower() in (
            NAME_PARTICLES) and _name_like(name[1])):  # "Ms Ní Bhriain", "Mr Ó Súilleabháin"
        role = clean_role(" ".join([*prefix, *titles])) or org_apos[0]
        return SourceInfo("surname", " ".join(name), role, org_apos[1])
    if len(run) >= 2 and all(_name_like(t) for t in run):
        return SourceInfo("person", run_text, _prefix_role(prefix, org_apos), org_apos[1])
    return _vague(words, "")


#: Municipal bodies named "<word> of <Place>".
_MUNICIPAL = frozenset(("town", "city", "county", "borough", "village", "township", "district"))
#: Adjectives that open an organisation's name, not a person's ("National Highways").
_ORG_ADJECTIVES = frozenset(("national", "federal", "central", "royal", "international", "air"))
#: Acronyms that name a kind of body, not a body: they stand before its name.
_GENERIC_ACRONYMS = frozenset(("ngo", "ngos", "cso", "csos"))
_GENERIC_LONGEST = max(map(len, _GENERIC_ACRONYMS))


def _kind_at(run: list[str]) -> int:
    """Where a generic acronym ("NGO") stands in ``run`` before its last word, else -1: the
    index ``next((i for i, w in enumerate(run[:-1]) if w.lower() in _GENERIC_ACRONYMS), -1)``
    gives, with words longer than any of them skipped unread (lower-casing never shortens
    a word)."""
    for i in range(len(run) - 1):
        word = run[i]
        if len(word) <= _GENERIC_LONGEST and word.lower() in _GENERIC_ACRONYMS:
            return i
    return -1


def _prefix_role(prefix: list[str], org_apos: tuple[str, str]) -> str:
    """The role the words before a name give, else the appositive's role."""
    return clean_role(" ".join(prefix)) or org_apos[0]


def _media_head(word: str) -> bool:
    """A media head word before a name ("newspaper", "news", "agency")."""
    return word in MEDIA_TAILS or word == "news" or word == "agency"
