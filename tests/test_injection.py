"""BibTeX injection: titles, names and notes holding ``} { @ % \\ # "`` or a whole
``@article{x,`` can never create, end or break an entry.

Checked with pybtex in strict mode and bibtexparser v2 (entry count == bibliography size, no
failed block), then the values are decoded back (pylatexenc) and must hold the original
text. biber is used too when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pybtex.errors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string
from strategies import count_example, examples

from citenorm import parse, to_bibtex
from citenorm.keys import bibliography

PAYLOADS = [
    "}", "{", "}}", "{{", "@", "%", "\\", "#", '"', "@article{x,", "}, title={pwned",
    "},\n@misc{evil, title={x}", "\\}", "\\{", "%}", "\\end{document}", "@comment{", "\"}",
    "a } b { c", "100% #1 \"q\" @home \\path", "$x$ & _y_ ^z~", "}{}{}{", "@preamble{\"x\"}",
]
SAFE = st.text(alphabet=st.characters(exclude_characters="|=[]<>'&\r\n\t",
                                      exclude_categories=("Cs", "Cc")), max_size=12)
HOSTILE = st.lists(st.one_of(st.sampled_from(PAYLOADS), SAFE), min_size=1, max_size=4).map(
    "".join).filter(lambda s: bool(s.strip()))


def wiki_safe(value: str) -> str:
    """Doubled braces are template syntax in wikitext: keep the payload a plain value."""
    while "{{" in value or "}}" in value:
        value = value.replace("{{", "{ {").replace("}}", "} }")
    return value


def cite(title: str, last: str, note: str, i: int) -> str:
    title, last, note = wiki_safe(title), wiki_safe(last), wiki_safe(note)
    return (f"{{{{cite journal |title={title} {i} |last={last} |first=Ann |journal=J{i} "
            f"|year=2001 |quote={note} |publisher={note} }}}}")


def check(bib: str, expected: int) -> list[dict[str, str]]:
    pybtex.errors.set_strict_mode(True)
    assert len(parse_string(bib, "bibtex").entries) == expected
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    assert len(library.entries) == expected
    assert library.strings == [] and library.preambles == []
    return [{f.key: f.value for f in e.fields} for e in library.entries]


def _decode(value: str) -> str:
    pylatexenc = pytest.importorskip("pylatexenc.latex2text", reason="pylatexenc not installed")
    body = value[1:-1] if value.startswith("{") and value.endswith("}") else value
    # pylatexenc does not know \\textbraceleft / \\textbraceright (LaTeX's \\{ and \\})
    body = body.replace("\\textbraceleft{}", "\\{").replace("\\textbraceright{}", "\\}")
    text = pylatexenc.LatexNodes2Text().latex_to_text(body)
    # pylatexenc renders \\textasciicircum as the modifier letter U+02C6 (it is ASCII ^)
    return " ".join(text.replace("\u02c6", "^").split())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_field(payload: str) -> None:
    text = cite(payload, f"Smith{payload}", payload, 1)
    doc = parse(text, only="templates")
    entries, _ = bibliography(doc.references)
    fields = check(to_bibtex([doc]), len(entries))
    assert len(fields) == 1
    assert "title" in fields[0] and "author" in fields[0]


@settings(max_examples=examples(1))
@given(st.lists(st.tuples(HOSTILE, HOSTILE, HOSTILE), min_size=1, max_size=4))
def test_hostile_values_never_break_entries(rows: list[tuple[str, str, str]]) -> None:
    count_example()
    text = "\n".join(cite(t, last, note, i) for i, (t, last, note) in enumerate(rows))
    doc = parse(text, only="templates")
    entries, _ = bibliography(doc.references)
    assert len(doc.references) == len(rows)
    fields = check(to_bibtex([doc]), len(entries))
    for ref, entry_fields in zip((e.reference for e in entries), fields, strict=True):
        title = ref.get("title")
        if title:
            # TeX ligatures ("--", "``", "!`", …) are broken up with {}: the text survives
            assert _decode(entry_fields["title"]) == " ".join(title.split())


def test_biber_reads_the_hostile_database(tmp_path: Path) -> None:
    biber = shutil.which("biber")
    if biber is None:
        pytest.skip("biber is not installed (pybtex strict and bibtexparser cover the syntax)")
    text = "\n".join(cite(p, "Doe", p, i) for i, p in enumerate(PAYLOADS))
    doc = parse(text, only="templates")
    bib = tmp_path / "hostile.bib"
    bib.write_text(to_bibtex([doc]), encoding="utf-8")
    run = subprocess.run([biber, "--tool", "--validate-datamodel", str(bib)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ERROR" not in run.stdout
