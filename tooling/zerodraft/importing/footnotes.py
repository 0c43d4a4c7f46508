"""Footnotes put back where they belong, and plain text made safe as Markdown."""

from __future__ import annotations

import re

from zerodraft.importing.blocks import Block


class Footnotes:
    """Puts footnote bodies back as Markdown footnotes in the text that cites them.

    Texts are offered in document order; each footnote goes to the first that cites it,
    by ``[^1]`` (Markdown, Word) or by its number glued to a word or a full stop
    ("outcome.1", as PDF text shows a superscript).  ``used`` says which were placed.
    """

    def __init__(self, bodies: dict[str, Block]) -> None:
        self.bodies = bodies
        self.used: set[str] = set()

    def taken_by(self, text: str) -> list[Block]:
        """The unplaced footnotes that ``text`` (a heading) cites by a number glued to a word
        ("USE OF TERMS2"), marked placed (see :func:`in_heading`)."""
        taken = []
        for label, block in self.bodies.items():
            if label not in self.used and _glued(label).search(text):
                self.used.add(label)
                taken.append(block)
        return taken

    def apply(self, text: str) -> str:
        """``text`` with the footnotes it cites marked ``[^n]`` and defined at its end."""
        definitions = []
        for label, block in self.bodies.items():
            if label in self.used:
                continue
            marker = f"[^{label}]"
            if marker not in text:
                match = _glued(label).search(text)
                if not match:
                    continue
                text = text[: match.start()] + marker + text[match.end() :]
            self.used.add(label)
            if f"{marker}:" not in text:
                definitions.append(f"{marker}: {block.text}")
        if definitions:
            text = text.rstrip("\n") + "\n\n" + "\n".join(definitions)
        return text


def in_heading(heading: str, title: str, notes: list[Block]) -> tuple[str, str]:
    """A heading and its title with the footnotes they cite: the mark glued to a word
    ("TERMS2") written ``TERMS[^2]`` in the heading, its definition under it as under a
    paragraph, and taken out of the title (which names the section, as in the JSON export)."""
    if not notes:
        return heading, title
    for note in notes:
        heading = _glued(note.label).sub(f"[^{note.label}]", heading, count=1)
        title = _glued(note.label).sub("", title, count=1)
    definitions = "\n".join(f"[^{note.label}]: {escape(note.text)}" for note in notes)
    return f"{heading}\n\n{definitions}", title


def _glued(label: str) -> re.Pattern[str]:
    """A footnote number glued to the word or full stop before it ("outcome.1", "States2"),
    never the last part of a decimal number ("3.2")."""
    return re.compile(rf"(?<=[^\s\d\[^])(?<!\d\.){re.escape(label)}(?=[\s,;:.)]|$)")


_MARKDOWN_SPECIAL = re.compile(r"([\\*`<])")


def escape(text: str) -> str:
    """Plain text made safe as Markdown: ``*``, backticks, ``<`` and backslashes escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
