"""Reading markdown drafts (not yet supported)."""

from __future__ import annotations

from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.importing.blocks import Stream


def read(source: str | Path) -> Stream:
    """The blocks of a markdown draft."""
    raise Fatal("importing markdown is not supported yet; import the text extracted from the PDF")
