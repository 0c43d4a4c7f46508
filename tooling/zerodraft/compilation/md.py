"""The compilation of proposals as Markdown: readable as plain text and on GitHub.

Redlines mark deleted words ``~~like this~~`` and inserted words ``**like this**``; every
character of negotiated text is escaped, so that a proposal can never turn into a link,
an image or markup.  Conflicting proposals on one paragraph sit side by side in a table.
"""

from __future__ import annotations

import re

from zerodraft.compilation.languages import kind, kinds, paragraph_heading, positions, say, word
from zerodraft.compilation.model import Compilation, Entry, Proposal
from zerodraft.wordiff import Change

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!&])")


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so that the text stays text."""
    return _SPECIAL.sub(r"\\\1", text)


def redline(changes: tuple[Change, ...], *, table: bool = False) -> str:
    """``~~deleted~~`` and ``**inserted**`` runs; line breaks kept (or ``¶`` in a table)."""
    out = []
    for change in changes:
        text = change.text
        if change.op == "equal":
            out.append(escape(text))
            continue
        mark = "~~" if change.op == "delete" else "**"
        # Emphasis must hug its words: keep white space outside the marks, line by line.
        pieces = re.split(r"(\s*\n\s*)", text)
        for piece in pieces:
            if not piece.strip():
                out.append(piece)
                continue
            core = piece.strip()
            lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()) :]
            out.append(f"{lead}{mark}{escape(core)}{mark}{trail}")
    text = "".join(out).strip()
    if table:
        return re.sub(r"\s*\n\s*", " ¶ ", text) or "—"
    return text.replace("\n", "\\\n")  # a backslash hard break: no trailing spaces


def who(proposal: Proposal, compilation: Compilation | None = None) -> str:
    """``Kenya, Norway``, ``European Union, amending the proposal of Kenya`` or ``(not stated)``
    (in the compilation's language)."""
    return proposal.credited_in(compilation.language if compilation else "")


def _head(proposal: Proposal, compilation: Compilation) -> str:
    """ "**MOD** — Kenya (branch kenya/amend-5)", in the compilation's language."""
    where = escape(proposal.source_in(compilation.language))
    return f"**{escape(kind(compilation, proposal))}** — {escape(who(proposal, compilation))} ({where})"


EXTENSION = "md"
MEDIA_TYPE = "text/markdown"


def render(compilation: Compilation) -> bytes:
    """The whole compilation (UTF-8)."""
    return _markdown(compilation).encode("utf-8")


def _markdown(compilation: Compilation) -> str:
    """The whole compilation."""
    lines = [
        f"# {escape(word(compilation, 'compilation', 'Compilation of proposals'))} — {escape(compilation.draft)}",
        "",
        f"{escape(compilation.title)}",
        "",
        say(
            compilation,
            "explanation",
            sources=compilation.sources(),
            base=f"`{compilation.base}`",
            deleted=f"~~{say(compilation, 'deleted')}~~",
            inserted=f"**{say(compilation, 'inserted')}**",
            kinds=kinds(compilation),
        ),
        "",
    ]
    if not compilation.entries:
        lines += [escape(word(compilation, "none-pending", "No proposals are pending.")), ""]
    heading: tuple[str, ...] = ()
    for entry in compilation.entries:
        if entry.section != heading:
            heading = entry.section
            lines += [f"## {escape(' / '.join(entry.heading or heading))}", ""]
        lines += _entry(entry, compilation)
    if compilation.skipped:
        lines += [f"## {escape(word(compilation, 'left-out', 'Branches and pull requests left out'))}", ""]
        lines += [f"- `{left.ref}`: {escape(left.reason_in(compilation.language))}" for left in compilation.skipped]
    return "\n".join(lines).rstrip() + "\n"


def _entry(entry: Entry, compilation: Compilation) -> list[str]:
    lines = [f"### {escape(paragraph_heading(compilation, entry))}", "", f"`{entry.path}`", ""]
    if entry.current is not None:
        current = escape(entry.current.strip()).replace("\n", "\\\n> ")
        lines += [f"> *{escape(entry.note)}*", ">"] if entry.note else []
        lines += [f"> {current}", ""]
    if entry.conflicting:
        lines += _side_by_side(entry.proposals, compilation)
    else:
        for proposal in entry.proposals:
            lines += _proposal(proposal, compilation)
    return lines


def _proposal(proposal: Proposal, compilation: Compilation) -> list[str]:
    lines = [_head(proposal, compilation), ""]
    if proposal.note:
        lines += [f"*{escape(proposal.note)}*", ""]
    if proposal.kind != "NOC":
        lines += [redline(proposal.redline), ""]
    if proposal.positions:
        lines += [f"*{escape(positions(compilation, proposal))}*", ""]
    if proposal.rationale:
        rationale = escape(word(compilation, "rationale", "Rationale"))
        lines += [f"*{rationale}:* {escape(proposal.rationale)}".replace("\n", "\\\n"), ""]
    return lines


def _side_by_side(proposals: tuple[Proposal, ...], compilation: Compilation) -> list[str]:
    head = "| | " + " | ".join(_head(p, compilation) for p in proposals) + " |"
    rule = "| --- |" + " --- |" * len(proposals)
    text = (
        f"| {escape(word(compilation, 'text', 'Text'))} | "
        + " | ".join(redline(p.redline, table=True) for p in proposals)
        + " |"
    )
    why = f"| {escape(word(compilation, 'rationale', 'Rationale'))} | " + " | ".join(
        _cell(p.rationale) for p in proposals
    )
    why += " |"
    lines = [escape(word(compilation, "conflicting", "Conflicting proposals, side by side:")), "", head, rule, text]
    if any(p.positions for p in proposals):
        lines.append(
            f"| {escape(word(compilation, 'positions', 'Positions'))} | "
            + " | ".join(_cell(positions(compilation, p)) for p in proposals)
            + " |"
        )
    return [*lines, why, ""]


def _cell(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ¶ ", escape(text.strip())) or "—"
