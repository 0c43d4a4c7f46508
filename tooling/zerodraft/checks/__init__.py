"""The checks: small functions, each bound to a rule in :mod:`zerodraft.rules`.

A paragraph check takes ``(document, paragraph)``; a document check takes ``(document)``;
both yield :class:`~zerodraft.model.Problem`.  :func:`run` runs them all and returns every
problem, sorted by file and line.
"""

from __future__ import annotations

from zerodraft.checks import consensus, numbers, registry, text
from zerodraft.checks.registry import DOCUMENT_CHECKS, PARAGRAPH_CHECKS
from zerodraft.model import Document, Problem

__all__ = ["consensus", "numbers", "registry", "run", "text"]


def run(document: Document, only: set[str] | None = None) -> list[Problem]:
    """Every problem in ``document``; with ``only``, just those in these files."""
    problems: list[Problem] = []
    for check in DOCUMENT_CHECKS:
        problems.extend(check.func(document))
    for paragraph in document.paragraphs():
        if only is not None and paragraph.path not in only:
            continue
        for check in PARAGRAPH_CHECKS:
            problems.extend(check.func(document, paragraph))
    if only is not None:
        problems = [p for p in problems if p.path in only]
    return sorted(set(problems))
