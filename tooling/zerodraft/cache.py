"""The check's cache: what reading and checking a paragraph file found, kept by its content.

A paragraph file's *record* (what the reader makes of its bytes: fields, text and the problems
met, :func:`zerodraft.reader._parse`) depends on nothing but its path and its bytes, so it is
kept under ``"<git blob id>:<path>"`` — the blob id is git's own name for those bytes
(:func:`blob_id`). The paragraph checks' findings in one top-level part of the document
depend on nothing but the records of that part's paragraph files, ``document.yaml``, the
roster and the document folder (the contract of :mod:`zerodraft.checks.registry`), so they are
kept under a digest of exactly these (:func:`part_key`). Whole-document checks are never
cached: they always run on the whole document.

A :class:`Memo` lives in the process (``pr-check`` reads the base and the merge result, which
share almost every blob) and, for ``check`` and ``pr-check`` run from the command line, in one
file in the repository's git folder (``.git/zerodraft/check-cache``), never in the work tree
or in anything a pull request brings. The file names the code that wrote it (every source
file of the package and of the YAML and Markdown libraries, by size and time, and the Python
version): any other code ignores it whole. It is written atomically, and only when something
new was found; a file that cannot be read as a cache is ignored, never an error. ``ZERODRAFT_CACHE=0`` turns the file off (a
cold check: nothing of the document cached).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import zerodraft

#: The file's name inside the git folder.
FILE = "zerodraft/check-cache"
#: Records kept beside those the last run used (other branches', earlier drafts'), newest first:
#: the file stays a few megabytes, and loading it a few milliseconds, for a 10,000-paragraph document.
SPARE_RECORDS = 10_000
#: Parts' findings kept beside those the last run used.
SPARE_PARTS = 200
_MAGIC = "zerodraft check-cache 1"

Finding = tuple[str, int, str, str]


class Memo:
    """Records and findings kept by content, in this process and maybe in a file."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file
        """Where the memo is kept between runs (``None``: in this process only)."""
        self.records: dict[str, tuple[Any, ...]] = {}
        """Record key (:func:`record_key`) → the reader's record of that file."""
        self.findings: dict[str, list[Finding]] = {}
        """Part key (:func:`part_key`) → the paragraph checks' findings in that part."""
        self._used: set[str] = set()
        self._changed = False
        if file is not None:
            self._load(file)

    @classmethod
    def in_git_folder(cls, git_dir: Path | None) -> Memo:
        """The memo kept in ``git_dir`` (a repository's git folder), or one in this process
        only when there is no git folder or ``ZERODRAFT_CACHE=0``."""
        if git_dir is None or os.environ.get("ZERODRAFT_CACHE", "1") == "0":
            return cls()
        return cls(git_dir / FILE)

    def record(self, key: str) -> tuple[Any, ...] | None:
        """The record kept under ``key``, if any."""
        found = self.records.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def remember(self, key: str, record: tuple[Any, ...]) -> None:
        """Keep ``record`` under ``key``."""
        self.records[key] = record
        self._used.add(key)
        self._changed = True

    def part(self, key: str) -> list[Finding] | None:
        """The findings kept for the part ``key``, if any."""
        found = self.findings.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def remember_part(self, key: str, findings: Sequence[Finding]) -> None:
        """Keep the findings of the part ``key``."""
        self.findings[key] = list(findings)
        self._used.add(key)
        self._changed = True

    def save(self) -> None:
        """Write the memo to its file if anything new was found (atomically; a failure to
        write is ignored: the cache only saves time)."""
        if self.file is None or not self._changed:
            return
        from zerodraft.output import write_atomically

        records = _bounded(self.records, self._used, SPARE_RECORDS)
        findings = _bounded(self.findings, self._used, SPARE_PARTS)
        try:
            write_atomically(self.file, marshal.dumps((_MAGIC, fingerprint(), records, findings)))
        except OSError:
            return
        self._changed = False

    def _load(self, file: Path) -> None:
        try:
            loaded = marshal.loads(file.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if (
            isinstance(loaded, tuple)
            and len(loaded) == 4
            and loaded[0] == _MAGIC
            and loaded[1] == fingerprint()
            and isinstance(loaded[2], dict)
            and isinstance(loaded[3], dict)
        ):
            self.records = loaded[2]
            self.findings = loaded[3]


def git_folder(work_tree: Path) -> Path | None:
    """The git folder of the clone whose work tree is ``work_tree`` (``.git``, or where a
    ``.git`` file of a linked work tree points), or ``None`` when it is not a clone."""
    dot_git = work_tree / ".git"
    if dot_git.is_dir():
        return dot_git
    try:
        said = dot_git.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not said.startswith("gitdir: "):
        return None
    found = (work_tree / said.removeprefix("gitdir: ")).resolve()
    return found if found.is_dir() else None


def blob_id(data: bytes) -> str:
    """Git's name for a file holding ``data`` (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def record_key(path: str, blob: str) -> str:
    """The key of the record of the file ``path`` holding the blob ``blob``."""
    return f"{blob}:{path}"


def part_key(root: str, settings: Iterable[str | None], record_keys: Iterable[str]) -> str:
    """The key of a part's findings: the document folder, the texts of the files every
    paragraph check may read (``document.yaml``, the roster) and the record keys of every
    paragraph file in the part."""
    digest = hashlib.sha256(repr((root, tuple(settings))).encode("utf-8", "surrogatepass"))
    for key in record_keys:
        digest.update(b"\0" + key.encode("utf-8", "surrogatepass"))
    return "part:" + digest.hexdigest()


_FINGERPRINT: list[str] = []


#: The libraries whose reading a record or a finding depends on (YAML, the Markdown parser).
LIBRARIES = ("yaml", "_yaml", "markdown_it", "mdit_py_plugins")


def fingerprint() -> str:
    """Names the code that makes records and findings: the Python version, every source file
    of the package and the libraries it reads with, by path, size and modification time."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    from importlib.util import find_spec

    top = Path(zerodraft.__file__).parent
    digest = hashlib.sha256(f"{sys.version}\0{zerodraft.__version__}".encode())
    stack = [str(top)]
    found = []
    for name in LIBRARIES:
        spec = find_spec(name)
        if spec is not None and spec.origin and os.path.isfile(spec.origin):
            info = os.stat(spec.origin)
            found.append(f"{spec.origin}\0{info.st_size}\0{info.st_mtime_ns}")
    while stack:
        with os.scandir(stack.pop()) as items:
            for item in items:
                if item.is_dir(follow_symlinks=False):
                    if item.name != "__pycache__":
                        stack.append(item.path)
                elif item.name.endswith((".py", ".yaml", ".json")):
                    info = item.stat()
                    found.append(f"{item.path}\0{info.st_size}\0{info.st_mtime_ns}")
    for line in sorted(found):
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    _FINGERPRINT.append(digest.hexdigest())
    return _FINGERPRINT[0]


def _bounded(kept: dict[str, Any], used: set[str], spare: int) -> dict[str, Any]:
    """What this run used of ``kept``, and at most ``spare`` others, the newest."""
    out = {key: value for key, value in kept.items() if key in used}
    others = [key for key in kept if key not in used][-spare:] if spare else []
    out.update((key, kept[key]) for key in others)
    return out
