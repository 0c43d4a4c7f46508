"""End to end: a bare "origin", five delegation clones pushing proposal branches (one hostile:
it marks its text agreed and edits the checker), the check workflow's steps run as CI runs
them (the BASE branch's tooling on the pull request's files as data), the secretariat merges
the honest ones, and the compilation shows what is still pending."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, git, write_paragraph
from policy_helpers import NAT, A, edit, with_logins

pytestmark = pytest.mark.slow


def base_tooling(origin: Path, into: Path) -> Path:
    """``actions/checkout`` of the base branch: its tooling/ only, as CI installs it."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", "main", "tooling"], cwd=origin, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "tooling"


def ci(work: Path, origin: Path, number: int, author: str) -> subprocess.CompletedProcess[str]:
    """The steps of .github/workflows/check.yml for pull request ``number``."""
    run = work / f"ci-{number}"
    run.mkdir()
    tooling = base_tooling(origin, run / "base")
    git(run, "clone", "-q", str(origin), "proposal")
    proposal = run / "proposal"
    git(proposal, "fetch", "-q", "origin", f"+refs/pull/{number}/head:refs/pull/{number}/head")
    head = git(proposal, "rev-parse", f"refs/pull/{number}/head").strip()
    base = git(proposal, "rev-parse", "origin/main").strip()
    git(proposal, "checkout", "-q", head)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(tooling),
        "PYTHONSAFEPATH": "1",
        "PR_AUTHOR": author,
        "HOME": str(run),
    }
    where = subprocess.run(
        [sys.executable, "-c", "import zerodraft; print(zerodraft.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(tooling)), "CI must run the base branch's tooling"
    check = subprocess.run(
        [sys.executable, "-m", "zerodraft", "-C", "proposal", "check"],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    policy = subprocess.run(
        [sys.executable, "-m", "zerodraft", "-C", "proposal", "pr-check", "--base", base, "--head", head],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return subprocess.CompletedProcess(
        policy.args, check.returncode or policy.returncode, check.stdout + policy.stdout, policy.stderr
    )


def test_five_delegations(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    work = tmp_path_factory.mktemp("e2e")
    # The secretariat's repository: the document, logins, and the real tooling.
    with_logins(repo)
    shutil.copytree(
        REPO / "tooling" / "zerodraft", repo / "tooling" / "zerodraft", ignore=shutil.ignore_patterns("__pycache__")
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Tooling")
    git(work, "clone", "-q", "--bare", str(repo), "origin.git")
    origin = work / "origin.git"

    def clone(name: str) -> Path:
        git(work, "clone", "-q", str(origin), name)
        git(work / name, "checkout", "-q", "-b", name)
        return work / name

    def push(clone_dir: Path, number: int, message: str) -> None:
        git(clone_dir, "add", "-A")
        git(clone_dir, "commit", "-q", "-m", message)
        name = clone_dir.name
        git(clone_dir, "push", "-q", "origin", name)
        git(origin, "update-ref", f"refs/pull/{number}/head", f"refs/heads/{name}")  # GitHub does this

    kenya = clone("kenya")
    edit(kenya / f"{A}/005.md", "different situations", "diverse situations")
    push(kenya, 1, "Kenya: diverse situations")

    eu = clone("eu")
    write_paragraph(eu / f"{A}/005bis.md", "p-eu-00000001", "To promote cooperation.", "proposed", proposed_by="EU")
    push(eu, 2, "EU: new 5 bis")

    norway = clone("norway")
    write_paragraph(norway / f"{A}/004alt.md", "p-nor-0000001", "To cooperate closely.", "proposed", proposed_by="NOR")
    push(norway, 3, "Norway: an alternative to 4\n\nDelegation: Norway")

    belgium = clone("belgium")
    edit(
        belgium / f"{NAT}/006bis.md",
        "proposed-by: [European Union]",
        "proposed-by: [European Union]\nsupported-by: [BEL]",
    )
    push(belgium, 4, "Belgium supports 6 bis")

    hostile = clone("iran")
    edit(hostile / f"{NAT}/006bis.md", "status: proposed", "status: agreed")
    edit(hostile / f"{NAT}/006bis.md", "[strengthen][put in place]", "put in place")
    policy = hostile / "tooling" / "zerodraft" / "policy" / "review.py"
    policy.write_text(policy.read_text() + "\n\ndef review(*args, **kwargs):  # type: ignore\n    return []\n")
    push(hostile, 5, "Iran: agreed")

    authors = {1: "kenya-mission", 2: "eu-presidency", 3: "norway-mission", 4: "belgium-delegate", 5: "iran-mission"}
    results = {number: ci(work, origin, number, login) for number, login in authors.items()}
    for number in (1, 2, 3, 4):
        assert results[number].returncode == 0, (number, results[number].stdout, results[number].stderr)
        assert "nothing to object" in results[number].stdout
    hostile_result = results[5]
    assert hostile_result.returncode == 1
    assert hostile_result.stdout.splitlines() == [
        "No problems in outcome/ (8 paragraphs in the document).",  # the check passes: the text is well formed
        f"{NAT}/006bis.md:3: ZD904 the label changes from 'proposed' to 'agreed'; only the facilitator of this "
        "agenda item or the secretariat marks text agreed or agreed ad ref (leave the label as it was)",
        f"{NAT}/006bis.md:4: ZD916 amends the proposal of European Union in paragraph 6 bis without saying so: add "
        "Iran (Islamic Republic of) to 'proposed-by' (proposed-by: [European Union, Iran (Islamic Republic of)]), "
        "as 'zerodraft propose amend' does, so the redline and the compilation credit your words to you and not to "
        "European Union",
        "tooling/zerodraft/policy/review.py:1: ZD902 is part of the checking tools (tooling/); only the secretariat "
        "changes files outside outcome/: take this change out of the pull request (leave the file as it is on main) "
        "and ask the secretariat for it in the pull request's description",
    ]

    # The secretariat merges Kenya's and the EU's proposals and pushes main.
    secretariat = work / "secretariat"
    git(work, "clone", "-q", str(origin), "secretariat")
    for name in ("kenya", "eu"):
        git(secretariat, "merge", "-q", "--no-ff", "-m", f"Merge {name}", f"origin/{name}")
    git(secretariat, "push", "-q", "origin", "main")
    assert (
        subprocess.run(
            [sys.executable, "-m", "zerodraft", "check"], cwd=secretariat, capture_output=True, check=False
        ).returncode
        == 0
    )

    # The compilation before the next consultation: only what is still pending.
    git(secretariat, "fetch", "-q", "origin", "+refs/pull/*/head:refs/pull/*/head")
    env = {**os.environ}
    result = subprocess.run(
        [sys.executable, "-m", "zerodraft", "compile", "--refs", "refs/pull/*/head"],
        cwd=secretariat,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Pending proposals from 3 branches or pull requests" in text
    pending, left_out = text.split("## Branches and pull requests left out\n")
    assert "pull request \\#1)" not in pending and "pull request \\#2)" not in pending
    assert "- `refs/pull/1/head`: already merged into main" in left_out
    assert "**ALT** — Norway (pull request \\#3)" in text
    assert "Belgium (pull request \\#4)" in text
    assert "(pull request \\#5)" in text
