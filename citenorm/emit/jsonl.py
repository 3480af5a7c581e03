"""JSON Lines: one object per reference or diagnostic, in input order, streamable."""

from __future__ import annotations

import json
from typing import Any

from ..keys import base_key, unique_key
from ..model import Diagnostic, Document, Reference
from .csl import to_csl_item


def reference_record(ref: Reference, key: str) -> dict[str, Any]:
    """A JSONL record for one reference: where it was found, and its CSL item."""
    record: dict[str, Any] = {
        "kind": "reference",
        "source": ref.span.source,
        "line": ref.span.line,
        "col": ref.span.col,
        "start": ref.span.start,
        "end": ref.span.end,
        "origin": ref.origin,
        "csl": to_csl_item(ref, key),
    }
    if ref.anonymous:
        record["anonymous"] = True
    if ref.evidence:
        record["evidence"] = [
            {"line": e.span.line, "col": e.span.col, "start": e.span.start, "end": e.span.end,
             "text": e.text, "cue": e.cue}
            for e in ref.evidence
        ]
    return record


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    """A JSONL record for one diagnostic."""
    return {
        "kind": "diagnostic",
        "source": d.span.source,
        "line": d.span.line,
        "col": d.span.col,
        "start": d.span.start,
        "end": d.span.end,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "dropped": d.dropped,
    }


def document_lines(doc: Document) -> list[str]:
    """Every reference and diagnostic of ``doc`` as JSON lines, merged in input order.

    Keys are unique within the document (a stream has no global view).
    """
    used: set[str] = set()
    counters: dict[str, int] = {}
    records = [
        (r.span.start, 0, reference_record(r, unique_key(base_key(r), used, counters)))
        for r in doc.references
    ]
    records += [(d.span.start, 1, diagnostic_record(d)) for d in doc.diagnostics]
    records.sort(key=lambda t: (t[0], t[1]))
    return [json.dumps(rec, ensure_ascii=False) + "\n" for _, _, rec in records]
