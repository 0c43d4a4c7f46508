"""The compiled draft: the document laid out once, in reading order, for every renderer.

:func:`lay_out` walks a :class:`~zerodraft.model.Document` and produces a
:class:`CompiledDraft`: the header line ("DRAFT 2, 2 July 2021"), the title, then headings
and paragraphs in order, each paragraph with its printed number, anchor, consensus label,
attribution, blocks (lead text, subparagraphs, alternatives) of inline :class:`Run`\\ s, and
its footnotes numbered through the whole document.  Renderers only format this.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from zerodraft import marks
from zerodraft.intake.identity import UNKNOWN, Origin
from zerodraft.languages import version
from zerodraft.model import Document, Paragraph, Problem, Section
from zerodraft.render.inline import Run, italicise_first_word, mark_footnotes, runs
from zerodraft.vocabulary import Label, Role

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_SUBPARAGRAPH = re.compile(
    r"^[ \t]*(?:[-*][ \t]+)?(?P<mark>\((?:[a-z]{1,2}|[ivxl]{1,6}|[1-9]\d{0,2})\))[ \t]+(?P<rest>.*)$"
)
_ALTERNATIVE = re.compile(
    r"^[ \t]*(?:\*\*)?(?P<mark>(?:Alt(?:ernative)?|Option|OPTION)[ \t]+(?:[0-9]+|[IVX]+|[A-Z])(?:[ \t]*:)?)(?:\*\*)?[ \t]*(?P<rest>.*)$"
)
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}


class BlockKind(Enum):
    """What a block of a paragraph is."""

    TEXT = "text"
    """Lead text or a continuation."""
    SUBPARAGRAPH = "subparagraph"
    """``(a) …`` (level 1) or ``(i) …`` (level 2)."""
    ALTERNATIVE = "alternative"
    """``Alt 1: …``, ``Option A: …``."""
    TABLE = "table"
    """A GitHub-style pipe table; its cells are in :attr:`Block.rows`."""


@dataclass(frozen=True, slots=True)
class Block:
    """One line-level part of a paragraph."""

    kind: BlockKind
    """Lead text, subparagraph or alternative."""
    level: int
    """0 for text, 1 for (a), 2 for (i)."""
    mark: str
    """``(a)``, ``Alt 1:``; empty for text."""
    runs: tuple[Run, ...]
    """The inline text (empty for a table)."""
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()
    """For a table, its rows of cells, the header row first; empty otherwise."""
    index: int = 0
    """For a subparagraph of a translation, the position its mark stands for (1 for "a)",
    "(أ)", "（一）" and for "i)"), so that every language gives it the same identifier; 0 where
    the mark is English and read as written."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, numbered through the document."""

    number: int
    """1, 2, 3 … in reading order."""
    runs: tuple[Run, ...]
    """Its text."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who stands behind or against a paragraph: ``("proposed by", ("European Union",))``."""

    verb: str
    """"proposed by", "supported by" or "opposed by" (renderers capitalise as they print)."""
    delegations: tuple[str, ...]
    """Delegation names as written in the roster."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading in reading order."""

    section: Section
    """The section it heads."""
    level: int
    """1 for an agenda item, 2 for a subsection, 3 below."""
    runs: tuple[Run, ...]
    """The heading text: its first printed line ("Article 7", "A. Consideration of …")."""
    anchor: str
    """HTML id: ``sec-01-a-implementation``."""
    title: tuple[Run, ...] = ()
    """The heading's further printed line, an article's or Part's title ("Use of terms");
    empty for a one-line heading."""

    def one_line(self, separator: str = " \u2014 ") -> tuple[Run, ...]:
        """The heading on one line, for tables of contents and Markdown headings:
        ``Article 7 — Use of terms``."""
        return (*self.runs, Run(separator), *self.title) if self.title else self.runs


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph as printed."""

    paragraph: Paragraph
    """The source record."""
    number: str
    """The number printed before it (``18 bis``), or ``""`` where the scheme prints none."""
    anchor: str
    """Stable HTML id from the reference: ``para-18bis``, ``para-pp3``."""
    preambular: bool
    """True in the preamble."""
    label: Label | None
    """The consensus label in force, or ``None`` if the status is unknown."""
    attributions: tuple[Attribution, ...]
    """Who proposed, supports, opposes or reserves."""
    blocks: tuple[Block, ...]
    """The text."""
    footnotes: tuple[Footnote, ...]
    """Footnotes defined in this paragraph, numbered through the document."""
    printed: str = ""
    """The number with its punctuation, as the document's language prints it: "18 bis." in
    English, "3 -" in Arabic, "三、" in Chinese; ``""`` where no number is printed."""
    behind: str = ""
    """In a language version, ``"missing"`` (the original's text is shown) or ``"stale"`` (a
    translation of an earlier text); ``""`` for a current translation and in the original."""
    behind_note: str = ""
    """What the reader is told about that, in the reader's language ("[traduction d'une
    version antérieure]"); ``""`` when nothing is behind."""
    text_language: str = ""
    """The language of the text where it is not the document's (``en`` for a paragraph shown
    in the original because it has no translation); ``""`` otherwise."""
    pending: str = "pending"
    """The word between "agreed ad ref" and the delegations still to confirm, in the document's language."""

    @property
    def role(self) -> Role | None:
        """What the label means."""
        return self.paragraph.role

    @property
    def display(self) -> str:
        """The label as printed ("agreed ad ref", "agreed ad ref pending Iran")."""
        if self.label is None:
            return self.paragraph.status or "no label"
        text = self.label.display
        if self.paragraph.reservations and self.label.role is Role.AGREED_AD_REF:
            text += f" {self.pending} " + ", ".join(self.paragraph.reservations)
        return text


