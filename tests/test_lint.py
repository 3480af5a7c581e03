"""check's rules: short-reference matching (CN402/CN403), duplicates (CN401), pipeline codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from citenorm.lint import lint, short_ref_diagnostics
from citenorm.shortrefs import anchor_key, full_ref_anchor, short_ref_anchors
from citenorm.wikitext import split_template


def body(text: str):  # type: ignore[no-untyped-def]
    return split_template(text, 2, len(text) - 2)


def codes(text: str) -> list[str]:
    return [d.code for d in lint(text, "t.wiki")]


@pytest.mark.parametrize(
    ("template", "anchor"),
    [
        ("{{cite book|last=Ward|first=Colin|year=2004|title=A}}", "CITEREFWard2004"),
        ("{{cite book|last1=McLean|last2=McMillan|date=2003|title=A}}",
         "CITEREFMcLeanMcMillan2003"),
        ("{{cite journal|author=Dolgoff|date=12 May 1974|title=A}}", "CITEREFDolgoff1974"),
        ("{{cite book|surname1=A|last2=B|last3=C|last4=D|last5=E|year=2001a}}", "CITEREFABCD2001a"),
        ("{{cite book|editor-last=Graham|editor-first=R.|year=2005|title=A}}", "CITEREFGraham2005"),
        ("{{cite web|title=Z|ref={{sfnref|The Anarchist Library|2009}}}}",
         "CITEREFThe Anarchist Library2009"),
        ("{{cite web|title=Z|ref={{harvid|Google Books}}}}", "CITEREFGoogle Books"),
        ("{{cite book|last=Kropotkin|year=1910|ref=harv}}", "CITEREFKropotkin1910"),
        ("{{cite book|last=Kropotkin|year=1910|ref=none}}", None),
        ("{{cite web|title=No names, no year}}", None),
        ("{{cite journal|vauthors=Smith AB, Jones CD|year=1999}}", "CITEREFSmithJones1999"),
    ],
)
def test_full_ref_anchor(template: str, anchor: str | None) -> None:
    assert full_ref_anchor(body(template)) == anchor


@pytest.mark.parametrize(
    ("template", "anchors"),
    [
        ("{{sfn|Ward|2004|p=3}}", ["CITEREFWard2004"]),
        ("{{sfnp|McLean|McMillan|2003|loc= Anarchism}}", ["CITEREFMcLeanMcMillan2003"]),
        ("{{harvnb| Kropotkin |1910}}", ["CITEREFKropotkin1910"]),
        ("{{Harvard citation no brackets|A|B|C|D|2001}}", ["CITEREFABCD2001"]),
        ("{{sfnm|1a1=Ward|1y=2004|2a1=Marshall|2y=2010|2p=16}}",
         ["CITEREFWard2004", "CITEREFMarshall2010"]),
        ("{{sfn|ps=only a note}}", []),
    ],
)
def test_short_ref_anchors(template: str, anchors: list[str]) -> None:
    assert short_ref_anchors(body(template)) == anchors


def test_anchor_key_ignores_case_space_and_links() -> None:
    assert anchor_key("CITEREF[[Colin Ward|Ward]] 2004") == anchor_key("citerefward2004")


WIKI = """'''Anarchism''' is a philosophy.{{sfn|Ward|2004|p=3}}{{sfn|McLean|McMillan|2003}}
Its history.<ref>{{harvnb|Kropotkin|1910}}: ''quote''</ref>{{sfn|Moyihan|2007}}
== Sources ==
* {{cite book |last=Ward |first=Colin |year=2004 |title=Anarchism: A Very Short Introduction}}
* {{cite book |last1=McLean |last2=McMillan |year=2003 |title=Oxford Dictionary}}
* [tpl]cite book |last=Kropotkin |date=1910 |title=Anarchism |ref=harv[/tpl]
* {{cite book |last=Moynihan |year=2007 |title=Lords of Chaos}}
* {{cite book |last=Marshall |year=2010 |title=Demanding the Impossible |ref=none}}
"""


def test_no_target_and_unused_full_reference() -> None:
    found = short_ref_diagnostics(WIKI, "a.wiki")
    assert [(d.code, d.span.line) for d in found] == [("CN402", 2), ("CN403", 7)]
    assert "'Moyihan' (2007)" in found[0].message
    assert "Moynihan2007" in found[1].message
    assert str(found[0].span).startswith("a.wiki:2:")


def test_full_references_inside_ref_tags_are_not_unused() -> None:
    text = ("A.{{sfn|Ward|2004}}<ref>{{cite web|url=http://x.org|title=Inline|last=Smith"
            "|year=2001}}</ref>\n* {{cite book|last=Ward|year=2004|title=A}}\n")
    assert short_ref_diagnostics(text, "t") == []


def test_no_short_refs_no_cn403() -> None:
    assert short_ref_diagnostics("* {{cite book|last=Ward|year=2004|title=A}}", "t") == []


def test_lint_reports_pipeline_codes_in_order() -> None:
    text = (
        "{{cite news|title=T|accessdate=32 March 2001|doi=11.1/x|isbn=978-0-00-000000-1}}\n"
        "{{cite web|publisher=P}}\n"
        "{{cite web|url=http://a.org/x|title=First}} {{cite web|url=http://a.org/x|title=Second}}\n"
        "{{cite book|title=Open\n"
    )
    assert codes(text) == ["CN101", "CN202", "CN102", "CN103", "CN203", "CN401", "CN001"]


def test_lint_is_quiet_on_a_clean_file() -> None:
    text = "Text.{{sfn|Ward|2004}}\n* {{cite book |last=Ward |year=2004 |title=Anarchism}}\n"
    assert lint(text, "t") == []


def test_anarchism_article(shared: Path) -> None:
    text = (shared / "corpus" / "anarchism.wikitext").read_text(encoding="utf-8")
    found = lint(text, "anarchism.wikitext")
    no_target = [d for d in found if d.code == "CN402"]
    # Real errors in the article: a misspelt author, an sfn pointing at a title while the
    # full reference is anchored by sfnref|Google Books, and a name with no reference.
    assert any("'Moyihan' (2007)" in d.message for d in no_target)
    assert any("Dictionnaire des usages" in d.message for d in no_target)
    assert len(no_target) == 3
    unused = {d.message.split("'")[1] for d in found if d.code == "CN403"}
    assert {"Moynihan2007", "Nettlau1996", "Google Books"} <= unused
    # every other sfn of the article finds its target
    assert sum(1 for d in found if d.code == "CN202") > 100
