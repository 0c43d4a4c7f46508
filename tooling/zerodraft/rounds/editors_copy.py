"""Whether a text is a released draft or an editor's copy, and the header that says which.

A released draft is the text of a ``draft-*`` tag.  Anything else — the working tree with a
change in it, a commit after the tag, a branch — is an *editor's copy*, however its
``document.yaml`` is named: printed under "DRAFT 3, 19 July 2021" it would be taken for the
Chair's text.  So every format of such a build is headed::

    Editor's copy — not a released draft (after Draft 2, 3 changes)

where the draft is the last one released before the text (the newest tag its commit
contains) and the changes are the paragraphs new, deleted or changed in any way since then,
and each other file of the document changed (a heading, ``document.yaml``).  A text whose
files are exactly those of its last tag is that released draft and keeps its own header.  A
repository with no draft released yet prints the document's own header: there is nothing for
the text to be mistaken for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.model import Document, Paragraph
from zerodraft.rounds.drafts import draft_tags
from zerodraft.source import Source


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a text stands against the drafts released before it."""

    after: str = ""
    """The name of the last draft released before it ("Draft 2"); ``""`` when none was."""
    tag: str = ""
    """That draft's tag (``draft-2``)."""
    changes: int = 0
    """Paragraphs new, deleted or changed since that draft, and other files of the
    document changed."""
    released: bool = True
    """True when the text is exactly a released draft's (or no draft was released yet)."""

    def header(self) -> str | None:
        """The header of an editor's copy, or ``None`` for a released draft (which keeps its
        own: "DRAFT 2, 2 July 2021")."""
        if self.released:
            return None
        return f"Editor's copy — not a released draft ({self.since()})"

    def since(self) -> str:
        """``after Draft 2, 3 changes`` (``""`` when no draft was released)."""
        return f"after {self.after}, {_changes(self.changes)}" if self.after else ""


def standing(base: Path, source: Source, document: Document, ref: str | None, root: str = "outcome") -> Standing:
    """Where ``document`` (read from ``source``: the working tree when ``ref`` is ``None``,
    else the commit ``ref``) stands.  Outside a git repository, a text is taken as it says."""
    from zerodraft.git import Git, Repository
    from zerodraft.reader import read

    try:
        repository = Repository(base)
    except Fatal:
        return Standing()
    git = Git(repository)
    if not ref and not git.ok("rev-parse", "--verify", "--quiet", "HEAD"):
        return Standing()  # a repository with no commit yet
    commit = repository.resolve(ref or "HEAD")
    for tag, sha in reversed(draft_tags(repository, contained_in=commit)):
        released_source = repository.tree(sha)
        try:
            released = read(released_source, root).document
        except Fatal:
            continue  # a tag without the document is no draft
        last = tag
        break
    else:
        return Standing()
    changed = _changed_paragraphs(released, document)
    others = _changed_files(released_source, source, root, released, document)
    return Standing(
        after=released.config.draft_name,
        tag=last,
        changes=changed + others,
        released=changed + others == 0,
    )


def _changes(count: int) -> str:
    return f"{count} change" if count == 1 else f"{count} changes"


def _content(paragraph: Paragraph) -> tuple[object, ...]:
    return (
        paragraph.number,
        paragraph.section,
        paragraph.status,
        paragraph.text,
        paragraph.proposed_by,
        paragraph.supported_by,
        paragraph.opposed_by,
        paragraph.reservations,
        paragraph.note,
    )


def _changed_paragraphs(old: Document, new: Document) -> int:
    before = {p.id or p.path: _content(p) for p in old.paragraphs()}
    after = {p.id or p.path: _content(p) for p in new.paragraphs()}
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def _changed_files(old_source: Source, new_source: Source, root: str, old: Document, new: Document) -> int:
    """Files of the document other than paragraphs (headings, ``document.yaml`` …) that differ."""
    paragraphs = {p.path for p in old.paragraphs()} | {p.path for p in new.paragraphs()}

    def others(source: Source) -> dict[str, bytes]:
        paths = [e.path for e in source.entries(root) if e.kind == "file" and e.path not in paragraphs]
        return source.read(paths)

    before, after = others(old_source), others(new_source)
    return sum(1 for path in before.keys() | after.keys() if before.get(path) != after.get(path))
