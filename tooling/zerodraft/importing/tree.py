"""What the recogniser makes of a draft: the tree the writer turns into ``outcome/``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from zerodraft.importing.blocks import Artefact, Block
from zerodraft.model import Numbering, Problem
from zerodraft.numbering import Number


@dataclass(frozen=True, slots=True)
class ImportedParagraph:
    """A paragraph as the source numbers it."""

    number: Number
    """Its number (unnumbered preambular paragraphs are counted 1, 2, 3 … in order)."""
    text: str
    """Its text in Markdown, footnotes at the end."""
    status: str
    """The consensus label: ``open``, or what the source says (``deleted``, ``agreed-ad-ref``)."""
    line: int
    """The source line where it starts."""


@dataclass(frozen=True, slots=True)
class ImportedSection:
    """The preamble, an agenda item, an article, a subsection or an unnumbered subheading."""

    heading: str
    """The heading exactly as printed, white space normalised; empty for the preamble."""
    label: str
    """Its printed label: ``A``, ``1``, ``II``, ``Article 4 bis``; empty when unnumbered."""
    line: int
    """The source line where it starts."""
    preamble: bool = False
    """True for the preamble."""
    paragraphs: tuple[ImportedParagraph, ...] = ()
    """Its own paragraphs, in order."""
    subsections: tuple[ImportedSection, ...] = ()
    """Nested sections, in order."""
    placeholder: str = ""
    """What an empty section holds in the source instead of paragraphs (Draft 2's D: "-")."""

    def walk(self) -> Iterator[ImportedSection]:
        """This section, then every nested one."""
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    """The draft as a tree."""

    title: str
    """The title as printed."""
    draft_name: str
    """From the header ("Draft 2"), or ``Imported draft``."""
    draft_date: dt.date | None
    """From the header, when it has a date."""
    header_note: str
    """Text between the header and the title ("The provisionally agreed agenda …")."""
    numbering: Numbering
    """The scheme seen in the source."""
    sections: tuple[ImportedSection, ...]
    """Top-level sections, the preamble first."""
    symbol: str = ""
    """A document symbol printed above the title, if any."""

    def paragraphs(self) -> Iterator[ImportedParagraph]:
        """Every paragraph in document order."""
        for top in self.sections:
            for section in top.walk():
                yield from section.paragraphs


@dataclass(frozen=True, slots=True)
class Recognition:
    """The recogniser's result."""

    document: ImportedDocument
    """The tree."""
    problems: tuple[Problem, ...]
    """Lines that could not be placed (ZD601) and other doubts, as ``source:line`` problems."""
    unplaced: tuple[Block, ...]
    """The blocks behind ZD601 problems, for ``--accept-unplaced``."""
    artefacts: tuple[Artefact, ...]
    """What the reader removed."""
    notes: tuple[str, ...]
    """Plain sentences for the summary ("skipped lines 1–115: a cover letter")."""
