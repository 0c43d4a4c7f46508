"""Where the files of ``outcome/`` come from: the working tree, or a commit (see
:class:`zerodraft.git.CommitTree`).  Readers see only :class:`Entry` lists and bytes, so the
same checks and renderers work on both and nothing is ever checked out.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

Kind = Literal["file", "dir", "symlink", "other"]

#: No file under outcome/ may be larger; a paragraph is a few kilobytes at most.
MAX_FILE_BYTES = 1_048_576


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing found under the document folder."""

    path: str
    """Relative to the repository root, with forward slashes."""
    kind: Kind
    """A regular file, a folder, a symbolic link, or something else (a submodule, a FIFO)."""
    size: int = 0
    """Size in bytes, for files."""


class Source(Protocol):
    """A set of files to read a document from."""

    label: str
    """Says where the files come from: "the working tree", "draft-2" …"""
    forkable: bool
    """True if a forked process may call :meth:`read` (plain files: yes; a git process: no)."""

    def entries(self, root: str) -> list[Entry]:
        """Everything under ``root`` (a folder relative to the repository root), without
        following links; an empty list if ``root`` does not exist."""
        ...

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The contents of these files."""
        ...


class WorkingTree:
    """The files on disk, under a repository (or any) folder."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.label = "the working tree"
        self.forkable = True

    def entries(self, root: str) -> list[Entry]:
        top = os.path.join(self.base, root)
        if not os.path.isdir(top) or os.path.islink(top):
            return []
        found: list[Entry] = []
        stack = [(top, root)]
        while stack:
            folder, rel_folder = stack.pop()
            with os.scandir(folder) as it:
                for item in it:
                    rel = f"{rel_folder}/{item.name}"
                    info = item.stat(follow_symlinks=False)
                    if stat.S_ISLNK(info.st_mode):
                        found.append(Entry(rel, "symlink"))
                    elif stat.S_ISDIR(info.st_mode):
                        found.append(Entry(rel, "dir"))
                        stack.append((item.path, rel))
                    elif stat.S_ISREG(info.st_mode):
                        found.append(Entry(rel, "file", info.st_size))
                    else:
                        found.append(Entry(rel, "other"))
        return found

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        out = {}
        base = str(self.base)
        for path in paths:
            # O_NOFOLLOW: a file swapped for a link after listing is refused, not followed.
            fd = os.open(os.path.join(base, path), os.O_RDONLY | os.O_NOFOLLOW)
            try:
                chunks: list[bytes] = []
                size = 0
                # Small reads: asking for the whole limit at once makes every call map a megabyte.
                while size <= MAX_FILE_BYTES:
                    wanted = min(65_536, MAX_FILE_BYTES + 1 - size)
                    chunk = os.read(fd, wanted)
                    chunks.append(chunk)
                    size += len(chunk)
                    if len(chunk) < wanted:
                        break  # a short read of a regular file is its end
                out[path] = b"".join(chunks)
            finally:
                os.close(fd)
        return out


class MemoryTree:
    """Files held in memory (path -> bytes): a document being planned before anything is
    written, such as the renumbered draft a release is about to commit."""

    def __init__(self, files: dict[str, bytes], label: str = "the planned draft") -> None:
        self.files = files
        self.label = label
        self.forkable = True  # a forked process has its own copy of the files

    def entries(self, root: str) -> list[Entry]:
        prefix = root.rstrip("/") + "/"
        found: dict[str, Entry] = {}
        for path, data in self.files.items():
            if not path.startswith(prefix):
                continue
            found[path] = Entry(path, "file", len(data))
            folder = path.rsplit("/", 1)[0]
            while folder != root and folder not in found:
                found[folder] = Entry(folder, "dir")
                folder = folder.rsplit("/", 1)[0]
        return list(found.values())

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        return {path: self.files[path] for path in paths}
