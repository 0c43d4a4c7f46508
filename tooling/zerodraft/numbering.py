"""Paragraph numbers as delegates write them: ``18``, ``18 bis``, ``OP18ter``, ``6 alt``.

A paragraph file is named after its number in the current round, zero-padded so that a
folder listing shows the paragraphs in order: ``018.md``, ``018bis.md``, ``006alt.md``.

Inserted paragraphs take Latin ordinals after their base (``bis`` = 2nd, ``ter`` = 3rd, up
to ``decies``), so that no other number changes during a round.  An alternative that
would replace paragraph 6 is ``6 alt`` (a second one ``6 alt2``); it has no place of its
own in the sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Latin multiplicative ordinals, in order; index 0 is "bis" (the 2nd paragraph at a place).
SUFFIXES: tuple[str, ...] = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
)

_SUFFIX_ALT = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"^(?:OP|PP|op|pp|para(?:graph)?\.?)?\s*(?P<base>\d{{1,5}})\s*"
    rf"(?P<suffix>{_SUFFIX_ALT})?\s*(?P<alt>alt(?P<altn>[2-9])?)?$",
    re.IGNORECASE,
)
_FILE_RE = re.compile(rf"^(?P<base>\d{{3,5}})(?P<suffix>{_SUFFIX_ALT})?(?P<alt>alt(?P<altn>[2-9])?)?\.md$")


@dataclass(frozen=True, order=True, slots=True)
class Number:
    """A paragraph number within its numbering unit.

    Ordering follows the document: ``18 < 18 bis < 18 ter < 19``; an alternative sorts
    right after the paragraph it would replace.
    """

    base: int
    """The whole number: 18 for "18 ter"."""
    rank: int = 0
    """0 for the plain number, 1 for bis, 2 for ter … 9 for decies."""
    alt: int = 0
    """0 for a paragraph; 1 for "alt", 2 for "alt2" …: an alternative to that paragraph."""

    @property
    def suffix(self) -> str:
        """The Latin suffix (``"bis"``), or ``""`` for a plain number."""
        return SUFFIXES[self.rank - 1] if self.rank else ""

    @property
    def is_alternative(self) -> bool:
        """True for ``6 alt``: a replacement proposal, not a paragraph of the sequence."""
        return self.alt > 0

    @property
    def principal(self) -> Number:
        """The paragraph an alternative belongs to (itself for a paragraph)."""
        return Number(self.base, self.rank)

    def label(self) -> str:
        """How a delegate writes it: ``18``, ``18 bis``, ``6 alt``, ``6 alt2``."""
        text = str(self.base)
        if self.rank:
            text += " " + self.suffix
        if self.alt:
            text += " alt" + (str(self.alt) if self.alt > 1 else "")
        return text

    def slug(self) -> str:
        """Compact form for anchors and references: ``18bis``, ``6alt2``."""
        return self.label().replace(" ", "")

    def filename(self, width: int = 3) -> str:
        """The paragraph's file name: ``018bis.md``."""
        return f"{self.base:0{width}d}{self.slug()[len(str(self.base)) :]}.md"

    def next_insertion(self) -> Number | None:
        """The number for a paragraph inserted right after this one at this place.

        ``18 -> 18 bis``, ``18 bis -> 18 ter``; ``None`` after ``decies``.
        """
        if self.rank >= len(SUFFIXES):
            return None
        return Number(self.base, self.rank + 1)


def parse(text: str) -> Number | None:
    """Read a number as delegates write it; ``None`` if it is not one.

    ``"18" -> 18``, ``"18 bis" -> 18 bis``, ``"OP18bis" -> 18 bis``, ``"PP5 ter"``,
    ``"6 alt" -> 6 alt``, ``"6alt2" -> 6 alt2``.
    """
    match = _NUMBER_RE.match(text.strip())
    return _from_match(match) if match else None


def from_filename(name: str) -> Number | None:
    """The number a paragraph file is named after, or ``None`` if the name is not one.

    ``"018.md" -> 18``, ``"018bis.md" -> 18 bis``, ``"006alt.md" -> 6 alt``; names must be
    zero-padded to at least three digits and in lower case.
    """
    match = _FILE_RE.match(name)
    return _from_match(match) if match else None


def _from_match(match: re.Match[str]) -> Number:
    suffix = (match.group("suffix") or "").lower()
    rank = SUFFIXES.index(suffix) + 1 if suffix else 0
    alt = 0
    if match.group("alt"):
        alt = int(match.group("altn") or 1)
    return Number(int(match.group("base")), rank, alt)
