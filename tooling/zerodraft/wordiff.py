"""Word-level comparison of two texts, the primitive under every redline.

Texts are cut into words and the white space and punctuation between them, so that a
change shows as whole words inserted or deleted (as a delegate marks up a draft), and
joining the tokens of either side gives back that side exactly.  The matching itself is the
standard library's :class:`difflib.SequenceMatcher` (with the "junk" heuristic off, which
would otherwise hide changes to common words in long texts).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "insert", "delete"]
_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Change:
    """A run of text kept, inserted or deleted."""

    op: Op
    """``equal`` (in both), ``insert`` (only in the new text) or ``delete`` (only in the old)."""
    text: str
    """The run, exactly as written."""


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks; ``"".join`` gives ``text``."""
    return _TOKEN.findall(text)


def compare(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``.

    Joining the ``equal`` and ``delete`` runs gives ``old``; joining the ``equal`` and
    ``insert`` runs gives ``new``.  Within a replaced stretch the deletion comes first.
    """
    if old == new:  # the common case in a redline of a whole draft: no need to match
        return [Change("equal", old)] if old else []
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(out, "equal", "".join(a[i1:i2]))
        else:
            _add(out, "delete", "".join(a[i1:i2]))
            _add(out, "insert", "".join(b[j1:j2]))
    return out


def old_text(changes: list[Change]) -> str:
    """The text before the changes."""
    return "".join(c.text for c in changes if c.op != "insert")


def new_text(changes: list[Change]) -> str:
    """The text after the changes."""
    return "".join(c.text for c in changes if c.op != "delete")


def _add(out: list[Change], op: Op, text: str) -> None:
    if not text:
        return
    if out and out[-1].op == op:
        out[-1] = Change(op, out[-1].text + text)
    else:
        out.append(Change(op, text))
