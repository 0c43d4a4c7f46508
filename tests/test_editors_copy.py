"""Unreleased text says so: a build of anything that is not exactly a released draft's tag is
headed "Editor's copy — not a released draft (after Draft 2, N changes)" in every format,
and so is the site's editor's copy; the tag itself keeps its own header."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import clone_of, git, write_paragraph
from zerodraft.main import main

NATIONAL = "outcome/01-a-implementation/01-national-level"
RELEASED = "DRAFT 2, 2 July 2021"
FORMATS = "md,txt,html,docx,akn,json"


@pytest.fixture
def clone(repo: Path, tmp_path: Path, secretariat: None) -> Path:
    """A delegate's clone of a shared origin on which Draft 2 was released (tag draft-2)."""
    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2")
    return clone_of(repo, "clone")


def headers(out: Path) -> dict[str, str]:
    """The header line of each format built into ``out``."""
    found = {
        "md": (out / "draft-2.md").read_text(encoding="utf-8").splitlines()[0].replace("\\", ""),
        "txt": (out / "draft-2.txt").read_text(encoding="utf-8").splitlines()[0],
        "json": json.loads((out / "draft-2.json").read_text(encoding="utf-8"))["document"]["draft"]["header"],
    }
    html = (out / "draft-2.html").read_text(encoding="utf-8")
    found["html"] = html.split('<p class="draft-header">', 1)[1].split("</p>", 1)[0].replace("&#x27;", "'")
    akn = etree.parse(str(out / "draft-2.akn.xml"))
    found["akn"] = " ".join("".join(akn.xpath("//*[local-name()='p'][@class='header']")[0].itertext()).split())
    header = docx.Document(str(out / "draft-2.docx")).sections[0].header
    found["docx"] = header.paragraphs[0].runs[0].text
    return found


def build(work: Path, out: Path, *ref: str) -> dict[str, str]:
    assert main(["-C", str(work), "build", *ref, "--format", FORMATS, "-o", str(out)]) == 0
    return headers(out)


def test_the_released_tag_keeps_its_header(clone: Path, tmp_path: Path) -> None:
    assert set(build(clone, tmp_path / "tree").values()) == {RELEASED}  # the working tree is the tag's text
    assert set(build(clone, tmp_path / "tag", "--ref", "draft-2").values()) == {RELEASED}
    data = json.loads((tmp_path / "tag" / "draft-2.json").read_text(encoding="utf-8"))
    assert data["document"]["draft"]["released"] is True


def test_a_changed_working_tree_is_an_editors_copy_in_every_format(clone: Path, tmp_path: Path) -> None:
    target = clone / NATIONAL / "006.md"
    target.write_text(target.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), "utf-8")
    found = build(clone, tmp_path / "out")
    assert found == dict.fromkeys(found, "Editor's copy — not a released draft (after Draft 2, 1 change)")
    assert set(found) == set(FORMATS.split(","))
    data = json.loads((tmp_path / "out" / "draft-2.json").read_text(encoding="utf-8"))
    assert data["document"]["draft"]["released"] is False
    assert "2 July 2021" not in (tmp_path / "out" / "draft-2.txt").read_text(encoding="utf-8").split("\n", 1)[0]


def test_a_branch_after_the_release_counts_its_changes(clone: Path, tmp_path: Path) -> None:
    git(clone, "switch", "-q", "-c", "kenya/insert-after-6")
    write_paragraph(clone / NATIONAL / "006ter.md", "p-kenya-1", "To act now.", "proposed", proposed_by=["Kenya"])
    section = clone / "outcome" / "02-b-international-cooperation" / "section.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace("heading: ", "heading: New "), "utf-8")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "Kenya: insert after 6; a heading")
    git(clone, "switch", "-q", "main")
    expected = "Editor's copy — not a released draft (after Draft 2, 2 changes)"
    assert set(build(clone, tmp_path / "branch", "--ref", "kenya/insert-after-6").values()) == {expected}
    assert set(build(clone, tmp_path / "main").values()) == {RELEASED}  # main is still the tag's text


def test_no_draft_released_yet_prints_the_document_as_it_says(repo: Path, tmp_path: Path) -> None:
    (repo / NATIONAL / "006.md").write_text(
        (repo / NATIONAL / "006.md").read_text(encoding="utf-8").replace("status: open", "status: agreed"), "utf-8"
    )
    assert set(build(repo, tmp_path / "out").values()) == {RELEASED}


def test_the_sites_editors_copy_says_so(clone: Path, tmp_path: Path) -> None:
    target = clone / NATIONAL / "006.md"
    target.write_text(target.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), "utf-8")
    git(clone, "commit", "-q", "-am", "6 agreed ad ref")
    assert main(["-C", str(clone), "site", "-o", str(tmp_path / "site")]) == 0
    page = (tmp_path / "site" / "editors-copy.html").read_text(encoding="utf-8").replace("&#x27;", "'")
    assert "Editor's copy — not a released draft (after Draft 2, 1 change)" in page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8").replace("&#x27;", "'")
    assert "not a released draft: after Draft 2, 1 change" in home
    released = (tmp_path / "site" / "draft-2.html").read_text(encoding="utf-8")
    assert RELEASED in released and "Editor's copy — not" not in released.replace("&#x27;", "'")
