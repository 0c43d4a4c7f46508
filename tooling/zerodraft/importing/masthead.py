"""What stands above the first paragraph: the UN masthead, the title, notes under the
header, a document symbol, a "Preamble" heading.

First the **masthead** of a UN document is taken out as metadata (``masthead:`` in
``document.yaml``), never as paragraphs: the organ ("United Nations", "General Assembly"),
the symbol ("A/RES/79/271"), "Distr.: General", the date under it, "Original: English",
the session ("Seventy-ninth session"), the agenda item, "Resolution adopted by the
General Assembly on 4 March 2025", the resolution's number ("79/271.") and the job number
at the foot of the first page ("25-03668 (E)").

The other lines are cut into runs: a run ends where a line ends a sentence (". ; :") and,
in single-spaced text, at a blank line; a line longer than any a page prints (a source
flattened to one paragraph a line) is a run of its own.  The **title** is the last run that does not end a
sentence ("Outcome of the Seventh Biennial Meeting of States to Consider …"); the runs
before it are the **header note** ("The provisionally agreed agenda for BMS7 provides
guidance for the draft outcome.1"); a line that is a document symbol
("A/CONF.192/BMS/2021/WP.1") is the **symbol**; a last run reading "Preamble" is the
preamble's heading.  In a text with no numbered paragraph or heading at all, the title is
the first such run and the runs after it are the text (``body_lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from zerodraft.importing import joining, runtogether
from zerodraft.importing.blocks import Artefact, Block, Kind
from zerodraft.importing.labels import PREAMBLE_HEADING_RE, TERMINATED_RE

SYMBOL_RE = re.compile(r"[A-Z]{1,8}(?:/[\w.()-]+)+\**")
ORGAN_RE = re.compile(
    r"^(?:United Nations|UNITED NATIONS|UNITED|NATIONS|General Assembly|GENERAL ASSEMBLY|Security Council|"
    r"Economic and Social Council|[ASE])$"
)
DISTRIBUTION_RE = re.compile(r"^Distr\.?:?\s*(?P<value>General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)?$")
DISTRIBUTION_VALUE_RE = re.compile(r"^(?:General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)$")
DATE_RE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$")
ORIGINAL_RE = re.compile(r"^Original:\s*(?P<value>[A-Z][a-z]+(?:/[A-Z][a-z]+)*)$")
SESSION_RE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?\s+(?:special\s+|emergency\s+special\s+)?session$")
AGENDA_RE = re.compile(r"^Agenda items?\s+\d.*$")
ADOPTED_RE = re.compile(
    r"^(?:Resolution|Decision)\s+adopted\s+by\s+the\s+[A-Z][\w ]+?(?:\s+on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?$",
    re.IGNORECASE,
)
ON_DATE_RE = re.compile(r"^on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$")
NUMBER_RE = re.compile(r"^(?P<value>\d{1,3}/\d{1,4})\.(?:\s+(?P<rest>\S.*))?$")
COLUMN_RE = re.compile(r"^(?P<left>(?:United Nations|General Assembly|Security Council)) (?P<right>Distr\..*)$")
COMMITTEE_RE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee)$"
)
BRACKETED_RE = re.compile(r"^\[[^\[\]]+\]$")
SPONSOR_RE = re.compile(r":\s+(?:revised\s+)?draft\s+(?:resolution|decision)\b")
JOB_RE = re.compile(r"\d{2}-\d{5}\**\s*\([A-Z]\)")
#: The body a negotiating text's running header names, in capitals ("AD HOC WORKING GROUP ON
#: THE DURBAN PLATFORM FOR ENHANCED ACTION", "SUBSIDIARY BODY FOR IMPLEMENTATION").
BODY_RE = re.compile(
    r"^(?=.*\b(?:GROUP|COMMITTEE|CONFERENCE|COUNCIL|ASSEMBLY|COMMISSION|BODY|MEETING|FORUM|BOARD|PLATFORM)\b)"
    r"[A-Z][A-Z ,’'()-]{8,200}$"
)
#: A line of a body's name in capitals, without digits ("DURBAN PLATFORM FOR ENHANCED ACTION").
CAPITALS_RE = re.compile(r"^[A-Z][A-Z ,’'()-]+$")


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
    fields: tuple[tuple[str, str], ...] = ()
    """The UN masthead as ``masthead:`` keys and values, in the order printed."""
    body_lines: frozenset[int] = frozenset()
    """For a text with no numbered paragraph or heading: the source lines of its text."""
    kept_header: frozenset[int] = frozenset()
    """The source lines of a running header kept as the issuing body (``organ``), not removed."""


def read(
    front: list[Block],
    double_spaced: bool,
    words: frozenset[str],
    artefacts: tuple[Artefact, ...] = (),
    whole: bool = False,
) -> Masthead:
    """The masthead from the blocks above the first paragraph (the header line excluded);
    ``whole`` when no paragraph or heading follows (the blocks are the whole text)."""
    fields, rest = _fields(front, artefacts)
    runs: list[list[Block]] = [[]]
    symbol = dict(fields).get("symbol", "").rstrip("*")
    for block in rest:
        if SYMBOL_RE.fullmatch(block.text):
            symbol = symbol or block.text.rstrip("*")
            continue
        flattened = len(block.text) > runtogether.LONG  # a paragraph on one line, longer than a page prints
        if ((block.gap and not double_spaced) or flattened) and runs[-1]:
            runs.append([])
        runs[-1].append(block)
        if TERMINATED_RE.search(block.text) or block.kind is not Kind.LINE or flattened:
            runs.append([])
    runs = [r for r in runs if r]
    preamble = ""
    if runs and len(runs[-1]) > 1 and PREAMBLE_HEADING_RE.match(runs[-1][-1].text):
        runs.append([runs[-1].pop()])  # "PREAMBLE" right under the title, with no blank line
    if runs and len(runs[-1]) == 1 and PREAMBLE_HEADING_RE.match(runs[-1][0].text):
        preamble = runs.pop()[0].text
    open_runs = [r for r in runs if not TERMINATED_RE.search(r[-1].text)]
    title_run = (open_runs[0] if whole else open_runs[-1]) if open_runs else None
    if whole and title_run is not None and title_run is runs[-1]:
        title_run = None  # nothing follows it: the text is the document's text, not its title
    title = joining.join([b.text for b in title_run], words) if title_run else ""
    body: frozenset[int] = frozenset()
    notes = runs
    if whole:
        at = runs.index(title_run) if title_run is not None else -1
        notes = runs[:at] if at >= 0 else []
        body = frozenset(b.line for r in runs[at + 1 :] for b in r)
    note = "\n\n".join(joining.join([b.text for b in r], words) for r in notes if r is not title_run)
    issuing = _issuing_body(front, artefacts)
    kept = (
        frozenset(a.line for a in _issuing_lines(front, artefacts))
        if issuing and dict(fields).get("organ") == issuing
        else frozenset()
    )
    return Masthead(title, note, symbol, preamble, fields, body, kept)


def _fields(front: list[Block], artefacts: tuple[Artefact, ...]) -> tuple[tuple[tuple[str, str], ...], list[Block]]:
    """The masthead's keys and values, and the blocks that are not part of it."""
    found: dict[str, str] = {}
    rest: list[Block] = []
    front = [part for block in front for part in _columns(block)]
    index = 0
    while index < len(front):
        text = front[index].text
        after = front[index + 1].text if index + 1 < len(front) else ""
        key, value, used = _field(text, after, index, found)
        if key == "organ":
            found["organ"] = f"{found.get('organ', '')} {value}".strip()
            index += 1
            continue
        if key == "reference":  # "[without reference to a Main Committee (A/79/L.55)]"
            found["adopted"] += f" {value}"
            index += used
            continue
        if key and key not in found:
            found[key] = value
            index += used
            if key == "agenda-item":  # the item's title, printed under it up to a blank line
                while index < len(front) and not front[index].gap and not _field(front[index].text, "", 0, {})[0]:
                    if SPONSOR_RE.search(front[index].text):
                        break
                    found[key] += " " + front[index].text
                    index += 1
            continue
        rest.append(front[index])
        index += 1
    body = _issuing_body(front, artefacts)
    if body and "organ" not in found:
        found = {"organ": body, **found}
    if found:
        job = next((JOB_RE.search(a.text) for a in artefacts if a.what == "job number" and JOB_RE.search(a.text)), None)
        if job is not None:
            found["job-number"] = re.sub(r"\s+", " ", job.group())
    if "organ" in found and len(found) == 1 and not body:  # "United Nations" alone is a title's words
        return (), front
    return tuple(found.items()), rest


