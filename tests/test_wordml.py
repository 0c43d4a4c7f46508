"""WordprocessingML as every Word file of zerodraft writes it (zerodraft.wordml): text runs,
tracked changes with author and date, fields, the page header."""

from __future__ import annotations

import datetime as dt

import docx
from lxml import etree

from zerodraft import wordml

W = f"{{{wordml.W}}}"


def _xml(node: object) -> str:
    return etree.tostring(node, encoding="unicode").replace(f' xmlns:w="{wordml.W}"', "")


def test_a_run_keeps_tabs_line_breaks_and_spaces_and_never_holds_what_xml_cannot() -> None:
    p = wordml.element("w:p")
    run = wordml.text_run(p, " 18.\tTo act\nnow\x07\ufffe", bold=True, underline=True)
    assert _xml(run) == (
        '<w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve"> 18.</w:t><w:tab/>'
        "<w:t>To act</w:t><w:br/><w:t>now\ufffd\ufffd</w:t></w:r>"
    )
    deleted = wordml.text_run(p, "old words", deleted=True)
    assert [child.tag for child in deleted] == [f"{W}delText"]


def test_tracked_changes_carry_author_date_and_one_numbering() -> None:
    when = dt.datetime(2021, 7, 19, tzinfo=dt.UTC)
    revisions = wordml.Revisions("Chair", when)
    kenya = revisions.by("Kenya\n<script>")
    p = wordml.element("w:p")
    revisions.mark_paragraph(p, inserted=True)
    revisions.change(p, "new words", inserted=True)
    kenya.change(p, "old words", inserted=False)
    changes = [(e.tag, e.get(f"{W}id"), e.get(f"{W}author"), e.get(f"{W}date")) for e in p.iter(f"{W}ins", f"{W}del")]
    assert changes == [
        (f"{W}ins", "1", "Chair", "2021-07-19T00:00:00Z"),  # the paragraph mark, in w:pPr/w:rPr
        (f"{W}ins", "2", "Chair", "2021-07-19T00:00:00Z"),
        (f"{W}del", "3", "Kenya <script>", "2021-07-19T00:00:00Z"),
    ]
    assert p[0].tag == f"{W}pPr" and p[0][0].tag == f"{W}rPr"
    assert "".join(t.text for t in p.iter(f"{W}t", f"{W}delText")) == "new wordsold words"
    assert [t.tag for t in p.iter(f"{W}delText")] == [f"{W}delText"]


def test_a_page_number_field_and_a_page_header() -> None:
    p = wordml.element("w:p")
    wordml.field(p, "PAGE", "1")
    kinds = [e.get(f"{W}fldCharType") for e in p.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert [t.text for t in p.iter(f"{W}instrText")] == [" PAGE "]
    document = docx.Document()
    wordml.page_header(document.sections[0], "DRAFT 3, 19 July 2021", "A/CONF.192/2024/RC/L.1")
    header = document.sections[0].header.paragraphs[0]
    assert header.text == "DRAFT 3, 19 July 2021\t\tA/CONF.192/2024/RC/L.1"
    assert header.runs[0].bold is True
