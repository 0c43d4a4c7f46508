"""``zerodraft site [-o site/] [--ref HEAD] [--downloads docx,pdf,akn]``: the negotiation as a
static web site — home with the dashboard, the editor's copy, every released draft, the
redlines, a page per paragraph, and the drafts' Word, PDF and Akoma Ntoso files."""

from __future__ import annotations

import argparse
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.site import DOWNLOADS, build


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="site", metavar="DIR", help="output folder (default: site)")
    parser.add_argument("--ref", default="HEAD", help="the commit or branch of the editor's copy (default: HEAD)")
    parser.add_argument("--root", default="outcome", help="the document folder (default: outcome)")
    parser.add_argument(
        "--downloads",
        default=",".join(DOWNLOADS),
        metavar="LIST",
        help=f"files to offer for each draft: {','.join(DOWNLOADS)} or none (default: all)",
    )
    parser.add_argument("--repo-url", default="", help="https:// address of the repository, to link each commit")


def run(args: argparse.Namespace) -> int:
    if args.ref.startswith("-"):
        raise Fatal(f"'{args.ref}' is not a valid ref name (a tag, branch or commit id)")
    names = [n.strip().lower() for n in args.downloads.split(",") if n.strip()]
    if names == ["none"]:
        names = []
    unknown = [n for n in names if n not in DOWNLOADS]
    if unknown:
        raise Fatal(f"unknown download format '{','.join(unknown)}'; choose from {','.join(DOWNLOADS)} or none")
    site = build(Path.cwd(), Path(args.output), ref=args.ref, root=args.root, downloads=names, repo_url=args.repo_url)
    count = len(site.paragraph_pages)
    print(
        f"{args.output}/index.html: the editor's copy, {len(site.drafts)} released draft(s), {count} paragraph page(s)"
    )
    for note in site.notes:
        print(f"note: {note}")
    return 0
