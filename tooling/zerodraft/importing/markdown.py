"""Markdown, as drafts are often kept: ``#`` headings, paragraphs, numbered lists,
``[^1]`` footnotes, ``*Recalling*`` italic participles, pipe tables.

The source is read through markdown-it-py's token stream (CommonMark with tables), so a
Markdown file means what any Markdown viewer shows:

- **headings by level** (``#`` … ``######``, and ``===``/``---`` underlines);
- **ordered lists numbered as CommonMark numbers them**: the first item's number starts the
  list and the items after it count on, whatever they say — a list written ``1.``, ``1.``,
  ``1.`` is paragraphs 1, 2 and 3; a list that starts at ``3.`` after a heading goes on 3, 4 …;
  what an item holds after its first paragraph (``(a) …`` subparagraphs, a bullet list)
  stays in that paragraph;
- paragraphs, footnote definitions (``[^1]: …``), pipe tables (kept as written), code and
  quotes (kept as text).

The text stays Markdown (emphasis, brackets and footnote references pass through
untouched); the reader only cuts it into blocks.  A first paragraph that is a draft header
("*Draft 3 — 19 July 2021*") becomes the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from zerodraft.importing import joining
from zerodraft.importing.blocks import Block, Kind, Stream
from zerodraft.importing.plaintext import HEADER_RE

FOOTNOTE_RE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$", re.DOTALL)
EMPHASIS_RE = re.compile(r"^([*_]{1,2})(.+)\1$")
#: ``1\. Text``: a paragraph number escaped so that Markdown does not make it a list (as
#: ``zerodraft build --format md`` writes it); read as ``1. Text``.
ESCAPED_NUMBER_RE = re.compile(r"^(\d{1,5})\\\.(?=\s)")


@dataclass
class _List:
    """An open list: its next item's number (``None`` for a bullet list) and its marker."""

    next: int | None
    marker: str
    label: str = ""
    """The label waiting for the item's first paragraph ("3.", "-")."""


@dataclass
class _Reader:
    lines: list[str]
    blocks: list[Block] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)

    def add(self, line: int, kind: Kind, text: str, level: int = 0, label: str = "") -> None:
        self.blocks.append(Block(line, kind, text, level=level, label=label))

    def paragraph(self, token: Token, inline: Token) -> None:
        line = token.map[0] + 1 if token.map else 1
        text = joining.join(inline.content.split("\n"))
        waiting = next((open_ for open_ in reversed(self.lists) if open_.label), None)
        if waiting is not None:
            text, waiting.label = f"{waiting.label} {text}", ""
        note = FOOTNOTE_RE.match(text)
        if note and waiting is None:
            self.add(line, Kind.FOOTNOTE, joining.join(note.group(2).split("\n")), label=note.group(1))
        elif not self.blocks and waiting is None and HEADER_RE.match(_plain(text)):
            self.add(line, Kind.HEADER, _plain(text))
        else:
            # "(a) …" lines that CommonMark folds into the paragraph stay blocks of their own,
            # continuing it, as the recogniser reads subparagraphs from any source
            for part in ESCAPED_NUMBER_RE.sub(r"\1.", text, count=1).split("\n"):
                self.add(line, Kind.PARAGRAPH, part)

    def raw(self, token: Token) -> None:
        """A block kept exactly as written (a table, code, HTML): its source lines."""
        if token.map:
            start, end = token.map
            text = "\n".join(line.rstrip() for line in self.lines[start:end]).strip("\n")
            if text:
                self.add(start + 1, Kind.PARAGRAPH, text)


def read(text: str) -> Stream:
    """The blocks of a Markdown draft."""
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = source.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    reader = _Reader(lines)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            line = token.map[0] + 1 if token.map else 1
            content = joining.squeeze(tokens[index + 1].content)
            reader.add(line, Kind.HEADING, content, level=int(token.tag[1:]))
            index += 3
            continue
        if token.type == "paragraph_open":
            reader.paragraph(token, tokens[index + 1])
            index += 3
            continue
        if token.type == "ordered_list_open":
            reader.lists.append(_List(int(token.attrGet("start") or 1), token.markup))
        elif token.type == "bullet_list_open":
            reader.lists.append(_List(None, token.markup))
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            reader.lists.pop()
        elif token.type == "list_item_open" and reader.lists:
            current = reader.lists[-1]
            if current.next is None:
                current.label = current.marker
            else:
                current.label, current.next = f"{current.next}.", current.next + 1
        elif token.type == "table_open":
            reader.raw(token)
            index = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        elif token.type in ("fence", "code_block", "html_block"):
            reader.raw(token)
        index += 1
    return Stream(tuple(reader.blocks), words=joining.words(lines), markup=True)


def _plain(text: str) -> str:
    match = EMPHASIS_RE.match(text.strip())
    return match.group(2).strip() if match else text.strip()