def _issuing_body(front: list[Block], artefacts: tuple[Artefact, ...]) -> str:
    """The issuing body a negotiating text prints at the head of every page ("AD HOC WORKING
    GROUP ON THE / DURBAN PLATFORM FOR ENHANCED ACTION"), from that running header's first
    copy above the text: removed from every page as a running header, its words are kept here."""
    text = " ".join(" ".join(a.text.split()) for a in _issuing_lines(front, artefacts))
    return text if BODY_RE.match(text) else ""


def _issuing_lines(front: list[Block], artefacts: tuple[Artefact, ...]) -> list[Artefact]:
    """The running header's lines that open the document, one under the other, above its text."""
    first = front[0].line if front else 0
    top = [a for a in artefacts if a.what == "running header" and (not first or a.line < first)]
    if not top or top[0].line != min(a.line for a in artefacts):
        return []
    lines: list[Artefact] = []
    for artefact in top:
        if (lines and artefact.line != lines[-1].line + 1) or not CAPITALS_RE.match(artefact.text.strip()):
            break
        lines.append(artefact)
    return lines


def _columns(block: Block) -> list[Block]:
    """A line of ``pdftotext -layout`` holding two masthead columns ("General Assembly
    Distr.: Limited") as two lines."""
    match = COLUMN_RE.match(block.text)
    if not match:
        return [block]
    return [replace(block, text=match.group("left")), replace(block, text=match.group("right"), gap=False)]


