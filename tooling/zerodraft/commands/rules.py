"""``zerodraft rules``: the reference of every check code."""

from __future__ import annotations

import argparse

from zerodraft.rules import RULES, markdown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--markdown", action="store_true", help="print the reference as Markdown (docs/checks.md)")


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        print(markdown(), end="")
        return 0
    for rule in RULES:
        print(f"{rule.code}  {rule.name:28} {rule.summary}")
    return 0
