"""A PDF's text in reading order: pdftotext's own, with labels printed apart put back
before their text.

Treaties set their subparagraphs with a hanging indent: the label ("2.", "(iii)", "c.") at
one x, its text at another, often with a tab between.  pdftotext's reading order then takes
the labels as a column of their own, and writes "2." "3." (or "(iii)" "c." "d.") on lines of
their own, above or below the text they number, or after it.  The text stays pdftotext's;
only its order is repaired, and only where the word boxes (``pdftotext -bbox-layout``) prove
it wrong:

- a **label apart** is a line holding only a subparagraph or paragraph label that stands on
  the same row as a line of text just to its right (at most :data:`MAX_GAP` of the page's
  width away), which pdftotext did not write right after it;
- on a page with labels apart, the lines from the first label standing beside its text to
  the last (apart or not) are put in the order of the page — row by row, top to bottom, left to right in a row —
  and each label is joined to the text on its row ("2. (a) Disputes concerning …").

A page where the word boxes cannot be matched to pdftotext's lines one by one is left as
pdftotext wrote it.  The repaired page keeps its number of lines (blank lines make up for the
joined ones), so line numbers in the import report stay those of ``pdftotext draft.pdf -``.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass

#: A line holding only a label: "(a)", "(iii)", "(12)", "a)", "c.", "2.", "16.1", "IV.", and the
#: labels UNFCCC/ADP texts print left of preambular and operative paragraphs: "Pp3", "PP.3",
#: "pp 3", "OP12".
LABEL_RE = re.compile(
    r"^(?:\((?:[a-z]{1,2}|[ivxlc]{1,7}|\d{1,3}|[A-Z])\)|(?:[a-z]{1,2}|[ivxlc]{1,7})\)|[a-zA-Z]\.|[ivxlc]{1,7}\.|"
    r"\d{1,3}(?:\.\d{1,3})*\.?(?<=\.)|[IVXLC]{1,7}\.|(?:(?:PP|Pp|OP|Op)\.?|pp|op)\s?\d{1,3})$"
)
#: The widest gap between a label and its text, as a share of the page's width (a hanging
#: indent is at most a few centimetres; a second column stands further off).
MAX_GAP = 0.15

_TAG_RE = re.compile(r"<(page|block|line) ([^>]*)>|<word ([^>]*)>([^<]*)</word>")
_ATTR_RE = re.compile(r'(\w+)="([\d.]+)"')


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a page as pdftotext's word boxes place it."""

    x0: float
    """Left edge, in points from the page's left."""
    y0: float
    """Top edge, in points from the page's top."""
    x1: float
    """Right edge."""
    y1: float
    """Bottom edge."""
    text: str
    """The word."""

    @property
    def height(self) -> float:
        """How tall it is set: a superscript is about half the height of its line's words."""
        return self.y1 - self.y0


@dataclass(frozen=True, slots=True)
class Box:
    """One line of a page as pdftotext's word boxes place it."""

    block: int
    """The number of pdftotext's text block holding it (blocks are its reading order)."""
    x0: float
    """Left edge, in points from the page's left."""
    y0: float
    """Top edge, in points from the page's top."""
    x1: float
    """Right edge."""
    y1: float
    """Bottom edge."""
    text: str
    """Its words, one space apart."""
    words: tuple[Word, ...] = ()
    """Its words with their boxes."""

    @property
    def key(self) -> str:
        """Its words without white space, to match it to a line of pdftotext's text."""
        return "".join(self.text.split())


@dataclass(frozen=True, slots=True)
class Repair:
    """A page whose labels were put back before their text."""

    page: int
    """The page (1-based)."""
    first: int
    """The first line of the repaired stretch, in ``pdftotext draft.pdf -``'s numbering."""
    last: int
    """Its last line."""
    labels: int
    """How many labels were joined to their text."""


def needs_boxes(text: str) -> bool:
    """Whether the text has any line holding only a label (else nothing can be apart)."""
    return any(LABEL_RE.match(line.strip()) for line in text.split("\n"))


def boxes_command(program: str, path: str, first: int, last: int) -> list[str]:
    """The pdftotext run that gives the word boxes of pages ``first`` to ``last`` (1-based)."""
    return [program, "-bbox-layout", "-enc", "UTF-8", "-f", str(first), "-l", str(last), "--", path, "-"]


