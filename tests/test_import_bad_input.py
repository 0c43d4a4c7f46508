"""Bad sources: one clear line, a non-zero exit, and the target folder untouched."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from zerodraft.importing import writer
from zerodraft.main import main


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


CASES: dict[str, tuple[str, bytes, str]] = {
    "binary": ("draft.txt", bytes(range(256)) * 4, "is a binary file, not text"),
    "empty": ("draft.txt", b"", "is empty"),
    "blank": ("draft.txt", b"\n  \n\t\n", "is empty"),
    "broken pdf": (
        "draft.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "is a PDF from which no text could be extracted",
    ),
    "latin-1": ("draft.txt", "1. Caf\xe9 text.\n".encode("latin-1"), "is not UTF-8 text"),
    "control character": (
        "draft.txt",
        b"Draft 1\n\nTitle\n\n1. To act\x07 now.\n",
        "line 5 holds the hidden character U+0007",
    ),
    "bidi override": ("draft.md", "# T\n\n1. To act \u202enow.\n".encode(), "line 3 holds the hidden character U+202E"),
    "zip not docx": ("draft.docx", _zip({"photos/a.jpg": b"\xff\xd8"}), "is a zip archive but not a Word document"),
    "broken zip": ("draft.docx", b"PK\x03\x04" + b"\x00" * 64, "is not a readable Word file"),
    "old doc": ("draft.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Word .doc"),
}


def test_utf16_text_is_read(tmp_path: Path) -> None:
    """Windows "Unicode" text (UTF-16 with a byte-order mark) is text, not binary."""
    source = tmp_path / "draft.txt"
    source.write_bytes("Draft 1\n\nA Title\n\n1. To act now.\n".encode("utf-16"))
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    assert (tmp_path / "outcome" / "00-preamble" / "001.md").read_text(encoding="utf-8").endswith("To act now.\n")


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_source(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    filename, data, message = CASES[name]
    source = tmp_path / filename
    source.write_bytes(data)
    into = tmp_path / "outcome"
    into.mkdir()
    (into / "keep.txt").write_text("untouched", encoding="utf-8")
    code = main(["import", str(source), "--into", str(into), "--force"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1 and message in captured.err, captured.err
    assert captured.err.startswith("zerodraft import: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([filename, "outcome"])
    assert [p.name for p in into.iterdir()] == ["keep.txt"]


def test_huge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "huge.txt"
    with source.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 2
    err = capsys.readouterr().err
    assert "is 52.4 MB; a draft is at most 10 MB" in err and err.count("\n") == 1
    assert not (tmp_path / "outcome").exists()


def test_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.txt"), "--into", str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.skipif(
    not writer._reader_knows_kinds(), reason="unnumbered paragraph files (000u.md) need the model half of issue 13"
)
def test_lines_it_cannot_place_are_imported_where_they_stood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never a refusal, never a loss: a stray line becomes an unnumbered paragraph where it
    stood, and the import report names it with its source line."""
    source = tmp_path / "draft.txt"
    source.write_text(
        "Draft 1\n\nA Title of the Draft\n\n1. Recalling the first thing.\n\nA. The first item\n\n"
        "2. To do a thing.\n\nB. The second item\n\nsome stray words after a heading\n\n3. To do another thing.\n",
        encoding="utf-8",
    )
    into = tmp_path / "outcome"
    assert main(["import", str(source), "--into", str(into), "--accept-unplaced"]) == 0
    out = capsys.readouterr().out
    assert "--accept-unplaced is no longer needed" in out
    assert f"{source}:13: text the import could not place, in B: imported as an unnumbered paragraph" in out
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "| 13 | text the import could not place, in B: imported as an unnumbered paragraph |" in report
    section = into / "02-b-second-item"
    assert (section / "003.md").is_file()
    files = sorted(p.name for p in section.glob("*.md"))
    stray = next(section / name for name in files if name != "003.md")
    assert stray.read_text(encoding="utf-8").endswith("some stray words after a heading\n")


@pytest.mark.parametrize(
    "name, text",
    [
        ("letter.txt", "Excellency,\n\nI have the honour to write to you.\n\nPlease accept my consideration.\n"),
        ("chair-letter.txt", None),
    ],
)
def test_a_text_without_numbers_or_headings_is_imported_as_unnumbered_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str | None
) -> None:
    source = tmp_path / name
    fixture = Path(__file__).parent / "fixtures" / "import" / "chair-letter.txt"
    source.write_text(text if text is not None else fixture.read_text(encoding="utf-8"), encoding="utf-8")
    into = tmp_path / "outcome"
    assert main(["import", str(source), "--into", str(into)]) == 0
    assert text is None or "no numbered paragraph or heading" in capsys.readouterr().out
    written = " ".join(p.read_text(encoding="utf-8") for p in sorted(into.rglob("*.md")))
    kept = " ".join((into / "document.yaml").read_text(encoding="utf-8").split())
    for word in source.read_text(encoding="utf-8").split()[:40]:
        assert word in written or word in kept


def test_pdf_without_pdftotext(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where poppler's pdftotext is not installed, a PDF is refused with what to do."""
    source = tmp_path / "draft.pdf"
    source.write_bytes(b"%PDF-1.7\n")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 2
    err = capsys.readouterr().err
    assert "is a PDF; extract its text first (pdftotext from poppler-utils" in err and err.count("\n") == 1


@pytest.mark.parametrize("target", ["cwd", "parent", "repository", "other folder"])
def test_force_replaces_only_a_document_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """--force never replaces the current folder, a folder above it, a git repository or a
    folder that holds no document."""
    source = tmp_path / "draft.txt"
    source.write_text("Draft 1\n\nA Title\n\n1. To act now.\n", encoding="utf-8")
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    (work / "notes.txt").write_text("precious", encoding="utf-8")
    monkeypatch.chdir(work)
    into = {
        "cwd": work,
        "parent": work.parent,
        "repository": tmp_path / "repo",
        "other folder": tmp_path / "docs",
    }[target]
    into.mkdir(exist_ok=True)
    (into / "keep.txt").write_text("precious", encoding="utf-8")
    if target == "repository":
        (into / ".git").mkdir()
        (into / "document.yaml").write_text("title: x\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(["import", str(source), "--into", str(into), "--force"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_structure_the_importer_misreads_is_refused_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by Hypothesis: an "Article" heading under a lettered section restarted the numbers
    # inside the section, giving two paragraphs 1. The importer checks its own result before
    # moving it into place, and refuses rather than leave a broken tree to repair by hand.
    source = tmp_path / "draft.txt"
    source.write_text("A. The first item\n1.\nArticle 1\nNoting with concern the situation;\n", "utf-8")
    into = tmp_path / "outcome"
    assert main(["import", str(source), "--into", str(into)]) == 2
    err = capsys.readouterr().err
    assert "structure was not understood" in err and "ZD202" in err and "nothing was written" in err
    assert ".import-" not in err  # the temporary folder's name never reaches the user
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
