"""Dates in every form Wikipedia writes them → CSL date objects."""

from __future__ import annotations

from typing import Any

import pytest

from citenorm import parse, to_csl_items
from citenorm.normalize.dates import parse_date


@pytest.mark.parametrize(("text", "csl"), [
    ("June 12, 1993", {"date-parts": [[1993, 6, 12]]}),
    ("12 June 1993", {"date-parts": [[1993, 6, 12]]}),
    ("1993-06-12", {"date-parts": [[1993, 6, 12]]}),
    ("Jun 12, 1993", {"date-parts": [[1993, 6, 12]]}),
    ("12 Sept 1993", {"date-parts": [[1993, 9, 12]]}),
    ("June 1993", {"date-parts": [[1993, 6]]}),
    ("1993", {"date-parts": [[1993]]}),
    ("Spring 1999", {"date-parts": [[1999]], "season": 1}),
    ("Winter 2001", {"date-parts": [[2001]], "season": 4}),
    ("June–July 1993", {"date-parts": [[1993, 6], [1993, 7]]}),
    ("12–15 June 1993", {"date-parts": [[1993, 6, 12], [1993, 6, 15]]}),
    ("June 12–15, 1993", {"date-parts": [[1993, 6, 12], [1993, 6, 15]]}),
    ("12 June – 3 July 1993", {"date-parts": [[1993, 6, 12], [1993, 7, 3]]}),
    ("December 1993 – January 1994", {"date-parts": [[1993, 12], [1994, 1]]}),
    ("1993–94", {"date-parts": [[1993], [1994]]}),
    ("1993–1995", {"date-parts": [[1993], [1995]]}),
    ("c. 1900", {"date-parts": [[1900]], "circa": True}),
    ("circa 1900", {"date-parts": [[1900]], "circa": True}),
    ("n.d.", {"literal": "n.d."}),
    ("1993a", {"date-parts": [[1993]]}),
    ("2019-04-03T10:00:00Z", {"date-parts": [[2019, 4, 3]]}),
    ("Tuesday, June 12th, 1993", {"date-parts": [[1993, 6, 12]]}),
    ("12 June 1993<!-- checked -->", {"date-parts": [[1993, 6, 12]]}),
])
def test_date_forms(text: str, csl: dict[str, Any]) -> None:
    items = to_csl_items([parse(f"{{{{cite web |url=http://x.org |title=T |date={text}}}}}",
                                only="templates")])
    assert items[0]["issued"] == csl


@pytest.mark.parametrize("text", ["31 February 2001", "2001-13-01", "Smarch 5, 2001",
                                  "next week", "12 June"])
def test_invalid_dates_are_reported_and_kept_raw(text: str) -> None:
    doc = parse(f"{{{{cite web |url=http://x.org |title=T |date={text}}}}}", only="templates")
    assert [d.code for d in doc.diagnostics] == ["CN101"]
    assert to_csl_items([doc])[0]["issued"] == {"raw": text}


def test_year_with_date_is_redundant_unless_it_differs() -> None:
    same = parse("{{cite web |url=http://x.org |title=T |date=June 1993 |year=1993}}")
    other = parse("{{cite web |url=http://x.org |title=T |date=June 1993 |year=1993b}}")
    assert "note" not in to_csl_items([same])[0]
    assert to_csl_items([other])[0]["issued"] == {"date-parts": [[1993, 6]]}


def test_parse_date_is_cached_and_pure() -> None:
    assert parse_date("12 June 1993") is parse_date("12 June 1993")
