"""The UN masthead (``masthead:`` in ``document.yaml``) printed in every format, as UN
documents print it: golden files for Markdown, text, HTML and Akoma Ntoso (valid against
the official XSD); the Word file's first page and, through the real LibreOffice, the PDF's
(symbol top right, "Distr.: General", the date, the job number at the foot); JSON states it;
``zerodraft intake`` reads the Word masthead as layout.
A document without a masthead (BMS7 Draft 2) prints as it always did: its golden files in
``test_render.py`` are unchanged."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import git, write_paragraph
from test_render import golden, load
from test_render_akn import NS, valid
from zerodraft.main import main
from zerodraft.render import build
from zerodraft.render import json as json_format

MASTHEAD = {
    "organ": "United Nations General Assembly",
    "symbol": "A/RES/81/7",
    "distribution": "General",
    "date": "12 December 2026",
    "session": "Eighty-first session",
    "agenda-item": "Agenda item 74 (a) Oceans and the law of the sea",
    "adopted": "Resolution adopted by the General Assembly on 9 December 2026 [without reference to a Main Committee (A/81/L.20)]",
    "number": "81/7",
    "job-number": "26-21304 (E)",
}
"""A made-up resolution's masthead, with every line a General Assembly resolution prints."""


def write_resolution(base: Path, masthead: dict[str, str]) -> Path:
    """A two-paragraph GA resolution with ``masthead`` in its ``document.yaml``; returns ``base``."""
    root = base / "outcome"
    root.mkdir(parents=True)
    lines = [f"  {key}: {json.dumps(value)}" for key, value in masthead.items()]
    (root / "document.yaml").write_text(
        "title: Oceans and the law of the sea\n"
        "draft:\n  name: Draft 1\n  date: 2026-12-12\n"
        "symbol: A/RES/81/7\n"
        "numbering:\n  paragraphs: continuous\n  preamble: unnumbered\n"
        "masthead:\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    (root / "delegations.yaml").write_text("delegations:\n  - {name: Kenya, kind: member-state}\n")
    (root / "00-preamble").mkdir()
    (root / "00-preamble" / "section.yaml").write_text("preamble: true\nheading: The General Assembly,\n")
    write_paragraph(root / "00-preamble/001.md", "p-000000000001", "Recalling its resolution 80/1,")
    (root / "01-operative").mkdir()
    (root / "01-operative" / "section.yaml").write_text("untitled: true\n")
    write_paragraph(root / "01-operative/001.md", "p-000000000002", "Welcomes the entry into force of the Agreement;")
    write_paragraph(root / "01-operative/002.md", "p-000000000003", "Decides to remain seized of the matter.")
    return base


@pytest.fixture(scope="module")
def resolution(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_resolution(tmp_path_factory.mktemp("masthead"), MASTHEAD)


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "akn"])
def test_golden_masthead(resolution: Path, tmp_path: Path, fmt: str) -> None:
    [path] = build(load(resolution), [fmt], tmp_path / "out")
    golden(f"masthead.{'akn.xml' if fmt == 'akn' else fmt}", path.read_bytes())


def test_text_prints_the_masthead_at_the_top(resolution: Path, tmp_path: Path) -> None:
    [path] = build(load(resolution), ["txt"], tmp_path / "out")
    lines = path.read_text().splitlines()
    assert lines[0].startswith("United Nations") and lines[0].endswith("A/RES/81/7") and len(lines[0]) == 78
    assert lines[1].startswith("General Assembly") and lines[1].endswith("Distr.: General")
    assert lines[2].strip() == "12 December 2026"
    assert "81/7. Oceans and the law of the sea" in lines and lines[-1] == "26-21304 (E)"


def test_akn_masthead_in_the_preface_and_meta(resolution: Path, tmp_path: Path) -> None:
    [path] = build(load(resolution), ["akn"], tmp_path / "out")
    tree = valid(path)
    preface = tree.find(".//a:preface", NS)
    assert preface is not None
    assert preface.findtext("a:p[@class='organ']/a:docAuthority", namespaces=NS) == "United Nations General Assembly"
    assert preface.findtext("a:p[@class='symbol']/a:docNumber", namespaces=NS) == "A/RES/81/7"
    assert preface.findtext("a:p[@class='distribution']/a:docStatus", namespaces=NS) == "Distr.: General"
    date = preface.find("a:p[@class='date']/a:docDate", NS)
    assert date is not None and (date.text, date.get("date")) == ("12 December 2026", "2026-12-12")
    assert preface.findtext("a:p[@class='session']/a:session", namespaces=NS) == "Eighty-first session"
    assert preface.findtext("a:longTitle/a:p/a:docNumber", namespaces=NS) == "81/7."
    assert tree.find(".//a:FRBRWork/a:FRBRnumber", NS).get("value") == "A/RES/81/7"  # type: ignore[union-attr]


