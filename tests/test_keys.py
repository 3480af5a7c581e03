"""Citation keys and duplicate merging."""

from __future__ import annotations

from citenorm import parse, to_csl_items
from citenorm.keys import bibliography


def keys(wikitext: str) -> list[str]:
    return [item["id"] for item in to_csl_items([parse(wikitext, only="templates")])]


def test_readable_key() -> None:
    assert keys("{{cite news |last=Sanger |first=David E. |title=Missile is Tested by North "
                "Koreans |date=June 12, 1993 |newspaper=NYT}}") == ["sanger1993missile"]


def test_key_without_author_or_date() -> None:
    assert keys("{{cite web |url=http://x.org |title=The Anarchist FAQ}}") == ["anarchistfaq"]


def test_key_folds_to_ascii() -> None:
    assert keys("{{cite book |last=Guérin |first=D. |title=L'Anarchisme |year=1965}}") == [
        "guerin1965anarchisme"]


def test_clashing_keys_get_suffixes_on_later_entries() -> None:
    got = keys("{{cite book |last=Smith |title=Anarchy Now |year=2001}}"
               "{{cite book |last=Smith |title=Anarchy Later |year=2001 |url=http://a.org}}"
               "{{cite book |last=Smith |title=Anarchy's Third |year=2001}}")
    assert got == ["smith2001anarchy", "smith2001anarchya", "smith2001anarchyb"]


def test_same_doi_is_one_entry() -> None:
    doc = parse("{{cite journal |title=A |journal=J |doi=10.1000/X1}}"
                "{{cite journal |title=A. |journal=J |doi=https://doi.org/10.1000/x1 |volume=3}}",
                only="templates")
    entries, diags = bibliography(doc.references)
    assert len(entries) == 1
    assert entries[0].reference.fields["volume"] == "3"
    assert len(entries[0].spans) == 2
    assert [d.code for d in diags] == ["CN401"]  # title differs


def test_same_url_is_one_entry() -> None:
    assert len(keys("{{cite web |url=https://www.x.org/a/ |title=T}}"
                    "{{cite web |url=http://x.org/a |title=T}}")) == 1


def test_same_title_and_year_is_one_entry() -> None:
    assert len(keys("{{cite book |last=Woodcock |title=Anarchism: A History |year=1962}}"
                    "{{cite book |last=Woodcock |title=Anarchism - a history |year=1962 "
                    "|publisher=Meridian}}")) == 1


def test_same_title_other_year_stays_two() -> None:
    assert len(keys("{{cite book |title=Anarchism |year=1962}}"
                    "{{cite book |title=Anarchism |year=1975}}")) == 2
