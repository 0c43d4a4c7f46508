"""A UN document's footnotes, as its PDF prints them, put in the order of the page.

The United Nations prints a document's footnotes at the foot of the page under a short rule
("__________"): each note's number set small and high, its text hanging beside it; in the
text, the mark is the same small raised number after a word or a punctuation mark.  pdftotext's
reading order loses both: the marks become words of their own ("the Law of the Sea 1 on
the"), which nothing tells from a number of the text, and the numbers of the notes a column
apart ("1" … "3" "A/CONF.232/2023/4." "2"), so that the notes ran into the paragraphs.

The word boxes (``pdftotext -bbox-layout``, only for the pages that print such a rule) tell
them apart: a **mark** is a number set at most :data:`SMALL` of the height of the words of its
page and raised above its row's baseline.  On each page with a rule:

- every mark in the text above the rule is glued to what it follows ("Sea1", "conference,2";
  a mark typed "2/", as the UN wrote them until the late 1990s, loses its slash: "mankind,2"),
  the form the plain-text reader knows (:func:`.plaintext.read` takes "N text" lines whose
  number some text carries glued as footnote bodies and puts them back where they are cited);
- under the rule, each note is written as one line, its number first ("2 Resolutions 75/239
  …"), in the order of the page, and the page's other lines there (the job number, the page
  number) after them as pdftotext wrote them.

Only pdftotext's words move, never change (but for a typed mark's slash).  Each line is found in pdftotext's text by its words
(a line the boxes do not match is left as it was); the page keeps its number of lines (blank
lines make up for the joined ones), so line numbers in the import report stay those of
``pdftotext draft.pdf -``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from zerodraft.importing.pdflayout import Box, Word

#: The rule above a page's footnotes, as pdftotext writes it.
RULE_RE = re.compile(r"^\s*_{5,}\s*$")
#: A footnote number.
NUMBER_RE = re.compile(r"^\d{1,3}$")
#: A footnote number as typed marks were written ("2/").
SLASHED_RE = re.compile(r"^\d{1,3}/$")
#: A mark is set at most this share of the height of the page's words.
SMALL = 0.75


@dataclass(frozen=True, slots=True)
class PageNotes:
    """What was put in order on one page."""

    page: int
    """The page (1-based)."""
    marks: int
    """How many marks were glued to the word they follow."""
    notes: int
    """How many notes were written with their number."""


def has_rule(page: str) -> bool:
    """Whether a page's text holds the rule above footnotes."""
    return any(RULE_RE.match(line) for line in page.split("\n"))


def arrange(text: str, pages: dict[int, tuple[float, list[Box]]]) -> tuple[str, list[PageNotes]]:
    """``text`` (pages ending in form feeds) with the footnotes of the pages in ``pages``
    (word boxes by 0-based page index) put in order."""
    out: list[str] = []
    done: list[PageNotes] = []
    for number, page_text in enumerate(text.split("\f")):
        lines = page_text.split("\n")
        if number in pages:
            marks, notes = _arrange_page(lines, pages[number][1])
            if marks or notes:
                done.append(PageNotes(number + 1, marks, notes))
        out.append("\n".join(lines))
    return "\f".join(out), done


def _key(text: str) -> str:
    return "".join(text.split())


def _find(lines: list[str], key: str, taken: set[int]) -> int | None:
    """The first line not yet taken whose words are ``key``."""
    return next((i for i, line in enumerate(lines) if i not in taken and _key(line) == key), None)


def _arrange_page(lines: list[str], boxes: list[Box]) -> tuple[int, int]:
    """Put the page's footnotes in order, in place; how many marks and notes were."""
    rule = next((b for b in boxes if RULE_RE.match(b.text)), None)
    if rule is None:
        return 0, 0
    text_words = [w for b in boxes if b.y0 < rule.y1 and b is not rule for w in b.words if _wordlike(w)]
    if not text_words:
        return 0, 0
    height = statistics.median(w.height for w in text_words)
    after = next((i for i, line in enumerate(lines) if RULE_RE.match(line)), -1)
    numbers = _order_notes(lines, [b for b in boxes if b.y0 >= rule.y1 - 0.5 and b is not rule], height, after)
    marks = _glue_marks(lines, [b for b in boxes if b.y1 <= rule.y0], height, numbers)
    return marks, len(numbers)


def _wordlike(word: Word) -> bool:
    return len(word.text) > 1 and any(c.isalpha() for c in word.text)


def _is_mark(word: Word, row: list[Word], height: float) -> bool:
    """A number set small and high among the words of its row, or a number with a slash
    ("2/", as the UN typed marks until the late 1990s)."""
    if SLASHED_RE.match(word.text):
        return True
    if not NUMBER_RE.match(word.text) or word.height > SMALL * height:
        return False
    others = [w for w in row if w is not word and w.height > SMALL * height]
    if not others:
        return True  # a row of marks only (a note's number on a line of its own)
    baseline = statistics.median(w.y1 for w in others)
    return word.y1 < baseline - 0.15 * height


