"""The draft as a Word document in UN layout, with python-docx.

What a secretariat sends out: the header line ("DRAFT 3, 19 July 2021") and the symbol at
the top of every page, page numbers (a PAGE field) at the foot, the title in bold, agenda
items and subsections as bold headings (Word heading styles, so the navigation pane works),
paragraphs numbered with a hanging indent, subparagraphs indented below them, preambular
participles in italics where the scheme is GA style, the consensus label and attribution in
italics after each paragraph that has them, and real Word footnotes.

python-docx has no footnote API: :class:`_Footnotes` adds the ``word/footnotes.xml`` part
(separator and continuation separator, then the notes) and its relationship with lxml, the
way Word itself writes them.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from zerodraft import wordml
from zerodraft.intake import identity
from zerodraft.languages import version
from zerodraft.languages import word as word_language
from zerodraft.model import SectionKind
from zerodraft.render.inline import Run, clean, safe_link
from zerodraft.render.layout import Block, BlockKind, CompiledDraft, Heading, Item
from zerodraft.vocabulary import Role

EXTENSION = "docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

HANG_TWIPS = wordml.HANG  # the numbers' hanging indent: half an inch (1.27 cm), as in UN drafts


def render(draft: CompiledDraft) -> bytes:
    """The whole .docx file."""
    word = docx.Document()
    wordml.un_layout(word, clean(draft.header), clean(draft.document.config.symbol or ""))
    notes = _Footnotes(word, {note.number: note.runs for note in draft.footnotes})

    placed: list[tuple[str, list[Any]]] = []  # (bookmark key, the Word paragraphs) for _identify
    # the header line and the symbol are in the page header, on every page (but the first,
    # when the masthead prints them there)
    _masthead(word, draft)
    if draft.note:
        note = word.add_paragraph()
        _runs(word, note, draft.note, notes, italic=True)
        placed.append(("note", [note._p]))
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    if number := draft.masthead.number:
        title.add_run(clean(number) + " ").bold = True
    _runs(word, title, draft.title, notes, bold=True)
    placed.append(("title", [title._p]))

    for entry in draft.entries:
        if isinstance(entry, Heading):
            placed.append((f"section:{entry.section.path}", [_heading(word, entry, notes)._p]))
        else:
            placed.append((entry.paragraph.id, _item(word, entry, notes)))
    if version.declared(draft.document):
        word_language.localise(word, version.rules(draft.document), version.tag(draft.document))
    buffer = io.BytesIO()
    word.core_properties.title = "".join(r.text for r in draft.title)[:255]
    word.core_properties.subject = clean(draft.header)
    word.core_properties.author = "zerodraft"
    _identify(word, draft, placed)
    word.save(buffer)
    return buffer.getvalue()


def _identify(word: WordDocument, draft: CompiledDraft, placed: list[tuple[str, list[Any]]]) -> None:
    """What lets ``zerodraft intake`` read the file back: a bookmark around every block of
    every paragraph (named from its id), one on each heading, the title and the note, and the
    document properties saying which document, draft and commit this is (docs/intake.md)."""
    number = 0
    for key, elements in placed:
        structural = key in ("note", "title") or key.startswith("section:")
        for block, element in enumerate(elements):
            name = identity.heading_bookmark(key) if structural else identity.bookmark(key, block)
            if structural or key:
                identity.mark(element, element, clean(name), number)
                number += 1
    config = draft.document.config
    date = config.draft_date.isoformat() if config.draft_date else ""
    document, language = clean(config.symbol or config.title), draft.document.language
    data = identity.properties_xml(document, clean(config.draft_name), date, draft.origin, language)
    package = word.part.package
    part = Part(PackURI(identity.CUSTOM_URI), identity.CUSTOM_TYPE, data, package)
    package.relate_to(part, identity.CUSTOM_RELATIONSHIP)


def _masthead(word: WordDocument, draft: CompiledDraft) -> None:
    """The UN masthead on the first page, as the UN prints it: "United Nations" over the
    organ at the left, the symbol (large, bold), "Distr.: General" and the date at the right,
    a thick rule under them, then the session, agenda item and "Resolution adopted by …"; the
    job number at the foot of the first page, whose page header holds the header line alone.  All in one
    borderless table, which ``zerodraft intake`` reads as layout, not as text."""
    organ, corner, lines = draft.masthead.organ, draft.masthead.corner, draft.masthead.lines
    if not (organ or corner or lines):
        return
    table = word.add_table(rows=2, cols=2)
    borders = wordml.sub(table._tbl.tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        wordml.sub(borders, f"w:{side}", {"w:val": "nil"})
    left, right = table.rows[0].cells
    for index, text in enumerate(organ):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        run = paragraph.add_run(clean(text))
        run.bold, run.font.size, run.font.name = True, Pt(16 if index == 0 else 12), "Arial"
    for index, line in enumerate(corner):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(clean(line.text))
        if line.key == "symbol":
            run.bold, run.font.size = True, Pt(16)
            paragraph.paragraph_format.space_after = Pt(6)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        properties = cell._tc.get_or_add_tcPr()
        wordml.sub(
            wordml.sub(properties, "w:tcBorders"), "w:bottom", {"w:val": "single", "w:sz": "24", "w:color": "000000"}
        )
    under = table.rows[1].cells[0].merge(table.rows[1].cells[1])
    for index, line in enumerate(lines):
        paragraph = under.paragraphs[0] if index == 0 else under.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        if line.key == "adopted":
            paragraph.paragraph_format.space_before = Pt(12)
        paragraph.add_run(clean(line.text)).bold = line.key in ("adopted", "session")
    section = word.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run(clean(draft.header)).bold = True  # the symbol is above
    if job := draft.masthead.job_number:
        section.first_page_footer.paragraphs[0].add_run(clean(job))


#: Headings printed centred, as UN treaties print them ("Article 7" over "Use of terms").
_CENTRED = frozenset(
    {
        SectionKind.PART,
        SectionKind.CHAPTER,
        SectionKind.SECTION,
        SectionKind.ARTICLE,
        SectionKind.ANNEX,
        SectionKind.APPENDIX,
        SectionKind.OPTION,
    }
)


def _heading(word: WordDocument, heading: Heading, notes: _Footnotes) -> Paragraph:
    """A heading in a Word heading style; an article's or Part's title on a second line of
    the same heading, so that the navigation pane shows "Article 7 Use of terms"."""
    paragraph = word.add_paragraph(style=f"Heading {min(heading.level, 3)}")
    if heading.section.kind in _CENTRED:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(word, paragraph, heading.runs, notes)
    if heading.title:
        wordml.sub(wordml.sub(paragraph._p, "w:r"), "w:br")
        _runs(word, paragraph, heading.title, notes)
    return paragraph


def _table(word: WordDocument, block: Block, notes: _Footnotes, indented: bool) -> Any:
    """A table block as a Word table with grid lines, its first row as a repeated header;
    returns the first cell's paragraph element (where the block's bookmark goes)."""
    width = max(len(row) for row in block.rows)
    table = word.add_table(rows=len(block.rows), cols=width)
    table.style = word.styles["Table Grid"]
    for row_index, row in enumerate(block.rows):
        cells = table.rows[row_index].cells
        for column, runs in enumerate(row):
            _runs(word, cells[column].paragraphs[0], runs, notes, bold=row_index == 0)
    header = table.rows[0]._tr.get_or_add_trPr()
    wordml.sub(header, "w:tblHeader")
    if indented:
        wordml.sub(table._tbl.tblPr, "w:tblInd", {"w:w": str(HANG_TWIPS), "w:type": "dxa"})
    return table.rows[0].cells[0].paragraphs[0]._p


def _item(word: WordDocument, item: Item, notes: _Footnotes) -> list[Any]:
    """One paragraph: built as raw WordprocessingML (python-docx's per-run API is the slow
    part of a 2,000-paragraph build), read back by python-docx like any other; returns its
    Word paragraphs (one per block)."""
    body = word.element.body
    blocks = item.blocks or (Block(BlockKind.TEXT, 0, "", ()),)
    made: list[Any] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.TABLE:
            if index == 0 and item.number:
                p = wordml.element("w:p")
                body.insert(len(body) - 1, p)
                wordml.text_run(p, clean(item.printed))
            made.append(_table(word, block, notes, bool(item.number)))
            if index == len(blocks) - 1 and (item.role is not Role.OPEN or item.attributions):
                p = wordml.element("w:p")
                body.insert(len(body) - 1, p)
                _marks(p, item)
            continue
        p = wordml.element("w:p")
        made.append(p)
        body.insert(len(body) - 1, p)  # before the section properties, which come last
        depth = block.level if block.kind is BlockKind.SUBPARAGRAPH else 0
        steps = depth + (1 if item.number else 0)
        if steps:
            properties = wordml.sub(p, "w:pPr")
            if index == 0 and depth and item.number:  # number and mark share the first line
                tabs = wordml.sub(properties, "w:tabs")
                wordml.sub(tabs, "w:tab", {"w:val": "left", "w:pos": str(HANG_TWIPS * depth)})
            hanging = HANG_TWIPS * (steps if index == 0 and depth else 1)
            if index > 0 and not depth:
                wordml.sub(properties, "w:ind", {"w:left": str(HANG_TWIPS * steps)})
            else:
                wordml.sub(properties, "w:ind", {"w:left": str(HANG_TWIPS * steps), "w:hanging": str(hanging)})
        if index == 0 and item.number:
            wordml.text_run(p, clean(f"{item.printed}\t"))
        if block.kind is BlockKind.SUBPARAGRAPH:
            wordml.text_run(p, block.mark + "\t")
        elif block.kind is BlockKind.ALTERNATIVE:
            wordml.text_run(p, block.mark, bold=True)
            wordml.text_run(p, " ")
        _runs(word, Paragraph(p, word.part), block.runs, notes)
        if index == len(blocks) - 1:
            _marks(p, item)
    return made


def _marks(p: Any, item: Item) -> None:
    if marks_text(item):
        wordml.text_run(p, marks_text(item), italic=True)


def marks_text(item: Item) -> str:
    """What follows the paragraph's text, in italics: `` (agreed ad ref; proposed by Kenya)``."""
    words: list[str] = [item.behind_note] if item.behind_note else []
    if item.role is not Role.OPEN:
        words.append(item.display)
    words += [f"{a.verb} {', '.join(a.delegations)}" for a in item.attributions]
    return clean(f" ({'; '.join(words)})") if words else ""


