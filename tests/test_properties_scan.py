"""Property tests for scanning and parsing: nothing raises, nothing is lost.

The accounting invariant: every citation candidate the scanner finds (a citation template,
closed or not, or a ``<ref>`` holding neither a template nor a link) becomes exactly one
Reference or one dropped Diagnostic: ``len(references) + len(dropped) == candidates``.
"""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import citation, count_example, documents, examples, wikiish_text

from citenorm import cs1, parse
from citenorm.pipeline import parse_templates
from citenorm.scan import scan


def _invariant(text: str) -> None:
    doc = parse_templates(text)
    assert len(doc.references) + len(doc.dropped) == doc.candidates
    for item in (*doc.references, *doc.diagnostics):
        assert 0 <= item.span.start <= item.span.end <= len(text)


@settings(max_examples=examples(2))
@given(wikiish_text)
def test_scanner_never_raises_and_spans_are_sane(text: str) -> None:
    count_example()
    found = scan(text)
    for t in found.templates:
        assert 0 <= t.start < t.body_start <= t.body_end < t.end <= len(text)
    starts = [t.start for t in found.templates]
    assert starts == sorted(starts)
    _invariant(text)


@settings(max_examples=examples(2))
@given(documents())
def test_accounting_invariant_on_realistic_wikitext(text: str) -> None:
    count_example()
    _invariant(text)


@settings(max_examples=examples(1))
@given(documents())
def test_full_parse_never_raises(text: str) -> None:
    """Templates and prose attributions together; the combined counts still add up: every
    mention (a template, a piece of prose evidence, the article's own metadata) and every
    dropped diagnostic is one candidate.
    """
    count_example()
    doc = parse(text)
    assert doc.accounted == doc.candidates


@settings(max_examples=examples(1))
@given(st.lists(citation(stray=False, nested=False), min_size=1, max_size=5))
def test_every_closed_citation_is_a_candidate(cites: list[str]) -> None:
    """Well-formed citations separated by prose: one candidate each, found where written."""
    text = " prose ".join(cites)
    # a value "{" next to "{}}" makes "{{}}": an empty-name template, which MediaWiki pairs
    # (see test_differential), so the citation around it stays open
    assume(not re.search(r"\{\{\s*[|}]|\{\{\{", text))
    count_example()
    found = scan(text)
    hits = [t for t in found.templates if t.citation is not None]
    assert len(hits) == len(cites)
    for hit in hits:
        assert hit.citation == cs1.citation_template(hit.name)
    doc = parse_templates(text)
    assert doc.candidates == len(cites)
    assert len(doc.references) + len(doc.dropped) == len(cites)


@settings(max_examples=examples(1))
@given(citation(stray=False, nested=False), st.integers(0, 3))
def test_unclosed_citation_is_one_dropped_diagnostic(cite: str, cut: int) -> None:
    """Cutting the closing braces off turns the reference into exactly one CN001."""
    closer = "}}" if cite.startswith("{{") else "[/tpl]"
    # a value that ends in the closer ("|arxiv=}}") would close the citation itself
    assume(closer not in cite[: len(cite) - len(closer)])
    text = cite[: len(cite) - len(closer)] + "\ntrailing prose" + "." * cut
    count_example()
    doc = parse_templates(text)
    assert doc.candidates == 1
    assert [d.code for d in doc.dropped] == ["CN001"]
    assert doc.references == ()
