"""``zerodraft diff OLD [NEW]``: the redline between two drafts.

``OLD`` and ``NEW`` are refs (``draft-2``, ``main``, a commit) or ``WORKTREE`` for the files on
disk; without ``NEW`` the working tree is compared.  Paragraphs are paired by stable id, so
renumbering is not a change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from zerodraft import redline
from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.model import Document
from zerodraft.output import write_atomically
from zerodraft.reader import read

WORKTREE = "WORKTREE"
FORMATS = ("md", "json", "html", "docx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old", metavar="OLD", nargs="?", help="the earlier draft: a tag (draft-2), branch, commit, or WORKTREE"
    )
    parser.add_argument(
        "new", metavar="NEW", nargs="?", default=WORKTREE, help="the later draft (default: the working tree)"
    )
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    _options.add_output(parser, "write the redline to FILE (required for docx)")
    parser.add_argument("--author", default="Chair", help="author of the tracked changes in docx (default: Chair)")
    _options.add_date(parser, "the date of the tracked changes in docx (default: now)")
    parser.add_argument(
        "--changes-only",
        action="store_true",
        help="leave out paragraphs that did not change (md, json, html; a Word redline is always whole)",
    )
    _options.add_language(parser, "the redline of this language version (both drafts must keep it)")
    parser.add_argument(
        "--translation",
        metavar="FILE",
        help="instead: what changed in the original since this translation (018.fr.md) was made (docs/languages.md)",
    )
    _options.add_root(parser)


def run(args: argparse.Namespace) -> int:
    if args.translation:
        from zerodraft.languages import since

        sys.stdout.write(since.report(Repository(Path.cwd()), args.translation, args.root))
        return 0
    if args.old is None:
        raise Fatal("say which draft to compare with (OLD, like draft-2), or give --translation FILE")
    if args.format == "docx" and not args.output:
        raise Fatal("a Word redline is a file: say where to write it with -o FILE.docx")
    when = _date(args.date)
    repository = Repository(Path.cwd())
    old, old_name = load(repository, args.old, args.root)
    new, new_name = load(repository, args.new, args.root)
    if args.language:
        from zerodraft.languages import version

        for document in (old, new):
            version.wanted(document, args.language)  # Fatal for a language a draft does not keep
        old, new = version.in_language(old, args.language), version.in_language(new, args.language)
        old_name, new_name = _in_language(old, old_name), _in_language(new, new_name)
    comparison = redline.compare(old, new, old_name, new_name)
    if args.changes_only:
        if args.format == "docx":
            raise Fatal("a Word redline is always whole, so that accepting every change gives the new draft")
        comparison = comparison.changes_only()
    data = render(comparison, args.format, author=args.author, date=when)
    if args.output:
        write_atomically(Path(args.output), data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
    return 0


def load(repository: Repository, ref: str, root: str) -> tuple[Document, str]:
    """The document at ``ref`` (``WORKTREE`` for the files on disk) and a name for it."""
    source = repository.tree(None if ref == WORKTREE else ref)
    document = read(source, root).document
    name = document.config.draft_name
    if ref != WORKTREE and _is_tag_of(ref, name):
        return document, name  # "Draft 3", not "Draft 3 (draft-3)"
    where = redline.word("", "working-tree") if ref == WORKTREE else ref
    return document, f"{name} ({where})"


def _in_language(document: Document, name: str) -> str:
    """``name`` (from :func:`load`) in the language of ``document``: "Projet 3 (la copie de
    travail)" for "Draft 3 (the working tree)"."""
    from zerodraft.languages import version

    english = document.config.draft_name
    tree = redline.word("", "working-tree")
    name = name.replace(f"({tree})", f"({redline.word(document.language, 'working-tree')})")
    return version.draft_name(document) + name[len(english) :] if name.startswith(english) else name


def _is_tag_of(ref: str, name: str) -> bool:
    """True when ``ref`` names the released draft ``name`` ("draft-3" or "Draft 3" for "Draft 3")."""
    from zerodraft.rounds.plan import tag_for

    try:
        return tag_for(name) in (ref, tag_for(ref))
    except Fatal:
        return False


def render(
    comparison: redline.Redline, fmt: str, *, author: str = "Chair", date: dt.datetime | None = None
) -> str | bytes:
    """The redline in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps(comparison.as_data(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        from zerodraft.redline import html

        return html.render(comparison)
    if fmt == "docx":
        from zerodraft.redline import docx

        return docx.render(comparison, author=author, date=date)
    from zerodraft.redline import markdown

    return markdown.render(comparison)


def _date(text: str | None) -> dt.datetime | None:
    day = _options.date(text)
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