def _runs(
    word: WordDocument,
    paragraph: Paragraph,
    runs: tuple[Run, ...],
    notes: _Footnotes,
    *,
    bold: bool = False,
    italic: bool = False,
) -> None:
    for run in runs:
        if run.footnote is not None:
            notes.reference(word, paragraph, run.footnote)
            continue
        if run.href and safe_link(run.href) and not run.href.startswith("#"):
            _hyperlink(paragraph, run, bold=bold, italic=italic)
            continue
        wordml.text_run(paragraph._p, run.text, bold=run.bold or bold, italic=run.italic or italic, mono=run.code)


def _hyperlink(paragraph: Paragraph, run: Run, *, bold: bool, italic: bool) -> None:
    assert run.href is not None
    relationship = paragraph.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = wordml.sub(paragraph._p, "w:hyperlink", {"r:id": relationship})
    wordml.text_run(link, run.text, bold=run.bold or bold, italic=run.italic or italic, underline=True)


class _Footnotes:
    """The ``word/footnotes.xml`` part, created on first use."""

    def __init__(self, word: WordDocument, texts: dict[int, tuple[Run, ...]]) -> None:
        self.word = word
        self.root: Any = None
        self.done: set[int] = set()
        self.texts = texts

    def reference(self, word: WordDocument, paragraph: Paragraph, number: int) -> None:
        if self.root is None:
            self.root = self._create()
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        properties.append(align)
        run.append(properties)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(number))
        run.append(reference)
        paragraph._p.append(run)
        if number not in self.done:
            self.done.add(number)
            self._note(number)

    def _create(self) -> Any:
        xml = (
            f'<w:footnotes xmlns:w="{wordml.W}" xmlns:r="{wordml.R}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
            ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
            ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            "</w:footnotes>"
        )
        document_part = self.word.part
        part = XmlPart(
            PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(xml), document_part.package
        )
        document_part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        return part.element

    def _note(self, number: int) -> None:
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(number))
        p = OxmlElement("w:p")
        footnote.append(p)
        self.root.append(footnote)
        paragraph = Paragraph(p, self.word.part)
        paragraph.paragraph_format.space_after = 0
        mark = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        properties.append(align)
        mark.append(properties)
        mark.append(OxmlElement("w:footnoteRef"))
        p.append(mark)
        # links in notes stay visible as text: the note part has no relationships of its own
        for run in (Run(" "), *self.texts.get(number, ())):
            added = paragraph.add_run(run.text)
            added.font.size = Pt(10)
            added.italic = True if run.italic else None
            added.bold = True if run.bold else None