#: At most this many pdftotext runs for the word boxes of one PDF (runs of pages are joined
#: across their smallest gaps beyond it): a few processes, whatever the length of the PDF.
MAX_RUNS = 8


def runs(pages: list[int], most: int = MAX_RUNS) -> list[tuple[int, int]]:
    """Runs of consecutive page numbers, at most ``most`` of them: [3, 4, 5, 9] → [(3, 5),
    (9, 9)]; beyond ``most``, the two runs with the smallest gap between them become one."""
    out: list[tuple[int, int]] = []
    for page in pages:
        if out and page == out[-1][1] + 1:
            out[-1] = (out[-1][0], page)
        else:
            out.append((page, page))
    while len(out) > most:
        at = min(range(len(out) - 1), key=lambda i: out[i + 1][0] - out[i][1])
        out[at : at + 2] = [(out[at][0], out[at + 1][1])]
    return out


def parse_boxes(xhtml: str) -> list[tuple[float, list[Box]]]:
    """The pages of ``pdftotext -bbox-layout`` output: each page's width and its lines."""
    pages: list[tuple[float, list[Box]]] = []
    block = -1
    line: dict[str, float] | None = None
    words: list[Word] = []

    def close() -> None:
        if line is not None and pages:
            text = " ".join(w.text for w in words)
            pages[-1][1].append(Box(block, line["xMin"], line["yMin"], line["xMax"], line["yMax"], text, tuple(words)))

    for match in _TAG_RE.finditer(xhtml):
        tag, attributes, placed, word = match.groups()
        if word is not None:
            at = {k: float(v) for k, v in _ATTR_RE.findall(placed)}
            box = (at.get("xMin", 0.0), at.get("yMin", 0.0), at.get("xMax", 0.0), at.get("yMax", 0.0))
            words.append(Word(*box, html.unescape(word)))
            continue
        close()
        line, words = None, []
        values = {k: float(v) for k, v in _ATTR_RE.findall(attributes)}
        if tag == "page":
            pages.append((values.get("width", 612.0), []))
        elif tag == "block":
            block += 1
        else:
            line = values
    close()
    return pages


def repair(text: str, pages: dict[int, tuple[float, list[Box]]]) -> tuple[str, list[Repair]]:
    """``text`` (pdftotext's, pages ending in form feeds) with the labels apart put back;
    ``pages`` holds the word boxes of the pages to look at, by 0-based page index."""
    out: list[str] = []
    repairs: list[Repair] = []
    offset = 0
    for number, page_text in enumerate(text.split("\f")):
        lines = page_text.split("\n")
        if number in pages:
            width, boxes = pages[number]
            fixed = _repair_page(lines, boxes, width)
            if fixed is not None:
                lines, first, last, labels = fixed
                repairs.append(Repair(number + 1, offset + first + 1, offset + last + 1, labels))
        out.append("\n".join(lines))
        offset += len(lines) - 1
    return "\f".join(out), repairs


def _match(lines: list[str], boxes: list[Box]) -> dict[int, list[Box]] | None:
    """Each non-blank line's boxes (two or more where pdftotext joined lines at a hyphen),
    or None if the two do not agree."""
    found: dict[int, list[Box]] = {}
    position = 0
    for index, line in enumerate(lines):
        key = "".join(line.split())
        if not key:
            continue
        if position >= len(boxes):
            return None
        taken = [boxes[position]]
        joined = taken[0].key
        position += 1
        while joined != key and position < len(boxes) and len(joined) < len(key):
            nxt = boxes[position].key
            dehyphenated = joined[:-1] + nxt if joined.endswith("-") else ""
            joined = dehyphenated if dehyphenated and key.startswith(dehyphenated) else joined + nxt
            taken.append(boxes[position])
            position += 1
        if joined != key:
            return None
        found[index] = taken
    return found if position == len(boxes) else None


def _middle(box: Box) -> float:
    return (box.y0 + box.y1) / 2


def _same_row(a: Box, b: Box) -> bool:
    return b.y0 <= _middle(a) <= b.y1 or a.y0 <= _middle(b) <= a.y1


