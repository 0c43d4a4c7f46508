"""Word drafts: numbers from Word's automatic numbering, headings from styles and bold,
footnotes, brackets. The .docx is built here with python-docx, numbering and footnote parts
included, as Word writes them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from test_check import problems_of
from zerodraft.importing import docx as docx_reader
from zerodraft.importing.blocks import Kind
from zerodraft.main import main
from zerodraft.reader import read
from zerodraft.source import WorkingTree

NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>"""
HEADING_NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""
FOOTNOTES = f"""<w:footnotes {nsdecls("w")}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/CONF.192/15, annex.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def build(path: Path) -> Path:
    """A small draft as Word writes one: a header, a title, a numbered preamble, headings
    (one a style, one bold only), automatic numbers on two levels, a footnote."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.insert(0, parse_xml(HEADING_NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def numbered(text: str, level: int = 0, italic: str = "") -> None:
        paragraph = document.add_paragraph()
        if italic:
            paragraph.add_run(italic).italic = True
        paragraph.add_run(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    document.add_paragraph("DRAFT 1, 3 May 2024")
    document.add_paragraph("Outcome of the Meeting of Experts on Tracing", style="Title")
    numbered(" the commitment to the International Tracing Instrument.", italic="Reaffirming")
    numbered(" the role of regional organizations.", italic="Recognizing")
    document.add_heading("A. National measures", level=1)
    numbered("To ensure adequate marking at manufacture.")
    cite = document.paragraphs[-1].add_run()
    cite._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="7"/>'))
    numbered("To [strengthen][put in place] laws on:")
    numbered("manufacture;", level=1)
    numbered("transfer, including:", level=1)
    numbered("export;", level=2)
    numbered("import;", level=2)
    bold = document.add_paragraph()
    bold.add_run("B. International cooperation").bold = True
    numbered("To cooperate with [[sub]regional] organizations.")
    lettered = document.add_heading("Follow-up", level=1)  # "C." from Word's numbering, starting at C
    lettered._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>')
    )
    numbered("To meet again in 2026.")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "A table the import does not read"
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, FOOTNOTES.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def test_blocks_carry_computed_numbers(tmp_path: Path) -> None:
    stream = docx_reader.read(build(tmp_path / "draft.docx"))
    texts = [(b.kind, b.text) for b in stream.blocks]
    assert texts[0] == (Kind.HEADER, "DRAFT 1, 3 May 2024")
    assert (Kind.PARAGRAPH, "1. *Reaffirming* the commitment to the International Tracing Instrument.") in texts
    assert (Kind.PARAGRAPH, "3. To ensure adequate marking at manufacture.[^1]") in texts
    assert [t for k, t in texts if t.startswith("(")] == [
        "(a) manufacture;",
        "(b) transfer, including:",
        "(i) export;",
        "(ii) import;",
    ]
    assert texts[-1] == (Kind.FOOTNOTE, "See A/CONF.192/15, annex.")


def test_word_draft_imports_and_checks_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = build(tmp_path / "draft.docx")
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    assert "1 table in the Word file was not read" in capsys.readouterr().out
    assert [str(p) for p in problems_of(tmp_path)] == []
    document = read(WorkingTree(tmp_path)).document
    assert [(s.heading, [p.label for p in s.paragraphs]) for s in document.walk()] == [
        ("", ["1", "2"]),
        ("A. National measures", ["3", "4"]),
        ("B. International cooperation", ["5"]),
        ("C. Follow-up", ["6"]),
    ]
    assert (document.config.title, document.config.draft_name) == (
        "Outcome of the Meeting of Experts on Tracing",
        "Draft 1",
    )
    text = {p.label: p.text.strip() for p in document.paragraphs()}
    assert text["1"] == "*Reaffirming* the commitment to the International Tracing Instrument."
    assert text["3"] == "To ensure adequate marking at manufacture.[^1]\n\n[^1]: See A/CONF.192/15, annex."
    assert (
        text["4"]
        == "To [strengthen][put in place] laws on:\n(a) manufacture;\n(b) transfer, including:\n(i) export;\n(ii) import;"
    )
    assert text["5"] == "To cooperate with [[sub]regional] organizations."


def test_numbers_from_a_list_style_and_a_level_override(tmp_path: Path) -> None:
    """Word's multilevel lists are often defined by a list style (w:numStyleLink), and a
    restarted list may redefine a level (w:lvlOverride with its own w:lvl)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="94"><w:styleLink w:val="DraftList"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92"><w:numStyleLink w:val="DraftList"/></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="93"><w:abstractNumId w:val="94"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="95"><w:abstractNumId w:val="92"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="96"><w:abstractNumId w:val="92"/>'
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num>'
        )
    )
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="DraftList"><w:name w:val="Draft List"/>'
            '<w:pPr><w:numPr><w:numId w:val="93"/></w:numPr></w:pPr></w:style>'
        )
    )

    def numbered(text: str, num: int, level: int = 0) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    numbered("To act.", 95)
    numbered("first;", 95, level=1)
    numbered("To act again.", 95)
    numbered("To restart at seven.", 96)
    document.save(str(tmp_path / "list.docx"))
    texts = [b.text for b in docx_reader.read(tmp_path / "list.docx").blocks]
    assert texts == ["1. To act.", "(a) first;", "2. To act again.", "7. To restart at seven."]


def test_a_treaty_in_word(tmp_path: Path) -> None:
    """A treaty as Word has it: "PART I" and "Article 1" in bold with their titles in bold on
    the next paragraph, numbered and unnumbered paragraphs; the titles are titles, not
    subsections, and an article's paragraph printed without a number stays unnumbered."""
    document = docx.Document()
    document.add_paragraph("Agreement on a Matter of Common Concern", style="Title")
    document.add_paragraph("The Parties to this Agreement,")
    document.add_paragraph("Recalling the Convention,")
    document.add_paragraph("Have agreed as follows:")
    for text in ("PART I", "GENERAL PROVISIONS", "Article 1", "Use of terms"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("1. “Convention” means the Convention of 1982.")
    document.add_paragraph("2. “Party” means a State bound by this Agreement.")
    for text in ("Article 2", "General objective"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("The objective of this Agreement is to ensure conservation.")
    source = tmp_path / "treaty.docx"
    document.save(str(source))
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    read_back = read(WorkingTree(tmp_path), "outcome").document
    articles = [s for s in read_back.walk() if s.kind.value == "article"]
    assert [(s.number, s.title) for s in articles] == [("1", "Use of terms"), ("2", "General objective")]
    part = next(s for s in read_back.walk() if s.kind.value == "part")
    assert (part.number, part.title) == ("I", "GENERAL PROVISIONS")
    assert [
        (read_back.printed_number(p), p.text.strip()[:14])
        for p in read_back.paragraphs()
        if p.section[-1] != "00-preamble"
    ] == [
        ("1", "“Convention” m"),
        ("2", "“Party” means "),
        ("", "The objective "),
    ]
    assert problems_of(tmp_path) == []
