"""Hypothesis strategies that build realistic wikitext citations, and the example counter.

Templates are built the way editors write them: CS1 names in any case, with ``_`` or extra
spaces, aliases and ``Template:`` prefixes; parameters from the CS1 tables (aliases,
deprecated spellings, numbered authors); values with links, external links, nested
templates (``{{lang|fr|…}}``, ``{{!}}``), comments, entities, unicode, LaTeX specials and
stray braces and pipes; both the ``{{…}}`` and the dump's ``[tpl]…[/tpl]`` form, sometimes
wrapped in ``<ref name=…>``, sometimes left unclosed.

``examples(factor)`` scales a test's ``max_examples`` from the loaded profile (``ci``: 1000,
``dev``: 100) and ``count_example()`` counts the examples actually run; the total is printed
at the end of the run (see ``conftest.pytest_terminal_summary``).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import settings
from hypothesis import strategies as st

from citenorm import cs1

#: Examples run per test in this session (read by conftest's terminal summary).
EXAMPLES: Counter[str] = Counter()


def examples(factor: float) -> int:
    """``max_examples`` for one test: ``factor`` × the profile's (at least 10)."""
    return max(10, int(settings.default.max_examples * factor))


def count_example() -> None:
    """Count one generated example for the calling test."""
    import inspect

    frame = inspect.currentframe()
    caller = frame.f_back if frame is not None else None
    EXAMPLES[caller.f_code.co_name if caller is not None else "?"] += 1


CITE_NAMES = sorted(cs1.TEMPLATE_TYPES) + sorted(cs1.TEMPLATE_ALIASES)
OTHER_TEMPLATES = ["sfn", "harvnb", "lang", "nowrap", "citation needed", "reflist", "infobox",
                   "webarchive", "!", "ndash"]
PARAM_NAMES = [
    *sorted({*cs1.ALIASES, *cs1.DEPRECATED, *cs1.NAME_PARTS}), "last1", "first1", "last2",
    "first2", "author3", "author1-link", "editor2-last",
    "editor-first", "authorlink4", "some-unknown", "Title", "URL", "DOI", "ISBN",
]

WORD = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="{}[]|=<>&'\r",
                           exclude_categories=("Cs", "Cc")),
    min_size=1, max_size=10,
)
PLAIN = st.sampled_from([
    "Missile is Tested by North Koreans", "Sanger", "David E.", "New York Times",
    "June 12, 1993", "1993-06-12", "2001", "c. 1850", "n.d.", "Čapek", "東京大学", "Ελλάδα",
    "O'Brien", "van der Berg, Jan", "World Bank", "10.1000/xyz123", "978-0-306-40615-7",
    "0028-0836", "pp. 12–15", "221-234", "en", "yes", "dead", "https://example.org/a?b=c&d=e",
    "http://x.org/a b", "AT&T", "100%", "C:\\dir", "#1", '"quoted"', "a@b", "@article{x,",
    "$x^2$", "~", "_id", "}", "{", "\\", "and", "et al.",
])
MARKUP = st.sampled_from([
    "[[Link]]", "[[Target|shown text]]", "[[:fr:Page|Page]]", "[[File:x.jpg|thumb|cap]]",
    "[http://example.org label here]", "[https://example.org]", "''italic''", "'''bold'''",
    "<!-- comment -->", "<!-- a | b = c -->", "&nbsp;", "&amp;", "&ndash;", "{{!}}",
    "{{lang|fr|Le Monde}}", "{{nowrap|Die Zeit}}", "{{lang|de|{{nowrap|Die Zeit}}}}",
    "<br/>", "<small>s</small>", "{{ndash}}", "{{=}}", "{{sfn|Smith|2000|p=4}}",
    "<nowiki>[[x]]</nowiki>",
])
STRAY = st.sampled_from(["{", "}", "}}", "{{", "|", "=", "[[", "]]", "[", "]", "[tpl]",
                         "[/tpl]", "<ref>", "</ref>", "<!--", "-->"])
SPACE = st.sampled_from(["", "", " ", "  ", "\n", "\r\n", "\t", "\u00a0"])


