"""Joining lines broken by extraction back into running text.

Only white space and line breaks change; the Chair's characters never do, with one
exception decided on evidence: a hyphen at the end of a line.

**The hyphen rule.** Drafts are written in Word, which does not hyphenate automatically, so
a hyphen at a line end is almost always the text's own hyphen: a compound broken after its
hyphen ("gender-" / "based" → "gender-based", "capacity-" / "building" → "capacity-building").
The hyphen is therefore kept and the words joined without a space. It is dropped only when
the document itself proves it was a typesetting break: the closed word ("implementation")
occurs elsewhere in the draft and the hyphenated form ("implemen-tation") never does. A soft
hyphen (U+00AD) is always a break. A hyphen followed by "and"/"or" on the next line is a
suspended compound ("sex-" / "and age" → "sex- and age") and keeps its space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
_TAIL = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$", re.UNICODE)
_HEAD = re.compile(r"^([^\W\d_]+)", re.UNICODE)
_CONJUNCTIONS = frozenset({"and", "or", "nor", "to", "et", "ou", "y", "o", "und", "oder"})
#: Lines that start a new line inside a paragraph rather than continue the previous one.
_OWN_LINE = re.compile(
    r"^(?:\((?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)(?:\s|$)|[a-z]\.(?:\s|$)|\[?(?:Alt(?:ernative)?|ALT|Option|OPTION)\s*[0-9A-Za-z]{1,4}\s*[:.)])"
)


#: A subparagraph or option label alone on its line ("(a)", "Option 1:"), as pdftotext
#: writes Word's automatic numbering: the text that follows goes on the same line.
_LABEL_ONLY = re.compile(
    r"^(?:\((?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)|[a-z]\.|(?:Alt(?:ernative)?|ALT|Option|OPTION)\s*[0-9A-Za-z]{1,4}\s*[:.)])$"
)


def squeeze(line: str) -> str:
    """One line with runs of spaces, tabs and no-break spaces made one space, ends trimmed."""
    return _SPACES.sub(" ", line).strip()


def words(lines: Iterable[str]) -> frozenset[str]:
    """The lower-case words of some lines (hyphenated compounds kept whole), as evidence."""
    found: set[str] = set()
    for line in lines:
        found.update(w.lower().rstrip("-") for w in _WORD.findall(line))
    return frozenset(found)


def starts_own_line(line: str) -> bool:
    """True for ``(a) …``, ``(ii) …``, ``a. …`` (a third level, as treaties' annexes have it),
    ``Option 1: …``, ``Alt 2: …``: kept on a line of their own."""
    return bool(_OWN_LINE.match(line))


def join_pair(left: str, right: str, evidence: frozenset[str]) -> str:
    """``left`` and ``right`` (two squeezed lines) as one run of text."""
    if not left:
        return right
    if not right:
        return left
    tail = _TAIL.search(left[-80:])  # only the end matters; a long paragraph stays linear
    head = _HEAD.match(right)
    if tail and head:
        first, second = tail.group(1), head.group(1)
        if left.endswith("\u00ad"):
            return left[:-1] + right
        if second.lower() in _CONJUNCTIONS:
            return left + " " + right
        closed = (first + second).lower()
        hyphenated = f"{first}-{second}".lower()
        if closed in evidence and hyphenated not in evidence:
            return left[:-1] + right
        return left + right
    return left + " " + right


def join(lines: Sequence[str], evidence: frozenset[str] = frozenset()) -> str:
    """Lines of one paragraph as its text: wrapped lines joined, ``(a)`` and ``Option 1:``
    lines kept on their own line."""
    out: list[str] = []
    for line in lines:
        line = squeeze(line)
        if not line:
            continue
        if out and (not starts_own_line(line) or _LABEL_ONLY.match(out[-1])):
            out[-1] = join_pair(out[-1], line, evidence)
        else:
            out.append(line)
    return "\n".join(out)
