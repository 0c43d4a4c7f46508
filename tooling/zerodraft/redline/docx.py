"""The redline as a Word document with real tracked changes.

Every difference is a Word revision (``w:ins`` / ``w:del`` with an author and a date), so a
delegate can step through the changes with Word's Review tab, accept or reject each: accepting
every change gives exactly the new draft's text, rejecting every change exactly the old one's
(tests prove both).  Each heading and paragraph is one Word paragraph: the number, a tab, the
text; line breaks inside a paragraph (subparagraphs) are Word line breaks.  A changed number
("17 bis" → "18") is itself a tracked change; an inserted or deleted paragraph has its
paragraph mark tracked too, so that accepting or rejecting removes it entirely.

Built with python-docx for the package and styles, and lxml elements for the revisions that
python-docx has no API for.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from typing import Any

from zerodraft import characters
from zerodraft.redline import Block, Item, Redline
from zerodraft.wordiff import Change


def render(redline: Redline, *, author: str = "Chair", date: dt.datetime | None = None) -> bytes:
    """The ``.docx`` file, as bytes."""
    import docx

    when = (date or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = docx.Document()
    core = document.core_properties
    core.title = f"Comparison of {redline.new_name} with {redline.old_name}"
    core.author = author
    writer = _Writer(author, when)
    for block in redline.blocks:
        item = block.new or block.old
        assert item is not None
        style = f"Heading {min(item.depth + 1, 9)}" if item.what == "heading" else None
        paragraph = document.add_paragraph(style=style)
        writer.fill(paragraph._p, block)
        remark = _remark(block)
        if remark:
            _comment(document, paragraph, remark, author)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, author: str, when: str) -> None:
        self.author = author
        self.when = when
        self.ids = itertools.count(1)

    def fill(self, p: Any, block: Block) -> None:
        if block.kind in ("deleted", "moved-from"):
            assert block.old is not None
            self._mark(p, "w:del")
            p.append(self._revision("w:del", block.old.line()))
        elif block.kind in ("inserted", "moved-to"):
            assert block.new is not None
            self._mark(p, "w:ins")
            p.append(self._revision("w:ins", block.new.line()))
        else:
            assert block.old is not None and block.new is not None
            self._paired(p, block.old, block.new, block.changes)

    def _paired(self, p: Any, old: Item, new: Item, changes: tuple[Change, ...]) -> None:
        if old.number != new.number:
            if old.number:
                p.append(self._revision("w:del", old.number + "\t"))
            if new.number:
                p.append(self._revision("w:ins", new.number + "\t"))
        elif new.number:
            p.append(_run(new.number + "\t", deleted=False))
        for change in changes:
            if change.op == "equal":
                p.append(_run(change.text, deleted=False))
            else:
                p.append(self._revision("w:del" if change.op == "delete" else "w:ins", change.text))

    def _revision(self, tag: str, text: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.when)
        element.append(_run(text, deleted=tag == "w:del"))
        return element

    def _mark(self, p: Any, tag: str) -> None:
        """Track the paragraph mark itself, so the whole paragraph comes or goes."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        p_pr = p.get_or_add_pPr()
        r_pr = p_pr.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = OxmlElement("w:rPr")
            p_pr.append(r_pr)
        mark = OxmlElement(tag)
        mark.set(qn("w:id"), str(next(self.ids)))
        mark.set(qn("w:author"), self.author)
        mark.set(qn("w:date"), self.when)
        r_pr.append(mark)


def _remark(block: Block) -> str:
    """What a comment on the paragraph says: its label change, where it moved."""
    facts = []
    if block.label_change:
        facts.append(f"label: {block.label_change}")
    elif block.kind == "inserted" and block.new and block.new.label:
        facts.append(f"label: {block.new.label}")
    if block.note:
        facts.append(block.note)
    return "; ".join(facts)


def _comment(document: Any, paragraph: Any, text: str, author: str) -> None:
    """A Word comment on the whole paragraph (it holds no text, so accepting or rejecting
    changes leaves the text as it is)."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    runs = [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]
    if runs:
        document.add_comment(runs, text=text, author=author, initials="".join(w[0] for w in author.split())[:3])


def _run(text: str, *, deleted: bool) -> Any:
    """A ``w:r`` holding ``text``: tabs and line breaks as Word elements, the rest as
    ``w:t`` (``w:delText`` inside a deletion) with spaces preserved."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    # hidden and XML-illegal characters (the checker refuses them, but a redline may compare an
    # unchecked ref) are shown as U+FFFD rather than failing
    for piece in _pieces(characters.for_xml(text)):
        if piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece == "\n":
            run.append(OxmlElement("w:br"))
        else:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            run.append(t)
    return run


def _pieces(text: str) -> Iterator[str]:
    start = 0
    for index, char in enumerate(text):
        if char in "\t\n":
            if index > start:
                yield text[start:index]
            yield char
            start = index + 1
    if start < len(text):
        yield text[start:]
