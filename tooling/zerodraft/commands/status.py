"""``zerodraft status [--ref REF] [--format text|json]``: the consensus dashboard as a
terminal table — per agenda item, how many paragraphs are agreed, agreed ad ref, open,
proposed and deleted; the same numbers as the web site's dashboard."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.dashboard import ORDER, dashboard, table
from zerodraft.git import find_root, source_at
from zerodraft.languages import progress
from zerodraft.model import Document, Problem
from zerodraft.reader import read


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _options.add_ref(parser, "a commit, tag or branch to count instead of the working tree")
    _options.add_report_format(parser)
    _options.add_root(parser)
    parser.add_argument(
        "--languages",
        action="store_true",
        help="per language kept: how many paragraphs are current, stale or missing (docs/languages.md)",
    )


def run(args: argparse.Namespace) -> int:
    base = find_root(Path.cwd())
    source = source_at(base, args.ref)
    reading = read(source, args.root)
    if args.languages:
        return _languages(reading.document, args.format)
    board = dashboard(reading.document)
    if args.format == "json":
        rows = [
            {
                "item": row.key,
                "short": row.short,
                "heading": row.heading,
                **{role.value: n for role, n in zip(ORDER, row.counts, strict=True)},
                "unknown": row.unknown,
                "total": row.total,
            }
            for row in (*board.rows, board.total)
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    config = reading.document.config
    date = f", {config.draft_date.isoformat()}" if config.draft_date else ""
    print(f"{config.draft_name}{date} — paragraphs by consensus label (alternatives not counted)")
    print()
    print(table(board))
    problems: list[Problem] = list(reading.problems)
    if problems:
        print(f"\n{len(problems)} problem(s) reading the document; run zerodraft check")
    return 0


def _languages(document: Document, form: str) -> int:
    rows = progress.progress(document)
    if form == "json":
        print(
            json.dumps(
                [
                    {
                        "language": r.language,
                        "current": r.current,
                        "stale": r.stale,
                        "missing": r.missing,
                        "total": r.total,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
        return 0
    original = document.config.languages.original
    if not original:
        print("the document keeps one language (document.yaml has no 'languages:')")
        return 0
    print(f"{document.config.draft_name} — paragraphs of the original ({original}) per language kept")
    print()
    print(progress.table(rows))
    return 0
