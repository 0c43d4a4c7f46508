"""Markdown, as drafts are often kept: ``#`` headings, blank-line paragraphs, ``[^1]``
footnotes, ``*Recalling*`` italic participles.

The text stays Markdown (emphasis, brackets and footnote references pass through
untouched); the reader only cuts it into blocks.  A first line that is a draft header
("*Draft 3 — 19 July 2021*") becomes the header.
"""

from __future__ import annotations

import re

from zerodraft.importing import joining
from zerodraft.importing.blocks import Block, Kind, Stream
from zerodraft.importing.plaintext import HEADER_RE

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
FOOTNOTE_RE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
EMPHASIS_RE = re.compile(r"^([*_]{1,2})(.+)\1$")
#: ``1\. Text``: a paragraph number escaped so that Markdown does not make it a list (as
#: ``zerodraft build --format md`` writes it); read as ``1. Text``.
ESCAPED_NUMBER_RE = re.compile(r"^(\d{1,5})\\\.(?=\s)")


def read(text: str) -> Stream:
    """The blocks of a Markdown draft."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    pending: list[str] = []
    start = 0
    footnote: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal pending, footnote
        if pending:
            body = joining.join(pending)
            if footnote is not None:
                blocks.append(Block(footnote[1], Kind.FOOTNOTE, body, label=footnote[0]))
            elif not blocks and HEADER_RE.match(_plain(body)):
                blocks.append(Block(start, Kind.HEADER, _plain(body)))
            else:
                blocks.append(Block(start, Kind.PARAGRAPH, ESCAPED_NUMBER_RE.sub(r"\1.", body, count=1)))
        pending, footnote = [], None

    for number, line in enumerate(lines, 1):
        if not line.strip():
            if footnote is None:
                flush()
            continue
        heading = HEADING_RE.match(line)
        note = FOOTNOTE_RE.match(line)
        if heading:
            flush()
            blocks.append(Block(number, Kind.HEADING, joining.squeeze(heading.group(2)), level=len(heading.group(1))))
        elif note:
            flush()
            footnote, start = (note.group(1), number), number
            pending = [note.group(2)]
        elif footnote is not None and not line[:1].isspace():
            flush()
            pending, start = [line], number
        else:
            if not pending:
                start = number
            pending.append(line)
    flush()
    return Stream(tuple(blocks), words=joining.words(lines), markup=True)


def _plain(text: str) -> str:
    match = EMPHASIS_RE.match(text.strip())
    return match.group(2).strip() if match else text.strip()
