"""``zerodraft intake FILE.docx --delegation NAME [--new-branch [NAME]] [--against REF]``: a
delegation's edited Word copy of the draft becomes its proposals — amendments, new ``bis``
paragraphs, deletions, moves — written as ``zerodraft propose`` writes them, with its Word
comments as the rationale; ``zerodraft intake DIR/ --map delegations.csv`` does a folder of
them, one branch each (docs/intake.md)."""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository, check_ref_name
from zerodraft.intake import origin
from zerodraft.intake.plan import Plan, judge_section, make
from zerodraft.intake.summary import describe
from zerodraft.model import Problem
from zerodraft.output import write_atomically
from zerodraft.reader import Reading, read
from zerodraft.source import MemoryTree, WorkingTree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the edited Word file (.docx), or a folder of them with --map")
    parser.add_argument("--delegation", help="who proposes: a name or code from delegations.yaml")
    parser.add_argument(
        "--new-branch",
        nargs="?",
        const="",
        metavar="NAME",
        help="commit the proposals on a new branch (default name: <delegation>/intake-<draft>)",
    )
    # the spelling: --branch means a new branch here, as it did in propose (now --new-branch)
    parser.add_argument(
        "--branch", dest="new_branch", nargs="?", const="", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.add_argument("--against", metavar="REF", help="the draft the file came from (default: the one it records)")
    parser.add_argument("--map", metavar="CSV", help="for a folder: a CSV of file,delegation (one branch each)")
    _options.add_root(parser)


@dataclass(frozen=True, slots=True)
class _Done:
    """One file taken in."""

    plan: Plan
    description: str
    branch: str | None


def run(args: argparse.Namespace) -> int:
    repository = Repository(Path.cwd())
    target = Path(args.file)
    if target.is_dir():
        if not args.map:
            raise Fatal(f"{args.file} is a folder; give --map delegations.csv saying which delegation sent each file")
        if args.new_branch:
            raise Fatal(
                "a folder is taken in with one branch per delegation: give --new-branch without a NAME, or leave it out"
            )
        return _batch(repository, target, Path(args.map), args)
    if not args.delegation:
        raise Fatal("say whose proposals these are: --delegation NAME (a name or code from delegations.yaml)")
    done = _one(repository, target, args.delegation, args.against, args.root, args.new_branch, None)
    sys.stdout.write(done.description)
    for problem in done.plan.problems:
        print(problem, file=sys.stderr)
    for problem in done.plan.warnings:
        print(f"warning: {problem}", file=sys.stderr)
    written = len(done.plan.files)
    if not written:
        made = ", no branch made" if args.new_branch is not None else ""
        print(f"nothing to propose: no file written{made}", file=sys.stderr)
    elif done.branch is not None:
        print(
            f"committed {written} file(s) on the new branch {done.branch}; push it and open a pull request",
            file=sys.stderr,
        )
    else:
        print(f"wrote {written} file(s) under {args.root}/", file=sys.stderr)
    return 1 if done.plan.problems else 0


def _one(
    repository: Repository,
    path: Path,
    delegation: str,
    against: str | None,
    root: str,
    branch: str | None,
    name: str | None,
) -> _Done:
    files, text = _current(repository, root)
    current = text.document
    taken = origin.take(repository, path, current, against, name)
    plan = make(text, files, taken.reading, delegation, taken.word.name)
    problems = list(plan.problems)
    for key, _text in taken.reading.headings:
        where = f"{root}/document.yaml" if key in ("title", "note") else key.removeprefix("section:") + "/section.yaml"
        problems += judge_section(current, where, plan.delegation, taken.word.name, 1, "an edited heading or title")
    problems += [
        Problem(taken.word.name, u.position, "ZD630", f"“{u.text}”: {u.reason}") for u in taken.reading.unmapped
    ]
    plan = Plan(plan.delegation, plan.proposals, plan.comments, tuple(problems), plan.warnings, plan.files)
    description = describe(plan, taken.reading, taken.word, taken.source)
    made = None
    if branch is not None and plan.files:
        git = Git(repository)
        if git.dirty(root):
            raise Fatal("the working tree has uncommitted changes: commit or stash them before taking in on a branch")
        made = check_ref_name(branch or _branch_name(plan.delegation, taken.draft))
        title = description.splitlines()[0].lstrip("# ")
        git.commit_on_new_branch(
            made, git.head(), {p: c.encode("utf-8") for p, c in plan.files.items()}, title + "\n\n" + description
        )
    elif branch is None:
        for relative, content in plan.files.items():
            (repository.root / relative).parent.mkdir(parents=True, exist_ok=True)  # a new article's folder
            write_atomically(repository.root / relative, content)
    return _Done(plan, description, made)


def _current(repository: Repository, root: str) -> tuple[dict[str, bytes], Reading]:
    source = WorkingTree(repository.root)
    files = source.read(e.path for e in source.entries(root) if e.kind == "file")
    return files, read(MemoryTree(files), root)


def _branch_name(delegation: str, draft: str) -> str:
    """``kenya/intake-draft-2``: the delegation, and the draft its Word file came from."""
    slug = re.sub(r"[^a-z0-9]+", "-", delegation.casefold()).strip("-") or "delegation"
    return f"{slug}/intake-{draft}"


def _batch(repository: Repository, folder: Path, mapping: Path, args: argparse.Namespace) -> int:
    """Every file of the map, each on its own branch; a table of what became of each."""
    rows = _mapping(mapping)
    present = {p.name for p in folder.iterdir() if p.suffix.lower() == ".docx"}
    table = ["| file | delegation | branch | proposals | not written |", "| --- | --- | --- | --- | --- |"]
    worst = 0
    for name in sorted(present - set(rows)):
        table.append(f"| {_cell(name)} | (not in {mapping.name}) | | | |")
        worst = max(worst, 1)
    for name, delegation in rows.items():
        if name not in present:
            table.append(f"| {_cell(name)} | {_cell(delegation)} | | | the file is not in {_cell(folder.name)} |")
            worst = max(worst, 1)
            continue
        try:
            done = _one(repository, folder / name, delegation, args.against, args.root, args.new_branch or "", name)
        except Fatal as error:
            table.append(f"| {_cell(name)} | {_cell(delegation)} | | | {_cell(str(error))} |")
            worst = 2
            continue
        for problem in done.plan.problems:
            print(problem, file=sys.stderr)
        refused = len(done.plan.problems)
        table.append(
            f"| {_cell(name)} | {_cell(done.plan.delegation)} | {_cell(done.branch or '(nothing to commit)')} "
            f"| {len(done.plan.proposals)} | {refused or ''} |"
        )
        worst = max(worst, 1 if refused else 0)
    print("\n".join(table))
    return worst


def _mapping(path: Path) -> dict[str, str]:
    """``file → delegation`` from a CSV of two columns (a header row ``file,delegation`` is allowed)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise Fatal(f"{path} cannot be read as UTF-8 text ({error})") from None
    rows: dict[str, str] = {}
    for number, row in enumerate(csv.reader(text.splitlines()), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or (number == 1 and [c.casefold() for c in cells[:2]] == ["file", "delegation"]):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1] or "/" in cells[0] or cells[0].startswith("."):
            raise Fatal(
                f"{path}:{number}: expected 'file.docx,Delegation' (a file name in the folder, then a delegation)"
            )
        rows[cells[0]] = cells[1]
    return rows


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")[:200]
