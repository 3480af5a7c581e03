"""The hooks run by the real pre-commit, from this repository's committed HEAD.

pre-commit builds a virtualenv and installs citenorm into it from the repository (PyPI is
needed for the dependencies), once per module: ``PRE_COMMIT_HOME`` is shared by the tests
here. ``citenorm-fix`` and ``citenorm-check`` run through ``pre-commit try-repo``;
``citenorm-sync`` needs ``args``, which try-repo cannot pass, so it runs from a
``.pre-commit-config.yaml`` naming this repository, as a user would write it.
"""

from __future__ import annotations

import codecs
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citenorm.rewrite import gaps

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (pip install -e '.[test]')"),
]

BROKEN = (
    "Intro.{{sfn|Ward|2004|p=3}}{{sfn|Moyihan|2007}}\n"
    "<ref>{{cite news|title=Missile|accessdate=12 June 1993|date=31 Febtember 1993}}</ref>\n"
    "* {{cite book |last=Ward |year=2004 |title=Anarchism}}\n"
    "{{cite web |url=http://unclosed.example.org\n"
)
NONCANONICAL = (
    "'''North Korea''' tested a missile.[tpl]cite news |url=http://www.nytimes.com/1993/06/13/"
    "world/missile.html |title=Missile is Tested by North Koreans |first=David E. |last=Sanger"
    " |newspaper=New York Times |date=June 12, 1993 [/tpl]  Officials waited.\r\n"
    "\r\n== References ==\r\n"
    "* {{cite journal\r\n| last = Vallance | first = Margaret\r\n| date = 1 July 1973\r\n"
    "| title = Rudolf Rocker | journal = [[Journal of Contemporary History]]\r\n"
    "| doi = https://doi.org/10.1177/002200947300800304 | accessdate = 5 May 2010 }}\r\n"
    "Trailing prose, {{Infobox|a = 1}} untouched  .\r\n"
)


def _git(cwd: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return out.stdout.strip()


@pytest.fixture(scope="module")
def hook_rev() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit needs a committed hook repository")
    rev = _git(ROOT, "rev-parse", "HEAD")
    if not _git(ROOT, "ls-tree", "--name-only", rev, ".pre-commit-hooks.yaml"):
        pytest.skip("HEAD has no .pre-commit-hooks.yaml: commit the hook manifest first")
    return rev


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    # CITENORM_MYPYC=0: pre-commit's install is a wheel build, which would compile the prose
    # extractor (about 40 s each); the hooks' behaviour is the same either way, and
    # tests/test_compiled.py checks the compiled build
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
            "CITENORM_MYPYC": "0",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def _repo(path: Path, files: dict[str, bytes]) -> Path:
    path.mkdir()
    _git(path, "init", "-q")
    for name, data in files.items():
        (path / name).write_bytes(data)
    _git(path, "add", *files)
    return path


def _pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)



def test_fix_hook(tmp_path: Path, env: dict[str, str], hook_rev: str) -> None:
    bom = codecs.BOM_UTF8
    repo = _repo(tmp_path / "wiki", {
        "article.wiki": NONCANONICAL.encode(),
        "notes.md": bom + "Notes {{cite web|title=T|accessdate=2001}} ✓\n".encode(),
        "clean.txt": b"{{cite web |title=T |access-date=2001}}\n",
    })
    before = {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}
    first = _pre_commit(repo, env, "try-repo", str(ROOT), "citenorm-fix", "--ref", hook_rev,
                        "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "article.wiki: fixed 2 templates" in first.stdout
    after = {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}
    assert after["clean.txt"] == before["clean.txt"]
    assert after["notes.md"].startswith(bom)
    for name in ("article.wiki", "notes.md"):
        old, new = before[name].decode("utf-8-sig"), after[name].decode("utf-8-sig")
        assert new != old
        assert gaps(new) == gaps(old)  # every byte outside citation templates is kept
    article = after["article.wiki"].decode()
    assert "\n" not in article.replace("\r\n", "")  # CRLF kept, in rewritten templates too
    assert "[tpl]cite news |url=http://www.nytimes.com" in article
    assert " |doi=10.1177/002200947300800304\r\n |access-date=5 May 2010\r\n}}" in article
    second = _pre_commit(repo, env, "try-repo", str(ROOT), "citenorm-fix", "--ref", hook_rev,
                         "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
    assert {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()} == after


def test_check_hook(tmp_path: Path, env: dict[str, str], hook_rev: str) -> None:
    repo = _repo(tmp_path / "wiki", {
        "broken.wiki": BROKEN.encode(),
        "fine.md": b"Text.{{sfn|Ward|2004}}\n* {{cite book |last=Ward |year=2004 |title=A}}\n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
    })
    result = _pre_commit(repo, env, "try-repo", str(ROOT), "citenorm-check", "--ref", hook_rev,
                         "--all-files")
    assert result.returncode == 1
    lines = [x for x in result.stdout.splitlines() if ": CN" in x]
    found = {(x.split(":")[0], x.split()[1]) for x in lines}
    assert found == {("broken.wiki", "CN402"), ("broken.wiki", "CN202"),
                     ("broken.wiki", "CN101"), ("broken.wiki", "CN001"),
                     ("image.txt", "CN501")}
    assert "broken.wiki:1:28: CN402 {{sfn|Moyihan|2007}} has no target" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_sync_hook(tmp_path: Path, env: dict[str, str], hook_rev: str) -> None:
    config = (
        f"repos:\n- repo: {ROOT}\n  rev: {hook_rev}\n  hooks:\n  - id: citenorm-sync\n"
        "    args: [--bib, refs.bib, --csl, refs.json, 'pages/*.wiki']\n"
    )
    repo = _repo(tmp_path / "wiki", {".pre-commit-config.yaml": config.encode()})
    (repo / "pages").mkdir()
    (repo / "pages" / "a.wiki").write_bytes(NONCANONICAL.encode())
    (repo / "pages" / "b.wiki").write_text("{{sfn|Ward|2004}}\n* {{cite book |last=Ward"
                                           " |first=Colin |year=2004 |title=Anarchism}}\n")
    _git(repo, "add", "pages")
    first = _pre_commit(repo, env, "run", "citenorm-sync", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "refs.bib: updated (3 entries)" in first.stdout
    bib = (repo / "refs.bib").read_text()
    assert [line.split("{")[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")] \
        == ["sanger1993missile", "vallance1973rudolf", "ward2004anarchism"]
    assert '"DOI": "10.1177/002200947300800304"' in (repo / "refs.json").read_text()
    second = _pre_commit(repo, env, "run", "citenorm-sync", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
    assert (repo / "refs.bib").read_text() == bib