Entry = Heading | Item


@dataclass(frozen=True, slots=True)
class MastheadLine:
    """One line of the UN masthead as printed above the text."""

    key: str
    """The ``masthead:`` key it comes from ("symbol", "distribution" …)."""
    text: str
    """The line as printed ("Distr.: General")."""


@dataclass(frozen=True, slots=True)
class PrintedMasthead:
    """The UN masthead as every format prints it (from ``masthead:`` in ``document.yaml``);
    all empty for a document without one."""

    organ: tuple[str, ...] = ()
    """The left column, a line each: ``United Nations`` over ``General Assembly``."""
    corner: tuple[MastheadLine, ...] = ()
    """The top right corner: the symbol, "Distr.: General", the date, "Original: English"."""
    lines: tuple[MastheadLine, ...] = ()
    """Under the corner, in order: session, committee, agenda item, sponsors, "Resolution
    adopted by …"."""
    number: str = ""
    """What is printed before the title, ``79/271.``; empty when there is none."""
    job_number: str = ""
    """The job number at the foot of the first page ("25-03668 (E)")."""
    date: dt.date | None = None
    """The corner's date as a date, when it is written as one ("4 March 2025")."""

    def __bool__(self) -> bool:
        return bool(self.organ or self.corner or self.lines)


def printed_masthead(document: Document) -> PrintedMasthead:
    """The masthead of ``document`` as printed (see :class:`PrintedMasthead`)."""
    return PrintedMasthead(
        _organ(document),
        _corner(document),
        _lines(document),
        _number(document),
        " ".join(document.config.masthead.job_number.split()),
        _date(document),
    )


def _organ(document: Document) -> tuple[str, ...]:
    """The organ as the masthead's left column prints it, one line each: ``United Nations``
    over ``General Assembly``; empty when ``masthead:`` names none."""
    organ = " ".join(document.config.masthead.organ.split())
    for lead in ("United Nations", "UNITED NATIONS"):
        if organ.startswith(lead + " "):
            return (lead, organ[len(lead) + 1 :])
    return (organ,) if organ else ()


def _corner(document: Document) -> tuple[MastheadLine, ...]:
    """The masthead's top right corner, as UN documents print it: the symbol, "Distr.:
    General", the date, "Original: English" (each only when ``masthead:`` has it)."""
    masthead = document.config.masthead
    lines = (
        MastheadLine("symbol", masthead.symbol),
        MastheadLine("distribution", f"Distr.: {masthead.distribution}" if masthead.distribution else ""),
        MastheadLine("date", masthead.date),
        MastheadLine("original", f"Original: {masthead.original}" if masthead.original else ""),
    )
    return tuple(replace(line, text=" ".join(line.text.split())) for line in lines if line.text.strip())


def _lines(document: Document) -> tuple[MastheadLine, ...]:
    """The masthead's lines under the corner, in the order printed: the session, the Main
    Committee, the agenda item, the sponsors, "Resolution adopted by the General Assembly
    on …"."""
    masthead = document.config.masthead
    lines = (
        MastheadLine("session", masthead.session),
        MastheadLine("committee", masthead.committee),
        MastheadLine("agenda-item", masthead.agenda_item),
        MastheadLine("sponsors", masthead.sponsors),
        MastheadLine("adopted", masthead.adopted),
    )
    return tuple(replace(line, text=" ".join(line.text.split())) for line in lines if line.text.strip())


