"""Binding check functions to rules: ``@paragraph_check("ZD301")``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from zerodraft.model import Document, Paragraph, Problem
from zerodraft.rules import BY_CODE, Rule

ParagraphFunc = Callable[[Document, Paragraph], Iterable[Problem]]
DocumentFunc = Callable[[Document], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class Check:
    """A check function and the rule it enforces."""

    rule: Rule
    func: Any


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


def problem(paragraph: Paragraph, offset_line: int, code: str, message: str) -> Problem:
    """A problem at line ``offset_line`` (1-based) of the paragraph's text."""
    return Problem(paragraph.path, paragraph.text_line + offset_line - 1, code, message)
