"""Merge-conflict markers left in a file: git's ``<<<<<<<``, ``=======`` and ``>>>>>>>`` lines.

A merge that could not be made by itself leaves both sides in the file between these
markers.  Read as YAML they are a syntax error, and in the text ``=======`` underlines a
heading, so without this check a delegate would be told about broken YAML and a heading
instead of the one thing that happened.  A file holding the markers is reported once (ZD110)
and not read further.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"^(<{7}(?: .*)?|={7}|>{7}(?: .*)?|\|{7}(?: .*)?)[ \t]*$", re.MULTILINE)


def markers(text: str) -> tuple[int, ...]:
    """The 1-based lines of the conflict markers in ``text`` (``()`` when there are none).
    Only an opening marker makes a conflict: a lone ``=======`` line is text."""
    if "<<<<<<<" not in text:
        return ()  # no opening marker: the quick answer for nearly every file
    found = [(text.count("\n", 0, m.start()) + 1, m.group(1)[0]) for m in _MARKER.finditer(text)]
    if not any(kind == "<" for _, kind in found):
        return ()
    return tuple(line for line, _ in found)


def message(lines: tuple[int, ...]) -> str:
    """What a delegate should do about the markers on ``lines``."""
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"
    return (
        f"still holds the markers of a merge conflict ({where}: '<<<<<<<', '=======', '>>>>>>>'); "
        "keep the words that are right, then delete the other version and the marker lines"
    )
