"""``zerodraft codeowners [--check]``: print ``.github/CODEOWNERS`` generated from
``outcome/document.yaml``, or check that the committed one is in step."""

from __future__ import annotations

import argparse
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.git import find_root
from zerodraft.github import CODEOWNERS_PATH, codeowners
from zerodraft.model import Problem
from zerodraft.reader import read
from zerodraft.source import WorkingTree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help=f"compare with {CODEOWNERS_PATH} instead of printing")
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    base = find_root(Path.cwd())
    wanted = codeowners(read(WorkingTree(base), args.root).document)
    if not args.check:
        print(wanted, end="")
        return 0
    path = base / CODEOWNERS_PATH
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if current == wanted:
        return 0
    what = "is missing" if current is None else "is out of step with outcome/document.yaml"
    print(Problem(CODEOWNERS_PATH, 1, "ZD910", f"{what}; regenerate it: zerodraft codeowners > {CODEOWNERS_PATH}"))
    return 1
