"""One parametrized table per alias group: each spelling lands in the same CSL variable."""

from __future__ import annotations

from typing import Any

import pytest

from citenorm import parse, to_csl_items


def item(wikitext: str) -> dict[str, Any]:
    items = to_csl_items([parse(wikitext, only="templates")])
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("alias", ["work", "newspaper", "website", "journal", "magazine",
                                   "periodical"])
def test_container_title_aliases(alias: str) -> None:
    got = item(f"{{{{cite news |title=Budget vote delayed |{alias}=The Hindu |date=2019}}}}")
    assert got["container-title"] == "The Hindu"


@pytest.mark.parametrize("alias", ["location", "place", "publication-place"])
def test_place_aliases(alias: str) -> None:
    got = item(f"{{{{cite book |title=Mutual Aid |{alias}=London |publisher=Heinemann}}}}")
    assert got["publisher-place"] == "London"
    assert got["publisher"] == "Heinemann"


@pytest.mark.parametrize("alias", ["access-date", "accessdate"])
def test_access_date_aliases(alias: str) -> None:
    got = item(f"{{{{cite web |url=http://example.org/a |title=A |{alias}=29 August 2006}}}}")
    assert got["accessed"] == {"date-parts": [[2006, 8, 29]]}


@pytest.mark.parametrize("alias", ["orig-date", "orig-year", "origyear"])
def test_original_date_aliases(alias: str) -> None:
    got = item(f"{{{{cite book |title=What Is Property? |year=1994 |{alias}=1840}}}}")
    assert got["original-date"] == {"date-parts": [[1840]]}
    assert got["issued"] == {"date-parts": [[1994]]}


@pytest.mark.parametrize(("param", "value", "expected"), [
    ("page", "309", "309"),
    ("pages", "221-234", "221–234"),
    ("pp", "33–42", "33–42"),
    ("p", "14", "14"),
    ("at", "sec. 4", "sec. 4"),
])
def test_page_aliases(param: str, value: str, expected: str) -> None:
    assert item(f"{{{{cite journal |title=T |journal=J |{param}={value}}}}}")["page"] == expected


@pytest.mark.parametrize(("alias", "var"), [
    ("issue", "issue"), ("number", "issue"), ("volume", "volume"), ("edition", "edition"),
    ("series", "collection-title"), ("language", "language"), ("lang", "language"),
    ("via", "source"),
])
def test_simple_aliases(alias: str, var: str) -> None:
    assert item(f"{{{{cite journal |title=T |journal=J |{alias}=6}}}}")[var] == "6"


@pytest.mark.parametrize("alias", ["chapter", "contribution", "entry", "section"])
def test_chapter_aliases_make_a_chapter(alias: str) -> None:
    got = item(f"{{{{cite book |title=The Anarchist Reader |{alias}=Anarchism |editor-last=Woodcock"
               " |editor-first=George |year=1977}}")
    assert got["type"] == "chapter"
    assert got["title"] == "Anarchism"
    assert got["container-title"] == "The Anarchist Reader"
    assert got["editor"] == [{"family": "Woodcock", "given": "George"}]


@pytest.mark.parametrize(("alias", "value"), [
    ("archive-url", "https://web.archive.org/web/2012/http://x.org"),
    ("archiveurl", "https://web.archive.org/web/2012/http://x.org"),
    ("archive-date", "7 November 2012"),
    ("archivedate", "7 November 2012"),
    ("url-status", "dead"),
    ("quote", "Anarchism is the view"),
    ("trans-title", "Roads of Emperors"),
    ("agency", "Associated Press"),
])
def test_kept_parameters_reach_the_note(alias: str, value: str) -> None:
    got = item(f"{{{{cite web |url=http://x.org |title=T |{alias}={value}}}}}")
    assert value in got["note"]


def test_deadurl_maps_onto_url_status() -> None:
    got = item("{{cite web |url=http://x.org |title=T |deadurl=yes}}")
    assert "url-status: dead" in got["note"]


def test_unknown_parameters_are_kept_with_a_diagnostic() -> None:
    doc = parse("{{cite web |url=http://x.org |title=T |foo-bar=baz |qux=1}}", only="templates")
    codes = [d.code for d in doc.diagnostics]
    assert codes == ["CN201", "CN201"]
    note = to_csl_items([doc])[0]["note"]
    assert "foo-bar: baz" in note and "qux: 1" in note


@pytest.mark.parametrize(("template", "csl_type"), [
    ("cite news", "article-newspaper"), ("cite web", "webpage"), ("cite book", "book"),
    ("cite journal", "article-journal"), ("cite magazine", "article-magazine"),
    ("cite report", "report"), ("cite thesis", "thesis"), ("cite conference", "paper-conference"),
    ("cite encyclopedia", "entry-encyclopedia"), ("cite AV media", "motion_picture"),
    ("cite episode", "broadcast"), ("cite interview", "interview"), ("cite speech", "speech"),
    ("cite press release", "document"), ("cite map", "map"), ("cite sign", "document"),
    ("cite mailing list", "post"), ("cite newsgroup", "post"), ("cite podcast", "broadcast"),
    ("cite techreport", "report"), ("cite arXiv", "article"), ("cite bioRxiv", "article"),
    ("cite SSRN", "article"), ("cite serial", "broadcast"), ("cite AV media notes", "document"),
    ("Cite_News", "article-newspaper"), ("cite  web", "webpage"),
])
def test_template_types(template: str, csl_type: str) -> None:
    assert item(f"{{{{{template} |title=Something |url=http://x.org}}}}")["type"] == csl_type


def test_press_release_genre() -> None:
    assert item("{{cite press release |title=T |url=http://x.org}}")["genre"] == "press release"


@pytest.mark.parametrize(("params", "csl_type"), [
    ("journal=Nature", "article-journal"), ("newspaper=The Times", "article-newspaper"),
    ("website=bbc.co.uk", "webpage"), ("publisher=Verso |isbn=9781844670789", "book"),
    ("encyclopedia=Britannica", "entry-encyclopedia"),
])
def test_citation_template_infers_type(params: str, csl_type: str) -> None:
    assert item(f"{{{{Citation |title=T |{params}}}}}")["type"] == csl_type


def test_non_citation_templates_are_ignored() -> None:
    doc = parse("{{sfn|Woodcock|1962|p=4}} {{Use dmy dates|date=July 2018}} {{main|Anarchy}}",
                only="templates")
    assert doc.references == () and doc.candidates == 0


def test_thesis_degree_and_entry_type() -> None:
    got = item("{{cite thesis |title=On Mutual Aid |degree=PhD |publisher=University of Oslo"
               " |last=Berg |first=Ann |year=2001}}")
    assert got["genre"] == "PhD"
    assert got["publisher"] == "University of Oslo"


def test_arxiv_template() -> None:
    got = item("{{cite arXiv |eprint=1501.00001 |title=Deep nets |last1=Lee |first1=K. "
               "|year=2015}}")
    assert got["publisher"] == "arXiv" and got["number"] == "arXiv:1501.00001"
