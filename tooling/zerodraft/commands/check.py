"""``zerodraft check [PATH …]``: report every problem in the document, then exit once."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from zerodraft import cache, characters
from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import find_root
from zerodraft.model import Problem
from zerodraft.reader import Reading, checked
from zerodraft.rules import BY_CODE
from zerodraft.source import WorkingTree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="only report problems in these files or folders (the whole document is still read)",
    )
    _options.add_root(parser)
    _options.add_report_format(parser, _options.REPORT_FORMATS)
    parser.add_argument(
        "--fix",
        action="store_true",
        help="repair what is purely mechanical (a byte-order mark, a label written 'Agreed ad ref'), "
        "keeping comments and key order; then report what is left",
    )


def run(args: argparse.Namespace) -> int:
    base = find_root(Path.cwd())
    reading, problems = _check(WorkingTree(base), args.root)
    if args.fix:
        from zerodraft import fixes

        wanted = [_relative(base, p, args.root) for p in args.paths]
        for fixed in fixes.fix(base, reading.document, problems, lambda path: not wanted or _within(path, wanted)):
            if fixed.problems:
                codes = ", ".join(sorted({p.code for p in fixed.problems}))
                print(f"{fixed.path}: fixed {codes}", file=sys.stderr)
            for written, name in fixed.renamed:
                print(f"{fixed.path}: wrote '{written}' as '{name}', its name in the roster", file=sys.stderr)
        reading, problems = _check(WorkingTree(base), args.root)
    if args.paths:
        wanted = [_relative(base, p, args.root) for p in args.paths]
        problems = [p for p in problems if _within(p.path, wanted)]
    if args.format == "json":
        print(json.dumps(report(problems), indent=2, ensure_ascii=False))
    elif args.format == "github":
        from zerodraft.github import annotation  # imported here: the policy it imports is not needed otherwise

        for problem in problems:
            print(annotation(problem))
    else:
        for problem in problems:
            print(problem)
        if problems:
            files = len({p.path for p in problems})
            print(
                f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} file{'s' * (files != 1)}; "
                "see 'zerodraft rules' for what each code means"
            )
        else:
            count = sum(1 for _ in reading.document.paragraphs())
            scope = "the files named" if args.paths else f"{args.root}/"
            print(f"No problems in {scope} ({count} paragraph{'s' * (count != 1)} in the document).")
    return 1 if problems else 0


def check(source: WorkingTree, root: str = "outcome") -> list[Problem]:
    """Every problem: those met while reading, then those the checks find."""
    return _check(source, root)[1]


def _check(source: WorkingTree, root: str) -> tuple[Reading, list[Problem]]:
    memo = cache.Memo.in_git_folder(cache.git_folder(source.base))  # the same problems, sooner
    # A memo in this process alone would only cost: a check reads the document once.
    reading = checked(source, root, memo if memo.file is not None else None)
    memo.save()
    return reading, list(reading.problems)


def report(problems: list[Problem]) -> dict[str, object]:
    """The JSON report: ``{"ok": bool, "problems": [{path, line, code, rule, message}]}``."""
    return {
        "ok": not problems,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "code": p.code,
                "rule": BY_CODE[p.code].name,
                "message": characters.for_json(p.message),  # it may quote hidden characters
            }
            for p in problems
        ],
    }


def _within(path: str, wanted: list[str]) -> bool:
    return any(path == w or path.startswith(w.rstrip("/") + "/") for w in wanted)


def _relative(base: Path, path: str, root: str) -> str:
    """``path`` (as typed, from the current folder) relative to the repository root; it
    must lie inside the document folder."""
    absolute = Path(os.path.normpath(Path.cwd() / path))
    top = Path(os.path.normpath(base / root))
    if absolute != top and top not in absolute.parents:
        raise Fatal(f"'{path}' is not inside {root}/")
    return absolute.relative_to(Path(os.path.normpath(base))).as_posix()
