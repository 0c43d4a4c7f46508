"""The one module that talks to git.

Old drafts are read as blobs at a commit or tag (:class:`CommitTree`), never by checking
out, so nothing from a pull request is ever placed on disk or executed.  Refs supplied by
users are resolved with ``--end-of-options`` semantics: a ref that looks like an option is
refused before git sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.source import MAX_FILE_BYTES, Entry, Kind, WorkingTree

_SAFE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/@{}^~:-]{0,250}$")
_MODES: dict[str, Kind] = {"100644": "file", "100755": "file", "120000": "symlink", "040000": "dir"}


class Repository:
    """A git repository, found from a folder inside it."""

    def __init__(self, start: Path | str = ".") -> None:
        import git as gitpython  # imported here: `zerodraft check` never needs it
        from git.exc import InvalidGitRepositoryError, NoSuchPathError

        try:
            self.repo = gitpython.Repo(Path(start), search_parent_directories=True)
        except (InvalidGitRepositoryError, NoSuchPathError):
            raise Fatal(f"'{Path(start).resolve()}' is not inside a git repository") from None
        if self.repo.working_tree_dir is None:
            raise Fatal("this is a bare git repository; run zerodraft in a clone with files")
        self.root = Path(self.repo.working_tree_dir)

    def resolve(self, ref: str) -> str:
        """The full commit id ``ref`` names, or :class:`Fatal` saying it names nothing."""
        from git.exc import BadName, GitCommandError

        if not _SAFE_REF.match(ref) or ".." in ref:
            raise Fatal(f"'{ref}' is not a valid ref name (a tag, branch or commit id)")
        try:
            return str(self.repo.commit(ref).hexsha)
        except (BadName, ValueError, GitCommandError):
            raise Fatal(f"there is no commit, tag or branch called '{ref}' in this repository") from None

    def tree(self, ref: str | None) -> WorkingTree | CommitTree:
        """The files at ``ref``, or in the working tree when ``ref`` is ``None``."""
        if ref is None:
            return WorkingTree(self.root)
        return CommitTree(self, self.resolve(ref), ref)


class CommitTree:
    """The files of one commit, read from git objects."""

    def __init__(self, repository: Repository, sha: str, name: str) -> None:
        self.repository = repository
        self.sha = sha
        self.label = f"'{name}' ({sha[:10]})"
        self.forkable = False  # GitPython talks to a git process that a child must not share
        self._blobs: dict[str, str] = {}

    def entries(self, root: str) -> list[Entry]:
        from git.exc import GitCommandError

        try:
            raw = self.repository.repo.git.ls_tree("-r", "-t", "-l", "-z", self.sha, "--", root)
        except GitCommandError as error:
            raise Fatal(f"git could not list {root}/ at {self.label}: {error.stderr.strip()}") from None
        found = []
        for record in raw.split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            mode, _kind, sha, size = meta.split()
            if path == root:
                continue
            kind = _MODES.get(mode, "other")
            self._blobs[path] = sha
            found.append(Entry(path, kind, int(size) if size.isdigit() else 0))
        return found

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        odb = self.repository.repo.odb
        out = {}
        for path in paths:
            stream = odb.stream(bytes.fromhex(self._blobs[path]))
            out[path] = stream.read()[: MAX_FILE_BYTES + 1]
        return out


def find_root(start: Path) -> Path:
    """The work tree root above ``start`` (the nearest folder holding ``.git``), or
    ``start`` itself outside a repository, so that ``zerodraft check`` also works on a
    folder that is not a clone.  Looks at the file system only: no git process, no
    GitPython import, so the pre-commit hook starts fast."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start
