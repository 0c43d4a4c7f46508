"""The outcome document as immutable typed records.

Everything in zerodraft — the checker, the renderers, releases, redlines, the web site —
consumes these records; nothing passes raw dictionaries around.  They are built by
:mod:`zerodraft.reader` from the files under ``outcome/`` (in the working tree or at any
commit) and never write anything back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from zerodraft.characters import for_terminal
from zerodraft.languages.records import Languages, Translations
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
    """Numbers restart in each top-level section, as in COP texts."""
    PER_ARTICLE = "per-article"
    """Numbers restart in every article, every annex (and appendix) and every option, at
    any depth, as in treaties; paragraphs outside them run on through the document."""


class SectionKind(Enum):
    """What a section folder is (``kind:`` in ``section.yaml``)."""

    PREAMBLE = "preamble"
    """The preamble: its paragraphs are preambular (PP)."""
    PART = "part"
    """A Part of a treaty ("PART II")."""
    CHAPTER = "chapter"
    """A chapter ("Chapter I")."""
    SECTION = "section"
    """A section of a Part or an annex ("Section 1")."""
    ARTICLE = "article"
    """An article, with a number ("54 ter") and maybe a title."""
    ANNEX = "annex"
    """An annex ("Annex I"), numbered on its own."""
    APPENDIX = "appendix"
    """An appendix, numbered on its own like an annex."""
    OPTIONS = "options"
    """An option block: its subfolders are the options (``kind: option``)."""
    OPTION = "option"
    """One option of an option block ("OPTION I", "Option 1"), numbered on its own."""
    HEADING = "heading"
    """Any other heading: an agenda item, a subsection, an unnumbered subheading."""

    @property
    def word(self) -> str:
        """The word printed before the number ("Article"); ``""`` for kinds without one."""
        return _KIND_WORDS.get(self, "")

    @property
    def restarts_numbering(self) -> bool:
        """True if paragraph numbers start again at 1 inside it under ``per-article``."""
        return self in (SectionKind.ARTICLE, SectionKind.ANNEX, SectionKind.APPENDIX, SectionKind.OPTION)


DIVISIONS: tuple[SectionKind, ...] = (
    SectionKind.PART,
    SectionKind.CHAPTER,
    SectionKind.SECTION,
    SectionKind.ANNEX,
    SectionKind.APPENDIX,
)
"""The numbered divisions of a treaty besides its articles: at a release they are renumbered
when one is inserted with bis (``rounds/divisions.py``), leave when every paragraph in them
is deleted, and redlines pair them across drafts by the paragraphs they hold, as articles."""

_KIND_WORDS = {
    SectionKind.PART: "PART",
    SectionKind.CHAPTER: "Chapter",
    SectionKind.SECTION: "Section",
    SectionKind.ARTICLE: "Article",
    SectionKind.ANNEX: "Annex",
    SectionKind.APPENDIX: "Appendix",
    SectionKind.OPTION: "Option",
}
_ROMAN_NUMBER = re.compile(r"^[IVXLC]+$")


def printed_heading(kind: SectionKind, number: str, title: str, bracketed: bool = False) -> str:
    """The heading printed for a section described by kind, number and title, one line each:
    ``Article 54 ter`` / ``Use of terms``; ``PART II`` / …; ``OPTION I`` (a Roman number
    prints the word in capitals) or ``Option 1``; ``[Article 8 bis]`` when bracketed."""
    word = kind.word
    if kind is SectionKind.OPTION and _ROMAN_NUMBER.match(number):
        word = word.upper()
    if number:
        label = f"{word} {number}".strip()
    elif kind in (SectionKind.ARTICLE, SectionKind.ANNEX, SectionKind.APPENDIX):
        label = word  # "Annex" for the only annex
    else:
        label = ""  # an unnumbered Part or option prints only its title
    if bracketed and label:
        label = f"[{label}]"
    return "\n".join(line for line in (label, title) if line)


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
class Masthead:
    """``masthead:`` in ``document.yaml``: what a UN document prints above its text, kept as
    metadata (written by ``zerodraft import``), never as paragraphs."""

    organ: str = ""
    """The organ as the masthead prints it ("United Nations General Assembly")."""
    symbol: str = ""
    """The document symbol as printed in the masthead ("A/RES/79/271")."""
    distribution: str = ""
    """"General", "Limited" (from "Distr.: General")."""
    date: str = ""
    """The date as printed ("4 March 2025"), kept as text."""
    job_number: str = ""
    """The job number at the foot of the first page ("25-03668 (E)")."""
    agenda_item: str = ""
    """"Agenda item 75 (c)", with the item's title when printed under it."""
    adopted: str = ""
    """"Resolution adopted by the General Assembly on 4 March 2025" and the line under it."""
    session: str = ""
    """"Seventy-ninth session"."""
    committee: str = ""
    """The Main Committee a draft is before ("First Committee")."""
    original: str = ""
    """The original language ("English", from "Original: English")."""
    number: str = ""
    """The resolution's or decision's number printed above its title ("79/271")."""
    sponsors: str = ""
    """Who puts a draft forward, as printed ("Australia and Belize: draft decision")."""

    def items(self) -> tuple[tuple[str, str], ...]:
        """The keys that are set, as ``(yaml key, value)`` in masthead order."""
        return tuple((key, getattr(self, attr)) for key, attr in MASTHEAD_KEYS if getattr(self, attr))


