"""The steps of a release and the transaction around them.

:data:`STEPS` is the ordered list of named steps that change the repository; :func:`execute`
runs them inside a :class:`Transaction` that remembers HEAD and, on any failure or
interrupt, puts everything back: the tag deleted, ``git reset --hard`` to the remembered
commit, files the release created removed, artefacts removed.  :func:`lock` keeps a second
release in the same repository out.  Tests inject failures and real SIGINTs through the
``hook`` of :func:`execute`, after every step.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zerodraft import reader
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.output import move_folder_into_place, temporary_folder_beside, write_atomically
from zerodraft.rounds import artefacts, notes
from zerodraft.rounds.articles import relocate
from zerodraft.rounds.plan import Plan

LOCK = "zerodraft-release.lock"
"""The lock file, in the repository's git folder."""

Hook = Callable[[str], None]
Step = Callable[["Transaction"], None]


class Transaction:
    """The state a release changes, and how to put it back."""

    def __init__(self, repository: Repository, release: Plan) -> None:
        self.repository = repository
        self.git = Git(repository)
        self.plan = release
        self.built: Path | None = None
        self.published = False

    def rollback(self) -> None:
        """Put the repository back exactly as it was; Ctrl-C waits until this is done."""
        failures: list[str] = []

        def attempt(*args: str) -> None:
            try:
                self.git.run(*args)
            except Fatal as error:  # keep undoing the rest; report at the end
                failures.append(error.message)

        with _no_interrupts():
            if self.git.tag_exists(self.plan.tag):
                attempt("tag", "-d", self.plan.tag)
            attempt("reset", "--quiet", "--hard", self.plan.head)
            # files the release created and git does not know (the tree was clean before)
            attempt("clean", "-d", "--force", "--quiet", "--", self.plan.request.root)
            if self.built is not None:
                shutil.rmtree(self.built, ignore_errors=True)
            if self.published:
                shutil.rmtree(self.plan.output, ignore_errors=True)
        if failures:
            raise Fatal(
                f"the release failed and could not be fully undone ({'; '.join(failures)}); "
                f"restore with: git reset --hard {self.plan.head[:12]} && git tag -d {self.plan.tag}"
            )


def step_renumber(t: Transaction) -> None:
    """Remove deleted paragraphs and rename the rest (two passes, so that 18 → 19 and
    17 bis → 18 never collide), then stage it all so git records renames."""
    root = t.repository.root
    renumbering = t.plan.renumbering
    for path in (*(p.path for p in renumbering.removed), *renumbering.translations_removed):
        (root / path).unlink()
    renames = [(m.old_path, m.new_path) for m in renumbering.renames] + list(renumbering.translation_renames)
    for old, _new in renames:
        os.rename(root / old, root / f"{old}.renumbering")
    for old, new in renames:
        os.rename(root / f"{old}.renumbering", root / new)
    t.git.stage(t.plan.request.root)


def step_articles(t: Transaction) -> None:
    """Remove the folders of the articles that leave (their paragraphs, all deleted, are gone
    already), rename the folders of renumbered articles, Parts, annexes … (two passes, so that
    7 → 8 and 6 bis → 7 never collide; an article inside a renamed Part too), then stage it all."""
    root = t.repository.root
    for _number, folder in t.plan.concordance.left:
        shutil.rmtree(root / folder)
    for _kind, _number, folder in t.plan.concordance.sections_left:  # its articles are gone already
        shutil.rmtree(root / folder)
    folders = t.plan.concordance.folders()
    deepest = sorted(folders, key=lambda path: path.count("/"), reverse=True)
    for old in deepest:  # each beside itself, the folders inside a renamed one first
        os.rename(root / old, root / f"{old}.renumbering")
    for old in reversed(deepest):  # then each under its parent's new name
        parent, _, key = old.rpartition("/")
        place = relocate(parent, folders)
        os.rename(root / place / f"{key}.renumbering", root / place / folders[old].rpartition("/")[2])
    if folders or t.plan.concordance.left or t.plan.concordance.sections_left:
        t.git.stage(t.plan.request.root)


