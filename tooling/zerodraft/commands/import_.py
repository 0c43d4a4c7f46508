"""``zerodraft import SOURCE --into DIR``: bring the Chair's draft into the paragraph tree."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from zerodraft.commands import _options
from zerodraft.errors import Fatal
from zerodraft.importing import report, sourcefile, writer
from zerodraft.importing.reading import recognise
from zerodraft.importing.tree import Recognition
from zerodraft.output import write_atomically


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="the draft: text extracted from a PDF, Markdown, or .docx")
    parser.add_argument("--into", required=True, metavar="DIR", help="the document folder to create (e.g. outcome)")
    parser.add_argument(
        "--source-format", choices=sourcefile.FORMATS, help="the source's format (default: from its contents)"
    )
    _options.add_renamed(parser, "--format", "--source-format", "source_format")
    parser.add_argument("--force", action="store_true", help="replace DIR even if it is not empty")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be imported and what cannot be placed; write nothing"
    )
    _options.add_language(
        parser,
        "SOURCE is this language version of the document already in DIR: align it to its structure, beside the original",
    )
    parser.add_argument(
        "--layout",
        metavar="PDF",
        help="with --language: the translation's PDF, read only for where each title ends in a script without "
        "capitals (Chinese, Arabic: the title centred on its own line); its text is never copied",
    )
    parser.add_argument(
        "--accept-unplaced",
        action="store_true",
        help="no longer needed (kept so that old scripts run): every line is imported, guesses go to the report",
    )


def run(args: argparse.Namespace) -> int:
    if args.language:
        from zerodraft.languages import importer

        layout = Path(args.layout) if args.layout else None
        return importer.run(
            Path(args.source), args.language, args.into, force=args.force, dry_run=args.dry_run, layout=layout
        )
    if args.layout:
        raise Fatal("--layout goes with --language: it reads a translation's PDF for where its titles end")
    source = sourcefile.open_source(Path(args.source), args.source_format)
    recognition = recognise(source)
    document = recognition.document
    if not any(True for _ in document.paragraphs()) and not any(s.heading for s in document.sections):
        raise Fatal(f"found no text to import in '{args.source}' (only a title or masthead); is it a draft?")
    if args.accept_unplaced:
        print("note: --accept-unplaced is no longer needed: every line is imported, and what was guessed is reported")
    for problem in recognition.problems:
        print(problem)
    into = Path(args.into)
    total = sum(1 for _ in document.paragraphs())
    text = report.render(recognition, str(args.source), into)
    if args.dry_run:
        summary(recognition, into, total, verb="would import")
        print(text, end="")
        print("dry run: nothing was written")
        return 0
    with _progress_bar(total) as bar:
        written = writer.write(document, into, force=args.force, progress=bar)
    summary(recognition, into, len([w for w in written if w.endswith(".md")]))
    slips = writer.slips(into)
    if slips:
        text = report.render(recognition, str(args.source), into, slips)
        print(
            f"{len(slips)} slip{'s' * (len(slips) != 1)} of the source (references to parts it does not have, "
            "brackets it never closes) kept as printed: 'as-printed:' in document.yaml"
        )
    where = report.path(into)
    write_atomically(where, text)
    if recognition.guesses:
        print(
            f"{len(recognition.guesses)} guess{'es' * (len(recognition.guesses) != 1)} to check, each with its source line:"
        )
        for guess in recognition.guesses[:SHOWN]:
            print(f"  {args.source}:{guess.line}: {guess.what}")
        if len(recognition.guesses) > SHOWN:
            print(f"  … and {len(recognition.guesses) - SHOWN} more")
    print(f"import report: {where}")
    return 0


#: How many source lines of each kind of artefact the summary names.
SHOWN = 8
#: Imports with fewer paragraphs finish before a bar would be read.
PROGRESS_FROM = 500


@contextlib.contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[], None] | None]:
    """A progress bar (tqdm, on stderr) for long imports when stdout is a terminal."""
    if total < PROGRESS_FROM or not sys.stdout.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=" paragraphs", desc="writing", leave=False, file=sys.stderr) as bar:
        yield lambda: bar.update()


def summary(recognition: Recognition, into: Path, paragraphs: int, verb: str = "imported") -> None:
    document = recognition.document
    sections = sum(1 for top in document.sections for _ in top.walk())
    print(
        f"{verb} {paragraphs} paragraphs in {sections} sections into {into}/ "
        f"(numbering: {document.scheme}, preamble {'numbered' if document.preamble_numbered else 'unnumbered'})"
    )
    kinds: dict[str, list[int]] = {}
    for artefact in recognition.artefacts:
        kinds.setdefault(artefact.what, []).append(artefact.line)
    for what, lines in kinds.items():
        where = ", ".join(map(str, lines[:SHOWN])) + (" …" if len(lines) > SHOWN else "")
        print(f"removed {len(lines)} {what}{'s' * (len(lines) != 1)} (line{'s' * (len(lines) != 1)} {where})")
    for note in recognition.notes:
        print(note)
