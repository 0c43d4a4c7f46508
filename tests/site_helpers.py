"""Repositories with released drafts for the site tests, and an HTML inspector."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import git, write_paragraph
from test_render_html import tags_of  # noqa: F401 - re-exported for the site tests

A = "01-a-implementation"
NATIONAL = f"{A}/01-national-level"


def set_draft(base: Path, name: str, date: str) -> None:
    """Change the draft name and date in ``document.yaml``."""
    path = base / "outcome" / "document.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  name: .*$", f"  name: {name}", text)
    text = re.sub(r"(?m)^  date: .*$", f"  date: {date}", text)
    path.write_text(text, encoding="utf-8")


def commit(base: Path, message: str, author: str = "Secretariat") -> None:
    git(base, "add", "-A")
    git(base, "-c", f"user.name={author}", "commit", "-q", "--author", f"{author} <x@example.org>", "-m", message)


def with_drafts(repo: Path) -> Path:
    """The example repository with two released drafts and a merged pull request:

    draft-2 (the example as committed), a pull request by "Kenya delegate" amending 5,
    a release "Draft 3" (6 bis becomes 7, old 7 becomes 8, status changes), tag draft-3,
    then a change to 4 on main after the release (for "since the last draft").
    """
    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2")
    git(repo, "checkout", "-q", "-b", "kenya/amend-5")
    path = repo / "outcome" / A / "005.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Bearing in mind", "Bearing fully in mind", 1), encoding="utf-8")
    commit(repo, "Kenya proposes to amend 5", author="Kenya delegate")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge pull request #4 from kenya/amend-5", "kenya/amend-5")
    outcome = repo / "outcome"
    (outcome / "02-b-international-cooperation" / "007.md").rename(
        outcome / "02-b-international-cooperation" / "008.md"
    )
    (outcome / NATIONAL / "006bis.md").rename(outcome / NATIONAL / "007.md")
    seven = outcome / NATIONAL / "007.md"
    seven.write_text(seven.read_text(encoding="utf-8").replace("status: proposed", "status: open"), encoding="utf-8")
    set_draft(repo, "Draft 3", "2021-07-19")
    commit(repo, "Draft 3")
    git(repo, "tag", "-a", "draft-3", "-m", "Draft 3")
    four = outcome / A / "004.md"
    four.write_text(four.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), encoding="utf-8")
    commit(repo, "4 agreed ad ref")
    return repo


def add_hostile(repo: Path, files: list[Path]) -> None:
    """Every hostile paragraph file in a section of its own, committed."""
    folder = repo / "outcome" / "03-hostile"
    folder.mkdir()
    (folder / "section.yaml").write_text('heading: "C. Hostile input"\n', encoding="utf-8")
    for index, source in enumerate(files, start=9):
        (folder / f"{index:03d}.md").write_bytes(source.read_bytes())
    write_paragraph(folder / f"{len(files) + 9:03d}.md", "p-rtl", "مرحبا [بالعالم] שלום", "open")
    commit(repo, "hostile")
