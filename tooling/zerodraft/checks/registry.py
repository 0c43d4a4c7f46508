r"""Binding check functions to rules: ``@paragraph_check("ZD301")``.

A check says where and what (:class:`Finding`, made with :func:`at` for a line of a
paragraph's text); the registry attaches the code of the rule the check is bound to, so a
check never retypes it.  Checks written before this (in ``numbers``, ``consensus``,
``structure``, ``references`` and the languages) still yield whole :class:`Problem`\ s with
their code; :func:`attach` passes those through.

What a paragraph check may read: its paragraph, the other paragraphs of the same top-level
part (the alternatives beside it, a bracket carried from one paragraph to a later one), the
configuration (``document.config``, ``document.roster``) and ``document.root`` — nothing else
of the document.  ``pr-check`` runs the paragraph checks only in the parts a pull request
changes, and the check's cache (:mod:`zerodraft.cache`) keeps their findings by part, on this
promise; ``tests/test_cache.py`` tries it on random edits.  A rule that needs more of the
document is a document check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from zerodraft.model import Document, Paragraph, Problem
from zerodraft.rules import BY_CODE, Rule


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found: where and what, without the code (the registry knows it)."""

    path: str
    """The file, relative to the repository root."""
    line: int
    """The line of the file (1-based)."""
    message: str
    """What is wrong and what to do, in plain words."""


ParagraphFunc = Callable[[Document, Paragraph], Iterable[Problem | Finding]]
DocumentFunc = Callable[[Document], Iterable[Problem | Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    """A check function and the rule it enforces."""

    rule: Rule
    """The rule it enforces (its code goes on every finding)."""
    func: Any
    """The function: ``(document, paragraph)`` or ``(document)`` to findings."""

    def attach(self, found: Problem | Finding) -> Problem:
        """The problem a finding of this check is: the rule's code attached."""
        if isinstance(found, Problem):
            return found
        return Problem(found.path, found.line, self.rule.code, found.message)


PARAGRAPH_CHECKS: list[Check] = []
DOCUMENT_CHECKS: list[Check] = []


def paragraph_check(code: str) -> Callable[[ParagraphFunc], ParagraphFunc]:
    """Register a per-paragraph check for the rule ``code``."""

    def register(func: ParagraphFunc) -> ParagraphFunc:
        PARAGRAPH_CHECKS.append(Check(BY_CODE[code], func))
        return func

    return register


def document_check(code: str) -> Callable[[DocumentFunc], DocumentFunc]:
    """Register a whole-document check for the rule ``code``."""

    def register(func: DocumentFunc) -> DocumentFunc:
        DOCUMENT_CHECKS.append(Check(BY_CODE[code], func))
        return func

    return register


def part_of(path: str, root: str) -> str:
    """The top-level part (``outcome/02-b-cooperation``) a file under ``root`` is in: as far
    as a paragraph check may read (see above)."""
    end = path.find("/", len(root) + 1)
    return path if end == -1 else path[:end]


def at(paragraph: Paragraph, offset_line: int, message: str) -> Finding:
    """A finding at line ``offset_line`` (1-based) of the paragraph's text."""
    return Finding(paragraph.path, paragraph.text_line + offset_line - 1, message)


def problem(paragraph: Paragraph, offset_line: int, code: str, message: str) -> Problem:
    """A problem at line ``offset_line`` (1-based) of the paragraph's text."""
    return Problem(paragraph.path, paragraph.text_line + offset_line - 1, code, message)
