"""Which draft a Word file came from, and the reading of it against that draft.

The file's document properties name the document, the draft and, when the builder knew it,
the commit and tag (:mod:`~zerodraft.intake.identity`).  The draft compared with is, in
order: ``--against REF``; the recorded commit, if this repository has it; the recorded tag.
A file that carries no zerodraft properties or bookmarks, or those of another document, is
refused (exit 2) before anything is compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.intake import edits, identity, package, wordfile
from zerodraft.model import Document
from zerodraft.reader import read
from zerodraft.render import docx as word_renderer
from zerodraft.render.layout import lay_out


@dataclass(frozen=True, slots=True)
class Intake:
    """A Word file read against the draft it came from."""

    word: wordfile.WordFile
    """The file as the delegation left it."""
    reading: edits.Reading
    """What the delegation changed."""
    source: str
    """The draft compared with, for the description ("Draft 2 (draft-2, commit 1a2b3c4d5e)")."""
    draft: str
    """A short name for it: its tag (``draft-2``), else its draft name as a slug."""


def take(repository: Repository, path: Path, current: Document, against: str | None, name: str | None = None) -> Intake:
    """Read the Word file at ``path`` and compare it with the draft it came from."""
    word = wordfile.read(package.open_word_file(path, name or path.name))
    shown = word.name
    stamp = word.stamp
    if not any(b.bookmarks for b in word.paragraphs):
        raise Fatal(
            f"{shown} is not a Word file published by zerodraft (it carries no paragraph marks); "
            "ask the secretariat for the draft's Word file, make your edits in it, and send it again"
        )
    expected = current.config.symbol or current.config.title
    if stamp.document and stamp.document != expected:
        raise Fatal(
            f"{shown} is the Word file of another document ({stamp.document[:120]!r}), not of {expected[:120]!r}"
        )
    if stamp.language and stamp.language != current.config.languages.original:
        raise Fatal(
            f"{shown} is the '{stamp.language}' language version of the draft; intake reads edits made to the "
            "original only — make them in the original's Word file (language versions follow it, docs/languages.md)"
        )
    ref = against or _recorded(repository, stamp)
    if ref is None:
        what = stamp.tag or (stamp.commit[:10] if stamp.commit else "") or stamp.draft or "an unknown draft"
        raise Fatal(
            f"{shown} was built from {what}, which this repository does not have; fetch the draft's tags "
            "(git fetch --tags) or name the draft it came from with --against REF"
        )
    sha = repository.resolve(ref)
    baseline = read(repository.tree(sha), current.root).document
    tag = ref if Git(repository).tag_exists(ref) else stamp.tag
    draft = lay_out(baseline, origin=identity.Origin(sha, tag))
    pristine = wordfile.read(package.read_package(word_renderer.render(draft), "the draft as published"))
    reading = edits.compare(draft, pristine, word)
    source = f"{baseline.config.draft_name} ({tag + ', ' if tag else ''}commit {sha[:10]})"
    slug = re.sub(r"[^a-z0-9]+", "-", (tag or baseline.config.draft_name).casefold()).strip("-") or "draft"
    return Intake(word, reading, source, slug)


def _recorded(repository: Repository, stamp: identity.Stamp) -> str | None:
    git = Git(repository)
    if stamp.commit and git.ok("cat-file", "-e", f"{stamp.commit}^{{commit}}"):
        return stamp.commit
    if stamp.tag and git.tag_exists(stamp.tag):
        return stamp.tag
    return None
