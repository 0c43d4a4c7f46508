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

Where to look (:func:`folders`): the folder the release itself recorded in the repository's
git folder (:func:`remember`, so ``release -o elsewhere`` is found on the machine that made
it), the default folder, and any folders given (``site --artefacts DIR``), searched
recursively for records (:func:`records_under`) — the files attached to a release and
downloaded on another machine.  Wherever a file is found, it is used only if it proves
itself by :func:`reuse`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
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


def pointer(git_dir: Path, tag: str) -> Path:
    """Where a release records, in the repository's git folder (never committed), the folder
    it published ``tag``'s artefacts into."""
    return git_dir / "zerodraft" / "artefacts" / f"{tag}.folder"


def remember(git_dir: Path, tag: str, folder: Path) -> None:
    """Record that ``tag``'s artefacts were published into ``folder`` (best effort: a release
    whose pointer cannot be written is still whole; the site then builds the files)."""
    try:
        pointer(git_dir, tag).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(pointer(git_dir, tag), f"{folder.resolve()}\n")
    except OSError:
        pass


def recorded_folder(git_dir: Path, tag: str) -> Path | None:
    """The folder a release on this machine recorded for ``tag``, or ``None``."""
    try:
        text = pointer(git_dir, tag).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    return Path(text) if text and "\n" not in text and Path(text).is_absolute() else None


def records_under(roots: Iterable[Path]) -> dict[str, tuple[Path, ...]]:
    """Tag → every folder under ``roots`` (searched recursively, symbolic links not followed,
    ``.git`` folders skipped) that holds that tag's record, in the order found."""
    found: dict[str, list[Path]] = {}
    suffix = record_name("")
    for root in roots:
        for here, subfolders, names in os.walk(root):
            subfolders[:] = sorted(s for s in subfolders if s != ".git")
            for name in sorted(names):
                if name.endswith(suffix) and len(name) > len(suffix):
                    found.setdefault(name[: -len(suffix)], []).append(Path(here))
    return {tag: tuple(paths) for tag, paths in found.items()}


def folders(root: Path, git_dir: Path | None, tag: str, found: Mapping[str, Sequence[Path]]) -> tuple[Path, ...]:
    """The folders that may hold ``tag``'s artefacts, most likely first: the one its release
    recorded, the default one, then those ``found`` by :func:`records_under` (no repeats)."""
    recorded = recorded_folder(git_dir, tag) if git_dir else None
    candidates = [*([recorded] if recorded else []), default_folder(root, tag), *found.get(tag, ())]
    unique: dict[Path, None] = {}
    for folder in candidates:
        unique.setdefault(folder.resolve(), None)
    return tuple(unique)


def reuse_from(places: Sequence[Path], tag: str, commit: str, name: str) -> bytes | None:
    """The first proven copy of ``name`` in any of ``places`` (see :func:`reuse`)."""
    for folder in places:
        data = reuse(folder, tag, commit, name)
        if data is not None:
            return data
    return None


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
