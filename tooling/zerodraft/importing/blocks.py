"""The common stream every source reader produces, and the recogniser consumes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a reader knows about a block."""

    LINE = "line"
    """A line of running text whose role is unknown (plain text: one line as extracted)."""
    PARAGRAPH = "paragraph"
    """A whole paragraph as the source delimits it (a Word or Markdown paragraph)."""
    HEADING = "heading"
    """A heading the source marks as such (a Word heading style, bold line, Markdown ``#``)."""
    HEADER = "header"
    """The draft's header line ("DRAFT 2, 2 July 2021")."""
    FOOTNOTE = "footnote"
    """A footnote's body; ``label`` is its number."""
    CONTENTS = "contents"
    """A line of a table of contents (dot leaders and page numbers): not the draft's text."""


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the source, in document order."""

    line: int
    """1-based line of the source where it starts (for Word: the paragraph's position)."""
    kind: Kind
    """What the reader knows about it."""
    text: str
    """Its text with white space normalised (Markdown inline marks kept where the source has them)."""
    gap: bool = False
    """True when blank lines separate it from the block before (plain text only)."""
    label: str = ""
    """A number the source computes rather than prints (Word numbering), or a footnote's label."""
    level: int = 0
    """For headings: 1 for the top level, 2 below it …; 0 when the source does not say."""


@dataclass(frozen=True, slots=True)
class Artefact:
    """A piece of the source removed as an extraction artefact (not the Chair's words)."""

    line: int
    """1-based source line."""
    what: str
    """``page number``, ``running header`` …"""
    text: str
    """The line as it was."""


@dataclass(frozen=True, slots=True)
class Stream:
    """What a reader hands to the recogniser."""

    blocks: tuple[Block, ...]
    """The draft, in order."""
    artefacts: tuple[Artefact, ...] = ()
    """What was removed, for the summary and the round-trip test."""
    skipped: tuple[int, int] | None = None
    """First and last source line skipped before the draft (a cover letter), if any."""
    words: frozenset[str] = frozenset()
    """Every word of the draft in lower case, as evidence for joining words broken across lines."""
    markup: bool = False
    """True when the text is already Markdown (nothing to escape)."""
    notes: tuple[str, ...] = ()
    """What the reader could not read, said plainly for the summary ("2 tables were not read")."""
