"""The ``zerodraft`` command: parse arguments, dispatch, and handle failure in one place.

Each subcommand lives in ``zerodraft/commands/<name>.py`` with two functions:
``add_arguments(parser)`` and ``run(args) -> int``.  Modules are imported only when their
command runs, so ``zerodraft check`` stays fast as a pre-commit hook.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from zerodraft import __version__
from zerodraft.errors import Fatal

#: name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("zerodraft.commands.check", "check the document for problems (numbering, labels, brackets …)"),
    "rules": ("zerodraft.commands.rules", "list every check code and what it means"),
    "help": ("zerodraft.commands.help", "what each command does and takes; --markdown for the whole reference"),
    "propose": (
        "zerodraft.commands.propose",
        "propose a change during a round: insert, amend, delete, alternative, support, oppose",
    ),
    "release": ("zerodraft.commands.release", "release a new draft: renumber, concordance, commit, tag, artefacts"),
    "drafts": ("zerodraft.commands.drafts", "list the released drafts with their dates and paragraph counts"),
    "history": ("zerodraft.commands.history", "every change to one paragraph across commits and drafts"),
    "diff": ("zerodraft.commands.diff", "compare two drafts: a redline by paragraph and word (md, json, html, docx)"),
    "build": ("zerodraft.commands.build", "render the draft as md, txt, html, docx, pdf, akn or json"),
    "pr-check": ("zerodraft.commands.pr_check", "may this login's pull request be merged? (the delegation policy)"),
    "compile": ("zerodraft.commands.compile", "the compilation of pending proposals, paragraph by paragraph"),
    "labels": ("zerodraft.commands.labels", "the repository's issue labels as JSON or YAML, for gh label create"),
    "codeowners": ("zerodraft.commands.codeowners", "print .github/CODEOWNERS from document.yaml, or --check it"),
    "github": (
        "zerodraft.commands.github",
        "the base branch's protection (required checks, reviews) as JSON for gh api",
    ),
    "status": ("zerodraft.commands.status", "the consensus dashboard: paragraphs by label per agenda item"),
    "site": ("zerodraft.commands.site", "the static web site: editor's copy, drafts, redlines, histories, dashboard"),
    "intake": (
        "zerodraft.commands.intake",
        "a delegation's edited Word copy of the draft becomes its proposals (a branch ready to push)",
    ),
    "import": (
        "zerodraft.commands.import_",
        "import the Chair's draft (text from a PDF, Markdown, .docx) as a document folder",
    ),
}


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; with ``only``, the options of that command
    alone are loaded (the others' modules are not even imported), so every command starts as
    fast as it can however many commands there are."""
    top = argparse.ArgumentParser(
        prog="zerodraft",
        description="Negotiate an outcome document in Git: one paragraph per file.",
    )
    top.add_argument("--version", action="version", version=f"zerodraft {__version__}")
    top.add_argument("-C", dest="directory", metavar="DIR", help="run as if started in DIR")
    subs = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        sub = subs.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            importlib.import_module(module).add_arguments(sub)
    return top


def _here() -> int | None:
    """A handle on the current folder, to come back to (``None`` if it cannot be opened)."""
    try:
        return os.open(".", os.O_RDONLY)
    except OSError:
        return None


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv``, if it is a known one."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "-C":
            skip = True
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 ok, 1 problems found, 2 could not run)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(_command(argv)).parse_args(argv)
    # -C changes the folder for this command only: called as a library, main() puts it back.
    home = _here() if args.directory else None
    try:
        if args.directory:
            os.chdir(args.directory)
        module = importlib.import_module(COMMANDS[args.command][0])
        return int(module.run(args))
    except Fatal as error:
        print(f"zerodraft {args.command}: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"zerodraft {args.command}: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        print(
            f"zerodraft {args.command}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 2
    except Exception as error:  # a bug: say so plainly, keep the details for the report
        print(
            f"zerodraft {args.command}: internal error, please report it: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        if os.environ.get("ZERODRAFT_DEBUG"):
            traceback.print_exc()
        return 3
    finally:
        if home is not None:
            os.fchdir(home)
            os.close(home)
