"""The one module that talks to git.

Old drafts are read as blobs at a commit or tag (:class:`CommitTree`), never by checking
out, so nothing from a pull request is ever placed on disk or executed.  Refs supplied by
users are resolved with ``--end-of-options`` semantics: a ref that looks like an option is
refused before git sees it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from zerodraft.characters import one_line
from zerodraft.errors import Fatal
from zerodraft.source import MAX_FILE_BYTES, Entry, Kind, WorkingTree

_SAFE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/@{}^~:-]{0,250}$")
_NEW_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,100}$")
_MODES: dict[str, Kind] = {
    "100644": "file",
    "100755": "file",
    "120000": "symlink",
    "040000": "dir",
    "160000": "other",
}


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
        """The full commit id ``ref`` names — a commit, tag or branch, or a released draft by
        its name ("Draft 3" is the tag ``draft-3``) — or :class:`Fatal` saying it names nothing."""
        from git.exc import BadName, GitCommandError

        written = ref
        if " " in ref.strip():
            tag = self._draft_tag(ref)
            if tag is None:
                raise Fatal(f"no draft called '{written}' has been released in this repository{self._drafts()}")
            ref = tag
        if not _SAFE_REF.match(ref) or ".." in ref:
            raise Fatal(f"'{written}' is not a valid ref name (a tag, branch, commit id or draft name){self._drafts()}")
        try:
            return str(self.repo.commit(ref).hexsha)
        except (BadName, ValueError, GitCommandError, NotImplementedError):
            raise Fatal(
                f"there is no commit, tag or branch called '{written}' in this repository{self._drafts()}"
            ) from None

    def _draft_tag(self, name: str) -> str | None:
        """The tag of the draft called ``name`` ("Draft 3" → ``draft-3``), if it was released."""
        from zerodraft.rounds.plan import tag_for

        try:
            tag = tag_for(name.strip())
        except Fatal:
            return None
        return tag if tag in {str(t.name) for t in self.repo.tags} else None

    def _drafts(self) -> str:
        """`` (released drafts: draft-2, draft-3)`` to help a user who typed a wrong name."""
        tags = sorted(str(t.name) for t in self.repo.tags if str(t.name).startswith("draft-"))
        return f" (released drafts: {', '.join(tags[:12])})" if tags else ""

    def tree(self, ref: str | None) -> WorkingTree | CommitTree:
        """The files at ``ref``, or in the working tree when ``ref`` is ``None``."""
        if ref is None:
            return WorkingTree(self.root)
        return CommitTree(self, self.resolve(ref), ref)

    def merge_base(self, base: str, head: str) -> str:
        """The commit ``head`` branched from ``base`` (what GitHub compares a pull request
        against), or :class:`Fatal` when the two share no history."""
        found = self.repo.merge_base(base, head)
        if not found:
            raise Fatal(f"'{base[:10]}' and '{head[:10]}' share no history; a pull request must branch from its base")
        return str(found[0].hexsha)

    def changes(self, old: str, new: str) -> list[FileChange]:
        """The files that differ between two commits (``git diff --name-status -z -M``
        semantics, with modes and sizes): one ``git diff-tree`` over the two trees, so the
        cost follows the size of the change, not of the repository or of the history."""
        from git.exc import GitCommandError

        try:
            raw = self.repo.git.diff_tree("-r", "-z", "-M", "--raw", "--no-commit-id", old, new, "--")
        except GitCommandError as error:
            raise Fatal(f"git could not compare {old[:10]} and {new[:10]}: {error.stderr.strip()}") from None
        fields = raw.split("\0")
        out: list[FileChange] = []
        index = 0
        while index < len(fields) - 1:
            meta = fields[index]
            if not meta.startswith(":"):
                index += 1
                continue
            old_mode, new_mode, old_sha, new_sha, status = meta[1:].split(" ")
            letter = status[0]
            if letter in "RC":
                old_path, path = fields[index + 1], fields[index + 2]
                index += 3
            else:
                old_path = path = fields[index + 1]
                index += 2
            size = self.size(new_sha) if letter != "D" and new_mode != "160000" else 0
            out.append(
                FileChange(
                    status=_STATUS.get(letter, "modified"),
                    path=path,
                    old_path=old_path,
                    old_kind=_kind_of(old_mode),
                    new_kind=_kind_of(new_mode),
                    old_blob=old_sha,
                    new_blob=new_sha,
                    size=size,
                )
            )
        return out

    def merge(self, base: str, head: str) -> Merge:
        """What merging ``head`` into ``base`` would make, as GitHub's test merge does, without
        touching the work tree or the index (``git merge-tree --write-tree``): the tree
        written, and every file the two sides changed in ways git cannot combine."""
        result = self._git("merge-tree", "--write-tree", "-z", "--messages", base, head, ok=(0, 1))
        tree, _, rest = result.stdout.partition(b"\0")
        stages: dict[str, set[int]] = {}
        fields = rest.split(b"\0")
        index = 0
        while index < len(fields) and fields[index]:  # "mode sha stage\tpath" until an empty field
            meta, _, path = fields[index].partition(b"\t")
            stages.setdefault(path.decode("utf-8", "replace"), set()).add(int(meta.split()[2]))
            index += 1
        messages: list[tuple[tuple[str, ...], str]] = []
        index += 1
        while index < len(fields) and fields[index].isdigit():  # "N\0path…\0type\0message"
            count = int(fields[index])
            paths = tuple(f.decode("utf-8", "replace") for f in fields[index + 1 : index + 1 + count])
            kind = fields[index + 1 + count].decode("utf-8", "replace") if index + 1 + count < len(fields) else ""
            messages.append((paths, kind))
            index += count + 3
        conflicts = [Conflict(path, frozenset(found)) for path, found in stages.items()]
        seen = set(stages)
        for paths, kind in messages:
            if kind.startswith("CONFLICT") and not seen.intersection(paths):
                conflicts.append(Conflict(paths[0] if paths else "", frozenset(), kind))
                seen.update(paths)
        if result.returncode == 1 and not conflicts:
            conflicts.append(Conflict("", frozenset(), "CONFLICT"))
        return Merge(tree.decode("ascii").strip(), tuple(conflicts))

    def added_paths(self, old: str, new: str) -> list[str]:
        """Every path, folders included, that is in ``new``'s tree and not the same in
        ``old``'s, exactly as git stores it (nothing normalised, so a hostile ``..`` entry made
        with ``git mktree`` shows): what a pull request brings."""
        raw = self._git(
            "diff-tree", "-r", "-t", "-z", "--no-renames", "--name-only", "--diff-filter=d", old, new
        ).stdout
        return [p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p]

    def paths(self, sha: str) -> list[str]:
        """Every path in the tree of ``sha`` (a commit or a tree), folders included, exactly as
        git stores them (nothing is normalised, so a hostile ``..`` entry shows)."""
        raw = self._git("ls-tree", "-r", "-t", "-z", "--name-only", "--full-tree", sha).stdout
        return [p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p]

    def blobs(self, shas: list[str], limit: int = MAX_FILE_BYTES) -> list[bytes]:
        """The contents of many blobs through one ``git cat-file --batch`` (each at most
        ``limit + 1`` bytes), in the order asked: one process, not one round trip each."""
        if not shas:
            return []
        raw = self._git("cat-file", "--batch", stdin="\n".join(shas).encode() + b"\n").stdout
        out = []
        at = 0
        for sha in shas:
            end = raw.index(b"\n", at)
            header = raw[at:end].split()
            if len(header) != 3 or header[0].decode() != sha:
                raise Fatal(f"git could not read the object {sha[:10]}")
            size = int(header[2])
            out.append(raw[end + 1 : end + 1 + min(size, limit + 1)])
            at = end + 1 + size + 1
        return out

    def _git(self, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)) -> _Completed:
        """Run a read-only git command on the objects (argument list, no shell), bytes out."""
        import subprocess

        result = subprocess.run(["git", *args], cwd=self.root, input=stdin, capture_output=True, check=False)
        if result.returncode not in ok:
            said = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise Fatal(f"git {args[0]} failed: {said[-1] if said else f'exit {result.returncode}'}")
        return _Completed(result.returncode, result.stdout)

    def size(self, blob: str) -> int:
        """The size in bytes of a blob, without reading it."""
        return int(self.repo.odb.info(bytes.fromhex(blob)).size)

    def blob(self, blob: str, limit: int = MAX_FILE_BYTES) -> bytes:
        """The contents of a blob, at most ``limit + 1`` bytes (so that oversize shows)."""
        stream = self.repo.odb.stream(bytes.fromhex(blob))
        return bytes(stream.read(limit + 1))

    def file_at(self, sha: str, path: str) -> bytes | None:
        """The contents of the regular file ``path`` at commit ``sha`` (at most
        :data:`MAX_FILE_BYTES` + 1 bytes), or ``None`` if there is no such file."""
        try:
            item = self.repo.commit(sha).tree[path]
        except KeyError:
            return None
        if item.type != "blob" or _kind_of(f"{item.mode:o}".rjust(6, "0")) != "file":
            return None
        return self.blob(str(item.hexsha))

    def commit_date(self, sha: str) -> str:
        """The day ``sha`` was committed, ISO 8601 (``2021-07-02``)."""
        return str(self.repo.commit(sha).committed_datetime.date().isoformat())

    def message(self, sha: str) -> str:
        """The full commit message of ``sha``."""
        return str(self.repo.commit(sha).message)

    def messages(self, old: str, new: str) -> list[str]:
        """The full messages of the commits ``new`` has and ``old`` has not, oldest first."""
        raw = self.repo.git.log("--reverse", "--format=%B%x00", f"{old}..{new}", "--")
        return [message.strip() for message in raw.split("\0") if message.strip()]

    def unmerged(self, tips: Iterable[str], base: str) -> dict[str, tuple[str, ...]]:
        """Commit id → its parents' ids, for every commit reachable from ``tips`` and not from
        ``base`` (one ``git rev-list --parents``): the commits of pending branches."""
        wanted = [sha for sha in dict.fromkeys(tips) if re.fullmatch(r"[0-9a-f]{40}", sha)]
        if not wanted:
            return {}
        raw = self.repo.git.rev_list("--parents", *wanted, "--not", base, "--")
        return {line.split()[0]: tuple(line.split()[1:]) for line in str(raw).splitlines() if line.strip()}

    def refs(self, patterns: Iterable[str]) -> list[tuple[str, str]]:
        """``(ref name, commit id)`` for every ref matching the ``git for-each-ref``
        patterns (``refs/heads/*``, ``refs/pull/*/head``), sorted by name."""
        patterns = list(patterns)
        for pattern in patterns:
            if not _SAFE_PATTERN.match(pattern):
                raise Fatal(f"'{pattern}' is not a valid ref pattern (like refs/heads/* or refs/pull/*/head)")
        raw = self.repo.git.for_each_ref("--format=%(refname)%00%(objectname)%00%(objecttype)", "--", *patterns)
        out = []
        for line in raw.splitlines():
            name, sha, kind = line.split("\0")
            if kind == "commit":
                out.append((name, sha))
        return sorted(out)

    def tagged(self, pattern: str, contained_in: str | None = None) -> list[tuple[str, str]]:
        """``(tag, commit id)`` for every tag matching ``pattern`` (``draft-*``) that names a
        commit, oldest first: a commit before its descendants (whatever the clocks said),
        then by committer date, then by tag name with numbers compared as numbers.  With
        ``contained_in`` (a commit id), only the tags whose commit it contains.

        Containment is read from the commit graph (``git rev-list``), not from ``git tag
        --merged``, which prunes by commit date and misses tags when clocks were wrong."""
        if not _SAFE_PATTERN.match(f"refs/tags/{pattern}"):
            raise Fatal(f"'{pattern}' is not a valid tag pattern (like draft-*)")
        raw = self.repo.git.for_each_ref(
            "--format=%(refname:short)%00%(*objectname)%00%(objectname)%00%(*committerdate:unix)%00%(committerdate:unix)",
            "--",
            f"refs/tags/{pattern}",
        )
        found = []
        for line in raw.splitlines():
            name, peeled, direct, peeled_date, direct_date = line.split("\0")
            sha, when = (peeled, peeled_date) if peeled else (direct, direct_date)
            if self.repo.git.cat_file("-t", sha).strip() != "commit":
                continue
            found.append((int(when or 0), name, sha))
        if found and contained_in is not None:
            reachable = set(self.repo.git.rev_list(contained_in, "--").split())
            found = [entry for entry in found if entry[2] in reachable]
        if not found:
            return []
        order = self.repo.git.rev_list("--topo-order", "--reverse", *dict.fromkeys(sha for _w, _n, sha in found))
        position = {sha: index for index, sha in enumerate(order.split())}

        def key(entry: tuple[int, str, str]) -> tuple[int, int, list[tuple[int, str]]]:
            when, name, sha = entry
            natural = [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", name)]
            return (position.get(sha, 0), when, natural)

        return [(name, sha) for _when, name, sha in sorted(found, key=key)]

    def main_line(self, ref: str, root: str) -> list[Commit]:
        """The commits on the first-parent line of ``ref`` that changed something under
        ``root``, newest first, each with its files as changed against its first parent (a
        merged pull request is one commit here, with everything it brought in)."""
        return self._log_with_files(["--first-parent", "--diff-merges=first-parent", self.resolve(ref)], root)

    def branch_commits(self, base: str, head: str, root: str) -> list[Commit]:
        """The commits ``head`` has and ``base`` has not that changed something under
        ``root``, newest first, each with its own files (a merged pull request's commits)."""
        return self._log_with_files([f"{base}..{head}"], root)

    def _log_with_files(self, selection: list[str], root: str) -> list[Commit]:
        """``git log --name-status -M`` of the commits ``selection`` names, under ``root``."""
        raw = self.repo.git.execute(
            ["git", "-c", "core.quotePath=false", "log", "--name-status", "-M", COMMIT_FORMAT, *selection, "--", root],
            stdout_as_string=True,
        )
        return [
            replace(commit, files=tuple(tuple(line.split("\t")) for line in body.splitlines() if "\t" in line))
            for commit, body in commit_records(str(raw))
        ]

    def commits(self, shas: Iterable[str]) -> dict[str, Commit]:
        """Author, date and subject of each of ``shas`` (full commit ids), without files."""
        wanted = [sha for sha in dict.fromkeys(shas) if re.fullmatch(r"[0-9a-f]{40}", sha)]
        if not wanted:
            return {}
        raw = self.repo.git.log("--no-walk=unsorted", COMMIT_FORMAT, *wanted, "--")
        return {commit.sha: commit for commit, _rest in commit_records(str(raw))}


#: ``git log --format`` for :func:`commit_records`: NUL before each commit, one field a line.
#: Neither a subject (%s) nor a name can hold a line end or a NUL, so no message or name can
#: shift the fields or hide a commit (separators such as \x1f in a subject would).
COMMIT_FORMAT = "--format=%x00%H%n%P%n%aI%n%an%n%s"


def commit_records(raw: str) -> list[tuple[Commit, str]]:
    """Each commit of ``git log`` output made with :data:`COMMIT_FORMAT` (its author and
    subject cleaned: they are untrusted), with what git printed after it (file lists)."""
    out = []
    for record in raw.split("\0"):
        if not record.strip():
            continue
        fields = record.split("\n", 5)
        if len(fields) < 5:
            continue
        sha, parents, date, author, subject = fields[:5]
        rest = fields[5] if len(fields) > 5 else ""
        out.append((Commit(sha, tuple(parents.split()), one_line(author), date, one_line(subject), ()), rest))
    return out


@dataclass(frozen=True, slots=True)
class _Completed:
    returncode: int
    stdout: bytes


@dataclass(frozen=True, slots=True)
class Conflict:
    """A file that a test merge cannot combine."""

    path: str
    """The file (empty when git named none)."""
    sides: frozenset[int]
    """Where it has a version: 1 the fork point, 2 the base, 3 the pull request (git's stages);
    ``{2, 3}`` means both sides added a file of that name."""
    kind: str = ""
    """git's word for the conflict when no file version is left (``CONFLICT (rename/delete)``)."""

    @property
    def both_added(self) -> bool:
        """True when the base and the pull request each added this file."""
        return self.sides == frozenset({2, 3})


@dataclass(frozen=True, slots=True)
class Merge:
    """What merging a pull request's head into its base would make."""

    tree: str
    """The tree id the merge writes (with conflict markers where it could not combine)."""
    conflicts: tuple[Conflict, ...] = ()
    """The files it could not combine; empty for a clean merge."""


ChangeStatus = Literal["added", "modified", "deleted", "renamed", "copied", "type-changed"]
_STATUS: dict[str, ChangeStatus] = {
    "A": "added",
    "M": "modified",
    "D": "deleted",
    "R": "renamed",
    "C": "copied",
    "T": "type-changed",
}
_SAFE_PATTERN = re.compile(r"^refs/[A-Za-z0-9._/*-]{1,200}$")


def _kind_of(mode: str) -> Kind | None:
    """The kind of entry a git mode stands for; ``None`` for "absent" (000000)."""
    if mode == "000000":
        return None
    return _MODES.get(mode, "other")


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file that differs between two commits."""

    status: ChangeStatus
    """What happened to it (``renamed`` and ``copied`` name the old path too)."""
    path: str
    """The path after the change (for a deletion, the path that was deleted)."""
    old_path: str
    """The path before the change (the same as ``path`` unless renamed or copied)."""
    old_kind: Kind | None
    """What it was (a file, a symbolic link …), ``None`` when added."""
    new_kind: Kind | None
    """What it is now, ``None`` when deleted."""
    old_blob: str
    """The old object id (all zeros when added)."""
    new_blob: str
    """The new object id (all zeros when deleted)."""
    size: int = 0
    """Size in bytes of the new version (0 when deleted or a submodule)."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit, as a history shows it."""

    sha: str
    """The full commit id."""
    parents: tuple[str, ...]
    """Its parents' ids (two or more for a merge)."""
    author: str
    """The author's name, cleaned (:func:`zerodraft.characters.one_line`): it is untrusted."""
    date: str
    """The author date, ISO 8601."""
    subject: str
    """The first line of the message, cleaned like the author's name."""
    files: tuple[tuple[str, ...], ...]
    """What it changed: ``("M", path)``, ``("A", path)``, ``("D", path)`` or
    ``("R100", old path, new path)`` (``git log --name-status`` lines)."""


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
        wanted = list(paths)
        return dict(zip(wanted, self.repository.blobs([self._blobs[p] for p in wanted]), strict=True))

    def blob_id(self, path: str) -> str:
        """The blob id of a file :meth:`entries` listed (what a cache keys its content by)."""
        return self._blobs[path]


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


class Git:
    """Running git commands in a repository's work tree, for the commands that change it
    (``release``, ``propose``) and read its history (``history``, ``drafts``).

    Arguments are passed as a list, never through a shell; every ref a user typed is checked
    by :meth:`Repository.resolve` or :func:`check_ref_name` first.
    """

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.root = repository.root

    def run(self, *args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
        """Run ``git args…`` in the work tree; :class:`Fatal` with git's own words on failure."""
        import subprocess

        result = subprocess.run(
            ["git", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
        )
        if check and result.returncode != 0:
            said = (result.stderr or result.stdout).strip().splitlines()
            raise Fatal(f"git {args[0]} failed: {said[-1] if said else f'exit {result.returncode}'}")
        return result.stdout

    def ok(self, *args: str) -> bool:
        """True when ``git args…`` succeeds."""
        import subprocess

        return (
            subprocess.run(["git", *args], cwd=self.root, capture_output=True, stdin=subprocess.DEVNULL).returncode == 0
        )

    def head(self) -> str:
        """The commit HEAD points at."""
        return self.run("rev-parse", "--verify", "HEAD").strip()

    def branch(self) -> str | None:
        """The branch checked out, or ``None`` on a detached HEAD."""
        result = self.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False).strip()
        return result or None

    def upstream(self) -> str | None:
        """The commit the branch's upstream (``origin/main``) points at, if it has one."""
        if not self.ok("rev-parse", "--verify", "--quiet", "@{upstream}"):
            return None
        return self.run("rev-parse", "@{upstream}").strip()

    def status(self) -> str:
        """``git status --porcelain`` with every untracked file (ignored ones left out)."""
        return self.run("status", "--porcelain=v1", "--untracked-files=all")

    def dirty(self, root: str) -> list[str]:
        """Files with uncommitted changes, and untracked files under ``root`` (untracked
        files elsewhere, like a build folder, do not matter to the document)."""
        return [
            line[3:]
            for line in self.status().splitlines()
            if not line.startswith("??") or line[3:].startswith(f"{root}/")
        ]

    def commit_on_new_branch(self, branch: str, start: str, files: dict[str, bytes], message: str) -> str:
        """Commit ``files`` (path → content) on top of ``start`` as the new branch ``branch``,
        through a temporary index: the working tree, the real index and HEAD are not touched.
        :class:`Fatal` if the branch exists already.  Returns the new commit."""
        import tempfile

        if self.ok("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"):
            raise Fatal(f"the branch {branch} exists already; choose another with --branch NAME")
        with tempfile.TemporaryDirectory(prefix="zerodraft-commit-") as scratch:
            env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
            self.run("read-tree", start, env=env)
            for number, (path, data) in enumerate(sorted(files.items())):
                blob = Path(scratch) / f"blob-{number}"
                blob.write_bytes(data)
                sha = self.run("hash-object", "-w", "--no-filters", "--", str(blob)).strip()
                self.run("update-index", "--add", "--cacheinfo", f"100644,{sha},{path}", env=env)
            tree = self.run("write-tree", env=env).strip()
            commit = self.run("commit-tree", tree, "-p", start, "-m", message).strip()
        self.run("update-ref", f"refs/heads/{branch}", commit, "0" * 40)
        return commit

    def tag_exists(self, name: str) -> bool:
        """True when the tag ``name`` exists."""
        return self.ok("rev-parse", "--verify", "--quiet", f"refs/tags/{name}")

    def show(self, ref: str, path: str) -> bytes | None:
        """The file ``path`` at ``ref``, or ``None`` when it is not there."""
        import subprocess

        result = subprocess.run(
            ["git", "cat-file", "blob", f"{ref}:{path}"], cwd=self.root, capture_output=True, stdin=subprocess.DEVNULL
        )
        return result.stdout if result.returncode == 0 else None

    def stage(self, root: str) -> None:
        """Stage every change under ``root``: new, changed, renamed and removed files."""
        self.run("add", "--all", "--", root)

    def git_dir(self) -> Path:
        """The repository's common git folder (shared by all its work trees)."""
        return (self.root / self.run("rev-parse", "--git-common-dir").strip()).resolve()


def check_ref_name(name: str) -> str:
    """``name`` if it is a safe new tag or branch name, else :class:`Fatal`."""
    if not _NEW_REF.match(name) or ".." in name or "//" in name or name.endswith((".lock", "/", ".")):
        raise Fatal(f"'{name}' cannot be used as a tag or branch name")
    return name


def source_at(base: Path, ref: str | None) -> WorkingTree | CommitTree:
    """The files to read: the working tree under ``base``, or the commit ``ref`` names (read from
    git objects, never checked out).  A ref that looks like an option is refused."""
    if ref is None:
        return WorkingTree(base)
    if ref.startswith("-"):
        raise Fatal(f"'{ref}' is not a valid ref name (a tag, branch or commit id)")
    return Repository(base).tree(ref)
