"""The checks: small functions, each bound to a rule in :mod:`zerodraft.rules`.

A paragraph check takes ``(document, paragraph)``; a document check takes ``(document)``;
both yield :class:`~zerodraft.model.Problem`.  :func:`run` runs them all and returns every
problem, sorted by file and line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zerodraft import cache, parallel
from zerodraft.checks import asprinted, consensus, numbers, references, registry, structure, text
from zerodraft.checks.registry import DOCUMENT_CHECKS, PARAGRAPH_CHECKS, part_of
from zerodraft.languages import checks as languages
from zerodraft.languages import records
from zerodraft.model import Document, Paragraph, Problem

#: What a proposal may leave for others to follow up, written with a warning instead of refused:
#: a reference to a paragraph it deletes (ZD702), the translations an amendment makes stale and
#: those a new paragraph does not have yet (ZD442, ZD441; the translators follow, docs/languages.md).
FOLLOW_UPS = references.LEFT_DANGLING | records.FOLLOW_UPS

__all__ = [
    "FOLLOW_UPS",
    "Recall",
    "consensus",
    "languages",
    "numbers",
    "part_of",
    "references",
    "registry",
    "run",
    "structure",
    "text",
]


@dataclass(frozen=True, slots=True)
class Recall:
    """Where the paragraph checks' findings in each top-level part of one document are kept."""

    memo: cache.Memo
    """The memo that keeps them."""
    parts: Mapping[str, str]
    """Each top-level part (``outcome/02-b-cooperation``) → the key of its findings
    (:func:`zerodraft.cache.part_key`: the part's files, the configuration and the folder)."""


def run(
    document: Document, only: set[str] | None = None, parts: set[str] | None = None, recall: Recall | None = None
) -> list[Problem]:
    """Every problem in ``document``; with ``only``, just those in these files.

    With ``parts``, the paragraph checks run only on the paragraphs of these top-level parts
    (``outcome/02-b-cooperation``; the document checks still run on the whole): a paragraph
    check reads only its part and the configuration (:mod:`zerodraft.checks.registry`), so
    a change that leaves a part and the configuration alone leaves the paragraph checks'
    findings there as they were.  With ``recall``, the findings of a part whose files and
    configuration are the same as when they were kept are taken from its memo."""
    problems: list[Problem] = []
    for check in DOCUMENT_CHECKS:
        problems.extend(check.attach(found) for found in check.func(document))
    targets = [
        p
        for p in document.paragraphs()
        if (only is None or p.path in only) and (parts is None or part_of(p.path, document.root) in parts)
    ]
    if recall is not None and only is None:
        found = _recalled(document, targets, recall)
    else:
        found = parallel.split_map(lambda chunk: _check_paragraphs(document, chunk), targets)
    problems.extend(Problem(*fields) for fields in found)
    if only is not None:
        problems = [p for p in problems if p.path in only]
    return asprinted.excuse(document, sorted(set(problems)))


def _recalled(document: Document, targets: Sequence[Paragraph], recall: Recall) -> list[cache.Finding]:
    """The paragraph checks' findings on ``targets``, part by part: kept, or found and kept."""
    by_part: dict[str, list[Paragraph]] = defaultdict(list)
    for paragraph in targets:
        by_part[part_of(paragraph.path, document.root)].append(paragraph)
    found: list[cache.Finding] = []
    todo: list[Paragraph] = []
    for part, paragraphs in by_part.items():
        key = recall.parts.get(part)
        kept = recall.memo.part(key) if key is not None else None
        if kept is not None and all(isinstance(f, tuple) and len(f) == 4 for f in kept):
            found.extend(kept)
        else:
            todo.extend(paragraphs)
    each = parallel.split_map(lambda chunk: [_check_paragraphs(document, [p]) for p in chunk], todo)
    fresh: dict[str, list[cache.Finding]] = defaultdict(list)
    for paragraph, findings in zip(todo, each, strict=True):
        fresh[part_of(paragraph.path, document.root)].extend(tuple(f) for f in findings)
    for part, findings in fresh.items():
        key = recall.parts.get(part)
        if key is not None:
            recall.memo.remember_part(key, findings)
        found.extend(findings)
    return found


def _check_paragraphs(document: Document, paragraphs: Sequence[Paragraph]) -> list[tuple[str, int, str, str]]:
    # Plain tuples, so that the work can be shared with another process (zerodraft.parallel).
    return [
        (problem.path, problem.line, problem.code, problem.message)
        for paragraph in paragraphs
        for check in PARAGRAPH_CHECKS
        for problem in map(check.attach, check.func(document, paragraph))
    ]