#: ``masthead:`` keys in ``document.yaml`` and the :class:`Masthead` fields they fill, in
#: the order a UN masthead prints them.
MASTHEAD_KEYS: tuple[tuple[str, str], ...] = (
    ("organ", "organ"),
    ("symbol", "symbol"),
    ("distribution", "distribution"),
    ("date", "date"),
    ("original", "original"),
    ("session", "session"),
    ("committee", "committee"),
    ("agenda-item", "agenda_item"),
    ("sponsors", "sponsors"),
    ("adopted", "adopted"),
    ("number", "number"),
    ("job-number", "job_number"),
)


@dataclass(frozen=True, slots=True)
class AsPrinted:
    """A slip of the source the import kept as printed (``as-printed:`` in document.yaml): a
    reference to a part the source does not have, or a bracket it never closes.  ``check``
    knows it, and reports any other problem of that paragraph as before."""

    paragraph: str
    """The id of the paragraph that holds it."""
    code: str
    """The problem it would be: ``ZD401`` (a bracket), ``ZD701`` or ``ZD703`` (a reference)."""
    what: str
    """The bracket (``"]"``) or the reference as printed (``"sections D, E, F, H and I"``)."""


#: The problems ``as-printed:`` may record.
AS_PRINTED_CODES = ("ZD401", "ZD701", "ZD703")


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
    masthead: Masthead = field(default_factory=lambda: Masthead())
    """The UN masthead above the text (symbol, distribution, date …), from ``masthead:``."""
    languages: Languages = field(default_factory=Languages)
    """The original language and the languages kept (``languages:``; docs/languages.md)."""
    as_printed: tuple[AsPrinted, ...] = ()
    """The source's own slips the import kept as printed (``as-printed:``; docs/import.md)."""


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


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def name_key(name: str) -> str:
    """How a name is compared: ``"  U.S.A. "`` → ``"usa"``, ``"St. Lucia"`` → ``"saint lucia"``,
    ``"Côte d’Ivoire"`` → ``"cote d'ivoire"``, ``"The Gambia"`` → ``"gambia"``."""
    text = unicodedata.normalize("NFKD", name).translate(_APOSTROPHES).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("&", " and ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:st|ste) ", "saint ", text)
    return text.removeprefix("the ")


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
                    index[name_key(written)] = delegation
        object.__setattr__(self, "_index", index)

    def find(self, name: str) -> Delegation | None:
        """The delegation written as ``name`` (its name, code or another name it is known by,
        in any case, with or without dots: "Iran", "U.K."), or ``None``."""
        return self._index.get(name_key(name))

    def name_of(self, written: str) -> str:
        """The roster's name for a delegation written as ``written`` ("Iran" → "Iran (Islamic
        Republic of)"), or ``written`` itself when it is not in the roster."""
        found = self.find(written)
        return found.name if found else written

    def for_login(self, login: str) -> tuple[Delegation, ...]:
        """The delegations a GitHub login speaks for (maybe several, maybe none)."""
        key = login.casefold()
        return tuple(d for d in self.delegations if key in (x.casefold() for x in d.logins))


