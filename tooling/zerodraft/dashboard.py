"""The consensus dashboard: per agenda item, how many paragraphs carry each consensus label.

One pure function of a :class:`~zerodraft.model.Document`, shared by the web site (chart
and table) and ``zerodraft status`` (a terminal table), so both always show the same
numbers.  Alternatives (``006alt.md``) are not counted: they are options for a paragraph,
not paragraphs of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerodraft.languages.conventions import say
from zerodraft.model import Document, Section
from zerodraft.vocabulary import Label, Role

#: The columns, from closed to open, as the secretariat reads them.
ORDER = (Role.AGREED, Role.AGREED_AD_REF, Role.OPEN, Role.PROPOSED, Role.DELETED)


@dataclass(frozen=True, slots=True)
class Row:
    """One agenda item (a top-level section) and its paragraphs' labels."""

    key: str
    """The section's folder name (``01-a-implementation``), or ``total``."""
    short: str
    """A short name: "A" for "A. Consideration of …", "Preamble", or the folder name."""
    heading: str
    """The heading as printed (one line)."""
    counts: tuple[int, ...]
    """How many paragraphs carry each label, in the order of :data:`ORDER`."""
    unknown: int = 0
    """Paragraphs whose label is not in the vocabulary (``zerodraft check`` reports them)."""

    @property
    def total(self) -> int:
        """Every paragraph of the item."""
        return sum(self.counts) + self.unknown


@dataclass(frozen=True, slots=True)
class Dashboard:
    """The counts for a whole document."""

    labels: tuple[Label, ...]
    """The labels of the columns, in the order of :data:`ORDER` (as the conference spells them)."""
    rows: tuple[Row, ...]
    """One row per agenda item, in document order."""
    total: Row
    """The whole document."""
    language: str = ""
    """The language the document is read in (``""``: the original): the words a page prints with
    the counts are that language's (``dashboard-…`` in its data file)."""


_LETTER = re.compile(r"^\s*([A-Z0-9]{1,4}|[IVXL]{1,6})[.)]\s")


def short_name(section: Section) -> str:
    """ "A" for "A. Consideration of …", "Preamble" for the preamble, else the folder name
    without its order number (``02-annex`` → ``annex``)."""
    if section.preamble:
        return "Preamble"
    match = _LETTER.match(section.heading)
    if match:
        return match.group(1)
    return section.key.split("-", 1)[-1] or section.key


def dashboard(document: Document) -> Dashboard:
    """The consensus dashboard of ``document``."""
    vocabulary = document.config.vocabulary
    rows = []
    for top in document.sections:
        counts = [0] * len(ORDER)
        unknown = 0
        for section in top.walk():
            for paragraph in section.paragraphs:
                if paragraph.number.is_alternative:
                    continue
                if paragraph.role is None:
                    unknown += 1
                else:
                    counts[ORDER.index(paragraph.role)] += 1
        language = document.language
        heading = " ".join(top.heading.split()) or (say(language, "dashboard-preamble") if top.preamble else top.key)
        short = short_name(top) if not language else heading.split(" — ")[0]  # "Article 73", "第七十三条"
        rows.append(Row(top.key, short, heading, tuple(counts), unknown))
    total = Row(
        "total",
        say(document.language, "dashboard-total"),
        say(document.language, "dashboard-whole"),
        tuple(sum(row.counts[i] for row in rows) for i in range(len(ORDER))),
        sum(row.unknown for row in rows),
    )
    return Dashboard(tuple(vocabulary.of(role) for role in ORDER), tuple(rows), total, document.language)


def table(board: Dashboard, width: int = 100) -> str:
    """The dashboard as a plain-text table for a terminal, with the headings below it."""
    unknown = any(row.unknown for row in (*board.rows, board.total))
    head = ["item", *(label.display for label in board.labels), *(["unknown label"] if unknown else []), "total"]
    body = [
        [row.short, *map(str, row.counts), *([str(row.unknown)] if unknown else []), str(row.total)]
        for row in (*board.rows, board.total)
    ]
    widths = [max(len(line[i]) for line in (head, *body)) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join((first, *rest)).rstrip()

    out = [line(head), line(["-" * w for w in widths])]
    out += [line(cells) for cells in body[:-1]]
    out.append(line(["-" * w for w in widths]))
    out.append(line(body[-1]))
    out.append("")
    for row in board.rows:
        text = f"{row.short}: {row.heading}" if row.short != row.heading else row.short
        out.append(text if len(text) <= width else text[: width - 1] + "…")
    return "\n".join(out)
