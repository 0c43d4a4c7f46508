"""Renumbering the divisions of a treaty at a new draft: a Part, chapter, section, annex or
appendix inserted during the round as "Part II bis" (``02bis-part-ii-bis/``) becomes Part III
at the release, and every one after it moves up one — as articles do
(:mod:`zerodraft.rounds.articles`), in the numerals the draft prints them in (I, II, III;
1, 2, 3; A, B, C).

A sequence is the divisions of one kind with one parent (the Parts of the document, the
sections of Part II, the annexes), in folder order.  Only a sequence holding a ``bis``,
``ter`` … or ``ante``, or losing a division that leaves, is renumbered, from the number its
first division has (an extract that
starts at Part XI keeps starting there); a sequence whose numbers are not all of one kind of
numeral keeps its numbers.  Because a division's folder is ordered by its place among its
siblings, not by its number, the folders from the first inserted one on take whole order
numbers again (``02bis-…`` → ``03-…``, ``03-…`` → ``04-…``), each renamed beside itself;
articles keep the order number that is their number (ZD211).

A division every paragraph of which is labelled deleted leaves, folder and all, like an
article (:func:`leaving_divisions`), and the ones after it move up.

Nothing here touches a file: the moves are data, applied by :mod:`zerodraft.rounds.steps`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zerodraft import numbering
from zerodraft.languages import numerals
from zerodraft.model import DIVISIONS, Document, Section, SectionKind
from zerodraft.rounds.articles import ArticleMove, leaves

KINDS = DIVISIONS
"""The divisions renumbered here."""
_NUMBER = re.compile(
    rf"^(?P<base>[IVXLC]+|\d{{1,4}}|[A-Z])(?:\s+(?P<suffix>{'|'.join((numbering.ANTE, *numbering.SUFFIXES))}))?$"
)


def leaving_divisions(document: Document) -> tuple[Section, ...]:
    """The divisions that leave at the release, as articles do: every paragraph in them is
    labelled deleted (the outermost only: a Part that leaves takes its articles with it)."""
    out: list[Section] = []
    for section in document.walk():
        if section.kind in KINDS and leaves(section) and not any(section.path.startswith(f"{s.path}/") for s in out):
            out.append(section)
    return tuple(out)


def renumber_divisions(document: Document) -> tuple[ArticleMove, ...]:
    """The divisions of ``document`` whose number or folder changes at the release, each
    renamed beside itself (see the module docstring), in document order."""
    moves: list[ArticleMove] = []
    gone = {s.path for s in leaving_divisions(document)}
    for family in _families(document):
        if any(s.path.startswith(tuple(f"{g}/" for g in gone)) for s in family[:1]):
            continue  # inside a division that leaves
        renamed = _renumbered(family, gone)
        siblings = [s for s in family if s.path not in gone]
        changed = [i for i, s in enumerate(siblings) if s.path in renamed and (renamed[s.path] != s.number or _bis(s))]
        if not changed:
            continue
        width = max(2, *(len(re.match(r"\d*", s.key).group()) for s in siblings))  # type: ignore[union-attr]
        order = (_prefix(siblings[changed[0] - 1]) or 0) if changed[0] else 0
        for section in siblings[changed[0] :]:
            if section.kind is SectionKind.ARTICLE:  # ordered by its own number (ZD211): articles.py
                order = _prefix(section) or order
                continue
            order += 1
            number = renamed.get(section.path, section.number)
            folder = _folder(section, order, width, number)
            if folder != section.path or number != section.number:
                moves.append(ArticleMove(section.path, folder, section.number, number, section.kind))
    position = {s.path: i for i, s in enumerate(document.walk())}
    return tuple(sorted(moves, key=lambda m: position[m.old_path]))


def same_number(written: str, number: str) -> bool:
    """True when ``written``, as a delegate types it, is a division's ``number``: ``"II"``,
    ``"ii"`` and ``"2"`` are Part II, ``"2 bis"`` and ``"IIbis"`` Part II bis, ``"c"`` Section C."""
    ours, theirs = _NUMBER.match(number), _NUMBER.match(_spaced(written))
    if ours is None or theirs is None or ours["suffix"] != theirs["suffix"]:
        return False
    return _base_value(ours["base"]) == _base_value(theirs["base"])


def _base_value(base: str) -> int | str:
    """A number's value, whether written in digits or in Roman numerals; a letter that is
    not a Roman numeral stands for itself."""
    return int(base) if base.isdigit() else numerals.from_roman(base) or base


def next_number(section: Section, siblings: tuple[Section, ...]) -> str:
    """The number of a division inserted right after ``section`` among its ``siblings``
    during a round: ``"II" -> "II bis"``, ``"II ter"`` when II bis is taken; ``""`` when there
    is none (after decies, or a number that is not a numeral with bis, ter …)."""
    match = _NUMBER.match(section.number)
    if match is None or match["suffix"] == numbering.ANTE:
        return ""
    taken = {s.number for s in siblings if s.kind is section.kind}
    ranks = numbering.SUFFIXES
    start = ranks.index(match["suffix"]) + 1 if match["suffix"] else 0
    return next((f"{match['base']} {r}" for r in ranks[start:] if f"{match['base']} {r}" not in taken), "")


def _spaced(written: str) -> str:
    """``written`` in capitals with one space before its suffix: ``"iibis" -> "II bis"``."""
    found = re.fullmatch(
        rf"\s*([A-Za-z]+?|\d+)\s*({'|'.join((numbering.ANTE, *numbering.SUFFIXES))})?\s*", written, re.I
    )
    if found is None:
        return written
    return found[1].upper() + (f" {found[2].lower()}" if found[2] else "")


def _families(document: Document) -> Iterator[list[Section]]:
    """The children of each parent (the document's top level too), in folder order."""
    yield list(document.sections)
    for section in document.walk():
        if section.subsections:
            yield list(section.subsections)


def _bis(section: Section) -> bool:
    """True when the folder's order number has a suffix (``02bis-…``, ``05ante-…``)."""
    found = numbering.from_order(section.key.split("-", 1)[0])
    return found is not None and found.rank != 0


def _renumbered(family: list[Section], gone: set[str]) -> dict[str, str]:
    """For each kind of division among the children ``family`` whose sequence holds a bis,
    ter … or ante, or loses a division that leaves (``gone``): the new numbers of those that
    stay (all of them, changed or not), counted from the sequence's first number."""
    out: dict[str, str] = {}
    for kind in KINDS:
        run = [s for s in family if s.kind is kind and s.number]
        parsed = [_NUMBER.match(s.number) for s in run]
        leaving = any(s.path in gone for s in run)
        if not run or not (leaving or any(m and m["suffix"] for m in parsed)) or not all(parsed):
            continue
        bases = [m["base"] for m in parsed if m]
        style = _style(bases, kind)
        values = [_value(b, style) for b in bases]
        if style == "" or any(v is None for v in values):
            continue
        whole = next((i for i, m in enumerate(parsed) if m and not m["suffix"]), 0)
        start = max(1, (values[whole] or 1) - whole)
        for counter, section in enumerate((s for s in run if s.path not in gone), start=start):
            out[section.path] = _numeral(counter, style)
    return out


def _style(bases: list[str], kind: SectionKind) -> str:
    """How a sequence writes its numbers: ``roman``, ``arabic`` or ``letter`` (``""`` when mixed).
    Single letters that are also Roman numerals (I, V, X) are Roman but in a sequence of sections."""
    if all(b.isdigit() for b in bases):
        return "arabic"
    if all(re.fullmatch(r"[IVXLC]+", b) for b in bases) and (
        kind is not SectionKind.SECTION or any(len(b) > 1 for b in bases)
    ):
        return "roman"
    if all(re.fullmatch(r"[A-Z]", b) for b in bases):
        return "letter"
    return ""


def _value(base: str, style: str) -> int | None:
    if style == "arabic":
        return int(base)
    if style == "letter":
        return ord(base) - ord("A") + 1
    return numerals.from_roman(base)


def _numeral(value: int, style: str) -> str:
    if style == "arabic":
        return str(value)
    if style == "letter":
        return chr(ord("A") + value - 1) if value <= 26 else str(value)
    return numerals.roman(value)


def _prefix(section: Section) -> int | None:
    """The whole order number of a folder (``03-…`` → 3), ``None`` when it has none."""
    found = numbering.from_order(section.key.split("-", 1)[0])
    return found.base if found is not None else None


def _folder(section: Section, order: int, width: int, number: str) -> str:
    """The folder of ``section`` at order number ``order``, its name's number slug (``part-ii-bis``)
    made ``number``'s; other words of the name kept."""
    parent, _, key = section.path.rpartition("/")
    _order, dash, rest = key.partition("-")
    old_slug = f"{section.kind.value}-{section.number.replace(' ', '-').lower()}"
    if section.number and (rest == old_slug or rest.startswith(old_slug + "-")):
        rest = f"{section.kind.value}-{number.replace(' ', '-').lower()}{rest[len(old_slug) :]}"
    return f"{parent}/{numbering.Number(order).order_prefix(width)}{dash or '-'}{rest}"
