"""The structure of the original that a translation is aligned to: its headed units (Parts,
articles, annexes, the preamble) in document order, each with its paragraph slots.

Built from a :class:`~zerodraft.model.Document`; a section's kind and number are read from the
section record where it has them, or else from its heading, with the original language's
conventions ("Article 12" is article 12, "PART II" is part 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerodraft import numbering
from zerodraft.languages import numerals
from zerodraft.languages.conventions import HEADING_KINDS, Conventions
from zerodraft.model import Document, Section
from zerodraft.numbering import Number


@dataclass(frozen=True, slots=True)
class Slot:
    """One paragraph of the original, waiting for its translation."""

    path: str
    """The original paragraph file."""
    number: Number | None
    """Its number where it is printed with one; ``None`` for a chapeau or unnumbered paragraph."""
    text: str
    """The original text (its length guides a split where the translation has no marker)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A section of the original whose heading the aligner looks for in the translation."""

    path: str
    """The section folder."""
    kind: str
    """``article``, ``part``, ``annex``, ``preamble`` …, or ``""`` for a heading of no known kind."""
    number: Number | None
    """Its number ("Article 12" -> 12), or ``None``."""
    title: str
    """The original's title ("Use of terms"), or ``""``."""
    slots: tuple[Slot, ...]
    """Its own paragraphs, in order."""
    chapeau: str = ""
    """The words under a preamble's heading that open it ("The Parties to this Agreement,"),
    kept in the heading, not in a paragraph; ``""`` elsewhere."""


def of(document: Document, source: Conventions) -> tuple[Unit, ...]:
    """The units of ``document``, in document order."""
    units = []
    for section in document.walk():
        kind, number, title = _structure(section, source)
        slots = tuple(
            Slot(p.path, p.number if document.printed_number(p) else None, p.text)
            for p in section.paragraphs
            if not p.number.is_alternative
        )
        chapeau = " ".join(" ".join(section.heading.split("\n")[1:]).split()) if section.preamble else ""
        units.append(Unit(section.path, kind, number, title, slots, chapeau))
    return tuple(units)


def _structure(section: Section, source: Conventions) -> tuple[str, Number | None, str]:
    if section.preamble:
        return "preamble", None, ""
    kind = section.kind.value
    if kind in HEADING_KINDS and section.number:
        return kind, parse_number(section.number), section.title
    return parse_heading(section.heading, source)  # a heading written as printed ("Article 7")


def parse_heading(heading: str, source: Conventions) -> tuple[str, Number | None, str]:
    """``("article", 12, "Use of terms")`` for "Article 12 Use of terms" (or on two lines);
    ``("", None, heading)`` for a heading of no known kind."""
    text = " ".join(heading.split())
    for kind in HEADING_KINDS:
        template = source.headings.get(kind, "")
        if "{" not in template:
            continue
        pattern = re.escape(template)
        for name, shape in (
            ("number", r"\d+"),
            ("roman", "[IVXLC]+"),
            ("chinese", "[〇一二三四五六七八九十百]+"),
            ("ordinal", "|".join(map(re.escape, source.ordinals)) or "[^ ]+"),
        ):
            pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name.replace('-', '_')}>{shape})")
        match = re.match(rf"^{pattern}(?:\s+(?P<suffix>{'|'.join(map(re.escape, source.suffixes))}))?\b\s*", text)
        if match is None:
            continue
        found = match.groupdict()
        if found.get("number"):
            base = int(found["number"])
        elif found.get("roman"):
            base = _from_roman(found["roman"])
        elif found.get("chinese"):
            base = numerals.from_chinese(found["chinese"]) or 0
        else:
            base = source.ordinals.index(found["ordinal"]) + 1
        rank = source.suffixes.index(found["suffix"]) + 1 if found.get("suffix") else 0
        return kind, Number(base, rank), text[match.end() :].strip()
    return "", None, text


def parse_number(label: str) -> Number | None:
    """A section number as the format writes it: ``"54 ter"``, ``"II"``, ``"A"`` (the first)."""
    number = numbering.parse(label)
    if number is not None:
        return number
    if re.fullmatch("[IVXLC]+", label):
        return Number(_from_roman(label))
    if re.fullmatch("[A-Z]", label):
        return Number(ord(label) - ord("A") + 1)
    return None


def _from_roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total