def step_references(t: Transaction) -> None:
    """Write the paragraphs and headings whose internal references the renumbering rewrote,
    and the ``section.yaml`` of each renumbered article (its new number)."""
    root = t.repository.root
    for path, data in t.plan.rewritten.items():
        (root / path).write_bytes(data)
    t.git.stage(t.plan.request.root)


def step_concordance(t: Transaction) -> None:
    """Write the concordance data file."""
    path = t.repository.root / t.plan.concordance_path
    path.parent.mkdir(exist_ok=True)
    path.write_text(t.plan.concordance_yaml, encoding="utf-8")
    t.git.stage(t.plan.request.root)


def step_document(t: Transaction) -> None:
    """Write the new draft name and date into ``document.yaml``."""
    (t.repository.root / t.plan.request.root / reader.DOCUMENT).write_bytes(t.plan.document_yaml)
    t.git.stage(t.plan.request.root)


def step_artefacts(t: Transaction) -> None:
    """Build every artefact into a temporary folder beside the output folder."""
    t.built = temporary_folder_beside(t.plan.output)
    notes.build_artefacts(t.plan, t.built)


def step_commit(t: Transaction) -> None:
    """Commit the new draft."""
    t.git.run("commit", "--quiet", "--no-verify", "-m", t.plan.request.name, "-m", _commit_body(t.plan))


def step_tag(t: Transaction) -> None:
    """Create the annotated (with ``--sign``, signed) tag."""
    kind = "-s" if t.plan.request.sign else "-a"
    message = f"{t.plan.request.name}\n\n{_commit_body(t.plan)}"
    t.git.run("tag", kind, "-m", message, t.plan.tag, "HEAD")


def step_publish(t: Transaction) -> None:
    """Record which commit the built artefacts belong to, then move them into the output folder."""
    assert t.built is not None
    artefacts.write_record(t.built, t.plan.tag, t.git.head())
    move_folder_into_place(t.built, t.plan.output)
    t.built = None
    t.published = True
    artefacts.remember(t.git.git_dir(), t.plan.tag, t.plan.output)


STEPS: list[tuple[str, Step]] = [
    ("renumber", step_renumber),
    ("articles", step_articles),
    ("references", step_references),
    ("concordance", step_concordance),
    ("document", step_document),
    ("artefacts", step_artefacts),
    ("commit", step_commit),
    ("tag", step_tag),
    ("publish", step_publish),
]
"""The steps of a release, in order; tests inject failures between them."""


def execute(repository: Repository, release: Plan, hook: Hook | None = None) -> None:
    """Carry out ``release``; on any failure or interrupt undo everything and re-raise."""
    git = Git(repository)
    if git.head() != release.head or git.tag_exists(release.tag):
        raise Fatal("the repository changed while the release was being planned; run it again")
    transaction = Transaction(repository, release)
    try:
        if hook:
            hook("start")
        for name, step in STEPS:
            step(transaction)
            if hook:
                hook(name)
    except BaseException:
        transaction.rollback()
        raise


@contextmanager
def lock(git: Git) -> Iterator[None]:
    """Hold the release lock of this repository, or fail at once if another release has it.

    The lock names the process holding it and, once the release is planned (:func:`record`),
    the commit it started from, its tag and its document folder: what :func:`recover` needs if
    the process is killed outright (SIGKILL, a machine going down), which nothing can undo."""
    path = git.git_dir() / LOCK
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        held = _read_lock(path)
        if held is not None and not _alive(held.get("pid", "")):
            raise Fatal(
                f"a release (process {held.get('pid', '?')}) stopped before it finished and may have left its "
                "commit, tag or renamed files; run 'zerodraft release --recover' to put the repository back as "
                "it was before it, then release again"
            ) from None
        raise Fatal(
            f"another release is running in this repository (lock {path}); wait for it, or delete that file if none is"
        ) from None
    try:
        os.write(fd, f"pid={os.getpid()}\n".encode())
        os.close(fd)
        yield
    finally:
        path.unlink(missing_ok=True)


