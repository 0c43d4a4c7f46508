"""``zerodraft labels``: the repository's issue labels, from the consensus vocabulary and the
agenda items, as JSON or YAML for ``gh label create`` (see docs/policy.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

from zerodraft.commands import _options
from zerodraft.git import find_root
from zerodraft.github import labels
from zerodraft.reader import read
from zerodraft.source import WorkingTree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default: json)")
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    document = read(WorkingTree(find_root(Path.cwd())), args.root).document
    data = [label.as_dict() for label in labels(document)]
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), end="")
    return 0
