"""Internal references as links: "paragraph 40 above" in the HTML draft and on the site
goes to paragraph 40 (``#para-40``), "annex II" to the annex's heading.

Links are added to the laid-out runs (:mod:`zerodraft.render.layout`) after layout, for the
formats that follow them; the text itself never changes.  A reference with one target is
linked whole (to the paragraph, in "paragraph 2 of article 7"); one with several
("paragraphs 18 and 20") links each number to its own target.  A reference interrupted by formatting (a number in bold) stays unlinked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from zerodraft.model import Paragraph
from zerodraft.references.grammar import find
from zerodraft.references.resolve import Index, Resolved, Status
from zerodraft.render.inline import Run
from zerodraft.render.layout import CompiledDraft, Heading, Item

_LINKED = (Status.FOUND, Status.DELETED)


def linked(draft: CompiledDraft) -> CompiledDraft:
    """``draft`` with every internal reference in its paragraphs linked to its target."""
    index = Index(draft.document)
    anchors: dict[str, str] = {}
    for entry in draft.entries:
        if isinstance(entry, Item):
            anchors.setdefault(entry.paragraph.path, entry.anchor)
        else:
            anchors.setdefault(entry.section.path, entry.anchor)
    entries: list[Item | Heading] = []
    for entry in draft.entries:
        if isinstance(entry, Item) and find(entry.paragraph.text):
            blocks = tuple(replace(b, runs=_runs(b.runs, entry.paragraph, index, anchors)) for b in entry.blocks)
            entry = replace(entry, blocks=blocks)
        entries.append(entry)
    return replace(draft, entries=tuple(entries))


def _runs(runs: tuple[Run, ...], paragraph: Paragraph, index: Index, anchors: Mapping[str, str]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if run.href or run.code or run.escaped or run.footnote is not None:
            out.append(run)
            continue
        position = 0
        for reference in find(run.text):
            for start, end, href in _links(index.resolve(paragraph, reference), anchors):
                if start > position:
                    out.append(replace(run, text=run.text[position:start]))
                out.append(replace(run, text=run.text[start:end], href=href))
                position = end
        if position < len(run.text):
            out.append(replace(run, text=run.text[position:]))
    return tuple(out)


def _links(resolved: Resolved, anchors: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Where to put links in the reference's text, and to which anchor."""
    reference = resolved.reference
    containers = {t.within[: i + 1] for t in reference.targets for i in range(len(t.within))}
    found: list[tuple[int, int, str]] = []
    leaves: list[str] = []
    for resolution in resolved.resolutions:
        target = resolution.target
        place = resolution.paragraph or resolution.section
        if resolution.status not in _LINKED or target.numeral is None or place is None or place.path not in anchors:
            continue
        href = "#" + anchors[place.path]
        found.append((target.numeral.start, target.numeral.end, href))
        if (*target.within, (target.kind, target.label)) not in containers:
            leaves.append(href)
    if len(leaves) == 1 and len(reference.targets) - len(containers) == 1:
        return [(reference.start, reference.end, leaves[0])]  # "paragraph 2 of article 7": the whole to paragraph 2
    return sorted(found)
