"""Reading docx drafts (not yet supported)."""

from __future__ import annotations

from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.importing.blocks import Stream


def read(source: str | Path) -> Stream:
    """The blocks of a docx draft."""
    raise Fatal("importing docx is not supported yet; import the text extracted from the PDF")
