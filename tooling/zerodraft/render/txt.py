"""The compiled draft as plain text, wrapped at 78 columns with hanging indents.

Footnote marks are superscript digits (``¹``) so they cannot be mistaken for the square
brackets of unagreed text; each footnote follows the paragraph (or heading) that first cites
it, indented as its text, as near its mark as a page prints it at its foot; a footnote nothing
cites follows the text under a rule.
"""

from __future__ import annotations

import textwrap

from zerodraft.render.inline import Run
from zerodraft.render.layout import Block, BlockKind, CompiledDraft, Footnote, Heading, Item
from zerodraft.vocabulary import Role

EXTENSION = "txt"
MEDIA_TYPE = "text/plain"
WIDTH = 78
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def render(draft: CompiledDraft) -> bytes:
    """The whole file, UTF-8, ending with one newline."""
    parts: list[str] = [*masthead(draft), draft.header]
    notes = {f.number: f for f in draft.footnotes}
    if draft.note:
        parts.append(_wrap(inline(draft.note)))
        parts += _notes_of(notes, (draft.note,))
    number = draft.masthead.number
    parts.append(_wrap(f"{number} {inline(draft.title)}" if number else inline(draft.title)))
    parts += _notes_of(notes, (draft.title,))
    for entry in draft.entries:
        if isinstance(entry, Heading):
            lines = [_wrap(inline(entry.runs))]
            if entry.title:
                lines.append(_wrap(inline(entry.title)))
            parts.append("\n".join(lines))
            parts += _notes_of(notes, (entry.runs, entry.title))
        else:
            parts.append(_item(entry))
            parts += _notes_of(notes, tuple(block.runs for block in entry.blocks), " " * 6 if entry.number else "")
    if notes:  # notes nothing cites
        parts.append("_" * 20 + "\n" + "\n".join(_note(f) for f in notes.values()))
    if draft.masthead.job_number:
        parts.append(draft.masthead.job_number)
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def _notes_of(notes: dict[int, Footnote], texts: tuple[tuple[Run, ...], ...], indent: str = "") -> list[str]:
    """The footnotes ``texts`` cite that are not printed yet, as one part (taken from
    ``notes``): printed right after the text that cites them, as a page prints them at its
    foot, so that a reader of a long text finds each note beside its mark."""
    cited = [run.footnote for runs in texts for run in runs if run.footnote is not None]
    own = [notes.pop(n) for n in cited if n in notes]
    return ["\n".join(_note(f, indent) for f in own)] if own else []


def _note(note: Footnote, indent: str = "") -> str:
    mark = str(note.number).translate(_SUPERSCRIPT) + " "
    return _wrap(inline(note.runs), indent + mark, indent + " " * len(mark))


def masthead(draft: CompiledDraft) -> list[str]:
    """The UN masthead at the top: the organ on the left and the corner (symbol, "Distr.:
    General", date) on the right, ruled off; then the session and agenda item, then
    "Resolution adopted by …"; nothing for a document without ``masthead:``."""
    left, right = draft.masthead.organ, [line.text for line in draft.masthead.corner]
    if not left and not right:
        return []
    rows = []
    for index in range(max(len(left), len(right))):
        start = left[index] if index < len(left) else ""
        end = right[index] if index < len(right) else ""
        gap = max(2, WIDTH - len(start) - len(end))
        rows.append((start + " " * gap + end).rstrip() if end else start)
    head = "\n".join([*rows, "=" * WIDTH])
    lines = draft.masthead.lines
    under = "\n".join(_wrap(line.text) for line in lines if line.key != "adopted")
    adopted = "\n".join(_wrap(line.text) for line in lines if line.key == "adopted")
    return [part for part in (head, under, adopted) if part]


def inline(runs: tuple[Run, ...]) -> str:
    """Runs as plain text; footnote marks as superscript numbers; a link's address in
    angle brackets after its text (unless the text is the address)."""
    out: list[str] = []
    for index, run in enumerate(runs):
        out.append(str(run.footnote).translate(_SUPERSCRIPT) if run.footnote is not None else run.text)
        following = runs[index + 1].href if index + 1 < len(runs) else None
        if run.href and following != run.href and run.href != run.text:
            out.append(f" <{run.href}>")
    return "".join(out)


def _item(item: Item) -> str:
    indent = 6
    lead = item.printed if item.number else ""
    lead = lead.ljust(indent) if len(lead) < indent else lead + " "
    first_indent = lead if item.number else ""
    body_indent = " " * indent if item.number else ""
    lines: list[str] = []
    for index, block in enumerate(item.blocks):
        if block.kind is BlockKind.TABLE:
            if index == 0 and item.number:
                lines.append(lead.rstrip())
            lines.append(table(block, body_indent))
            continue
        text = inline(block.runs)
        if block.kind is BlockKind.TEXT:
            prefix = first_indent if index == 0 else body_indent
            lines.append(_wrap(text, prefix, body_indent))
        else:
            depth = indent * (block.level if block.kind is BlockKind.SUBPARAGRAPH else 1)
            pad = " " * depth if item.number else " " * (depth - indent)
            mark = block.mark.ljust(5) + " "
            first = first_indent + mark if index == 0 else pad + mark
            lines.append(_wrap(text, first, pad + " " * len(mark)))
    if not lines:
        lines.append(lead.rstrip())
    marks: list[str] = [item.behind_note] if item.behind_note else []
    if item.role is not Role.OPEN:
        marks.append(item.display)
    marks += [f"{a.verb} {', '.join(a.delegations)}" for a in item.attributions]
    if marks:
        lines.append(_wrap(f"({'; '.join(marks)})", body_indent, body_indent))
    return "\n".join(lines)


def table(block: Block, indent: str = "") -> str:
    """A table block with its columns aligned, the header row ruled off:

    ``Zone | Regime`` / ``-----+-------`` / ``Area | common heritage``."""
    rows = [[" ".join(inline(cell).split()) for cell in row] for row in block.rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    sizes = [max(len(row[column]) for row in rows) for column in range(width)]

    def line(row: list[str]) -> str:
        return (indent + " | ".join(cell.ljust(size) for cell, size in zip(row, sizes, strict=True))).rstrip()

    rule = indent + "-+-".join("-" * size for size in sizes)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    return (
        textwrap.fill(
            text,
            width=WIDTH,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        or first.rstrip()
    )
