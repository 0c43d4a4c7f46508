"""What a proposal writes (:class:`Change`, :class:`FileWrite`), the kinds of proposal, and
a fresh paragraph id: shared by the proposals on paragraphs (:mod:`~zerodraft.rounds.proposal`)
and on articles (:mod:`~zerodraft.rounds.article_proposals`)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Literal

from zerodraft.model import Document

__all__ = ["KINDS", "NEEDS_TEXT", "Change", "FileWrite", "Kind", "fresh_id"]

Kind = Literal["insert-after", "amend", "delete", "alternative", "support", "oppose"]
KINDS: tuple[Kind, ...] = ("insert-after", "amend", "delete", "alternative", "support", "oppose")
NEEDS_TEXT: tuple[Kind, ...] = ("insert-after", "amend", "alternative")


@dataclass(frozen=True, slots=True)
class Change:
    """One file written by a proposal."""

    path: str
    """The file, relative to the repository root."""
    content: str
    """Its whole new content."""
    created: bool
    """True for a new file."""
    summary: str
    """One line for the commit message and the user ("Kenya proposes 18 bis after 18")."""
    number: str
    """The paragraph's number ("18 bis")."""
    delegation: str
    """The proposing delegation's name as in the roster."""
    also: tuple[FileWrite, ...] = ()
    """Further files the proposal writes: a new article's ``section.yaml``, the other
    paragraphs of an article proposed for deletion."""

    def writes(self) -> tuple[FileWrite, ...]:
        """Every file the proposal writes, the main one first."""
        return (FileWrite(self.path, self.content, self.created), *self.also)


@dataclass(frozen=True, slots=True)
class FileWrite:
    """One file a proposal writes."""

    path: str
    """The file, relative to the repository root."""
    content: str
    """Its whole new content."""
    created: bool
    """True for a new file."""


def fresh_id(document: Document) -> str:
    """An id no paragraph of ``document`` has: ``p-`` and twelve hex digits."""
    return _fresh_id(document)


def _fresh_id(document: Document) -> str:
    taken = {p.id for p in document.paragraphs()}
    while True:
        candidate = f"p-{secrets.token_hex(6)}"
        if candidate not in taken:
            return candidate
