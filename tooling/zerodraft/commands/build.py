"""``zerodraft build [--ref REF] [--format md,txt,…] [-o build/] [--strict]``: render the
document from the working tree, or as it stood at a commit or tag (read from git objects,
never by checking out)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zerodraft import checks
from zerodraft.errors import Fatal
from zerodraft.git import find_root, source_at
from zerodraft.model import Problem
from zerodraft.reader import read
from zerodraft.render import FORMATS, build
from zerodraft.rounds import editors_copy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ref", help="a commit, tag or branch to render instead of the working tree")
    parser.add_argument(
        "--format",
        default="all",
        metavar="LIST",
        help=f"comma-separated formats to build: {','.join(FORMATS)} (default: all)",
    )
    parser.add_argument("-o", "--output", default="build", metavar="DIR", help="output folder (default: build)")
    parser.add_argument("--root", default="outcome", help="the document folder (default: outcome)")
    parser.add_argument("--name", help="file name stem (default: from the draft name, e.g. draft-2)")
    parser.add_argument(
        "--strict", action="store_true", help="build nothing if the document has problems (as zerodraft check)"
    )


def formats(value: str) -> list[str]:
    """The formats named in ``--format`` (``all`` for every one), checked."""
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    if names == ["all"]:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise Fatal(f"unknown format '{','.join(unknown) or value}'; choose from {','.join(FORMATS)} or all")
    return names


def run(args: argparse.Namespace) -> int:
    wanted = formats(args.format)
    base = find_root(Path.cwd())
    source = source_at(base, args.ref)
    reading = read(source, args.root)
    problems: list[Problem] = sorted(set(reading.problems) | set(checks.run(reading.document)))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems and args.strict:
        print(f"{len(problems)} problem(s); nothing built (--strict)", file=sys.stderr)
        return 1
    out = Path(args.output)
    header = editors_copy.standing(base, source, reading.document, args.ref, args.root).header()
    written = build(reading.document, wanted, out, problems=problems, basename=args.name, header=header)
    for path in written:
        print(_shown(path))
    if problems:
        print(f"{len(problems)} problem(s) found; they are listed at the top of the HTML", file=sys.stderr)
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
