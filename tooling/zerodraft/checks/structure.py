"""Checks on the document's structure: articles, annexes and option blocks."""

from __future__ import annotations

from collections.abc import Iterator

from zerodraft import numbering
from zerodraft.checks.registry import document_check
from zerodraft.model import Document, Problem, Section, SectionKind

SECTION_FILE = "section.yaml"


def _number(section: Section) -> numbering.Number | None:
    """An article's number as a sequence number (``54 ter``), or ``None`` if it is not one."""
    return numbering.parse(section.number) if section.number else None


@document_check("ZD210")
def articles_in_sequence(document: Document) -> Iterator[Problem]:
    for articles in document.article_runs():
        seen: dict[numbering.Number, Section] = {}
        previous = 0
        for article in articles:
            number = _number(article)
            if number is None or number.point or not article.number[0].isdigit():
                continue
            where = f"{article.path}/{SECTION_FILE}"
            if number in seen:
                yield Problem(
                    where, 1, "ZD210", f"Article {article.number} is numbered twice (also {seen[number].path})"
                )
                continue
            seen[number] = article
            if number.rank == 0 and number.base > previous + 1:
                missing = (
                    f"Article {previous + 1}"
                    if number.base == previous + 2
                    else f"Articles {previous + 1} and {number.base - 1}"
                    if number.base == previous + 3
                    else f"Articles {previous + 1} to {number.base - 1}"
                )
                yield Problem(
                    where,
                    1,
                    "ZD210",
                    f"article numbers jump to {number.base}: {missing} missing; articles run 1, 2, 3 …",
                )
            if number.rank > 0 and numbering.Number(number.base, number.rank - 1) not in seen:
                before = numbering.Number(number.base, number.rank - 1).label()
                yield Problem(where, 1, "ZD210", f"Article {article.number} must come after Article {before}")
            previous = max(previous, number.base)


@document_check("ZD211")
def article_folder_named_by_number(document: Document) -> Iterator[Problem]:
    for section in document.walk():
        if section.kind is not SectionKind.ARTICLE:
            continue
        number = _number(section)
        if number is None or number.point:
            continue
        prefix = section.key.split("-", 1)[0]
        if numbering.from_order(prefix) != number:
            good = number.order_prefix(max(2, len(prefix.rstrip("abcdefghijklmnopqrstuvwxyz"))))
            yield Problem(
                f"{section.path}/{SECTION_FILE}",
                1,
                "ZD211",
                f"is Article {section.number}, so its folder's order number should be '{good}' "
                f"(like '{good}-article-{section.number.replace(' ', '-').lower()}'), not '{prefix}'",
            )


@document_check("ZD506")
def options_hold_options(document: Document) -> Iterator[Problem]:
    for section in document.walk():
        parent = document.parent_of(section)
        where = f"{section.path}/{SECTION_FILE}"
        if section.kind is SectionKind.OPTION and (parent is None or parent.kind is not SectionKind.OPTIONS):
            yield Problem(
                where, 1, "ZD506", "is an option, so it belongs in an option block (a folder with 'kind: options')"
            )
        if section.kind is SectionKind.OPTIONS:
            if section.paragraphs:
                yield Problem(
                    section.paragraphs[0].path,
                    1,
                    "ZD506",
                    "an option block holds only its options (folders with 'kind: option'); "
                    "move this paragraph into one of them",
                )
            for sub in section.subsections:
                if sub.kind is not SectionKind.OPTION:
                    yield Problem(
                        f"{sub.path}/{SECTION_FILE}",
                        1,
                        "ZD506",
                        "stands in an option block, so it must be an option ('kind: option', 'number: \"1\"')",
                    )
