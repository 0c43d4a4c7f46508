"""``zerodraft drafts``: the released drafts, with their dates and paragraph counts."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.git import Repository
from zerodraft.rounds.drafts import released_drafts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _options.add_report_format(parser)
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    found = released_drafts(Repository(Path.cwd()), args.root)
    if args.format == "json":
        print(json.dumps([asdict(d) for d in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print('no draft has been released yet (zerodraft release "Draft 1" makes the first)')
    for draft in found:
        print(f"{draft.tag:<16} {draft.date}  {draft.paragraphs:>5} paragraphs  {draft.name}")
    return 0
