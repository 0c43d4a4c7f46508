"""The outcome document as immutable typed records.

Everything in zerodraft — the checker, the renderers, releases, redlines, the web site —
consumes these records; nothing passes raw dictionaries around.  They are built by
:mod:`zerodraft.reader` from the files under ``outcome/`` (in the working tree or at any
commit) and never write anything back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from zerodraft import names
from zerodraft.characters import for_terminal
from zerodraft.numbering import Number
from zerodraft.vocabulary import Role, Vocabulary


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """Something a user can fix, reported as ``path:line: CODE message``."""

    path: str
    """The file, relative to the repository root, with forward slashes."""
    line: int
    """1-based line in that file (1 where the whole file is concerned)."""
    code: str
    """The stable code of the rule broken, e.g. ``ZD104`` (see ``zerodraft rules``)."""
    message: str
    """A plain-English sentence saying what is wrong and, where it can, what to do."""

    def __str__(self) -> str:
        # Messages quote what users wrote: never let that drive the terminal or flip the line.
        return for_terminal(f"{self.path}:{self.line}: {self.code} {self.message}")


class Scheme(Enum):
    """How operative paragraphs are numbered."""

    CONTINUOUS = "continuous"
    """One sequence across every section (BMS7 Draft 2: 1–115)."""
    PER_SECTION = "per-section"
    """Numbers restart in each top-level section, as in treaties and COP texts."""


@dataclass(frozen=True, slots=True)
class Numbering:
    """The numbering scheme, from ``numbering:`` in ``document.yaml``."""

    paragraphs: Scheme = Scheme.CONTINUOUS
    """Continuous through the document, or restarting per top-level section."""
    preamble_numbered: bool = True
    """True when preambular paragraphs are printed with numbers that the operative
    paragraphs continue (Draft 2); False for GA/COP style, where preambular paragraphs
    are printed unnumbered with the participle in italics and operative paragraphs
    start again at 1."""


@dataclass(frozen=True, slots=True)
class Facilitator:
    """A delegation asked by the Chair to run one agenda item."""

    section: str
    """The folder name of the agenda item under ``outcome/``."""
    delegation: str
    """The facilitating delegation, by its roster name."""
    logins: tuple[str, ...] = ()
    """GitHub logins that act as facilitator."""


@dataclass(frozen=True, slots=True)
class DocumentConfig:
    """``outcome/document.yaml``: what the document is and who runs it."""

    title: str
    """The title as printed ("Outcome of the Seventh Biennial Meeting of States …")."""
    draft_name: str
    """The current draft ("Draft 2"); a release changes it."""
    draft_date: dt.date | None = None
    """The date of the current draft."""
    meeting: str = ""
    """The meeting ("Seventh Biennial Meeting of States …, New York, 26–30 July 2021")."""
    symbol: str = ""
    """The document symbol, e.g. ``A/CONF.192/BMS/2021/WP.1``."""
    header_note: str = ""
    """A note printed under the header line, as in Draft 2 (may hold a footnote)."""
    numbering: Numbering = field(default_factory=Numbering)
    """The numbering scheme."""
    secretariat: tuple[str, ...] = ()
    """GitHub logins of the secretariat, who may do anything."""
    facilitators: tuple[Facilitator, ...] = ()
    """Facilitators per agenda item."""
    vocabulary: Vocabulary = field(default_factory=Vocabulary.default)
    """The consensus labels in force."""


@dataclass(frozen=True, slots=True)
class Delegation:
    """A member state, an observer, or a group speaking together."""

    name: str
    """The name as written in paragraph files ("European Union", "Kenya")."""
    kind: str
    """``member-state``, ``observer`` or ``group``."""
    code: str = ""
    """A short code ("EU", "KEN"), accepted in place of the name."""
    members: tuple[str, ...] = ()
    """For a group, the names of its member delegations."""
    logins: tuple[str, ...] = ()
    """GitHub logins that speak for this delegation."""
    also: tuple[str, ...] = ()
    """Other names delegates write for it ("Iran", "UK", "South Korea"): accepted like the
    name, and written back as the name by ``check --fix``."""


@dataclass(frozen=True, slots=True)
class Roster:
    """``outcome/delegations.yaml``: every delegation that may take part."""

    delegations: tuple[Delegation, ...] = ()
    """All entries, in file order."""
    _index: dict[str, Delegation] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Delegation] = {}
        for delegation in reversed(self.delegations):
            for written in (delegation.code, delegation.name, *delegation.also):
                if written:
                    index[names.key(written)] = delegation
        object.__setattr__(self, "_index", index)

    def find(self, name: str) -> Delegation | None:
        """The delegation written as ``name`` (its name, code or another name it is known by,
        in any case, with or without dots: "Iran", "U.K."), or ``None``."""
        return self._index.get(names.key(name))

    def name_of(self, written: str) -> str:
        """The roster's name for a delegation written as ``written`` ("Iran" → "Iran (Islamic
        Republic of)"), or ``written`` itself when it is not in the roster."""
        found = self.find(written)
        return found.name if found else written

    def for_login(self, login: str) -> tuple[Delegation, ...]:
        """The delegations a GitHub login speaks for (maybe several, maybe none)."""
        key = login.casefold()
        return tuple(d for d in self.delegations if key in (x.casefold() for x in d.logins))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph file: its number, consensus label, attribution and text."""

    id: str
    """Stable identifier; survives every renumbering (``wId`` in Akoma Ntoso)."""
    number: Number
    """Its number in the current round, from the file name (``018bis.md`` → 18 bis)."""
    path: str
    """The file, relative to the repository root."""
    section: tuple[str, ...]
    """Folder names from the top-level section down to the one holding this file."""
    status: str
    """The consensus label as written in the file."""
    role: Role | None
    """What that label means, or ``None`` if it is not in the vocabulary."""
    text: str
    """The paragraph's text, in Markdown, without front matter."""
    text_line: int = 1
    """The line of the file on which the text starts (to point problems at lines)."""
    proposed_by: tuple[str, ...] = ()
    """Delegations that proposed this text."""
    supported_by: tuple[str, ...] = ()
    """Delegations that support it."""
    opposed_by: tuple[str, ...] = ()
    """Delegations that oppose it."""
    reservations: tuple[str, ...] = ()
    """Delegations holding a reservation ("agreed ad ref pending X")."""
    note: str = ""
    """The secretariat's note, not part of the negotiated text."""
    field_lines: tuple[tuple[str, int], ...] = ()
    """The line of each front-matter key in the file, to point problems at it."""

    def line_of(self, key: str) -> int:
        """The line of front-matter ``key`` (or of the front matter's start)."""
        return dict(self.field_lines).get(key, 2)

    @property
    def label(self) -> str:
        """The number as printed: ``18 bis``."""
        return self.number.label()


