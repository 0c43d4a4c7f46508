"""Render a document into the formats delegates and tools read.

One module per format under ``zerodraft.render``; each exposes ``EXTENSION`` (the file
suffix), ``MEDIA_TYPE`` and ``render(draft: CompiledDraft) -> bytes``.  :data:`FORMATS`
is the registry: adding a format is adding a module and a line here.

:func:`build` compiles the document once, renders every requested format, and only then
moves the files into the output folder (atomically, one ``os.replace`` each), so a failure
leaves no half-written result and nothing is ever written outside ``out``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from zerodraft.errors import Fatal
from zerodraft.intake.identity import UNKNOWN, Origin
from zerodraft.model import Document, Problem
from zerodraft.output import Staged
from zerodraft.render.layout import CompiledDraft, lay_out


class Renderer(Protocol):
    """What a format module provides."""

    EXTENSION: str
    """File suffix without the dot: ``html``."""
    MEDIA_TYPE: str
    """The IANA media type of the output."""

    def render(self, draft: CompiledDraft) -> bytes:
        """The whole file."""
        ...


#: format name -> module; in the order ``--format all`` builds them.
FORMATS: dict[str, str] = {
    "md": "zerodraft.render.md",
    "txt": "zerodraft.render.txt",
    "html": "zerodraft.render.html",
    "docx": "zerodraft.render.docx",
    "pdf": "zerodraft.render.pdf",
    "akn": "zerodraft.render.akn",
    "json": "zerodraft.render.json",
}

_BASENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def renderer(name: str) -> Renderer:
    """The module for format ``name``; :class:`Fatal` for an unknown format."""
    if name not in FORMATS:
        raise Fatal(f"unknown format '{name}' (known: {', '.join(FORMATS)})")
    module: Renderer = importlib.import_module(FORMATS[name])
    return module


def default_basename(document: Document) -> str:
    """The file name stem for a draft: ``draft-2`` for "Draft 2"."""
    stem = re.sub(r"[^a-z0-9]+", "-", document.config.draft_name.casefold()).strip("-")
    return stem[:100] or "draft"


def build(
    document: Document,
    formats: Sequence[str],
    out: Path,
    *,
    problems: Sequence[Problem] = (),
    basename: str | None = None,
    header: str | None = None,
    origin: Origin = UNKNOWN,
) -> list[Path]:
    """Render ``document`` in each of ``formats`` into ``out/<basename>.<ext>``; return the
    paths written, in the order of ``formats``.

    ``problems`` (from ``zerodraft check``) are listed at the top of formats that can show
    them.  ``header`` heads an editor's copy in every format (:mod:`zerodraft.rounds.editors_copy`).
    ``basename`` defaults to the draft name (``draft-2``); it must be a plain file
    name; ``origin`` (the commit and tag read) is recorded in the Word file.  Raises
    :class:`Fatal` for an unknown format or a bad name; writes nothing then.
    """
    stem = default_basename(document) if basename is None else basename
    if not _BASENAME.match(stem) or ".." in stem:
        raise Fatal(f"'{stem}' cannot be a file name for the output; use letters, digits, '.', '-' and '_'")
    modules = [(name, renderer(name)) for name in dict.fromkeys(formats)]
    if not modules:
        raise Fatal("no format to build; choose from " + ", ".join(FORMATS))
    draft = lay_out(document, problems, header, origin)
    with Staged(out) as staged:
        for _name, module in modules:
            staged.write(f"{stem}.{module.EXTENSION}", module.render(draft))
    return staged.paths
