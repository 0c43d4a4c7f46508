"""Paragraphs run together in one line ("… countries. 2. Description of
the reasons …", a whole section's "68. … 69. … 70. …"), as a PDF extraction flattened to text
(a JSON export, a copy and paste) prints them.

Only in a source that is flattened (one line in twenty longer than any printed line), a line
is cut before a paragraph number only where that number is the next one expected —
one more than the last paragraph number read at the start of a line or at a cut — followed by
its full stop and a capital, an opening bracket, quote or bullet ("… countries. 2. Description",
"B. INTERNATIONAL COOPERATION4 27. Cooperation …", a heading run into its first paragraph);
a number quoted in a sentence ("paragraph 3 above", "in 2030. The") never is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.labels import NUMBERED_RE

_NEXT_RE = r"(?<=[.;:\]\w])\s+(?P<n>{n})\.\s+(?=[A-Z“\"\[•(])"


#: Longer than any line a page prints (pdftotext's widest, landscape, are under 200).
LONG = 300


def is_flattened(blocks: list[Block]) -> bool:
    """True for a source flattened to text: one line in twenty or more is longer than any
    printed line, so lines are paragraphs or whole sections rather than a page's lines."""
    lines = [b for b in blocks if b.kind is Kind.LINE]
    return bool(lines) and sum(len(b.text) > LONG for b in lines) * 20 >= len(lines)


def split(blocks: tuple[Block, ...] | list[Block]) -> tuple[list[Block], int]:
    """The blocks with every line holding several paragraphs cut before each of them, and
    how many cuts were made."""
    out: list[Block] = []
    last = 0
    cuts = 0
    for block in blocks:
        if block.kind is not Kind.LINE:
            out.append(block)
            continue
        start = NUMBERED_RE.match(block.text)
        if start is not None and not start.group("point") and not start.group("prefix"):
            last = int(start.group("base"))
        text = block.text
        piece = block
        while True:
            found = re.search(_NEXT_RE.format(n=last + 1), text)
            if found is None:
                break
            out.append(replace(piece, text=text[: found.start()].rstrip()))
            text = text[found.start("n") :]
            piece = replace(block, gap=False)
            last += 1
            cuts += 1
        out.append(replace(piece, text=text) if piece is not block or text != block.text else block)
    return out, cuts
