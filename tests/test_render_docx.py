"""Word and PDF: the .docx reads back with python-docx in UN layout, has real footnotes and
a PAGE field, and LibreOffice converts it; the PDF carries the draft name and a page number
on every page (checked with pdftotext)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from test_render import load
from zerodraft.render import build
from zerodraft.render.pdf import convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
B = "02-b-international-cooperation"


def test_docx_reads_back_in_un_layout(rich: Path, tmp_path: Path) -> None:
    [path] = build(load(rich), ["docx"], tmp_path / "out")
    word = docx.Document(str(path))
    header = word.sections[0].header.paragraphs[0]
    assert header.text.startswith("DRAFT 2, 2 July 2021")
    assert header.runs[0].bold
    texts = [p.text for p in word.paragraphs]
    assert any(t.startswith("Outcome of the Seventh Biennial Meeting") for t in texts)
    headings = [p for p in word.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert [h.text[:3] for h in headings] == ["A. ", "1. ", "B. "]
    assert all(h.style is not None and h.style.font.bold for h in headings)
    six_bis = next(p for p in word.paragraphs if p.text.startswith("6 bis.\t"))
    assert "[strengthen][put in place]" in six_bis.text
    assert six_bis.text.endswith("(proposed; proposed by European Union; opposed by Iran (Islamic Republic of))")
    fmt = six_bis.paragraph_format
    assert fmt.left_indent is not None and fmt.first_line_indent is not None
    assert fmt.left_indent > 0 and fmt.first_line_indent == -fmt.left_indent  # hanging indent
    sub_b = next(p for p in word.paragraphs if p.text.startswith("(b)\t"))
    sub_i = next(p for p in word.paragraphs if p.text.startswith("(i)\t"))
    assert sub_b.paragraph_format.left_indent is not None and sub_i.paragraph_format.left_indent is not None
    assert sub_i.paragraph_format.left_indent > sub_b.paragraph_format.left_indent > fmt.left_indent


def test_docx_has_real_footnotes_and_page_field(rich: Path, tmp_path: Path) -> None:
    [path] = build(load(rich), ["docx"], tmp_path / "out")
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        assert "word/footnotes.xml" in names
        types = package.read("[Content_Types].xml").decode()
        assert "wordprocessingml.footnotes+xml" in types
        rels = package.read("word/_rels/document.xml.rels").decode()
        assert 'Target="footnotes.xml"' in rels
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        body = etree.fromstring(package.read("word/document.xml"))
        footers = [etree.fromstring(package.read(n)) for n in names if n.startswith("word/footer")]
    ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")]
    assert ids == ["-1", "0", "1", "2", "3", "4"]
    texts = {n.get(f"{W}id"): "".join(n.itertext()) for n in notes.iter(f"{W}footnote")}
    assert texts["2"].strip() == "As the provisional agenda words it."  # section B's heading's
    assert texts["3"].strip() == "https://smallarms.un-arm.org/"
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == ["1", "2", "3", "4"]
    instructions = [t.text for f in footers for t in f.iter(f"{W}instrText")]
    assert [i.strip() for i in instructions if i] == ["PAGE"]


def test_ga_style_participles_in_italics(document: Path, tmp_path: Path) -> None:
    config = document / "outcome" / "document.yaml"
    config.write_text(config.read_text().replace("preamble: numbered", "preamble: unnumbered"))
    for path in sorted((document / "outcome").rglob("0*.md")):
        if path.parent.name != "00-preamble":
            path.rename(path.with_name(f"{int(path.name[:3]) - 3:03d}{path.name[3:]}"))
    [path] = build(load(document), ["docx"], tmp_path / "out")
    word = docx.Document(str(path))
    first = next(p for p in word.paragraphs if p.text.startswith("Reiterating the commitment"))
    assert first.runs[0].text == "Reiterating" and first.runs[0].italic
    assert not first.runs[1].italic
    assert any(p.text.startswith("1.\tNoting") for p in word.paragraphs)


@pytest.mark.slow
def test_libreoffice_converts_docx_and_pdf_has_header_and_page_numbers(rich: Path, tmp_path: Path) -> None:
    # many paragraphs, so that the PDF runs to several pages
    for number in range(11, 80):
        path = rich / "outcome" / B / f"{number:03d}.md"
        path.write_text(
            f"---\nid: p-fill{number}\nstatus: open\n---\nTo continue the work on item {number} "
            + "with due regard to the needs of States " * 8
            + "\n"
        )
    docx_path, pdf_path = build(load(rich), ["docx", "pdf"], tmp_path / "out")
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    # the .docx on its own converts too (what a delegate's LibreOffice would do)
    assert convert(docx_path.read_bytes()).startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    for index, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        assert lines[0].startswith("DRAFT 2, 2 July 2021"), lines[0]
        assert lines[0].endswith("A/CONF.192/BMS/2021/WP.1")
        assert lines[-1] == str(index), lines[-1]
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Outcome of the Seventh Biennial Meeting" in info
    assert "8.       To encourage States" in text or "8. To encourage States" in " ".join(text.split())


def test_pdf_without_libreoffice_is_one_clear_error_and_writes_nothing(
    document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zerodraft.errors import Fatal

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(Fatal, match="PDF needs LibreOffice"):
        build(load(document), ["md", "pdf"], tmp_path / "out")
    assert not list((tmp_path / "out").iterdir())
