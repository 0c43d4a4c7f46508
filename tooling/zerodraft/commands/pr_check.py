"""``zerodraft pr-check --base REF --head REF --author LOGIN``: may this login's pull request
be merged?  Judges what merging the head into the base would make (a test merge from git
objects: nothing is checked out or run) — the policy on that change and the whole check on the
merge result — and prints every problem as ``path:line: CODE message``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from zerodraft.cache import Memo
from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.github import annotation
from zerodraft.policy import LOGIN_RE, Author
from zerodraft.policy.pullrequest import judge


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
    parser.add_argument(
        "--no-merge",
        dest="merge",
        action="store_false",
        help="judge the branch alone (from where it left the base to its head), not the merge result; for tests",
    )


def run(args: argparse.Namespace) -> int:
    login = args.author or ""
    if not LOGIN_RE.match(login):
        raise Fatal(f"{login[:60]!r} is not a GitHub login (letters, digits and single hyphens, at most 39)")
    repository = Repository()
    base = repository.resolve(args.base)
    head = repository.resolve(args.head)
    memo = Memo.in_git_folder(Path(repository.repo.git_dir))  # the same verdict, sooner
    verdict = judge(repository, base, head, login, args.root, merge=args.merge, memo=memo)
    memo.save()
    problems = verdict.problems
    for problem in problems:
        print(annotation(problem) if args.format == "github" else problem)
    if problems:
        files = len({p.path for p in problems})
        why = (
            "it cannot be merged as it is"
            if any(p.code == "ZD911" for p in problems)
            else f"this pull request goes beyond what '{login}' may change, or would leave main with problems"
        )
        changed = {path for c in verdict.changes for path in (c.file.path, c.file.old_path)}
        elsewhere = sum(1 for p in problems if p.path not in changed and not p.code.startswith("ZD9"))
        if elsewhere:
            why += f" ({elsewhere} in files it does not change: merging it would cause them there)"
        print(
            f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} file{'s' * (files != 1)}: "
            f"{why}; see docs/policy.md",
            file=sys.stderr,
        )
        return 1
    count = len(verdict.changes)
    merged = "; the merge result passes check" if verdict.merged else ""
    print(f"pr-check: {count} changed file{'s' * (count != 1)}; {describe(verdict.who)}{merged}; nothing to object")
    return 0


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
