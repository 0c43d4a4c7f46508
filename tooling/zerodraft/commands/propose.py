"""``zerodraft propose KIND PARAGRAPH --delegation NAME``: make a proposal during a round
without knowing Git — insert a paragraph after another, amend, delete, add an alternative,
support or oppose — optionally committed on a new branch named after the delegation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zerodraft import checks
from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Repository, check_ref_name
from zerodraft.reader import read
from zerodraft.rounds.change import KINDS
from zerodraft.rounds.proposal import branch_name, commit_on_branch, new_problems, propose, write_files
from zerodraft.source import MemoryTree, WorkingTree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=f"one of: {', '.join(KINDS)}")
    parser.add_argument(
        "paragraph",
        metavar="PARAGRAPH",
        help="what the proposal is on: a paragraph (18, 18 bis, 'Article 7(2)', 'article 7, paragraph 2', 7.2, an id) "
        "or an article ('Article 5': insert-after makes Article 5 bis, delete labels its paragraphs deleted) "
        "or a Part, chapter, section, annex or appendix ('Part II', 'annex 2': insert-after makes Part II bis "
        "with the text as its first article's paragraph, delete labels every paragraph in it deleted)",
    )
    parser.add_argument("--delegation", required=True, help="who proposes: a name or code from delegations.yaml")
    parser.add_argument("--text", default="", help="the proposed text (insert-after, amend, alternative)")
    parser.add_argument(
        "--title", default="", help="the title of a new article or Part (insert-after 'Article 5', 'Part II')"
    )
    parser.add_argument(
        "--article-title",
        default="",
        help="the title of the first article of a new Part, chapter, section or annex (insert-after 'Part II')",
    )
    parser.add_argument("--text-file", metavar="FILE", help="read the proposed text from FILE ('-' for standard input)")
    parser.add_argument(
        "--new-branch",
        nargs="?",
        const="",
        metavar="NAME",
        help="commit the proposal on a new branch (default name: <delegation>/<kind>-<paragraph>)",
    )
    _options.add_renamed(parser, "--branch", "--new-branch", "new_branch", nargs="?", const="")
    parser.add_argument(
        "--reopen",
        action="store_true",
        help="amend or delete agreed text (for the facilitator or the secretariat only)",
    )
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    text = args.text
    if args.text_file:
        try:
            text = sys.stdin.read() if args.text_file == "-" else Path(args.text_file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise Fatal(f"{args.text_file} is not UTF-8 text; save it as UTF-8 and try again") from None
    repository = Repository(Path.cwd())
    source = WorkingTree(repository.root)
    files = source.read(e.path for e in source.entries(args.root) if e.kind == "file")
    before = read(MemoryTree(files), args.root)
    document = before.document
    decoded = {path: data.decode("utf-8", "replace") for path, data in files.items()}
    change = propose(
        document,
        decoded,
        args.kind,
        args.paragraph,
        args.delegation,
        text,
        reopen=args.reopen,
        title=args.title,
        article_title=args.article_title,
    )
    writes = change.writes()
    for write in writes:
        if write.created and write.path in files:
            raise Fatal(f"{write.path} exists already; nothing was written")
    planned = dict(files)
    planned.update((write.path, write.content.encode("utf-8")) for write in writes)
    problems = new_problems(files, planned, args.root)
    # a proposal to delete a paragraph that others refer to is legitimate: say so, and write it
    for problem in (p for p in problems if p.code in checks.FOLLOW_UPS):
        print(f"warning: {problem}", file=sys.stderr)
    problems = [p for p in problems if p.code not in checks.FOLLOW_UPS]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("the proposal was not written: fix the text and try again", file=sys.stderr)
        return 1
    if args.new_branch is not None:
        branch = check_ref_name(args.new_branch or branch_name(change.delegation, args.kind, change.number))
        commit_on_branch(repository, change, branch, args.root)
        print(f"{change.summary}: {change.path}, committed on the new branch {branch}; push it and open a pull request")
    else:
        write_files(repository.root, writes)
        more = f" (and {len(writes) - 1} more file{'s' * (len(writes) > 2)})" if len(writes) > 1 else ""
        print(f"{change.summary}: {'wrote' if change.created else 'changed'} {change.path}{more}")
    return 0
