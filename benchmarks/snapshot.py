"""Prove that a speed change to the prose extractor changes no output.

Run: ``python -m benchmarks.snapshot save [FILE]`` before the change, then
``python -m benchmarks.snapshot check [FILE]`` after it (FILE defaults to
``.benchmarks/attribution-snapshot.json``). ``check`` prints how many texts differ and exits
1 if any does.

The texts: every news fixture, the seeds and the real Wikipedia article's prose view (when
``../shared`` is present), 300 texts of fixture sentences recombined at random, 150 of
fixture paragraphs, 100 with random case flips, and the adversarial floods of
``benchmarks.attributions`` (20,000 characters each). Each text's digest covers the whole
result, with and without anonymous sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from benchmarks.attributions import ROOT, SEEDS, adversarial_inputs, cases
from citenorm.attribution import extract_attributions
from citenorm.prose import prose_view

DEFAULT = ROOT / ".benchmarks" / "attribution-snapshot.json"
_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+")


def texts() -> list[str]:
    """The texts, in a fixed order (seeded)."""
    base = [text for _, text, _ in cases()]
    out = list(base)
    shared = SEEDS.parent
    if (shared / "corpus" / "anarchism.wikitext").exists():
        out.append(prose_view((shared / "corpus" / "anarchism.wikitext").read_text()))
    out += [p.read_text() for p in sorted(SEEDS.glob("000_*.txt"))]
    rnd = random.Random(7)
    sentences = [s for t in base for s in _SENTENCE_END.split(t) if s]
    paragraphs = [p for t in base for p in t.split("\n") if p.strip()]
    for _ in range(300):
        out.append(" ".join(rnd.choice(sentences) for _ in range(rnd.randrange(3, 25))))
    for _ in range(150):
        out.append("\n".join(rnd.choice(paragraphs) for _ in range(rnd.randrange(3, 15))))
    for _ in range(100):
        text = rnd.choice(base)
        out.append("".join(c.upper() if rnd.random() < 0.02 else
                           c.lower() if rnd.random() < 0.02 else c for c in text))
    out += adversarial_inputs("\n\n".join(base), 20_000).values()
    return out


def digest(text: str) -> str:
    """A hash of everything the extractor returns for ``text``."""
    both = (extract_attributions(text), extract_attributions(text, include_anonymous=False))
    return hashlib.sha256(repr(both).encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    digests = [digest(t) for t in texts()]
    if args.action == "save":
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(json.dumps(digests))
        print(f"saved {len(digests)} digests to {args.file}")
        return
    saved = json.loads(args.file.read_text())
    differ = [i for i, (a, b) in enumerate(zip(saved, digests, strict=False)) if a != b]
    print(f"{len(digests)} texts ({len(saved)} saved), {len(differ)} differ {differ[:20]}")
    sys.exit(1 if differ or len(saved) != len(digests) else 0)


if __name__ == "__main__":
    main()
