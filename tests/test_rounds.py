"""A whole negotiation round on a real repository: release Draft 2 → proposals from three
delegations on branches, merged as pull requests → release Draft 3 (concordance and redline
checked) → proposals on Draft 3 → release Draft 4; then ``drafts`` and ``history``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git
from redline_helpers import accept_all, reject_all
from zerodraft import redline
from zerodraft.git import Repository
from zerodraft.main import main
from zerodraft.reader import read

A = "outcome/01-a-implementation"
NATIONAL = f"{A}/01-national-level"


pytestmark = pytest.mark.usefixtures("secretariat")


def zd(repo: Path, *args: str) -> None:
    assert main(["-C", str(repo), *args]) == 0, args


def pull_request(repo: Path, number: int, *proposal: str) -> None:
    """A delegation proposes on its own branch; the secretariat merges the pull request."""
    zd(repo, "propose", *proposal, "--new-branch")
    branch = git(repo, "branch", "--show-current").strip()
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", branch, "-m", f"Merge pull request #{number} from {branch}")


def ident(repo: Path, path: str) -> str:
    return (repo / path).read_text().split("id: ", 1)[1].split("\n", 1)[0]


def texts(repo: Path, ref: str) -> list[str]:
    return [i.line() for i in redline.items(read(Repository(repo).tree(ref)).document)]


def test_a_whole_round(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zd(repo, "release", "--format", "none", "Draft 2", "--date", "2021-07-02")
    # ---- round 1: three delegations propose; the bis, an amendment, a deletion, an alternative
    pull_request(repo, 1, "insert-after", "4", "--delegation", "EU", "--text", "Noting the diversion of ammunition.")
    pull_request(repo, 2, "amend", "2", "--delegation", "Kenya", "--text", "Reaffirming the Charter.")
    pull_request(repo, 3, "delete", "5", "--delegation", "IRN")
    pull_request(repo, 4, "alternative", "6", "--delegation", "Kenya", "--text", "To review national controls.")
    eu = ident(repo, f"{A}/004bis.md")
    kenya_alt = ident(repo, f"{NATIONAL}/006alt.md")
    deleted = ident(repo, f"{A}/005.md")
    zd(repo, "check")
    capsys.readouterr()
    zd(
        repo,
        "release",
        "--format",
        "html,docx,akn",
        "Draft 3",
        "--date",
        "2021-07-19",
        "-o",
        str(repo.parent / "draft-3"),
    )
    # renumbered: 4 bis -> 5, old 5 left; ids kept; nothing else moved
    assert sorted(p.name for p in (repo / A).glob("*.md")) == ["004.md", "005.md"]
    assert ident(repo, f"{A}/005.md") == eu
    assert ident(repo, f"{NATIONAL}/006alt.md") == kenya_alt
    # the concordance, as data and as the release notes' table
    rows = {
        r["id"]: r
        for r in __import__("yaml").safe_load((repo / "outcome/concordance/draft-3.yaml").read_text())["paragraphs"]
    }
    assert (rows[eu]["new"], rows[eu]["old"], rows[eu]["label-before"], rows[eu]["delegations"]) == (
        "5",
        "4 bis",
        None,
        ["European Union"],
    )
    assert (rows[deleted]["new"], rows[deleted]["old"], rows[deleted]["label-after"]) == (None, "5", "deleted")
    assert rows[deleted]["delegations"] == ["Iran (Islamic Republic of)"]
    assert rows[kenya_alt]["new"] == "6 alt"
    assert {"draft-3.html", "draft-3.docx", "draft-3.akn.xml"} <= {p.name for p in (repo.parent / "draft-3").iterdir()}
    notes = (repo.parent / "draft-3" / "draft-3-release-notes.md").read_text()
    assert "| 5 | 4 bis | `" + eu + "` | new | proposed | European Union |" in notes
    # the redline against Draft 2: accept all = Draft 3, reject all = Draft 2
    docx = (repo.parent / "draft-3" / "draft-3-redline.docx").read_bytes()
    assert accept_all(docx) == texts(repo, "draft-3")
    assert reject_all(docx) == texts(repo, "draft-2")
    changes = json.loads((repo.parent / "draft-3" / "draft-3-redline.json").read_text())
    assert changes["counts"] == {
        "text amended": 1,
        "label changed": 0,
        "positions changed": 1,  # Kenya, amending 2, stands behind it now
        "moved": 0,
        "new": 2,
        "deleted": 1,
        "renumbered only": 0,
    }
    md = (repo.parent / "draft-3" / "draft-3-redline.md").read_text()
    assert "Reaffirming ~~respect for and commitment" in md
    assert "**2** _(text amended; positions changed: now proposed by Kenya; open)_" in md
    # ---- round 2, on Draft 3's numbers
    pull_request(repo, 5, "support", "5", "--delegation", "Kenya")
    pull_request(repo, 6, "delete", "6", "--delegation", "EU")
    pull_request(repo, 7, "insert-after", "8", "--delegation", "IRN", "--text", "To report every two years.")
    zd(repo, "release", "--format", "md", "Draft 4", "--date", "2021-07-26")
    # Kenya's alternative takes the place of the deleted 6; Iran's 8 bis becomes 9
    assert ident(repo, f"{NATIONAL}/006.md") == kenya_alt
    assert (repo / "outcome/02-b-international-cooperation/009.md").exists()
    zd(repo, "check")
    # ---- the drafts so far
    capsys.readouterr()
    zd(repo, "drafts")
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == ["draft-2", "draft-3", "draft-4"]
    assert "2021-07-19      8 paragraphs  Draft 3" in listing[1]
    # ---- history follows the paragraph through both renumberings, even where the file name
    # was reused in the same release (006.md deleted, 006alt.md renamed to 006.md)
    zd(repo, "history", "6", "--format", "json")
    found = json.loads(capsys.readouterr().out)
    assert found["id"] == kenya_alt
    assert [(d["name"], d["number"]) for d in found["drafts"]] == [
        ("Draft 2", ""),
        ("Draft 3", "6 alt"),
        ("Draft 4", "6"),
    ]
    subjects = [e["subject"] for e in found["events"]]
    assert subjects == ["Draft 4", "Kenya proposes 6 alt to replace 6"]
    assert found["events"][0]["renumbered"] == "6 alt → 6"
    zd(repo, "history", eu)
    said = capsys.readouterr().out
    assert "numbers: Draft 2: not yet; Draft 3: 5; Draft 4: 5" in said
    assert "Kenya supports 5  (via Merge pull request #5 from kenya/support-5)" in said
    # a paragraph a release removed: found by its id through the concordances
    zd(repo, "history", deleted, "--format", "json")
    found = json.loads(capsys.readouterr().out)
    assert found["number"] == "deleted"
    assert [(d["name"], d["number"]) for d in found["drafts"]] == [
        ("Draft 2", "5"),
        ("Draft 3", "deleted"),
        ("Draft 4", "gone"),
    ]
    assert [e["subject"] for e in found["events"]] == [
        "Draft 3",
        "Iran (Islamic Republic of) proposes to delete 5",
        "Draft 2",
    ]
    assert found["events"][0]["renumbered"] == "5 → deleted"
    assert (
        "European Union proposes 4 bis after 4  (via Merge pull request #1 from european-union/insert-after-4bis)"
        in said
    )
