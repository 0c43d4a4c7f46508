"""The released drafts: which tags name them, and the list of them with their dates and
paragraph counts (``zerodraft drafts``)."""

from __future__ import annotations

from dataclasses import dataclass

from zerodraft import config, numbering, reader
from zerodraft.git import Git
from zerodraft.model import Problem

DRAFT_TAGS = "draft-*"
"""The tags a release makes (``draft-3``), as a ``git for-each-ref`` pattern under ``refs/tags/``."""

_FIELD = "\x1f"


@dataclass(frozen=True, slots=True)
class Draft:
    """A released draft."""

    tag: str
    name: str
    date: str
    """The draft's date from its document.yaml (or the tag's date)."""
    paragraphs: int
    """How many paragraphs it holds (alternatives not counted)."""
    commit: str


def released_drafts(git: Git, root: str = "outcome") -> list[Draft]:
    """Every released draft (tags :data:`DRAFT_TAGS`), oldest first."""
    out = git.run(
        "for-each-ref",
        "--sort=creatordate",
        f"--format=%(refname:short){_FIELD}%(creatordate:short){_FIELD}%(objectname)",
        f"refs/tags/{DRAFT_TAGS}",
    )
    found = []
    for line in out.splitlines():
        tag, tag_date, _ = line.split(_FIELD)
        commit = git.run("rev-parse", f"{tag}^{{commit}}").strip()
        names = git.run("ls-tree", "-r", "--name-only", "-z", commit, "--", root).split("\0")
        count = 0
        for name in names:
            number = numbering.from_filename(name.rsplit("/", 1)[-1])
            if number is not None and not number.is_alternative:
                count += 1
        data = git.show(commit, f"{root}/{reader.DOCUMENT}")
        problems: list[Problem] = []
        cfg = config.document_config("document.yaml", data.decode("utf-8", "replace") if data else None, problems)
        day = cfg.draft_date.isoformat() if cfg.draft_date else tag_date
        found.append(Draft(tag, cfg.draft_name if data else tag, day, count, commit))
    return found