def record(git: Git, plan: Plan) -> None:
    """Write into the lock where the planned release starts from (see :func:`recover`)."""
    path = git.git_dir() / LOCK
    lines = f"pid={os.getpid()}\nhead={plan.head}\ntag={plan.tag}\nroot={plan.request.root}\noutput={plan.output}\n"
    write_atomically(path, lines)


def recover(git: Git) -> list[str]:
    """Undo what a release killed half way left behind, from what its lock recorded; say what
    was done.  Refuses while that release still runs, or when the branch has moved on since."""
    path = git.git_dir() / LOCK
    held = _read_lock(path)
    if held is None:
        raise Fatal("there is no unfinished release to recover (no release lock in this repository)")
    if _alive(held.get("pid", "")):
        raise Fatal(f"the release in process {held.get('pid')} is still running; wait for it to finish")
    head, tag, root = held.get("head"), held.get("tag"), held.get("root", "outcome")
    output = Path(held["output"]) if held.get("output") else None
    finished = bool(
        head and tag and output is not None and git.tag_exists(tag) and output.is_dir() and any(output.iterdir())
    )
    now = git.head()
    if head and not finished and now != head:
        parent = git.run("rev-parse", "--verify", "--quiet", "HEAD^", check=False).strip()
        if parent != head:
            raise Fatal(
                f"HEAD ({now[:10]}) has moved on since the unfinished release started from {head[:10]}; "
                f"nothing was changed — look at 'git log' and put it right by hand, then delete {path}"
            )
    done = _remove_half_built(output) if output is not None else []
    if finished:
        done.append(f"it had finished: {tag} is tagged and its artefacts are in {output}; nothing to undo")
    elif head:
        made_tag = tag and now != head and git.tag_exists(tag)
        if made_tag and git.run("rev-parse", f"refs/tags/{tag}^{{commit}}").strip() == now:
            git.run("tag", "-d", str(tag))
            done.append(f"deleted the tag {tag} it had made")
        if now != head:
            done.append(f"took back its commit {now[:10]}")
        with _no_interrupts():
            git.run("reset", "--quiet", "--hard", head)
            git.run("clean", "-d", "--force", "--quiet", "--", root)
        done.append(f"put {root}/ and HEAD back at {head[:10]}, where it started")
    else:
        done.append("it stopped while planning, before changing anything")
    path.unlink(missing_ok=True)
    done.append("removed its lock")
    return done


def _remove_half_built(output: Path) -> list[str]:
    """The folders :func:`temporary_folder_beside` made for ``output`` and never moved into place."""
    pattern = re.compile(rf"\.{re.escape(output.name)}\.[A-Za-z0-9_]{{8}}")
    removed = []
    if output.parent.is_dir():
        for item in sorted(output.parent.iterdir()):
            if pattern.fullmatch(item.name) and item.is_dir() and not item.is_symlink():
                shutil.rmtree(item, ignore_errors=True)
                removed.append(f"removed the half-built artefacts {item}")
    return removed


def _read_lock(path: Path) -> dict[str, str] | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    if not fields and text.strip().isdigit():  # a lock written by an earlier version: the pid alone
        fields = {"pid": text.strip()}
    return fields


def _alive(pid: str) -> bool:
    """True if a process ``pid`` runs on this machine (or cannot be told: then assume it does)."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _no_interrupts() -> Iterator[None]:
    """Hold back SIGINT (delivered when the block ends) while the repository is restored."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _commit_body(release: Plan) -> str:
    renumbering = release.renumbering
    return (
        f"{release.request.name}, {release.request.date.isoformat()}: "
        f"{len(list(release.document.paragraphs()))} paragraphs, {len(renumbering.renames)} renumbered, "
        f"{len(renumbering.removed)} deleted paragraphs removed. "
        f"Concordance: {release.concordance_path}."
    )
