"""Paragraph numbers as delegates write them: ``18``, ``18 bis``, ``OP18ter``, ``6 alt``,
``20 ante``, ``16.1``, ``16.3 bis``.

A paragraph file is named after its number in the current round, zero-padded so that a
folder listing shows the paragraphs in order: ``018.md``, ``018bis.md``, ``006alt.md``,
``020ante.md``, ``016.1.md``.

Inserted paragraphs take Latin ordinals after their base (``bis`` = 2nd, ``ter`` = 3rd, up
to ``decies``), so that no other number changes during a round; ``ante`` is a paragraph
inserted right *before* its base (``20 ante`` stands before 20).  Drafts such as the ADP
Geneva text number some paragraphs with a decimal point (``16.1``, ``16.2``), which sort
after 16 and before 17: they are parts of paragraph 16, so an insertion after 16 (``16 bis``)
stands after all of them (16, 16.1, 16.2, 16 bis), as the Geneva text prints its 26 bis after
26.1 … 26.6; ``16.2 bis`` is inserted after 16.2, before 16.3.  An alternative that would replace paragraph 6 is ``6 alt`` (a
second one ``6 alt2``); it has no place of its own in the sequence.

An *unnumbered* paragraph (a chapeau, "Have agreed as follows:") in a numbered section is
named after the numbered paragraph it follows, with ``u``: ``005u.md`` stands after
paragraph 5 (``005u2.md`` after that), ``000u.md`` before paragraph 1.  It is printed
without a number.
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
#: Where an insertion after a whole number ("18 bis") sorts among its decimals: after all of
#: them (a decimal part is at most 999).
AFTER_DECIMALS = 1000
ANTE = "ante"
"""The suffix of a paragraph (or article) inserted right before its base: ``20 ante``."""

_SUFFIX_ALT = "|".join(sorted((*SUFFIXES, ANTE), key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"^(?:OP|PP|op|pp|para(?:graph)?\.?)?\s*(?P<base>\d{{1,5}})(?:\.(?P<point>[1-9]\d{{0,2}}))?\s*"
    rf"(?P<suffix>{_SUFFIX_ALT})?\s*(?P<u>u(?P<un>[2-9]|[1-9]\d)?)?\s*(?P<alt>alt(?P<altn>[2-9])?)?$",
    re.IGNORECASE,
)
_FILE_RE = re.compile(
    rf"^(?P<base>\d{{3,5}})(?:\.(?P<point>[1-9]\d{{0,2}}))?(?P<suffix>{_SUFFIX_ALT})?"
    rf"(?P<u>u(?P<un>[2-9]|[1-9]\d)?)?(?P<alt>alt(?P<altn>[2-9])?)?\.md$"
)
_ORDER_RE = re.compile(rf"^(?P<base>\d{{2,5}})(?P<suffix>{_SUFFIX_ALT})?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A paragraph number within its numbering unit.

    Ordering follows the document: ``18 ante < 18 < 18.1 < 18.1 bis < 18.2 < 18 bis < 18 ter
    < 19`` (an insertion after a whole number follows its decimals, which are parts of it);
    an alternative sorts right after the paragraph it would replace, and an unnumbered
    paragraph ``18u`` right after 18 and its alternatives, before 18.1 and 18 bis.
    """

    base: int
    """The whole number: 18 for "18 ter"."""
    rank: int = 0
    """0 for the plain number, 1 for bis, 2 for ter … 9 for decies; -1 for ante."""
    alt: int = 0
    """0 for a paragraph; 1 for "alt", 2 for "alt2" …: an alternative to that paragraph."""
    point: int = 0
    """The part after a decimal point: 1 for "16.1"; 0 for a number without one."""
    unnumbered: int = 0
    """0 for a numbered paragraph; 1 for ``u`` (the unnumbered paragraph after this
    number), 2 for ``u2`` …"""

    def _key(self) -> tuple[int, int, int, int, int]:
        # "18 bis" after every "18.x": its decimal place is beyond the largest (999)
        point = AFTER_DECIMALS if self.rank > 0 and not self.point else self.point
        return (self.base, point, self.rank, self.unnumbered, self.alt)

    def __lt__(self, other: Number) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Number) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Number) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Number) -> bool:
        return self._key() >= other._key()

    @property
    def sort_key(self) -> tuple[int, int, int, int, int]:
        """A plain tuple that sorts like the number (faster than comparing records)."""
        return self._key()

    @property
    def suffix(self) -> str:
        """The Latin suffix (``"bis"``, ``"ante"``), or ``""`` for a plain number."""
        if self.rank < 0:
            return ANTE
        return SUFFIXES[self.rank - 1] if self.rank else ""

    @property
    def is_alternative(self) -> bool:
        """True for ``6 alt``: a replacement proposal, not a paragraph of the sequence."""
        return self.alt > 0

    @property
    def is_unnumbered(self) -> bool:
        """True for ``5u``: a paragraph printed without a number, standing after 5."""
        return self.unnumbered > 0

    @property
    def principal(self) -> Number:
        """The paragraph an alternative belongs to (itself for a paragraph)."""
        return Number(self.base, self.rank, 0, self.point, self.unnumbered)

    @property
    def anchor(self) -> Number:
        """The numbered paragraph an unnumbered one follows (``5u2`` -> 5; itself otherwise)."""
        return Number(self.base, self.rank, 0, self.point)

    def label(self) -> str:
        """How a delegate writes it: ``18``, ``18 bis``, ``20 ante``, ``16.1``, ``6 alt``,
        ``6 alt2``; an unnumbered paragraph ``5 u``, ``5 u2``."""
        text = str(self.base)
        if self.point:
            text += f".{self.point}"
        if self.rank:
            text += " " + self.suffix
        if self.unnumbered:
            text += " u" + (str(self.unnumbered) if self.unnumbered > 1 else "")
        if self.alt:
            text += " alt" + (str(self.alt) if self.alt > 1 else "")
        return text

    def slug(self) -> str:
        """Compact form for anchors and references: ``18bis``, ``6alt2``, ``16.1``, ``5u``."""
        return self.label().replace(" ", "")

    def filename(self, width: int = 3) -> str:
        """The paragraph's file name: ``018bis.md``, ``016.1.md``, ``005u.md``."""
        return f"{self.base:0{width}d}{self.slug()[len(str(self.base)) :]}.md"

    def order_prefix(self, width: int = 2) -> str:
        """The order prefix of a section folder numbered like this: ``05``, ``054ter``."""
        return f"{self.base:0{width}d}{self.suffix}"

    def next_insertion(self) -> Number | None:
        """The number for a paragraph inserted right after this one at this place.

        ``18 -> 18 bis``, ``18 bis -> 18 ter``, ``16.3 -> 16.3 bis``; ``None`` after
        ``decies`` and after ``ante`` (which has no room behind it).
        """
        if self.rank >= len(SUFFIXES) or self.rank < 0:
            return None
        return Number(self.base, self.rank + 1, 0, self.point)


