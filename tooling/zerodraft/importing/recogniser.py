"""Blocks into a tree: title, preamble, sections, paragraphs, footnotes.

One recogniser serves every source format.  It walks the blocks once, keeping the numbers
it expects next, and decides for each block what it is:

- a **paragraph start** — a number printed as the next in sequence ("18.", "18 bis.",
  or "1." right after an article heading, which switches to numbering per section);
- a **section heading** — "A. …" (the next letter), "I. …" (the next roman numeral),
  "Article 4 bis", "Part II", a numbered subsection "1. At the national level" (a number
  out of the paragraph sequence, short, without a full stop), or an unnumbered subheading
  (a run of lines after a finished paragraph, with no full stop, followed by a numbered
  paragraph or heading);
- a **continuation** of the paragraph or heading before it (``(a)`` and ``Option 1:`` lines
  on their own line);
- in an unnumbered preamble, a new paragraph at each line that starts with a participle
  ("Recalling", "Deeply concerned") after a line ending in a comma or semicolon.

What it cannot place becomes an unnumbered paragraph where it stood, reported as ``ZD601``
with its source line (a number out of sequence: ``ZD602``) — never dropped, never refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from zerodraft import numbering
from zerodraft.importing import apart, flattened, joining, masthead, options, runtogether, settling
from zerodraft.importing.blocks import Block, Kind, Stream
from zerodraft.importing.footnotes import Footnotes, escape
from zerodraft.importing.labels import (
    ARTICLE_RE,
    DECISION_RE,
    DELETED_RE,
    FINAL_ACT_RE,
    LABEL_ONLY_RE,
    LEADER_RE,
    LETTER_RE,
    MEETING_RE,
    MONTHS,
    NUMBERED_RE,
    OCR_ARTICLE_RE,
    OCR_DIGITS,
    OPERATIVE_RE,
    OPTION_LABEL_RE,
    PART_KINDS,
    PART_RE,
    PARTICIPLE_RE,
    PLACEHOLDER_RE,
    PREAMBLE_CHAPEAU_RE,
    RESOLUTION_RE,
    ROMAN_RE,
    ROMANS,
    SCANNED_ONE_RE,
    STATUS_RE,
    TERMINATED_RE,
    TRAILING_STATUS_RE,
    UNSTOPPED_RE,
    draft_name_and_date,
    heading_like,
)
from zerodraft.importing.tree import Guess, ImportedDocument, ImportedParagraph, ImportedSection, Recognition
from zerodraft.model import Problem
from zerodraft.numbering import Number

#: Heading kinds that open a top-level section, most general first.
TOP_KINDS = ("part", "article", "roman", "letter", "operative")
#: The structure of a treaty, outermost first: a heading of one of these kinds closes every
#: open section of its rank or below (an annex closes all but a decision; an article closes
#: the article before it, never its Part).
RANKS = {
    "decision": -1,
    "act": -1,
    "annex": 0,
    "appendix": 0,
    "part": 1,
    "chapter": 2,
    "section": 3,
    "subsection": 4,
    "article": 5,
    "resolution": 1,
}
#: Sections whose paragraphs are numbered afresh (per-article numbering).
UNITS = ("article", "annex", "appendix", "decision", "act", "resolution")
#: The instruments a conference adopts besides its treaty, each with its own annexes or
#: paragraphs: written as headings (``kind: heading``) that number their paragraphs on their
#: own (``restarts: true``); see docs/import.md.
INSTRUMENTS = ("act", "resolution")
#: How each heading kind is written in ``section.yaml``'s ``kind:``.
OUTPUT_KINDS = {
    "preamble": "preamble",
    "part": "part",
    "chapter": "chapter",
    "section": "section",
    "subsection": "section",
    "article": "article",
    "annex": "annex",
    "appendix": "appendix",
    "options": "options",
    "option": "option",
}
#: A title's line that ends on a word no title ends with ("Submission of disputes to a special
#: chamber of the" / "International Tribunal for the Law of the Sea"): the next line goes on with it.
UNFINISHED_TITLE_RE = re.compile(r"\s(?:the|of|and|or|for|to|in|on|by|with|from|a|an|its|their)$")
#: Words that start an article's text when a flattened source runs the title into it
#: ("Use of terms For the purposes of this Agreement:").
TEXT_START_RE = re.compile(
    r"^(?P<title>[A-Z][^.;:()\[\]]{2,120}?)\s(?P<rest>(?:The|This|These|Each|Every|Any|No|Nothing|For|In|With|Where|When|"
    r"Unless|Without|Notwithstanding|Except|Such|If|Upon|All)\s\S.*)$"
)


@dataclass(frozen=True, slots=True)
class _Heading:
    """A heading line as read: its kind, its label ("Article 4 bis"), number and the rest."""

    kind: str
    ordinal: str
    number: str = ""
    rest: str = ""
    bracketed: bool = False
    misread: str = ""
    """The number as a scan printed it ("3l"), when it was read as digits ("31")."""


#: The rule a UN document prints above a page's footnotes.
SEPARATOR_RE = re.compile(r"^_{5,}$")
#: "The General Assembly, recalling …": an organ's decision run into one paragraph.
ORGAN_RE = re.compile(r"^(?:The|Les?|La|El)\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,8},\s+[a-z]")


@dataclass
class _Para:
    """A paragraph being read (frozen into an ImportedParagraph at the end)."""

    number: Number | None
    """Its number; None in an unnumbered preamble."""
    lines: list[str]
    line: int
    hard: bool
    """True when its lines are whole paragraphs of the source (Word, Markdown), not wrapped lines."""
    status: str = "open"
    option: str = ""
    """The "Option 2:" label standing above it, if any."""
    unnumbered: bool = False
    """True for a paragraph printed without a number outside an unnumbered preamble."""


@dataclass
class _Section:
    """A section being read: ``kind`` is how its heading is labelled (letter, roman, number,
    article, part, plain, operative, preamble, or h1–h6 for a source's own heading levels)."""

    kind: str
    ordinal: str
    heading: list[str]
    line: int
    preamble: bool = False
    paragraphs: list[_Para] = field(default_factory=list)
    children: list[_Section] = field(default_factory=list)
    placeholder: str = ""
    number: str = ""
    """As printed after the label's word ("54 ter", "II")."""
    title: list[str] = field(default_factory=list)
    """The title's lines ("Use of terms"), read after the label."""
    bracketed: bool = False
    last: Number | None = None
    """The last paragraph number in this section, when it numbers its paragraphs afresh."""
    before: Number | None = None
    """For an option block: the last paragraph number before it, where each option starts again."""
    highest: Number | None = None
    """For an option block: the highest paragraph number its options reached so far."""
    restarts: bool = False
    """True for a Part, Chapter or Section inside an annex or article whose paragraphs start
    again at 1: it numbers them on its own, as an article does."""
    extent: str = ""
    """For an option block whose end was found otherwise than by the usual rule: how, for the report."""
    number_prefix: str = ""
    """For a labelled preamble ("Pp1", "PP.2" …): the label printed before each number."""


class _Recogniser:
    """The one pass over the blocks; see the module's docstring."""

    def __init__(self, stream: Stream, source: str) -> None:
        self.stream = stream
        self.blocks = flattened.split([b for b in stream.blocks if b.kind is not Kind.FOOTNOTE])
        if not stream.markup and runtogether.is_flattened(self.blocks):
            self.blocks, cuts = runtogether.split(flattened.headings(self.blocks))
            self.blocks, subparagraphs = runtogether.split_subparagraphs(self.blocks)
            if subparagraphs:
                stream = replace(
                    stream,
                    notes=(
                        *stream.notes,
                        f"{subparagraphs} subparagraphs run together in a line were cut apart at their labels",
                    ),
                )
            if cuts:
                stream = replace(
                    stream,
                    notes=(*stream.notes, f"{cuts} paragraphs run together in a line were cut apart at their numbers"),
                )
        self.footnotes = {b.label: b for b in stream.blocks if b.kind is Kind.FOOTNOTE}
        self.source = source
        self.problems: list[Problem] = []
        self.notes: list[str] = list(stream.notes)
        self.front: list[Block] = []
        self.header: Block | None = None
        self.top: list[_Section] = []
        self.stack: list[_Section] = []
        self.para: _Para | None = None
        self.heading_open = False
        self.started = False
        self.document_last: Number | None = None
        self.restarted = False
        self.guesses: list[Guess] = []
        self.preamble_numbered: bool | None = None
        self.preamble_heading = ""
        self.option = ""
        """An "Option 2:" label line waiting for the paragraph it introduces."""
        self.option_at = 0
        """The source line of that label."""
        self.contents: list[Block] = []
        """A table of contents' lines (dot leaders, page numbers), kept in the header note."""
        self.heading_line = -1
        """The line of the treaty heading whose title may follow."""
        self.at = 0
        """The index of the block being read."""
        self.article_last = 0
        """The number of the last article read (0 before the first, and in a new annex)."""
        self.spanning: options.Spanning | None = None
        """An open block "[Option 1:" … "Option N: …]" whose options hold paragraphs numbered on."""
        wrapped = [b for b in self.blocks if b.kind is Kind.LINE and not self.is_start(b.text)]
        self.double_spaced = sum(b.gap for b in wrapped) > 0.6 * len(wrapped)
        widths = sorted(len(b.text) for b in self.blocks if b.kind is Kind.LINE)
        self.width = widths[len(widths) * 9 // 10] if widths else 80
        """The length of a full line: wrapped lines are about this long, headings shorter."""

    @property
    def last(self) -> Number | None:
        """The last paragraph number where numbering runs: the innermost article, annex or
        decision (numbered afresh), else the whole document."""
        unit = self.unit()
        return unit.last if unit is not None else self.document_last

    @last.setter
    def last(self, number: Number | None) -> None:
        unit = self.unit()
        if unit is not None:
            unit.last = number
        else:
            self.document_last = number

    def unit(self) -> _Section | None:
        return next((s for s in reversed(self.stack) if s.kind in UNITS or s.restarts or s.number_prefix), None)

    def guess(self, block: Block, what: str) -> None:
        self.guesses.append(Guess(block.line, what, block.text[:80]))

    # ---- driving
    def run(self) -> Recognition:
        index = 0
        while index < len(self.blocks):
            index = self.step(index)
            if self.spanning is not None and index > self.spanning.end:
                self.close_spanning()
        return self.result()

    def step(self, index: int) -> int:
        self.at = index
        block = self.blocks[index]
        text = block.text
        if block.kind is Kind.HEADER:
            self.header = block
            return index + 1
        if block.kind is Kind.CONTENTS and self.started and any(s.paragraphs for s in self.all_sections()):
            return self.contents_here(index)
        if block.kind is Kind.CONTENTS:
            self.contents.append(block)
            return index + 1
        if not self.started:
            if PREAMBLE_CHAPEAU_RE.match(text) and PARTICIPLE_RE.match(self.peek_text(index)):
                self.started = True
                self.preamble_numbered = False
                self.preamble_heading = text
                self.open_preamble(block)
                return index + 1
            if ORGAN_RE.match(text) and self.front:
                # "The General Assembly, recalling …": a decision in one unnumbered paragraph
                self.started = True
                self.open_section("body", "", "", block)
                self.stack[-1].heading = []
                self.new_paragraph(None, text, block, unnumbered=True)
                return index + 1
            if not self.starts_draft(block):
                self.front.append(block)
                return index + 1
            self.started = True
        if block.gap or block.kind is not Kind.LINE:
            self.heading_open = False
        if self.spanning is not None and index in self.spanning.labels:
            return self.next_spanning_option(index)
        if block.kind is Kind.HEADING:
            return self.heading_block(index)
        if (
            LABEL_ONLY_RE.match(text)
            and index + 1 < len(self.blocks)
            and joining.starts_own_line(self.peek_text(index))
        ):
            # "V." above "(a)": the heading's label printed apart from its title, never a title "(a)"
            found = self.label_alone(text)
            if found is not None:
                moved = 0
                if self.para is not None and not self.para.hard:
                    # its subparagraphs, printed under the label, are the open paragraph's
                    following = [b.text for b in self.blocks[index : index + 200]]
                    moved = apart.chapeau_subparagraphs(self.para.lines, following)
                    self.para.lines.extend(following[1 : 1 + moved])
                self.open_heading(found, text, block)
                return index + 1 + moved
        elif LABEL_ONLY_RE.match(text) and index + 1 < len(self.blocks):
            # "C." on a line of its own, its heading on the next (Word's numbering via pdftotext)
            merged = f"{text} {self.blocks[index + 1].text}"
            found = self.section_heading(merged)
            if found is not None:
                self.open_heading(found, merged, block)
                return index + 2
        if block.kind is not Kind.PARAGRAPH and self.option_line(text, block):
            return index + 1
        heading = self.section_heading(text)
        if heading is not None:
            self.open_heading(heading, text, block)
            return self.act_title(index) if heading.kind == "act" else index + 1
        if self.preambular_chapeau(index):
            return index + 1
        if MEETING_RE.match(text) and self.para is not None and self.finished(self.para):
            # "95th plenary meeting" / "1 August 2023" under a GA resolution's last paragraph
            self.guess(
                block,
                "the meeting that adopted the text, printed under its last paragraph: imported as an "
                "unnumbered paragraph of its own",
            )
            self.new_paragraph(None, text, block, unnumbered=True)
            return index + 1
        unit = self.unit()
        if (
            SCANNED_ONE_RE.match(text)
            and unit is not None
            and unit.kind in ("article", "resolution")
            and unit.last is None
        ):
            # "l. The instrument …" as an article's first paragraph: its digit scanned as the letter l
            self.guess(block, f"'l.' read as paragraph 1 of {unit.ordinal}: the letter l scanned for the digit 1")
            block = replace(block, text="1" + text[1:])
            text = block.text
        numbered = NUMBERED_RE.match(text)
        if numbered and self.numbered(block, numbered, self.stands_alone(index)):
            return index + 1
        if self.unstopped_number(index):
            return index + 1
        if self.unlabelled_in_preamble(block):
            return index + 1
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if self.title_wanted(block) and self.takes_title(text, block, after):
            return index + 1
        if self.heading_open and block.kind is Kind.LINE and self.stack and self.continues_heading(text):
            self.stack[-1].heading.append(text)
            return index + 1
        if OPTION_LABEL_RE.match(text) and self.para is not None and _bare(self.para):
            # "34." then "[Option 1:": the option's label starts paragraph 34's text
            self.continue_paragraph(text, block)
            return index + 1
        if OPTION_LABEL_RE.match(text) and self.open_spanning(index):
            return index + 1
        if OPTION_LABEL_RE.match(text):
            self.option = text
            self.option_at = block.line
            self.para = None
            return index + 1
        if self.para is not None and STATUS_RE.match(text):
            self.para.status = "agreed-ad-ref"
            self.para.lines.append(text)
            return index + 1
        if self.para is None and self.stack and not self.stack[-1].paragraphs and PLACEHOLDER_RE.match(text):
            self.stack[-1].placeholder = text
            return index + 1
        if self.para is not None and joining.starts_own_line(text):
            self.continue_paragraph(text, block)
            return index + 1
        if (self.para is None or self.finished(self.para)) and not self.in_treaty_unit():
            end = self.heading_run(index)
            if end is not None and not self.in_unnumbered_preamble():
                lines = [b.text for b in self.blocks[index:end]]
                self.open_section("plain", "", joining.join(lines, self.stream.words), block)
                return end
        if self.in_unnumbered_preamble() and self.starts_preamble_paragraph(text):
            self.new_paragraph(None, text, block)
            return index + 1
        if self.para is not None and self.instrument_recital(self.para, block):
            self.guess(
                block, f"a recital or decision {self.where()}, printed without a number: an unnumbered paragraph"
            )
            self.new_paragraph(None, text, block, unnumbered=True)
            return index + 1
        if self.para is not None and self.new_recital(self.para, block):
            # "…,]" then "[Recalling …": a bracketed recital of a negotiating text's preamble
            self.guess(block, f"a bracketed recital in {self.where()}: imported as an unnumbered paragraph")
            self.new_paragraph(None, text, block, unnumbered=True)
            return index + 1
        if self.para is not None and self.new_operative(self.para, block):
            # "…; Requests the SBSTA …": a decision's next paragraph, printed without a number
            self.guess(
                block, f"a paragraph printed without a number in {self.where()}: imported as an unnumbered paragraph"
            )
            self.new_paragraph(None, text, block, unnumbered=True)
            return index + 1
        if self.para is not None and not self.ends_unnumbered(self.para, block):
            self.continue_paragraph(text, block)
            return index + 1
        where = self.where()
        if self.stack and self.stack[-1].kind in RANKS:
            self.guess(block, f"text printed without a number {where}: imported as an unnumbered paragraph")
        else:
            what = f"text the import could not place {where}: imported as an unnumbered paragraph"
            self.guess(block, what)
            self.problem(
                block,
                "ZD601",
                f"{what} where it stood: {block.text[:60]!r}; compare it with the source, then join it to the "
                "paragraph it belongs to, or delete that file if these are not the Chair's words (a stray header)",
            )
        self.new_paragraph(None, text, block, unnumbered=True)
        return index + 1

    def contents_here(self, index: int) -> int:
        """A table of contents printed inside the document (a Final Act's list of its annexes
        and resolutions): a pipe table in an unnumbered paragraph where it stood."""
        end = index
        while end < len(self.blocks) and self.blocks[end].kind is Kind.CONTENTS:
            end += 1
        table = contents_table(list(self.blocks[index:end]))
        first, last = self.blocks[index], self.blocks[end - 1]
        self.guess(
            first,
            f"a table of contents (lines {first.line}–{last.line}) {self.where()}: kept as a table, an unnumbered "
            "paragraph where it stood",
        )
        self.new_paragraph(None, table, first, unnumbered=True)
        self.para = None
        return end

    def act_title(self, index: int) -> int:
        """The lines that continue a Final Act's heading in lower case ("Final Act of the Third
        United Nations Conference on" / "the Law of the Sea (excerpts)"): one title, wrapped."""
        section = self.stack[-1]
        end = index + 1
        while end < len(self.blocks):
            block = self.blocks[end]
            if block.kind is not Kind.LINE or block.gap or not block.text[:1].islower():
                break
            if TERMINATED_RE.search(block.text) or len(block.text) > 0.8 * self.width:
                break
            section.heading[0] = f"{section.heading[0]} {block.text}"
            end += 1
        return end

    def instrument_recital(self, para: _Para, block: Block) -> bool:
        """In a resolution (or an annex, appendix or Final Act) whose text opens with its
        author ("The Third United Nations Conference on the Law of the Sea,"), a line opening
        with a participle ("Having adopted …", "Bearing in mind …") or an operative verb
        ("Decides as follows:", "Recognizes that …") after a line that ends a clause (",", ";",
        ":", "; and") starts its next paragraph, printed without a number as a resolution
        prints its recitals and decisions."""
        if not para.unnumbered or para.hard or block.kind is not Kind.LINE:
            return False
        unit = self.unit()
        if unit is None or unit.kind not in ("annex", "appendix", *INSTRUMENTS) or unit is not self.stack[-1]:
            return False
        if not unit.paragraphs:
            return False
        if not PREAMBLE_CHAPEAU_RE.match(unit.paragraphs[0].lines[0]):
            return False
        if not (PARTICIPLE_RE.match(block.text) or OPERATIVE_RE.match(block.text)):
            return False
        return bool(re.search(r"[,;:](?:\s+(?:and|or))?$", para.lines[-1]))

    def unstopped_number(self, index: int) -> bool:
        """ "1 Coastal States shall …": a paragraph number printed without its full stop,
        read as the number only where everything says so — it is the number expected next in
        an article (or annex) that numbers its paragraphs, at the start of a paragraph (right
        after the heading, or after a finished paragraph), the word after it is capitalised
        and no month ("1 January 1983"), and the next number ("2.") is printed, with its full
        stop, before the next heading.  A guess, reported."""
        block = self.blocks[index]
        match = UNSTOPPED_RE.match(block.text)
        if match is None or block.kind is not Kind.LINE:
            return False
        unit = self.unit()
        if unit is None or unit.kind == "decision":
            return False
        if match.group("rest").split()[0].lower() in MONTHS:
            return False
        number = Number(int(match.group("base")))
        if number not in self.expected_numbers() or (self.para is not None and not self.finished(self.para)):
            return False
        if self.para is None and unit.paragraphs:
            return False
        if not any(
            (found := NUMBERED_RE.match(b.text)) is not None and found.group("base") == str(number.base + 1)
            for b in self.blocks[index + 1 : self.next_heading(index)]
        ):
            return False
        self.guess(
            block,
            f"'{match.group('base')}' read as the number of paragraph {number.label()} {self.where()}: printed "
            "without its full stop, where that number was expected and the next one follows",
        )
        self.new_paragraph(number, f"{match.group('base')}. {match.group('rest')}", block)
        return True

    def next_heading(self, index: int) -> int:
        """The index of the next treaty heading (an article, Part, annex …) after ``index``."""
        end = index + 1
        while end < len(self.blocks) and not (
            ARTICLE_RE.match(self.blocks[end].text) or PART_RE.match(self.blocks[end].text)
        ):
            end += 1
        return end

    def new_recital(self, para: _Para, block: Block) -> bool:
        """In text printed without numbers, a line opening a bracket with a participle
        ("[Recalling …", "[Option (a): Recognizing …") after a line that closes one ("…,]")
        starts the next recital: negotiating texts bracket each preambular paragraph."""
        if not para.unnumbered or para.hard or block.kind is not Kind.LINE:
            return False
        opening = re.match(r"^\[+(?:Option\s+\([a-z]\):\s*)?(?P<rest>\S.*)$", block.text)
        if opening is None or not PARTICIPLE_RE.match(opening.group("rest")):
            return False
        return bool(re.search(r"[,;.:]?\s*\]+$", para.lines[-1]))

    def new_operative(self, para: _Para, block: Block) -> bool:
        """A line opening with an operative verb ("Requests", "Also decides") after a line
        that ends a clause (";", ".", ";]") starts a decision's next paragraph: after a
        semicolon a sentence goes on in lower case, and these verbs never start a wrapped line
        of a paragraph's own sentence with a capital."""
        if para.hard or _bare(para) or self.in_unnumbered_preamble() or not OPERATIVE_RE.match(block.text):
            return False
        own = self.stack[-1].paragraphs if self.stack else []
        if len(own) >= 2 and own[-1] is para and _bare(own[-2]):
            return False  # the text of numbers printed apart from it ("83." "84."), shared out later
        first = NUMBERED_RE.match(para.lines[0]) if para.number is not None and len(para.lines) > 1 else None
        if first is not None and not first.group("rest") and apart.lettered(para.lines[1]):
            return False  # "85." then "(b)": subparagraphs of the paragraph before; its text follows
        return bool(re.search(r"[.;][\])]*$", para.lines[-1]))

    def ends_unnumbered(self, para: _Para, block: Block) -> bool:
        """An unnumbered paragraph ends where the source starts a new one: a new Word or
        Markdown paragraph, or (plain text) a blank line after a finished sentence."""
        if not para.unnumbered:
            return False
        if para.hard:
            return block.kind is not Kind.LINE
        return block.gap and not self.double_spaced and self.finished(para)

    def where(self) -> str:
        """Where the reading is, for the report, as the page prints it: "under the heading
        'A. Scope'", "under the heading 'Article 4'", "in the preamble"."""
        for section in reversed(self.stack):
            if section.heading and section.heading[0]:
                return f"under the heading '{section.heading[0][:60]}'"
            if section.preamble:
                return "in the preamble"
            if section.ordinal:
                return f"in {section.ordinal}"
        return "before the first heading"

    def in_treaty_unit(self) -> bool:
        """Inside an article (or a Part, annex … of a treaty), where a short line without a
        full stop is an unnumbered paragraph, never a subheading of its own."""
        return bool(self.stack) and self.stack[-1].kind in RANKS and self.stack[-1].kind != "decision"

    def title_wanted(self, block: Block) -> bool:
        """True right after a treaty heading ("Article 4", "PART II") or its title's first
        line, where the next line may be (part of) its title."""
        if not self.stack or self.para is not None or block.kind is Kind.CONTENTS:
            return False
        section = self.stack[-1]
        return (
            section.kind in RANKS and not section.paragraphs and not section.children and self.heading_open_for(section)
        )

    def heading_open_for(self, section: _Section) -> bool:
        return section.line == self.heading_line

    def takes_title(self, text: str, block: Block, following: Block | None = None) -> bool:
        """Read ``text`` as the open heading's title (or its continuation); False if it is not.

        A title's first line is short, or — an article's title that wraps — up to a full line
        when ``following`` continues it in lower case and ends short, without a full stop
        ("Responsibility of the flag State for damage caused by a warship" / "or other
        government ship operated for non-commercial purposes")."""
        section = self.stack[-1]
        if len(section.title) >= 4 or self.is_start(text) or PREAMBLE_CHAPEAU_RE.match(text):
            return False  # "The Third United Nations Conference on the Law of the Sea,": its author, never a title
        if section.title:
            last = section.title[-1]
            caps = last.upper() == last and text.upper() == text and any(c.isalpha() for c in text)
            on_label_line = len(section.heading) == 1
            wraps = text[:1].islower() and not on_label_line
            if TERMINATED_RE.search(last) or not (caps or wraps or UNFINISHED_TITLE_RE.search(last)):
                return False
            section.title.append(text)
            section.heading.append(text)
            return True
        if not text[:1].isupper() and text[:1] not in '[“"(':
            return False
        if self.title_runs_on():
            return False
        if not TERMINATED_RE.search(text) and (
            len(text) <= max(0.8 * self.width, 60)
            or self.title_wraps(section, text, following)
            or self.title_above_first(section, text, following)
            or self.title_as_the_others(section, text, following)
        ):
            section.title.append(text)
            section.heading.append(text)
            return True
        split = TEXT_START_RE.match(text)
        if split and section.kind == "article" and len(split.group("title").split()) <= 12:
            # a flattened source ran the title into the text: "Use of terms For the purposes …"
            section.title.append(split.group("title"))
            section.heading.append(split.group("title"))
            self.guess(block, f"{section.ordinal}: title '{split.group('title')}' read from the start of its text")
            self.heading_line = -1
            self.new_paragraph(None, split.group("rest"), block, unnumbered=True)
            return True
        return False

    def title_wraps(self, section: _Section, text: str, following: Block | None) -> bool:
        """An article's title on two lines: a first line up to a full line's length, then a
        short line in lower case that does not end a sentence, then the text."""
        if section.kind != "article" or following is None or following.kind is not Kind.LINE or following.gap:
            return False
        rest = following.text
        return (
            len(text) <= 1.1 * self.width
            and rest[:1].islower()
            and len(rest) < 0.8 * self.width
            and not TERMINATED_RE.search(rest)
        )

    def title_as_the_others(self, section: _Section, text: str, following: Block | None) -> bool:
        """In a treaty whose articles have titles (three in four of the ten or more read so far),
        a line up to a full line long that ends no sentence, and on no word a title cannot end
        with, above a line that starts with a capital, is the article's title: "Application of
        this section to disputes submitted pursuant to Part XI" / "This section applies …"."""
        if section.kind != "article" or following is None or following.kind is not Kind.LINE:
            return False
        if not following.text[:1].isupper() or len(text) > 1.1 * self.width:
            return False
        if UNFINISHED_TITLE_RE.search(text) or text.endswith((",", "-", "–")):
            return False
        articles = [s for s in self.all_sections() if s.kind == "article" and s is not section]
        return len(articles) >= 10 and sum(1 for s in articles if s.title) >= 0.75 * len(articles)

    def title_runs_on(self) -> bool:
        """Whether the line being read, where a title may stand, goes on in lower case for four
        lines or more: a title is at most four lines, so it is the text's first line (UNCLOS
        Annex II, article 5: "Unless the Commission decides otherwise, the Commission shall" /
        "function by way of sub-commissions …")."""
        run = 0
        for block in self.blocks[self.at + 1 : self.at + 5]:
            if block.kind is not Kind.LINE or block.gap or not block.text[:1].islower():
                break
            if SCANNED_ONE_RE.match(block.text):
                break  # "l. The instrument …": paragraph 1, its digit scanned as a letter
            run += 1
        return run >= 4

    def title_above_first(self, section: _Section, text: str, following: Block | None) -> bool:
        """An article's title up to a full line long ("Laws and regulations of the coastal State
        relating to innocent passage"), which ends no sentence, right above its paragraph 1
        ("1. The coastal State may …", or "1 Coastal States …" printed without the full stop)."""
        if section.kind != "article" or following is None or following.kind is not Kind.LINE:
            return False
        first = NUMBERED_RE.match(following.text) or UNSTOPPED_RE.match(following.text)
        return first is not None and first.group("base") == "1" and len(text) <= 1.1 * self.width

    # ---- deciding
    def starts_draft(self, block: Block) -> bool:
        text = block.text
        if block.kind is Kind.HEADING and self.section_heading(text) is not None:
            return True
        if block.kind is Kind.HEADING and block.level >= 2 and any(b.kind is Kind.HEADING for b in self.front):
            return True  # a Markdown or Word subheading under the title's heading
        numbered = NUMBERED_RE.match(text)
        if numbered and numbered.group("base") == "1":
            return True
        found = self.section_heading(text)
        if found is not None and found.kind in RANKS:
            return True
        if text in ("A.", "I."):  # the first heading's label on a line of its own
            return True
        for regex, first in ((LETTER_RE, "A"), (ROMAN_RE, "I")):
            match = regex.match(text)
            if match and match.group("n") == first and heading_like(match.group("rest")):
                return True
        if PARTICIPLE_RE.match(text) and any(not TERMINATED_RE.search(b.text) for b in self.front):
            # a participle after a title: an unnumbered preamble begins
            self.preamble_numbered = False
            self.open_preamble(block)
            return True
        return False

    def peek_text(self, index: int) -> str:
        return self.blocks[index + 1].text if index + 1 < len(self.blocks) else ""

    def section_heading(self, text: str) -> _Heading | None:
        match = ARTICLE_RE.match(text)
        if (
            match
            and bool(match.group("open")) == bool(match.group("close"))
            and (
                self.next_article(match.group("n"))
                or self.skipped_article(match.group("n"), match.group("rest") or match.group("paren") or "")
            )
        ):
            number = match.group("n") + (f" {match.group('suffix')}" if match.group("suffix") else "")
            rest = match.group("rest") or match.group("paren") or ""
            return _Heading("article", f"Article {number}", number, rest, bool(match.group("open")))
        match = OCR_ARTICLE_RE.match(text)
        if match and int(match.group("n").translate(OCR_DIGITS)) == self.article_last + 1:
            number = match.group("n").translate(OCR_DIGITS)  # "Article 3l" after Article 30
            return _Heading("article", f"Article {number}", number, misread=match.group("n"))
        match = PART_RE.match(text)
        if match and bool(match.group("open")) == bool(match.group("close")):
            kind = PART_KINDS[match.group("word").lower()]
            number = match.group("n") or ""
            if not number and kind not in ("annex", "appendix"):
                return None
            if not number and match.group("rest"):
                return None
            if not number and text.endswith(".") and self.para is not None and not self.finished(self.para):
                return None  # "… required by articles 4 and 5 of this" / "Annex.": the sentence goes on
            rest = match.group("rest") or ""
            if rest and not heading_like(rest, strict=False):
                return None
            label = f"{match.group('word').capitalize()} {number}".strip()
            return _Heading(kind, label, number, rest, bool(match.group("open")))
        match = DECISION_RE.match(text)
        if match:
            return _Heading("decision", f"Decision {match.group('n')}", match.group("n"), "")
        instrument = self.instrument_heading(text)
        if instrument is not None:
            return instrument
        match = LETTER_RE.match(text)
        if match and self.letter_follows(match.group("n"), match.group("rest")):
            return _Heading("letter", match.group("n"))
        match = ROMAN_RE.match(text)
        if match and match.group("n") == self.expected("roman") and heading_like(match.group("rest"), strict=False):
            return _Heading("roman", match.group("n"))
        return None

    def instrument_heading(self, text: str) -> _Heading | None:
        """ "Final Act of the Third United Nations Conference on" after a finished paragraph,
        or "RESOLUTION II" alone on its line as the next resolution (I, II … or 1, 2 … among
        its siblings): an instrument the conference adopted with its treaty."""
        match = RESOLUTION_RE.match(text)
        if match:
            siblings = [s.number for s in self.siblings("resolution") if s.kind == "resolution"]
            last = siblings[-1] if siblings else ""
            if not last:
                wanted = {"I", "1"}
            elif last.isdigit():
                wanted = {str(int(last) + 1)}
            else:
                wanted = {ROMANS[ROMANS.index(last) + 1]} if last in ROMANS[:-1] else set()
            if match.group("n") in wanted:
                return _Heading("resolution", f"Resolution {match.group('n')}", match.group("n"))
        if (
            FINAL_ACT_RE.match(text)
            and heading_like(text)
            and len(text) <= self.width
            and (self.para is None or self.finished(self.para))
        ):
            return _Heading("act", "Final Act")
        return None

    def letter_follows(self, letter: str, rest: str) -> bool:
        """Whether "G. [Finance" is the next lettered heading: the letter expected, or one or two
        letters on (a negotiating text whose section F was dropped or merged) when the rest is
        a short heading, not a sentence."""
        expected = self.expected("letter")
        if letter == expected:
            return heading_like(rest, strict=False)
        skipped = len(expected) == 1 and 0 < ord(letter) - ord(expected) <= 2 and self.has_sections("letter")
        return skipped and heading_like(rest) and len(rest) <= 100

    def has_sections(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.all_sections())

    def label_alone(self, text: str) -> _Heading | None:
        """A heading's letter or roman numeral alone on its line ("V."), when it is the next
        one expected; its title, printed elsewhere, is not guessed."""
        label = text.rstrip(".")
        kinds = (
            ("letter", "roman")
            if self.has_sections("letter") and not self.has_sections("roman")
            else ("roman", "letter")
        )
        for kind in kinds:
            if label == self.expected(kind):
                return _Heading(kind, label)
        return None

    def next_article(self, number: str) -> bool:
        """Articles run 1, 2, 3 … (again from 1 in each annex or decision): "Article 4" out of
        that sequence is a reference that a line happens to start with, not a heading."""
        if not number.isdigit():
            return True
        value = int(number)
        return value in (self.article_last, self.article_last + 1) or (value == 1)

    def skipped_article(self, number: str, rest: str) -> bool:
        """ "Article 32" alone on its line after a finished Article 30: the source leaves out
        an article (a copy that lost one); read as the heading it is, and reported, so that
        check names the gap ("Article 31 missing") instead of the text running on."""
        return (
            number.isdigit()
            and int(number) == self.article_last + 2
            and not rest
            and self.article_last > 0
            and (self.para is None or self.finished(self.para))
        )

    def open_heading(self, heading: _Heading, text: str, block: Block) -> None:
        self.open_heading_only(heading, text, block)
        label = options.parse(text.split(" ", 1)[1]) if heading.kind in ("letter", "roman") and " " in text else None
        if label is not None and options.first(label.number):
            # "G. [ Option I: Finance": the part holds an option block; its first option prints no heading
            self.open_options(label, block, printed=False)

    def open_heading_only(self, heading: _Heading, text: str, block: Block) -> None:
        if heading.kind == "article" and heading.number.split()[0].isdigit():
            if int(heading.number.split()[0]) == self.article_last + 2 and self.article_last:
                self.guess(
                    block,
                    f"{heading.ordinal} where Article {self.article_last + 1} was expected: read as a heading; the "
                    "source has no "
                    f"Article {self.article_last + 1} (compare with the printed text)",
                )
            self.article_last = int(heading.number.split()[0])
        elif heading.kind in ("annex", "appendix", "decision", *INSTRUMENTS):
            self.article_last = 0
        self.open_section(heading.kind, heading.ordinal, text, block)
        if heading.misread:
            self.guess(
                block,
                f"'{text}' read as {heading.ordinal}, the article after {int(heading.number) - 1}: a letter printed "
                f"(or scanned) for a digit in '{heading.misread}'; the heading is kept as printed",
            )
        section = self.stack[-1]
        section.number = heading.number
        section.bracketed = heading.bracketed
        if heading.rest:
            section.title = [heading.rest]
            if not PART_RE.match(text) and not ARTICLE_RE.match(text).group("rest"):  # type: ignore[union-attr]
                self.heading_line = -1  # "Article 1 (DEFINITIONS)": the title is complete
                return
        if heading.kind in RANKS:
            self.heading_line = block.line

    def expected(self, kind: str) -> str:
        """The next ordinal a heading of ``kind`` would take where it would go."""
        siblings = self.siblings(kind)
        last = next((s.ordinal for s in reversed(siblings) if s.kind == kind), None)
        if kind == "letter":
            return "A" if last is None else chr(ord(last) + 1)
        if kind == "roman":
            if last is None:
                return "I"
            return ROMANS[ROMANS.index(last) + 1] if last in ROMANS[:-1] else ""
        return "1" if last is None else str(int(last) + 1)

    def siblings(self, kind: str) -> list[_Section]:
        for position, section in enumerate(self.stack):
            if section.kind == kind:
                return self.stack[position - 1].children if position else self.top
        return self.stack[-1].children if self.stack else self.top

    def continues_heading(self, text: str) -> bool:
        """Whether ``text`` continues the heading above it.

        An article's heading is its label and at most one line of title, never a sentence."""
        section = self.stack[-1]
        if section.kind in RANKS:
            return False  # a treaty heading's title is read by takes_title
        # Other headings run on only when their last line was full (it wrapped).
        return len(section.heading[-1]) >= 0.6 * self.width

    def stands_alone(self, index: int) -> bool:
        """True if the block at ``index`` is not continued on the next line (a heading can be
        a single line only; a paragraph runs on)."""
        if self.blocks[index].kind is not Kind.LINE or index + 1 >= len(self.blocks):
            return True
        after = self.blocks[index + 1]
        if (after.gap and not self.double_spaced) or after.kind is not Kind.LINE or self.is_start(after.text):
            return True
        short = len(self.blocks[index].text) < 0.6 * self.width
        return after.gap and short and after.text[:1].isupper()

    def numbered(self, block: Block, match: re.Match[str], alone: bool = True) -> bool:
        """Handle a line that starts with a number; False if it is only text."""
        base = int(match.group("base"))
        suffix = match.group("suffix")
        alt = match.group("alt")
        rank = numbering.SUFFIXES.index(suffix) + 1 if suffix else 0
        number = Number(base, rank, int(alt[3:] or 1) if alt else 0, int(match.group("point") or 0))
        rest = match.group("rest") or ""
        if number.point and rest and not (rest[0].isupper() or rest[0] in '[(“"'):
            return False  # "1.5 °C above …" wrapped onto a line of its own is text
        self.labelled_preamble(match, number, block)
        if (
            _label_word(match.group("prefix")) == "OP"
            and self.stack
            and self.stack[-1].preamble
            and number == Number(1)
        ):
            # "PP1 …" then "OP1 …": the operative part, numbered afresh, printed without a heading
            self.preamble_numbered = False
            self.open_section("operative", "", "", block)
            self.stack[-1].heading = []
            self.last = None
        self.after_option_block(number)
        if number == Number(1) and self.restarts_here():
            self.stack[-1].restarts = True  # "SECTION 3. DECISION-MAKING" then "1." in an annex
        if self.option and self.numbered_option(number):
            pass  # the paragraph opens the next option of a block "Option 1 … Option N"
        expected = self.expected_numbers()
        if self.option and self.last is not None and number == self.last and self.stack and self.stack[-1].paragraphs:
            # Option 2 of the paragraph just read: an alternative to it (018alt.md).
            alts = sum(1 for p in self.stack[-1].paragraphs if p.number and p.number.principal == number)
            self.new_paragraph(Number(number.base, number.rank, alts), block.text, block)
            return True
        heading = alone and self.subsection_number(rest)
        if number in expected and not (number == Number(1) and self.last is not None and heading):
            if number == Number(1) and self.last is not None:
                self.restarted = True
            self.new_paragraph(number, block.text, block)
            return True
        if (
            number.rank == 0
            and not number.alt
            and self.subsection_number(rest)
            and str(base) == self.expected("number")
        ):
            self.open_section("number", str(base), block.text, block)
            return True
        nearest = min((n.base for n in expected), key=lambda b: abs(b - base), default=1)
        if rest[:1].isupper() and abs(nearest - base) <= 3:
            wanted = " or ".join(dict.fromkeys(n.label() for n in expected if not n.alt))
            what = (
                f"paragraph numbered {number.label()} where {wanted} was expected: imported as an unnumbered "
                "paragraph that keeps its printed number in its text"
            )
            self.guess(block, what)
            self.problem(
                block,
                "ZD602",
                f"{what}; compare with the source: if paragraphs before it did not come through, import a complete "
                "copy again; if the source itself numbers it so, keep it as it is and tell the Chair's office",
            )
            self.new_paragraph(None, block.text, block, unnumbered=True)
            return True
        return False

    def restarts_here(self) -> bool:
        """Whether a "1." right here starts the numbering again in the open Part, Chapter or
        Section: it comes right after that heading, inside an annex or article (under
        per-article numbering), where the numbers run on from an earlier one."""
        if not self.stack or self.para is not None:
            return False
        section = self.stack[-1]
        unit = self.unit()
        return (
            section.kind in ("part", "chapter", "section", "subsection")
            and unit is not None
            and unit is not section
            and unit.kind != "decision"
            and not section.paragraphs
            and not section.children
        )

    def subsection_number(self, rest: str) -> bool:
        return heading_like(rest) and len(rest) <= 100

    def expected_numbers(self) -> list[Number]:
        if self.last is None:
            return [Number(1)]
        last = self.last
        out = [Number(last.base + 1)]
        insertion = last.principal.next_insertion()
        if insertion is not None:
            out.append(insertion)
        out.append(Number(last.base, last.rank, last.alt + 1, last.point))
        # decimal numbers run on under their whole number: 16, 16.1, 16.2 … then 16 bis or 17
        if last.point or not last.rank:
            out.append(Number(last.base, 0, 0, last.point + 1))
        if last.point:
            out.append(Number(last.base, 1))
        if self.stack and self.stack[0].kind in TOP_KINDS and not self.top_has_paragraphs(self.stack[0]):
            out.append(Number(1))
        return out

    def top_has_paragraphs(self, section: _Section) -> bool:
        return bool(section.paragraphs) or any(self.top_has_paragraphs(c) for c in section.children)

    def finished(self, para: _Para) -> bool:
        """Whether the paragraph's text has ended (a number alone, "13.", has not begun)."""
        return bool(TERMINATED_RE.search(para.lines[-1])) and not _bare(para)

    def heading_run(self, index: int) -> int | None:
        """The end of an unnumbered subheading starting at ``index``, or None if it is not one."""
        first = self.blocks[index]
        if not first.text[:1].isupper():
            return None
        end = index + 1
        if first.kind is Kind.LINE:
            while end < len(self.blocks) and self.blocks[end].kind is Kind.LINE and not self.blocks[end].gap:
                if self.is_start(self.blocks[end].text):
                    break
                end += 1
        text = joining.join([b.text for b in self.blocks[index:end]])
        if not heading_like(text) or len(text) > 300:
            return None
        if (
            end < len(self.blocks)
            and not self.is_start(self.blocks[end].text)
            and self.blocks[end].kind is not Kind.HEADING
        ):
            return None
        return end

    def is_start(self, text: str) -> bool:
        if NUMBERED_RE.match(text):  # "18. To …", or "18." alone when Word's number sits apart
            return True
        if any(r.match(text) for r in (ARTICLE_RE, PART_RE, LETTER_RE, ROMAN_RE)):
            return True
        return options.parse(text) is not None  # "Option II: [Loss and damage]" on a line of its own

    def in_unnumbered_preamble(self) -> bool:
        return self.preamble_numbered is False and bool(self.stack) and self.stack[-1].preamble

    def starts_preamble_paragraph(self, text: str) -> bool:
        if not PARTICIPLE_RE.match(text):
            return False
        if self.para is None or any(SEPARATOR_RE.match(line) for line in self.para.lines):
            return True  # after the rule above a page's footnotes, a participle starts anew
        return bool(re.search(r"[,;.:]\)?(?:\s?\d{1,3}|\[\^\w+\])?$", self.para.lines[-1]))

    # ---- labelled preambles ("Pp1 Being Parties …", as UNFCCC/ADP negotiating texts print them)
    def preambular_chapeau(self, index: int) -> bool:
        """A preamble's chapeau ("[ The Parties to this Agreement,") right above a preambular
        paragraph labelled 1 ("Pp1", "PP.1", "pp 1") inside a part: the heading of that preamble."""
        text = self.blocks[index].text
        if not self.stack or self.stack[-1].preamble or not PREAMBLE_CHAPEAU_RE.match(text.lstrip("[ ")):
            return False
        after = NUMBERED_RE.match(self.peek_text(index))
        if after is None or not _preambular(after.group("prefix")) or after.group("base") != "1":
            return False
        self.open_labelled_preamble(after.group("prefix"), text, self.blocks[index])
        return True

    def labelled_preamble(self, match: re.Match[str], number: Number, block: Block) -> None:
        """Open a labelled preamble at its paragraph 1 ("Pp1 …") inside a part (a draft
        agreement's or decision's own preamble), unless its chapeau opened it already; a number
        without the label ("65.", "OP1") closes it: the operative paragraphs number on."""
        prefix = match.group("prefix")
        open_ = self.stack[-1] if self.stack else None
        if open_ is None or open_.preamble:
            return  # a document's own preamble: "PP1 …" numbers it (docs/import.md)
        if open_.kind == "preambular" and not _preambular(prefix):
            self.cut(len(self.stack) - 1)
            self.para = None
            self.open_continued(block.line)  # what follows is printed after the preamble
            return
        if _preambular(prefix) and number == Number(1) and not (open_.kind == "preambular" and not open_.paragraphs):
            self.open_labelled_preamble(prefix, "", block)

    def unlabelled_in_preamble(self, block: Block) -> bool:
        """In a labelled preamble, text after a blank line below a finished paragraph ("…
        Parties," then "[Additional preambular paragraphs …]", "Have agreed as follows:"), or a
        bracket opening a sentence right under one that ends a clause ("… strategies;" then
        "[Additional …"), is an unnumbered paragraph of the preamble, not more of the one above."""
        para = self.para
        if not self.stack or self.stack[-1].kind != "preambular" or para is None or para.hard:
            return False
        if block.kind is not Kind.LINE or _bare(para):
            return False
        after_blank = block.gap and re.search(r"[,;.:][\])]*$", para.lines[-1])
        bracketed = re.match(r"^\[[A-Z]", block.text) and re.search(r"[;.][\])]*$", para.lines[-1])
        if not (after_blank or bracketed):
            return False
        self.guess(block, f"text printed without a label {self.where()}: imported as an unnumbered paragraph")
        self.new_paragraph(None, block.text, block, unnumbered=True)
        return True

    def open_labelled_preamble(self, prefix: str, chapeau: str, block: Block) -> None:
        self.open_section("preambular", "", chapeau, block)
        self.stack[-1].number_prefix = prefix
        self.heading_open = False

    # ---- building
    def open_preamble(self, block: Block) -> None:
        if not self.top or not self.top[0].preamble:
            section = _Section(
                "preamble", "", [self.preamble_heading] if self.preamble_heading else [], block.line, True
            )
            self.top.insert(0, section)
            self.stack = [section]

    def open_section(self, kind: str, ordinal: str, text: str, block: Block) -> None:
        self.para = None
        self.option = ""
        section = _Section(kind, ordinal, [text], block.line)
        if kind in RANKS:
            position = self.closed_by(kind)
        else:
            # a subheading inside an option stays in it; a lettered or roman part closes the block
            floor = self.option_floor() if kind not in TOP_KINDS else -1
            position = next((i for i, s in enumerate(self.stack) if s.kind == kind and i > floor), None)
        if position is None and kind in TOP_KINDS:
            position = next((i for i, s in enumerate(self.stack) if s.preamble or s.kind == "body"), None)
        labelled = next((i for i, s in enumerate(self.stack) if s.kind == "preambular"), None)
        if labelled is not None and (position is None or labelled < position):
            position = labelled  # a heading ends a labelled preamble ("Pp1" … "Pp6", then "I. …")
        if position is not None:
            self.cut(position)
        if self.stack:
            self.stack[-1].children.append(section)
        else:
            self.top.append(section)
        self.stack.append(section)
        self.heading_open = block.kind is Kind.LINE

    def cut(self, position: int) -> None:
        """Close the open sections from ``position`` on; numbering after a closed option block
        runs on from the highest number its options reached."""
        for section in self.stack[position:]:
            if section.kind == "options":
                self.last = _highest(section.highest, self.last)
        del self.stack[position:]

    def option_floor(self) -> int:
        """The position of the innermost open option in the stack, or -1."""
        return max((i for i, s in enumerate(self.stack) if s.kind == "option"), default=-1)

    # ---- option blocks (zerodraft.importing.options)
    def option_line(self, text: str, block: Block) -> bool:
        """Handle a line holding an option's label ("Option II: [Loss and damage]"); False if
        it is not one that opens or continues a block."""
        label = options.parse(text)
        if label is None or not self.stack:
            return False
        for position in range(len(self.stack) - 1, -1, -1):
            open_ = self.stack[position]
            if open_.kind == "options" and options.follows(open_.children[-1].number, label.number):
                open_.highest = _highest(open_.highest, self.last)
                del self.stack[position + 1 :]
                self.last = open_.before
                self.add_option(open_, label, block, printed=True)
                return True
        if options.first(label.number):
            self.open_options(label, block, printed=True)
            return True
        return False

    def open_options(self, label: options.OptionLabel, block: Block, *, printed: bool) -> None:
        self.para = None
        self.option = ""
        block_ = _Section("options", "", [], block.line)
        block_.before = self.last
        self.stack[-1].children.append(block_)
        self.stack.append(block_)
        self.add_option(block_, label, block, printed=printed)

    def add_option(self, block_: _Section, label: options.OptionLabel, block: Block, *, printed: bool) -> None:
        self.para = None
        self.option = ""
        option = _Section("option", f"Option {label.number}", [block.text] if printed else [], block.line)
        option.number = label.number
        option.title = [label.title] if label.title else []
        block_.children.append(option)
        self.stack.append(option)
        self.heading_open = False

    def open_spanning(self, index: int) -> bool:
        """ "[Option 1:" alone above the paragraph expected next, and "Option 2" … "Option N" at
        the start of later lines, the bracket it opens closing at the end of the last option: a
        block whose options hold paragraphs numbered on (:func:`options.spanning`); its extent
        is a guess, reported.  Inside an article (where options number on their own) or where
        the extent is not clear, the label is read as before."""
        after = NUMBERED_RE.match(self.peek_text(index))
        if after is None or not self.stack or self.unit() is not None or self.spanning is not None:
            return False
        if not any(n == Number(int(after.group("base"))) for n in self.expected_numbers()) or after.group("prefix"):
            return False
        found = options.spanning([b.text for b in self.blocks], index, [b.kind is Kind.HEADING for b in self.blocks])
        if found is None:
            return False
        self.spanning = found
        self.open_options(options.OptionLabel("1", ""), self.blocks[index], printed=True)
        self.stack[-2].extent = f"its options hold paragraphs numbered on; it ends where {found.why}"
        return True

    def next_spanning_option(self, index: int) -> int:
        """ "Option 2: No general provisions …]" in a block opened by :meth:`open_spanning`: the
        next option, its label the heading and the rest of its line (or, after a label alone,
        the text under it, up to a number or the next label) an unnumbered paragraph."""
        assert self.spanning is not None
        block = self.blocks[index]
        position = max(i for i, s in enumerate(self.stack) if s.kind == "options")
        del self.stack[position + 1 :]
        label, rest = options.split_label(block.text)
        self.add_option(
            self.stack[position],
            options.OptionLabel(str(self.spanning.labels[index]), ""),
            replace(block, text=label),
            printed=True,
        )
        if rest:
            self.new_paragraph(None, rest, block, unnumbered=True)
            return index + 1
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if after is None or index + 1 in self.spanning.labels or self.is_start(after.text):
            return index + 1
        self.new_paragraph(None, after.text, after, unnumbered=True)
        return index + 2

    def close_spanning(self) -> None:
        """The block of :meth:`open_spanning` ends with its last option: what follows is printed
        after it, an untitled part of its own."""
        self.spanning = None
        position = max((i for i, s in enumerate(self.stack) if s.kind == "options"), default=-1)
        if position < 0:
            return
        self.cut(position)
        self.para = None
        self.open_continued(self.stack[-1].line if self.stack else 0)

    def open_continued(self, line: int) -> None:
        """What follows a closed block is printed after it: an untitled part of its own (a
        section's own paragraphs are printed before its subsections)."""
        rest = _Section("continued", "", [], line)
        if self.stack:
            self.stack[-1].children.append(rest)
            self.stack.append(rest)

    def numbered_option(self, number: Number) -> bool:
        """ "Option 2:" alone on its line, then a number read before ("23." again after 23.1 …
        23.6): the option block "Option 1 … Option N" of paragraph 23 and what follows it.

        The block's first option starts at the paragraph numbered so whose text opens with
        "Option 1" ("23." then "[Option 1: In meeting …"); the paragraphs from there on become
        option 1 and the label opens option 2.  A later "Option 3:" before "23." again opens
        the next option.  Where the section has subsections, or no paragraph opens with
        "Option 1", the source is read as before (the repeated numbers kept in their text)."""
        label = re.match(r"^\[?\s*(?:Option|OPTION|Alt|ALT)\s+(\d{1,2})\b", self.option)
        if label is None or int(label.group(1)) < 2 or not self.stack:
            return False
        wanted = int(label.group(1))
        current = self.stack[-1]
        if current.kind == "option" and len(self.stack) > 1 and self.stack[-2].kind == "options":
            block_ = self.stack[-2]
            if block_.children[-1].number != str(wanted - 1):
                return False
            block_.highest = _highest(block_.highest, self.last)
            del self.stack[-1]
            self.last = block_.before
            self.add_option(
                block_, options.OptionLabel(str(wanted), ""), _label_block(self.option, self.option_at), printed=True
            )
            self.option = ""
            return True
        if wanted != 2 or current.children:
            return False
        start = next(
            (
                i
                for i in range(len(current.paragraphs) - 1, -1, -1)
                if current.paragraphs[i].number == number
                and re.match(
                    r"^\[?\s*(?:Option|OPTION)\s+1\b",
                    " ".join(current.paragraphs[i].lines[:2]).split(". ", 1)[-1].lstrip("0123456789. "),
                )
            ),
            None,
        )
        if start is None:
            return False
        moved = current.paragraphs[start:]
        del current.paragraphs[start:]
        before = next((p.number for p in reversed(current.paragraphs) if p.number is not None), None)
        block_ = _Section("options", "", [], moved[0].line)
        block_.before = before
        current.children.append(block_)
        self.stack.append(block_)
        first = _Section("option", "Option 1", [], moved[0].line, number="1")
        first.paragraphs = moved
        block_.children.append(first)
        block_.highest = self.last
        self.last = before
        self.add_option(block_, options.OptionLabel("2", ""), _label_block(self.option, self.option_at), printed=True)
        self.option = ""
        return True

    def after_option_block(self, number: Number) -> None:
        """In the second option or later, a paragraph numbered beyond every number of the first
        option stands after the block: the block ends before it (a guess, reported)."""
        position = max((i for i, s in enumerate(self.stack) if s.kind == "options"), default=-1)
        if position < 0 or len(self.stack[position].children) < 2:
            return
        first = [p.number.base for s in _walk(self.stack[position].children[0]) for p in s.paragraphs if p.number]
        if first and number.base > max(first) and number.rank == 0 and not number.point:
            self.cut(position)
            self.para = None
            self.open_continued(self.stack[-1].line if self.stack else 0)

    def closed_by(self, kind: str) -> int | None:
        """Where a treaty heading of ``kind`` cuts the stack of open sections: a decision
        closes everything, an annex all but its decision, a Part everything of its rank or
        below (and any preamble or subheading) but not a lettered or numbered section above it."""
        rank = RANKS[kind]
        for position, open_ in enumerate(self.stack):
            if rank < 0 or open_.preamble or open_.kind in ("body", "operative", "plain"):
                return position
            if open_.kind in RANKS and RANKS[open_.kind] >= rank:
                return position
            if rank == 0 and RANKS.get(open_.kind, 0) >= 0:
                return position
            if open_.kind.startswith("h") and open_.kind[1:].isdigit():
                return position
        return None

    def heading_block(self, index: int) -> int:
        block = self.blocks[index]
        found = self.section_heading(block.text)
        if found is not None:
            self.open_heading(found, block.text, block)
        elif self.title_wanted(block) and self.takes_title(block.text, block):
            pass  # Word's bold "Article 4", then its title in bold: the title, not a subsection
        else:
            numbered = NUMBERED_RE.match(block.text)
            if (
                numbered
                and self.subsection_number(numbered.group("rest") or "")
                and numbered.group("base") == self.expected("number")
            ):
                self.open_section("number", numbered.group("base"), block.text, block)
            else:
                self.open_section(f"h{block.level}", "", block.text, block)
        self.heading_open = False
        return index + 1

    def new_paragraph(self, number: Number | None, text: str, block: Block, unnumbered: bool = False) -> None:
        if number is not None and self.in_unnumbered_preamble():
            # A resolution's operative part: numbered, right after the preamble, no heading.
            self.open_section("operative", "", "", block)
            self.stack[-1].heading = []
        if not self.stack:
            self.open_preamble(block)
            if self.preamble_numbered is None:
                self.preamble_numbered = number is not None
        if number is not None and not number.alt:
            self.last = number
        if unnumbered and self.in_unnumbered_preamble():
            unnumbered = False  # a preambular paragraph: unnumbered by the document's scheme
        self.para = _Para(
            number, [text], block.line, block.kind is not Kind.LINE, option=self.option, unnumbered=unnumbered
        )
        self.option = ""
        self.stack[-1].paragraphs.append(self.para)
        self.heading_open = False

    def continue_paragraph(self, text: str, block: Block) -> None:
        assert self.para is not None
        if block.kind is not Kind.LINE and not joining.starts_own_line(text):
            text = "\n" + text
        self.para.lines.append(text)

    def problem(self, block: Block, code: str, message: str) -> None:
        self.problems.append(Problem(self.source, block.line, code, message))

    # ---- finishing
    def result(self) -> Recognition:
        front = masthead.read(
            self.front, self.double_spaced, self.stream.words, self.stream.artefacts, whole=not self.started
        )
        if not self.started:
            self.body_without_structure(front)
        title, note, symbol = front.title or "(untitled)", front.note, front.symbol
        if front.preamble_heading and self.top and self.top[0].preamble:
            # "PREAMBLE" above a treaty's chapeau ("The Parties to this Agreement,"): both, as printed
            self.top[0].heading = [front.preamble_heading, *self.top[0].heading]
        elif front.preamble_heading:  # no preamble follows: keep the words in the note
            note = "\n\n".join(filter(None, (note, front.preamble_heading)))
        if self.contents:
            note = "\n\n".join(filter(None, (note, contents_table(self.contents))))
            self.notes.append(
                f"a table of contents (lines {self.contents[0].line}–{self.contents[-1].line}) is kept in header-note"
            )
        if not front.title:
            self.notes.append("no title found above the first paragraph; document.yaml says '(untitled)'")
        cited = Footnotes(self.footnotes)
        note = cited.apply(note if self.stream.markup else escape(note))
        sections = tuple(self.freeze(s, cited) for s in self.top)
        uncited = [block for label, block in self.footnotes.items() if label not in cited.used]
        if uncited:
            sections = self.with_uncited(sections, uncited)
        scheme = "continuous"
        if sum(1 for s in self.top if s.kind == "decision") > 1:
            scheme = "per-section"
        elif any(s.kind in UNITS and s.kind != "decision" and s.last is not None for s in self.all_sections()):
            scheme = "per-article"
        elif self.restarted or sum(1 for s in self.top if s.kind == "decision") > 1:
            scheme = "per-section"
        sections = settling.settle(sections, scheme, self.guesses)
        preamble_numbered = self.preamble_numbered is not False
        name, date = draft_name_and_date(self.header.text if self.header else "")
        document = ImportedDocument(title, name, date, note, scheme, preamble_numbered, sections, symbol, front.fields)
        for section in (s for top in sections for s in top.walk()):
            if section.placeholder:
                self.notes.append(
                    f"section '{section.heading[:40]}' holds only '{section.placeholder}': imported as an empty section"
                )
        if self.stream.skipped:
            first, last = self.stream.skipped
            self.notes.append(f"skipped lines {first}–{last} before the draft's header (a cover letter)")
        return Recognition(
            document,
            tuple(self.problems),
            tuple(a for a in self.stream.artefacts if a.line not in front.kept_header),
            tuple(self.notes),
            tuple(self.guesses),
        )

    def all_sections(self) -> Iterator[_Section]:
        stack = list(reversed(self.top))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))

    def body_without_structure(self, front: masthead.Masthead) -> None:
        """A text with no numbered paragraph or heading at all: everything after its title
        becomes unnumbered paragraphs of one untitled section (never a refusal)."""
        body = [b for b in self.front if b.line in front.body_lines]
        if not body:
            return
        self.started = True
        self.open_section("body", "", "", body[0])
        self.stack[-1].heading = []
        for block in body:
            if self.para is None or self.ends_unnumbered(self.para, block):
                self.new_paragraph(None, block.text, block, unnumbered=True)
            else:
                self.continue_paragraph(block.text, block)
        self.guess(body[0], "no numbered paragraph or heading: the text is imported as unnumbered paragraphs")

    def with_uncited(self, sections: tuple[ImportedSection, ...], uncited: list[Block]) -> tuple[ImportedSection, ...]:
        """Footnote bodies no text cites, kept as unnumbered paragraphs at the end (never lost)."""
        paragraphs = []
        for block in uncited:
            self.guess(
                block, f"footnote {block.label}, which no text cites: kept as an unnumbered paragraph at the end"
            )
            paragraphs.append(ImportedParagraph(None, f"{block.label} {escape(block.text)}", "open", block.line))
        last = sections[-1] if sections else None
        if last is not None and not last.preamble:
            return (*sections[:-1], replace(last, paragraphs=(*last.paragraphs, *paragraphs)))
        extra = ImportedSection("", "", uncited[0].line, paragraphs=tuple(paragraphs), kind="heading")
        return (*sections, extra)

    def return_subparagraphs(self, paragraphs: list[_Para]) -> None:
        """Subparagraphs printed under the next paragraph's number go back to the chapeau
        that introduces them (:func:`zerodraft.importing.apart.chapeau_subparagraphs`)."""
        for end, holder in enumerate(paragraphs):
            if holder.number is None or holder.hard or _bare(holder):
                continue
            start = end
            while start > 0 and _bare(paragraphs[start - 1]):
                start -= 1
            chapeau = paragraphs[start - 1] if start > 0 else None
            if chapeau is None or chapeau.hard or _bare(chapeau):
                continue
            count = apart.chapeau_subparagraphs(chapeau.lines, holder.lines)
            if not count:
                continue
            chapeau.lines.extend(holder.lines[1 : 1 + count])
            del holder.lines[1 : 1 + count]
            label = chapeau.number.label() if chapeau.number else "the paragraph before"
            self.guesses.append(
                Guess(
                    holder.line,
                    f"subparagraphs printed under the number {holder.number.label()} read as those of paragraph "
                    f"{label}, whose text ends with a colon",
                    holder.lines[1][:80] if len(holder.lines) > 1 else "",
                )
            )

    def share_out(self, paragraphs: list[_Para]) -> None:
        """Numbers printed apart from their text ("1." "2." "3." on lines of their own, then
        the three paragraphs' text, as pdftotext reads a numbered column): the text is shared
        out among them at the first line ends that finish a sentence before a capital."""
        self.return_subparagraphs(paragraphs)
        index = 0
        while index < len(paragraphs):
            end = index
            while end < len(paragraphs) and _bare(paragraphs[end]):
                end += 1
            holder = paragraphs[end] if end < len(paragraphs) else None
            if end == index or holder is None or holder.number is None or holder.hard:
                index = end + 1
                continue
            wanted = end - index
            text = [piece for line in holder.lines[1:] for piece in apart.SENTENCE_RE.split(line)]
            cuts = [
                m
                for m in range(1, len(text))
                if apart.sentence_end(text[m - 1]) and (text[m][:1].isupper() or text[m][:1] in "[“")
            ]
            if len(cuts) >= wanted:
                bounds = [0, *cuts[:wanted], len(text)]
                chunks = [text[bounds[k] : bounds[k + 1]] for k in range(wanted + 1)]
                for para, chunk in zip(paragraphs[index : end + 1], chunks, strict=True):
                    para.lines = [para.lines[0], *chunk]
                first = paragraphs[index].lines[0].rstrip(".")
                self.guesses.append(
                    Guess(
                        paragraphs[index].line,
                        f"paragraphs {first}–{holder.number.label()} printed their numbers apart from their text: "
                        "the text was shared out among them at sentence ends",
                        " ".join(text)[:80],
                    )
                )
            index = end + 1

    def freeze(self, section: _Section, cited: Footnotes) -> ImportedSection:
        if section.kind == "options" and section.children:
            where = [p.line for s in _walk(section) for p in s.paragraphs] or [section.line]
            labels = f"{section.children[0].ordinal}–{section.children[-1].number}"
            self.guesses.append(
                Guess(
                    section.line,
                    f"an option block ({labels}), lines {section.line}–{max(where)}: each option's extent is a "
                    + (
                        f"guess ({section.extent})"
                        if section.extent
                        else "guess (an option ends at the next option's label, the block at a heading that closes its "
                        "part or at a number beyond the first option's)"
                    ),
                    " ".join(
                        [*section.children[0].heading] or [section.children[0].ordinal, *section.children[0].title]
                    )[:80],
                )
            )
        self.share_out(section.paragraphs)
        paragraphs = []
        under_heading = cited.taken_by(" ".join(section.heading)) if not self.stream.markup else []
        for block in under_heading:
            self.guess(
                block, f"footnote {block.label}, cited in a heading: kept as an unnumbered paragraph where it stood"
            )
        for para in section.paragraphs:
            text = para.lines[0]
            match = NUMBERED_RE.match(text)
            if para.number is not None and match:
                text = match.group("rest") or ""
            lines = [text, *para.lines[1:]]
            if para.number is not None and match and match.group("open"):
                # "[88." then its text: the bracket opens the paragraph's text, the number stands outside
                lines = [f"[{lines[0]}", *lines[1:]] if text or len(lines) == 1 else [f"[{lines[1]}", *lines[2:]]
            body = "\n".join(lines) if para.hard else joining.join(lines, self.stream.words)
            if para.option:
                body = f"{para.option}\n{body}"
            body = cited.apply(body if self.stream.markup else escape(body))
            status = para.status
            if TRAILING_STATUS_RE.search(body):
                status = "agreed-ad-ref"
                body = TRAILING_STATUS_RE.sub("", body)
            if DELETED_RE.match(body.strip()):
                status = "deleted"
            printed = ""
            if para.number is not None and match:
                begin = match.start("prefix") if match.group("prefix") else match.start("base")
                printed = para.lines[0][begin : match.start("rest") if match.group("rest") else None].strip()
            paragraphs.append(ImportedParagraph(para.number, body, status, para.line, printed))
        for block in under_heading:  # where it stood: after the paragraphs that start above it
            at = sum(1 for p in paragraphs if p.line <= block.line)
            paragraphs.insert(at, ImportedParagraph(None, f"{block.label} {escape(block.text)}", "open", block.line))
        heading = joining.join(section.heading, self.stream.words)
        if (section.kind in RANKS or section.preamble) and len(section.heading) > 1:
            heading = (
                joining.join(section.heading[:1], self.stream.words)
                + "\n"
                + joining.join(section.heading[1:], self.stream.words)
            )
        title = joining.join(section.title, self.stream.words)
        return ImportedSection(
            heading=heading,
            label=section.ordinal,
            line=section.line,
            preamble=section.preamble,
            paragraphs=tuple(paragraphs),
            subsections=tuple(self.freeze(c, cited) for c in section.children),
            placeholder=section.placeholder,
            kind=OUTPUT_KINDS.get(section.kind, "heading"),
            number=section.number,
            title=title,
            bracketed=section.bracketed,
            restarts=section.restarts or section.kind in INSTRUMENTS,
            number_prefix=section.number_prefix,
        )


