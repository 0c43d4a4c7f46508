"""Shared fixtures: real documents on disk and real git repositories in ``tmp_path``."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No Hypothesis deadline anywhere: on a shared, loaded machine a deadline is a timed assertion
# that fails for reasons that have nothing to do with the code.
settings.register_profile("zerodraft", deadline=None)
settings.load_profile("zerodraft")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
UN_CORPUS = next(
    (folder / "shared" / "corpus" for folder in REPO.parents if (folder / "shared" / "corpus").is_dir()),
    SHARED / "corpus",
)
"""The real UN texts in ../shared/corpus: beside the clone (CI, /work/main) or beside the folder of
worktrees.  Tests that need them skip when they are not there."""
EXAMPLE = REPO / "tests" / "data" / "example"
"""A small, valid document in the format (preamble, two agenda items, a subsection)."""
IDENTITY = {
    "GIT_AUTHOR_NAME": "Secretariat",
    "GIT_AUTHOR_EMAIL": "secretariat@example.org",
    "GIT_COMMITTER_NAME": "Secretariat",
    "GIT_COMMITTER_EMAIL": "secretariat@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}
"""Who commits in the tests' repositories (with no system or user git configuration)."""


def git(cwd: Path, *args: str) -> str:
    """Run real git in ``cwd`` and return its output (fails the test on error)."""
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={**IDENTITY, "HOME": str(cwd), "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    return result.stdout


def write_paragraph(path: Path, ident: str, text: str, status: str = "open", **fields: str | list[str]) -> Path:
    """Write a paragraph file with front matter; list values are written inline."""
    lines = ["---", f"id: {ident}", f"status: {status}"]
    for key, value in fields.items():
        key = key.replace("_", "-")
        lines.append(f"{key}: [{', '.join(value)}]" if isinstance(value, list) else f"{key}: {value}")
    lines += ["---", text, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def clone_of(repo: Path, name: str) -> Path:
    """A clone, beside ``repo``, of a shared bare origin (made from ``repo`` the first time): how
    delegations and the secretariat each work on the negotiation."""
    origin = repo.parent / f"{repo.name}-origin.git"
    if not origin.exists():
        git(repo.parent, "clone", "-q", "--bare", str(repo), str(origin))
    work = repo.parent / f"{repo.name}-{name}"
    git(repo.parent, "clone", "-q", str(origin), str(work))
    return work


@contextlib.contextmanager
def committed_as_secretariat(source: Path, repo: Path, message: str) -> Iterator[pytest.MonkeyPatch]:
    """For a fixture of module scope (no ``monkeypatch``): the document ``source`` copied into
    ``repo/outcome`` and committed on ``main``; while the block runs, commands commit as the
    secretariat, with no git configuration of the machine's (the patch can change that)."""
    shutil.copytree(source, repo / "outcome")
    with pytest.MonkeyPatch.context() as patch:
        for key, value in {**IDENTITY, "HOME": str(repo.parent)}.items():
            patch.setenv(key, value)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", message)
        yield patch


@pytest.fixture
def document(tmp_path: Path) -> Path:
    """A copy of the example document: ``tmp_path/outcome``; returns ``tmp_path``."""
    shutil.copytree(EXAMPLE, tmp_path / "outcome")
    return tmp_path


@pytest.fixture
def repo(document: Path) -> Path:
    """The example document committed in a fresh git repository (branch ``main``)."""
    git(document, "init", "-q", "-b", "main")
    git(document, "add", "-A")
    git(document, "commit", "-q", "-m", "Draft 2")
    return document


@pytest.fixture
def make_paragraph(document: Path) -> Callable[..., Path]:
    """Write a paragraph into the example document: ``make_paragraph("01-a-implementation/006.md", ...)``."""

    def make(relative: str, ident: str, text: str, status: str = "open", **fields: str | list[str]) -> Path:
        return write_paragraph(document / "outcome" / relative, ident, text, status, **fields)

    return make


@pytest.fixture
def rich(document: Path) -> Path:
    """The example with every drafting mark (footnotes, subparagraphs, alternatives …);
    clean under zerodraft check.  Used by the renderer tests."""
    from render_fixtures import enrich

    return enrich(document)


@pytest.fixture
def secretariat(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Commands run in-process commit as the secretariat, with no git configuration of the machine's."""
    for key, value in {**IDENTITY, "HOME": str(tmp_path)}.items():
        monkeypatch.setenv(key, value)


@pytest.fixture(scope="session")
def draft_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BMS7 Draft 2 committed and tagged ``draft-2``; Kenya speaks through ``kenya-mission``;
    paragraph 10 is agreed ad ref (for the Word intake tests)."""
    base = tmp_path_factory.mktemp("intake") / "repo"
    shutil.copytree(REPO / "outcome", base / "outcome")
    roster = base / "outcome" / "delegations.yaml"
    roster.write_text(
        roster.read_text(encoding="utf-8").replace(
            '{name: "Kenya", kind: member-state, code: KEN, logins: []}',
            '{name: "Kenya", kind: member-state, code: KEN, logins: [kenya-mission]}',
        ),
        encoding="utf-8",
    )
    ten = next((base / "outcome").rglob("010.md"))
    ten.write_text(ten.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Draft 2")
    git(base, "tag", "draft-2")
    return base


@pytest.fixture(scope="session")
def word_file(draft_repo: Path) -> Path:
    """The published Word file of Draft 2 (``zerodraft build --ref draft-2 --format docx``)."""
    from zerodraft.main import main

    out = draft_repo.parent / "build-draft-2"
    assert main(["-C", str(draft_repo), "build", "--ref", "draft-2", "--format", "docx", "-o", str(out)]) == 0
    return next(out.glob("*.docx"))


@pytest.fixture
def intake_repo(draft_repo: Path, tmp_path: Path, secretariat: None) -> Path:
    """A fresh copy of :func:`draft_repo` for one test."""
    copy = tmp_path / "repo"
    shutil.copytree(draft_repo, copy, symlinks=True)
    return copy
