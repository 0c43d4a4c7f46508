"""The history of one paragraph across commits and drafts.

A paragraph keeps its file name during a round and changes it only at a release, where the
concordance (``outcome/concordance/draft-3.yaml``) records its old and new file.  So its
history is read round by round, newest first: the commits touching its file since the last
draft, then that draft's release commit (renumbering it), then, under its old file name, the
commits of the round before, and so on.  This is exact even where ``git log --follow`` is
not: when 18 is deleted and 17 bis becomes 18 in one release, git sees "018.md changed",
the concordance knows better.  Drafts tagged by hand, without a concordance, fall back to
git's own rename following.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from zerodraft import config, reader
from zerodraft.characters import one_line
from zerodraft.errors import Fatal
from zerodraft.git import COMMIT_FORMAT, Git, commit_records
from zerodraft.model import Document, Problem
from zerodraft.rounds import concordance
from zerodraft.rounds.drafts import DRAFT_TAGS
from zerodraft.rounds.proposal import find


@dataclass(frozen=True, slots=True)
class Event:
    """One commit that changed the paragraph."""

    commit: str
    """The commit id."""
    author: str
    """Who made the change (the commit's author; untrusted, so cleaned by
    :func:`zerodraft.characters.one_line` like the subject)."""
    date: str
    """When (ISO 8601)."""
    subject: str
    """The commit message's first line (for a merged pull request, its title or number)."""
    path: str
    """The paragraph's file at that commit."""
    draft: str = ""
    """For a release commit, the draft it released ("Draft 3")."""
    renumbered: str = ""
    """For a release commit, what happened to the number ("17 bis → 18", "5 → deleted")."""
    merged_by: str = ""
    """For a change made on a branch, the merge that brought it in ("Merge pull request #12 …")."""


@dataclass(frozen=True, slots=True)
class Numbered:
    """The paragraph's number in one released draft."""

    tag: str
    """The draft's tag (``draft-3``)."""
    name: str
    """The draft's name ("Draft 3")."""
    number: str
    """Its number there ("18"), "deleted", or "" when it did not yet exist."""


@dataclass(frozen=True, slots=True)
class History:
    """Everything that happened to one paragraph."""

    id: str
    number: str
    """Its number in the current round ("deleted" for a paragraph a release removed)."""
    path: str
    """Its file now (its last file, for a removed paragraph)."""
    events: tuple[Event, ...]
    """Newest first."""
    drafts: tuple[Numbered, ...]
    """Its number in each released draft, oldest first."""


def history(git: Git, document: Document, reference: str) -> History:
    """The history of the paragraph ``reference`` (a number in the current round, like
    ``18`` or ``18 bis``, or a stable id) in ``document`` (the working tree)."""
    root = document.root
    tags = git.tags_in(DRAFT_TAGS)
    events: list[Event] = []
    numbers: list[Numbered] = []  # newest first until the end
    upper = "HEAD"
    path: str | None
    try:
        paragraph = find(document, reference)
        ident, number, path, where = paragraph.id, paragraph.label, paragraph.path, paragraph.path
    except Fatal:  # perhaps a paragraph that a release removed: its id is in that concordance
        gone = _deleted(git, tags, root, reference.strip())
        if gone is None:
            raise
        index, removed = gone
        ident, number, path = reference.strip(), "deleted", str(removed.get("old-path"))
        where = path
        numbers = [Numbered(t, _draft_name(git, t, root), "gone") for t in reversed(tags[index + 1 :])]
        tags, upper = tags[: index + 1], tags[index]
    for tag in reversed(tags):
        if path is None:
            numbers.append(Numbered(tag, _draft_name(git, tag, root), ""))
            continue
        events += _log(git, f"{tag}..{upper}", path)
        rows = _concordance(git, tag, root, ident)
        name = _draft_name(git, tag, root)
        if rows is None:  # tagged by hand: let git follow renames from here on
            events += _log(git, tag, path, follow=True)
            numbers.append(Numbered(tag, name, ""))
            path = None
            break
        row = rows.get(ident)
        if row is None:  # the paragraph is younger than this draft
            numbers.append(Numbered(tag, name, ""))
            path = None
            continue
        new, old = row.get("new"), str(row.get("old", ""))
        numbers.append(Numbered(tag, name, str(new) if new else "deleted"))
        release = _log(git, f"{tag}^!", str(row.get("new-path") or path))
        change = f"{old} → {new}" if new and str(new) != old else ("" if new else f"{old} → deleted")
        for event in release[:1]:
            events.append(
                Event(event.commit, event.author, event.date, event.subject, event.path, name, change or "unchanged")
            )
        path = str(row.get("old-path") or path)
        upper = f"{tag}^"
    if path is not None:
        events += _log(git, upper, path)
    events = _with_merges(git, events)
    return History(ident, number, where, tuple(events), tuple(reversed(numbers)))


def _deleted(git: Git, tags: list[str], root: str, ident: str) -> tuple[int, dict[str, object]] | None:
    """The draft whose release removed the paragraph ``ident`` (index in ``tags``, its row)."""
    if not ident:
        return None
    for index in range(len(tags) - 1, -1, -1):
        rows = _concordance(git, tags[index], root, ident)
        row = rows.get(ident) if rows else None
        if row is not None:
            return (index, row) if not row.get("new") else None
    return None


def _with_merges(git: Git, events: list[Event]) -> list[Event]:
    """Name, for each change made on a side branch, the merge into the main line that brought
    it in: for a pull request that is "Merge pull request #12 from …"."""
    main_line = set(git.run("rev-list", "--first-parent", "HEAD").split())
    out = []
    for event in events:
        if event.commit in main_line or event.draft:
            out.append(event)
            continue
        merges = git.run("rev-list", "--merges", "--ancestry-path", f"{event.commit}..HEAD", check=False).split()
        first = next((m for m in reversed(merges) if m in main_line), None)
        subject = one_line(git.run("log", "-1", "--format=%s", first)) if first else ""
        out.append(replace(event, merged_by=subject))
    return out


def _log(git: Git, revisions: str, path: str, *, follow: bool = False) -> list[Event]:
    args = ["log", COMMIT_FORMAT]
    if follow:
        args += ["--follow", "--name-only"]
    args += [revisions, "--", path]
    out = git.run(*args, check=False)
    events = []
    for commit, names in commit_records(out):
        where = names.strip().splitlines()[-1] if follow and names.strip() else path
        events.append(Event(commit.sha, commit.author, commit.date, commit.subject, where))
    return events


def _concordance(git: Git, tag: str, root: str, ident: str) -> dict[str, dict[str, object]] | None:
    data = git.show(tag, f"{root}/{concordance.FOLDER}/{tag}.yaml")
    if data is None:
        return None
    return dict(concordance.load(data.decode("utf-8", "replace"), only=ident))


def _draft_name(git: Git, tag: str, root: str) -> str:
    data = git.show(tag, f"{root}/{reader.DOCUMENT}")
    if data is None:
        return tag
    problems: list[Problem] = []
    return config.document_config(f"{root}/{reader.DOCUMENT}", data.decode("utf-8", "replace"), problems).draft_name
