"""The scanner: template spans in both forms, nesting, refs, comments, and bad balance."""

from __future__ import annotations

import pytest

from citenorm import parse
from citenorm.scan import scan


def cites(text: str) -> list[str]:
    return [text[t.start:t.end] for t in scan(text).templates if t.citation]


@pytest.mark.parametrize(("text", "expected"), [
    ("a {{cite web|url=x}} b", ["{{cite web|url=x}}"]),
    ("a [tpl]cite web |url=x [/tpl] b", ["[tpl]cite web |url=x [/tpl]"]),
    ("{{cite book|title={{lang|fr|Le {{nowrap|Monde}}}}}}",
     ["{{cite book|title={{lang|fr|Le {{nowrap|Monde}}}}}}"]),
    ("[tpl]cite book|title=[tpl]lang|fr|x[/tpl][/tpl]",
     ["[tpl]cite book|title=[tpl]lang|fr|x[/tpl][/tpl]"]),
    ("{{refn|{{cite web|url=x}}}}", ["{{cite web|url=x}}"]),
    ("<!-- {{cite web|url=x}} -->{{cite news|title=t}}", ["{{cite news|title=t}}"]),
    ("<nowiki>{{cite web|url=x}}</nowiki>", []),
    ("{{Cite_Web |url=x}}{{CITATION|title=y}}", ["{{Cite_Web |url=x}}", "{{CITATION|title=y}}"]),
    ("{{citeweb|url=x}}{{cite webpage-like|url=x}}", []),
])
def test_citation_spans(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


def test_ref_names_and_reuse() -> None:
    text = ('A.<ref name="nyt">{{cite news|title=T|url=http://x.org}}</ref> '
            'B.<ref name=nyt /> C.<ref name="nyt"/> D.<ref>[tpl]cite web|url=http://y.org'
            '|title=U[/tpl]</ref>')
    doc = parse(text, only="templates")
    assert [r.ref_name for r in doc.references] == ["nyt", ""]
    assert [r.reuses for r in doc.references] == [2, 0]
    assert doc.candidates == 2


def test_bracket_ref_form() -> None:
    doc = parse("x[ref]{{cite web|url=http://x.org|title=T}}[/ref] y[ref]Plain words.[/ref]",
                only="templates")
    assert len(doc.references) == 1
    assert [d.code for d in doc.diagnostics] == ["CN301"]
    assert doc.candidates == 2


def test_unclosed_citation_is_one_dropped_diagnostic() -> None:
    text = "Intro {{cite news |title=Lost |date=2001\n\nMore text {{cite web|url=http://x.org}}."
    doc = parse(text, only="templates")
    assert len(doc.references) == 1
    (d,) = [d for d in doc.diagnostics if d.code == "CN001"]
    assert d.dropped and (d.span.line, d.span.col) == (1, 7)
    assert doc.candidates == 2


def test_unclosed_tpl_inside_text() -> None:
    doc = parse("a [tpl]cite news |title=x b [tpl]cite web|url=http://x.org[/tpl]",
                only="templates")
    assert len(doc.references) == 1 and doc.references[0].csl_type == "webpage"
    assert [d.code for d in doc.dropped] == ["CN001"]


def test_stray_closers_are_reported_not_dropped() -> None:
    doc = parse("text }} more [/tpl] {{cite web|url=http://x.org|title=T}}", only="templates")
    assert [d.code for d in doc.diagnostics] == ["CN002", "CN002"]
    assert len(doc.references) == 1 and not doc.dropped


def test_empty_template() -> None:
    doc = parse("{{cite web}} {{cite news| |title= }}", only="templates")
    assert doc.references == ()
    assert [d.code for d in doc.diagnostics] == ["CN003", "CN003"]
    assert doc.candidates == 2


def test_missing_title_and_url() -> None:
    doc = parse("{{cite book |last=Woodcock |year=1962}}", only="templates")
    assert len(doc.references) == 1
    assert [d.code for d in doc.diagnostics] == ["CN203"]


def test_spans_have_line_and_column() -> None:
    text = "line one\nline two {{cite web|url=http://x.org|title=T}}\n"
    ref = parse(text, "f.wiki", only="templates").references[0]
    assert (ref.span.source, ref.span.line, ref.span.col) == ("f.wiki", 2, 10)
    assert text[ref.span.start:ref.span.end].startswith("{{cite web")


def test_free_text_ref_with_link_becomes_webpage() -> None:
    doc = parse("x<ref>[http://www.etymonline.com/a Anarchy], Online etymology dictionary.</ref>",
                only="templates")
    (ref,) = doc.references
    assert ref.csl_type == "webpage" and ref.origin == "ref"
    assert ref.fields["URL"] == "http://www.etymonline.com/a"
    assert ref.fields["title"] == "Anarchy"


def test_reuse_of_undefined_name() -> None:
    doc = parse("a<ref name=ghost/>", only="templates")
    assert [d.code for d in doc.diagnostics] == ["CN302"]


def test_unclosed_ref() -> None:
    doc = parse("a<ref>{{cite web|url=http://x.org|title=T}}", only="templates")
    assert len(doc.references) == 1
    assert [d.code for d in doc.diagnostics] == ["CN004"]
