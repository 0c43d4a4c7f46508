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
