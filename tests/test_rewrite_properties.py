"""Property tests for ``fix``: idempotent, nothing outside citation spans changes, same meaning."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citenorm import cs1
from citenorm.emit.csl import to_csl_item
from citenorm.pipeline import parse_templates
from citenorm.rewrite import gaps, rewrite

NAMES = sorted(cs1.TEMPLATE_TYPES) + sorted(cs1.TEMPLATE_ALIASES)
PARAMS = sorted(
    {*cs1.KNOWN, *cs1.DEPRECATED, "last", "first", "author", "last2", "first2", "authorlink2",
     "author1-link", "editor-last", "DOI", "URL", "ISBN", "some-unknown", "Title"}
)
SPACE = st.sampled_from(["", "", " ", "  ", "\n", "\r\n", " \r\n ", "\t", "\u00a0"])
WORD = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="{}[]|=<>\r\n",
                           exclude_categories=("Cs", "Cc")),
    min_size=1, max_size=12,
)
VALUE_SPECIAL = st.sampled_from([
    "yes", "no", "dead", "y", "maybe", "", "June 12, 1993", "2001-05-02", "1993a",
    "https://doi.org/10.1000/xyz123", "doi:10.1515/thli.1979.6.1-3.221", "10.1000/ok.",
    "[[Link|shown]]", "[[Plain]]", "{{lang|fr|Été}}", "[http://x.org a link]", "''italic''",
    "<!-- note -->", "&nbsp;", "Čapek", "東京", "978-0-306-40615-7", "x}",
])


@st.composite
def values(draw: st.DrawFn, depth: int = 0) -> str:
    parts = draw(st.lists(st.one_of(WORD, VALUE_SPECIAL, SPACE), min_size=0, max_size=4))
    if depth == 0 and draw(st.booleans()) and draw(st.booleans()):
        parts.append(draw(citation(depth=1)))
    return "".join(parts)


@st.composite
def citation(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(NAMES))
    name = draw(st.sampled_from([name, name.title(), name.replace(" ", "_"), name.upper()]))
    braces = draw(st.booleans())
    opening, closing = ("{{", "}}") if braces else (draw(st.sampled_from(["[tpl]", "[TPL]"])),
                                                    "[/tpl]")
    out = [opening, draw(SPACE) if braces else "", name, draw(SPACE)]
    for _ in range(draw(st.integers(0, 6))):
        out.append("|")
        if draw(st.integers(0, 9)) == 0:  # a positional parameter
            out.append(draw(values(depth=1)))
            continue
        out += [draw(SPACE), draw(st.sampled_from(PARAMS)), draw(SPACE), "=",
                draw(values(depth=depth))]
    out.append(closing)
    return "".join(out)


PROSE = st.one_of(
    WORD, SPACE, st.sampled_from([
        " the ", ".\r\n", "\n\n== Sources ==\n", "<ref>", "</ref>", '<ref name="a"/>', "* ",
        "[[Anarchism|anarchist]]", "{{sfn|Ward|2004|p=3}}", "{{Infobox| a = 1 }}", "}}", "{{",
        "[tpl]", "<!-- {{cite web|accessdate=1}} -->", "<nowiki>{{cite web|x=1}}</nowiki>",
        "{{cite web |url=http://unclosed.org\n", "[/tpl]", "|", "=", "é", "\u2028",
    ]),
)
DOCUMENTS = st.lists(st.one_of(PROSE, citation()), min_size=0, max_size=12).map("".join)



@given(DOCUMENTS)
def test_fix_is_idempotent(text: str) -> None:
    once = rewrite(text).text
    assert rewrite(once).text == once


@given(DOCUMENTS)
def test_fix_changes_nothing_outside_citation_spans(text: str) -> None:
    result = rewrite(text)
    assert gaps(result.text) == gaps(text)
    for change in result.changes:  # each change is exactly one citation template span
        assert text[change.start:change.end] in text
    if not result.changed:
        assert result.text == text


def _meaning(text: str) -> list[dict[str, object]]:
    items = []
    for ref in parse_templates(text).references:
        item = to_csl_item(ref, "k")
        item.pop("note", None)  # renamed parameters are named differently in the note
        items.append(item)
    return items


@given(DOCUMENTS)
def test_fix_keeps_the_meaning_of_every_citation(text: str) -> None:
    assert _meaning(rewrite(text).text) == _meaning(text)
