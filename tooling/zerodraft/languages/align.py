"""A translation's text aligned to the original's structure, never re-recognised.

The original says what there is: Part II, then Article 9 with paragraphs 1–3, then Article 10
with one unnumbered paragraph …  The aligner looks for exactly that, in order, in the
translation, with the patterns of the translation's language ("第九条", "المادة 9", "一、",
"- 1"): each heading after the previous one, each paragraph number after the previous one.
What lies between two markers is that paragraph's text.  Where a marker is missing (OCR lost
it) or the original has unnumbered paragraphs side by side, the text between the markers found
is shared among the paragraphs by the lengths of their originals, at clause boundaries, and
those paragraphs are listed as uncertain.  What cannot be found is listed with its source line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from zerodraft.languages.conventions import Conventions
from zerodraft.languages.skeleton import Slot, Unit
from zerodraft.model import Problem
from zerodraft.numbering import Number

_NOISE_PREFIX = r"[ \t\d\-–]{0,6}"
_BREAK_CASED = re.compile(r"(?<=[,;:.،؛])\s+(?=[A-ZÀ-ÞА-ЯЁ])")
_BREAK_ANY = re.compile(r"(?<=[，；。：,;:.،؛])\s*")
_CAPITAL = re.compile(r"\s(?=[A-ZÀ-ÞА-ЯЁ])")
_STRAY_NUMBER = re.compile(r"\s*\d{1,3}(?=\s)")
_TRAILING_MARKER = re.compile(r"\s(?:-\s?\d{1,2}|\d{1,2}\s?-)\s*$")


@dataclass(frozen=True, slots=True)
class Aligned:
    """One paragraph's translation, found."""

    slot: Slot
    """The original paragraph it translates."""
    text: str
    """The translated text, subparagraphs on their own lines."""
    line: int
    """The source line where it starts."""
    certain: bool
    """True when found by its own number (or as the only text of its unit); False when shared
    out by length."""


@dataclass(frozen=True, slots=True)
class FoundHeading:
    """A section's heading and title, found."""

    unit: Unit
    """The original section."""
    title: str
    """The title in the translation, or ``""`` where it could not be told from the text."""
    line: int
    """The source line of the heading."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """What the aligner made of a translation."""

    language: str
    """The translation's language."""
    paragraphs: tuple[Aligned, ...]
    """Every paragraph found, in document order."""
    headings: tuple[FoundHeading, ...]
    """Every heading found."""
    problems: tuple[Problem, ...]
    """What could not be aligned (ZD660) and the noise removed (ZD661), against the source."""
    total: int
    """How many paragraphs the original has."""
    front: str = ""
    """The text between the title (the first line) and the first heading found, where the
    original has no preamble section: what the original keeps as its note above the text."""

    @property
    def ratio(self) -> float:
        """The share of the original's paragraphs found by their own number or unit."""
        return sum(1 for a in self.paragraphs if a.certain) / self.total if self.total else 1.0