def test_json_states_the_masthead(resolution: Path, tmp_path: Path) -> None:
    [path] = build(load(resolution), ["json"], tmp_path / "out")
    data = json.loads(path.read_text())
    jsonschema.validate(data, json_format.schema())
    assert data["document"]["masthead"] == MASTHEAD


def test_word_first_page_is_a_un_masthead(resolution: Path, tmp_path: Path) -> None:
    [path] = build(load(resolution), ["docx"], tmp_path / "out")
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        footers = [package.read(n).decode() for n in package.namelist() if n.startswith("word/footer")]
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    first = body.find("w:body", w)[0]  # type: ignore[index]
    assert etree.QName(first).localname == "tbl"  # the masthead comes first
    left, right = first.findall("w:tr[1]/w:tc", w)
    assert ["".join(p.itertext()) for p in left.findall("w:p", w)] == ["United Nations", "General Assembly"]
    corner = right.findall("w:p", w)
    assert ["".join(p.itertext()) for p in corner] == ["A/RES/81/7", "Distr.: General", "12 December 2026"]
    assert all(p.find("w:pPr/w:jc", w).get(f"{{{w['w']}}}val") == "right" for p in corner)  # type: ignore[union-attr]
    assert body.find(".//w:sectPr/w:titlePg", w) is not None  # a first page of its own
    assert any("26-21304 (E)" in footer for footer in footers)


@pytest.mark.slow
def test_pdf_first_page_has_the_symbol_top_right(resolution: Path, tmp_path: Path) -> None:
    """Through the real LibreOffice: the symbol stands at the top right of page 1, the job
    number at its foot, and the text follows under the masthead."""
    [path] = build(load(resolution), ["pdf"], tmp_path / "out")
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert page is not None
    width, height = float(page[1]), float(page[2])
    words = {
        m[5]: (float(m[1]), float(m[2]))
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html)
    }
    symbol_x, symbol_y = words["A/RES/81/7"]
    assert symbol_x > width / 2 and symbol_y < height / 5
    assert words["Distr.:"][0] > width / 2 and words["Distr.:"][1] > symbol_y
    assert words["26-21304"][1] > height * 0.85
    assert words["Welcomes"][1] > words["Distr.:"][1]


def test_masthead_words_stay_words(tmp_path: Path) -> None:
    """What ``masthead:`` holds is data: markup and Markdown in it are printed, never obeyed."""
    hostile = {"organ": "United Nations <script>alert(1)</script>", "symbol": "A/RES/*1*", "number": "# 1"}
    base = write_resolution(tmp_path / "doc", hostile)
    md, html, akn = build(load(base), ["md", "html", "akn"], tmp_path / "out")
    assert "<script>" not in html.read_text() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html.read_text()
    assert "A/RES/\\*1\\*" in md.read_text() and "# \\# 1. Oceans" in md.read_text()
    valid(akn)


def test_intake_reads_the_masthead_as_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The masthead table at the top of the Word file is not text a delegation proposes:
    an unchanged copy proposes nothing; an edit below it is one amendment."""
    base = write_resolution(tmp_path / "repo", MASTHEAD)
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Draft 1")
    [word] = build(load(base), ["docx"], tmp_path / "out")
    assert main(["-C", str(base), "intake", str(word), "--delegation", "Kenya", "--against", "HEAD"]) == 0
    assert "Nothing in the Word file differs from the draft." in capsys.readouterr().out
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(word) as source, zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b"Welcomes the entry", b"Warmly welcomes the entry")
            target.writestr(name, data)
    assert main(["-C", str(base), "intake", str(edited), "--delegation", "Kenya", "--against", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "1 proposal" in out and "Warmly welcomes the entry" in out
    assert (base / "outcome/01-operative/001.md").read_text().count("Warmly welcomes the entry") == 1
