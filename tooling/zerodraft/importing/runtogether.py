"""Paragraphs run together in one line ("… countries. 2. Description of
the reasons …", a whole section's "68. … 69. … 70. …"), as a PDF extraction flattened to text
(a JSON export, a copy and paste) prints them.

Only in a source that is flattened (one line in twenty longer than any printed line), a line
is cut before a paragraph number only where that number is the next one expected —
one more than the last paragraph number read at the start of a line or at a cut, or, after a
line that starts with a lower number (a numbered subheading "5. Clearing-house mechanism", or
numbering that starts again: an article's "1."), one more than that number, until a cut tells
which of the two runs on — followed by
its full stop and a capital, an opening bracket, quote or bullet ("… countries. 2. Description",
"B. INTERNATIONAL COOPERATION4 27. Cooperation …", a heading run into its first paragraph);
a number quoted in a sentence ("paragraph 3 above", "in 2030. The") never is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.labels import NUMBERED_RE

#: Words a number after which is a label, never a paragraph's start ("SECTION 3. INNOCENT …").
_LABEL_WORDS = ("SECTION", "Section", "PART", "Part", "CHAPTER", "Chapter", "ARTICLE", "Article", "ANNEX", "Annex")
_NEXT_RE = "".join(f"(?<!{word})" for word in _LABEL_WORDS) + r"(?<=[.;:\]\w])\s+(?P<n>{n})\.(?:\s+(?=[A-Z“\"\[•(])|$)"


#: Longer than any line a page prints (pdftotext's widest, landscape, are under 200).
LONG = 300


def is_flattened(blocks: list[Block]) -> bool:
    """True for a source flattened to text: one line in twenty or more is longer than any
    printed line, so lines are paragraphs or whole sections rather than a page's lines."""
    lines = [b for b in blocks if b.kind is Kind.LINE]
    return bool(lines) and sum(len(b.text) > LONG for b in lines) * 20 >= len(lines)


def _next(text: str, chains: list[int]) -> re.Match[str] | None:
    """The first place in text where the number after one of the chains is printed."""
    found = [m for n in dict.fromkeys(chains) if (m := re.search(_NEXT_RE.format(n=n + 1), text))]
    return min(found, key=lambda m: m.start(), default=None)


def split(blocks: tuple[Block, ...] | list[Block]) -> tuple[list[Block], int]:
    """The blocks with every line holding several paragraphs cut before each of them, and
    how many cuts were made."""
    out: list[Block] = []
    chains = [0]
    cuts = 0
    for block in blocks:
        if block.kind is not Kind.LINE:
            out.append(block)
            continue
        start = NUMBERED_RE.match(block.text)
        if start is not None and not start.group("point") and not start.group("prefix"):
            first = int(start.group("base"))
            # a number after the sequence continues it; one below it is a numbered subheading
            # ("5. Clearing-house mechanism6 82. The …") or numbering that starts again (an
            # article's "1."): until a cut tells which, the next number of either may follow
            chains = [first] if first > max(chains) else [max(chains), first]
        text = block.text
        piece = block
        while True:
            found = _next(text, chains)
            if found is None:
                break
            out.append(replace(piece, text=text[: found.start()].rstrip()))
            text = text[found.start("n") :]
            piece = replace(block, gap=False)
            chains = [int(found.group("n"))]
            cuts += 1
        out.append(replace(piece, text=text) if piece is not block or text != block.text else block)
    return out, cuts


#: A subparagraph's label inside a line, after the clause or sentence before it ends ("…; (i)
#: any fishing", "… means: (i) any", "…; and (k) any", "… in subparagraph (j). (g) If …").
_LABEL_IN_LINE_RE = re.compile(
    r"(?P<end>[;:.])(?:\s+(?:and|or))?\s+(?=\((?P<label>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s)"
)
_ANY_LABEL_RE = re.compile(r"\((?P<label>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def _follows(label: str, before: str, after_colon: bool) -> bool:
    """Whether subparagraph ``label`` comes next after ``before``: the next letter, roman
    numeral or number, or a first one ("(a)", "(i)", "(1)") after a chapeau's colon."""
    if after_colon and label in ("a", "i", "1"):
        return True
    if before.isdigit():
        return label.isdigit() and int(label) == int(before) + 1
    after = {chr(ord(before) + 1)} if len(before) == 1 and before.isalpha() and before < "z" else set()
    if before in _ROMANS[:-1]:
        after.add(_ROMANS[_ROMANS.index(before) + 1])
    return label in after


def split_subparagraphs(blocks: list[Block]) -> tuple[list[Block], int]:
    """Lines of a flattened source holding several subparagraphs ("(h) any act of …; (i) any
    fishing activities; (j) …") cut before each of them: a label is cut only where it comes
    next after the label before it in the line (or is a first one after a chapeau's colon),
    right after the clause before it ends with a semicolon, colon or full stop; and how many
    cuts."""
    out: list[Block] = []
    cuts = 0
    for block in blocks:
        if block.kind is not Kind.LINE or "(" not in block.text:
            out.append(block)
            continue
        text, piece, before = block.text, block, ""
        first = _ANY_LABEL_RE.match(text)
        if first is not None:
            before = first.group("label")
        position = 0
        while True:
            found = next(
                (
                    m
                    for m in _LABEL_IN_LINE_RE.finditer(text, position)
                    if _follows(m.group("label"), before, m.group("end") == ":")
                ),
                None,
            )
            if found is None:
                break
            out.append(replace(piece, text=text[: found.end()].rstrip()))
            text, piece, position = text[found.end() :], replace(block, gap=False), 0
            before = found.group("label")
            cuts += 1
        out.append(replace(piece, text=text) if piece is not block else block)
    return out, cuts
