"""Plain text, as extracted from a PDF (``pdftotext``, Acrobat's "Save as text", copy and paste).

Removes what extraction adds and nothing else:

- a **cover letter** before the draft: everything before a header line such as
  "DRAFT 2, 2 July 2021" or "Zero draft", when what precedes it reads as a letter
  ("Excellency", "Permanent Representative" …);
- **page numbers**: a line holding only a number ("6", "- 6 -", "Page 6", "6/12");
- **running headers and footers**: a short line repeated on three or more pages;
- **footnote bodies** that land wherever the page broke: a line "1 https://…" whose number is
  the next footnote number and which some earlier text carries glued to a word ("outcome.1");
  they become :attr:`Kind.FOOTNOTE` blocks, and the recogniser puts them back as Markdown
  footnotes in the paragraph that cites them;
- runs of spaces and form feeds (see :func:`zerodraft.importing.joining.squeeze`), and
  typographic ligatures ("ﬁ" → "fi").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from zerodraft.importing import joining
from zerodraft.importing.blocks import Artefact, Block, Kind, Stream
from zerodraft.importing.labels import CONTENTS_RE, LEADER_RE

HEADER_RE = re.compile(
    r"^(?:(?:zero|first|second|third|fourth|fifth|final|revised|advance|updated|chair'?s|president'?s)\s+)*"
    r"draft(?:\s+(?:\d{1,2}|[IVX]{1,4}|outcome(?:\s+document)?|decision\b.*|text))?"
    r"(?:\s*[,–—-]?\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}))?\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER_RE = re.compile(
    r"^(?:\d{2}-\d{5}\s+)?(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?(?:\s+\d{2}-\d{5})?$",
    re.IGNORECASE,
)
#: The job number and bar code UN documents print at the foot of their first page
#: ("21-14853 (E)    141021", "*2114853*").
JOB_NUMBER_RE = re.compile(r"^(?:\d{2}-\d{5}\*?\s*\([A-Z]\)(?:\s+\d{6}){0,2}|\*\d{7,8}\*)$")
#: The job number's digits ("24-07683"), which later pages print without "(E)".
JOB_ID_RE = re.compile(r"^\d{2}-\d{5}(?=\*?\s*\()")
#: The date code printed beside a first page's job number ("020524": 2 May 2024).
DATE_CODE_RE = re.compile(r"^[0-3]\d[01]\d\d\d$")
#: The short rule a UN document prints above a page's footnotes.
RULE_RE = re.compile(r"^_{5,}$")
#: Typographic ligatures a PDF may hand back as one character ("ﬁnancial"): the Chair typed
#: two letters, so two letters they become.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
FOOTNOTE_BODY_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
#: Words a cover letter uses and a draft does not.
LETTER_RE = re.compile(
    r"\b(?:Excellency|Dear\s+(?:Colleagues|Sir|Madam)|assurances of my highest consideration|Permanent Representative)\b",
    re.IGNORECASE,
)
PARAGRAPH_START_RE = re.compile(r"^1\.\s+\S")
#: A line that a drafting convention, not a page layout, repeats: never a running header.
REPEATABLE_RE = re.compile(r"^(?:\[?(?:deleted|alt|option|agreed|-|–|—)\b|\(?[a-z]{1,3}\)|\d)", re.IGNORECASE)


def read(text: str) -> Stream:
    """The blocks of a plain-text draft (``text`` already decoded)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURES).split("\n")
    lines = [joining.squeeze(line) for line in raw]
    start, skipped = _draft_start(lines)
    dropped: dict[int, str] = {}
    footnotes, consumed = _footnote_bodies(raw, lines, start)
    repeated = _running_headers(raw, lines, start)
    # the job number alone at the foot of a later page, as the first page prints it with "(E)"
    jobs = {m.group(0) for line in lines if JOB_NUMBER_RE.match(line) and (m := JOB_ID_RE.match(line))}
    page = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not line or index in footnotes or index in consumed:
            continue
        if PAGE_NUMBER_RE.match(line) and _page_number(line, page, index - start):
            dropped[index] = "page number"
            page = int(line) if line.isdigit() else page
        elif JOB_NUMBER_RE.match(line) or line in jobs:
            dropped[index] = "job number"
        elif index in repeated:
            dropped[index] = "running header"
        elif RULE_RE.match(line) and _next_line(lines, index) in footnotes:
            dropped[index] = "footnote rule"
    for index in [i for i, what in dropped.items() if what == "job number"]:
        # the date code printed beside a job number ("24-07683 (E)" … "020524")
        dropped.update((i, "job number") for i in _near(lines, index, 3) if DATE_CODE_RE.match(lines[i]))
    contents = _contents(lines, start)
    blocks: list[Block] = []
    gap = False
    header_seen = False
    kept: set[str] = set()
    for index in range(start, len(lines)):
        line = lines[index]
        if index in consumed:
            continue
        if index in dropped:
            # The first copy of a repeated header or symbol, above the text, is the draft's own.
            front = all(b.kind is Kind.HEADER or SYMBOL_LIKE_RE.match(b.text) for b in blocks)
            if dropped[index] == "running header" and front and lines[index] not in kept:
                if not header_seen and HEADER_RE.match(line):
                    blocks.append(Block(index + 1, Kind.HEADER, line))
                    header_seen = True
                    kept.add(line)
                elif SYMBOL_LIKE_RE.match(line):
                    blocks.append(Block(index + 1, Kind.LINE, line))
                    kept.add(line)
            continue
        if not line:
            gap = True
            continue
        if index in contents:
            blocks.append(Block(index + 1, Kind.CONTENTS, line, gap))
        elif index in footnotes:
            for label, body in footnotes[index]:
                blocks.append(Block(index + 1, Kind.FOOTNOTE, body, gap, label))
        elif not header_seen and all(SYMBOL_LIKE_RE.match(b.text) for b in blocks) and HEADER_RE.match(line):
            blocks.append(Block(index + 1, Kind.HEADER, line))
            header_seen = True
        else:
            blocks.append(Block(index + 1, Kind.LINE, line, gap))
        gap = False
    restored = {b.line - 1 for b in blocks}
    artefacts = [Artefact(i + 1, what, raw[i]) for i, what in sorted(dropped.items()) if i not in restored]
    evidence = joining.words(lines[start:])
    return Stream(tuple(blocks), tuple(artefacts), skipped, evidence)


