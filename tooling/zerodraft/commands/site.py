"""``zerodraft site [-o site/] [--ref HEAD] [--downloads docx,pdf,akn]``: the negotiation as a
static web site — home with the dashboard, the editor's copy, every released draft, the
redlines, a page per paragraph, and the drafts' Word, PDF and Akoma Ntoso files."""

from __future__ import annotations

import argparse
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.site import DOWNLOADS, build


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _options.add_output(parser, "the folder the site is written into", folder=True, default="site")
    _options.add_ref(parser, "a commit, tag or branch to show as the editor's copy", default="HEAD")
    _options.add_root(parser)
    parser.add_argument(
        "--downloads",
        default=",".join(DOWNLOADS),
        metavar="LIST",
        help=f"files to offer for each draft: {','.join(DOWNLOADS)} or none (default: all)",
    )
    parser.add_argument(
        "--artefacts",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder holding released drafts' files (release -o, or downloaded from the releases), "
        "searched recursively; a file is reused only if its release's record proves it (may be repeated)",
    )
    parser.add_argument("--repo-url", default="", help="https:// address of the repository, to link each commit")


def run(args: argparse.Namespace) -> int:
    if args.ref.startswith("-"):
        raise Fatal(f"'{args.ref}' is not a valid ref name (a tag, branch or commit id)")
    names = _options.format_list(args.downloads, list(DOWNLOADS), what="download format")
    site = build(
        Path.cwd(),
        Path(args.output),
        ref=args.ref,
        root=args.root,
        downloads=names,
        repo_url=args.repo_url,
        artefact_folders=[Path(folder) for folder in args.artefacts],
    )
    count = len(site.paragraph_pages)
    print(
        f"{args.output}/index.html: the editor's copy, {len(site.drafts)} released draft(s), {count} paragraph page(s)"
    )
    for note in site.notes:
        print(f"note: {note}")
    return 0
