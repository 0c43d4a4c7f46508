"""Checks on internal references: each points at something that exists, is not deleted,
and is not ambiguous (:mod:`zerodraft.references`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from zerodraft import marks
from zerodraft.checks.registry import document_check
from zerodraft.model import Document, Problem
from zerodraft.references.resolve import Index, Resolution, Resolved, Status, address
from zerodraft.vocabulary import Role

LEFT_DANGLING = frozenset({"ZD702"})
"""Codes that ``zerodraft propose`` prints as a warning and then writes the proposal: a
deletion that leaves another paragraph's reference pointing at a deleted paragraph."""


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved reference and where it is written."""

    resolved: Resolved
    """The reference with its targets."""
    path: str
    """The file: the paragraph, or the section.yaml of a heading."""
    line: int
    """The line of that file."""
    where: str
    """Who refers, in words: "paragraph 30", "the heading of 02-b-…"."""


_CACHE: list[tuple[Document, tuple[_Found, ...]]] = []


def _everything(document: Document) -> Iterator[_Found]:
    index = Index(document)
    for paragraph in document.paragraphs():
        if paragraph.role is Role.DELETED:
            continue  # it leaves at the release, and its references with it
        for resolved in index.references(paragraph):
            line = paragraph.text_line + marks.position(paragraph.text, resolved.reference.start).line - 1
            yield _Found(resolved, paragraph.path, line, f"paragraph {paragraph.label}")
    for section in document.walk():
        for resolved in index.in_heading(section, section.heading):
            yield _Found(resolved, f"{section.path}/section.yaml", 1, f"the heading of {section.key}")


def _with(document: Document, status: Status) -> Iterator[tuple[_Found, Resolution]]:
    """Each target of ``status`` in ``document``, with its reference; the document's
    references are resolved once for the three checks."""
    if not _CACHE or _CACHE[0][0] is not document:
        _CACHE[:] = [(document, tuple(_everything(document)))]
    for found in _CACHE[0][1]:
        for resolution in found.resolved.resolutions:
            if resolution.status is status:
                yield found, resolution


def _report(found: _Found, code: str, message: str) -> Problem:
    return Problem(found.path, found.line, code, f"{found.where} {message}")


@document_check("ZD701")
def references_exist(document: Document) -> Iterator[Problem]:
    for found, resolution in _with(document, Status.MISSING):
        target = resolution.target.describe()
        yield _report(
            found,
            "ZD701",
            f"refers to {target} ('{found.resolved.reference.written}'), which is not in the document: correct the reference",
        )


@document_check("ZD702")
def references_not_deleted(document: Document) -> Iterator[Problem]:
    for found, resolution in _with(document, Status.DELETED):
        target = resolution.target.describe()
        yield _report(
            found,
            "ZD702",
            f"refers to {target} ('{found.resolved.reference.written}'), which is labelled deleted and leaves at the "
            f"next release: change or remove the reference, or keep {target}",
        )


@document_check("ZD703")
def references_unambiguous(document: Document) -> Iterator[Problem]:
    for found, resolution in _with(document, Status.AMBIGUOUS):
        places, example = _which(document, resolution)
        yield _report(
            found,
            "ZD703",
            f"refers to {resolution.target.describe()} ('{found.resolved.reference.written}'), which could mean more "
            f"than one place ({places}): say which, {example}",
        )


def _which(document: Document, resolution: Resolution) -> tuple[str, str]:
    """The places an ambiguous reference could mean, as printed ("'1. Assistance' in section
    B"), and how to name one ("e.g. 'section 1 of section B'")."""
    places, examples = [], []
    for path in resolution.candidates[:4]:
        section = document.section_at(path)
        holder = document.parent_of(section) if section is not None else document.section_at(path.rpartition("/")[0])
        place = f"'{section.heading[:60]}'" if section is not None and section.heading else path
        named = address(holder) if holder is not None else None
        if named is not None:
            place += f" in {named[0].value} {named[1]}"
            examples.append(f"'{resolution.target.describe()} of {named[0].value} {named[1]}'")
        places.append(place)
    example = f"e.g. {examples[0]}" if examples else "naming the part, article or annex it is in"
    return ", ".join(places), example