def parse(text: str) -> Number | None:
    """Read a number as delegates write it; ``None`` if it is not one.

    ``"18" -> 18``, ``"18 bis" -> 18 bis``, ``"OP18bis" -> 18 bis``, ``"PP5 ter"``,
    ``"20 ante"``, ``"16.1"``, ``"16.3 bis"``, ``"6 alt" -> 6 alt``, ``"6alt2" -> 6 alt2``,
    ``"5u" -> 5 u``.
    """
    match = _NUMBER_RE.match(text.strip())
    return _from_match(match) if match else None


def from_filename(name: str) -> Number | None:
    """The number a paragraph file is named after, or ``None`` if the name is not one.

    ``"018.md" -> 18``, ``"018bis.md" -> 18 bis``, ``"020ante.md" -> 20 ante``,
    ``"016.1.md" -> 16.1``, ``"005u.md" -> 5 u``, ``"006alt.md" -> 6 alt``; names must be
    zero-padded to at least three digits and in lower case.
    """
    match = _FILE_RE.match(name)
    return _from_match(match) if match else None


def from_order(prefix: str) -> Number | None:
    """The order of a section folder from its prefix, or ``None`` if it is not one.

    ``"05" -> 5``, ``"05bis" -> 5 bis``, ``"020ante" -> 20 ante``, ``"120" -> 120``: at
    least two digits, then at most one insertion suffix.
    """
    match = _ORDER_RE.match(prefix)
    if not match:
        return None
    return Number(int(match.group("base")), _rank(match.group("suffix") or ""))


def _rank(suffix: str) -> int:
    suffix = suffix.lower()
    if suffix == ANTE:
        return -1
    return SUFFIXES.index(suffix) + 1 if suffix else 0


def _from_match(match: re.Match[str]) -> Number:
    alt = 0
    if match.group("alt"):
        alt = int(match.group("altn") or 1)
    unnumbered = 0
    if match.group("u"):
        unnumbered = int(match.group("un") or 1)
    point = int(match.group("point") or 0)
    return Number(int(match.group("base")), _rank(match.group("suffix") or ""), alt, point, unnumbered)
