"""Bytes to text, as strictly as a negotiated text deserves.

Files must be UTF-8; a byte-order mark and the hidden characters of
:mod:`zerodraft.characters` are reported: control characters (ZD009), bidirectional
overrides (ZD005: the "Trojan Source" characters that make text display differently from
what it says) and zero-width characters (ZD010: they change a word without showing).  The
marks right-to-left scripts need — LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK and ARABIC LETTER
MARK — are ordinary text and pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from zerodraft import characters
from zerodraft.model import Problem

BOM = "\ufeff"
_PROBLEM = {
    "bidi": ("ZD005", "a bidirectional override character", "delete it"),
    "control": ("ZD009", "a control character", "delete it"),
    "not-xml": ("ZD009", "a character that is not text", "delete it"),
    "zero-width": ("ZD010", "an invisible character", "it changes the words without showing; delete it"),
}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, or ``None`` when it cannot be read as text, and what was wrong."""

    text: str | None
    problems: tuple[Problem, ...]


def decode(path: str, data: bytes) -> Decoded:
    """Decode ``data`` read from ``path``; line endings become ``\\n``."""
    problems: list[Problem] = []
    if not data.strip():
        return Decoded(None, (Problem(path, 1, "ZD007", "is empty; delete it or give it content"),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Decoded(
            None,
            (
                Problem(
                    path,
                    line,
                    "ZD002",
                    f"is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8",
                ),
            ),
        )
    if text.startswith(BOM):
        problems.append(Problem(path, 1, "ZD008", "starts with a byte-order mark; save it as UTF-8 without BOM"))
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not characters.has_hidden(text):
        return Decoded(text, tuple(problems))
    reported = set()
    for found in characters.hidden(text):
        code, what, todo = _PROBLEM[found.kind]
        if (code, what) in reported:
            continue  # one per kind per file is enough to act on
        reported.add((code, what))
        line = text.count("\n", 0, found.index) + 1
        column = found.index - (text.rfind("\n", 0, found.index) + 1) + 1
        problems.append(Problem(path, line, code, f"holds {what} ({found.codepoint}) at column {column}; {todo}"))
    return Decoded(text, tuple(problems))
