"""A translation's text aligned to the original's structure, never re-recognised.

The original says what there is: Part II, then Article 9 with paragraphs 1–3, then Article 10
with one unnumbered paragraph …  The aligner looks for exactly that, in order, in the
translation, with the patterns of the translation's language ("第九条", "المادة 9", "一、",
"- 1"): each heading after the previous one, each paragraph number after the previous one.
What lies between two markers is that paragraph's text.  Where a marker is missing (OCR lost
it) or the original has unnumbered paragraphs side by side, the text between the markers found
is cut where the original's count says (as many sentences as the originals have, as many
preambular openings as the preamble has paragraphs), and only failing that shared by the
lengths of the originals, at clause boundaries, those paragraphs listed as uncertain.  In OCR
text (``ocr-noise``) numbers run together, displaced into the text or past the next heading,
and the words moved with them, are put right and listed.  What cannot be found is listed with
its source line; nothing is invented.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from zerodraft.languages import layout
from zerodraft.languages.conventions import Conventions
from zerodraft.languages.layout import TitleShape
from zerodraft.languages.skeleton import Slot, Unit
from zerodraft.model import Problem
from zerodraft.numbering import Number

_NOISE_PREFIX = r"[ \t\d\-–]{0,6}"
_BREAK_CASED = re.compile(r"(?<=[,;:.،؛])\s+(?=[A-ZÀ-ÞА-ЯЁ])")
_BREAK_ANY = re.compile(r"(?<=[，；。：,;:.،؛])\s*")
_CAPITAL = re.compile(r"\s(?=[A-ZÀ-ÞА-ЯЁ])")
_STRAY_NUMBER = re.compile(r"\s*\d{1,3}(?=\s)")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])[\"”’»)]*\s+|(?<=[。！？])[”’」』）]*\s*)(?=\S)")
_LEADING_NOISE = re.compile(r"^[\s\-–.،,]+")
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
    heading: str = ""
    """The heading as printed where the conventions do not make it: a preamble's, with its
    chapeau ("PRÉAMBULE\nLes Parties au présent Accord,"); ``""`` elsewhere."""


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


def align(
    units: tuple[Unit, ...],
    text: str,
    target: Conventions,
    source_name: str,
    titles: Mapping[str, TitleShape] | None = None,
) -> Alignment:
    """Align ``text`` (a translation, in ``target``'s language) to ``units`` (the original);
    ``titles``, read from the translation's PDF (:mod:`zerodraft.languages.layout`), tells where
    a title ends in a script without capitals."""
    source = _Text(text)
    problems: list[Problem] = []

    def report(offset: int, code: str, message: str) -> None:
        problems.append(Problem(source_name, source.line(offset), code, message))

    found = _headings(units, source, target, report)
    paragraphs: list[Aligned] = []
    headings: list[FoundHeading] = []
    carried = ""
    for index, (unit, start, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        following = found[index + 1][0] if index + 1 < len(found) else None
        shape = titles.get(unit.path) if titles else None
        if unit.kind == "preamble" and unit.chapeau:
            heading, aligned = _preamble(unit, source, start, end, stop, following, target, report)
            headings.append(FoundHeading(unit, "", source.line(start), heading))
            paragraphs.extend(aligned)
            continue
        title, aligned, carry = _unit(unit, source, end, stop, following, target, report, shape)
        if carried and aligned:
            aligned[0] = _receive(aligned[0], carried, target)
        carried = carry
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
    else the first anywhere (OCR moved it) when the next heading begins a line before it (a
    reference to "第三十二条" in the text is not the heading)."""
    anywhere = pattern.search(text, position)
    if anywhere is None:
        return None
    at_line = re.compile(rf"(?m)^{_NOISE_PREFIX}(?:{pattern.pattern})").search(text, position)
    if at_line is None:
        return anywhere
    inner = pattern.search(text, at_line.start())
    if at_line.start() <= anywhere.start() or inner is None:
        return inner or anywhere
    if after is None:
        return inner
    # the next heading printed at a line's start before this one's: this one was moved (OCR)
    following = re.compile(rf"(?m)^{_NOISE_PREFIX}(?:{after.pattern})").search(text, anywhere.end(), inner.start())
    return anywhere if following is not None else inner


def _unit(
    unit: Unit,
    source: _Text,
    start: int,
    stop: int,
    following: Unit | None,
    target: Conventions,
    report: object,
    shape: TitleShape | None = None,
) -> tuple[str, list[Aligned], str]:
    """The title and paragraphs of one unit, from its region of the text, and the text OCR
    moved before the next heading that belongs to the next unit."""
    assert callable(report)
    text = source.text
    region_end, word = _displaced_word(text, start, stop, following, target, report)
    region_end = _trim(text, start, region_end, following, target, report)
    region_end, subparagraphs = _displaced_subparagraphs(unit, text, start, region_end, following, target, report)
    carry = subparagraphs or word
    anchors = _anchors(unit, text[:region_end], start, target, report, fallback=False)
    if not anchors and target.paragraph_fallback:
        anchors = _anchors(unit, text[:region_end], start, target, report, fallback=True)
    runs: list[tuple[list[Slot], int, int]] = []
    lead_slots = [s for s in unit.slots[: anchors[0][0]]] if anchors else list(unit.slots)
    lead_end = anchors[0][1] if anchors else region_end
    lead = text[start:lead_end]
    title, lead_offset = _title(unit, lead, bool(lead_slots), target, shape)
    if unit.title and not title and lead_slots:
        report(
            start,
            "ZD660",
            f"could not tell the title of {_where(unit)} from its first paragraph; both are kept in the paragraph",
        )
    if lead_slots:
        stray = _STRAY_NUMBER.match(text, start + lead_offset) if title and target.ocr_noise else None
        if stray is not None:
            report(
                stray.start(), "ZD661", f"removed '{stray.group().strip()}' after the title: a page number in the text"
            )
            lead_offset = stray.end() - start
        runs.append((lead_slots, start + lead_offset, lead_end))
    elif not unit.slots and any(c.isalpha() for c in lead[lead_offset:]):
        rest = " ".join(lead[lead_offset:].split())
        if carry or rest[-1:] not in _CLAUSE_ENDS:  # not a chapeau: the layout lost the title's end
            title, lead_offset = " ".join(lead.split()), len(lead)
        else:
            # a Part whose printed title the layout ends: what follows is the chapeau OCR moved
            # before the next heading ("تقييمات الأثر البيئي أهداف هذا الجزء هي كما يلي: المادة 27")
            carry = rest
            report(start + lead_offset, "ZD661", f"moved '{carry[:40]}' after the next heading, where its text begins")
    for number, (index, _marker, begin) in enumerate(anchors):
        end = anchors[number + 1][1] if number + 1 < len(anchors) else region_end
        next_index = anchors[number + 1][0] if number + 1 < len(anchors) else len(unit.slots)
        runs.append((list(unit.slots[index:next_index]), begin, end))
    aligned: list[Aligned] = []
    for group in _groups(runs, text) if target.ocr_noise else [[run] for run in runs]:
        if len(group) > 1:  # markers run together: their texts follow (or precede) them
            slots = [slot for run in group for slot in run[0]]
            joined = " ".join(_LEADING_NOISE.sub("", text[b:e]).strip() for _, b, e in group)
            counted = _by_sentences(joined, slots)
            line = source.line(group[0][1])
            aligned.extend(
                Aligned(slot, _blocks(piece, slot, target), line, counted is not None)
                for slot, piece in zip(slots, counted or _nearest_sentences(joined, slots), strict=True)
                if piece.strip()
            )
            if counted is None:
                names = f"{slots[0].path.rsplit('/', 1)[1]}–{slots[-1].path.rsplit('/', 1)[1]}"
                report(
                    group[0][1],
                    "ZD660",
                    f"a paragraph number with no text after it: shared the text beside it among {len(slots)} "
                    f"paragraphs ({names}, {_where(unit)}) at the sentence end nearest their lengths: check where each begins",
                )
            continue
        slots, begin, end = group[0]
        pieces, exact = _pieces(text[begin:end], slots, target)
        offset = begin
        for slot, piece in zip(slots, pieces, strict=True):
            if piece.strip():
                aligned.append(Aligned(slot, _blocks(piece, slot, target), source.line(offset), exact))
            offset += len(piece)
        if not exact:
            report(
                begin,
                "ZD660",
                f"shared this text among {len(slots)} paragraphs ({_span(slots)}, {_where(unit)}) by length: "
                "check where each begins",
            )
    return title, aligned, carry


def _preamble(
    unit: Unit,
    source: _Text,
    line_start: int,
    start: int,
    stop: int,
    following: Unit | None,
    target: Conventions,
    report: Callable[[int, str, str], None],
) -> tuple[str, list[Aligned]]:
    """A preamble whose original opens with a chapeau under its heading ("The Parties to this
    Agreement,"): the heading as printed with the translation's chapeau, and its paragraphs,
    cut where each opens (before a capital, or before one of the language's opening words)."""
    text = source.text
    end = _trim(text, start, stop, following, target, report)
    word = target.headings.get("preamble", "")
    chapeau = ""
    before = text[line_start : text.rfind(word, line_start, start)] if word and word in text[line_start:start] else ""
    if any(c.isalpha() for c in before):  # OCR put the chapeau before the heading
        chapeau = " ".join(before.split())
        report(line_start, "ZD661", f"moved '{chapeau[:40]}' after the heading '{word}', where it is printed")
    region = text[start:end]
    slots = list(unit.slots) if chapeau else [Slot(f"{unit.path}/section.yaml", None, unit.chapeau), *unit.slots]
    pieces, sure = _openings(region, slots, target)
    if not chapeau:
        chapeau = " ".join(pieces[0].split())
        pieces = pieces[1:]
    aligned, offset = [], start + (len(region) - sum(len(p) for p in pieces))
    for slot, piece in zip(unit.slots, pieces, strict=True):
        if piece.strip():
            aligned.append(Aligned(slot, _blocks(piece, slot, target), source.line(offset), sure))
        offset += len(piece)
    if not sure:
        report(
            start,
            "ZD660",
            f"shared the preamble among {len(unit.slots)} paragraphs ({_span(unit.slots)}) by length: "
            "check where each begins",
        )
    return "\n".join(line for line in (word, chapeau) if line), aligned


def _span(slots: Sequence[Slot]) -> str:
    """The files of a run of paragraphs, first to last ("004.md–006.md"), as a report names them."""
    return f"{slots[0].path.rsplit('/', 1)[1]}–{slots[-1].path.rsplit('/', 1)[1]}"


def _openings(text: str, slots: list[Slot], target: Conventions) -> tuple[list[str], bool]:
    """A preamble cut into one piece per slot: at each place a preambular paragraph opens (a
    capital after a comma, or one of the language's opening words after a clause), sure when
    there are exactly as many as the original has (the known count); else by length."""
    tries = [_breaks(text, target)]
    if target.preamble_openings:
        words = "|".join(re.escape(w) for w in sorted(target.preamble_openings, key=len, reverse=True))
        boundary = "" if target.script == "Han" else r"(?=[\s,;:،؛])"
        # after a clause's punctuation; failing that, after a space too (OCR loses commas)
        tries = [
            sorted(
                {
                    m.end()
                    for m in re.finditer(rf"{before}(?=(?:{words}){boundary})", text)
                    if text[: m.end()].strip() and text[m.end() :].strip()
                }
            )
            for before in (r"(?<=[,;:،؛，；：、])\s*", r"(?<=[,;:،؛，；：、\s])\s*")
        ]
    for breaks in tries:
        if len(breaks) == len(slots) - 1:
            return [text[a:b] for a, b in itertools.pairwise([0, *breaks, len(text)])], True
    return _share(text, slots, target)


_DISPLACED_WORD = re.compile(r"(?:\s(?:-\s?\d{1,2}|\d{1,2}\s?-))+\s+([^\W\d_]\S*)\s*$")


def _displaced_word(
    text: str, start: int, stop: int, following: Unit | None, target: Conventions, report: object
) -> tuple[int, str]:
    """In OCR text, a word after paragraph numbers displaced past the next heading ("… - 3 -1 - 2
    يُنشأ المادة 47"): OCR moved the first word of the next unit's text with its numbers."""
    assert callable(report)
    if not target.ocr_noise or not following:
        return stop, ""
    match = _DISPLACED_WORD.search(text, start, stop)
    numbers = re.findall(r"\d+", match.group()) if match is not None else []
    if match is None or "1" not in numbers or match.group(1)[-1] in ".:؛،":
        return stop, ""  # the next unit's numbers begin at 1; a word ending a sentence is text
    report(
        match.start(1), "ZD661", f"moved '{match.group(1)}' to the start of the next heading's text, where it belongs"
    )
    return match.start(1), match.group(1)


def _displaced_subparagraphs(
    unit: Unit, text: str, start: int, end: int, following: Unit | None, target: Conventions, report: object
) -> tuple[int, str]:
    """In OCR text, subparagraphs (a), (b) … at the end of a unit whose original has none there
    but whose next unit's original begins with them ("… متساوية في الحجية. (أ) التفرد؛ (ب) الندرة؛"
    before "المرفق الأول"): OCR moved them before the next heading; they are the next unit's."""
    assert callable(report)
    if not target.ocr_noise or following is None or not unit.slots or not following.slots:
        return end, ""
    first = target.number_text(target.subparagraph, Number(1))
    original = following.slots[0].text.lstrip()
    if not original.startswith("(a)") or "\n(a)" in unit.slots[-1].text or unit.slots[-1].text.startswith("(a)"):
        return end, ""
    at = text.rfind(" " + first + " ", start, end)
    if at < 0 or text[:at].rstrip()[-1:] not in ".:؛":
        return end, ""
    moved = " ".join(text[at:end].split())
    report(at, "ZD661", f"moved '{moved[:40]}' after the next heading: subparagraphs OCR put before it")
    return at, moved


def _receive(first: Aligned, carried: str, target: Conventions) -> Aligned:
    """``first`` (the first paragraph of a unit) with the text OCR moved before its heading put
    back: subparagraphs before the next one found, a word at the start."""
    first_mark = target.number_text(target.subparagraph, Number(1))
    if not carried.startswith(first_mark):
        joint = "\n\n" if first.text.startswith(first_mark) else " "
        return replace(first, text=f"{carried}{joint}{first.text}")
    blocks = _blocks(carried, replace(first.slot, text="(a)\n(b)"), target).split("\n\n")
    following = target.number_text(target.subparagraph, Number(len(blocks) + 1))
    lines = first.text.split("\n\n")
    at = next((i for i, line in enumerate(lines) if line.startswith(following)), len(lines))
    return replace(first, text="\n\n".join([*lines[:at], *blocks, *lines[at:]]))


def _anchors(
    unit: Unit, text: str, start: int, target: Conventions, report: Callable[[int, str, str], None], *, fallback: bool
) -> list[tuple[int, int, int]]:
    """Each numbered slot's marker, in order: (slot index, marker start, text start)."""
    anchors: list[tuple[int, int, int]] = []
    position = start
    chain = _chain(unit, text, start, target, fallback) if target.ocr_noise else None
    for index, slot in enumerate(unit.slots):
        if slot.number is None:
            continue
        if chain is not None:
            hit = chain.get(index)
        else:
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


def _chain(unit: Unit, text: str, start: int, target: Conventions, fallback: bool) -> dict[int, re.Match[str]]:
    """In OCR text, the markers to cut at: of every place each paragraph number occurs, the
    chain in document order that finds the most paragraphs (a number OCR displaced past the
    next ones, "- 2 … - 1 (و)", is passed over), and of equal chains the one whose pieces are
    closest in length to the original's paragraphs."""
    slots = unit.slots
    candidates = [
        (index, hit)
        for index, slot in enumerate(slots)
        if slot.number is not None
        for hit in target.paragraph_pattern(slot.number.base, fallback).finditer(text, start)
        if not slot.number.rank or _suffix_follows(text, hit.end(), slot.number, target)
    ]
    if not candidates:
        return {}
    lengths = [len(s.text) + 1 for s in slots]
    scale = (len(text) - start) / max(1, sum(lengths))

    def misfit(first: int, last: int, begin: int, end: int) -> float:
        expected = max(1.0, sum(lengths[first:last]) * scale)
        return abs(math.log(max(1, end - begin) / expected))

    # best[k]: (paragraphs found, -misfit, previous) of the best chain ending at candidate k
    best: list[tuple[int, float, int]] = []
    for k, (index, hit) in enumerate(candidates):
        choice = (1, -misfit(0, index, start, hit.start()), -1)
        for j in range(k):
            before, previous = candidates[j]
            if before < index and previous.end() <= hit.start():
                found, fit, _ = best[j]
                option = (found + 1, fit - misfit(before, index, previous.end(), hit.start()), j)
                choice = max(choice, option)
        best.append(choice)
    scores = [
        (found, fit - misfit(candidates[k][0], len(slots), candidates[k][1].end(), len(text)), k)
        for k, (found, fit, _) in enumerate(best)
    ]
    k = max(scores)[2]
    chain: dict[int, re.Match[str]] = {}
    while k >= 0:
        chain[candidates[k][0]] = candidates[k][1]
        k = best[k][2]
    return chain


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
    for _ in range(8):
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
            continue
        break
    return end


def _title(
    unit: Unit, lead: str, has_text: bool, target: Conventions, shape: TitleShape | None = None
) -> tuple[str, int]:
    """The title at the start of ``lead`` and where the text after it begins: before the first
    capitalised word (a cased script), at the end of a first line that ends no clause (the
    title printed on a line of its own), before the first subparagraph where the original's
    text begins with one (Annex I), or where the PDF's layout says it ends (``shape``)."""
    if not unit.title:
        return "", 0
    stripped = lead.lstrip()
    skip = len(lead) - len(stripped)
    if not has_text:
        end = _title_end(stripped, shape) if shape is not None and shape.dropped else 0
        if end:
            return " ".join(stripped[:end].split()), skip + end
        return " ".join(stripped.split()), len(lead)
    newline = stripped.find("\n")
    line = stripped if newline < 0 else stripped[:newline]
    if target.title_split == "capital":
        words = len(unit.title.split())
        for match in _CAPITAL.finditer(line):
            if len(line[: match.start()].split()) >= max(1, words // 3):
                return " ".join(line[: match.start()].split()), skip + match.end()
    if newline > 0 and stripped[newline:].strip() and line.rstrip()[-1:] not in _CLAUSE_ENDS:
        return " ".join(line.split()), skip + newline
    if shape is not None:
        end = _title_end(stripped, shape)
        if end:
            return " ".join(stripped[:end].split()), skip + end
    return "", skip


_CLAUSE_ENDS = ".,;:!?。，；：、،؛"


def _title_end(text: str, shape: TitleShape) -> int:
    """Where a title of ``shape`` ends at the start of ``text`` (0 if it cannot be told): where
    the font drops glyphs, after the shortest run of words holding as many of the letters the
    PDF kept as any run of a title's length does; where it maps each glyph to a wrong character,
    after as many characters as the PDF has."""
    if shape.dropped:
        wanted = sum(shape.letters.values())
        ends = [m.end() for m in re.finditer(r"\S+", text)][:-1]
        reach = [ends_at for ends_at in ends if sum(layout.letters(text[:ends_at]).values()) <= 2.5 * wanted + 3]
        covered = [sum((shape.letters & layout.letters(text[:ends_at])).values()) for ends_at in reach]
        if not covered or max(covered) < 0.8 * wanted:
            return 0
        return reach[covered.index(max(covered))]
    count = 0
    for index, char in enumerate(text):
        count += not char.isspace()
        if count == shape.glyphs:
            end = index + 1
            return end if text[end:].strip() else 0
    return 0


def _groups(runs: list[tuple[list[Slot], int, int]], text: str) -> list[list[tuple[list[Slot], int, int]]]:
    """The runs of a unit taken together where OCR ran paragraph numbers together ("- 2 - 3",
    then the texts of 2, 3 and 4, then "- 4 -5"): a run with no words is grouped with its
    neighbours where the group holds exactly as many sentences as the original's paragraphs
    do (the known count); of all ways to group, the one that leaves fewest paragraphs
    uncertain."""
    count = len(runs)
    empty = [not any(c.isalpha() for c in text[b:e]) for _, b, e in runs]
    best: list[tuple[float, int]] = [(0.0, -1)] + [(math.inf, -1)] * count
    for stop in range(1, count + 1):
        for first in range(max(0, stop - 6), stop):
            group = runs[first:stop]
            slots = [slot for run in group for slot in run[0]]
            if stop - first == 1:
                _, begin, end = group[0]
                sure = not empty[first] and (len(slots) == 1 or _by_sentences(text[begin:end], slots) is not None)
                cost = 0.0 if sure else float(len(slots))
            else:
                joined = " ".join(_LEADING_NOISE.sub("", text[b:e]).strip() for _, b, e in group)
                cost = 0.0 if _by_sentences(joined, slots) is not None else len(slots) + 0.1
            if best[first][0] + cost < best[stop][0]:
                best[stop] = (best[first][0] + cost, first)
    groups = []
    stop = count
    while stop > 0:
        first = best[stop][1]
        groups.append(runs[first:stop])
        stop = first
    groups.reverse()
    return _borrow(groups, empty, runs, text)


def _borrow(
    groups: list[list[tuple[list[Slot], int, int]]],
    empty: list[bool],
    runs: list[tuple[list[Slot], int, int]],
    text: str,
) -> list[list[tuple[list[Slot], int, int]]]:
    """A number still left with no text (its sentences counted differently) takes its text from
    the paragraph before or after it, whichever fits the lengths better: the last resort."""
    alone = {id(run): empty[index] for index, run in enumerate(runs)}
    out: list[list[tuple[list[Slot], int, int]]] = []
    index = 0
    while index < len(groups):
        group = groups[index]
        if len(group) == 1 and alone[id(group[0])] and len(group[0][0]) == 1:
            options = []
            if out and len(out[-1]) == 1 and not alone[id(out[-1][0])] and len(out[-1][0][0]) == 1:
                options.append((_fit([out[-1][0], group[0]], text), "before"))
            following = groups[index + 1] if index + 1 < len(groups) else None
            if following and len(following) == 1 and not alone[id(following[0])] and len(following[0][0]) == 1:
                options.append((_fit([group[0], following[0]], text), "after"))
            options = [option for option in options if option[0] < math.inf]
            if options:
                _, side = min(options)
                if side == "before":
                    out[-1] = [out[-1][0], group[0]]
                else:
                    out.append([group[0], following[0]])  # type: ignore[index]
                    index += 1
                index += 1
                continue
        out.append(group)
        index += 1
    return out


def _fit(group: list[tuple[list[Slot], int, int]], text: str) -> float:
    joined = " ".join(_LEADING_NOISE.sub("", text[b:e]).strip() for _, b, e in group)
    slots = [slot for run in group for slot in run[0]]
    if len(_sentence_ends(joined)) < len(slots) - 1:
        return math.inf  # no sentence end to cut at: the number stays without text, listed
    return _misfit(_nearest_sentences(joined, slots), slots)


def _misfit(pieces: list[str], slots: list[Slot]) -> float:
    scale = sum(len(p) for p in pieces) / max(1, sum(len(slot.text) for slot in slots))
    return sum(
        abs(math.log(max(1, len(p)) / max(1.0, len(slot.text) * scale))) for p, slot in zip(pieces, slots, strict=True)
    )


def _nearest_sentences(text: str, slots: list[Slot]) -> list[str]:
    """``text`` cut at the sentence ends whose pieces come nearest the lengths of the original's
    slots (length ratios, the last resort); a slot may get nothing where there are too few."""
    ends = _sentence_ends(text)
    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(ends, len(slots) - 1):
        pieces = [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
        score = _misfit(pieces, slots)
        if best is None or score < best[0]:
            best = (score, pieces)
        if len(ends) > 40:
            break  # pragma: no cover - a run of numbers never holds so many sentences
    return best[1] if best is not None else [text] + [""] * (len(slots) - 1)


def _pieces(text: str, slots: list[Slot], target: Conventions) -> tuple[list[str], bool]:
    """``text`` cut into one piece per slot: at its sentence ends where it has exactly as many
    sentences as the original's slots (sure), or else by :func:`_share`."""
    if len(slots) > 1:
        pieces = _by_sentences(text, slots)
        if pieces is not None:
            return pieces, True
    return _share(text, slots, target)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence but the first begins (a word must follow: "… الأطراف. -" ends one)."""
    last = max((i for i in range(len(text) - 1, -1, -1) if text[i].isalpha()), default=-1)
    return [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= last]


def _by_sentences(text: str, slots: list[Slot]) -> list[str] | None:
    """``text`` cut at its sentence ends, as many sentences to each slot as its original has;
    ``None`` unless the text has exactly as many sentences as the slots together."""
    ends = _sentence_ends(text)
    counts = [len(_sentence_ends(" ".join(slot.text.split()))) + 1 for slot in slots]
    if len(ends) + 1 != sum(counts):
        return None
    cuts = [ends[n - 1] for n in itertools.accumulate(counts[:-1])]
    pieces = [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
    scale = len(text) / max(1, sum(len(slot.text) for slot in slots))
    if any(
        not 0.4 <= len(piece) / max(1.0, len(slot.text) * scale) <= 2.5
        for piece, slot in zip(pieces, slots, strict=True)
    ):
        return None  # the same count by chance: a piece far longer or shorter than its original
    return pieces


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
