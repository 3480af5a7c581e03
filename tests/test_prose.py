"""The prose view blanks wiki markup without moving any offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citenorm.prose import prose_view

WIKI = (
    "'''Anarchism''' is a [[political philosophy]]{{sfn|McLaughlin|2007|p=59}}.\n"
    "== History ==\n"
    "<ref name=\"a\">{{cite web|url=http://x.org|title=T}}</ref>"
    "Kropotkin wrote<!-- c --> that [http://example.org mutual aid] matters.[[File:X.jpg|thumb|"
    "[[a|b]] caption]]\n"
)


def test_markup_is_blanked_and_prose_kept() -> None:
    view = prose_view(WIKI)
    assert len(view) == len(WIKI)
    assert [i for i, c in enumerate(view) if c == "\n"] == [
        i for i, c in enumerate(WIKI) if c == "\n"]
    words = view.split()
    assert words[:5] == ["Anarchism", "is", "a", "political", "philosophy"]
    assert "History" in words and "mutual" in words and "aid" in words
    for junk in ("{{", "sfn", "cite", "<ref", "[[", "]]", "''", "http", "thumb", "caption", "=="):
        assert junk not in view


def test_plain_news_text_is_unchanged() -> None:
    text = "SEOUL, May 21 [YONHAP] — “It is unproven,” said Alon Ben-David [email@x.kr]."
    assert prose_view(text) is text


TOKENS = [*"ab {}[]|=<>!-'/\nhtp:", "{{", "}}", "[[", "]]", "<ref>", "</ref>", "<!--", "-->",
          "[tpl]", "[/tpl]", "''", "[http://x.org y]", "<ref name=a/>", "[[File:"]


@given(st.lists(st.sampled_from(TOKENS), max_size=80).map("".join))
def test_view_keeps_length_and_line_breaks(text: str) -> None:
    view = prose_view(text)
    assert len(view) == len(text)
    assert all((a == "\n") == (b == "\n") for a, b in zip(view, text, strict=True))
    assert all(v in (t, " ") for v, t in zip(view, text, strict=True))


def test_markup_prefilter_never_hides_a_match() -> None:
    """Every ``_HAS_MARKUP`` match holds one of the literals ``_may_have_markup`` tests."""
    import random

    from citenorm.prose import _HAS_MARKUP, _may_have_markup

    rnd = random.Random(5)
    alphabet = ["{", "{{", "[", "[tpl]", "[TPL]", "<", "<a", "<!", "'", "''", "=", "\n", "\n=",
                "//", "http:", "x", " ", "”"]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(12)))
        assert _may_have_markup(text) or not _HAS_MARKUP.search(text), text