def _next_line(lines: list[str], index: int) -> int:
    """The index of the next non-blank line after ``index`` (or len(lines))."""
    return next((i for i in range(index + 1, len(lines)) if lines[i]), len(lines))


def _near(lines: list[str], index: int, reach: int) -> list[int]:
    """The indexes of the ``reach`` non-blank lines on each side of ``index``."""
    before = [i for i in range(index - 1, -1, -1) if lines[i]][:reach]
    after = [i for i in range(index + 1, len(lines)) if lines[i]][:reach]
    return before + after


def _contents(lines: list[str], start: int) -> set[int]:
    """The indexes of the tables of contents: the one near the top (:func:`_first_contents`)
    and any printed further on, above a part of the document that has its own (a Final Act's
    "Page" column over "Annex I . . . 195", "Resolution I . . . 195" …)."""
    first = _first_contents(lines, start)
    return set(first) | _later_contents(lines, first.stop if first else start)


def _later_contents(lines: list[str], start: int) -> set[int]:
    """Runs of five or more lines ending in a dot leader and a page number, each within 8
    lines of the one before, after ``start``; from the "Page" or "Contents" line just above
    (if any) to the run's last such line."""
    leaders = [i for i in range(start, len(lines)) if LEADER_RE.search(lines[i])]
    found: set[int] = set()
    begin = 0
    for end in range(len(leaders)):
        if end + 1 < len(leaders) and leaders[end + 1] - leaders[end] <= 8:
            continue
        if end - begin >= 4:
            first = leaders[begin]
            above = [i for i in range(max(start, first - 3), first) if _PAGE_COLUMN_RE.match(lines[i])]
            found.update(range(above[0] if above else first, leaders[end] + 1))
        begin = end + 1
    return found


