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

from zerodraft.importing.labels import ROMANS, TERMINATED_RE, heading_like

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


@dataclass(frozen=True, slots=True)
class Spanning:
    """An option block "[Option 1:" … "Option N: …]" whose options hold paragraphs that number
    on (the Geneva text's "[Option 1:", paragraphs 58–60, "Option 2: No general provisions on
    capacity-building.]"), its extent found from the bracket that "[Option 1:" opens."""

    labels: dict[int, int]
    """The later options' label lines, by index in the blocks: {index: 2, index: 3 …}."""
    end: int
    """The index of the block where the last option ends."""
    why: str
    """How its end was found, for the import report."""


_NUMBERED_LABEL_RE = re.compile(r"^\[?\s*(?:Option|OPTION)\s+(?P<n>\d{1,2})\b\s*[:.]?\s*")
_FIRST_RE = re.compile(r"^\[\s*(?:Option|OPTION)\s+1\s*[:.]?$")
_HEADING_RE = re.compile(
    r"^\[*(?:[A-Z]|[IVXLC]{1,7})\.\s+\S|^\[*(?:Article|ARTICLE|Part|PART|Section|SECTION|Annex|ANNEX)\s+\w"
)
_PARAGRAPH_RE = re.compile(r"^\[?\d{1,3}(?:\.\d{1,2})?(?:\s+[a-z]{3,9})?\.?\s+[\[A-Z“\"(]")
#: How far a block may reach, in blocks.
REACH = 400


_SUBHEADING_RE = re.compile(r"^\[[^\[\]]{1,60}\]$")


def spanning(texts: list[str], at: int, headings: list[bool]) -> Spanning | None:
    """The block that the label "[Option 1:" alone at ``texts[at]`` opens, or None when its
    extent is not clear.  Its options are labelled "Option 2", "Option 3" … at the start of
    later lines, with no heading, no "Option 1" again and no numbered paragraph in the second
    option or later on the way (options that number paragraphs again, or numbered ones after
    the first, are read as before); it ends where the bracket "[Option 1:" opens closes, at the
    end of a line after the label "Option 2" — or, the source's brackets not balancing, where
    the last option is its label line alone, a finished sentence ("Option 2: No general
    provisions on capacity-building.]"), followed by a heading, a subheading in brackets
    ("[Commitments]"), a numbered paragraph or the end of the text."""
    if not _FIRST_RE.match(texts[at].strip()):
        return None
    depth = 1
    labels: dict[int, int] = {}
    for index in range(at + 1, min(len(texts), at + REACH)):
        text = texts[index].strip()
        label = _NUMBERED_LABEL_RE.match(text)
        if headings[index] or _HEADING_RE.match(text):
            return None
        if label is not None:
            if int(label.group("n")) != len(labels) + 2:
                return None
            labels[index] = int(label.group("n"))
            if text[label.end() :] and TERMINATED_RE.search(text) and _ends_block(texts, index + 1, headings):
                return Spanning(
                    labels, index, "its last option is its label's line, then a part or paragraph of its own"
                )
        elif labels and _PARAGRAPH_RE.match(text):
            return None
        depth += text.count("[") - text.count("]")
        if depth <= 0:
            closed = labels and depth == 0 and text.endswith("]")
            return (
                Spanning(labels, index, "the bracket '[Option 1:' opens closes at the end of its last option")
                if closed
                else None
            )
    return None


def _ends_block(texts: list[str], at: int, headings: list[bool]) -> bool:
    """Whether the first line from ``at`` on stands outside an option: a heading, a subheading
    in brackets, a numbered paragraph, or nothing (the end of the text)."""
    following = next((i for i in range(at, len(texts)) if texts[i].strip()), None)
    if following is None:
        return True
    text = texts[following].strip()
    if _NUMBERED_LABEL_RE.match(text):
        return False
    return headings[following] or bool(
        _HEADING_RE.match(text) or _SUBHEADING_RE.match(text) or _PARAGRAPH_RE.match(text)
    )


def split_label(text: str) -> tuple[str, str]:
    """ "Option 2: No general provisions …" → ("Option 2:", "No general provisions …")."""
    match = _NUMBERED_LABEL_RE.match(text)
    if match is None:
        return text, ""
    return text[: match.end()].strip(), text[match.end() :].strip()


def first(number: str) -> bool:
    """True for the first label of a series: "I" or "A"."""
    return number in ("I", "A")


def follows(previous: str, number: str) -> bool:
    """True if ``number`` is the label after ``previous`` in its series (II after I, B after A)."""
    if previous in ROMANS[:-1] and number in ROMANS:
        return ROMANS.index(number) == ROMANS.index(previous) + 1
    return len(previous) == 1 and len(number) == 1 and ord(number) == ord(previous) + 1 and previous not in "IVX"
