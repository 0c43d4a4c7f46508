"""``zerodraft compile [--refs PATTERN …]``: the compilation of pending proposals, paragraph
by paragraph, from branches or fetched pull-request refs, as Markdown, HTML or Word."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zerodraft import compilation
from zerodraft.commands import _options
from zerodraft.compilation.languages import in_language
from zerodraft.compilation.model import build
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.output import write_atomically

DEFAULT_REFS = ("refs/heads", "refs/remotes", "refs/pull")
"""Every branch at any depth (``kenya/insert-after-18bis``), local and fetched from every
remote, and every fetched pull request; the compilation says which it left out and why."""
#: the old spellings of ``--format`` values, accepted for one release
_RENAMED = {"markdown": "md", "word": "docx"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--refs",
        nargs="+",
        metavar="PATTERN",
        default=list(DEFAULT_REFS),
        help="ref patterns holding proposals, as git for-each-ref takes them (default: every branch, "
        "local and remote, at any depth, and every pull request: refs/heads refs/remotes refs/pull; "
        "fetch pull requests with: git fetch origin '+refs/pull/*/head:refs/pull/*/head')",
    )
    parser.add_argument("--base", default="main", metavar="REF", help="the branch proposals are compared with")
    parser.add_argument(
        "--bodies",
        metavar="DIR",
        help="a folder of pull-request descriptions, <number>.md (gh pr view N --json body -q .body), "
        "for each proposal's delegation and rationale; otherwise the branch's commit message is used",
    )
    parser.add_argument(
        "--format",
        choices=tuple(compilation.FORMATS),
        type=lambda value: _options.renamed_value(value, _RENAMED, "--format", "zerodraft compile"),
        help="md, html or docx (default: from --output's suffix, else md)",
    )
    parser.add_argument(
        "--language",
        metavar="TAG",
        help="the compilation in a language the document keeps (fr, ar …): the current texts and headings in it, "
        "each branch's translation of its proposal where it has one, the original's marked where not",
    )
    _options.add_output(parser, "write the compilation here (atomically) instead of printing it")
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    bodies = Path(args.bodies) if args.bodies else None
    if bodies is not None and not bodies.is_dir():
        raise Fatal(f"'{args.bodies}' is not a folder of pull-request descriptions")
    fmt = args.format or _format_of(args.output or "")
    if fmt == "docx" and not args.output:
        raise Fatal("Word output needs a file: --output compilation.docx")
    repository = Repository()
    gathered = build(repository, args.base, list(args.refs), bodies, args.root)
    if args.language:
        gathered = in_language(repository, gathered, args.root, args.language)
    data = compilation.renderer(fmt).render(gathered)
    for left in gathered.skipped:
        print(f"compile: left out {left.ref}: {left.reason}", file=sys.stderr)
    if not args.output:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    write_atomically(Path(args.output), data, make_folder=False)
    print(f"compile: {len(gathered.entries)} paragraphs, {len(gathered.refs)} branches -> {args.output}")
    return 0


def _format_of(output: str) -> str:
    if output.endswith((".html", ".htm")):
        return "html"
    return "docx" if output.endswith(".docx") else "md"
