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
from typing import Any

from zerodraft import characters, wordml
from zerodraft.redline import Block, Item, Redline, class_word, word
from zerodraft.wordiff import Change


def render(redline: Redline, *, author: str = "Chair", date: dt.datetime | None = None) -> bytes:
    """The ``.docx`` file, as bytes: in the draft's A4 UN layout (:func:`zerodraft.wordml.un_layout`),
    headed by what is compared and the document's symbol on every page, titled "Comparison of Draft 3
    with Draft 2", each numbered paragraph with its hanging indent."""
    import docx

    document = docx.Document()
    title = redline.title()
    wordml.un_layout(document, characters.for_xml(characters.one_line(title)), characters.for_xml(redline.symbol))
    core = document.core_properties
    core.title = title
    core.author = author
    wordml.title(document, title)
    writer = _Writer(wordml.Revisions(author, date))
    for block in redline.blocks:
        item = block.new or block.old
        assert item is not None
        style = f"Heading {min(item.depth + 1, 3)}" if item.what == "heading" else None
        paragraph = document.add_paragraph(style=style)
        if item.what == "paragraph" and (block.number or item.number):
            wordml.hanging(paragraph)
        writer.fill(paragraph._p, block)
        remark = _remark(block, redline.language)
        if remark:
            _comment(document, paragraph, remark, author)
    if redline.language:  # the language's fonts, and right to left for Arabic, as in its draft
        from zerodraft.languages import conventions
        from zerodraft.languages import word as word_language

        word_language.localise(document, conventions.of(redline.language), redline.language)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    """Fills Word paragraphs with a redline's blocks as tracked changes."""

    def __init__(self, revisions: wordml.Revisions) -> None:
        self.revisions = revisions

    def fill(self, p: Any, block: Block) -> None:
        if block.kind in ("deleted", "moved-from"):
            assert block.old is not None
            self.revisions.mark_paragraph(p, inserted=False)
            self.revisions.change(p, _shown(block.old.line()), inserted=False)
        elif block.kind in ("inserted", "moved-to"):
            assert block.new is not None
            self.revisions.mark_paragraph(p, inserted=True)
            self.revisions.change(p, _shown(block.new.line()), inserted=True)
        else:
            assert block.old is not None and block.new is not None
            self._paired(p, block.old, block.new, block.changes)

    def _paired(self, p: Any, old: Item, new: Item, changes: tuple[Change, ...]) -> None:
        if old.number != new.number:
            if old.number:
                self.revisions.change(p, _shown(old.number + "\t"), inserted=False)
            if new.number:
                self.revisions.change(p, _shown(new.number + "\t"), inserted=True)
        elif new.number:
            wordml.text_run(p, _shown(new.number + "\t"))
        for change in changes:
            if change.op == "equal":
                wordml.text_run(p, _shown(change.text))
            else:
                self.revisions.change(p, _shown(change.text), inserted=change.op == "insert")


def _shown(text: str) -> str:
    """Hidden and XML-illegal characters (the checker refuses them, but a redline may compare
    an unchecked ref) as U+FFFD, rather than failing."""
    return characters.for_xml(text)


def _remark(block: Block, language: str) -> str:
    """What a comment on the paragraph says: what happened to it beyond the tracked changes
    (text amended, label changed, positions changed, moved; a new paragraph's label; on a
    heading, its Part, annex or article inserted or deleted as a whole), in the redline's
    language."""
    only = class_word(language, "renumbered only")
    facts = [fact for fact in block.facts(with_label=False, language=language) if fact != only]
    if block.kind == "inserted" and block.new and block.new.label:
        facts.append(word(language, "label", label=block.new.label))
    return word(language, "semicolon").join(facts)


def _comment(document: Any, paragraph: Any, text: str, author: str) -> None:
    """A Word comment on the whole paragraph (it holds no text, so accepting or rejecting
    changes leaves the text as it is)."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    runs = [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]
    if runs:
        document.add_comment(runs, text=text, author=author, initials="".join(w[0] for w in author.split())[:3])
