"""The compilation of proposals as a Word document (python-docx).

Each proposal's redline is written as Word's own tracked changes (``w:ins``/``w:del``), with
the proposing delegation as the change's author, so that delegates see the familiar colours
per delegation and can accept or reject changes in Word.  Conflicting proposals on one
paragraph sit side by side in a table.  Negotiated text is only ever put into text nodes.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.shared import Pt, RGBColor

from zerodraft import characters, wordml
from zerodraft.compilation.languages import kind, kinds, paragraph_heading, positions, say, word
from zerodraft.compilation.model import Compilation, Entry, Proposal

EXTENSION = "docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(compilation: Compilation) -> bytes:
    """The whole Word file."""
    document = new_document()
    title = f"{word(compilation, 'compilation', 'Compilation of proposals')} — {compilation.draft}"
    wordml.un_layout(document, characters.for_xml(title), characters.for_xml(compilation.symbol))
    document.core_properties.title = title
    wordml.title(document, title)
    document.add_paragraph(compilation.title)
    listed = kinds(compilation)
    document.add_paragraph(
        say(compilation, "explanation-word", sources=compilation.sources(), base=compilation.base, kinds=listed)
    )
    if not compilation.entries:
        document.add_paragraph(word(compilation, "none-pending", "No proposals are pending."))
    revisions = wordml.Revisions("")  # one numbering; each proposal by its delegations
    heading: tuple[str, ...] = ()
    for entry in compilation.entries:
        if entry.section != heading:
            heading = entry.section
            document.add_heading(" / ".join(entry.heading or heading), level=2)
        _entry(document, entry, revisions, compilation)
    if compilation.skipped:
        document.add_heading(word(compilation, "left-out", "Branches and pull requests left out"), level=2)
        for left in compilation.skipped:
            document.add_paragraph(f"{left.ref}: {left.reason_in(compilation.language)}", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _entry(document: Any, entry: Entry, revisions: wordml.Revisions, compilation: Compilation) -> None:
    document.add_heading(characters.for_xml(paragraph_heading(compilation, entry)), level=3)
    _small(document.add_paragraph(), entry.path)
    if entry.current is not None:
        if entry.note:
            document.add_paragraph().add_run(characters.for_xml(entry.note)).italic = True
        current = document.add_paragraph()
        wordml.text_run(current._p, characters.for_xml(entry.current.strip()))
        current.paragraph_format.left_indent = Pt(18)
    if entry.conflicting:
        document.add_paragraph(word(compilation, "conflicting", "Conflicting proposals, side by side:"))
        with_positions = any(p.positions for p in entry.proposals)
        labels = [
            "",
            word(compilation, "text", "Text"),
            *([word(compilation, "positions", "Positions")] if with_positions else []),
            word(compilation, "rationale", "Rationale"),
        ]
        table = document.add_table(rows=len(labels), cols=len(entry.proposals) + 1)
        table.style = "Table Grid"
        for row, label in enumerate(labels):
            table.cell(row, 0).text = label
        for column, proposal in enumerate(entry.proposals, 1):
            table.cell(0, column).paragraphs[0].add_run(_head(proposal, compilation)).bold = True
            _redline(table.cell(1, column).paragraphs[0]._p, proposal, revisions)
            if with_positions:
                table.cell(2, column).text = positions(compilation, proposal)
            table.cell(len(labels) - 1, column).text = proposal.rationale
        return
    for proposal in entry.proposals:
        document.add_paragraph().add_run(_head(proposal, compilation)).bold = True
        if proposal.note:
            document.add_paragraph().add_run(characters.for_xml(proposal.note)).italic = True
        if proposal.kind != "NOC":
            _redline(document.add_paragraph()._p, proposal, revisions)
        if proposal.positions:
            document.add_paragraph().add_run(positions(compilation, proposal)).italic = True
        if proposal.rationale:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{word(compilation, 'rationale', 'Rationale')}: ").italic = True
            paragraph.add_run(proposal.rationale)


def _head(proposal: Proposal, compilation: Compilation) -> str:
    language = compilation.language
    return f"{kind(compilation, proposal)} — {proposal.credited_in(language)} ({proposal.source_in(language)})"


def _small(paragraph: Any, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _redline(p: Any, proposal: Proposal, revisions: wordml.Revisions) -> None:
    """Append the proposal's changes to paragraph element ``p`` as tracked changes by the
    proposing delegations."""
    by = revisions.by(", ".join(proposal.delegations) or proposal.ref)
    for change in proposal.redline:
        text = characters.for_xml(change.text)
        if change.op == "equal":
            wordml.text_run(p, text)
        else:
            by.change(p, text, inserted=change.op == "insert")
