"""Names: every form a citation template writes them in, one table per form."""

from __future__ import annotations

from typing import Any

import pytest

from citenorm import parse, to_csl_items
from citenorm.normalize.names import is_organization, parse_name, parse_vancouver


def authors(params: str, role: str = "author") -> list[dict[str, str]]:
    items = to_csl_items([parse(f"{{{{cite book |title=T |{params}}}}}", only="templates")])
    got: list[dict[str, str]] = items[0].get(role, [])
    return got


@pytest.mark.parametrize(("params", "expected"), [
    ("last=Sanger |first=David E.", [{"family": "Sanger", "given": "David E."}]),
    ("surname=Sanger |given=David E.", [{"family": "Sanger", "given": "David E."}]),
    ("last1=Fitzpatrick |first1=Matthew C. |last2=Gove |first2=Aaron D.",
     [{"family": "Fitzpatrick", "given": "Matthew C."}, {"family": "Gove", "given": "Aaron D."}]),
    ("last2=Gove |first2=Aaron D. |last1=Fitzpatrick |first1=Matthew C.",
     [{"family": "Fitzpatrick", "given": "Matthew C."}, {"family": "Gove", "given": "Aaron D."}]),
    ("author=David E. Sanger", [{"family": "Sanger", "given": "David E."}]),
    ("author=Margovenko, A", [{"family": "Margovenko", "given": "A"}]),
    ("author1=Kropotkin, Peter |author2=Emma Goldman",
     [{"family": "Kropotkin", "given": "Peter"}, {"family": "Goldman", "given": "Emma"}]),
    ("author=World Bank", [{"literal": "World Bank"}]),
    ("author=BBC News", [{"literal": "BBC News"}]),
    ("author=Reuters", [{"literal": "Reuters"}]),
    ("author=Associated Press", [{"literal": "Associated Press"}]),
    ("last=World Bank", [{"literal": "World Bank"}]),
    ("last=van der Berg |first=Jan",
     [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}]),
    ("author=Ludwig van Beethoven",
     [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}]),
    ("last=von der Leyen |first=Ursula",
     [{"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"}]),
    ("last=King |first=Martin Luther Jr.",
     [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]),
    ("author=Martin Luther King III",
     [{"family": "King", "given": "Martin Luther", "suffix": "III"}]),
    ("last1=Smith |first1=J. |last2=et al.", [{"family": "Smith", "given": "J."}]),
    ("author=Smith, J. et al.", [{"family": "Smith", "given": "J."}]),
    ("authors=Laherty CD; Billin AN",
     [{"family": "Laherty", "given": "CD"}, {"family": "Billin", "given": "AN"}]),
    ("people=Kim Jee-woon, Song Kang-ho",
     [{"family": "Kim", "given": "Jee-woon"}, {"family": "Song", "given": "Kang-ho"}]),
    ("author=Lee Smith", [{"family": "Smith", "given": "Lee"}]),
    ("vauthors=Laherty CD, Billin AN, et al.",
     [{"family": "Laherty", "given": "CD"}, {"family": "Billin", "given": "AN"}]),
    ("vauthors=World Health Organization", [{"literal": "World Health Organization"}]),
    ("last=[[Peter Kropotkin|Kropotkin]] |first=Peter",
     [{"family": "Kropotkin", "given": "Peter"}]),
])
def test_author_forms(params: str, expected: list[dict[str, str]]) -> None:
    assert authors(params) == expected


@pytest.mark.parametrize(("params", "expected"), [
    ("editor-last=Woodcock |editor-first=George", [{"family": "Woodcock", "given": "George"}]),
    ("editor1-last=Guérin |editor1-first=Daniel |editor2-last=Sharkey |editor2-first=Paul",
     [{"family": "Guérin", "given": "Daniel"}, {"family": "Sharkey", "given": "Paul"}]),
    ("editor-surname1=Woodcock |editor-given1=George", [{"family": "Woodcock",
                                                          "given": "George"}]),
    ("editor=George Woodcock", [{"family": "Woodcock", "given": "George"}]),
    ("editors=Woodcock, George; Avakumović, Ivan",
     [{"family": "Woodcock", "given": "George"}, {"family": "Avakumović", "given": "Ivan"}]),
    ("veditors=Smith AB, Jones CD",
     [{"family": "Smith", "given": "AB"}, {"family": "Jones", "given": "CD"}]),
])
def test_editor_forms(params: str, expected: list[dict[str, str]]) -> None:
    assert authors(params, "editor") == expected


@pytest.mark.parametrize(("params", "expected"), [
    ("translator-last=Tucker |translator-first=Benjamin",
     [{"family": "Tucker", "given": "Benjamin"}]),
    ("translators=Benjamin Tucker", [{"family": "Tucker", "given": "Benjamin"}]),
])
def test_translator_forms(params: str, expected: list[dict[str, str]]) -> None:
    assert authors(params, "translator") == expected


def test_author_link_is_kept_in_the_note() -> None:
    items = to_csl_items([parse("{{cite book |title=T |last1=Shah |first1=Anwar "
                                "|authorlink1=Anwar Shah}}", only="templates")])
    assert "author-link: Anwar Shah" in items[0]["note"]


@pytest.mark.parametrize("org", ["World Bank", "Associated Press", "BBC News", "Reuters",
                                 "United Nations Development Programme", "NATO",
                                 "Korea Institute for Defense Analyses"])
def test_organisations(org: str) -> None:
    assert is_organization(org)
    name = parse_name(org)
    assert name is not None and name.literal == org


@pytest.mark.parametrize("person", ["David E. Sanger", "Uzi Rubin", "Emma Goldman",
                                    "Pierre-Joseph Proudhon", "Ann Berg"])
def test_people_are_not_organisations(person: str) -> None:
    assert not is_organization(person)


@pytest.mark.parametrize(("text", "family", "given"), [
    ("Laherty CD", "Laherty", "CD"), ("Sun JM", "Sun", "JM"), ("van Gogh V", "van Gogh", "V"),
])
def test_vancouver(text: str, family: str, given: str) -> None:
    name = parse_vancouver(text)
    assert name is not None
    assert (f"{name.particle} {name.family}".strip(), name.given) == (family, given)


def test_first_without_last_is_reported_and_kept() -> None:
    doc = parse("{{cite web |url=http://x.org |title=T |first=Plato}}", only="templates")
    assert [d.code for d in doc.diagnostics] == ["CN205"]
    item: dict[str, Any] = to_csl_items([doc])[0]
    assert item["author"] == [{"given": "Plato"}]


@pytest.mark.parametrize(("params", "role", "expected"), [
    ("interviewer=Alon Ben-David", "interviewer", [{"family": "Ben-David", "given": "Alon"}]),
    ("interviewers=Alon Ben-David; Ann Berg", "interviewer",
     [{"family": "Ben-David", "given": "Alon"}, {"family": "Berg", "given": "Ann"}]),
    ("subject=Uzi Rubin", "author", [{"family": "Rubin", "given": "Uzi"}]),
    ("host-last1=Glass |host-first1=Ira", "author", [{"family": "Glass", "given": "Ira"}]),
    ("host=Ira Glass", "author", [{"family": "Glass", "given": "Ira"}]),
])
def test_interview_and_podcast_roles(params: str, role: str,
                                     expected: list[dict[str, str]]) -> None:
    assert authors(params, role) == expected


def test_contributors_are_kept_in_the_note() -> None:
    items = to_csl_items([parse("{{cite book |title=T |contributor-last=Orwell "
                                "|contributor-first=George |contribution=Foreword}}",
                                only="templates")])
    assert "contributor: George Orwell" in items[0]["note"]
