"""The compiled draft as Markdown: header line, title, headings, numbered paragraphs,
consensus labels and attribution, footnotes numbered through the document.

Text that would change meaning in Markdown is escaped, so the file converts (pandoc,
markdown-it) to exactly what the draft says; drafting brackets stay as typed.
"""

from __future__ import annotations

import re

from zerodraft.render.inline import Run
from zerodraft.render.layout import Attribution, Block, BlockKind, CompiledDraft, Heading, Item
from zerodraft.vocabulary import Role

EXTENSION = "md"
MEDIA_TYPE = "text/markdown"

_SPECIAL = re.compile(r"([\\`*_<>&|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def render(draft: CompiledDraft) -> bytes:
    """The whole file, UTF-8, ending with one newline."""
    parts: list[str] = [*masthead(draft), _escape_line(draft.header)]
    if draft.note:
        parts.append(_escape_line(inline(draft.note)))
    number = draft.masthead.number
    parts.append("# " + (_escape_line(_escape(number)) + " " if number else "") + inline(draft.title))
    for entry in draft.entries:
        if isinstance(entry, Heading):
            parts.append("#" * (entry.level + 1) + " " + inline(entry.one_line()))
        else:
            parts.extend(_item(entry))
    if draft.footnotes:
        parts.append("\n".join(f"[^{f.number}]: {inline(f.runs)}" for f in draft.footnotes))
    if draft.masthead.job_number:
        parts.append(_escape_line(_escape(draft.masthead.job_number)))
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def masthead(draft: CompiledDraft) -> list[str]:
    """The UN masthead at the top, one line each (a hard line break between them): the organ
    and the corner (symbol, "Distr.: General", date), then the session and agenda item, then
    "Resolution adopted by …"; nothing for a document without ``masthead:``."""
    head = [*draft.masthead.organ, *(line.text for line in draft.masthead.corner)]
    lines = draft.masthead.lines
    blocks = [
        head,
        [line.text for line in lines if line.key != "adopted"],
        [line.text for line in lines if line.key == "adopted"],
    ]
    return ["\\\n".join(_escape_line(_escape(text)) for text in block) for block in blocks if block]


def _item(item: Item) -> list[str]:
    lines: list[str] = []
    for index, block in enumerate(item.blocks):
        if block.kind is BlockKind.TABLE:
            if index == 0 and item.number:
                lines.append(_number(item))
            lines.append(table(block))
            continue
        text = inline(block.runs)
        if block.kind is not BlockKind.TEXT:
            text = f"{block.mark}{_space(block.mark)}{text}".rstrip()
            if block.kind is BlockKind.ALTERNATIVE:
                text = f"**{block.mark}** {inline(block.runs)}".rstrip()
        if index == 0 and item.number:
            text = f"{_number(item)}{_space(item.printed)}{text}"
        elif index == 0 or block.kind is BlockKind.TEXT:
            text = _escape_line(text) if not text.startswith("**") else text
        lines.append(text)
    if not lines:
        lines.append(_number(item))
    tail = marks_line(item)
    if tail:
        lines.append(tail)
    return lines


def table(block: Block) -> str:
    """A table block as a GitHub-style pipe table (``|`` in a cell escaped)."""
    rows = [[inline(cell).replace("\n", " ") for cell in row] for row in block.rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _number(item: Item) -> str:
    """The paragraph's printed number, kept from starting a list: ``18\\.``, ``18\u00a0bis.``,
    ``三、``, ``3\u00a0-``."""
    number = item.printed.replace(" ", "\u00a0")
    return re.sub(r"^([0-9]+)\.$", r"\1\\.", number)


def _space(mark: str) -> str:
    """What separates a number or mark from the text: a space, none after a full-width one ("三、", "（一）")."""
    return " " if mark[-1:].isascii() else ""


def marks_line(item: Item) -> str:
    """The label and attribution under a paragraph: ``*(agreed ad ref)*``; nothing for
    plain open text without attribution; first, in a language version, what is behind
    ("[translation of an earlier version]")."""
    words: list[str] = [_escape(item.behind_note)] if item.behind_note else []
    if item.role is not Role.OPEN:
        words.append(_escape(item.display))
    words += [_attribution(a) for a in item.attributions]
    return f"*({'; '.join(words)})*" if words else ""


def _attribution(attribution: Attribution) -> str:
    return _escape(f"{attribution.verb} {', '.join(attribution.delegations)}")


def inline(runs: tuple[Run, ...]) -> str:
    """Runs as Markdown."""
    out: list[str] = []
    for run in runs:
        if run.footnote is not None:
            out.append(f"[^{run.footnote}]")
            continue
        if run.code:
            fence = "``" if "`" in run.text else "`"
            out.append(f"{fence}{run.text}{fence}")
            continue
        text = "".join("\\" + c for c in run.text) if run.escaped else _escape(run.text)
        if text.startswith("(") and out and out[-1].endswith("]"):
            text = "\\" + text  # drafting brackets followed by "(" are not a link
        if run.href:
            text = f"[{text}](<{run.href}>)"
        if run.bold or run.italic:
            delimiter = ("**" if run.bold else "") + ("*" if run.italic else "")
            core = text.strip()
            if core:
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                text = f"{lead}{delimiter}{core}{delimiter[::-1]}{trail}"
        out.append(text)
    return "".join(out)


def _escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    # "](" would make a link of drafting brackets followed by a parenthesis
    return text.replace("](", "]\\(")


def _escape_line(text: str) -> str:
    """Keep a line from starting a heading, quote or list: ``\\# …``, ``1\\. …``."""
    match = _LINE_START.match(text)
    if not match:
        return text
    if match.group(2).isdigit():
        return text[: match.end()] + "\\" + text[match.end() :]
    return text[: match.start(2)] + "\\" + text[match.start(2) :]
