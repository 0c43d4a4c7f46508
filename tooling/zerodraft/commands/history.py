"""``zerodraft history 18`` (or an id): every change to one paragraph across commits and
drafts, with author, date, commit message and its number in each draft."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.reader import read
from zerodraft.rounds.history import history, locate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paragraph",
        metavar="PARAGRAPH",
        help="its number in the current round (18, 18 bis), an old number a release changed, or its id",
    )
    parser.add_argument(
        "--in",
        dest="draft",
        metavar="DRAFT",
        help='read PARAGRAPH as numbered in the round of this released draft ("Draft 2": its numbers, '
        "and the bis and ter added after it)",
    )
    _options.add_report_format(parser)
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    repository = Repository(Path.cwd())
    document = read(repository.tree(None), args.root).document
    if args.draft:
        located = locate(repository, args.paragraph, args.draft, args.root)
        if located is None:
            raise Fatal(f"{args.draft} and the round after it had no paragraph {args.paragraph}")
        found = replace(history(repository, document, located.id), note=located.said)
    else:
        found = history(repository, document, args.paragraph)
    if args.format == "json":
        print(json.dumps(asdict(found), indent=2, ensure_ascii=False))
        return 0
    if found.note:
        print(f"{found.note}:")
    print(f"{found.name or 'paragraph ' + found.number} ({found.id}), {found.path}")
    if found.drafts:
        print("numbers: " + "; ".join(f"{d.name}: {d.cited() or 'not yet'}" for d in found.drafts))
    for event in found.events:
        what = f"  [{event.draft}: {event.renumbered}]" if event.draft else ""
        what += f"  (via {event.merged_by})" if event.merged_by else ""
        print(f"{event.date[:10]}  {event.commit[:10]}  {event.who()}: {event.subject}{what}")
    if not found.events:
        print("no commits touch it yet (it is not committed)")
    return 0
