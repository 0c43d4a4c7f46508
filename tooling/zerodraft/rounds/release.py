"""Releasing a draft: freeze, renumber, write the concordance, commit, tag, publish — or
change nothing at all.

A release is planned entirely in memory first (:func:`plan`): the renumbering, the
concordance, the new ``document.yaml``, and a check of the planned draft.  Only then does
:func:`~zerodraft.rounds.steps.execute` touch the repository, one named step at a time
(:data:`~zerodraft.rounds.steps.STEPS`).  Every step
runs inside a transaction that remembers HEAD; if anything fails — a git error, a build
error, a bug, Ctrl-C — the transaction puts back exactly what was there: no commit, no tag,
no renamed file, no artefact.  A lock file in the git folder makes a second release in the
same repository fail at once instead of racing the first.

Tests inject a failure or a real SIGINT after every step through the ``hook`` argument of
``execute``, and prove the repository unchanged each time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from zerodraft import reader
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.model import Problem
from zerodraft.references import rewrite, translated
from zerodraft.rounds import artefacts, concordance
from zerodraft.rounds.articles import leaving, relocate, renumber_articles, section_files
from zerodraft.rounds.divisions import leaving_divisions, renumber_divisions
from zerodraft.rounds.drafts import draft_tags
from zerodraft.rounds.notes import artefact_names, notes
from zerodraft.rounds.plan import Plan, Request, tag_for
from zerodraft.rounds.renumber import apply, renumber
from zerodraft.rounds.steps import LOCK, STEPS, Hook, Transaction, execute, lock, record, recover
from zerodraft.source import MemoryTree, WorkingTree

__all__ = [
    "LOCK",
    "STEPS",
    "CheckFailed",
    "Plan",
    "Request",
    "Transaction",
    "execute",
    "lock",
    "plan",
    "record",
    "recover",
    "release",
    "tag_for",
]

# ---- planning: read-only


def plan(repository: Repository, request: Request) -> Plan:
    """Check that a release may go ahead and work out everything it will do; raise
    :class:`Fatal` with the reason if it may not.  Touches nothing."""
    git = Git(repository)
    tag = tag_for(request.name)
    branch = git.branch()
    if branch is None:
        raise Fatal("HEAD is detached: check out the branch to release (git switch main) and try again")
    if branch != request.branch:
        raise Fatal(
            f"drafts are released from {request.branch}, and this is {branch}: "
            f"git switch {request.branch} (or say --branch {branch})"
        )
    head = git.head()
    if request.expect_head and repository.resolve(request.expect_head) != head:
        raise Fatal(f"HEAD is {head[:10]}, not {request.expect_head} as expected: someone changed {branch}; review it")
    upstream = git.upstream()
    if upstream is not None and upstream != head:
        raise Fatal(
            f"{branch} is not where its upstream is ({upstream[:10]}): pull or push first, so that this "
            "release is made from the text everyone has"
        )
    dirty = git.dirty(request.root)
    if dirty:
        raise Fatal(
            f"the working tree has uncommitted changes ({dirty[0]}{' …' if len(dirty) > 1 else ''}): "
            "commit them or remove them first"
        )
    if git.tag_exists(tag):
        raise Fatal(f"the tag {tag} already exists: {request.name} has been released already")
    output = (request.output or artefacts.default_folder(repository.root, tag)).resolve()
    document_folder = (repository.root / request.root).resolve()
    if output == document_folder or document_folder in output.parents:
        raise Fatal(f"the artefacts cannot go inside {request.root}/; choose another folder with -o")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise Fatal(f"the output folder {output} is not empty; remove it or choose another with -o")
    reading = reader.checked(WorkingTree(repository.root), request.root)
    current = reading.document
    problems = list(reading.problems)
    if problems:
        raise CheckFailed(problems)
    previous_tag = next((tag for tag, _sha in reversed(draft_tags(repository, contained_in=head))), None)
    previous = reader.read(repository.tree(previous_tag), request.root).document if previous_tag else None
    renumbering = renumber(current)
    moved_articles = renumber_articles(current)
    left = tuple((a.number, a.path) for a in leaving(current))
    table = concordance.build(
        request.name,
        renumbering,
        current,
        previous,
        previous.config.draft_name if previous else "",
        moved_articles,
        left,
        renumber_divisions(current),
        tuple((d.kind.value, d.number, d.path) for d in leaving_divisions(current)),
    )
    concordance_path = f"{request.root}/{concordance.FOLDER}/{tag}.yaml"
    document_path = f"{request.root}/{reader.DOCUMENT}"
    files = _files(repository.root, request.root)
    document_yaml = _updated_document_yaml(files[document_path], request.name, request.date)
    mapping = rewrite.Mapping.from_concordance(
        ((e.id, e.new) for e in table.entries), ((a.old_path, a.new) for a in (*table.articles, *table.sections))
    )
    rewriting = rewrite.plan(current, mapping, files)
    in_languages = translated.plan(current, mapping, files, rewriting.files)  # references/translated.py
    rewriting = rewrite.Rewriting({**rewriting.files, **in_languages.files}, rewriting.rewrites + in_languages.rewrites)
    renamed = (*table.articles, *table.sections)
    changed = {**rewriting.files, **section_files({**files, **rewriting.files}, renamed)}
    folders = table.folders()
    moved = {m.old_path: m.new_path for m in renumbering.moves} | dict(renumbering.translation_renames)
    rewritten = {relocate(moved.get(path, path), folders): data for path, data in changed.items()}
    gone = tuple(f"{path}/" for *_what, path in (*left, *table.sections_left))
    staying = {p: d for p, d in apply({**files, **changed}, renumbering).items() if not p.startswith(gone)}
    planned = {relocate(path, folders): data for path, data in staying.items()}
    planned[document_path] = document_yaml
    concordance_yaml = table.to_yaml()
    planned[concordance_path] = concordance_yaml.encode("utf-8")
    after = reader.checked(MemoryTree(planned, f"the planned {request.name}"), request.root)
    leftover = list(after.problems)
    if leftover:
        raise Fatal(f"the renumbered draft would not check clean ({leftover[0]}); nothing was changed. Please report")
    result = Plan(
        request,
        tag,
        head,
        branch,
        renumbering,
        table,
        concordance_path,
        concordance_yaml,
        document_yaml,
        current,
        after.document,
        previous,
        previous_tag,
        output,
        rewriting.rewrites,
        rewritten,
    )
    return replace(result, notes=notes(result), artefacts=tuple(artefact_names(result)))


class CheckFailed(Fatal):
    """The draft has problems; a release needs a clean check."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            f"the draft has {len(problems)} problem{'s' * (len(problems) != 1)}; fix them first "
            "(zerodraft check lists them)",
            exit_code=1,
        )
        self.problems = problems


def _files(root: Path, folder: str) -> dict[str, bytes]:
    source = WorkingTree(root)
    paths = [e.path for e in source.entries(folder) if e.kind == "file"]
    return source.read(paths)


def _updated_document_yaml(data: bytes, name: str, date: dt.date) -> bytes:
    """``document.yaml`` with the new draft name and date, comments and order kept."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    content = yaml.load(data.decode("utf-8"))
    draft = content.get("draft")
    if not hasattr(draft, "__setitem__"):
        content["draft"] = draft = {}
    draft["name"] = name
    draft["date"] = date
    out = io.StringIO()
    yaml.dump(content, out)
    return out.getvalue().encode("utf-8")


# ---- executing: see zerodraft.rounds.steps


def release(repository: Repository, request: Request, hook: Hook | None = None) -> Plan:
    """Plan and execute a release while holding this repository's release lock, so that a
    second release started meanwhile fails at once ("another release is running")."""
    with lock(Git(repository)):
        result = plan(repository, request)
        record(Git(repository), result)
        execute(repository, result, hook)
    return result
