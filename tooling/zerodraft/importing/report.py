"""The import report: what the import guessed, each with its source line, so that a human
checks those and nothing else.  Printed by ``zerodraft import`` and written beside the
document folder as ``DIR.import-report.md`` (``outcome.import-report.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zerodraft.importing.tree import Recognition
from zerodraft.rules import BY_CODE

#: How many source lines of each kind of removed artefact the report names.
SHOWN = 20


def path(into: Path) -> Path:
    """Where the report of an import into ``into`` goes: beside it, ``DIR.import-report.md``."""
    return into.parent / f"{into.name}.import-report.md"


def render(recognition: Recognition, source: str, into: Path, as_printed: Sequence[tuple[str, str, str]] = ()) -> str:
    """The report as Markdown; ``as_printed``: the source's own slips document.yaml records, as
    (paragraph file, code, what)."""
    document = recognition.document
    paragraphs = list(document.paragraphs())
    sections = [s for top in document.sections for s in top.walk()]
    kinds: dict[str, int] = {}
    for section in sections:
        kinds[section.kind] = kinds.get(section.kind, 0) + 1
    unnumbered = sum(1 for p in paragraphs if p.number is None)
    lines = [
        f"# Import report: {_cell(source)} into {_cell(str(into))}/",
        "",
        f"{len(paragraphs)} paragraphs ({unnumbered} printed without a number) in {len(sections)} sections "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}); numbering: {document.scheme}, "
        f"preamble {'numbered' if document.preamble_numbered else 'unnumbered'}.",
        "",
        "## What the import guessed",
        "",
    ]
    if recognition.guesses:
        lines += ["Check each of these against the source; everything else was read as printed.", ""]
        lines += ["| source line | guess | text |", "| --- | --- | --- |"]
        lines += [f"| {g.line} | {_cell(g.what)} | {_cell(g.text)} |" for g in recognition.guesses]
    else:
        lines.append("Nothing: every line was read as printed.")
    if document.masthead:
        lines += ["", "## Masthead (document.yaml, not paragraphs)", ""]
        lines += [f"- {key}: {_cell(value)}" for key, value in document.masthead]
    removed: dict[str, list[int]] = {}
    for artefact in recognition.artefacts:
        removed.setdefault(artefact.what, []).append(artefact.line)
    if removed:
        lines += ["", "## Removed as extraction artefacts (not the Chair's words)", ""]
        for what, where in removed.items():
            shown = ", ".join(map(str, where[:SHOWN])) + (" …" if len(where) > SHOWN else "")
            lines.append(f"- {len(where)} × {what}: line{'s' * (len(where) != 1)} {shown}")
    if as_printed:
        lines += ["", "## The source's own slips, kept as printed (`as-printed:` in document.yaml)", ""]
        lines += [
            "`zerodraft check` knows these and reports only new ones; correct one in its paragraph, then delete its "
            "entry.",
            "",
            "| file | code | as printed |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {_cell(f)} | {c} ({BY_CODE[c].name}) | {_cell(w)} |" for f, c, w in as_printed]
    if recognition.notes:  # the problems (ZD601, ZD602) are guesses above, with their lines
        lines += ["", "## Notes", ""]
        lines += [f"- {_cell(note)}" for note in recognition.notes]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Source text made inert in a Markdown table cell: one line, pipes and marks escaped."""
    flat = " ".join(text.split())
    for mark in ("\\", "|", "*", "_", "`", "<", "[", "]"):
        flat = flat.replace(mark, "\\" + mark)
    return flat
