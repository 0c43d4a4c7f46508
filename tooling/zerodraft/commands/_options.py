"""The options commands share, defined once so that they read the same in every command.

Each ``add_*`` function adds one option to a command's parser, with one spelling, one
metavar and one help text: ``--root DIR``, ``--ref REF``, ``-o/--output``, a report's
``--format {text,json,github}``, a render ``--format LIST`` (with ``all`` and ``none``),
``--date YYYY-MM-DD``.  :func:`add_renamed` keeps an old spelling working for one release,
with a note on standard error saying what it is called now.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from zerodraft.errors import Fatal

ROOT = "outcome"
"""The document folder, unless ``--root`` says otherwise."""

REPORT_FORMATS = ("text", "json", "github")
"""How a report can be printed: for people, for programs, or as GitHub Actions annotations."""


def add_root(parser: argparse.ArgumentParser) -> None:
    """``--root DIR``: the document folder."""
    parser.add_argument("--root", default=ROOT, metavar="DIR", help=f"the document folder (default: {ROOT})")


def add_language(parser: argparse.ArgumentParser, what: str) -> None:
    """``--language TAG``: a language version of the document (docs/languages.md)."""
    parser.add_argument("--language", metavar="TAG", help=f"{what} (a language code: fr, zh, ar …; docs/languages.md)")


def add_ref(parser: argparse.ArgumentParser, what: str, *, default: str | None = None) -> None:
    """``--ref REF``: a commit, tag or branch to read instead of the working tree."""
    shown = f" (default: {default})" if default else ""
    parser.add_argument("--ref", default=default, metavar="REF", help=f"{what}{shown}")


def add_output(parser: argparse.ArgumentParser, what: str, *, folder: bool = False, default: str | None = None) -> None:
    """``-o/--output FILE`` (or ``DIR``): where the result goes."""
    shown = f" (default: {default})" if default else ""
    parser.add_argument("-o", "--output", default=default, metavar="DIR" if folder else "FILE", help=f"{what}{shown}")


def add_report_format(parser: argparse.ArgumentParser, choices: Sequence[str] = ("text", "json")) -> None:
    """``--format``: how a report is printed (a subset of :data:`REPORT_FORMATS`)."""
    unknown = [c for c in choices if c not in REPORT_FORMATS]
    if unknown:  # pragma: no cover - a programming error, caught by the command reference test
        raise ValueError(f"not report formats: {unknown}")
    meanings = {"text": "for people", "json": "for programs", "github": "GitHub Actions annotations"}
    parser.add_argument(
        "--format",
        choices=tuple(choices),
        default="text",
        help="how to print the report: " + ", ".join(f"{c} ({meanings[c]})" for c in choices) + " (default: text)",
    )


def add_render_formats(
    parser: argparse.ArgumentParser, known: Iterable[str], *, what: str, default: str = "all"
) -> None:
    """``--format LIST``: the formats to render, comma-separated, ``all`` or ``none``."""
    parser.add_argument(
        "--format",
        default=default,
        metavar="LIST",
        help=f"{what}, comma-separated: {','.join(known)}; all or none (default: {default})",
    )


def format_list(value: str, known: Sequence[str], *, what: str = "format") -> list[str]:
    """The formats named in a ``--format LIST`` value: ``all`` is every one of ``known`` (in
    their order), ``none`` is none; :class:`Fatal` for an unknown name or an empty list."""
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    if names == ["all"]:
        return list(known)
    if names == ["none"]:
        return []
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise Fatal(f"unknown {what} '{','.join(unknown) or value}'; choose from {','.join(known)}, all or none")
    return list(dict.fromkeys(names))


def add_date(parser: argparse.ArgumentParser, what: str) -> None:
    """``--date YYYY-MM-DD``; read it with :func:`date`."""
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=what)


def date(text: str | None) -> dt.date | None:
    """The day a ``--date`` names (``None`` when it was not given); :class:`Fatal` otherwise."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Fatal(f"'{text}' is not a date like 2021-07-19") from None


class _Renamed(argparse.Action):
    """An old spelling of an option: does what the new one does, and says it was renamed."""

    def __init__(self, option_strings: Sequence[str], dest: str, *, new: str, **kwargs: Any) -> None:
        self.new = new
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(
            f"{parser.prog}: {option_string} is now {self.new}; the old spelling will be removed in the next release",
            file=sys.stderr,
        )
        setattr(namespace, self.dest, self.const if values is None else values)


def add_renamed(
    parser: argparse.ArgumentParser, old: str, new: str, dest: str, *, nargs: str | None = None, const: Any = None
) -> None:
    """Accept ``old`` as a hidden spelling of ``new`` (which stores into ``dest``) for one release."""
    parser.add_argument(
        old,
        dest=dest,
        action=_Renamed,
        new=new,
        nargs=nargs,
        const=const,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


def renamed_value(value: str, renames: dict[str, str], option: str, prog: str) -> str:
    """A value given in its old spelling (``--format word``) as its new one (``docx``), with a note."""
    if value in renames:
        print(
            f"{prog}: {option} {value} is now {option} {renames[value]}; the old spelling will be removed "
            "in the next release",
            file=sys.stderr,
        )
        return renames[value]
    return value