def _glue_marks(lines: list[str], boxes: list[Box], height: float, numbers: set[str]) -> int:
    """Glue each mark in the text to the word before it ("Sea1", "mankind,2" for "mankind,
    2/"): on its own line, or at the end of the line before when it opens one.  A number
    with a slash is a mark only when a note on the page has its number."""
    glued = 0
    taken: set[int] = set()

    def is_mark(word: Word, words: list[Word]) -> bool:
        return _is_mark(word, words, height) and (not SLASHED_RE.match(word.text) or word.text[:-1] in numbers)

    for box in boxes:
        words = list(box.words)
        if not any(is_mark(w, words) for w in words):
            continue
        at = _find(lines, box.key, taken)
        if at is None:
            continue
        taken.add(at)
        pieces: list[str] = []
        for word in words:
            mark = word.text.rstrip("/")
            if is_mark(word, words) and pieces:
                pieces[-1] = _glued(pieces[-1], mark)
                glued += 1
            elif is_mark(word, words):
                before = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)
                if before is None:
                    pieces.append(word.text)
                    continue
                lines[before] = _glued(lines[before].rstrip(), mark)
                glued += 1
            else:
                pieces.append(word.text)
        lines[at] = " ".join(pieces)
    return glued


def _glued(before: str, mark: str) -> str:
    """``before`` with the mark glued to it: "Sea1"; after a number ("of 10 December 1982
    1/") as the footnote reference itself, "1982[^1]", which no digit can run into."""
    return f"{before}[^{mark}]" if before[-1:].isdigit() else before + mark


def _rows(boxes: list[Box]) -> list[list[Word]]:
    """The words of ``boxes`` in rows, top to bottom, each row left to right."""
    rows: list[list[Word]] = []
    for word in sorted((w for b in boxes for w in b.words), key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
        middle = (word.y0 + word.y1) / 2
        if rows and any(w.y0 - 1 <= middle <= w.y1 + 1 for w in rows[-1]):
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _next_row(above: list[Word], row: list[Word]) -> bool:
    """Whether ``row`` is the line right under ``above`` (no wider gap than half a line)."""
    bottom = max(w.y1 for w in above)
    tall = max(w.height for w in row)
    return min(w.y0 for w in row) - bottom <= 0.5 * tall


def _order_notes(lines: list[str], boxes: list[Box], height: float, after: int) -> set[str]:
    """Write the notes under the rule one a line, number first, where pdftotext wrote their
    lines (after line ``after``, the rule's); the lines that hold no note (the job number, the
    page number) after them, a blank line apart, as they were."""
    notes: list[tuple[str, list[str]]] = []
    in_notes: set[int] = set()
    above: list[Word] = []
    for row in _rows(boxes):
        first = row[0]
        if _is_mark(first, row, height):
            notes.append((first.text.rstrip("/"), [w.text for w in row[1:]]))
        elif notes and above and _next_row(above, row):
            # the note's next line, hanging under its text or back at the margin
            notes[-1] = (notes[-1][0], notes[-1][1] + [w.text for w in row])
        else:
            above = []
            continue
        in_notes.update(id(w) for w in row)
        above = row
    if not notes or any(not words for _, words in notes):
        return set()
    taken = set(range(after + 1))
    places: list[int] = []
    kept: list[str] = []
    for box in boxes:
        at = _find(lines, box.key, taken)
        if at is None:
            return set()  # the boxes do not match pdftotext's lines: leave the page as it was
        taken.add(at)
        places.append(at)
        if not all(id(w) in in_notes for w in box.words):
            kept.append(lines[at])
    written = [f"{number} {' '.join(words)}" for number, words in notes]
    written += [""] * (len(places) > len(written) + len(kept)) + kept
    if len(written) > len(places):
        return set()
    for place, line in zip(sorted(places), written + [""] * (len(places) - len(written)), strict=True):
        lines[place] = line
    return {number for number, _ in notes}


def describe(done: list[PageNotes]) -> tuple[str, ...]:
    """What was put in order, as a note for the import report (none if nothing was)."""
    if not done:
        return ()
    notes = sum(p.notes for p in done)
    marks = sum(p.marks for p in done)
    pages = ", ".join(str(p.page) for p in done)
    return (
        f"{notes} footnote{'s' * (notes != 1)} under the rule at the foot of page{'s' * (len(done) != 1)} {pages} "
        f"read with {'its' if notes == 1 else 'their'} number{'s' * (notes != 1)}, and {marks} footnote "
        f'mark{"s" * (marks != 1)} (small raised numbers, or typed "2/") read as marks, from the PDF\'s word boxes',
    )