#: The column heading over a table of contents' page numbers, or its own heading.
_PAGE_COLUMN_RE = re.compile(r"^(?:page|(?:table\s+of\s+)?contents)$", re.IGNORECASE)


def _first_contents(lines: list[str], start: int) -> range:
    """The indexes of a table of contents near the top: five or more lines ending in a dot
    leader and a page number, each within 40 lines of the one before, from its "CONTENTS"
    heading (if one stands just above) to the last such line."""
    leaders = [i for i in range(start, len(lines)) if LEADER_RE.search(lines[i])]
    if len(leaders) < 5 or leaders[0] > start + (len(lines) - start) // 4:
        return _contents_without_pages(lines, start)
    last = 0
    while last + 1 < len(leaders) and leaders[last + 1] - leaders[last] <= 40:
        last += 1
    if last < 4:
        return range(0)
    first = leaders[0]
    above = [i for i in range(max(start, first - 8), first) if CONTENTS_RE.match(lines[i])]
    return range(above[0] if above else first, leaders[last] + 1)


#: "Table of content I. Preambular elements II. General elements": a contents line, its first
#: entries run on after it as a flattened source prints them.
_CONTENTS_START_RE = re.compile(
    r"^(?:table\s+of\s+contents?|contents)\b[\s:]*(?P<first>(?:[IVXLC]{1,7}|[A-Z]|\d{1,2})\.\s+\S.*)?$", re.IGNORECASE
)
_ENTRY_RE = re.compile(r"^(?:[IVXLC]{1,7}|[A-Z]|\d{1,2})\.\s+[^\W\d_][^.]*?(?=\s+(?:[IVXLC]{1,7}|[A-Z]|\d{1,2})\.\s|$)")


