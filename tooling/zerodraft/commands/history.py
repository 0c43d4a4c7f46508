"""``zerodraft history 18`` (or an id): every change to one paragraph across commits and
drafts, with author, date, commit message and its number in each draft."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.git import Repository
from zerodraft.reader import read
from zerodraft.rounds.history import history


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paragraph", metavar="PARAGRAPH", help="its number in the current round (18, 18 bis) or its id")
    _options.add_report_format(parser)
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    repository = Repository(Path.cwd())
    document = read(repository.tree(None), args.root).document
    found = history(repository, document, args.paragraph)
    if args.format == "json":
        print(json.dumps(asdict(found), indent=2, ensure_ascii=False))
        return 0
    print(f"paragraph {found.number} ({found.id}), {found.path}")
    if found.drafts:
        print("numbers: " + "; ".join(f"{d.name}: {d.number or 'not yet'}" for d in found.drafts))
    for event in found.events:
        what = f"  [{event.draft}: {event.renumbered}]" if event.draft else ""
        what += f"  (via {event.merged_by})" if event.merged_by else ""
        print(f"{event.date[:10]}  {event.commit[:10]}  {event.who()}: {event.subject}{what}")
    if not found.events:
        print("no commits touch it yet (it is not committed)")
    return 0
