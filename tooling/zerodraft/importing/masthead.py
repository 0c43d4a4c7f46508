"""What stands above the first paragraph: the title, notes under the header, a document
symbol, a "Preamble" heading.

Lines are cut into runs: a run ends where a line ends a sentence (". ; :") and, in
single-spaced text, at a blank line.  The **title** is the last run that does not end a
sentence ("Outcome of the Seventh Biennial Meeting of States to Consider …"); the runs
before it are the **header note** ("The provisionally agreed agenda for BMS7 provides
guidance for the draft outcome.1"); a line that is a document symbol
("A/CONF.192/BMS/2021/WP.1") is the **symbol**; a last run reading "Preamble" is the
preamble's heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerodraft.importing import joining
from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.labels import PREAMBLE_HEADING_RE, TERMINATED_RE

SYMBOL_RE = re.compile(r"[A-Z]{1,8}(?:/[\w.()-]+)+")


@dataclass(frozen=True, slots=True)
class Masthead:
    """The parts of what stands above the first paragraph."""

    title: str
    """The title, or ``""`` if none was found."""
    note: str
    """Everything else, in order, runs separated by a blank line."""
    symbol: str = ""
    """The document symbol, if one stands on a line of its own."""
    preamble_heading: str = ""
    """"Preamble", if the last line above the first paragraph says so."""


def read(front: list[Block], double_spaced: bool, words: frozenset[str]) -> Masthead:
    """The masthead from the blocks above the first paragraph (the header line excluded)."""
    runs: list[list[Block]] = [[]]
    symbol = ""
    for block in front:
        if SYMBOL_RE.fullmatch(block.text):
            symbol = block.text
            continue
        if block.gap and not double_spaced and runs[-1]:
            runs.append([])
        runs[-1].append(block)
        if TERMINATED_RE.search(block.text) or block.kind is not Kind.LINE:
            runs.append([])
    runs = [r for r in runs if r]
    preamble = ""
    if runs and len(runs[-1]) == 1 and PREAMBLE_HEADING_RE.match(runs[-1][0].text):
        preamble = runs.pop()[0].text
    title_run = next((r for r in reversed(runs) if not TERMINATED_RE.search(r[-1].text)), None)
    title = joining.join([b.text for b in title_run], words) if title_run else ""
    notes = [joining.join([b.text for b in r], words) for r in runs if r is not title_run]
    return Masthead(title, "\n\n".join(notes), symbol, preamble)
