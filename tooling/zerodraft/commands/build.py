"""``zerodraft build [--ref REF] [--format md,txt,…] [-o build/] [--strict]``: render the
document from the working tree, or as it stood at a commit or tag (read from git objects,
never by checking out)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.git import CommitTree, Git, find_root, source_at
from zerodraft.intake.identity import Origin
from zerodraft.languages import version
from zerodraft.model import Problem
from zerodraft.reader import checked
from zerodraft.render import FORMATS, build, default_basename
from zerodraft.rounds import editors_copy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _options.add_ref(parser, "a commit, tag or branch to render instead of the working tree")
    _options.add_render_formats(parser, FORMATS, what="the formats to build")
    _options.add_output(parser, "the folder the files are written into", folder=True, default="build")
    _options.add_root(parser)
    parser.add_argument("--name", help="file name stem (default: from the draft name, e.g. draft-2)")
    _options.add_language(
        parser, "build this language version, or all (each as draft-2.fr.html …; default: the original)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="build nothing if the document has problems (as zerodraft check)"
    )


def run(args: argparse.Namespace) -> int:
    wanted = _options.format_list(args.format, list(FORMATS))
    base = find_root(Path.cwd())
    source = source_at(base, args.ref)
    reading = checked(source, args.root)
    problems: list[Problem] = list(reading.problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems and args.strict:
        print(f"{len(problems)} problem(s); nothing built (--strict)", file=sys.stderr)
        return 1
    out = Path(args.output)
    standing = editors_copy.standing(base, source, reading.document, args.ref, args.root)
    header = standing.header()
    origin = Origin(tag=standing.tag if standing.released else "")  # the Word file records what it was built from
    if isinstance(source, CommitTree):
        origin = Origin(source.sha, args.ref if Git(source.repository).tag_exists(args.ref) else origin.tag)
    written = []
    stem = args.name or default_basename(reading.document)
    for language in version.wanted(reading.document, args.language):
        document = version.in_language(reading.document, language)
        name = f"{stem}.{language}" if language else stem
        written += build(document, wanted, out, problems=problems, basename=name, header=header, origin=origin)
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
