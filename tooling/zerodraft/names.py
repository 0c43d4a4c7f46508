"""The names delegates write for a delegation, and what to suggest for one that is not known.

A delegation is found by its roster name, its code, or one of the other names it is known by
(``also:`` in ``outcome/delegations.yaml``: "Iran", "UK", "Russia", "South Korea" …), in any
case, with or without dots or curly apostrophes.  For a name that is none of these, the
suggestions come from the names delegates write, in this order:

1. every word of what was written is a word of one or more names ("Korea" → both Koreas;
   "Bolivarian" → Venezuela (Bolivarian Republic of));
2. a name starts with it ("Keny" → Kenya);
3. it is a near spelling of a name or of another name for it ("Kenia" → Kenya), and when two
   delegations are about as near, both are named — a spelling never picks one country over
   its neighbour in the alphabet.

Because "Iran" is itself a name in the roster, it is accepted and never suggests "Iraq";
edit distance alone would.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from zerodraft.model import Delegation, Roster, name_key

key = name_key
"""How a name is compared (:func:`zerodraft.model.name_key`, which the roster's index uses)."""
_SEPARATORS = re.compile(r"\s*(?:[,;]|\band\b)\s*")
NEAR = 0.75
"""How alike (difflib's ratio, 0 to 1) a spelling must be to a name to be suggested."""
TIE = 0.04
"""Delegations whose likeness is within this of the nearest are suggested beside it."""


def several(roster: Roster, written: str) -> tuple[str, ...]:
    """The roster names of ``written`` when it is several delegations written as one name
    ("Kenya, Norway", "Kenya and Norway"), else ``()``.  A roster name with "and" in it
    ("Trinidad and Tobago") is one delegation, not two."""
    if roster.find(written) is not None:
        return ()
    parts = [part.strip(" []") for part in _SEPARATORS.split(written) if part.strip(" []")]
    if len(parts) < 2:
        return ()
    found = [roster.find(part) for part in parts]
    return tuple(d.name for d in found if d is not None) if all(found) else ()


def suggestions(roster: Roster, written: str, limit: int = 3) -> tuple[str, ...]:
    """Roster names a delegate who wrote ``written`` probably meant, nearest first (at most
    ``limit``; none when nothing is near)."""
    wanted = key(written)
    if not wanted:
        return ()
    spellings = [
        (key(spelling), delegation) for delegation in roster.delegations for spelling in _spellings(delegation)
    ]
    words = set(wanted.split())
    by_words = _unique(d for spelling, d in spellings if words <= set(re.split(r"[\s()'-]+", spelling)))
    if 0 < len(by_words) <= limit:
        return tuple(d.name for d in by_words)
    if len(wanted) >= 3:
        by_start = _unique(d for spelling, d in spellings if spelling.startswith(wanted))
        if 0 < len(by_start) <= limit:
            return tuple(d.name for d in by_start)
    best: dict[str, float] = {}
    for spelling, delegation in spellings:
        if len(spelling) < 3 or spelling[0] != wanted[0]:
            continue  # codes and initials are not spellings; a slip keeps the first letter
        ratio = difflib.SequenceMatcher(None, wanted, spelling).ratio()
        if ratio >= NEAR and ratio > best.get(delegation.name, 0.0):
            best[delegation.name] = ratio
    if not best:
        return ()
    top = max(best.values())
    near = sorted((name for name, ratio in best.items() if ratio >= top - TIE), key=lambda n: -best[n])
    return tuple(near[:limit])


def hint(roster: Roster, written: str) -> str:
    """`` (did you mean 'Kenya'?)``, `` (did you mean 'A' or 'B'?)``, or ``""``."""
    found = suggestions(roster, written)
    if not found:
        return ""
    quoted = [f"'{name}'" for name in found]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f" (did you mean {listed}?)"


def _spellings(delegation: Delegation) -> tuple[str, ...]:
    return (delegation.name, *delegation.also)


def _unique(delegations: Iterable[Delegation]) -> list[Delegation]:
    out: list[Delegation] = []
    for delegation in delegations:
        if delegation not in out:
            out.append(delegation)
    return out