def _field(text: str, after: str, index: int, found: dict[str, str]) -> tuple[str, str, int]:
    """The masthead key a line gives (and how many lines it takes), or ``("", "", 1)``."""
    if ORGAN_RE.match(text) and index < 8 and not found.keys() - {"organ", "symbol"}:
        return "organ", text, 1
    if SYMBOL_RE.fullmatch(text) and "symbol" not in found and index < 8:
        return "symbol", text, 1
    match = DISTRIBUTION_RE.match(text)
    if match:
        if match.group("value"):
            return "distribution", match.group("value").capitalize(), 1
        if DISTRIBUTION_VALUE_RE.match(after):
            return "distribution", after.capitalize(), 2
        return "distribution", "", 1
    if DATE_RE.match(text) and "distribution" in found and "date" not in found:
        return "date", text, 1
    match = ORIGINAL_RE.match(text)
    if match:
        return "original", match.group("value"), 1
    if SESSION_RE.match(text) and "session" not in found:
        return "session", text, 1
    if AGENDA_RE.match(text):
        return "agenda-item", text, 1
    if COMMITTEE_RE.match(text) and "committee" not in found:
        return "committee", text, 1
    if SPONSOR_RE.search(text) and "sponsors" not in found and "agenda-item" in found:
        return "sponsors", text, 1
    if BRACKETED_RE.match(text) and "adopted" in found and "number" not in found:
        return "reference", text, 1
    if ADOPTED_RE.match(text):
        if ON_DATE_RE.match(after):
            return "adopted", f"{text} {after}", 2
        return "adopted", text, 1
    match = NUMBER_RE.match(text)
    if match and not match.group("rest") and found:
        return "number", match.group("value"), 1
    return "", "", 1
