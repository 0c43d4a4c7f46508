"""Cross-references through a real release of this repository's Draft 2 (issue 14's "done
when"): references rewritten in the release commit, listed in the release notes, shown as
tracked changes in the Word redline; a dangling reference is a check problem; a reference
to a deleted paragraph stops the release."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, git, write_paragraph
from redline_helpers import accept_all, reject_all
from zerodraft import reader
from zerodraft.main import main
from zerodraft.source import WorkingTree

pytestmark = pytest.mark.usefixtures("secretariat")


def paragraph_file(root: Path, number: str) -> Path:
    """The file of paragraph ``number`` in the document at ``root``."""
    document = reader.read(WorkingTree(root), "outcome").document
    found = document.find(number)
    assert found is not None, number
    return root / found.path


def add_text(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + text + "\n", encoding="utf-8")


@pytest.fixture
def draft2(tmp_path: Path) -> Path:
    """This repository's Draft 2 (outcome/) in a fresh git repository, released as Draft 2;
    paragraph 60 refers to paragraph 70 already in Draft 2."""
    root = tmp_path / "negotiation"
    shutil.copytree(REPO / "outcome", root / "outcome")
    add_text(paragraph_file(root, "60"), " Taking into account paragraph 70 below.")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Import of Draft 2")
    assert main(["-C", str(root), "release", "--formats", "none", "Draft 2", "--date", "2021-07-02"]) == 0
    return root


def round_with_references(root: Path, *, delete: str = "45") -> None:
    """The round of the issue: references added to 30 and 50, 18 bis and 18 ter inserted, 45 deleted."""
    add_text(paragraph_file(root, "30"), " As set out in paragraph 40 above.")
    add_text(
        paragraph_file(root, "50"),
        " Recalling paragraphs 18 and 20 above and article 6 of the Programme of Action.",
    )
    folder = paragraph_file(root, "18").parent
    write_paragraph(
        folder / "018bis.md", "p-kenya-18bis", "To share information on diversion.", "proposed", proposed_by=["Kenya"]
    )
    write_paragraph(
        folder / "018ter.md", "p-eu-18ter", "To mark weapons at import.", "proposed", proposed_by=["European Union"]
    )
    p45 = paragraph_file(root, delete)
    p45.write_text(p45.read_text(encoding="utf-8").replace("status: open", "status: deleted"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Round proposals")


def test_release_rewrites_references_in_the_release_commit(draft2: Path) -> None:
    round_with_references(draft2)
    out = draft2.parent / "draft-3"
    assert (
        main(["-C", str(draft2), "release", "--formats", "none", "-o", str(out), "Draft 3", "--date", "2021-07-19"])
        == 0
    )
    p32 = paragraph_file(draft2, "32").read_text(encoding="utf-8")
    p51 = paragraph_file(draft2, "51").read_text(encoding="utf-8")
    assert "As set out in paragraph 42 above." in p32
    assert "paragraphs 18 and 22 above and article 6 of the Programme of Action" in p51
    # one commit: the renumbering and the rewrites together, nothing left uncommitted
    assert git(draft2, "status", "--porcelain") == ""
    changed = git(draft2, "show", "--name-status", "--format=", "HEAD")
    assert "032.md" in changed and "051.md" in changed
    notes = (out / "draft-3-release-notes.md").read_text(encoding="utf-8")
    assert "| paragraph 32 (was 30) | `paragraph 40 above` | `paragraph 42 above` |" in notes
    assert "| paragraph 51 (was 50) | `paragraphs 18 and 20 above` | `paragraphs 18 and 22 above` |" in notes
    assert "| paragraph 61 (was 60) | `paragraph 70 below` | `paragraph 71 below` |" in notes
    # the Word redline against Draft 2: the rewritten number is a tracked change
    redline = (out / "draft-3-redline.docx").read_bytes()
    accepted, rejected = accept_all(redline), reject_all(redline)
    assert any(p.startswith("61\t") and p.endswith("Taking into account paragraph 71 below.") for p in accepted)
    assert any(p.startswith("60\t") and p.endswith("Taking into account paragraph 70 below.") for p in rejected)
    xml = zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:del\b[^>]*>(?:(?!</w:del>).)*>70<", xml, re.DOTALL)
    assert re.search(r"<w:ins\b[^>]*>(?:(?!</w:ins>).)*>71<", xml, re.DOTALL)


def test_a_reference_to_nothing_is_a_check_problem_naming_its_file(
    draft2: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = paragraph_file(draft2, "30")
    add_text(path, " As set out in paragraph 999 above.")
    assert main(["-C", str(draft2), "check"]) == 1
    out = capsys.readouterr().out
    relative = path.relative_to(draft2).as_posix()
    assert f"{relative}:5: ZD701 paragraph 30 refers to paragraph 999 ('paragraph 999 above')" in out


def test_a_reference_to_a_deleted_paragraph_stops_the_release(draft2: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_text(paragraph_file(draft2, "30"), " As set out in paragraph 45 above.")
    round_with_references(draft2)
    head = git(draft2, "rev-parse", "HEAD")
    assert main(["-C", str(draft2), "release", "--formats", "none", "Draft 3", "--date", "2021-07-19"]) == 1
    err = capsys.readouterr().err
    assert "ZD702 paragraph 30 refers to paragraph 45 ('paragraph 45 above'), which is labelled deleted" in err
    assert git(draft2, "rev-parse", "HEAD") == head
    assert "draft-3" not in git(draft2, "tag")


# ---- propose: says so before writing


def test_propose_refuses_a_text_referring_to_nothing(draft2: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["-C", str(draft2), "propose", "insert-after", "18", "--delegation", "Kenya"]
    assert main([*argv, "--text", "To act as set out in paragraph 999 above."]) == 1
    err = capsys.readouterr().err
    assert "ZD701 paragraph 18 bis refers to paragraph 999 ('paragraph 999 above')" in err
    assert "the proposal was not written" in err
    assert not (paragraph_file(draft2, "18").parent / "018bis.md").exists()


def test_propose_to_delete_a_paragraph_others_refer_to_warns_then_writes(
    draft2: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_text(paragraph_file(draft2, "30"), " As set out in paragraph 45 above.")
    git(draft2, "commit", "-q", "-am", "A reference to 45")
    assert main(["-C", str(draft2), "propose", "delete", "45", "--delegation", "Kenya"]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err
    assert "ZD702 paragraph 30 refers to paragraph 45 ('paragraph 45 above'), which is labelled deleted" in err
    assert "status: deleted" in paragraph_file(draft2, "45").read_text(encoding="utf-8")


def test_an_ambiguous_reference_is_reported_never_guessed(draft2: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With C's first subsection numbered "1." like A's, "section 1" in the preamble could mean
    either; from inside A it means A's own."""
    c1 = draft2 / "outcome/03-c-international-cooperation-assistance/01-international-cooperation-prevent/section.yaml"
    c1.write_text(c1.read_text(encoding="utf-8").replace("heading: ", "heading: 1. "), encoding="utf-8")
    add_text(paragraph_file(draft2, "5"), " As set out in section 1.")
    add_text(paragraph_file(draft2, "25"), " As set out in section 1.")
    assert main(["-C", str(draft2), "check"]) == 1
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "ZD7" in line]
    assert "ZD703 paragraph 5 refers to section 1 ('section 1'), which could mean more than one place" in line
    assert "('1. At the national level' in section A, '1. International cooperation" in line  # as printed
    assert "in section C): say which, e.g. 'section 1 of section A'" in line