def _label_block(label: str, line: int) -> Block:
    """The block of an option's label line ("Option 2:"), read before the number it labels."""
    return Block(line, Kind.LINE, label)


def _walk(section: _Section) -> Iterator[_Section]:
    yield section
    for child in section.children:
        yield from _walk(child)


def _highest(a: Number | None, b: Number | None) -> Number | None:
    if a is None or b is None:
        return a if b is None else b
    return a if b < a else b


def _label_word(prefix: str | None) -> str:
    """A paragraph label's word, whatever its case and full stop: "Pp." → "PP", "op" → "OP"."""
    return (prefix or "").rstrip(".").upper()


def _preambular(prefix: str | None) -> bool:
    """True for the label of a preambular paragraph: "PP", "Pp", "PP.", "pp"."""
    return _label_word(prefix) == "PP"


def _bare(para: _Para) -> bool:
    """A numbered paragraph holding only its number ("2."): its text was printed elsewhere."""
    if para.number is None or para.hard or len(para.lines) != 1:
        return False
    match = NUMBERED_RE.match(para.lines[0])
    return match is not None and not match.group("rest")


def contents_table(blocks: list[Block]) -> str:
    """A table of contents as a pipe table: one row per entry, its page number apart.

    An entry runs over lines until one ends in a dot leader and a page number
    ("Use of terms and scope . . . . 22"); lines without one ("PART I.", "CONTENTS") are rows
    of their own when the next line starts another entry."""
    rows: list[tuple[str, str]] = []
    pending: list[str] = []
    paged = any(LEADER_RE.search(b.text) for b in blocks)
    column = ""
    if blocks and re.fullmatch(r"page", blocks[0].text, re.IGNORECASE):
        column, blocks = blocks[0].text, blocks[1:]  # "Page" over the page numbers: the column's heading
    for block in blocks:
        if not paged:  # no page numbers at all (a flattened source): a row per line
            rows.append((block.text, ""))
            continue
        match = LEADER_RE.search(block.text)
        if match:
            pending.append(block.text[: match.start()].strip())
            rows.append((" ".join(p for p in pending if p), match.group("page")))
            pending = []
        else:
            pending.append(block.text)
    if pending:
        rows.append((" ".join(pending), ""))
    cells = [(text.replace("|", "\\|"), page) for text, page in rows]
    return "\n".join([f"|  | {column} |", "| --- | --- |", *(f"| {text} | {page} |" for text, page in cells)])


def recognise(stream: Stream, source: str) -> Recognition:
    """The tree of a draft, with every line it could not place."""
    return _Recogniser(stream, source).run()
