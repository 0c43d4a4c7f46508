"""A test merge that git cannot combine, as refusals that say what to do.

Two delegations who each add ``018bis.md`` collide; so do a pull request and a secretariat
change to the same lines.  Each conflicting file is one ZD911 saying which file, what
happened and what to do: for a paragraph number taken since the branch left ``main``, the
next free number at that place (``018ter.md``); otherwise, bring the branch up to date.
"""

from __future__ import annotations

from collections.abc import Iterable

from zerodraft.git import Conflict
from zerodraft.model import Problem
from zerodraft.numbering import Number
from zerodraft.numbering import from_filename as number_of

UPDATE = (
    "bring your branch up to date with main (on GitHub: 'Update branch'; or git pull origin main), "
    "keep main's version where it has moved on, redo your change and push again"
)


def conflict_problems(
    conflicts: Iterable[Conflict], base_paths: Iterable[str], head_paths: Iterable[str]
) -> list[Problem]:
    """One ZD911 per conflict; ``base_paths`` and ``head_paths`` (every path on each side)
    tell which paragraph numbers are taken."""
    taken = set(base_paths) | set(head_paths)
    return [Problem(c.path or ".", 1, "ZD911", _message(c, taken)) for c in conflicts]


def _message(conflict: Conflict, taken: set[str]) -> str:
    folder, _, name = conflict.path.rpartition("/")
    number = number_of(name)
    if conflict.both_added and number is not None:
        width = len(name) - len(name.lstrip("0123456789"))
        free = next_free(number, folder, taken, width)
        where = (
            f"name yours {free.label()} instead: rename the file to {free.filename(width)} (the next free number at "
            "this place) and push again"
            if free is not None
            else "ask the secretariat where to place yours"
        )
        return (
            f"main already has a paragraph {number.label()}, added since this branch left it (another proposal "
            f"took the number); {where}"
        )
    if conflict.both_added:
        return f"main already has a file of this name, added since this branch left it; rename yours, or {UPDATE}"
    if conflict.sides == frozenset({1, 3}):
        return (
            "was removed or renamed on main since this branch left it (a new draft may have renumbered it), "
            f"while this pull request changes it; {UPDATE} — make the change in the paragraph's new file"
        )
    if conflict.sides == frozenset({1, 2}):
        return f"was changed on main but is removed or renamed in this pull request; {UPDATE}"
    if conflict.sides:
        return f"was changed both on main and in this pull request, in ways that cannot be combined; {UPDATE}"
    kind = conflict.kind.replace("CONFLICT", "").strip(" ()") or "a conflict"
    return f"this pull request cannot be merged into main as it is ({kind}); {UPDATE}"


def next_free(number: Number, folder: str, taken: set[str], width: int = 3) -> Number | None:
    """The first number at ``number``'s place whose file is in neither tree: ``18 bis`` →
    ``18 ter`` (then ``quater`` …); ``6 alt`` → ``6 alt2``; ``None`` when none is left."""
    candidate: Number | None = number
    while candidate is not None and f"{folder}/{candidate.filename(width)}" in taken:
        if candidate.is_alternative:
            candidate = Number(candidate.base, candidate.rank, candidate.alt + 1) if candidate.alt < 9 else None
        else:
            candidate = candidate.next_insertion()
    return candidate
