"""``zerodraft pr-check --base REF --head REF --author LOGIN``: may this login's pull request
be merged?  Compares the two commits from git objects (nothing is checked out or run), reads
only the files that changed plus the base branch's configuration, and prints every policy
violation as ``path:line: ZD9xx message``."""

from __future__ import annotations

import argparse
import os
import sys

from zerodraft import config
from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import FileChange, Repository
from zerodraft.github import annotation
from zerodraft.model import DocumentConfig, Paragraph, Problem, Roster
from zerodraft.policy import LOGIN_RE, Author, Change, author, review
from zerodraft.reader import read_paragraph
from zerodraft.revision import configuration, text
from zerodraft.source import MAX_FILE_BYTES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", required=True, metavar="REF", help="the branch or commit the pull request targets")
    parser.add_argument("--head", required=True, metavar="REF", help="the pull request's last commit")
    parser.add_argument(
        "--author",
        metavar="LOGIN",
        default=os.environ.get("PR_AUTHOR"),
        help="the GitHub login that opened the pull request (default: $PR_AUTHOR)",
    )
    _options.add_root(parser)
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: also as annotations on the pull request's files (GitHub Actions error commands)",
    )


def run(args: argparse.Namespace) -> int:
    login = args.author or ""
    if not LOGIN_RE.match(login):
        raise Fatal(f"{login[:60]!r} is not a GitHub login (letters, digits and single hyphens, at most 39)")
    repository = Repository()
    base = repository.resolve(args.base)
    head = repository.resolve(args.head)
    fork = repository.merge_base(base, head)
    who, changes, roster = gather(repository, base, fork, head, login, args.root)
    problems = review(who, changes, roster, args.root)
    for problem in problems:
        print(annotation(problem) if args.format == "github" else problem)
    if problems:
        files = len({p.path for p in problems})
        print(
            f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} file{'s' * (files != 1)}: "
            f"this pull request goes beyond what '{login}' may change; see docs/policy.md",
            file=sys.stderr,
        )
        return 1
    print(f"pr-check: {len(changes)} changed file{'s' * (len(changes) != 1)}; {describe(who)}; nothing to object")
    return 0


def gather(
    repository: Repository, base: str, fork: str, head: str, login: str, root: str = "outcome"
) -> tuple[Author, list[Change], Roster]:
    """The author's roles under ``base``'s configuration, and each file changed from
    ``fork`` to ``head`` with its paragraph read on both sides."""
    cfg, roster = configuration(repository, base, root)
    who = author(login, cfg, roster, root)
    files = repository.changes(fork, head)
    changes = [] if who.secretariat or not who.known else [_read(repository, f, cfg, roster, root) for f in files]
    return who, changes, roster


def describe(who: Author) -> str:
    """``'kenya-mission' speaks for Kenya``, for the success line."""
    if who.secretariat:
        return f"'{who.login}' is the secretariat"
    parts = []
    if who.delegations:
        parts.append("speaks for " + ", ".join(who.delegations))
    if who.facilitates:
        parts.append("facilitates " + ", ".join(f.rsplit("/", 1)[-1] for f in who.facilitates))
    return f"'{who.login}' " + " and ".join(parts)


def _read(repository: Repository, file: FileChange, cfg: DocumentConfig, roster: Roster, root: str) -> Change:
    if (
        not file.path.startswith(root + "/") and not file.old_path.startswith(root + "/")
    ) or file.size > MAX_FILE_BYTES:
        return Change(file)  # judged by its path or size alone; never read
    if file.path == f"{root}/delegations.yaml":
        before = _blob(repository, file.old_blob, file.old_kind)
        after = _blob(repository, file.new_blob, file.new_kind)
        ignored: list[Problem] = []
        after_text = text(after) or ""
        return Change(
            file,
            roster_before=config.roster(file.path, text(before), ignored),
            roster_after=config.roster(file.path, after_text, ignored),
            roster_text=after_text,
        )
    return Change(
        file,
        before=_paragraph(file.old_path, _blob(repository, file.old_blob, file.old_kind), cfg, roster, root),
        after=_paragraph(file.path, _blob(repository, file.new_blob, file.new_kind), cfg, roster, root),
    )


def _blob(repository: Repository, blob: str, kind: str | None) -> bytes | None:
    if kind != "file":
        return None
    return repository.blob(blob)


def _paragraph(path: str, data: bytes | None, cfg: DocumentConfig, roster: Roster, root: str) -> Paragraph | None:
    if data is None:
        return None
    paragraph, _problems = read_paragraph(path, data, cfg, roster, root)
    return paragraph