def case_variant(name: str) -> st.SearchStrategy[str]:
    """``name`` as editors write it: capitalised, upper case, ``_`` for spaces, a prefix."""
    variants = [name, name.capitalize(), name.upper(), name.title(), name.replace(" ", "_"),
                name.replace(" ", "  "), "Template:" + name, " " + name + " "]
    return st.sampled_from(variants)


cite_names = st.sampled_from(CITE_NAMES).flatmap(case_variant)
param_names = st.one_of(
    st.sampled_from(PARAM_NAMES),
    st.builds(lambda base, i: f"{base}{i}", st.sampled_from(["last", "first", "author",
                                                              "editor-last", "author-link"]),
              st.integers(1, 12)),
).flatmap(lambda n: st.sampled_from([n, n.upper(), n.replace("-", "_"), n]))


@st.composite
def values(draw: st.DrawFn, stray: bool = True, nested_cite: bool = False) -> str:
    """A parameter value: words, markup, specials; rarely a stray brace or pipe."""
    parts = [st.one_of(WORD, PLAIN, PLAIN), MARKUP, SPACE]
    if stray:
        parts.append(STRAY)
    pieces = draw(st.lists(st.one_of(*parts), max_size=5))
    if nested_cite and draw(st.integers(0, 9)) == 0:
        pieces.append(draw(citation(forms=("braces",), nested=False, stray=stray)))
    return "".join(pieces)


@st.composite
def citation(draw: st.DrawFn, forms: tuple[str, ...] = ("braces", "tpl"),
             nested: bool = True, stray: bool = True, closed: bool = True) -> str:
    """One citation template, ``{{cite news |title=…}}`` or ``[tpl]cite news |…[/tpl]``."""
    name = draw(cite_names)
    params = draw(st.lists(
        st.one_of(
            st.tuples(param_names, values(stray=stray, nested_cite=nested)),
            st.tuples(st.just(""), values(stray=False)),  # positional
        ),
        max_size=8,
    ))
    sep_before = draw(SPACE)
    body = name + "".join(
        f"{sep_before}|{k}{draw(SPACE)}={v}" if k else f"{sep_before}|{v}" for k, v in params
    )
    form = draw(st.sampled_from(forms))
    if form == "braces":
        return "{{" + body + ("}}" if closed else "")
    return "[tpl]" + body + ("[/tpl]" if closed else "")


@st.composite
def ref_wrapped(draw: st.DrawFn, inner: st.SearchStrategy[str]) -> str:
    """``inner`` inside ``<ref>``, ``<ref name=…>`` or the dump's ``[ref]`` (sometimes a reuse)."""
    name = draw(st.sampled_from(["", " name=a", ' name="b c"', " name='d'", " name=e "]))
    kind = draw(st.sampled_from(["ref", "ref", "bracket", "reuse"]))
    if kind == "reuse":
        return f"<ref{name or ' name=a'} />"
    body = draw(inner)
    if kind == "bracket":
        return f"[ref]{body}[/ref]"
    return f"<ref{name}>{body}</ref>"


@st.composite
def documents(draw: st.DrawFn, stray: bool = True, unclosed: bool = True) -> str:
    """Wikitext: prose, citation templates (bare or in refs), other templates, junk."""
    cite = citation(stray=stray)
    pieces: list[st.SearchStrategy[str]] = [
        st.one_of(WORD, PLAIN), MARKUP, SPACE, cite, ref_wrapped(cite),
        ref_wrapped(st.sampled_from(["[http://example.org/x Some page]", "Plain text note.",
                                     "http://bare.example.org/y", ""])),
        st.sampled_from(OTHER_TEMPLATES).map(lambda n: "{{" + n + "|x}}"),
    ]
    if stray:
        pieces.append(STRAY)
    if unclosed:
        pieces.append(citation(closed=False))
    return "".join(draw(st.lists(st.one_of(*pieces), max_size=8)))


#: Any text at all, biased towards the characters that mean something to the scanner.
wikiish_text = st.one_of(
    st.text(),
    st.lists(st.one_of(STRAY, MARKUP, SPACE, WORD, st.sampled_from(
        ["cite news", "[tpl]cite web |", "{{cite book|", "<ref name=", "/>", "<nowiki>", "<pre>",
         "</nowiki>", "<math", "\x00", "\ufeff", "\ud7ff", "\U0001f600"]))).map("".join),
)
