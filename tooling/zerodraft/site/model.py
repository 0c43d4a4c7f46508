"""What the site is made of: the texts read from git (the editor's copy and each released
draft), their compiled layouts, the paragraphs' histories, and where each page and file goes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from zerodraft.model import Document, Problem
from zerodraft.render.layout import CompiledDraft, Item
from zerodraft.rounds.editors_copy import Standing
from zerodraft.rounds.history import Event


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One text of the negotiation: a released draft at its tag, or the editor's copy."""

    slug: str
    """Its page's file stem: the tag (``draft-2``) or ``editors-copy``."""
    tag: str
    """The draft's tag; empty for the editor's copy."""
    name: str
    """"Draft 2" (the name in its ``document.yaml``)."""
    date: str
    """The draft's date (ISO), or the commit date for the editor's copy; may be empty."""
    commit: str
    """The commit it was read from."""
    document: Document
    """The text."""
    draft: CompiledDraft
    """The text laid out, as the HTML renderer lays it out."""
    problems: tuple[Problem, ...]
    """What ``zerodraft check`` finds in it."""
    standing: Standing
    """For the editor's copy: the last draft released before it and the changes since."""


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the pages are rendered from."""

    current: Snapshot
    """The editor's copy."""
    drafts: tuple[Snapshot, ...]
    """The released drafts, oldest first."""
    items: Mapping[str, Mapping[str, Item]]
    """Snapshot slug → paragraph id → the paragraph as laid out in that text."""
    histories: Mapping[str, tuple[Event, ...]]
    """Paragraph id → its changes, newest first."""
    paragraph_pages: Mapping[str, str]
    """Paragraph id → its page, relative to the site root (``paragraphs/p-1.html``)."""
    redlines: Mapping[str, str]
    """Draft slug → the page of its redline against the draft before."""
    since_last: str
    """The page of the editor's copy against the last draft (empty when none)."""
    downloads: Mapping[str, tuple[tuple[str, str], ...]]
    """Snapshot slug → ``(kind, path)`` of each file to download ("Word", ``downloads/draft-2.docx``)."""
    notes: tuple[str, ...]
    """Things a reader should know about this build (a format left out, a draft unreadable)."""
    repo_url: str = ""
    """The repository's web address (``https://github.com/owner/repo``) to link commits, or empty."""
    releases: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)
    """Draft slug → the folders that may hold its release's artefacts, most likely first (the
    folder the release recorded, ``build/draft-2``, those found under ``site --artefacts``):
    the downloads one proves are that draft's (:func:`zerodraft.rounds.artefacts.reuse`) are
    copied from there instead of built again."""
