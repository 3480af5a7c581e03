"""Markup stripping of parameter values."""

from __future__ import annotations

import pytest

from citenorm import parse, to_csl_items
from citenorm.normalize.text import strip_markup


@pytest.mark.parametrize(("raw", "plain"), [
    ("[[Ballou's Pictorial Drawing-Room Companion]]", "Ballou's Pictorial Drawing-Room Companion"),
    ("[[United States|U.S.]]", "U.S."),
    ("[http://example.org The Label]", "The Label"),
    ("[http://example.org]", "http://example.org"),
    ("''Banksia'' (Proteaceae)", "Banksia (Proteaceae)"),
    ("'''Bold''' and ''italic''", "Bold and italic"),
    ("A<br />B", "A B"),
    ("<span class=\"x\">Inner</span> text", "Inner text"),
    ("Procter &amp; Gamble &ndash; 1990", "Procter & Gamble – 1990"),
    ("Le&nbsp;Monde", "Le Monde"),
    ("Title<!-- hidden -->", "Title"),
    ("{{lang|fr|Le Monde diplomatique}}", "Le Monde diplomatique"),
    ("{{lang-de|Die Zeit}}", "Die Zeit"),
    ("A {{!}} B", "A | B"),
    ("{{nowrap|{{lang|ru|Урал}}}}", "Урал"),
    ("[tpl]lang|fr|Libération[/tpl]", "Libération"),
    ("{{sic|hide=y|Teh}} Title", "Teh Title"),
    ("{{start date|1993|6|12}}", "1993-06-12"),
    ("Note{{citation needed|date=May 2020}}", "Note"),
    ("[[File:X.jpg|thumb|caption]]Text", "Text"),
    ("  many   \n spaces ", "many spaces"),
    ("Title<ref>{{cite web|url=x}}</ref>", "Title"),
])
def test_strip_markup(raw: str, plain: str) -> None:
    assert strip_markup(raw) == plain


def test_pipes_inside_links_and_templates_do_not_split_parameters() -> None:
    doc = parse("{{cite web |url=http://x.org |title=[[A|B]] {{lang|fr|C}} {{!}} D "
                "|publisher=[[E|F]]}}", only="templates")
    item = to_csl_items([doc])[0]
    assert item["title"] == "B C | D"
    assert item["publisher"] == "F"
    assert doc.diagnostics == ()


def test_urls_are_not_markup_stripped() -> None:
    item = to_csl_items([parse("{{cite web |url=http://x.org/a_''b''?q=1&r=2 |title=T}}")])[0]
    assert item["URL"] == "http://x.org/a_''b''?q=1&r=2"


@pytest.mark.parametrize("raw", ["0\t0", "0\t0 ", "a\u00a0b", "a\rb", " a b"])
def test_plain_values_collapse_all_white_space(raw: str) -> None:
    # the no-markup fast path gave "0\t0" for "0\t0" but "0 0" for "0\t0 " (found by the
    # fix property tests: re-spacing a template changed a DOI)
    assert strip_markup(raw) == " ".join(raw.split())
