"""The released drafts: which tags name them (:data:`DRAFT_TAGS`, :func:`draft_tags`, the
one place that lists them), and the list of them with their dates and paragraph counts
(``zerodraft drafts``)."""

from __future__ import annotations

from dataclasses import dataclass

from zerodraft import config, numbering, reader
from zerodraft.git import Repository
from zerodraft.model import Problem

DRAFT_TAGS = "draft-*"
"""The tags a release makes (``draft-3``), as a ``git for-each-ref`` pattern under ``refs/tags/``."""


def draft_tags(repository: Repository, contained_in: str | None = None) -> list[tuple[str, str]]:
    """``(tag, commit id)`` of every released draft, oldest first (a draft before the drafts
    made after it on top of it, whatever the clocks said); with ``contained_in`` (a ref),
    only the drafts that ref contains."""
    commit = repository.resolve(contained_in) if contained_in is not None else None
    return repository.tagged(DRAFT_TAGS, commit)


@dataclass(frozen=True, slots=True)
class Draft:
    """A released draft."""

    tag: str
    """Its tag (``draft-3``)."""
    name: str
    """Its name ("Draft 3"), from its ``document.yaml`` (the tag, when there is none)."""
    date: str
    """The draft's date from its document.yaml (or the day of its commit)."""
    paragraphs: int
    """How many paragraphs it holds (alternatives not counted)."""
    commit: str
    """The commit its tag names."""


def released_drafts(repository: Repository, root: str = "outcome") -> list[Draft]:
    """Every released draft (tags :data:`DRAFT_TAGS`), oldest first."""
    found = []
    for tag, commit in draft_tags(repository):
        count = 0
        for entry in repository.tree(commit).entries(root):
            number = numbering.from_filename(entry.path.rsplit("/", 1)[-1]) if entry.kind == "file" else None
            if number is not None and not number.is_alternative:
                count += 1
        data = repository.file_at(commit, f"{root}/{reader.DOCUMENT}")
        problems: list[Problem] = []
        cfg = config.document_config("document.yaml", data.decode("utf-8", "replace") if data else None, problems)
        day = cfg.draft_date.isoformat() if cfg.draft_date else repository.commit_date(commit)
        found.append(Draft(tag, cfg.draft_name if data else tag, day, count, commit))
    return found
