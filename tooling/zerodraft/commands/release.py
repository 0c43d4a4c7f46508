"""``zerodraft release "Draft 3"``: renumber, write the concordance, commit, tag and publish
a new draft — all of it, or nothing."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.render import FORMATS
from zerodraft.rounds import release


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", nargs="?", help='the new draft\'s name, e.g. "Draft 3" (tag draft-3)')
    parser.add_argument(
        "--recover",
        action="store_true",
        help="undo what a release that was killed half way left behind (its lock says where it started)",
    )
    _options.add_date(parser, "the draft's date (default: today)")
    parser.add_argument("--sign", action="store_true", help="sign the tag with your GPG key (git tag -s)")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    _options.add_output(parser, "where the artefacts go (default: build/<tag>)", folder=True)
    _options.add_render_formats(parser, FORMATS, what="the formats to publish the draft in")
    _options.add_renamed(parser, "--formats", "--format", "format")
    parser.add_argument("--branch", default="main", help="the branch drafts are released from (default: main)")
    parser.add_argument("--expect-head", metavar="COMMIT", help="refuse unless HEAD is this commit")
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    repository = Repository(Path.cwd())
    if args.recover:
        from zerodraft.git import Git

        for line in release.recover(Git(repository)):
            print(f"recovered: {line}")
        return 0
    if not args.name:
        raise Fatal('give the new draft\'s name, like: zerodraft release "Draft 3"')
    request = release.Request(
        name=args.name.strip(),
        date=_options.date(args.date) or dt.datetime.now(dt.UTC).date(),
        sign=args.sign,
        output=Path(args.output).resolve() if args.output else None,
        expect_head=args.expect_head,
        root=args.root,
        formats=tuple(_options.format_list(args.format, list(FORMATS))),
        branch=args.branch,
    )
    try:
        if args.dry_run:
            plan = release.plan(repository, request)
            print("dry run: nothing was changed")
            print(plan.describe())
            return 0
        plan = release.release(repository, request)
    except release.CheckFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        raise
    print(plan.describe())
    print(f"released {request.name}: commit and tag {plan.tag} made; push them with: git push --follow-tags")
    return 0
