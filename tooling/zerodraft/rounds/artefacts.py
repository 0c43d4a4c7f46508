"""Where a released draft's artefacts live, and how another command proves a file belongs
to that draft before reusing it.

A release publishes its artefacts into one folder (default ``build/<tag>`` in the
repository, :func:`default_folder`) and, last, writes there ``<tag>-artefacts.json``
(:func:`write_record`): the tag, the commit the tag names, and the SHA-256 of every file.
Released drafts are immutable, so ``zerodraft site`` takes a draft's PDF, Word and Akoma
Ntoso files from there instead of building them again — but only through :func:`reuse`,
which gives a file's bytes when the record names the same tag and the same commit as the
tag does now, and the bytes still have the recorded digest.  Anything else (no folder, no
record, a tag made again on another commit, a file changed, missing or unreadable) gives
``None``, and the caller builds the file itself.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from zerodraft.output import write_atomically

VERSION = 1
"""The record's format version."""


def default_folder(root: Path, tag: str) -> Path:
    """Where a release puts its artefacts unless told otherwise: ``<root>/build/<tag>``."""
    return root / "build" / tag


def record_name(tag: str) -> str:
    """The record's file name in the artefacts folder: ``draft-3-artefacts.json``."""
    return f"{tag}-artefacts.json"


def write_record(folder: Path, tag: str, commit: str) -> None:
    """Record in ``folder`` that its files are the artefacts of ``tag`` at ``commit``."""
    files = {
        path.name: _digest(path.read_bytes())
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.is_symlink() and path.name != record_name(tag)
    }
    data = {"version": VERSION, "tag": tag, "commit": commit, "files": files}
    write_atomically(folder / record_name(tag), json.dumps(data, indent=2, sort_keys=True) + "\n")


def reuse(folder: Path, tag: str, commit: str, name: str) -> bytes | None:
    """The bytes of the artefact ``name`` of ``tag`` at ``commit`` in ``folder``, or ``None``
    unless the folder's record proves they are exactly what that release published."""
    try:
        data = json.loads((folder / record_name(tag)).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("tag") != tag or data.get("commit") != commit:
            return None
        files = data.get("files")
        expected = files.get(name) if isinstance(files, dict) else None
        path = folder / name
        if not isinstance(expected, str) or path.name != name or path.is_symlink():
            return None
        content = path.read_bytes()
    except (OSError, ValueError):
        return None
    return content if _digest(content) == expected else None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