class _Text:
    """The source text, with line numbers for offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def align(units: tuple[Unit, ...], text: str, target: Conventions, source_name: str) -> Alignment:
    """Align ``text`` (a translation, in ``target``'s language) to ``units`` (the original)."""
    source = _Text(text)
    problems: list[Problem] = []

    def report(offset: int, code: str, message: str) -> None:
        problems.append(Problem(source_name, source.line(offset), code, message))

    found = _headings(units, source, target, report)
    paragraphs: list[Aligned] = []
    headings: list[FoundHeading] = []
    for index, (unit, start, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        following = found[index + 1][0] if index + 1 < len(found) else None
        title, aligned = _unit(unit, source, end, stop, following, target, report)
        paragraphs.extend(aligned)
        if unit.kind != "preamble":
            headings.append(FoundHeading(unit, title, source.line(start)))
    placed = {a.slot.path for a in paragraphs}
    total = sum(len(u.slots) for u in units)
    for unit in units:
        for slot in unit.slots:
            if slot.path not in placed:
                name = slot.path.rsplit("/", 1)[1]
                by_hand = f"{name.removesuffix('.md')}.{target.code}.md"
                report(0, "ZD660", f"found no text for {name} ({_where(unit)}): translate it by hand, as {by_hand}")
    front = ""
    if found and found[0][0].kind != "preamble":
        first_line = text.find("\n", text.find(text.strip()[:1])) if text.strip() else 0
        end = _trim(text, max(0, first_line), found[0][1], found[0][0], target, report)
        front = " ".join(text[max(0, first_line) : end].split())
    return Alignment(target.code, tuple(paragraphs), tuple(headings), tuple(problems), total, front)


def _where(unit: Unit) -> str:
    if unit.kind and unit.number is not None:
        return f"{unit.kind} {unit.number.label()}"
    return unit.kind or unit.path.rsplit("/", 1)[1]


def _headings(
    units: tuple[Unit, ...], source: _Text, target: Conventions, report: object
) -> list[tuple[Unit, int, int]]:
    """Each unit's heading in order: (unit, start, end of the heading)."""
    text = source.text
    out: list[tuple[Unit, int, int]] = []
    position = 0
    for index, unit in enumerate(units):
        if unit.kind == "preamble":
            word = target.headings.get("preamble", "")
            match = re.search(re.escape(word), text[position:]) if word else None
            if match is not None:
                line_start = text.rfind("\n", 0, position + match.start()) + 1
                out.append((unit, line_start, position + match.end()))
                position += match.end()
            else:
                first_line = text.find("\n", position) + 1  # the title of the document
                out.append((unit, first_line, first_line))
            continue
        if unit.number is None or not unit.kind:
            continue  # a heading of no known kind: its text stays with the unit before it
        pattern = target.heading_pattern(unit.kind, unit.number.base)
        if pattern is None:
            continue
        hit = _first(pattern, text, position, _next_pattern(units, index, target))
        if hit is None:
            assert callable(report)
            report(position, "ZD660", f"found no heading for {_where(unit)} after this line")
            continue
        out.append((unit, hit.start(), hit.end()))
        position = hit.end()
    return out


def _next_pattern(units: tuple[Unit, ...], index: int, target: Conventions) -> re.Pattern[str] | None:
    for unit in units[index + 1 :]:
        if unit.kind and unit.number is not None and unit.kind != "preamble":
            return target.heading_pattern(unit.kind, unit.number.base)
    return None


def _first(pattern: re.Pattern[str], text: str, position: int, after: re.Pattern[str] | None) -> re.Match[str] | None:
    """The first match at the start of a line after ``position`` (the printed heading), or
    else the first anywhere (OCR moved it), unless the next heading comes first."""
    anywhere = pattern.search(text, position)
    if anywhere is None:
        return None
    at_line = re.compile(rf"(?m)^{_NOISE_PREFIX}(?:{pattern.pattern})").search(text, position)
    if at_line is None:
        return anywhere
    inner = pattern.search(text, at_line.start())
    if at_line.start() <= anywhere.start() or inner is None:
        return inner or anywhere
    following = after.search(text, anywhere.end(), inner.start()) if after is not None else None
    return anywhere if following is not None else inner


def _unit(
    unit: Unit,
    source: _Text,
    start: int,
    stop: int,
    following: Unit | None,
    target: Conventions,
    report: object,
) -> tuple[str, list[Aligned]]:
    """The title and paragraphs of one unit, from its region of the text."""
    assert callable(report)
    text = source.text
    region_end = _trim(text, start, stop, following, target, report)
    anchors = _anchors(unit, text[:region_end], start, target, report, fallback=False)
    if not anchors and target.paragraph_fallback:
        anchors = _anchors(unit, text[:region_end], start, target, report, fallback=True)
    runs: list[tuple[list[Slot], int, int]] = []
    lead_slots = [s for s in unit.slots[: anchors[0][0]]] if anchors else list(unit.slots)
    lead_end = anchors[0][1] if anchors else region_end
    lead = text[start:lead_end]
    title, lead_offset = _title(unit, lead, bool(lead_slots), target)
    if unit.title and not title and lead_slots:
        report(
            start,
            "ZD660",
            f"could not tell the title of {_where(unit)} from its first paragraph; both are kept in the paragraph",
        )
    if lead_slots:
        runs.append((lead_slots, start + lead_offset, lead_end))
    for number, (index, _marker, begin) in enumerate(anchors):
        end = anchors[number + 1][1] if number + 1 < len(anchors) else region_end
        next_index = anchors[number + 1][0] if number + 1 < len(anchors) else len(unit.slots)
        runs.append((list(unit.slots[index:next_index]), begin, end))
    aligned: list[Aligned] = []
    for slots, begin, end in runs:
        pieces, exact = _share(text[begin:end], slots, target)
        offset = begin
        for slot, piece in zip(slots, pieces, strict=True):
            if piece.strip():
                aligned.append(Aligned(slot, _blocks(piece, slot, target), source.line(offset), exact))
            offset += len(piece)
        if not exact:
            names = f"{slots[0].path.rsplit('/', 1)[1]}–{slots[-1].path.rsplit('/', 1)[1]}"
            report(
                begin,
                "ZD660",
                f"shared this text among {len(slots)} paragraphs ({names}, {_where(unit)}) by length: check where each begins",
            )
    return title, aligned


def _anchors(
    unit: Unit, text: str, start: int, target: Conventions, report: Callable[[int, str, str], None], *, fallback: bool
) -> list[tuple[int, int, int]]:
    """Each numbered slot's marker, in order: (slot index, marker start, text start)."""
    anchors: list[tuple[int, int, int]] = []
    position = start
    for index, slot in enumerate(unit.slots):
        if slot.number is None:
            continue
        hit = _first(target.paragraph_pattern(slot.number.base, fallback), text, position, None)
        if hit is None or (slot.number.rank and not _suffix_follows(text, hit.end(), slot.number, target)):
            continue
        begin = hit.end()
        if target.ocr_noise:
            stray = _STRAY_NUMBER.match(text, begin)
            if stray is not None:
                report(
                    begin,
                    "ZD661",
                    f"removed '{stray.group().strip()}' after paragraph {slot.number.label()}'s number: a page number in the text",
                )
                begin = stray.end()
        anchors.append((index, hit.start(), begin))
        position = begin
    return anchors


def _suffix_follows(text: str, end: int, number: Number, target: Conventions) -> bool:
    return text[end : end + 12].lstrip().startswith(target.suffixes[number.rank - 1])


def _trim(text: str, start: int, stop: int, following: Unit | None, target: Conventions, report: object) -> int:
    """The end of a unit's region without the noise OCR left at it: a paragraph number that
    belongs past the next heading, the next heading's word on the line before it."""
    assert callable(report)
    end = stop
    if not target.ocr_noise:
        return end
    word = target.headings.get(following.kind, "").split(" ")[0] if following is not None else ""
    for _ in range(2):
        chunk = text[start:end].rstrip()
        if word and "{" not in word and chunk.endswith(" " + word):
            report(start + len(chunk) - len(word), "ZD661", f"moved '{word}' to the heading it belongs to")
            end = start + len(chunk) - len(word)
            continue
        marker = _TRAILING_MARKER.search(chunk)
        if marker is not None:
            report(
                start + marker.start(),
                "ZD661",
                f"removed '{marker.group().strip()}': a paragraph number displaced past the next heading",
            )
            end = start + marker.start()
    return end


def _title(unit: Unit, lead: str, has_text: bool, target: Conventions) -> tuple[str, int]:
    """The title at the start of ``lead`` and where the text after it begins."""
    if not unit.title:
        return "", 0
    stripped = lead.lstrip()
    skip = len(lead) - len(stripped)
    if not has_text:
        return " ".join(stripped.split()), len(lead)
    newline = stripped.find("\n")
    if target.title_split != "capital":
        return "", skip
    line = stripped if newline < 0 else stripped[:newline]
    words = len(unit.title.split())
    for match in _CAPITAL.finditer(line):
        if len(line[: match.start()].split()) >= max(1, words // 3):
            return " ".join(line[: match.start()].split()), skip + match.end()
    return "", skip


def _share(text: str, slots: list[Slot], target: Conventions) -> tuple[list[str], bool]:
    """``text`` cut into one piece per slot at clause boundaries ("…, Recalling"), and whether
    the cut is sure.

    The boundaries of the original (where one slot ends and the next begins, among all its
    clause boundaries) are matched in order to the translation's clause boundaries by their
    relative position, as length-based sentence alignment does; the cut is sure when each
    boundary of a slot finds one within 3% of the text's length.
    """
    if len(slots) == 1:
        return [text], True
    breaks = _breaks(text, target)
    joined = " ".join(" ".join(s.text.split()) for s in slots)
    theirs = _breaks(joined, target)
    ends, length = [], 0
    for slot in slots[:-1]:
        length += len(" ".join(slot.text.split())) + 1
        ends.append(length)
    theirs = sorted(set(theirs) | set(ends))
    ours = [b / max(1, len(text)) for b in breaks]
    pairs = _match([b / max(1, len(joined)) for b in theirs], ours)
    cuts: list[int] = []
    sure = True
    for end in ends:
        index = theirs.index(end)
        if index in pairs:
            cuts.append(breaks[pairs[index]])
            sure = sure and abs(ours[pairs[index]] - end / len(joined)) < 0.03
        else:
            sure = False
    bounds = [0, *sorted(set(cuts)), len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    return pieces + [""] * (len(slots) - len(pieces)), sure and len(pieces) == len(slots)


def _match(theirs: list[float], ours: list[float], skip: float = 0.03) -> dict[int, int]:
    """A monotone matching of two sequences of positions (0–1) that costs least: each pair
    costs its distance, each position left out ``skip``."""
    rows, cols = len(theirs), len(ours)
    cost = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    move = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows + 1):
        for j in range(cols + 1):
            if i == 0 and j == 0:
                continue
            options = []
            if i and j:
                options.append((cost[i - 1][j - 1] + abs(theirs[i - 1] - ours[j - 1]), 0))
            if i:
                options.append((cost[i - 1][j] + skip, 1))
            if j:
                options.append((cost[i][j - 1] + skip, 2))
            cost[i][j], move[i][j] = min(options)
    pairs: dict[int, int] = {}
    i, j = rows, cols
    while i or j:
        step = move[i][j]
        if step == 0:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif step == 1:
            i -= 1
        else:
            j -= 1
    return pairs


def _breaks(text: str, target: Conventions) -> list[int]:
    """Clause boundaries a paragraph may start at: before a capital after a comma, or (in a
    script without capitals) after any clause punctuation."""
    found = (_BREAK_CASED if target.clause_break == "capital" else _BREAK_ANY).finditer(text)
    return [m.end() for m in found if text[m.end() :].strip()]


def _blocks(piece: str, slot: Slot, target: Conventions) -> str:
    """A paragraph's text as Markdown: one block per source line; where the original puts its
    subparagraphs on lines of their own and the source ran them together (OCR), they are
    put on their own lines again."""
    lines = [" ".join(line.split()) for line in piece.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    if "\n" not in slot.text.strip() or "\n" in text:
        return text
    misses, index = 0, 1
    while misses < 3 and index <= 60:
        mark = target.number_text(target.subparagraph, Number(index))
        index += 1
        at = text.find(" " + mark + " ")
        if at < 0:
            misses += 0 if text.startswith(mark + " ") or f"\n{mark} " in text else 1
            continue
        text = text[:at] + "\n\n" + text[at + 1 :]
        misses = 0
    return text
