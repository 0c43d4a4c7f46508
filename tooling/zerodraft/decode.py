"""Bytes to text, as strictly as a negotiated text deserves.

Files must be UTF-8; a byte-order mark, control characters and bidirectional overrides
(the "Trojan Source" characters that make text display differently from what it says) are
reported.  The marks right-to-left scripts need — LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK and
ARABIC LETTER MARK — are ordinary text and pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerodraft.model import Problem

BOM = "\ufeff"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


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
    if not _SUSPECT.search(text):
        return Decoded(text, tuple(problems))
    for pattern, code, what in (
        (_BIDI, "ZD005", "a bidirectional override character"),
        (_CONTROL, "ZD009", "a control character"),
    ):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(
                Problem(
                    path,
                    line,
                    code,
                    f"holds {what} (U+{ord(match.group()):04X}) at column {column}; delete it",
                )
            )
            break  # one per kind per file is enough to act on
    return Decoded(text, tuple(problems))
