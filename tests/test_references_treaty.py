"""Cross-references in a treaty (paragraphs numbered per article) through real releases:
"article 7, paragraph 2" in Article 12 still points at the same paragraph after an article
is inserted before 7 (issue 14's "done when", treaty half)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import git, write_paragraph
from zerodraft.main import main

pytestmark = pytest.mark.usefixtures("secretariat")

DOCUMENT = """title: Agreement on the conservation of a made-up sea
draft:
  name: Draft 1
  date: 2026-03-01
numbering:
  paragraphs: per-article
  preamble: unnumbered
"""
ROSTER = "delegations:\n  - {name: Kenya, kind: member-state, code: KEN}\n"
PART = "outcome/01-part-i"


def article(root: Path, folder: str, number: str, texts: list[str], status: str = "open", **fields: list[str]) -> None:
    path = root / PART / folder
    path.mkdir(parents=True)
    (path / "section.yaml").write_text(
        f'# kept by the secretariat\nkind: article\nnumber: "{number}"\n', encoding="utf-8"
    )
    for index, text in enumerate(texts, start=1):
        write_paragraph(path / f"{index:03d}.md", f"p-{folder}-{index}", text, status, **fields)


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    """A treaty of twelve articles in Part I, two paragraphs each, released as Draft 1;
    paragraph 1 of Article 12 refers to "article 7, paragraph 2"."""
    root = tmp_path / "treaty"
    (root / "outcome").mkdir(parents=True)
    (root / "outcome/document.yaml").write_text(DOCUMENT, encoding="utf-8")
    (root / "outcome/delegations.yaml").write_text(ROSTER, encoding="utf-8")
    (root / "outcome/00-preamble").mkdir()
    (root / "outcome/00-preamble/section.yaml").write_text("preamble: true\n", encoding="utf-8")
    write_paragraph(root / "outcome/00-preamble/001.md", "p-pre-1", "*The States Parties to this Agreement*,")
    (root / PART).mkdir()
    (root / PART / "section.yaml").write_text('kind: part\nnumber: "I"\ntitle: GENERAL PROVISIONS\n', encoding="utf-8")
    for n in range(1, 13):
        texts = [f"Each Party shall take the measures of article {n}.", f"Parties shall report on article {n}."]
        if n == 12:
            texts[0] = (
                "Each Party shall apply the measures referred to in article 7, paragraph 2, and paragraph 2 below."
            )
        article(root, f"{n:02d}-article-{n}", str(n), texts)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Draft 1")
    assert main(["-C", str(root), "check"]) == 0
    assert main(["-C", str(root), "release", "--format", "none", "Draft 1", "--date", "2026-03-01"]) == 0
    return root


def test_an_article_inserted_before_7_rewrites_article_7_paragraph_2(treaty: Path) -> None:
    article(treaty, "06bis-article-6-bis", "6 bis", ["[Parties shall cooperate.]"], "proposed", proposed_by=["Kenya"])
    git(treaty, "add", "-A")
    git(treaty, "commit", "-q", "-m", "Kenya proposes Article 6 bis")
    out = treaty.parent / "draft-2"
    assert (
        main(["-C", str(treaty), "release", "--format", "none", "-o", str(out), "Draft 2", "--date", "2026-04-01"]) == 0
    )
    part = treaty / PART
    assert sorted(p.name for p in part.iterdir() if p.is_dir()) == [f"{n:02d}-article-{n}" for n in range(1, 14)]
    text = (part / "13-article-13" / "001.md").read_text(encoding="utf-8")
    assert "the measures referred to in article 8, paragraph 2, and paragraph 2 below." in text
    assert (part / "08-article-8" / "section.yaml").read_text(
        encoding="utf-8"
    ) == '# kept by the secretariat\nkind: article\nnumber: "8"\n'
    assert "[Parties shall cooperate.]" in (part / "07-article-7" / "001.md").read_text(encoding="utf-8")
    assert git(treaty, "status", "--porcelain") == ""
    assert main(["-C", str(treaty), "check"]) == 0
    concordance = (treaty / "outcome/concordance/draft-2.yaml").read_text(encoding="utf-8")
    assert "- new: '8'\n  old: '7'\n  new-path: outcome/01-part-i/08-article-8\n" in concordance
    assert "new-path: outcome/01-part-i/13-article-13/001.md" in concordance
    notes = (out / "draft-2-release-notes.md").read_text(encoding="utf-8")
    assert (
        "| paragraph 1 of article 13 (was 1 of article 12) | `article 7, paragraph 2` | `article 8, paragraph 2` |"
        in notes
    )
    # the paragraph's history follows it through the renamed folder
    assert main(["-C", str(treaty), "history", "p-12-article-12-1"]) == 0


def test_a_reference_to_an_article_that_does_not_exist(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = treaty / PART / "03-article-3" / "001.md"
    path.write_text(path.read_text(encoding="utf-8").replace("article 3.", "article 99, paragraph 2."))
    assert main(["-C", str(treaty), "check"]) == 1
    out = capsys.readouterr().out
    assert "outcome/01-part-i/03-article-3/001.md:5: ZD701 paragraph 1 refers to article 99" in out


def test_a_reference_to_a_deleted_paragraph_of_an_article_stops_the_release(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = treaty / PART / "07-article-7" / "002.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: open", "status: deleted"))
    git(treaty, "commit", "-q", "-am", "Delete 7(2)")
    assert main(["-C", str(treaty), "release", "--format", "none", "Draft 2", "--date", "2026-04-01"]) == 1
    err = capsys.readouterr().err
    assert (
        "outcome/01-part-i/12-article-12/001.md:5: ZD702 paragraph 1 refers to paragraph 2 of article 7 "
        "('article 7, paragraph 2'), which is labelled deleted" in err
    )


def test_a_reference_to_an_article_that_leaves_stops_the_release(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Article 9 with every paragraph deleted leaves, and Article 10 would take its number:
    "article 9" in Article 3 must be resolved first."""
    path = treaty / PART / "03-article-3" / "002.md"
    path.write_text(path.read_text(encoding="utf-8").replace("on article 3.", "under article 9."))
    for name in ("001.md", "002.md"):
        paragraph = treaty / PART / "09-article-9" / name
        paragraph.write_text(paragraph.read_text(encoding="utf-8").replace("status: open", "status: deleted"))
    git(treaty, "commit", "-q", "-am", "Delete Article 9; Article 3 refers to it")
    assert main(["-C", str(treaty), "release", "--format", "none", "Draft 2", "--date", "2026-04-01"]) == 1
    err = capsys.readouterr().err
    assert "outcome/01-part-i/03-article-3/002.md:5: ZD702 paragraph 2 refers to article 9 ('article 9')" in err


def test_references_in_deleted_paragraphs_leave_with_them(treaty: Path) -> None:
    """Paragraph 1 of Article 12 refers to paragraph 2 of Article 7; both deleted, nothing
    dangles: the release goes ahead."""
    for folder, name in (("07-article-7", "002.md"), ("12-article-12", "001.md")):
        paragraph = treaty / PART / folder / name
        paragraph.write_text(paragraph.read_text(encoding="utf-8").replace("status: open", "status: deleted"))
    git(treaty, "commit", "-q", "-am", "Delete 7(2) and 12(1)")
    assert main(["-C", str(treaty), "check"]) == 0
    assert main(["-C", str(treaty), "release", "--format", "none", "Draft 2", "--date", "2026-04-01"]) == 0