def _contents_without_pages(lines: list[str], start: int) -> range:
    """A table of contents without page numbers, near the top: from its "Contents" line to
    the line before the one that repeats its first entry as a heading ("I. Preambular
    elements" … then "I. PREAMBULAR ELEMENTS"): the contents line in the first quarter of the
    text, the heading in its first half."""
    limit = start + (len(lines) - start) // 4
    for index in range(start, min(limit, len(lines))):
        match = _CONTENTS_START_RE.match(lines[index])
        if not match:
            continue
        following = match.group("first") or next((x for x in lines[index + 1 : index + 3] if x), "")
        entry = _ENTRY_RE.match(following)
        if entry is None:
            return range(0)
        first = entry.group(0).strip().lower()
        for end in range(index + 1, min(start + (len(lines) - start) // 2 + 1, len(lines))):
            if lines[end].lower().startswith(first) and lines[end].lower() != following.lower():
                return range(index, end)
        return range(0)
    return range(0)


def _page_number(line: str, previous: int, position: int) -> bool:
    """Whether a line that looks like a page number is one.

    "- 6 -", "Page 6" and "6/12" always are. A bare number could be the Chair's own word
    wrapped onto a line by itself ("… the" / "2030" / "Agenda …"), so it counts only if it
    continues the page numbers seen so far (up to three pages on, as extraction loses some)
    or is small enough for where it stands (about one page per 15 lines).
    """
    if not line.isdigit():
        return True
    value = int(line)
    return previous < value <= max(previous + 3, position // 15 + 3)


def _draft_start(lines: list[str]) -> tuple[int, tuple[int, int] | None]:
    """The index where the draft begins, and the cover letter's line range if one is skipped.

    The draft begins at its header line ("DRAFT 2, 2 July 2021") when that comes before the
    first paragraph and what precedes it reads as a letter; otherwise at the top.
    """
    for index, line in enumerate(lines):
        if PARAGRAPH_START_RE.match(line):
            break
        if line and HEADER_RE.match(line):
            before = [x for x in lines[:index] if x]
            # Only a letter is skipped: twelve lines of a draft before a "Draft decision"
            # heading are the Chair's words, and are kept.
            if before and any(LETTER_RE.search(x) for x in before):
                first = next(i for i, x in enumerate(lines) if x)
                last = max(i for i in range(index) if lines[i])
                return index, (first + 1, last + 1)
            return 0, None
    return 0, None


#: A footnote reference already written as Markdown ("1982[^1]", see :mod:`.pdfnotes`).
_REFERENCE_RE = re.compile(r"\[\^(\d{1,3})\]")
_HAS_DIGIT_RE = re.compile(r"\d")
#: A footnote number glued to the word or punctuation it follows ("outcome.1", "States2"),
#: never a number in parentheses ("(1)" labels a subparagraph: UNCLOS article 1) nor the
#: number of a document symbol's addendum or revision ("ST/ESA/107 and Add.1", "Rev.2").
_GLUED_RE = re.compile(
    r"(?<=[^\s\d(])(?<!\d\.)(?<!\bAdd\.)(?<!\bRev\.)(?<!\bCorr\.)(?<!\bAmend\.)(?<!\bL\.)(?<!\bWP\.)(?<!\bCRP\.)"
    r"(\d{1,3})(?=[\s,;:.)]|$)"
)


def _footnote_bodies(raw: list[str], lines: list[str], start: int) -> tuple[dict[int, list[tuple[str, str]]], set[int]]:
    """Source indexes of footnote bodies with their label and text, and the indexes of the
    lines a body continues on.

    A body is a line "N text" where N is the next footnote number (1, 2, 3 …) and an
    earlier line carries N glued to a word or punctuation ("outcome.1", "States2").  It
    continues on the lines directly below it while it has not ended (with a full stop or a
    web address) and the next line does not open a new page (extraction indents that).
    """
    found: dict[int, list[tuple[str, str]]] = {}
    consumed: set[int] = set()
    expected = 1
    cited: set[int] = set()
    index = start
    while index < len(lines):
        line = lines[index]
        match = FOOTNOTE_BODY_RE.match(line)
        if match and int(match.group(1)) == expected and expected in cited and not _looks_like_text(match.group(2)):
            body = [match.group(2)]
            end = index + 1
            while (
                end < len(lines)
                and lines[end]
                and not _ended(body[-1])
                and not raw[end][:1].isspace()
                and not FOOTNOTE_BODY_RE.match(lines[end])
                and not PAGE_NUMBER_RE.match(lines[end])
            ):
                body.append(lines[end])
                consumed.add(end)
                end += 1
            found[index] = _run_together(expected, joining.join(body), cited)
            expected += len(found[index])
            index = end
            continue
        if _HAS_DIGIT_RE.search(line):
            cited.update(int(n) for n in _GLUED_RE.findall(line))
            if "[^" in line:
                cited.update(int(n) for n in _REFERENCE_RE.findall(line))
        index += 1
    return found, consumed


def _run_together(first: int, body: str, cited: set[int]) -> list[tuple[str, str]]:
    """A footnote body, split where the next footnotes' bodies run on in the same line, as a
    flattened source prints them: "7 See also sub-section 3.2. 8 There is a need …" is
    footnote 7 and footnote 8, when the text cites 8 too (at a sentence end, before a capital)."""
    out: list[tuple[str, str]] = []
    label = first
    while True:
        after = re.search(rf"(?<=[.;])\s+{label + 1}\s+(?=[A-Z“\[])", body)
        if after is None or label + 1 not in cited:
            out.append((str(label), body))
            return out
        out.append((str(label), body[: after.start()]))
        body = body[after.end() :]
        label += 1


def _ended(text: str) -> bool:
    last = text.rsplit(" ", 1)[-1]
    return text.endswith((".", "!", "?")) or last.startswith(("http://", "https://", "www."))


def _looks_like_text(body: str) -> bool:
    """A footnote body does not read as the continuation of a sentence ("1 in the …")."""
    return body[:1].islower() and not body.startswith(("http", "www", "see", "cf", "ibid"))


#: A UN document symbol ("A/C.1/76/L.47", "FCCC/CP/2022/L.19") or a GE. job number.
SYMBOL_LIKE_RE = re.compile(r"^(?:[A-Z]{1,8}(?:/[\w.()-]+)+|GE\.\d{2}-\d+)$")


def _running_headers(raw: list[str], lines: list[str], start: int) -> set[int]:
    """Source indexes of running headers and footers.

    A sentence the Chair repeats (Draft 2 repeats its chapeau three times) must survive, so
    a repeated line counts only where the layout shows it is one: it stands next to a page
    break (a page number or a form feed) on at least half of the pages, and at least three
    times, and never more than once a page; only those occurrences go.  A document symbol
    ("A/CONF.192/BMS/2021/WP.1") or a draft marker ("Draft 2, 2 July 2021") that repeats goes
    everywhere, page breaks or not.
    """
    counts = Counter(line for line in lines[start:] if line and len(line) <= 120 and not REPEATABLE_RE.match(line))
    marker = {line for line, n in counts.items() if n >= 2 and (SYMBOL_LIKE_RE.match(line) or HEADER_RE.match(line))}
    repeated = {line for line, n in counts.items() if n >= 3} | marker
    if not repeated:
        return set()
    content = [i for i in range(start, len(lines)) if lines[i]]
    breaks = [p for p, i in enumerate(content) if PAGE_NUMBER_RE.match(lines[i]) or "\f" in raw[i]]
    breaks += [-1, len(content)]  # the top of the first page and the foot of the last
    near_breaks = {b + d for b in breaks for d in range(-2, 3)}
    near: dict[str, list[int]] = {}
    for position, index in enumerate(content):
        line = lines[index]
        if line in repeated and ("\f" in raw[index] or position in near_breaks):
            near.setdefault(line, []).append(index)
    # a page number and the form feed after it are one page break, not two
    pages = sum(1 for p, b in enumerate(sorted(breaks)) if p == 0 or b - sorted(breaks)[p - 1] > 3) - 1
    found = {
        i
        for line, where in near.items()
        if len(where) >= max(3, pages // 2) and counts[line] <= pages + 1  # at most once a page
        for i in where
    }
    found |= _header_lines_below(lines, content, repeated, found, max(3, pages // 2))
    found |= _beside_symbol(raw, lines, content, counts, marker)
    found |= {i for i in content if lines[i] in marker}
    return found


def _beside_symbol(
    raw: list[str], lines: list[str], content: list[int], counts: Counter[str], marker: set[str]
) -> set[int]:
    """The lines printed with the document's symbol at the top of a page ("Agreement under
    the …" over three lines, then "A/RES/79/271"; or the symbol first), where the same lines
    stand so on two pages or more, or where all of them are words of the first page (the
    document's title, which the UN prints as the running header): a short document's running
    header, printed on too few pages to be told by its repeats alone."""
    first_page = " ".join(lines[i] for i in itertools.takewhile(lambda i: "\f" not in raw[i], content))
    tops: dict[str, list[int]] = {}
    titled: set[int] = set()
    for position, index in enumerate(content):
        if "\f" not in raw[index]:
            continue
        block = content[position : position + 6]
        at = next((k for k, i in enumerate(block) if lines[i] in marker), None)
        if at is None:
            continue
        beside = block[:at] if at else list(itertools.takewhile(lambda i: counts[lines[i]] >= 2, block[1:4]))
        title = [i for i in beside if len(lines[i].split()) >= 3 and lines[i] in first_page]
        if len(title) == len(beside):
            titled.update(title)  # the document's title, as its first page prints it
        for i in beside:
            if counts[lines[i]] >= 2 and not REPEATABLE_RE.match(lines[i]):
                tops.setdefault(lines[i], []).append(i)
    return {i for where in tops.values() if len(where) >= 2 for i in where} | titled


def _header_lines_below(
    lines: list[str], content: list[int], repeated: set[str], found: set[int], least: int
) -> set[int]:
    """The further lines of a running header printed on several lines: a repeated line that
    comes right below a line of the header, on as many pages as a header line must be ("…
    Marine Biological" / "Diversity of Areas beyond National Jurisdiction")."""
    found = set(found)
    added: set[int] = set()
    while True:
        below: dict[str, list[int]] = {}
        for position in range(1, len(content)):
            index = content[position]
            if index not in found and content[position - 1] in found and lines[index] in repeated:
                below.setdefault(lines[index], []).append(index)
        new = {i for where in below.values() if len(where) >= least for i in where}
        if not new:
            return added
        found |= new
        added |= new
