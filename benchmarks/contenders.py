"""The measured things. Each runs in its own process so its peak RSS is its own:

    python -m benchmarks.contenders NAME PAGES.jsonl  →  one JSON line on stdout

``PAGES.jsonl`` holds ``[title, text]`` per line. The pages are loaded first; the timer
covers only the work (parse every page, normalize, serialize the output). ``seconds`` is
the process's CPU time (per-core throughput, robust to other load on the machine);
``wall`` the elapsed time. ``count`` is the
number of citation templates (or attributions) the contender turned into output.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

Page = tuple[str, str]
Work = Callable[[list[Page]], int]
CITE_PREFIXES = ("cite ", "cite_", "citation")
#: A small text outside the corpus, run once before the timer starts.
WARM_UP = (
    "Intro.<ref>{{cite news |last=Doe |first=Jo |title=Warm |date=1 May 2001 "
    "|newspaper=Gazette |url=http://w.example/1}}</ref>\n\n"
    '"We are ready," said Jo Doe, a spokesman for the Gazette.\n'
)


def citenorm_templates() -> Work:
    """citenorm end to end: scan → normalize → CSL-JSON (bibliography per page)."""
    from citenorm import parse, to_csl_json

    return lambda pages: _citenorm(pages, parse, to_csl_json, "templates")


def _citenorm(pages: list[Page], parse: Any, to_csl_json: Any, only: str) -> int:
    """Parse each page with one extractor and write its CSL-JSON; count what it measures:
    citation templates, or every attribution reference."""
    count = 0
    for title, text in pages:
        doc = parse(text, title, only=only)
        to_csl_json([doc], include_anonymous=True)
        count += sum(1 for r in doc.references if only != "templates" or r.origin == "template")
    return count


def citenorm_attributions() -> Work:
    """citenorm's attribution extractor end to end: prose → Reference → CSL-JSON."""
    from citenorm import parse, to_csl_json

    return lambda pages: _citenorm(pages, parse, to_csl_json, "attributions")


def _is_cite(name: str) -> bool:
    return name.strip().lower().replace("_", " ").startswith(CITE_PREFIXES)


def mwph() -> Work:
    """mwparserfromhell alone: parse each page, list its citation templates."""
    import mwparserfromhell

    return lambda pages: _mwph(pages, mwparserfromhell)


def _mwph(pages: list[Page], mwparserfromhell: Any) -> int:
    count = 0
    for _title, text in pages:
        code = mwparserfromhell.parse(text)
        count += sum(1 for t in code.filter_templates() if _is_cite(str(t.name)))
    return count


def mwph_wikiciteparser() -> Work:
    """The peer pipeline: mwparserfromhell, then wikiciteparser per template, then JSON."""
    import mwparserfromhell
    from wikiciteparser.parser import parse_citation_template  # type: ignore[import-untyped]

    return lambda pages: _peer(pages, mwparserfromhell, parse_citation_template)


def _peer(pages: list[Page], mwparserfromhell: Any, parse_citation_template: Any) -> int:
    count = 0
    for _title, text in pages:
        code = mwparserfromhell.parse(text)
        out = []
        for tpl in code.filter_templates():
            if _is_cite(str(tpl.name)):
                out.append(parse_citation_template(tpl))
                count += 1
        json.dumps(out, ensure_ascii=False, default=str)
    return count


CONTENDERS: dict[str, Callable[[], Work]] = {
    "citenorm": citenorm_templates,
    "citenorm-attributions": citenorm_attributions,
    "mwparserfromhell": mwph,
    "mwparserfromhell+wikiciteparser": mwph_wikiciteparser,
}


def peak_rss_mb() -> float:
    """This process's own peak resident set size in MB.

    Linux keeps ``ru_maxrss`` across ``exec`` (a child starts with its parent's peak), so
    the per-process high-water mark ``VmHWM`` is read instead where it exists.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(name: str, path: str) -> dict[str, Any]:
    """Load the pages, time the contender over them once, report what it did."""
    with open(path, encoding="utf-8") as fh:
        pages = [(str(t), str(x)) for t, x in map(json.loads, fh)]
    size = sum(len(text.encode("utf-8")) for _, text in pages)
    try:
        work = CONTENDERS[name]()
        work([("warm-up", WARM_UP)])  # lazy imports, first-call set-up; not timed
        start, cpu = time.perf_counter(), time.process_time()
        count = work(pages)
        wall, seconds = time.perf_counter() - start, time.process_time() - cpu
    except Exception as exc:  # a peer that fails is reported, not faked
        return {"name": name, "error": f"{type(exc).__name__}: {exc}", "bytes": size}
    return {"name": name, "seconds": seconds, "wall": wall, "count": count, "bytes": size,
            "pages": len(pages), "peak_rss_mb": peak_rss_mb()}


def main(argv: list[str]) -> int:
    """Entry point for the child process."""
    name, path = argv
    print(json.dumps(run(name, path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