DELEGATION_FIELDS = ("proposed-by", "supported-by", "opposed-by", "reservations")
"""The front-matter keys that name delegations (the attributions), in the order they are written."""


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

    def attributions(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``(front-matter key, delegations)`` for each of :data:`DELEGATION_FIELDS`, in that
        order, the empty ones included: ``(("proposed-by", ("Kenya",)), ("supported-by", ()), …)``."""
        return (
            ("proposed-by", self.proposed_by),
            ("supported-by", self.supported_by),
            ("opposed-by", self.opposed_by),
            ("reservations", self.reservations),
        )

    def delegations(self) -> tuple[str, ...]:
        """Every delegation named in the attributions, once each, in the order they appear."""
        return tuple(dict.fromkeys(name for _key, names in self.attributions() for name in names))

    def line_of(self, key: str) -> int:
        """The line of front-matter ``key`` (or of the front matter's start)."""
        return dict(self.field_lines).get(key, 2)

    @property
    def label(self) -> str:
        """The number as printed: ``18 bis``."""
        return self.number.label()


@dataclass(frozen=True, slots=True)
class Section:
    """A folder: the preamble, an agenda item, a Part, an article, an annex, an option block
    or one of its options, a subsection or an unnumbered subheading."""

    key: str
    """The folder name (``01-a-implementation``, ``054ter-article-54-ter``)."""
    path: str
    """The folder, relative to the repository root."""
    heading: str
    """The heading as printed ("A. Consideration of …"), one line per printed line
    ("Article 7\\nUse of terms"); empty for the preamble and untitled parts."""
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
    kind: SectionKind = SectionKind.HEADING
    """What the section is: preamble, part, article, annex, option block …"""
    number: str = ""
    """The number printed after the kind's word ("II", "54 ter"); empty when unnumbered."""
    title: str = ""
    """The title ("Use of terms"), which may hold brackets; empty when there is none."""
    bracketed: bool = False
    """True when the whole section is in square brackets as printed ("[Article 8 bis]")."""
    numbered: bool = True
    """False when its own paragraphs are printed without numbers (files named 001.md,
    002.md … by position)."""
    untitled: bool = False
    """True when printed without any heading (a resolution's operative part)."""
    restarts: bool = False
    """True when, under ``per-article``, its paragraphs are numbered from 1 on their own
    although its kind runs on (``restarts: true``: an annex's Sections numbered afresh)."""
    number_prefix: str = ""
    """The letters printed before each of its own paragraphs' numbers ("Pp": "Pp1", "Pp2" …),
    or ``""``; such a section numbers its paragraphs on its own, in every scheme."""

    @property
    def numbers_own(self) -> bool:
        """True if its paragraphs start again at 1 under ``per-article``: an article, annex,
        appendix or option, or a section marked ``restarts: true``."""
        return self.kind.restarts_numbering or self.restarts

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
    translations: Translations = field(default_factory=Translations)
    """Every language version of paragraphs and headings (``018.fr.md``, ``section.fr.yaml``)."""
    language: str = ""
    """The language the texts of this record are in: ``""`` for the original as read; a tag
    for the document as it reads in that language (:mod:`zerodraft.languages.version`)."""
    behind: Mapping[str, str] = field(default_factory=dict, compare=False)
    """In a language version, the paragraphs whose translation has not kept up with the original,
    by file: ``"missing"`` (no translation: the original's text is shown) or ``"stale"`` (a
    translation of an earlier text of the original); empty for the original."""
    _alternatives: dict[tuple[str, Number], tuple[Paragraph, ...]] = field(init=False, repr=False, compare=False)
    _folders: dict[str, Section] = field(init=False, repr=False, compare=False)
    _parents: dict[str, Section] = field(init=False, repr=False, compare=False)
    _unit_of: dict[str, str] = field(init=False, repr=False, compare=False)
    _units: tuple[tuple[Paragraph, ...], ...] = field(init=False, repr=False, compare=False)
    _unprinted: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, Number], tuple[Paragraph, ...]] = {}
        folders: dict[str, Section] = {}
        parents: dict[str, Section] = {}
        for section in self.walk():
            folders[section.path] = section
            for sub in section.subsections:
                parents[sub.path] = section
            for paragraph in section.paragraphs:
                if paragraph.number.is_alternative:
                    key = (section.path, paragraph.number.principal)
                    index[key] = (*index.get(key, ()), paragraph)
        object.__setattr__(self, "_alternatives", index)
        object.__setattr__(self, "_folders", folders)
        object.__setattr__(self, "_parents", parents)
        units: dict[str, list[Paragraph]] = {}
        unit_of: dict[str, str] = {}
        unprinted: set[str] = set()
        for section in self.sections:
            self._assign(section, "body", units, unit_of, unprinted, top=True)
        object.__setattr__(self, "_unit_of", unit_of)
        object.__setattr__(self, "_units", tuple(tuple(u) for u in units.values()))
        object.__setattr__(self, "_unprinted", frozenset(unprinted))

    def _assign(
        self,
        section: Section,
        unit: str,
        units: dict[str, list[Paragraph]],
        unit_of: dict[str, str],
        unprinted: set[str],
        *,
        top: bool = False,
    ) -> None:
        """Give each paragraph of ``section`` (and below) its numbering unit."""
        scheme = self.config.numbering
        if section.preamble and top:
            if scheme.paragraphs is not Scheme.CONTINUOUS or not scheme.preamble_numbered:
                unit = "preamble"
            if not scheme.preamble_numbered:
                unprinted.add(unit)
        elif _restarts(scheme.paragraphs, section, top) or section.number_prefix:
            unit = section.path
        own = unit
        if not section.numbered:
            own = section.path + "#unnumbered"
            unprinted.add(own)
        for paragraph in section.paragraphs:
            units.setdefault(own, []).append(paragraph)
            unit_of[paragraph.path] = own
        for sub in section.subsections:
            self._assign(sub, unit, units, unit_of, unprinted)

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

    def units(self) -> tuple[tuple[Paragraph, ...], ...]:
        """The numbering units: each is the paragraphs numbered in one sequence, in
        document order (alternatives and unnumbered ``5u`` paragraphs included).

        Continuous numbering: the preamble (if unnumbered) and everything else.
        Per-section: the preamble, then each top-level section on its own.
        Per-article: the preamble, each article, annex, appendix and option on its own (at
        any depth), and the paragraphs outside them together.
        A section with ``numbered: false`` is a unit of its own, numbered by position.
        """
        return self._units

    def same_unit(self, a: Paragraph, b: Paragraph) -> bool:
        """True if ``a`` and ``b`` are numbered in one sequence."""
        return self._unit_of.get(a.path) == self._unit_of.get(b.path)

    def section_at(self, folder: str) -> Section | None:
        """The section whose folder is ``folder``, or ``None``."""
        return self._folders.get(folder)

    def parent_of(self, section: Section) -> Section | None:
        """The section that holds ``section``; ``None`` for a top-level one."""
        return self._parents.get(section.path)

    def ancestors(self, section: Section) -> tuple[Section, ...]:
        """The sections from the top level down to ``section`` itself."""
        chain = [section]
        while (parent := self._parents.get(chain[-1].path)) is not None:
            chain.append(parent)
        return tuple(reversed(chain))

    def article_runs(self) -> tuple[tuple[Section, ...], ...]:
        """The articles numbered in one sequence (1, 2, 3 …): those of the document outside
        any annex, then those of each annex or appendix, each in document order.  Articles
        inside an option block are left out: each option may hold its own version of one."""
        runs: dict[str, list[Section]] = {}
        for section in self.walk():
            if section.kind is not SectionKind.ARTICLE:
                continue
            chain = self.ancestors(section)[:-1]
            if any(s.kind in (SectionKind.OPTION, SectionKind.OPTIONS) for s in chain):
                continue
            scope = next((s.path for s in reversed(chain) if s.kind in (SectionKind.ANNEX, SectionKind.APPENDIX)), "")
            runs.setdefault(scope, []).append(section)
        return tuple(tuple(run) for run in runs.values())

    def find(self, reference: str) -> Paragraph | None:
        """The paragraph with this stable id or current reference (``18bis``, ``18 bis``)."""
        for paragraph in self.paragraphs():
            if paragraph.id == reference or self.ref(paragraph) == reference.replace(" ", ""):
                return paragraph
        return None

    def section_of(self, paragraph: Paragraph) -> Section:
        """The section that holds ``paragraph``."""
        section = self._folders.get(paragraph.path.rsplit("/", 1)[0])
        if section is None:
            raise KeyError(paragraph.path)
        return section

    def article_of(self, paragraph: Paragraph) -> Section | None:
        """The innermost article holding ``paragraph``, or ``None`` outside articles."""
        chain = self.ancestors(self.section_of(paragraph))
        return next((s for s in reversed(chain) if s.kind is SectionKind.ARTICLE), None)

    def is_preambular(self, paragraph: Paragraph) -> bool:
        """True if the paragraph sits in the preamble."""
        return any(s.preamble and s.key == paragraph.section[0] for s in self.sections)

    def is_printed_numbered(self, paragraph: Paragraph) -> bool:
        """False when the paragraph is printed without a number: an unnumbered paragraph
        (``005u.md``), one in a ``numbered: false`` section or in a GA-style preamble."""
        return not paragraph.number.is_unnumbered and self._unit_of.get(paragraph.path) not in self._unprinted

    def printed_number(self, paragraph: Paragraph) -> str:
        """The number printed before the paragraph: ``18 bis``, or ``""`` where none is
        printed (GA-style preamble, unnumbered paragraphs and sections); ``Pp1`` in a section
        with a ``number-prefix``."""
        if not self.is_printed_numbered(paragraph):
            return ""
        return self.number_prefix(paragraph) + paragraph.label

    def number_prefix(self, paragraph: Paragraph) -> str:
        """The letters printed before the paragraph's number ("Pp"), or ``""``."""
        section = self._folders.get(paragraph.path.rsplit("/", 1)[0])
        return section.number_prefix if section is not None else ""

    def ref(self, paragraph: Paragraph) -> str:
        """A short reference unique in the document, used in anchors and commands.

        ``18bis`` (continuous), ``pp3`` (unnumbered preamble), ``article-4.2``
        (per-section: the top-level folder without its order prefix, then the number),
        ``7.2`` (per-article: article 7, paragraph 2), ``annex-I.3.2`` (article 3 of
        annex I), ``7.option-1.2``; a ``numbered: false`` section adds its folder name
        without the order prefix (``have-agreed.1``).
        """
        slug = paragraph.number.slug()
        if self.is_preambular(paragraph):
            return slug if self.config.numbering.preamble_numbered else f"pp{slug}"
        scheme = self.config.numbering.paragraphs
        tokens: list[str] = []
        section = self._folders.get(paragraph.path.rsplit("/", 1)[0])
        if scheme is Scheme.PER_SECTION:
            tokens.append(paragraph.section[0].split("-", 1)[-1])
            if section is not None:
                tokens.extend(_token(s) for s in self.ancestors(section)[1:] if s.kind in ANNEXED)
        elif scheme is Scheme.PER_ARTICLE and section is not None:
            tokens.extend(_token(s) for s in self.ancestors(section) if s.numbers_own)
        if section is not None and not section.numbered:
            tokens.append(section.key.split("-", 1)[-1])
        return ".".join((*tokens, slug))


#: The kinds that stand apart from the text they are annexed to and number their paragraphs
#: afresh under ``per-section`` as under ``per-article``: an annex, an appendix.
ANNEXED = (SectionKind.ANNEX, SectionKind.APPENDIX)


def _restarts(scheme: Scheme, section: Section, top: bool) -> bool:
    """True if paragraph numbers start again at 1 in ``section`` under ``scheme``."""
    if scheme is Scheme.PER_SECTION:
        # an annex inside a section (a decision's annex) numbers its paragraphs on its own too
        return top or section.kind in ANNEXED
    return scheme is Scheme.PER_ARTICLE and section.numbers_own


def _token(section: Section) -> str:
    """A section's part of a paragraph reference: ``7`` (article 7), ``annex-I``,
    ``option-1``; the folder name without its order prefix when it has no number."""
    if not section.number:
        return section.key.split("-", 1)[-1]
    number = section.number.replace(" ", "")
    if section.kind is SectionKind.ARTICLE:
        return number
    return f"{section.kind.value}-{number}"