def _pairs(lines: list[str], placed: dict[int, list[Box]], width: float) -> list[tuple[int, int]]:
    """Each label and the line of its text: (label line, text line) by index in ``lines``."""
    order = sorted(placed)
    pairs: list[tuple[int, int]] = []
    for label in (i for i in order if LABEL_RE.match(lines[i].strip())):
        box = placed[label][0]
        right = [
            i
            for i in order
            if i != label and any(_same_row(box, b) and -1.0 <= b.x0 - box.x1 <= MAX_GAP * width for b in placed[i])
        ]
        if right:
            pairs.append((label, min(right, key=lambda i: min(b.x0 for b in placed[i] if _same_row(box, b)))))
    return pairs


def _apart(pairs: list[tuple[int, int]], placed: dict[int, list[Box]]) -> bool:
    """Whether some label's text is not the next line pdftotext wrote."""
    order = sorted(placed)
    return any(text != next((i for i in order if i > label), None) for label, text in pairs)


def _repair_page(lines: list[str], boxes: list[Box], width: float) -> tuple[list[str], int, int, int] | None:
    if not boxes or not any(LABEL_RE.match(line.strip()) for line in lines):
        return None
    placed = _match(lines, boxes)
    if placed is None:
        return None
    pairs = _pairs(lines, placed, width)
    if not _apart(pairs, placed):
        return None
    first = min(min(pair) for pair in pairs)
    last = max(max(pair) for pair in pairs)
    stretch = [b for i in sorted(placed) if first <= i <= last for b in placed[i]]
    written, joined = _in_page_order(stretch, width)
    span = last - first + 1
    while len(written) > span and "" in written:
        written.remove("")
    if len(written) > span:
        return None
    written += [""] * (span - len(written))
    return [*lines[:first], *written, *lines[last + 1 :]], first, last, joined


def _in_page_order(stretch: list[Box], width: float) -> tuple[list[str], int]:
    """The lines of ``stretch`` row by row, each label joined to the text on its right, a
    blank line where the rows stand a paragraph's space apart; and how many were joined."""
    rows: list[list[Box]] = []
    for box in sorted(stretch, key=lambda b: (_middle(b), b.x0)):
        if rows and _same_row(rows[-1][0], box):
            rows[-1].append(box)
        else:
            rows.append([box])
    written: list[str] = []
    joined = 0
    above: Box | None = None
    for row in rows:
        row.sort(key=lambda b: b.x0)
        pieces: list[tuple[str, Box]] = []
        for box in row:
            if pieces and _all_labels(pieces[-1][0]) and box.x0 - pieces[-1][1].x1 <= MAX_GAP * width:
                pieces[-1] = (f"{pieces[-1][0]} {box.text}", box)
                joined += 1
                continue
            pieces.append((box.text, box))
        if above is not None and row[0].y0 - above.y1 > 0.4 * (above.y1 - above.y0):
            written.append("")
        written.extend(text for text, _ in pieces)
        above = max(row, key=lambda b: b.y1)
    return written, joined


#: The space inside a paragraph label ("pp 3"), taken out before a line is cut into labels.
_LABEL_SPACE_RE = re.compile(r"\b((?:PP|Pp|OP|Op)\.?|pp|op) (?=\d)")


def _all_labels(text: str) -> bool:
    return all(LABEL_RE.match(piece) for piece in _LABEL_SPACE_RE.sub(r"\1", text).split())


def fetch(program: str, path: str, wanted: list[int], timeout: float) -> dict[int, tuple[float, list[Box]]]:
    """The word boxes of the pages ``wanted`` (1-based), by 0-based page index: a pdftotext
    per run of them, side by side; a run that fails or takes too long is left out."""
    started = [
        (
            first,
            subprocess.Popen(
                boxes_command(program, path, first, last), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            ),
        )
        for first, last in runs(wanted)
    ]
    pages: dict[int, tuple[float, list[Box]]] = {}
    for first, process in started:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            continue
        if process.returncode == 0:
            boxes = parse_boxes(output.decode("utf-8", errors="replace"))
            pages.update((first - 1 + index, page) for index, page in enumerate(boxes))
    return pages


def describe(repairs: list[Repair]) -> tuple[str, ...]:
    """The repairs, as a note for the import report (none if there were none)."""
    if not repairs:
        return ()
    labels = sum(r.labels for r in repairs)
    where = ", ".join(f"{r.first}–{r.last}" if r.last > r.first else str(r.first) for r in repairs)
    pages = len(repairs)
    return (
        f"{labels} label{'s' * (labels != 1)} printed apart from their text (a hanging indent pdftotext read as a "
        f"column) put back before it, on {pages} page{'s' * (pages != 1)}: lines {where}",
    )
