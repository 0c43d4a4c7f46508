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


def test_a_release_made_into_another_folder_is_found_where_it_recorded_it(repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "published" / "draft-2"
    assert (
        main(["-C", str(repo), "release", "--format", "akn", "Draft 2", "--date", "2021-07-02", "-o", str(elsewhere)])
        == 0
    )
    assert not (repo / "build" / "draft-2").exists()
    out = tmp_path / "site"
    build(repo, out, downloads=("akn",))
    assert (out / "downloads" / "draft-2.akn.xml").read_bytes() == (elsewhere / "draft-2.akn.xml").read_bytes()


def test_files_attached_to_a_release_are_found_on_another_machine(repo: Path, tmp_path: Path) -> None:
    """A fresh clone (no build/, no record of where the release put its files) is given the
    folder the release's files were downloaded into, nested and mixed with another draft's:
    ``site --artefacts DIR`` finds them by their records and reuses only the proven ones."""
    assert main(["-C", str(repo), "release", "--format", "docx,akn", "Draft 2", "--date", "2021-07-02"]) == 0
    assert main(["-C", str(repo), "release", "--format", "docx,akn", "Draft 3", "--date", "2021-07-19"]) == 0
    folder = repo / "build" / "draft-2"
    assert not [line for line in git(repo, "ls-files").splitlines() if line.startswith("build/")]
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    downloaded = tmp_path / "downloads" / "assets"
    downloaded.mkdir(parents=True)
    for path in [*folder.iterdir(), *(repo / "build" / "draft-3").iterdir()]:
        (downloaded / path.name).write_bytes(path.read_bytes())
    (downloaded / "draft-3.akn.xml").write_bytes(b"<tampered/>")
    out = tmp_path / "site"
    assert (
        main(
            [
                "-C",
                str(clone),
                "site",
                "-o",
                str(out),
                "--downloads",
                "docx,akn",
                "--artefacts",
                str(tmp_path / "downloads"),
            ]
        )
        == 0
    )
    downloads = out / "downloads"
    assert (downloads / "draft-2.docx").read_bytes() == (folder / "draft-2.docx").read_bytes()
    assert (downloads / "draft-2.akn.xml").read_bytes() == (folder / "draft-2.akn.xml").read_bytes()
    assert (downloads / "draft-3.docx").read_bytes() == (repo / "build" / "draft-3" / "draft-3.docx").read_bytes()
    rebuilt = (downloads / "draft-3.akn.xml").read_bytes()
    assert b"<tampered/>" not in rebuilt and b"akomaNtoso" in rebuilt
    # without --artefacts the clone builds every file itself
    assert main(["-C", str(clone), "site", "-o", str(out), "--downloads", "docx"]) == 0
    assert (downloads / "draft-2.docx").read_bytes() != (folder / "draft-2.docx").read_bytes()


def test_an_artefacts_folder_that_is_not_there_is_unusable_input(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(repo), "site", "-o", str(tmp_path / "site"), "--artefacts", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder; give --artefacts the folder that holds the released files" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_the_recorded_folder_comes_first_then_the_default_then_those_found(tmp_path: Path) -> None:
    git_dir, root = tmp_path / "git", tmp_path / "repo"
    found = {"draft-3": (tmp_path / "a", tmp_path / "b" / "c"), "draft-2": (tmp_path / "z",)}
    assert artefacts.folders(root, git_dir, "draft-3", found) == (root / "build" / "draft-3", *found["draft-3"])
    artefacts.remember(git_dir, "draft-3", tmp_path / "b" / "c")
    assert artefacts.folders(root, git_dir, "draft-3", found) == (
        tmp_path / "b" / "c",
        root / "build" / "draft-3",
        tmp_path / "a",
    )
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "draft-3-artefacts.json").write_text("{}", encoding="utf-8")
    (tmp_path / "x" / "-artefacts.json").write_text("{}", encoding="utf-8")
    assert artefacts.records_under([tmp_path / "x"]) == {"draft-3": (tmp_path / "x" / "y",)}
