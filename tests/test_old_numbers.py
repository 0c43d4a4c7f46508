"""``history`` by the numbers delegates cited: ``history "4 bis"`` after the release that
renumbered it points to where it went, and ``history 5 --in "Draft 2"`` reads the number as
it stood in Draft 2's round — on a real repository with two releases and merged branches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git
from zerodraft.main import main

pytestmark = pytest.mark.usefixtures("secretariat")


def zd(repo: Path, *args: str) -> None:
    assert main(["-C", str(repo), *args]) == 0, args


@pytest.fixture
def renumbered(repo: Path) -> Path:
    zd(repo, "release", "--format", "none", "Draft 2", "--date", "2021-07-02")
    zd(repo, "propose", "insert-after", "4", "--delegation", "EU", "--text", "Noting ammunition.", "--new-branch")
    branch = git(repo, "branch", "--show-current").strip()
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", branch, "-m", f"Merge pull request #1 from {branch}")
    zd(repo, "release", "--format", "none", "Draft 3", "--date", "2021-07-19")
    return repo


def ident(repo: Path, path: str) -> str:
    return (repo / path).read_text().split("id: ", 1)[1].split("\n", 1)[0]


def test_a_bare_old_number_points_to_where_it_went(renumbered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    zd(renumbered, "history", "4 bis")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "4 bis in the round before Draft 3 became 5 in Draft 3:"
    assert out[1].startswith(f"paragraph 5 ({ident(renumbered, 'outcome/01-a-implementation/005.md')})")
    assert any("European Union proposes" in line for line in out)


def test_a_number_in_a_named_draft(renumbered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    zd(renumbered, "history", "5", "--in", "Draft 2", "--format", "json")
    found = json.loads(capsys.readouterr().out)
    assert found["id"] == ident(renumbered, "outcome/01-a-implementation/006.md")  # old 5 is 6 now
    assert found["note"] == "5 in the round before Draft 3 became 6 in Draft 3"
    assert main(["-C", str(renumbered), "history", "5", "--in", "Draft 9"]) == 2
    assert "no released draft is called 'Draft 9' (released: Draft 2, Draft 3)" in capsys.readouterr().err
