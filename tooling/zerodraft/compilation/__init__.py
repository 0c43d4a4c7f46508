"""The compilation of pending proposals (``zerodraft compile``) and the formats it is
written in.

:mod:`~zerodraft.compilation.model` gathers the proposals from branches and pull requests
into a :class:`~zerodraft.compilation.model.Compilation`; one module per format turns it
into a file.  Each format module exposes ``EXTENSION``, ``MEDIA_TYPE`` and
``render(compilation) -> bytes``; :data:`FORMATS` is the registry, as in
:mod:`zerodraft.render`.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from zerodraft.compilation.model import Compilation
from zerodraft.errors import Fatal


class Renderer(Protocol):
    """What a format module provides."""

    EXTENSION: str
    """File suffix without the dot: ``html``."""
    MEDIA_TYPE: str
    """The IANA media type of the output."""

    def render(self, compilation: Compilation) -> bytes:
        """The whole file."""
        ...


#: format name -> module (python-docx is imported only when Word is asked for).
FORMATS: dict[str, str] = {
    "md": "zerodraft.compilation.md",
    "html": "zerodraft.compilation.html",
    "docx": "zerodraft.compilation.docx",
}


def renderer(name: str) -> Renderer:
    """The module for format ``name``; :class:`Fatal` for an unknown format."""
    if name not in FORMATS:
        raise Fatal(f"unknown format '{name}' (known: {', '.join(FORMATS)})")
    module: Renderer = importlib.import_module(FORMATS[name])
    return module
