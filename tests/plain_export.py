"""A minimal exporter for the import's round-trip tests: the whole document as one Markdown
or plain-text file.

Kept deliberately tiny and apart from the renderers (``zerodraft.render``): this is what the
import tests read back and compare with the source (and with ``golden/draft2-compiled.md``).
Plain text prints footnote references as the bare number glued to the text ("outcome.1")
and each footnote as "1 text" after its paragraph, as a PDF would.
"""

from __future__ import annotations

import re

from zerodraft.model import Document, Section

_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")


def render(document: Document, *, plain: bool = False) -> str:
    """The document as Markdown (``plain=False``) or plain text."""
    config = document.config
    out: list[str] = []
    draft = config.draft_name
    if config.draft_date:
        draft += f", {config.draft_date.day} {config.draft_date:%B %Y}"
    out.append(draft)
    if config.header_note:
        out.append(config.header_note)
    out.append(config.title if plain else f"# {config.title}")
    for section in document.walk():
        _section(document, section, out, plain)
    text = "\n\n".join(out) + "\n"
    return _plain(text) if plain else text


def _section(document: Document, section: Section, out: list[str], plain: bool) -> None:
    if section.heading:
        out.append(section.heading if plain else f"{'#' * (section.depth + 2)} {section.heading}")
    for paragraph in section.paragraphs:
        number = document.printed_number(paragraph)
        text = paragraph.text.strip()
        out.append(f"{number}. {text}" if number else text)


def _plain(text: str) -> str:
    text = _FOOTNOTE_DEF.sub(lambda m: f"{m.group(1)} ", text)
    text = _FOOTNOTE_REF.sub(lambda m: m.group(1), text)
    return _ESCAPE.sub(r"\1", text)
