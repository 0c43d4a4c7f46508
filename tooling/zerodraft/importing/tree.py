"""What the recogniser makes of a draft: the tree the writer turns into ``outcome/``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from zerodraft.importing.blocks import Artefact
from zerodraft.model import Problem
from zerodraft.numbering import Number


@dataclass(frozen=True, slots=True)
class ImportedParagraph:
    """A paragraph as the source numbers it."""

    number: Number | None
    """Its printed number; ``None`` for a paragraph printed without one (a chapeau, a
    one-paragraph article, a preambular paragraph in GA style, text the import could not place)."""
    text: str
    """Its text in Markdown, footnotes at the end."""
    status: str
    """The consensus label: ``open``, or what the source says (``deleted``, ``agreed-ad-ref``)."""
    line: int
    """The source line where it starts."""
    printed: str = ""
    """Its number as printed ("23.1", "23.1.", "18 bis."), when it has one; kept in the text
    where the paragraph must be imported unnumbered."""


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
    kind: str = "heading"
    """``preamble``, ``part``, ``chapter``, ``section``, ``article``, ``annex``, ``appendix``,
    ``options``, ``option`` or ``heading`` (see docs/format.md)."""
    number: str = ""
    """As printed after the kind's word ("II", "54 ter"); empty when unnumbered."""
    title: str = ""
    """The title under or after the label ("Use of terms"), if any."""
    bracketed: bool = False
    """True when the whole section stands in square brackets ("[Article 8 bis]")."""
    restarts: bool = False
    """True for a Part, Chapter or Section inside an annex or article whose paragraphs are
    numbered from 1 again ("SECTION 3. DECISION-MAKING" then "1."): written ``restarts: true``."""
    number_prefix: str = ""
    """The label printed before its paragraphs' numbers ("Pp" for "Pp1 …", a negotiating text's
    preambular paragraphs): written ``number-prefix: Pp``; they are numbered on their own."""

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
    scheme: str
    """How paragraphs are numbered: ``continuous``, ``per-section`` or ``per-article``."""
    preamble_numbered: bool
    """False for a GA-style preamble printed without numbers."""
    sections: tuple[ImportedSection, ...]
    """Top-level sections, the preamble first."""
    symbol: str = ""
    """A document symbol printed above the title, if any."""
    masthead: tuple[tuple[str, str], ...] = ()
    """The UN masthead as ``masthead:`` keys and values ("distribution", "General")."""

    def paragraphs(self) -> Iterator[ImportedParagraph]:
        """Every paragraph in document order."""
        for top in self.sections:
            for section in top.walk():
                yield from section.paragraphs


@dataclass(frozen=True, slots=True)
class Guess:
    """Something the import decided without the source saying so: a human checks these."""

    line: int
    """The source line it concerns."""
    what: str
    """A plain sentence: "an unnumbered paragraph in Article 4", "a heading demoted to text"."""
    text: str = ""
    """The start of the source text concerned."""


@dataclass(frozen=True, slots=True)
class Recognition:
    """The recogniser's result."""

    document: ImportedDocument
    """The tree."""
    problems: tuple[Problem, ...]
    """Lines imported as unnumbered paragraphs because they could not be placed (ZD601) or were
    numbered out of sequence (ZD602), as ``source:line`` problems; they never stop an import."""
    artefacts: tuple[Artefact, ...]
    """What the reader removed."""
    notes: tuple[str, ...]
    """Plain sentences for the summary ("skipped lines 1–115: a cover letter")."""
    guesses: tuple[Guess, ...] = ()
    """What the import guessed, each with its source line, for the import report."""
