"""A reproducible benchmark corpus built from real-shaped text.

Four corpora, each a list of ``(title, text)`` pages:

* ``templates``: the real article ``anarchism.wikitext`` and the wiki seed (in ``{{…}}``
  form), tiled to the wanted size. Every copy after the first has its ``title=``/``url=``
  values made unique, so caches see what they would see on a real dump (repeated names,
  dates and publishers; new titles and links) and not a replay of the same templates.
* ``tpl``: the same pages in the dump form ``[tpl]…[/tpl]`` (the same templates).
* ``sparse``: generated wikitext with few templates (prose, links, headings, a citation
  every ~25 KB), for the MB/s case.
* ``news``: the news seeds plus generated news stories with quoted and reported
  attributions, for the attribution extractor.

Everything is generated from a fixed seed: the same options give the same bytes.
When ``../shared`` is absent the project's own ``fixtures/`` (or a small built-in sample)
stand in for the real article; :func:`load_sources` says which was used.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
Page = tuple[str, str]

_BUILTIN_WIKI = """'''Example''' is an article.<ref name="a">{{cite news |last=Sanger
|first=David E. |title=Missile is Tested by North Koreans |url=http://www.nytimes.com/1993/06/13/world/x.html
|newspaper=The New York Times |date=June 13, 1993 |access-date=2 May 2012}}</ref> It cites
a book.<ref>{{cite book |last1=McLaughlin |first1=Paul |title=Anarchism and Authority
|publisher=Ashgate |year=2007 |isbn=978-0-7546-6196-2 |page=59}}</ref> And a journal.
<ref>{{cite journal |author=Flint, J. |title=On things |journal=J. Things |volume=3
|issue=2 |pages=27-41 |doi=10.1000/xyz123 |date=2009}}</ref>{{sfn|Flint|2009|p=27}}
"""
_BUILTIN_NEWS = """Officials Say Talks Will Resume

By Jane Doe

