"""Bad Word files: one clear line each, exit 2, nothing written."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import intake_helpers as word_edit
from conftest import git
from test_intake import by_number, intake


@pytest.fixture
def repo(intake_repo: Path) -> Path:
    return intake_repo


def _rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return target


def _entity(name: str, data: bytes) -> bytes:
    if name != "word/document.xml":
        return data
    head = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    return head + data.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&b;", 1)


def _external(name: str, data: bytes) -> bytes:
    if name != "word/document.xml":
        return data
    head = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return head + data.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&x;", 1)


def _malformed(name: str, data: bytes) -> bytes:
    return data[: len(data) // 2] if name == "word/document.xml" else data


def _bomb(target: Path, source: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename == "word/comments.xml" or info.filename != "word/document.xml":
                new.writestr(info.filename, old.read(info.filename))
        with new.open("word/document.xml", "w") as stream:  # 200 MB of zeros, a few hundred KB zipped
            chunk = b"<" + b" " * (1024 * 1024 - 1)
            for _ in range(200):
                stream.write(chunk)
    return target


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a word file": (lambda src, t: (t.write_text("Dear Chair,\n", encoding="utf-8"), t)[1], "is not a Word file"),
    "password protected": (
        lambda src, t: (
            t.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") * 4),
            t,
        )[1],
        "protected with a password",
    ),
    "old doc": (lambda src, t: (t.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), t)[1], ".doc"),
    "entities": (lambda src, t: _rezip(src, t, _entity), "DOCTYPE"),
    "external reference": (lambda src, t: _rezip(src, t, _external), "DOCTYPE"),
    "malformed": (lambda src, t: _rezip(src, t, _malformed), "not well-formed XML"),
    "zip bomb": (lambda src, t: _bomb(t, src), "zip bomb"),
    "damaged zip": (lambda src, t: (t.write_bytes(src.read_bytes()[:-200]), t)[1], "Word file"),
    "zip without a document": (
        lambda src, t: (zipfile.ZipFile(t, "w").writestr("hello.txt", "hi"), t)[1],
        "not a Word document",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_word_files_are_refused_in_one_line(
    case: str,
    repo: Path,
    word_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, expected = CASES[case]
    bad = make(word_file, tmp_path / "kenya.docx")
    assert intake(repo, str(bad), "--delegation", "Kenya", "--branch") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and expected in err and "Traceback" not in err
    assert git(repo, "status", "--porcelain") == "" and "kenya/" not in git(repo, "branch")


def test_a_50_mb_file_is_refused_before_it_is_read(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.docx"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    assert intake(repo, str(big), "--delegation", "Kenya") == 2
    assert "52,428,800 bytes" in capsys.readouterr().err


def test_a_word_file_of_another_document(
    repo: Path,
    word_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def other(name: str, data: bytes) -> bytes:
        return (
            data.replace(b"A/CONF.192/BMS/2021/WP.1", b"A/CONF.232/2023/L.3") if name == "docProps/custom.xml" else data
        )

    bad = _rezip(word_file, tmp_path / "other.docx", other)
    assert intake(repo, str(bad), "--delegation", "Kenya") == 2
    assert "another document ('A/CONF.232/2023/L.3')" in capsys.readouterr().err


def test_a_word_file_not_published_by_zerodraft(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    plain = docx.Document()
    plain.add_paragraph("1. To ensure adequate national controls …")
    plain.save(str(tmp_path / "retyped.docx"))
    assert intake(repo, str(tmp_path / "retyped.docx"), "--delegation", "Kenya") == 2
    assert "not a Word file published by zerodraft" in capsys.readouterr().err


def test_hostile_comment_and_author_are_cleaned(
    repo: Path,
    word_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    eighteen = word_edit.paragraph(word, paragraphs["18"].id)
    word_edit.replace(eighteen, "diversion", "diversion, theft", tracked=True)
    word_edit.comment(word, eighteen, "ok\u2066\u202egnp.exe <script>alert(1)</script> [link](javascript:x)")
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    assert intake(repo, str(edited), "--delegation", "Kenya") == 0
    out = capsys.readouterr().out
    assert "\u2066" not in out and "\u202e" not in out and "<script>" not in out
    assert "\\<script\\>" in out and "\\[link\\]" in out


def test_a_language_version_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A French Word file read against the English draft would replace every paragraph: refused."""
    import dataclasses

    from zerodraft.intake.identity import Origin
    from zerodraft.reader import read
    from zerodraft.render import docx as word_renderer
    from zerodraft.render.layout import lay_out
    from zerodraft.source import WorkingTree

    document = dataclasses.replace(read(WorkingTree(repo), "outcome").document, language="fr")
    french = tmp_path / "draft-2.fr.docx"
    french.write_bytes(word_renderer.render(lay_out(document, origin=Origin(tag="draft-2"))))
    assert intake(repo, str(french), "--delegation", "Kenya") == 2
    assert "the 'fr' language version" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain") == ""
