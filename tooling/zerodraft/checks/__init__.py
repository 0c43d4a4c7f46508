"""The checks: small functions, each bound to a rule in :mod:`zerodraft.rules`.

A paragraph check takes ``(document, paragraph)``; a document check takes ``(document)``;
both yield :class:`~zerodraft.model.Problem`.  :func:`run` runs them all and returns every
problem, sorted by file and line.
"""

from __future__ import annotations

from collections.abc import Sequence

from zerodraft import parallel
from zerodraft.checks import consensus, numbers, references, registry, structure, text
from zerodraft.checks.registry import DOCUMENT_CHECKS, PARAGRAPH_CHECKS
from zerodraft.languages import checks as languages
from zerodraft.languages import records
from zerodraft.model import Document, Paragraph, Problem

#: What a proposal may leave for others to follow up, written with a warning instead of refused:
#: a reference to a paragraph it deletes (ZD702), the translations an amendment makes stale and
#: those a new paragraph does not have yet (ZD442, ZD441; the translators follow, docs/languages.md).
FOLLOW_UPS = references.LEFT_DANGLING | records.FOLLOW_UPS

__all__ = ["FOLLOW_UPS", "consensus", "languages", "numbers", "references", "registry", "run", "structure", "text"]


def run(document: Document, only: set[str] | None = None, folders: set[str] | None = None) -> list[Problem]:
    """Every problem in ``document``; with ``only``, just those in these files.

    With ``folders``, the paragraph checks run only on the paragraphs of these folders (the
    document checks still run on the whole): a paragraph check reads its paragraph, the
    alternatives beside it and the configuration, so a change that leaves a folder and the
    configuration alone leaves the paragraph checks' findings there as they were."""
    problems: list[Problem] = []
    for check in DOCUMENT_CHECKS:
        problems.extend(check.attach(found) for found in check.func(document))
    targets = [
        p
        for p in document.paragraphs()
        if (only is None or p.path in only) and (folders is None or p.path.rsplit("/", 1)[0] in folders)
    ]
    found = parallel.split_map(lambda chunk: _check_paragraphs(document, chunk), targets)
    problems.extend(Problem(*fields) for fields in found)
    if only is not None:
        problems = [p for p in problems if p.path in only]
    return sorted(set(problems))


def _check_paragraphs(document: Document, paragraphs: Sequence[Paragraph]) -> list[tuple[str, int, str, str]]:
    # Plain tuples, so that the work can be shared with another process (zerodraft.parallel).
    return [
        (problem.path, problem.line, problem.code, problem.message)
        for paragraph in paragraphs
        for check in PARAGRAPH_CHECKS
        for problem in map(check.attach, check.func(document, paragraph))
    ]
