"""Redlines classify changes truly, in every format: text amended, label changed, positions
changed, renumbered only, moved, new, deleted — separately, with counts; a paragraph only
renumbered is not listed among the changes.  Replayed on a real repository: Draft 2 released,
pull requests merged from delegations' branches (the EU inserts, the secretariat marks a
paragraph agreed, Iran opposes another), Draft 3 released with its renumbering."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from conftest import git
from policy_helpers import edit
from zerodraft.main import main

A = "outcome/01-a-implementation"
NATIONAL = f"{A}/01-national-level"

pytestmark = pytest.mark.usefixtures("secretariat")


def zd(repo: Path, *args: str) -> None:
    assert main(["-C", str(repo), *args]) == 0, args


def merge(repo: Path, number: int, branch: str) -> None:
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", branch, "-m", f"Merge pull request #{number} from {branch}")


@pytest.fixture
def drafts(repo: Path, tmp_path: Path) -> Path:
    zd(repo, "release", "--format", "none", "Draft 2", "--date", "2021-07-02")
    zd(repo, "propose", "insert-after", "4", "--delegation", "EU", "--text", "Noting ammunition.", "--new-branch")
    merge(repo, 1, git(repo, "branch", "--show-current").strip())
    git(repo, "switch", "-q", "-c", "secretariat/agree-5")
    edit(repo / A / "005.md", "status: open", "status: agreed")
    git(repo, "commit", "-q", "-am", "5 agreed in informals")
    merge(repo, 2, "secretariat/agree-5")
    zd(repo, "propose", "oppose", "6", "--delegation", "IRN", "--new-branch")
    merge(repo, 3, git(repo, "branch", "--show-current").strip())
    zd(repo, "release", "--format", "none", "Draft 3", "--date", "2021-07-19")
    return repo


def test_each_kind_of_change_in_every_format(drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zd(drafts, "diff", "Draft 2", "Draft 3", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {
        "text amended": 0,
        "label changed": 1,
        "positions changed": 1,
        "moved": 0,
        "new": 1,
        "deleted": 0,
        "renumbered only": 2,  # 6 bis and 7, one further on behind the EU's 4 bis (now 5)
    }
    by_class = {tuple(b["classes"]): b for b in data["blocks"] if b["what"] == "paragraph" and b["classes"]}
    assert by_class[("label changed",)]["number"] == "6 (was 5)"  # not "amended": only status changed
    assert by_class[("positions changed",)]["positions"] == "now opposed by Iran (Islamic Republic of)"
    zd(drafts, "diff", "Draft 2", "Draft 3")
    md = capsys.readouterr().out
    assert "**6 (was 5)** _(label changed: open → agreed)_" in md
    assert "_(positions changed: now opposed by Iran (Islamic Republic of); open)_" in md
    assert "1 label changed, 1 positions changed, 0 moved, 1 new, 0 deleted, 2 renumbered only" in md
    assert "(text amended" not in md and "; text amended" not in md
    zd(drafts, "diff", "Draft 2", "Draft 3", "--format", "html", "-o", str(tmp_path / "r.html"))
    summary = (tmp_path / "r.html").read_text(encoding="utf-8").split("</nav>", 1)[0]
    listed = summary.count("<li>")
    assert listed == 3  # the new, the relabelled and the opposed paragraph; not the 2 renumbered only
    assert "(label changed: open → agreed)</a>" in summary
    assert "2 paragraphs renumbered only, not listed here" in summary
    out = tmp_path / "r.docx"
    zd(drafts, "diff", "Draft 2", "Draft 3", "--format", "docx", "-o", str(out), "--date", "2021-07-19")
    remarks = [c.text for c in docx.Document(io.BytesIO(out.read_bytes())).comments]
    assert "label changed: open → agreed" in remarks
    assert "positions changed: now opposed by Iran (Islamic Republic of)" in remarks


def test_the_sites_list_of_changes_leaves_renumbering_out(drafts: Path, tmp_path: Path) -> None:
    zd(drafts, "site", "-o", str(tmp_path / "site"))
    page = (tmp_path / "site" / "redline-draft-2-draft-3.html").read_text(encoding="utf-8")
    assert "In all: 1 label changed, 1 positions changed, 1 new (2 renumbered only, listed in the concordance)" in page
    assert "renumbered only)</a>" not in page


def un_layout(path: Path, title: str) -> docx.document.Document:
    """Check the A4 UN layout of a Word file zerodraft wrote; returns it."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    word = docx.Document(str(path))
    section = word.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)  # A4
    header = section.header.paragraphs[0].text
    assert header.startswith(title) and header.endswith("A/CONF.192/BMS/2021/WP.1")
    assert "PAGE" in "".join(t.text or "" for t in section.footer._element.iter(qn("w:instrText")))
    assert word.paragraphs[0].text == title and word.paragraphs[0].style.name == "Title"
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = word.styles[name]
        assert style.font.name == "Times New Roman", name
        assert style.font.color.rgb in (None, docx.shared.RGBColor(0, 0, 0)), name
    dates = {e.get(qn("w:date")) for e in word.element.body.iter(qn("w:ins"), qn("w:del"))}
    assert dates and None not in dates  # every tracked change is dated
    return word


def test_the_word_redline_and_compilation_in_un_layout(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    zd(drafts, "diff", "Draft 2", "Draft 3", "--format", "docx", "-o", str(out), "--date", "2021-07-19")
    word = un_layout(out, "Comparison of Draft 3 with Draft 2")
    numbered = [p for p in word.paragraphs if "\t" in p.text]
    assert numbered and all(p.paragraph_format.first_line_indent < 0 for p in numbered)  # hanging indent
    git(drafts, "switch", "-q", "-c", "kenya/amend-2")
    edit(drafts / "outcome/00-preamble/002.md", "Reaffirming", "Strongly reaffirming")
    git(drafts, "commit", "-q", "-am", "Kenya: amend 2\n\nStronger.\n\nDelegation: KEN")
    git(drafts, "switch", "-q", "main")
    zd(drafts, "compile", "-o", str(tmp_path / "compilation.docx"))
    un_layout(tmp_path / "compilation.docx", "Compilation of proposals — Draft 3")
