"""A Part, chapter, section, annex, appendix or article inserted or deleted as a whole, as a
redline says it: once, on its heading ("PART III — inserted as a whole (Article 7, 1
paragraph)"), rather than leaving the reader to add up its articles shown inserted or deleted
one by one.  During a round, a division every paragraph of which a delegation has labelled
deleted (``propose delete "Part IV"``) is "proposed for deletion as a whole".

Only the outermost is said: a Part inserted whole says so, not each article in it.  A
division is whole when every heading and paragraph under its heading, up to the next heading
at its depth or above, was inserted (or deleted) with it; one article moved out of it first,
or one paragraph kept, and it is not.

Nothing here knows the redline's records, so that :mod:`zerodraft.redline` can use it: it
reads one :class:`Step` per block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

How = Literal["inserted", "deleted", "labelled-deleted"]

WHOLE_KINDS = frozenset({"part", "chapter", "section", "annex", "appendix", "article"})
"""The kinds of section (``kind:``) said inserted or deleted as a whole."""


@dataclass(frozen=True, slots=True)
class Step:
    """What :func:`find` needs to know of one block of a redline."""

    kind: str
    """The block's kind: ``same``, ``changed``, ``inserted``, ``deleted``, ``moved-from``, ``moved-to``."""
    heading: bool
    """True for a heading, False for a paragraph."""
    depth: int
    """A heading's depth (0 at the top level); 0 for a paragraph."""
    section_kind: str
    """A heading's section kind (``part``, ``article`` …); empty for a paragraph."""
    section_number: str
    """A heading's section number ("7", "II bis"); empty when it has none."""
    old_label: str
    """A paragraph's consensus label before, as printed; empty when it was not there."""
    new_label: str
    """A paragraph's consensus label after, as printed; empty when it is not there."""


@dataclass(frozen=True, slots=True)
class Whole:
    """A division (or article) inserted, deleted or proposed for deletion as a whole."""

    how: How
    """``inserted``, ``deleted``, or ``labelled-deleted`` (each of its paragraphs newly labelled deleted)."""
    articles: tuple[str, ...]
    """The numbers of the articles it holds, in order (``()`` for an article or a division without any)."""
    paragraphs: int
    """How many paragraphs it holds."""


def find(steps: Sequence[Step], deleted: str) -> dict[int, Whole]:
    """For each block (by index in ``steps``) that is the heading of a division inserted,
    deleted or, ``deleted`` being how the label is printed, proposed for deletion as a whole:
    what it is.  Nested ones inside a whole one are not listed."""
    out: dict[int, Whole] = {}
    index = 0
    while index < len(steps):
        step = steps[index]
        end = _end(steps, index)
        whole = _whole(step, steps[index + 1 : end], deleted) if step.heading else None
        if whole is not None:
            out[index] = whole
            index = end
            continue
        index += 1
    return out


def _end(steps: Sequence[Step], start: int) -> int:
    """Just after the last block under the heading at ``start``."""
    depth = steps[start].depth
    return next((i for i in range(start + 1, len(steps)) if steps[i].heading and steps[i].depth <= depth), len(steps))


def _whole(heading: Step, inside: Sequence[Step], deleted: str) -> Whole | None:
    if heading.section_kind not in WHOLE_KINDS:
        return None
    paragraphs = [s for s in inside if not s.heading]
    if not paragraphs:
        return None
    articles = tuple(s.section_number for s in inside if s.heading and s.section_kind == "article")
    how: How
    if heading.kind in ("inserted", "deleted") and all(s.kind == heading.kind for s in inside):
        how = "inserted" if heading.kind == "inserted" else "deleted"
    elif (
        heading.kind in ("same", "changed")
        and all(s.kind in ("same", "changed") and (s.heading or s.new_label == deleted) for s in inside)
        and any(s.old_label != deleted for s in paragraphs)
    ):
        how = "labelled-deleted"
    else:
        return None
    return Whole(how, articles, len(paragraphs))
