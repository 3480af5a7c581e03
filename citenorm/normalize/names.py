"""Personal and corporate names → :class:`~citenorm.model.Name`.

Small pure functions with a cache: real dumps repeat the same names many times.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Name

PARTICLES = frozenset(
    "van von de der den del della dela di da das dos du la le ten ter bin ibn al el y zu af".split()
)
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv v vi 2nd 3rd".split())
ETAL = regex.compile(r"(?i)^(?:et\.?\s*al\.?|and others|others)$")
ETAL_TAIL = regex.compile(r"(?i)[,;\s]*\bet\.?\s*al\.?\s*$")

#: Words that mark a corporate author (kept as a CSL literal, never split).
ORG_WORDS = frozenset(
    """agency associated association authority bank board broadcasting bureau cabinet center centre
    channel club college commission committee company corp corporation council court department
    desk editors editorial foundation fund gazette government group herald inc institute
    institution international league library limited ltd magazine ministry museum network news
    newspaper office organisation organization party police press project railway records
    register reporter reporters reuters school service services society staff studio studios
    survey team telegraph times tribune trust union united university wire writer writers
    unesco nato bbc cnn afp ap upi""".split()
)
KNOWN_ORGS = frozenset(
    """reuters bloomberg yonhap xinhua kcna afp ap upi bbc cnn nbc cbs abc npr pbs tass itar-tass
    interfax kyodo ansa efe dpa aljazeera""".split()
)
CJK_FAMILY_FIRST = frozenset(
    """kim lee park choi jung jeong kang cho yoon yun jang lim im han oh seo shin kwon hwang ahn
    song yoo ryu jeon hong ko moon yang son bae baek heo nam noh roh ha chung""".split()
)

_INITIALS = regex.compile(r"^\p{Lu}{1,3}$")
_ASCII_DIGITS = frozenset("0123456789")


def _may_end_etal(text: str) -> bool:
    """Whether ``text`` ends as :data:`ETAL` and :data:`ETAL_TAIL` need ("al", "al.",
    "others", in any case): a cheap test before those patterns."""
    return text[-6:].casefold().endswith(("al", "al.", "others"))


def _initials(token: str) -> bool:
    """One to three capitals ("CD"), as :data:`_INITIALS` matches."""
    return len(token) <= 3 and _INITIALS.match(token) is not None


def is_organization(text: str) -> bool:
    """True when ``text`` reads as a corporate name rather than a person.

    >>> is_organization("World Bank"), is_organization("Associated Press"), is_organization("BBC")
    (True, True, True)
    >>> is_organization("David E. Sanger"), is_organization("Reuters")
    (False, True)
    """
    words = text.replace("&", " and ").split()
    if not words:
        return False
    if len(words) == 1:
        word = text.strip()
        return word.lower() in KNOWN_ORGS or (
            len(word) > 1 and word.isupper() and word.isalpha() and len(word) <= 6
        )
    for w in words:
        if w.lower().strip(".'’") in ORG_WORDS:
            return True
    return len(words) > 4 or _has_digit(text)


def _has_digit(text: str) -> bool:
    """Whether any character of ``text`` is a digit (``str.isdigit``, so "²" counts too)."""
    if text.isascii():
        return not _ASCII_DIGITS.isdisjoint(text)
    return any(map(str.isdigit, text))


def _split_suffix(tokens: list[str]) -> tuple[list[str], str]:
    if len(tokens) > 1 and tokens[-1].lower().rstrip(",") in SUFFIXES:
        return tokens[:-1], tokens[-1].rstrip(",")
    return tokens, ""


def _split_particle(family: str) -> tuple[str, str]:
    """``"van der Berg"`` → ``("van der", "Berg")``."""
    tokens = family.split()
    i = 0
    while i < len(tokens) - 1 and tokens[i].lower() in PARTICLES and tokens[i][0].islower():
        i += 1
    return " ".join(tokens[:i]), " ".join(tokens[i:])


@lru_cache(maxsize=65536)
def person(family: str, given: str = "", link: str = "") -> Name:
    """A person from separate family and given parts (``last=``/``first=``).

    >>> person("van der Berg", "Jan")
    Name(family='Berg', given='Jan', literal='', particle='van der', suffix='', link='')
    >>> person("King", "Martin Luther Jr.").suffix
    'Jr.'
    """
    family, given = family.strip(), given.strip()
    gtokens, suffix = _split_suffix(given.split())
    if not suffix:
        ftokens, suffix = _split_suffix(family.split())
        family = " ".join(ftokens)
    particle, family = _split_particle(family)
    if not given and not particle and is_organization(family):
        return Name(literal=family, link=link)
    return Name(family=family, given=" ".join(gtokens), particle=particle, suffix=suffix, link=link)


@lru_cache(maxsize=65536)
def parse_name(text: str, link: str = "", family_first: bool = False) -> Name | None:
    """A free-text name (``author=``): "Given Family", "Family, Given", or an organisation.

    Returns None for "et al." and empty input (no phantom author).

    >>> parse_name("David E. Sanger")
    Name(family='Sanger', given='David E.', literal='', particle='', suffix='', link='')
    >>> parse_name("Margovenko, A").family
    'Margovenko'
    >>> parse_name("Ludwig van Beethoven").particle
    'van'
    >>> parse_name("Associated Press").literal
    'Associated Press'
    >>> parse_name("et al.") is None
    True
    >>> parse_name("Kim Jee-woon").family, parse_name("Laherty CD").family
    ('Kim', 'Laherty')
    """
    text = " ".join(text.split())
    if _may_end_etal(text):
        text = ETAL_TAIL.sub("", text)
    text = text.strip(" ,;")
    if not text or (_may_end_etal(text) and ETAL.match(text)):
        return None
    if text.count(",") == 1 or (text.count(",") == 2 and _looks_suffix(text.split(",")[1])):
        parts = [p.strip() for p in text.split(",")]
        if len(parts) == 3:
            return person(parts[0], f"{parts[2]} {parts[1]}", link)
        if parts[1] and not is_organization(text):
            return person(parts[0], parts[1], link)
    if is_organization(text) or "," in text:
        return Name(literal=text, link=link)
    tokens, suffix = _split_suffix(text.split())
    if len(tokens) == 1:
        return Name(family=tokens[0], suffix=suffix, link=link)
    if len(tokens) == 2 and _initials(tokens[1]) and not _initials(tokens[0]):
        return Name(family=tokens[0], given=tokens[1], suffix=suffix, link=link)  # "Laherty CD"
    if family_first or (looks_family_first(text) and "-" in tokens[1]):
        return Name(family=tokens[0], given=" ".join(tokens[1:]), suffix=suffix, link=link)
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in PARTICLES and tokens[i - 1][0].islower():
        i -= 1
    particle = " ".join(tokens[i:-1]) if i < len(tokens) - 1 else ""
    if particle:
        return Name(
            family=tokens[-1],
            given=" ".join(tokens[:i]),
            particle=particle,
            suffix=suffix,
            link=link,
        )
    return Name(family=tokens[-1], given=" ".join(tokens[:-1]), suffix=suffix, link=link)


def _looks_suffix(text: str) -> bool:
    return text.strip().lower() in SUFFIXES


@lru_cache(maxsize=16384)
def parse_vancouver(text: str) -> Name | None:
    """A Vancouver-style name: ``"Laherty CD"`` → family Laherty, given CD.

    >>> parse_vancouver("Laherty CD")
    Name(family='Laherty', given='CD', literal='', particle='', suffix='', link='')
    >>> parse_vancouver("World Health Organization").literal
    'World Health Organization'
    """
    text = " ".join(text.split()).strip(" .")
    if not text or ETAL.match(text):
        return None
    if is_organization(text):
        return Name(literal=text)
    tokens = text.split()
    if len(tokens) >= 2 and tokens[-1].isupper() and len(tokens[-1]) <= 4:
        return person(" ".join(tokens[:-1]), tokens[-1])
    return Name(literal=text) if len(tokens) > 2 else person(tokens[0], " ".join(tokens[1:]))


def split_name_list(text: str) -> list[str]:
    """Split ``authors=``/``vauthors=`` lists on ``;`` (or ``,`` when there is no ``;``).

    >>> split_name_list("Laherty CD, Billin AN, et al.")
    ['Laherty CD', 'Billin AN']
    """
    sep = ";" if ";" in text else ","
    parts = [p.strip() for p in text.split(sep)]
    return [p for p in parts if p and not ETAL.match(p)]


def korean_or_cjk_name(text: str) -> Name:
    """A family-first CJK name such as ``"LIM JEONG-WON"`` → family Lim, given Jeong-won.

    >>> korean_or_cjk_name("LIM JEONG-WON")
    Name(family='Lim', given='Jeong-won', literal='', particle='', suffix='', link='')
    """
    tokens = [_recase(t) for t in text.split()]
    return Name(family=tokens[0], given=" ".join(tokens[1:]))


def _recase(token: str) -> str:
    if not token.isupper():
        return token
    return "-".join(part.capitalize() if i == 0 else part.lower()
                    for i, part in enumerate(token.split("-")))


def looks_family_first(text: str) -> bool:
    """True for a name that is most likely Korean/Chinese family-name first.

    >>> looks_family_first("Kim Tae-woo"), looks_family_first("Uzi Rubin")
    (True, False)
    """
    tokens = text.split()
    return 2 <= len(tokens) <= 3 and tokens[0].lower() in CJK_FAMILY_FIRST
