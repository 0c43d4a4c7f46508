"""Option blocks of negotiating texts: "Option I: [Loss and damage]" … "Option II" …, each
option holding several paragraphs, subsections or articles (see docs/format.md, ``kind:
options`` / ``kind: option``).

Pure functions on the printed labels; :mod:`zerodraft.importing.recogniser` opens and closes
the blocks.  A label opens or continues a block only on a line of its own — the label alone
or with a short title, never a sentence ("Option I:", "OPTION II", "Option II (proposed as a
separate chapter): [Article X: Loss and damage]", "[ Option I: Finance") — and only with a
roman numeral or a capital letter, the labels negotiating texts give to alternatives of whole
parts.  "Option 1: …" and "Option (a): …" lines stay inside their paragraph, and "Option 2:"
above a paragraph that repeats the number before is its alternative (``001alt.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerodraft.importing.labels import ROMANS, heading_like

_LABEL_RE = re.compile(
    r"^\[?\s*(?P<word>Option|OPTION)\s+(?P<n>[IVX]{1,5}|[A-H])(?![\w)])(?P<note>\s*\([^()]{1,120}\))?\s*[:.]?"
    r"(?:\s+(?P<title>\S.*))?$"
)


@dataclass(frozen=True, slots=True)
class OptionLabel:
    """An option's label as printed on a line of its own."""

    number: str
    """"I", "II", "A" …"""
    title: str
    """What follows the label on its line ("[Loss and damage]", "Finance"), or ``""``."""


def parse(line: str) -> OptionLabel | None:
    """The option label a line holds, or None ("Option I: [Loss and damage]" → I)."""
    match = _LABEL_RE.match(line.strip())
    if match is None:
        return None
    title = (match.group("title") or "").strip()
    if title and (len(title) > 100 or not heading_like(title.lstrip("[").lstrip() or title)):
        return None
    return OptionLabel(match.group("n"), title)


def first(number: str) -> bool:
    """True for the first label of a series: "I" or "A"."""
    return number in ("I", "A")


def follows(previous: str, number: str) -> bool:
    """True if ``number`` is the label after ``previous`` in its series (II after I, B after A)."""
    if previous in ROMANS[:-1] and number in ROMANS:
        return ROMANS.index(number) == ROMANS.index(previous) + 1
    return len(previous) == 1 and len(number) == 1 and ord(number) == ord(previous) + 1 and previous not in "IVX"