def _date(document: Document) -> dt.date | None:
    """The masthead's date ("4 March 2025") as a date, or ``None`` when it is not written so."""
    words = document.config.masthead.date.split()
    if len(words) != 3 or words[1] not in MONTHS or not (words[0].isdigit() and words[2].isdigit()):
        return None
    try:
        return dt.date(int(words[2]), MONTHS.index(words[1]) + 1, int(words[0]))
    except ValueError:
        return None


def _number(document: Document) -> str:
    """What UN resolutions print before the title, ``79/271.``; ``""`` when there is none."""
    number = " ".join(document.config.masthead.number.split())
    return f"{number}." if number else ""


@dataclass(frozen=True, slots=True)
class CompiledDraft:
    """Everything a renderer prints, in order."""

    document: Document
    """The source document."""
    header: str
    """``DRAFT 2, 2 July 2021``."""
    note: tuple[Run, ...]
    """The header note."""
    title: tuple[Run, ...]
    """The title."""
    entries: tuple[Entry, ...]
    """Headings and paragraphs in reading order."""
    footnotes: tuple[Footnote, ...]
    """Every footnote, in number order."""
    problems: tuple[Problem, ...]
    """What ``zerodraft check`` found; shown at the top where a format can."""
    released: bool = True
    """False for an editor's copy: then :attr:`header` says so ("Editor's copy — not a
    released draft (after Draft 2, 3 changes)"), and no format prints the draft's date."""
    origin: Origin = UNKNOWN
    """The commit and tag it was read from, when known (the Word file records them)."""
    masthead: PrintedMasthead = PrintedMasthead()
    """The UN masthead printed above the text; empty (false) for a document without one."""

    def items(self) -> tuple[Item, ...]:
        """The paragraphs only."""
        return tuple(e for e in self.entries if isinstance(e, Item))


def date_text(document: Document) -> str:
    """``2 July 2021`` (English, whatever the machine's locale), or ``""``; in a language version,
    as that language writes dates ("2 juillet 2021", "2021年7月2日")."""
    date = document.config.draft_date
    if not date:
        return ""
    if version.declared(document):
        return version.date_text(document, date)
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def header_line(document: Document) -> str:
    """``DRAFT 2, 2 July 2021`` (the draft name in capitals, then the date; "PROJET 2, 2 juillet
    2021" in French)."""
    date = date_text(document)
    name = version.draft_name(document).upper()
    comma = version.rules(document).word("header-separator", ", ") if version.declared(document) else ", "
    return f"{name}{comma}{date}" if date else name


#: What the printed text says before each attribution's delegations (reservations are not printed).
_VERBS = {"proposed-by": "proposed by", "supported-by": "supported by", "opposed-by": "opposed by"}


def lay_out(
    document: Document, problems: Sequence[Problem] = (), header: str | None = None, origin: Origin = UNKNOWN
) -> CompiledDraft:
    """Lay the document out for printing; ``header`` replaces the draft's own header line
    for a text that is not a released draft (see :mod:`zerodraft.rounds.editors_copy`);
    ``origin`` is what it was read from, when known."""
    counter = _Counter()
    note = _inline_with_footnotes(document.config.header_note, counter)
    entries: list[Entry] = []
    for top in document.sections:
        _section(document, top, entries, counter)
    return CompiledDraft(
        document=document,
        header=header_line(document) if header is None else header,
        note=note,
        title=runs(mark_footnotes(document.config.title, {})),
        entries=_unique_anchors(entries),
        footnotes=tuple(counter.footnotes),
        problems=tuple(sorted(set(problems))),
        released=header is None,
        origin=origin,
        masthead=printed_masthead(document),
    )


def _unique_anchors(entries: list[Entry]) -> tuple[Entry, ...]:
    """The entries with anchors made unique: a draft with duplicate numbers (a check
    problem) still gets a page where every link goes somewhere (``para-18``, ``para-18-2``)."""
    seen: set[str] = set()
    out: list[Entry] = []
    for entry in entries:
        anchor = entry.anchor
        count = 1
        while anchor in seen:
            count += 1
            anchor = f"{entry.anchor}-{count}"
        seen.add(anchor)
        out.append(replace(entry, anchor=anchor) if anchor != entry.anchor else entry)
    return tuple(out)