@dataclass(frozen=True, slots=True)
class Section:
    """A folder: the preamble, an agenda item, a subsection or an unnumbered subheading."""

    key: str
    """The folder name (``01-a-implementation``)."""
    path: str
    """The folder, relative to the repository root."""
    heading: str
    """The heading as printed ("A. Consideration of …"); empty for the preamble."""
    preamble: bool = False
    """True for the preamble, whose paragraphs are preambular (PP)."""
    id: str = ""
    """An optional stable identifier."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Its own paragraphs (and alternatives), in number order."""
    subsections: tuple[Section, ...] = ()
    """Nested sections, in folder order; they follow the paragraphs."""
    depth: int = 0
    """0 for a top-level section."""

    def walk(self) -> Iterator[Section]:
        """This section, then every nested one, in document order."""
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True, slots=True)
class Document:
    """The whole outcome document at one point in time."""

    config: DocumentConfig
    """``document.yaml``."""
    roster: Roster
    """``delegations.yaml``."""
    sections: tuple[Section, ...]
    """Top-level sections in order (the preamble first, when there is one)."""
    root: str = "outcome"
    """The folder the document was read from, relative to the repository root."""
    _alternatives: dict[tuple[str, Number], tuple[Paragraph, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, Number], tuple[Paragraph, ...]] = {}
        for section in self.walk():
            for paragraph in section.paragraphs:
                if paragraph.number.is_alternative:
                    key = (section.path, paragraph.number.principal)
                    index[key] = (*index.get(key, ()), paragraph)
        object.__setattr__(self, "_alternatives", index)

    def alternatives(self, paragraph: Paragraph) -> tuple[Paragraph, ...]:
        """The alternatives proposed to replace ``paragraph`` (``006alt.md`` …)."""
        folder = paragraph.path.rsplit("/", 1)[0]
        return self._alternatives.get((folder, paragraph.number), ())

    def walk(self) -> Iterator[Section]:
        """Every section, in document order."""
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self, *, alternatives: bool = True) -> Iterator[Paragraph]:
        """Every paragraph in document order (alternatives right after their paragraph)."""
        for section in self.walk():
            for paragraph in section.paragraphs:
                if alternatives or not paragraph.number.is_alternative:
                    yield paragraph

    def units(self) -> Iterator[tuple[Section, ...]]:
        """The numbering units: each is a run of sections numbered in one sequence.

        Continuous numbering: the preamble (if unnumbered) and everything else.
        Per-section: the preamble, then each top-level section on its own.
        """
        preamble = tuple(s for s in self.sections if s.preamble)
        rest = tuple(s for s in self.sections if not s.preamble)
        scheme = self.config.numbering
        if scheme.paragraphs is Scheme.PER_SECTION:
            if preamble:
                yield preamble
            for section in rest:
                yield (section,)
        elif scheme.preamble_numbered:
            yield preamble + rest
        else:
            if preamble:
                yield preamble
            yield rest

    def find(self, reference: str) -> Paragraph | None:
        """The paragraph with this stable id or current reference (``18bis``, ``18 bis``)."""
        for paragraph in self.paragraphs():
            if paragraph.id == reference or self.ref(paragraph) == reference.replace(" ", ""):
                return paragraph
        return None

    def section_of(self, paragraph: Paragraph) -> Section:
        """The section that holds ``paragraph``."""
        folder = paragraph.path.rsplit("/", 1)[0]
        for section in self.walk():
            if section.path == folder:
                return section
        raise KeyError(paragraph.path)

    def is_preambular(self, paragraph: Paragraph) -> bool:
        """True if the paragraph sits in the preamble."""
        return any(s.preamble and s.key == paragraph.section[0] for s in self.sections)

    def printed_number(self, paragraph: Paragraph) -> str:
        """The number printed before the paragraph: ``18 bis``, or ``""`` where the
        scheme prints none (GA-style preamble)."""
        if self.is_preambular(paragraph) and not self.config.numbering.preamble_numbered:
            return ""
        return paragraph.label

    def ref(self, paragraph: Paragraph) -> str:
        """A short reference unique in the document, used in anchors and commands.

        ``18bis`` (continuous), ``pp3`` (unnumbered preamble), ``article-4.2``
        (per-section: the top-level folder without its order prefix, then the number).
        """
        slug = paragraph.number.slug()
        if self.is_preambular(paragraph):
            return slug if self.config.numbering.preamble_numbered else f"pp{slug}"
        if self.config.numbering.paragraphs is Scheme.PER_SECTION:
            top = paragraph.section[0].split("-", 1)[-1]
            return f"{top}.{slug}"
        return slug
