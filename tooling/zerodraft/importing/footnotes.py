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

    def apply(self, text: str) -> str:
        """``text`` with the footnotes it cites marked ``[^n]`` and defined at its end."""
        definitions = []
        for label, block in self.bodies.items():
            if label in self.used:
                continue
            marker = f"[^{label}]"
            if marker not in text:
                glued = re.compile(rf"(?<=[^\s\d\[^]){re.escape(label)}(?=[\s,;:.)]|$)")
                match = glued.search(text)
                if not match:
                    continue
                text = text[: match.start()] + marker + text[match.end() :]
            self.used.add(label)
            if f"{marker}:" not in text:
                definitions.append(f"{marker}: {block.text}")
        if definitions:
            text = text.rstrip("\n") + "\n\n" + "\n".join(definitions)
        return text


_MARKDOWN_SPECIAL = re.compile(r"([\\*`<])")


def escape(text: str) -> str:
    """Plain text made safe as Markdown: ``*``, backticks, ``<`` and backslashes escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
