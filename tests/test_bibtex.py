"""BibTeX output: entry types, names, months, escaping, brace safety, strict parsers."""

from __future__ import annotations

import bibtexparser
import pybtex.database
import pybtex.errors
import pytest

from citenorm import parse, to_bibtex
from citenorm.emit.bibtex import balanced, escape, format_name, protect
from citenorm.model import Name


def entries(wikitext: str) -> list[bibtexparser.model.Entry]:
    bib = to_bibtex([parse(wikitext, only="templates")])
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    pybtex.errors.set_strict_mode(True)
    try:
        pybtex.database.parse_string(bib, "bibtex")
    finally:
        pybtex.errors.set_strict_mode(False)
    result: list[bibtexparser.model.Entry] = library.entries
    return result


@pytest.mark.parametrize(("wikitext", "entry_type", "container_field"), [
    ("{{cite news |title=T |newspaper=The Times |date=1993}}", "article", "journal"),
    ("{{cite journal |title=T |journal=Nature |year=1993}}", "article", "journal"),
    ("{{cite magazine |title=T |magazine=Wired |year=1993}}", "article", "journal"),
    ("{{cite book |title=T |publisher=Verso |year=1993}}", "book", None),
    ("{{cite book |title=Reader |chapter=Ch |year=1993}}", "incollection", "booktitle"),
    ("{{cite encyclopedia |title=Anarchism |encyclopedia=Britannica |year=1993}}",
     "incollection", "booktitle"),
    ("{{cite report |title=T |publisher=RAND |year=1993}}", "techreport", None),
    ("{{cite thesis |title=T |degree=PhD |year=1993}}", "phdthesis", None),
    ("{{cite thesis |title=T |degree=MA |year=1993}}", "mastersthesis", None),
    ("{{cite conference |title=T |book-title=Proc. ICML |year=1993}}", "inproceedings",
     "booktitle"),
    ("{{cite web |title=T |url=http://x.org |website=x.org}}", "misc", "howpublished"),
    ("{{cite AV media |title=T |url=http://x.org}}", "misc", None),
])
def test_entry_types(wikitext: str, entry_type: str, container_field: str | None) -> None:
    (entry,) = entries(wikitext)
    assert entry.entry_type == entry_type
    if container_field:
        assert container_field in entry.fields_dict


def test_authors_and_organisations() -> None:
    (entry,) = entries("{{cite book |title=T |last1=Sanger |first1=David E. "
                       "|author2=World Bank |last3=van der Berg |first3=Jan}}")
    assert entry["author"] == "Sanger, David E. and {World Bank} and van der Berg, Jan"


def test_single_organisation_in_double_braces() -> None:
    bib = to_bibtex([parse("{{cite web |title=T |url=http://x.org |author=Reuters}}")])
    assert "author = {{Reuters}}" in bib


def test_month_is_a_macro_and_date_is_iso() -> None:
    bib = to_bibtex([parse("{{cite news |title=T |newspaper=N |date=June 12, 1993}}")])
    assert "month = jun," in bib
    assert "date = {1993-06-12}" in bib


def test_capitals_in_titles_are_protected() -> None:
    (entry,) = entries("{{cite news |title=Missile is Tested by North Koreans |newspaper=NYT}}")
    assert entry["title"] == "{Missile} is {Tested} by {North} {Koreans}"


@pytest.mark.parametrize(("text", "escaped"), [
    ("AT&T", r"AT\&T"), ("100%", r"100\%"), ("$5", r"\$5"), ("#1", r"\#1"), ("a_b", r"a\_b"),
    ("{x}", r"\textbraceleft{}x\textbraceright{}"), ("~", r"\textasciitilde{}"),
    ("^", r"\textasciicircum{}"), ("\\", r"\textbackslash{}"),
])
def test_latex_specials_are_escaped(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_url_and_doi_are_not_escaped() -> None:
    (entry,) = entries("{{cite journal |title=T |journal=J |doi=10.1000/a_b%20c "
                       "|url=http://x.org/a_b?c=1&d=2#frag}}")
    assert entry["doi"] == "10.1000/a_b%20c"
    assert entry["url"] == "http://x.org/a_b?c=1&d=2#frag"


@pytest.mark.parametrize("title", [
    "Unbalanced } brace", "Open { brace", "}{", "@article{evil, title={x}}", "back\\slash}",
    "100% of #hash & $dollar_", "\"quoted\" title", "end}\n@misc{y,", "a and b",
])
def test_hostile_titles_never_break_an_entry(title: str) -> None:
    safe = title.replace("|", "/")
    wikitext = f"{{{{cite web |url=http://x.org |title={safe} |author={safe}}}}}"
    assert len(entries(wikitext)) == 1


def test_balanced() -> None:
    assert balanced("{a {b}}") and balanced("{a \\}") and not balanced("{a \\} b}")
    assert not balanced("}{") and not balanced("{")


def test_protect_keeps_lowercase_words_bare() -> None:
    assert protect("the DNA of mice") == "the {DNA} of mice"


@pytest.mark.parametrize(("name", "formatted"), [
    (Name(family="Sanger", given="David E."), "Sanger, David E."),
    (Name(family="García Márquez", given="Gabriel"), "{García Márquez}, Gabriel"),
    (Name(literal="Procter and Gamble"), "{Procter and Gamble}"),
    (Name(given="Plato"), "{Plato}"),
])
def test_format_name(name: Name, formatted: str) -> None:
    assert format_name(name) == formatted


def test_unknown_parameters_go_to_annote_not_note() -> None:
    (entry,) = entries("{{cite web |url=http://x.org |title=T |foo=bar}}")
    assert "foo: bar" in entry["annote"]
    assert "note" not in entry.fields_dict


@pytest.mark.parametrize(("title", "protected"), [
    ("War of 1914--1918", "1914-{}-1918"), ("A---B", "A-{}-{}-B"),
    ("``Quoted\" and ?`no", "{`{}`Quoted\"} and ?{}`no"),
])
def test_tex_ligatures_are_broken_in_text(title: str, protected: str) -> None:
    (entry,) = entries(f"{{{{cite book |title={title} |pages=221–234}}}}")
    assert protected in entry["title"]
    assert entry["pages"] == "221--234"
