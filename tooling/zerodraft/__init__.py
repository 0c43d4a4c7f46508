"""zerodraft: a negotiated outcome document kept in Git, one paragraph per file."""

from __future__ import annotations

__version__ = "0.1.0"