class _Counter:
    """Numbers footnotes through the document, in reading order."""

    def __init__(self) -> None:
        self.footnotes: list[Footnote] = []

    def define(self, definitions: list[tuple[str, str]]) -> tuple[dict[str, int], tuple[Footnote, ...]]:
        """Number one paragraph's footnotes: ``({label: number}, footnotes)``."""
        numbers: dict[str, int] = {}
        made: list[Footnote] = []
        for label, text in definitions:
            note = Footnote(len(self.footnotes) + 1, runs(mark_footnotes(text, {})))
            numbers[label] = note.number
            self.footnotes.append(note)
            made.append(note)
        return numbers, tuple(made)


def _split_footnotes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text without footnote definition lines, and the definitions in reference order."""
    kept: list[str] = []
    definitions: dict[str, str] = {}
    for line in text.splitlines():
        match = _FOOTNOTE_DEF.match(line)
        if match:
            definitions.setdefault(match.group(1), match.group(2).strip())
        else:
            kept.append(line)
    body = "\n".join(kept).strip("\n")
    refs, _defs = marks.footnotes(body)
    ordered: list[tuple[str, str]] = []
    for label, _offset in refs:
        if label in definitions and all(label != seen for seen, _ in ordered):
            ordered.append((label, definitions[label]))
    return body, ordered


def _inline_with_footnotes(text: str, counter: _Counter) -> tuple[Run, ...]:
    body, definitions = _split_footnotes(text)
    numbers, _notes = counter.define(definitions)
    return runs(mark_footnotes(" ".join(body.split("\n")), numbers))


def _section(document: Document, section: Section, entries: list[Entry], counter: _Counter) -> None:
    # a heading may cite a footnote ("F. CAPACITY-BUILDING[^11]"), defined under it as a paragraph's are
    body, definitions = _split_footnotes(section.heading)
    numbers, _notes = counter.define(definitions)
    lines = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if lines:
        first = runs(mark_footnotes(lines[0], numbers))
        title = runs(mark_footnotes(" ".join(lines[1:]), numbers)) if len(lines) > 1 else ()
        entries.append(Heading(section, min(section.depth + 1, 3), first, f"sec-{_slug(section)}", title))
    for paragraph in section.paragraphs:
        entries.append(_item(document, section, paragraph, counter))
    for sub in section.subsections:
        _section(document, sub, entries, counter)


def _slug(section: Section) -> str:
    return section.path.split("/", 1)[-1].replace("/", "--")


def _item(document: Document, section: Section, paragraph: Paragraph, counter: _Counter) -> Item:
    body, definitions = _split_footnotes(paragraph.text)
    numbers, footnotes = counter.define(definitions)
    text_language = version.text_language(document, paragraph.path)
    # A translation's text carries its language's marks ("a)", "(أ)", "（一）"); the original's, English ones.
    own_marks = document.language and not text_language
    blocks = _blocks(mark_footnotes(body, numbers), version.rules(document).marks() if own_marks else None)
    preambular = section.preamble or document.is_preambular(paragraph)
    if preambular and not document.config.numbering.preamble_numbered and blocks:
        first = blocks[0]
        blocks = (Block(first.kind, first.level, first.mark, italicise_first_word(first.runs)), *blocks[1:])
    label = document.config.vocabulary.of(paragraph.role) if paragraph.role else None
    words = version.rules(document) if version.declared(document) else None
    attributions = tuple(
        Attribution(words.word(key, verb) if words else verb, names)
        for key, names in paragraph.attributions()
        if names and (verb := _VERBS.get(key))
    )
    number = document.printed_number(paragraph)
    printed = ""
    if number and section.number_prefix:
        printed = number  # "Pp1", as negotiating texts print a labelled paragraph: no full stop added
    elif number:
        printed = version.rules(document).paragraph_number(paragraph.number) if words else f"{number}."
    return Item(
        paragraph=paragraph,
        number=number,
        printed=printed,
        behind=document.behind.get(paragraph.path, ""),
        behind_note=version.behind_note(document, paragraph.path),
        text_language=text_language,
        pending=words.word("pending", "pending") if words else "pending",
        anchor="para-" + re.sub(r"[^A-Za-z0-9._-]", "-", document.ref(paragraph)),
        preambular=preambular,
        label=label,
        attributions=attributions,
        blocks=blocks,
        footnotes=footnotes,
    )


def _language_mark(
    line: str, marks: dict[str, tuple[tuple[int, int], ...]], previous: int
) -> tuple[int, int, str, str] | None:
    """A line opening with one of the language's subparagraph marks ("a)", "(أ)", "（一）"):
    ``(level, index, mark, rest)``, or ``None``.  A mark that is both a letter and a numeral
    (French "i)") is the letter where it follows the letter before it ("h)"), else the numeral."""
    stripped = line.lstrip(" \t")
    for size in range(min(8, len(stripped)), 0, -1):
        mark = stripped[:size]
        meanings = marks.get(mark)
        if meanings is None:
            continue
        rest = stripped[size:]
        if mark[-1].isascii() and rest[:1] not in ("", " ", "\t"):
            continue  # "a)b" opens no subparagraph; "（一）对" does (no space after a full-width mark)
        level, index = meanings[0]
        if len(meanings) > 1 and (1, previous + 1) not in meanings:
            level, index = next((m for m in meanings if m[0] == 2), meanings[0])
        elif len(meanings) > 1:
            level, index = 1, previous + 1
        return level, index, mark, rest.strip()
    return None


def _blocks(text: str, marks: dict[str, tuple[tuple[int, int], ...]] | None = None) -> tuple[Block, ...]:
    """Split a paragraph's text into lead text, subparagraphs and alternatives, one per
    line that starts with a mark; other lines continue the block before them, and a blank
    line starts a new text block.  ``marks`` are the subparagraph marks of a translation's
    language (:meth:`~zerodraft.languages.conventions.Conventions.marks`), tried before English ones."""
    blocks: list[tuple[BlockKind, int, str, list[str]]] = []
    positions: dict[int, int] = {}  # block → the position its language's mark stands for
    previous_letter = ""
    previous_index = 0
    lines = text.splitlines()
    tables = _tables(lines)
    for index, line in enumerate(lines):
        if index in tables:
            if tables[index]:
                blocks.append((BlockKind.TABLE, 0, "", tables[index]))
            continue
        if not line.strip():
            blocks.append((BlockKind.TEXT, 0, "", []))
            continue
        own = _language_mark(line, marks, previous_index) if marks else None
        sub = _SUBPARAGRAPH.match(line) if own is None else None
        alt = _ALTERNATIVE.match(line)
        if own:
            level, index, mark, rest = own
            if level == 1:
                previous_index = index
            positions[len(blocks)] = index
            blocks.append((BlockKind.SUBPARAGRAPH, level, mark, [rest]))
        elif sub:
            mark = sub.group("mark")
            inner = mark[1:-1]
            expected = chr(ord(previous_letter) + 1) if len(previous_letter) == 1 else "a"
            roman = inner in _ROMAN and inner != expected
            if inner.isdigit():  # (1), (2): numbered subparagraphs, letters restart under each
                previous_letter = ""
            elif not roman:
                previous_letter = inner
            blocks.append((BlockKind.SUBPARAGRAPH, 2 if roman else 1, mark, [sub.group("rest")]))
        elif alt:
            blocks.append((BlockKind.ALTERNATIVE, 0, alt.group("mark"), [alt.group("rest")]))
        elif blocks and blocks[-1][0] is not BlockKind.TABLE:
            blocks[-1][3].append(line.strip())
        else:
            blocks.append((BlockKind.TEXT, 0, "", [line.strip()]))
    return tuple(
        Block(
            kind, 0, "", (), tuple(tuple(runs(cell) for cell in _cells(row)) for row in lines if not _RULE.match(row))
        )
        if kind is BlockKind.TABLE
        else Block(kind, level, mark, runs(" ".join(lines)), index=positions.get(number, 0))
        for number, (kind, level, mark, lines) in enumerate(blocks)
        if lines or mark
    )


_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")


def _tables(lines: list[str]) -> dict[int, list[str]]:
    """The lines that make GitHub-style pipe tables: a header row, a rule row
    (``| --- | --- |``), then body rows.  Maps a table's first line to its rows and every
    other line of it to ``[]``."""
    found: dict[int, list[str]] = {}
    index = 0
    while index + 1 < len(lines):
        if _ROW.match(lines[index]) and _RULE.match(lines[index + 1]):
            end = index + 2
            while end < len(lines) and _ROW.match(lines[end]):
                end += 1
            found[index] = lines[index:end]
            for inner in range(index + 1, end):
                found[inner] = []
            index = end
        else:
            index += 1
    return found


def _cells(row: str) -> list[str]:
    """A table row's cells: split at ``|`` not escaped as ``\\|``, stripped."""
    inner = row.strip()[1:-1]
    cells = re.split(r"(?<!\\)\|", inner)
    return [cell.strip().replace("\\|", "|") for cell in cells]
