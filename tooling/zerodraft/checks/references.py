"""Checks on internal references: each points at something that exists, is not deleted,
and is not ambiguous (:mod:`zerodraft.references`)."""

from __future__ import annotations

from collections.abc import Iterator

from zerodraft import marks
from zerodraft.checks.registry import document_check, problem
from zerodraft.model import Document, Problem
from zerodraft.references.resolve import Resolution, Resolved, Status, resolve_all

LEFT_DANGLING = frozenset({"ZD702"})
"""Codes that ``zerodraft propose`` prints as a warning and then writes the proposal: a
deletion that leaves another paragraph's reference pointing at a deleted paragraph."""

_CACHE: list[tuple[Document, tuple[Resolved, ...]]] = []


def _with(document: Document, status: Status) -> Iterator[tuple[Resolved, Resolution]]:
    """Each target of ``status`` in ``document``, with its reference; the document's
    references are resolved once for the three checks."""
    if not _CACHE or _CACHE[0][0] is not document:
        _CACHE[:] = [(document, tuple(resolve_all(document)))]
    for resolved in _CACHE[0][1]:
        for resolution in resolved.resolutions:
            if resolution.status is status:
                yield resolved, resolution


def _report(resolved: Resolved, code: str, message: str) -> Problem:
    paragraph = resolved.paragraph
    line = marks.position(paragraph.text, resolved.reference.start).line
    return problem(paragraph, line, code, f"paragraph {paragraph.label} {message}")


@document_check("ZD701")
def references_exist(document: Document) -> Iterator[Problem]:
    for resolved, resolution in _with(document, Status.MISSING):
        target = resolution.target.describe()
        yield _report(
            resolved,
            "ZD701",
            f"refers to {target} ('{resolved.reference.written}'), which is not in the document: correct the reference",
        )


@document_check("ZD702")
def references_not_deleted(document: Document) -> Iterator[Problem]:
    for resolved, resolution in _with(document, Status.DELETED):
        target = resolution.target.describe()
        yield _report(
            resolved,
            "ZD702",
            f"refers to {target} ('{resolved.reference.written}'), which is labelled deleted and leaves at the "
            f"next release: change or remove the reference, or keep {target}",
        )


@document_check("ZD703")
def references_unambiguous(document: Document) -> Iterator[Problem]:
    for resolved, resolution in _with(document, Status.AMBIGUOUS):
        places = ", ".join(resolution.candidates[:4])
        yield _report(
            resolved,
            "ZD703",
            f"refers to {resolution.target.describe()} ('{resolved.reference.written}'), which could mean more "
            f"than one place ({places}): say which, e.g. 'of this article' or 'of annex II'",
        )
