"""fix's canonical rewrite: names, values, DOIs, spacing; nothing outside template spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from citenorm.emit.csl import to_csl_item
from citenorm.pipeline import parse_templates
from citenorm.rewrite import gaps, rewrite


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("[tpl]cite news |url=http://x.org |title=Missile |date=June 12, 1993 [/tpl]",
         "[tpl]cite news |url=http://x.org |title=Missile |date=June 12, 1993[/tpl]"),
        ("{{cite web|url=http://a.org|title=T|accessdate=1 May 2001|archiveurl=http://w.org/x"
         "|archivedate=2 May 2001|deadurl=no}}",
         "{{cite web |url=http://a.org |title=T |access-date=1 May 2001 |archive-url=http://w.org/x"
         " |archive-date=2 May 2001 |url-status=live}}"),
        ("{{cite book|last=A|authorlink=A B|last2=C|authorlink2=C D|title=T|lastauthoramp=yes}}",
         "{{cite book |last=A |author-link=A B |last2=C |author-link2=C D |title=T"
         " |name-list-style=amp}}"),
        ("{{cite journal | title = T | doi = https://doi.org/10.1000/xyz. }}",
         "{{cite journal |title=T |doi=10.1000/xyz}}"),
        ("{{cite journal|title=T|DOI=doi:10.1000/abc}}",
         "{{cite journal |title=T |DOI=10.1000/abc}}"),
        # left alone: a duplicate would be created, a value with no equivalent, a bad DOI
        ("{{cite web |title=T |accessdate=1 May 2001 |access-date=2 May 2001}}", None),
        ("{{cite web |title=T |deadurl=maybe}}", None),
        ("{{cite journal |title=T |doi=https://doi.org/not-a-doi}}", None),
        # values keep their markup, links and nested templates; positional params their spaces
        ("{{cite web|title=[[A|B]] {{lang|fr|Été}}|url=http://x.org/?a=1&b=2| x |y}}",
         "{{cite web |title=[[A|B]] {{lang|fr|Été}} |url=http://x.org/?a=1&b=2 | x |y}}"),
        ("{{Cite news|title=x}}}", "{{Cite news |title=x}}}"),
        ("{{cite web|title=a}b}}", "{{cite web |title=a}b}}"),
        ("{{cite web |title=<nowiki>a|b</nowiki> |accessdate=2001}}", None),
        ("{{cite web|title=T|quote={{cite book|title=Inner|accessdate=2001}}}}",
         "{{cite web |title=T |quote={{cite book |title=Inner |access-date=2001}}}}"),
        ("{{cite web|title=x}", None),  # unclosed: not a template span
    ],
)
def test_rewrite_cases(before: str, after: str | None) -> None:
    result = rewrite(before)
    assert result.text == (before if after is None else after)
    assert rewrite(result.text).text == result.text


def test_value_ending_in_brace_keeps_a_space_before_the_close() -> None:
    assert rewrite("{{cite web|title=a} }}").text == "{{cite web |title=a} }}"
    assert rewrite("{{cite web|title={{lang|fr|x}} }}").text == "{{cite web |title={{lang|fr|x}}}}"


def test_block_layout_is_kept_with_crlf() -> None:
    before = "x\r\n{{cite book\r\n| last = Ward | first = Colin\r\n| title = A\r\n}}\r\ny"
    after = "x\r\n{{cite book\r\n |last=Ward\r\n |first=Colin\r\n |title=A\r\n}}\r\ny"
    assert rewrite(before).text == after
    assert not rewrite(after).changed


def test_changes_record_renames_and_dois() -> None:
    text = "a {{cite web|title=T|accessdate=2001}} b {{cite journal|title=U|doi=doi:10.1000/x}} c"
    changes = rewrite(text).changes
    assert [(c.renamed, c.dois) for c in changes] == [((("accessdate", "access-date"),), 0),
                                                      ((), 1)]
    assert [text[c.start:c.end][:12] for c in changes] == ["{{cite web|t", "{{cite journ"]


def test_non_citation_templates_and_comments_are_untouched() -> None:
    text = "{{Infobox|a = 1}} <!-- {{cite web|accessdate=1}} --> {{sfn| A |2001}}"
    assert not rewrite(text).changed



def test_anarchism_article_fixed_keeps_meaning_and_outside_bytes(shared: Path) -> None:
    text = (shared / "corpus" / "anarchism.wikitext").read_text(encoding="utf-8")
    result = rewrite(text)
    assert len(result.changes) > 100
    assert gaps(result.text) == gaps(text)
    assert not rewrite(result.text).changed
    before = [to_csl_item(r, "k") for r in parse_templates(text).references]
    after = [to_csl_item(r, "k") for r in parse_templates(result.text).references]
    assert after == before
    deprecated = [d for d in parse_templates(result.text).diagnostics if d.code == "CN202"]
    assert len(deprecated) < 5  # only renames that would make a duplicate are left
