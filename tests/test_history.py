"""``zerodraft history`` and ``zerodraft drafts`` at the edges, and the concordance folder
as the checker sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import git, write_paragraph
from zerodraft.main import main

pytestmark = pytest.mark.usefixtures("secretariat")


def test_no_drafts_yet(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(repo), "drafts"]) == 0
    assert "no draft has been released yet" in capsys.readouterr().out
    assert main(["-C", str(repo), "history", "6 bis", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["drafts"] == []
    assert [e["subject"] for e in found["events"]] == ["Draft 2"]


@pytest.mark.parametrize("reference", ["99", "", " ", "18 undecies", "--", "../../etc/passwd"])
def test_unknown_paragraph(repo: Path, capsys: pytest.CaptureFixture[str], reference: str) -> None:
    (repo / "outcome/00-preamble/001.md").write_text("broken, so its id is empty\n")
    assert main(["-C", str(repo), "history", "--", reference]) == 2
    assert "in the current draft" in capsys.readouterr().err


def test_uncommitted_paragraph(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_paragraph(repo / "outcome/00-preamble/003bis.md", "p-new", "Recalling.")
    assert main(["-C", str(repo), "history", "p-new"]) == 0
    assert "no commits touch it yet" in capsys.readouterr().out


def test_draft_tagged_by_hand_falls_back_to_git(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2")
    path = repo / "outcome/02-b-international-cooperation/007.md"
    path.write_text(
        path.read_text().replace("To strengthen", "To [further] strengthen").replace("agreed-ad-ref", "open")
    )
    git(repo, "commit", "-q", "-am", "Amend 7")
    assert main(["-C", str(repo), "history", "7", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [e["subject"] for e in found["events"]] == ["Amend 7", "Draft 2"]
    assert found["drafts"] == [{"tag": "draft-2", "name": "Draft 2", "number": "", "article": ""}]
    assert main(["-C", str(repo), "drafts"]) == 0
    assert "draft-2" in capsys.readouterr().out


def test_concordance_folder_holds_only_concordances(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "outcome/concordance"
    folder.mkdir()
    (folder / "draft-2.yaml").write_text("draft: Draft 2\nprevious: null\nparagraphs: []\n")
    assert main(["-C", str(repo), "check"]) == 0
    (folder / "notes.md").write_text("hello\n")
    assert main(["-C", str(repo), "check"]) == 1
    assert "outcome/concordance/notes.md:1: ZD001" in capsys.readouterr().out


GOOD_ROW = "- id: p-1\n  new: '1'\n  old: 1 bis\n  delegations: [Kenya]\n"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("draft: Draft 2\n  bad: x\n", 2, "is not valid YAML (mapping values are not allowed"),
        ("draft: Draft 2\nprevious: 'unclosed\n", 3, "is not valid YAML"),
        ("# only a comment\n", 2, "is empty"),
        ("- a\n", 1, "must be keys"),
        ("draft: Draft 2\nprevious: null\n", 1, "needs 'draft', 'previous' and 'paragraphs'"),
        ("draft: Draft 2\nprevious: null\nparagraphs: {}\n", 3, "'paragraphs' must be a list"),
        ("draft: Draft 2\nprevious: null\nextra: 1\nparagraphs: []\n", 3, "has a key other than"),
        ("draft: Draft 2\nprevious: null\nparagraphs:\n- new: '1'\n", 4, "a paragraph has no 'id'"),
        ("draft: Draft 2\nprevious: null\nparagraphs:\n- id: x\n  colour: red\n", 5, "unknown key"),
        ("draft: Draft 2\nprevious: null\nparagraphs:\n- id: x\n  new: {a: 1}\n", 5, "must be a single value"),
        ("draft: &a Draft 2\nprevious: *a\nparagraphs: []\n", 1, "alias, anchor or tag"),
        ("draft: !!python/object:os.system Draft\nprevious: null\nparagraphs: []\n", 1, "alias, anchor or tag"),
        ("draft: D\nprevious: null\nparagraphs: []\n---\ndraft: E\n", 4, "more than one YAML document"),
    ],
)
def test_a_broken_concordance_is_reported(
    repo: Path, capsys: pytest.CaptureFixture[str], content: str, line: int, message: str
) -> None:
    folder = repo / "outcome/concordance"
    folder.mkdir()
    (folder / "draft-2.yaml").write_text(content)
    assert main(["-C", str(repo), "check"]) == 1
    out = capsys.readouterr().out
    assert f"outcome/concordance/draft-2.yaml:{line}: ZD801 " in out, out
    assert message in out


def test_a_good_concordance_passes(repo: Path) -> None:
    folder = repo / "outcome/concordance"
    folder.mkdir()
    (folder / "draft-2.yaml").write_text(f"# header\ndraft: Draft 2\nprevious: null\nparagraphs:\n{GOOD_ROW}")
    assert main(["-C", str(repo), "check"]) == 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "draft: D\n",
                "previous: null\n",
                "paragraphs:\n",
                "- id: x\n",
                "  new: '1'\n",
                "  delegations: [a]\n",
                "[",
                "]",
                "{",
                "}",
                "&a ",
                "*a",
                "'",
                "\n",
                "  ",
                "- ",
                ": ",
                "---\n",
                "!!str ",
                "\t",
                "#",
            ]
        ),
        max_size=15,
    )
)
def test_concordance_validation_never_crashes(pieces: list[str]) -> None:
    from zerodraft.rounds.concordance import validate

    result = validate("".join(pieces))
    assert result is None or (result[0] >= 1 and result[1])
