"""``zerodraft intake`` on a treaty: the BBNJ Agreement as ``zerodraft import`` reads it from the
corpus (Parts, Articles, numbering per article), its Word file edited by a delegation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import intake_helpers as word_edit
from conftest import REPO, git
from test_intake import changed_files, intake
from test_references import CORPUS
from zerodraft.main import main
from zerodraft.model import Paragraph
from zerodraft.reader import read
from zerodraft.source import WorkingTree

pytestmark = pytest.mark.slow
BBNJ = CORPUS / "treaty-bbnj-agreement-2023.en.pdf"


@pytest.fixture(scope="session")
def treaty_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The BBNJ Agreement imported, with BMS7's roster (Kenya speaks through ``kenya-mission``), tagged ``draft-1``."""
    if not BBNJ.exists():  # pragma: no cover - the corpus is part of the machine
        pytest.skip("the corpus is not on this machine")
    base = tmp_path_factory.mktemp("treaty") / "repo"
    base.mkdir()
    git(base, "init", "-q", "-b", "main")
    assert main(["-C", str(base), "import", str(BBNJ), "--into", "outcome"]) in (0, 1)
    roster = (REPO / "outcome" / "delegations.yaml").read_text(encoding="utf-8")
    (base / "outcome" / "delegations.yaml").write_text(
        roster.replace("code: KEN, logins: []", "code: KEN, logins: [kenya-mission]"), encoding="utf-8"
    )
    for extra in base.glob("*.import-report.md"):
        extra.unlink()
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "BBNJ Agreement")
    git(base, "tag", "draft-1")
    return base


@pytest.fixture
def repo(treaty_repo: Path, tmp_path: Path, secretariat: None) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(treaty_repo, copy, symlinks=True)
    return copy


def test_a_treaty_amendment_insertion_and_new_article(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = read(WorkingTree(repo), "outcome").document
    article_8 = [p for p in document.paragraphs() if "/08-article-8/" in p.path]
    article_10: list[Paragraph] = [p for p in document.paragraphs() if "/10-article-10/" in p.path]
    assert main(["-C", str(repo), "build", "--ref", "draft-1", "--format", "docx", "-o", str(tmp_path / "out")]) == 0
    word = word_edit.open_word(next((tmp_path / "out").glob("*.docx")))
    word_edit.replace(word_edit.paragraph(word, article_10[0].id), "shall apply", "shall apply only", tracked=True)
    last = word_edit.paragraph(word, article_8[-1].id)
    new = word_edit.insert_after(last, "Parties shall report on such cooperation.", tracked=True)
    heading = word_edit.insert_after(new, "Article 8 bis", tracked=False)
    title = word_edit.insert_after(heading, "Cooperation on capacity", tracked=False)
    word_edit.insert_after(title, "A new article proposed by Kenya.", tracked=False)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    status = intake(repo, str(edited), "--delegation", "Kenya", "--new-branch")
    captured = capsys.readouterr()
    assert status == 0, captured
    assert "Kenya proposes Article 8 bis after Article 8" in captured.out
    files = changed_files(repo, "kenya/intake-draft-1")
    bis = article_8[-1].path.replace(f"{article_8[-1].number.filename(3)}", f"{article_8[-1].number.base:03d}bis.md")
    article = article_8[-1].path.rsplit("/", 2)[0] + "/08bis-article-8-bis"
    assert set(files) == {article_10[0].path, bis, f"{article}/section.yaml", f"{article}/001.md"}
    assert "shall apply only to activities" in files[article_10[0].path]
    assert files[bis].endswith("---\nParties shall report on such cooperation.\n")
    assert (
        'number: "8 bis"' in files[f"{article}/section.yaml"]
        and "Cooperation on capacity" in files[f"{article}/section.yaml"]
    )
    assert files[f"{article}/001.md"].endswith("---\nA new article proposed by Kenya.\n")
    assert "proposed-by: [Kenya]" in files[f"{article}/001.md"]
    git(repo, "switch", "-q", "kenya/intake-draft-1")
    capsys.readouterr()
    main(["-C", str(repo), "pr-check", "--base", "main", "--head", "kenya/intake-draft-1", "--author", "kenya-mission"])
    said = capsys.readouterr().out.splitlines()
    # the policy has nothing against the branch; what pr-check lists is the imported text's own problems
    assert not any(" ZD9" in line or line.split(":")[0] in files for line in said), said
