"""A treaty's preamble flattened onto one line, put back into its paragraphs.

A text extracted from a PDF and flattened ("one paragraph a line", as corpora and web pages
keep treaties) can run the whole preamble into one line::

    PREAMBLE The Parties to this Agreement, Recalling the relevant provisions …, Stressing
    the need …, Recognizing also that …, Have agreed as follows:

Printed, that is the heading "PREAMBLE", the chapeau "The Parties to this Agreement," and one
paragraph for each participle.  Such a line is split into those pieces, each a block of its
own at the same source line, so that the recogniser reads it as it reads the printed layout:
a preamble whose paragraphs are unnumbered (``preambular`` in the JSON export).  A participle
starts a paragraph only where it is capitalised after a comma or semicolon ("…, Recognizing
also that …"); inside a preambular paragraph participles are in lower case.  Nothing is
dropped: the pieces, joined with a space, are the line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.labels import PARTICIPLE_RE

#: "PREAMBLE The Parties to this Agreement, Recalling …": a heading word (optional), a
#: chapeau ending in a comma, then a participle.
FLATTENED_RE = re.compile(
    r"^(?:(?P<heading>PREAMBLE|Preamble)\s+)?(?P<chapeau>(?:The|Les?|La|El|Los)\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,10},)"
    r"\s+(?P<rest>\S.*)$"
)
#: Where a new preambular paragraph starts inside the line: after a comma or semicolon, a
#: capitalised participle.
BOUNDARY_RE = re.compile(r"(?<=[,;])\s+(?=[A-Z*])")


def split(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every flattened preamble split into its heading, chapeau and paragraphs."""
    out: list[Block] = []
    for block in blocks:
        pieces = _pieces(block.text) if block.kind in (Kind.LINE, Kind.PARAGRAPH) else None
        if pieces is None:
            out.append(block)
            continue
        for position, piece in enumerate(pieces):
            out.append(replace(block, text=piece, gap=block.gap or position > 0))
    return out


def _pieces(text: str) -> list[str] | None:
    """The heading, chapeau and paragraphs of a flattened preamble, or None if ``text`` is
    not one (fewer than two participles)."""
    match = FLATTENED_RE.match(text)
    if match is None or not PARTICIPLE_RE.match(match.group("rest")):
        return None
    paragraphs: list[str] = []
    for piece in BOUNDARY_RE.split(match.group("rest")):
        if paragraphs and not PARTICIPLE_RE.match(piece):
            paragraphs[-1] = f"{paragraphs[-1]} {piece}"
        else:
            paragraphs.append(piece)
    if len(paragraphs) < 2:
        return None
    heading = [match.group("heading")] if match.group("heading") else []
    return [*heading, match.group("chapeau"), *paragraphs]
