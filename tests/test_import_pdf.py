"""The whole road a secretariat takes: a Word draft → PDF (real LibreOffice) → text (real
pdftotext, plain and -layout) → `zerodraft import`. The paragraphs must come out as the
Word file's own import gives them: numbers from Word's numbering, footnote moved back from
the foot of its page, page numbers gone, words hyphenated across lines joined."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from test_check import problems_of
from test_import_docx import build
from zerodraft.main import main
from zerodraft.model import Document
from zerodraft.reader import read
from zerodraft.source import WorkingTree

pytestmark = pytest.mark.slow

FILLER = (
    "To strengthen national controls over the entire life cycle of small arms and light weapons, "
    "including their manufacture, marking, record-keeping, stockpile management, transfer and disposal, "
    "with a view to preventing their diversion to unauthorized recipients"
)


def long_draft(path: Path) -> Path:
    """The small draft of test_import_docx, lengthened to three pages, with page numbers in
    the footer."""
    build(path)
    document = docx.Document(str(path))
    last = document.paragraphs[-1]
    for n in range(30):
        paragraph = last.insert_paragraph_before(f"{FILLER}, in particular measure {n + 1}.")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    footer = document.sections[0].footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.save(str(path))
    return path


def imported(base: Path, source: Path) -> Document:
    assert main(["import", str(source), "--into", str(base / "outcome")]) == 0
    assert problems_of(base) == []
    return read(WorkingTree(base)).document


def shape(document: Document) -> list[tuple[str, str]]:
    return [(p.label, re.sub(r"\*(\S[^*]*)\*", r"\1", p.text.strip())) for p in document.paragraphs()]


@pytest.mark.parametrize("mode", [[], ["-layout"]], ids=["plain", "layout"])
def test_word_to_pdf_to_text_imports_like_the_word_file(tmp_path: Path, mode: list[str]) -> None:
    word = long_draft(tmp_path / "draft.docx")
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
        check=True,
        capture_output=True,
        env=env,
        timeout=180,
    )
    text = tmp_path / "draft.txt"
    subprocess.run(["pdftotext", *mode, str(tmp_path / "draft.pdf"), str(text)], check=True, timeout=60)
    pages = text.read_text(encoding="utf-8").count("\f")
    assert pages >= 2, "the draft should span pages, so that page numbers and footnotes move"
    direct = imported(tmp_path / "direct", word)
    via_pdf = imported(tmp_path / "pdf", text)
    assert shape(via_pdf) == shape(direct)
    assert [s.heading for s in via_pdf.walk()][:3] == ["", "A. National measures", "B. International cooperation"]
    if not mode:  # the PDF itself: zerodraft runs pdftotext
        assert shape(imported(tmp_path / "itself", tmp_path / "draft.pdf")) == shape(direct)
