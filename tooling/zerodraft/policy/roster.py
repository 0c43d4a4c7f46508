"""The roster's rules: what a delegation may change in ``outcome/delegations.yaml`` — its own
logins, nothing else — and that entries stay unique by name and code (ZD903, ZD915)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from zerodraft.model import Delegation, Problem, Roster


def roster_changes(
    own: set[str], roster_before: Roster | None, roster_after: Roster | None, text: str, path: str
) -> Iterator[Problem]:
    """Every way a change of ``outcome/delegations.yaml`` (``text`` at the head) goes beyond
    what a login speaking for the delegations ``own`` may do."""
    if roster_before and roster_before.delegations and not (roster_after and roster_after.delegations):
        yield Problem(path, 1, "ZD903", "can no longer be read as a roster; only the secretariat restructures it")
        return
    old_entries = roster_before.delegations if roster_before else ()
    new_entries = roster_after.delegations if roster_after else ()
    before = {d.name: d for d in old_entries}
    after = {d.name: d for d in new_entries}
    lines = text.splitlines()
    yield from _roster_unique(old_entries, new_entries, lines, path, own)
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if name in own and old is not None and new is not None and _same_but_logins(old, new):
            continue
        what = "its logins" if name not in own else "more than its own logins"
        if old is None:
            what = "a new entry"
        elif new is None:
            what = "its removal"
        yield Problem(
            path,
            _line_of_name(lines, name),
            "ZD903",
            f"changes the roster entry of {name} ({what}); a delegation may only change its own logins — "
            f"the secretariat keeps the roster: put the entry of {name} back as it was, and ask the secretariat "
            "for the change in the pull request's description",
        )


def _roster_unique(
    old: tuple[Delegation, ...], new: tuple[Delegation, ...], lines: list[str], path: str, own: set[str]
) -> Iterator[Problem]:
    """No second entry with a name or code already taken, and no login taken from another
    delegation into one's own entry (only the secretariat lets one login speak for two, like
    the EU presidency's; changing another's entry at all is ZD903)."""
    keys: tuple[tuple[str, Callable[[Delegation], str]], ...] = (("name", _name), ("code", _code))
    for what, key in keys:
        was = Counter(key(d).casefold() for d in old if key(d))
        now = Counter(key(d).casefold() for d in new if key(d))
        for value, count in sorted(now.items()):
            if count > 1 and count > was[value]:
                entry = next(d for d in reversed(new) if key(d).casefold() == value)
                yield Problem(
                    path,
                    _line_of_name(lines, entry.name),
                    "ZD915",
                    f"has {count} entries with the {what} '{key(entry)}'; each delegation has one entry, unique "
                    "by name and code — change the logins of your own entry instead",
                )
    owners: dict[str, set[str]] = {}
    for delegation in old:
        for login in delegation.logins:
            owners.setdefault(login.casefold(), set()).add(delegation.name)
    for delegation in new:
        if delegation.name not in own:
            continue
        for login in delegation.logins:
            others = owners.get(login.casefold(), set()) - {delegation.name}
            if others and delegation.name not in owners.get(login.casefold(), set()):
                yield Problem(
                    path,
                    _line_of_name(lines, delegation.name),
                    "ZD915",
                    f"gives the login '{login}', which speaks for {', '.join(sorted(others))}, to {delegation.name} "
                    f"too; only the secretariat lets one login speak for two delegations: take '{login}' out of the "
                    f"logins of {delegation.name}",
                )


def _name(delegation: Delegation) -> str:
    return delegation.name


def _code(delegation: Delegation) -> str:
    return delegation.code


def _same_but_logins(old: Delegation, new: Delegation) -> bool:
    return (old.name, old.kind, old.code, old.members) == (new.name, new.kind, new.code, new.members)


def _line_of_name(lines: list[str], name: str) -> int:
    for number, line in enumerate(lines, 1):
        if re.search(r"\bname:\s*[\"']?" + re.escape(name) + r"[\"']?\s*[,}]?\s*$", line) or (
            f'name: "{name}"' in line or f"name: {name}," in line
        ):
            return number
    return 1
