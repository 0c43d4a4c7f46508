"""Checks on numbering and identity across the whole document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zerodraft.checks.registry import document_check
from zerodraft.model import Document, Paragraph, Problem
from zerodraft.numbering import Number

_UNITS: list[tuple[Document, tuple[tuple[Paragraph, ...], ...]]] = []


def _unit_paragraphs(document: Document) -> Iterator[tuple[Paragraph, ...]]:
    """Each numbering unit's numbered paragraphs (no alternatives, no ``5u`` paragraphs);
    worked out once per document for the six checks that read them."""
    if not _UNITS or _UNITS[0][0] is not document:
        units = tuple(
            tuple(p for p in unit if not p.number.is_alternative and not p.number.is_unnumbered)
            for unit in document.units()
        )
        _UNITS[:] = [(document, units)]
    return iter(_UNITS[0][1])


@document_check("ZD107")
def ids_unique(document: Document) -> Iterator[Problem]:
    seen: dict[str, Paragraph] = {}
    for paragraph in document.paragraphs():
        if not paragraph.id:
            continue
        first = seen.setdefault(paragraph.id, paragraph)
        if first is not paragraph:
            yield Problem(
                paragraph.path,
                paragraph.line_of("id"),
                "ZD107",
                f"id '{paragraph.id}' is already used by {first.path}; a new paragraph needs a new id "
                "(zerodraft propose makes one)",
            )


@document_check("ZD202")
def numbers_unique(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        seen: dict[Number, Paragraph] = {}
        for paragraph in paragraphs:
            first = seen.setdefault(paragraph.number, paragraph)
            if first is not paragraph:
                yield Problem(
                    paragraph.path,
                    1,
                    "ZD202",
                    f"paragraph {paragraph.label} is numbered twice (also {first.path}); "
                    f"an inserted paragraph is named {_free_insertion(paragraph.number, seen)}",
                )


def _free_insertion(number: Number, taken: dict[Number, Paragraph]) -> str:
    candidate: Number | None = number
    while candidate is not None and candidate in taken:
        candidate = candidate.next_insertion()
    return candidate.filename() if candidate else "(no free bis … decies number)"


@document_check("ZD201")
def numbers_without_gaps(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        previous = 0
        for paragraph in paragraphs:
            base = paragraph.number.base
            if paragraph.number.rank == 0 and base > previous + 1:
                missing = (
                    f"paragraph {previous + 1} is missing"
                    if base == previous + 2
                    else f"paragraphs {previous + 1} to {base - 1} are missing"
                )
                after = f"after {previous}" if previous else "at the start"
                yield Problem(
                    paragraph.path,
                    1,
                    "ZD201",
                    f"numbering jumps to {base} {after}: {missing}. To delete a paragraph, keep its file "
                    f"and set 'status: deleted' (put {_gap_file(paragraph, previous + 1)} back)"
                    + (f"; new text is an insertion ({_gap_file(paragraph, previous, 'bis')})" if previous else "")
                    + ". Never renumber: the secretariat does that at each new draft",
                )
            previous = max(previous, base)


def _gap_file(paragraph: Paragraph, number: int, suffix: str = "") -> str:
    """The file name of paragraph ``number`` beside ``paragraph`` (``019.md``, ``018bis.md``)."""
    width = max(3, len(paragraph.path.rsplit("/", 1)[-1].split(".")[0].rstrip("abcdefghijklmnopqrstuvwxyz")))
    return f"{number:0{width}d}{suffix}.md"


@document_check("ZD203")
def insertions_in_sequence(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        previous: Number | None = None
        for paragraph in paragraphs:
            number = paragraph.number
            if number.rank > 0:
                expected = Number(number.base, number.rank - 1, 0, number.point)
                # "26 bis" after 26's decimals (26, 26.1 … 26.6, 26 bis): right after paragraph 26 and its parts
                after_parts = number.rank == 1 and not number.point and _part_of(previous, number.base)
                if previous != expected and not after_parts:
                    yield Problem(
                        paragraph.path,
                        1,
                        "ZD203",
                        f"paragraph {number.label()} must come right after {expected.label()}; "
                        f"name it {_first_free(number, paragraphs)}",
                    )
            previous = number


def _part_of(number: Number | None, base: int) -> bool:
    """True for a decimal part of paragraph ``base`` ("26.6", "26.6 bis")."""
    return number is not None and number.base == base and number.point > 0


def _first_free(number: Number, paragraphs: Sequence[Paragraph]) -> str:
    taken = {p.number for p in paragraphs}
    candidate: Number | None = Number(number.base, 0)
    while candidate is not None and candidate in taken and candidate != number:
        candidate = candidate.next_insertion()
    return candidate.filename() if candidate else number.filename()


@document_check("ZD204")
def numbers_in_order(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        highest: Paragraph | None = None
        for paragraph in paragraphs:
            if highest is not None and paragraph.number < highest.number:
                yield Problem(
                    paragraph.path,
                    1,
                    "ZD204",
                    f"paragraph {paragraph.label} comes after paragraph {highest.label} "
                    f"({highest.path}) in document order: move it back where it stood, or, to move it here, name "
                    f"it as an insertion after paragraph {highest.label}",
                )
            elif highest is None or paragraph.number > highest.number:
                highest = paragraph


@document_check("ZD205")
def alternatives_have_paragraph(document: Document) -> Iterator[Problem]:
    for section in document.walk():
        numbers = {p.number for p in section.paragraphs if not p.number.is_alternative}
        for paragraph in section.paragraphs:
            if paragraph.number.is_alternative and paragraph.number.principal not in numbers:
                principal = paragraph.number.principal
                yield Problem(
                    paragraph.path,
                    1,
                    "ZD205",
                    f"alternative {paragraph.label} has no paragraph {principal.label()} "
                    f"({principal.filename()}) in this folder to replace: move it into the folder that holds "
                    f"paragraph {principal.label()}, or name it after the paragraph it would replace",
                )


@document_check("ZD207")
def ante_before_base(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        for index, paragraph in enumerate(paragraphs):
            number = paragraph.number
            if number.rank >= 0:
                continue
            base = Number(number.base, 0, 0, number.point)
            following = paragraphs[index + 1].number if index + 1 < len(paragraphs) else None
            if following != base:
                yield Problem(
                    paragraph.path,
                    1,
                    "ZD207",
                    f"paragraph {number.label()} must stand right before paragraph {base.label()} "
                    f"({base.filename()}), which it was inserted before",
                )


@document_check("ZD208")
def unnumbered_after_their_number(document: Document) -> Iterator[Problem]:
    for unit in document.units():
        previous: Number | None = None
        for paragraph in unit:
            number = paragraph.number
            if number.is_alternative:
                continue
            if number.is_unnumbered:
                anchor = number.anchor
                expected = Number(anchor.base, anchor.rank, 0, anchor.point, number.unnumbered - 1)
                first = expected == Number(0) and previous is None
                if previous != expected and not first:
                    after = (
                        "at the start of its numbering"
                        if expected == Number(0)
                        else f"after paragraph {expected.label()}"
                    )
                    yield Problem(
                        paragraph.path,
                        1,
                        "ZD208",
                        f"unnumbered paragraph {number.label()} must stand right {after}; "
                        "name an unnumbered paragraph after the numbered paragraph it follows "
                        "(005u.md after 005.md, 000u.md before paragraph 1)",
                    )
            previous = number


@document_check("ZD209")
def decimals_in_sequence(document: Document) -> Iterator[Problem]:
    for paragraphs in _unit_paragraphs(document):
        plain: Number | None = None
        for paragraph in paragraphs:
            number = paragraph.number
            if number.rank != 0:
                continue
            if number.point:
                expected = Number(number.base, 0, 0, number.point - 1)
                if plain != expected:
                    yield Problem(
                        paragraph.path,
                        1,
                        "ZD209",
                        f"paragraph {number.label()} must come right after paragraph {expected.label()} "
                        "(decimal numbers run 16, 16.1, 16.2 …)",
                    )
            plain = number
