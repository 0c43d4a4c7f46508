"""The document's configuration at one commit, read from git objects: what ``pr-check`` and
``compile`` need from the base branch without reading its thousands of paragraphs."""

from __future__ import annotations

from zerodraft import config
from zerodraft.git import Repository
from zerodraft.model import DocumentConfig, Problem, Roster


def configuration(repository: Repository, sha: str, root: str = "outcome") -> tuple[DocumentConfig, Roster]:
    """``document.yaml`` and ``delegations.yaml`` at ``sha``; problems in them are the
    business of ``zerodraft check`` and are not reported here."""
    ignored: list[Problem] = []
    document = text(repository.file_at(sha, f"{root}/document.yaml"))
    roster = text(repository.file_at(sha, f"{root}/delegations.yaml"))
    return (
        config.document_config(f"{root}/document.yaml", document, ignored),
        config.roster(f"{root}/delegations.yaml", roster, ignored),
    )


def text(data: bytes | None) -> str | None:
    """UTF-8 text, or ``None`` for no file or bytes that are not UTF-8."""
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
