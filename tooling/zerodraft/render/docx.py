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
from typing import TYPE_CHECKING, Any

from zerodraft.render.compiled import BlockKind, CompiledDraft, Heading, Item
from zerodraft.render.inline import Run, clean, safe_link
from zerodraft.vocabulary import Role

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

EXTENSION = "docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FONT = "Times New Roman"
SIZE_PT = 12
HANG_CM = 1.27  # the numbers' hanging indent: half an inch, as in UN drafts
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def render(draft: CompiledDraft) -> bytes:
    """The whole .docx file."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    word = docx.Document()
    _styles(word)
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    _page_header(word, draft)
    _page_footer(word)
    notes = _Footnotes(word, {note.number: note.runs for note in draft.footnotes})

    # the header line and the symbol are in the page header, on every page
    if draft.note:
        note = word.add_paragraph()
        _runs(word, note, draft.note, notes, italic=True)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    _runs(word, title, draft.title, notes, bold=True)

    for entry in draft.entries:
        if isinstance(entry, Heading):
            heading = word.add_paragraph(style=f"Heading {min(entry.level, 3)}")
            _runs(word, heading, entry.runs, notes)
        else:
            _item(word, entry, notes)
    buffer = io.BytesIO()
    word.core_properties.title = "".join(r.text for r in draft.title)[:255]
    word.core_properties.subject = clean(draft.header)
    word.core_properties.author = "zerodraft"
    word.save(buffer)
    return buffer.getvalue()


def _styles(word: WordDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(6)
    for level in (1, 2, 3):
        style = word.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(SIZE_PT)
        style.font.bold = level < 3
        style.font.italic = level == 3
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        heading_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            heading_fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if heading_fonts.get(qn(theme)) is not None:
                del heading_fonts.attrib[qn(theme)]


def _page_header(word: WordDocument, draft: CompiledDraft) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    paragraph = word.sections[0].header.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(clean(draft.header)).bold = True
    if draft.document.config.symbol:
        paragraph.add_run("\t\t" + clean(draft.document.config.symbol))  # past the style's centre stop


def _page_footer(word: WordDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text or ""


def _item(word: WordDocument, item: Item, notes: _Footnotes) -> None:
    from docx.shared import Cm, Pt

    hang = Cm(HANG_CM)
    for index, block in enumerate(item.blocks):
        paragraph = word.add_paragraph()
        form = paragraph.paragraph_format
        form.space_after = Pt(6)
        depth = block.level if block.kind is BlockKind.SUBPARAGRAPH else 0
        if item.number or depth:
            indent = hang * (depth + (1 if item.number else 0))
            form.left_indent = indent
            form.first_line_indent = -hang if index == 0 or depth else 0
            if index == 0 and depth:  # number and mark share the first line
                form.first_line_indent = -indent
        if index == 0 and item.number:
            paragraph.add_run(clean(f"{item.number}.\t"))
            if depth:
                form.tab_stops.add_tab_stop(hang * depth)
        if block.kind is not BlockKind.TEXT:
            mark = paragraph.add_run(block.mark + ("\t" if block.kind is BlockKind.SUBPARAGRAPH else " "))
            mark.bold = block.kind is BlockKind.ALTERNATIVE
        _runs(word, paragraph, block.runs, notes)
        if index == len(item.blocks) - 1:
            _marks(paragraph, item)
    if not item.blocks:
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{item.number}.")
        _marks(paragraph, item)


def _marks(paragraph: WordParagraph, item: Item) -> None:
    words: list[str] = []
    if item.role is not Role.OPEN:
        words.append(item.display)
    words += [f"{a.verb} {', '.join(a.delegations)}" for a in item.attributions]
    if words:
        paragraph.add_run(clean(f" ({'; '.join(words)})")).italic = True


def _runs(
    word: WordDocument,
    paragraph: WordParagraph,
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
        added = paragraph.add_run(run.text)
        added.bold = True if (run.bold or bold) else None
        added.italic = True if (run.italic or italic) else None
        if run.code:
            added.font.name = "Courier New"


def _hyperlink(paragraph: WordParagraph, run: Run, *, bold: bool, italic: bool) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    assert run.href is not None
    relationship = paragraph.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for flag, tag in ((run.bold or bold, "w:b"), (run.italic or italic, "w:i")):
        if flag:
            properties.append(OxmlElement(tag))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    element.append(properties)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = run.text
    element.append(text)
    link.append(element)
    paragraph._p.append(link)


class _Footnotes:
    """The ``word/footnotes.xml`` part, created on first use."""

    def __init__(self, word: WordDocument, texts: dict[int, tuple[Run, ...]]) -> None:
        self.word = word
        self.root: Any = None
        self.done: set[int] = set()
        self.texts = texts

    def reference(self, word: WordDocument, paragraph: WordParagraph, number: int) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

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
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        xml = (
            f'<w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">'
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
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt
        from docx.text.paragraph import Paragraph

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
