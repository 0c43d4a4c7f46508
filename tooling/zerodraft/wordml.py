"""WordprocessingML, the XML inside a ``.docx``, written one way for every Word file
zerodraft makes: the draft (:mod:`zerodraft.render.docx`), the redline
(:mod:`zerodraft.redline.docx`) and the compilation of proposals
(:mod:`zerodraft.compilation.docx`).

python-docx makes the package, the styles and the sections; the parts it has no API for, or
that are too slow through its API for 2,000 paragraphs, are built here with lxml: text runs
(tabs, line breaks, characters XML cannot hold), tracked changes with an author and a date,
fields (a page number) and the text of a page header.  Negotiated text only ever goes into
text nodes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from lxml import etree

from zerodraft import characters

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The relationships namespace (``r:id`` of a hyperlink)."""
_NAMESPACES = {"w": W, "r": R, "xml": "http://www.w3.org/XML/1998/namespace"}
_PIECES = re.compile(r"(\t|\n)")


def qn(tag: str) -> str:
    """``w:t`` → ``{http://…/main}t``."""
    prefix, name = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{name}"


def element(tag: str, attributes: dict[str, str] | None = None) -> Any:
    """A new element ``tag`` (``w:p``) with ``attributes`` (``{"w:val": "left"}``)."""
    from docx.oxml import OxmlElement

    return OxmlElement(tag, attrs={qn(k): v for k, v in (attributes or {}).items()})


def sub(parent: Any, tag: str, attributes: dict[str, str] | None = None) -> Any:
    """A new element ``tag`` appended to ``parent``."""
    return etree.SubElement(parent, qn(tag), {qn(k): v for k, v in (attributes or {}).items()})


def text_run(
    parent: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    mono: bool = False,
    underline: bool = False,
    deleted: bool = False,
) -> Any:
    """Append a ``w:r`` holding ``text`` to ``parent`` (a paragraph, or a tracked change):
    tabs as ``w:tab``, line breaks as ``w:br``, the rest as ``w:t`` (``w:delText`` inside a
    deletion), spaces at either end kept.  A character XML cannot hold becomes U+FFFD
    (:func:`zerodraft.characters.xml_legal`); text that may hide characters (an unchecked
    ref) is cleaned by the caller with :func:`zerodraft.characters.for_xml` first."""
    run = sub(parent, "w:r")
    if bold or italic or mono or underline:
        properties = sub(run, "w:rPr")  # in the schema's order
        if mono:
            sub(properties, "w:rFonts", {"w:ascii": "Courier New", "w:hAnsi": "Courier New"})
        if bold:
            sub(properties, "w:b")
        if italic:
            sub(properties, "w:i")
        if underline:
            sub(properties, "w:u", {"w:val": "single"})
    for piece in _PIECES.split(characters.xml_legal(text)):
        if piece == "\t":
            sub(run, "w:tab")
        elif piece == "\n":
            sub(run, "w:br")
        elif piece:
            node = sub(run, "w:delText" if deleted else "w:t")
            node.text = piece
            if piece != piece.strip():
                node.set(qn("xml:space"), "preserve")
    return run


class Revisions:
    """Tracked changes by one author at one time, numbered through one document."""

    def __init__(self, author: str, date: dt.datetime | None = None) -> None:
        self.author = characters.for_xml(characters.one_line(author))[:255]
        """Who made the changes, as Word shows it (at most 255 characters)."""
        self.date = (date or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        """When, as Word writes it (``2021-07-19T00:00:00Z``)."""
        self._ids = itertools.count(1)

    def by(self, author: str) -> Revisions:
        """The same numbering and date, for changes by another author."""
        other = Revisions.__new__(Revisions)
        other.author, other.date, other._ids = (
            characters.for_xml(characters.one_line(author))[:255],
            self.date,
            self._ids,
        )
        return other

    def _attributes(self) -> dict[str, str]:
        return {"w:id": str(next(self._ids)), "w:author": self.author, "w:date": self.date}

    def change(self, parent: Any, text: str, *, inserted: bool) -> Any:
        """Append ``text`` to ``parent`` as a tracked insertion (``w:ins``) or deletion (``w:del``)."""
        wrapper = sub(parent, "w:ins" if inserted else "w:del", self._attributes())
        text_run(wrapper, text, deleted=not inserted)
        return wrapper

    def mark_paragraph(self, p: Any, *, inserted: bool) -> None:
        """Track the paragraph mark of ``p`` itself, so that accepting or rejecting the
        change makes the whole paragraph come or go."""
        properties = p.find(qn("w:pPr"))
        if properties is None:
            properties = element("w:pPr")
            p.insert(0, properties)
        marks = properties.find(qn("w:rPr"))
        if marks is None:
            marks = sub(properties, "w:rPr")
        sub(marks, "w:ins" if inserted else "w:del", self._attributes())


def field(p: Any, instruction: str, shown: str) -> None:
    """Append a field to paragraph ``p`` (``PAGE``: the page number), showing ``shown``
    until Word updates it: begin, instruction, separate, result, end."""
    sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "begin"})
    code = sub(sub(p, "w:r"), "w:instrText", {"xml:space": "preserve"})
    code.text = f" {instruction} "
    sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "separate"})
    text_run(p, shown)
    sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "end"})


def page_header(section: Any, text: str, right: str = "") -> None:
    """The header of every page of ``section`` (a python-docx section): ``text`` in bold at
    the left margin, ``right`` (a document symbol) at the right margin."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    paragraph = section.header.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(text).bold = True
    if right:
        paragraph.add_run("\t\t" + right)  # past the style's centre stop


FONT = "Times New Roman"
"""The UN's type face; Liberation Serif (Debian's fonts-liberation, which set-up installs) has
its metrics, so LibreOffice lays a PDF out the same on every machine."""
SIZE_PT = 12
"""The text size, in points."""
HANG = 720
"""The numbers' hanging indent in twips: half an inch (1.27 cm), as in UN drafts."""


def un_layout(word: Any, header: str, symbol: str = "") -> None:
    """Give a new python-docx document the draft's A4 UN layout: A4 with 2.5 cm margins,
    Times New Roman 12 pt for the text and for black (never python-docx's blue) headings,
    ``header`` in bold and ``symbol`` at the right on every page, the page number (a PAGE
    field) centred at the foot."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)
    _fonts(normal)
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
        _fonts(style)
    heading = word.styles["Title"]
    heading.font.name = FONT
    heading.font.size = Pt(SIZE_PT)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(heading)
    borders = heading.element.find(qn("w:pPr"))
    if borders is not None and borders.find(qn("w:pBdr")) is not None:
        borders.remove(borders.find(qn("w:pBdr")))  # python-docx's Title has a blue rule below
    page_header(section, header, symbol)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer._p, "PAGE", "1")


def _fonts(style: Any) -> None:
    """Name :data:`FONT` for every script of ``style``, instead of the theme's fonts."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]


def title(word: Any, text: str) -> Any:
    """The document's title: bold, centred, with space around it (Word's "Title" style, set in
    the text's face and size by :func:`un_layout`)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = word.add_paragraph(style="Title")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(12)
    paragraph.add_run(characters.for_xml(text)).bold = True
    return paragraph


def hanging(paragraph: Any) -> None:
    """A numbered paragraph's hanging indent: the number at the margin, a tab, the text
    aligned :data:`HANG` twips in."""
    from docx.shared import Twips

    paragraph.paragraph_format.left_indent = Twips(HANG)
    paragraph.paragraph_format.first_line_indent = Twips(-HANG)
