"""``zerodraft site`` takes a released draft's downloads from its release (real git
repositories, real releases): only when the release's record proves they are that draft's,
and builds them as before otherwise."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import git
from site_helpers import commit
from zerodraft.main import main
from zerodraft.rounds import artefacts
from zerodraft.site import build


def released(repo: Path, formats: str = "docx,akn") -> Path:
    """Release Draft 2 into its default folder, then change a paragraph on main."""
    assert main(["-C", str(repo), "release", "--format", formats, "Draft 2", "--date", "2021-07-02"]) == 0
    four = repo / "outcome" / "01-a-implementation" / "004.md"
    four.write_text(four.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), "utf-8")
    commit(repo, "4 agreed ad ref")
    return repo / "build" / "draft-2"


def test_a_release_records_its_commit_and_files(repo: Path) -> None:
    folder = released(repo)
    record = json.loads((folder / "draft-2-artefacts.json").read_text(encoding="utf-8"))
    assert record["tag"] == "draft-2"
    assert record["commit"] == git(repo, "rev-parse", "draft-2^{commit}").strip()
    assert {"draft-2.docx", "draft-2.akn.xml", "draft-2-release-notes.md"} <= set(record["files"])
    assert "draft-2-artefacts.json" in (folder / "draft-2-release-notes.md").read_text(encoding="utf-8")


def test_the_site_reuses_a_released_drafts_files(repo: Path, tmp_path: Path) -> None:
    folder = released(repo)
    out = tmp_path / "site"
    build(repo, out, downloads=("docx", "akn"))
    downloads = out / "downloads"
    for extension in ("docx", "akn.xml"):
        assert (downloads / f"draft-2.{extension}").read_bytes() == (folder / f"draft-2.{extension}").read_bytes()
    assert (downloads / "editors-copy.docx").is_file(), "the editor's copy is built"
    # without the record the site builds its own Word file, which says which commit it read
    (folder / "draft-2-artefacts.json").unlink()
    build(repo, out, downloads=("docx",))
    assert (downloads / "draft-2.docx").read_bytes() != (folder / "draft-2.docx").read_bytes()


def test_a_changed_file_is_built_again(repo: Path, tmp_path: Path) -> None:
    folder = released(repo)
    (folder / "draft-2.akn.xml").write_bytes(b"<not-the-draft/>")
    out = tmp_path / "site"
    build(repo, out, downloads=("docx", "akn"))
    rebuilt = (out / "downloads" / "draft-2.akn.xml").read_bytes()
    assert b"<not-the-draft/>" not in rebuilt and b"akomaNtoso" in rebuilt
    assert (out / "downloads" / "draft-2.docx").read_bytes() == (folder / "draft-2.docx").read_bytes()


def test_a_tag_made_again_elsewhere_is_not_given_the_old_files(repo: Path, tmp_path: Path) -> None:
    """The record names the commit of the release; a tag moved to another commit is a
    different text, whatever its name: its files are built from it."""
    folder = released(repo)
    git(repo, "tag", "-d", "draft-2")
    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2", "HEAD")
    out = tmp_path / "site"
    build(repo, out, downloads=("akn",))
    rebuilt = (out / "downloads" / "draft-2.akn.xml").read_bytes()
    assert rebuilt != (folder / "draft-2.akn.xml").read_bytes()


def test_no_release_folder_builds_as_before(repo: Path, tmp_path: Path) -> None:
    folder = released(repo)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    out = tmp_path / "site"
    build(repo, out, downloads=("docx", "akn"))
    assert sorted(p.name for p in (out / "downloads").iterdir()) == [
        "draft-2.akn.xml",
        "draft-2.docx",
        "editors-copy.akn.xml",
        "editors-copy.docx",
    ]


@pytest.mark.slow
def test_a_released_pdf_is_reused(repo: Path, tmp_path: Path) -> None:
    """With LibreOffice: the release's PDF is the site's, no Word file left behind."""
    folder = released(repo, "pdf")
    out = tmp_path / "site"
    build(repo, out, downloads=("pdf",))
    assert sorted(p.name for p in (out / "downloads").iterdir()) == ["draft-2.pdf", "editors-copy.pdf"]
    assert (out / "downloads" / "draft-2.pdf").read_bytes() == (folder / "draft-2.pdf").read_bytes()


@settings(max_examples=30, deadline=None)
@given(content=st.binary(min_size=1, max_size=200), where=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_changed_byte_refuses_the_file(content: bytes, where: int, flip: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "draft-3.pdf").write_bytes(content)
        artefacts.write_record(folder, "draft-3", "a" * 40)
        assert artefacts.reuse(folder, "draft-3", "a" * 40, "draft-3.pdf") == content
        assert artefacts.reuse(folder, "draft-3", "b" * 40, "draft-3.pdf") is None
        assert artefacts.reuse(folder, "draft-4", "a" * 40, "draft-3.pdf") is None
        changed = bytearray(content)
        changed[where % len(changed)] ^= flip
        (folder / "draft-3.pdf").write_bytes(bytes(changed))
        assert artefacts.reuse(folder, "draft-3", "a" * 40, "draft-3.pdf") is None


@pytest.mark.parametrize("record", ["", "{", "[]", '{"tag": "draft-3", "commit": "x", "files": []}'])
def test_an_unreadable_record_refuses_every_file(tmp_path: Path, record: str) -> None:
    (tmp_path / "draft-3.pdf").write_bytes(b"%PDF")
    (tmp_path / "draft-3-artefacts.json").write_text(record, encoding="utf-8")
    assert artefacts.reuse(tmp_path, "draft-3", "x", "draft-3.pdf") is None
    assert artefacts.reuse(tmp_path, "draft-3", "x", "../draft-3.pdf") is None