SEOUL — Talks will resume next week, officials said on Monday.
"We are ready to talk," said Kim Tae-woo, a South Korean analyst with the Korea Institute
for Defense Analyses. The ministry confirmed the date in a statement.
"""


@dataclass(frozen=True)
class Sources:
    """The real texts the corpora are built from, and where they came from."""

    wiki: tuple[str, ...]  # wikitext pages in {{…}} form
    news: tuple[str, ...]  # news prose
    origin: str  # "shared", "fixtures" or "builtin"


def shared_dir() -> Path | None:
    """``$CITENORM_SHARED`` or ``../shared`` beside the repository, when it has a corpus."""
    env = os.environ.get("CITENORM_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if (path / "corpus").is_dir() else None


def to_tpl(text: str) -> str:
    """``{{…}}`` → the dump form ``[tpl]…[/tpl]``.

    >>> to_tpl("a{{cite web|url=x}}b")
    'a[tpl]cite web|url=x[/tpl]b'
    """
    return text.replace("{{", "[tpl]").replace("}}", "[/tpl]")


def to_braces(text: str) -> str:
    """The dump form ``[tpl]…[/tpl]`` → ``{{…}}``.

    >>> to_braces("[tpl]cite news |title=T[/tpl]")
    '{{cite news |title=T}}'
    """
    return text.replace("[tpl]", "{{").replace("[/tpl]", "}}")


def _is_news(text: str) -> bool:
    return "[tpl]" not in text and "{{" not in text and "[[" not in text[:2000]


def load_sources() -> Sources:
    """The real article and seeds from ``../shared``, else the fixtures, else a built-in sample."""
    shared = shared_dir()
    if shared is not None:
        wiki = [(shared / "corpus" / "anarchism.wikitext").read_text(encoding="utf-8")]
        news: list[str] = []
        for seed in sorted((shared / "seeds").glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (news if _is_news(text) else wiki).append(to_braces(text))
        return Sources(tuple(wiki), tuple(news or [_BUILTIN_NEWS]), "shared")
    fixtures = sorted(p for p in (ROOT / "fixtures").rglob("*")
                      if p.is_file() and p.suffix in (".wiki", ".wikitext", ".txt"))
    wiki = [to_braces(p.read_text(encoding="utf-8", errors="replace")) for p in fixtures]
    news = [t for t in wiki if _is_news(t)]
    wiki = [t for t in wiki if not _is_news(t)]
    if wiki:
        return Sources(tuple(wiki), tuple(news or [_BUILTIN_NEWS]), "fixtures")
    return Sources((_BUILTIN_WIKI,), (_BUILTIN_NEWS,), "builtin")


_TITLE_VALUE = regex.compile(r"(\|\s*title\s*=\s*)")
_URL_VALUE = regex.compile(r"(\|\s*url\s*=\s*https?://)")


def _variant(text: str, copy: int) -> str:
    """Copy ``copy`` of a page: unique titles and links, everything else as written."""
    if copy == 0:
        return text
    text = _TITLE_VALUE.sub(lambda m: f"{m.group(1)}({copy}) ", text)
    return str(_URL_VALUE.sub(lambda m: f"{m.group(1)}c{copy}.", text))


def _tile(pages: tuple[str, ...], target: int, name: str) -> list[Page]:
    out: list[Page] = []
    size = 0
    copy = 0
    while size < target:
        for i, page in enumerate(pages):
            text = _variant(page, copy)
            out.append((f"{name} {copy}.{i}", text))
            size += len(text.encode("utf-8"))
            if size >= target:
                break
        copy += 1
    return out


def template_pages(sources: Sources, target: int) -> list[Page]:
    """The real wikitext tiled to at least ``target`` bytes (``{{…}}`` form)."""
    return _tile(sources.wiki, target, "Wiki")


def tpl_pages(pages: list[Page]) -> list[Page]:
    """The same pages in the ``[tpl]`` dump form."""
    return [(title, to_tpl(text)) for title, text in pages]


_WORD = regex.compile(r"[A-Za-z][a-z]{2,14}")
_MARKUP = regex.compile(r"\{\{.*?\}\}|<ref[^>]*?/>|<ref.*?</ref>|\[\[|\]\]|'''|''", regex.DOTALL)


def _vocabulary(sources: Sources) -> list[str]:
    words = _WORD.findall(_MARKUP.sub(" ", " ".join(sources.wiki + sources.news)))
    return sorted(set(words)) or ["word"]


def _paragraph(rng: random.Random, vocab: list[str], sentences: int,
               markup: bool = True) -> str:
    """Sentences of vocabulary words; with ``markup``, wiki links and italics among them."""
    out: list[str] = []
    for _ in range(sentences):
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 24))]
        if markup and rng.random() < 0.3:
            k = rng.randrange(len(words))
            words[k] = f"[[{words[k]}]]"
        if markup and rng.random() < 0.1:
            k = rng.randrange(len(words))
            words[k] = f"''{words[k]}''"
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def _citation(rng: random.Random, vocab: list[str], n: int) -> str:
    t = " ".join(rng.choice(vocab) for _ in range(5))
    return (f"<ref>{{{{cite web |url=https://example.org/{n}/{rng.randrange(10**6)} "
            f"|title={t.capitalize()} |last={rng.choice(vocab)} |first={rng.choice(vocab)} "
            f"|date={rng.randint(1, 28)} May {rng.randint(1950, 2024)} "
            f"|website=Example |access-date=2 May 2020}}}}</ref>")


def sparse_pages(sources: Sources, target: int, seed: int = 1) -> list[Page]:
    """Generated wikitext with few templates: ~32 KB pages, a citation every ~25 KB."""
    rng = random.Random(seed)
    vocab = _vocabulary(sources)
    out: list[Page] = []
    size = 0
    n = 0
    while size < target:
        parts: list[str] = [f"'''{rng.choice(vocab)}''' is a topic.\n"]
        while sum(len(p) for p in parts) < 32_000:
            if rng.random() < 0.08:
                parts.append(f"\n== {rng.choice(vocab).capitalize()} ==\n")
            para = _paragraph(rng, vocab, rng.randint(3, 8))
            if rng.random() < 0.03:
                n += 1
                para += _citation(rng, vocab, n)
            parts.append(para + "\n\n")
        text = "".join(parts)
        out.append((f"Sparse {len(out)}", text))
        size += len(text.encode("utf-8"))
    return out


_FIRST = (
    "Alon", "Daniel", "Jane", "Min-jun", "Hye-jin", "Christopher", "Maria", "Ahmad", "Sara",
    "Tomas", "Yuki", "Olga", "Peter", "Leila", "Omar", "Grace", "Ivan", "Chen", "Priya", "Kwame",
)
_LAST = (
    "Ben-David", "Pinkston", "Hill", "Kim", "Park", "Lee", "Rubin", "Rahimi", "Novak", "Tanaka",
    "Petrova", "Schmidt", "Haddad", "Okafor", "Garcia", "Wang", "Sharma", "Mensah", "Dubois",
    "Larsen",
)
_ROLES = ("a spokesman for", "an analyst with", "the director of", "a senior official at",
          "a researcher at", "the minister of defense of", "a professor at")
_ORGS = ("the Korea Institute for Defense Analyses", "the Center for Nonproliferation Studies",
         "the Foreign Ministry", "the International Crisis Group", "Seoul National University",
         "the Pentagon", "the United Nations", "Reuters", "the Associated Press")
_VERBS = ("said", "told reporters", "added", "warned", "noted", "explained", "confirmed")


def _person(rng: random.Random, serial: int) -> str:
    # a serial number keeps names from repeating across the corpus like a replay would
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}{'' if serial % 3 else 'son'}"


def _quote_sentence(rng: random.Random, vocab: list[str], serial: int) -> str:
    words = " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 18)))
    who = _person(rng, serial)
    role = f"{rng.choice(_ROLES)} {rng.choice(_ORGS)}"
    form = rng.randrange(4)
    if form == 0:
        return f"“{words.capitalize()},” said {who}, {role}."
    if form == 1:
        return f"{who}, {role}, {rng.choice(_VERBS)} that {words}."
    if form == 2:
        return f"According to {rng.choice(_ORGS)}, {words}."
    return f"“{words.capitalize()},” {who} {rng.choice(_VERBS)}."


def news_pages(sources: Sources, target: int, seed: int = 2) -> list[Page]:
    """The real news seeds, then generated stories (byline, dateline, quotes), to ``target``."""
    rng = random.Random(seed)
    vocab = _vocabulary(sources)
    real_paragraphs = [p for s in sources.news for p in s.split("\n\n") if len(p) > 80]
    out: list[Page] = [(f"News seed {i}", s) for i, s in enumerate(sources.news)]
    size = sum(len(s.encode("utf-8")) for _, s in out)
    serial = 0
    while size < target:
        body: list[str] = [f"{rng.choice(vocab).capitalize()} Talks Resume\n",
                           f"By {_person(rng, serial)}\n",
                           f"SEOUL, May {rng.randint(1, 28)} — "]
        for _ in range(rng.randint(6, 12)):
            if real_paragraphs and rng.random() < 0.4:
                body.append(rng.choice(real_paragraphs) + "\n\n")
                continue
            serial += 1
            sentences = [_quote_sentence(rng, vocab, serial)]
            # news prose has no wiki markup (links, italics): plain sentences
            sentences += [_paragraph(rng, vocab, 1, markup=False)
                          for _ in range(rng.randint(1, 3))]
            rng.shuffle(sentences)
            body.append(" ".join(sentences) + "\n\n")
        text = "".join(body)
        out.append((f"News {len(out)}", text))
        size += len(text.encode("utf-8"))
    return out


def size_of(pages: list[Page]) -> int:
    """Total UTF-8 bytes of the pages' texts."""
    return sum(len(text.encode("utf-8")) for _, text in pages)
