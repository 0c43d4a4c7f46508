"""Every change to every paragraph, from one pass over the history.

``zerodraft history 18`` follows one paragraph; the site needs all of them, so it reads the
main line once (``git log --first-parent --name-status``: a merged pull request is one
commit, with everything it brought in) and walks it from the newest commit back, keeping a
map from file to paragraph id: it starts from the editor's copy, is reset to the released
draft's files at each draft's tag, and follows renames (a release renumbering ``018bis.md``
to ``019.md``) backwards.  Each paragraph is known by its stable id, so a number that a
release gave to another paragraph never mixes two histories.

For a merged pull request, the change is credited to the author of the pull request's last
commit, "via" the merge ("Merge pull request #12 from kenya/…").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zerodraft.git import Commit, Repository
from zerodraft.model import Document


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that changed a paragraph's file."""

    commit: str
    """The commit on the main line (the merge, for a pull request)."""
    author: str
    """Who made it (for a pull request, the author of its last commit)."""
    date: str
    """When (ISO 8601, the author date)."""
    subject: str
    """What the commit says (for a pull request, its last commit's first line)."""
    what: str
    """"changed", "added", "removed" or "renamed 018bis.md → 019.md"."""
    via: str = ""
    """For a merged pull request, the merge commit's first line."""


@dataclass(frozen=True, slots=True)
class Tagged:
    """A released draft, as the history walk needs it."""

    commit: str
    """The commit its tag names."""
    document: Document
    """The draft as tagged."""


def files_of(document: Document) -> dict[str, str]:
    """Paragraph file → paragraph id, for the paragraphs that have an id."""
    return {p.path: p.id for p in document.paragraphs() if p.id}


def changes(
    repository: Repository, ref: str, current: Document, drafts: Sequence[Tagged]
) -> Mapping[str, tuple[Change, ...]]:
    """Paragraph id → its changes, newest first, on the main line of ``ref`` (whose document
    is ``current``); ``drafts`` are the released drafts, oldest first."""
    line = repository.main_line(ref, current.root)
    merges = [c.parents[1] for c in line if len(c.parents) > 1]
    heads = repository.commits(merges)
    pending = [d for d in reversed(drafts)]  # newest first
    on_line = {c.sha for c in line}
    pending = [d for d in pending if d.commit in on_line]
    mapping = files_of(current)
    found: dict[str, list[Change]] = defaultdict(list)
    for commit in line:
        while pending and pending[0].commit == commit.sha:
            mapping = files_of(pending.pop(0).document)
        older = files_of(pending[0].document) if pending else {}
        base = _describe(commit, heads)
        for entry in commit.files:
            status = entry[0][:1]
            ident: str | None
            if status == "R" and len(entry) == 3:
                old, new = entry[1], entry[2]
                ident = mapping.pop(new, None)
                if ident:
                    mapping[old] = ident
                what = f"renamed {old.rsplit('/', 1)[-1]} → {new.rsplit('/', 1)[-1]}"
            elif status in ("A", "C") and len(entry) >= 2:
                ident = mapping.pop(entry[-1], None)
                what = "added"
            elif status == "D" and len(entry) == 2:
                ident = mapping.get(entry[1]) or older.get(entry[1])
                if ident:
                    mapping[entry[1]] = ident
                what = "removed"
            elif len(entry) == 2:
                ident = mapping.get(entry[1])
                what = "changed"
            else:
                continue
            if ident:
                found[ident].append(Change(base.commit, base.author, base.date, base.subject, what, base.via))
    return {ident: tuple(events) for ident, events in found.items()}


def _describe(commit: Commit, heads: Mapping[str, Commit]) -> Change:
    """Who and what a main-line commit stands for (a pull request's own author for a merge)."""
    if len(commit.parents) > 1 and commit.parents[1] in heads:
        head = heads[commit.parents[1]]
        return Change(commit.sha, head.author, commit.date, head.subject, "", commit.subject)
    return Change(commit.sha, commit.author, commit.date, commit.subject, "")
