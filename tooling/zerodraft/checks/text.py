"""Checks on the words: brackets, subparagraphs, footnotes, empty text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from zerodraft import marks
from zerodraft.checks.registry import Finding, at, paragraph_check, part_of
from zerodraft.model import Document, Paragraph
from zerodraft.vocabulary import Role

#: Deeply nested brackets are legal but a sign of damage; report at most this many.
MAX_REPORTED = 5


@paragraph_check("ZD401")
def brackets_balanced(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    carried = _carried(document, part_of(paragraph.path, document.root))
    stray = [(c, o) for c, o in marks.unbalanced_brackets(paragraph.text) if (paragraph.path, o) not in carried]
    for char, offset in stray[:MAX_REPORTED]:
        where = marks.position(paragraph.text, offset)
        partner = "closing ']'" if char == "[" else "opening '['"
        yield at(
            paragraph,
            where.line,
            f"unmatched '{char}' at column {where.column} of paragraph {paragraph.label}: "
            f"add its {partner} or remove it",
        )
    if len(stray) > MAX_REPORTED:
        yield at(paragraph, 1, f"{len(stray) - MAX_REPORTED} more unmatched brackets")


_CARRIED: list[tuple[Document, dict[str, frozenset[tuple[str, int]]]]] = []


def _carried(document: Document, part: str) -> frozenset[tuple[str, int]]:
    """The brackets that open in one paragraph and close in a later one of the same
    top-level part ``part``, in reading order — how negotiating texts bracket a run of
    paragraphs or whole articles ("[" before the preamble's first words, "]" after Article
    26), also from a section's heading ("A. [[Preamble]" … ":]]") — as (path, offset) pairs; they are balanced, not stray.  Alternatives (006alt.md)
    stand on their own.  Worked out once per part of a document, and only for the parts
    checked (pr-check checks those a pull request changes)."""
    if not _CARRIED or _CARRIED[0][0] is not document:
        _CARRIED[:] = [(document, {})]
    known = _CARRIED[0][1]
    if part in known:
        return known[part]
    carried: set[tuple[str, int]] = set()
    for top in document.sections:
        if top.path != part:
            continue
        open_: list[tuple[str, int]] = []
        for section in top.walk():
            # a heading can open the bracket its part's last paragraph closes ("A. [[Preamble]" … ":]]")
            texts = [(f"{section.path}/section.yaml", section.heading)]
            texts += [(p.path, p.text) for p in section.paragraphs if not p.number.is_alternative]
            for path, text in texts:
                for char, offset in sorted(marks.unbalanced_brackets(text), key=lambda s: s[1]):
                    if char == "[":
                        open_.append((path, offset))
                    elif open_ and open_[-1][0] != path:
                        carried.update((open_.pop(), (path, offset)))
    known[part] = frozenset(carried)
    return known[part]


@paragraph_check("ZD402")
def subparagraphs_in_sequence(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    for found, expected, offset in marks.subparagraph_gaps(paragraph.text)[:MAX_REPORTED]:
        where = marks.position(paragraph.text, offset)
        yield at(
            paragraph,
            where.line,
            f"subparagraph ({found}) where ({expected}) was expected; reletter the subparagraphs",
        )


@paragraph_check("ZD403")
def footnotes_defined(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    refs, defs = marks.footnotes(paragraph.text)
    defined = {label for label, _ in defs}
    for label, offset in refs:
        if label not in defined:
            where = marks.position(paragraph.text, offset)
            yield at(
                paragraph,
                where.line,
                f"footnote [^{label}] has no text; add a line '[^{label}]: …' at the end",
            )


@paragraph_check("ZD404")
def footnotes_used(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    refs, defs = marks.footnotes(paragraph.text)
    used = {label for label, _ in refs}
    for label, offset in defs:
        if label not in used:
            where = marks.position(paragraph.text, offset)
            yield at(
                paragraph,
                where.line,
                f"footnote [^{label}] is defined but never referred to; add [^{label}] to the text or remove it",
            )


@paragraph_check("ZD405")
def has_text(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    if paragraph.role is not Role.DELETED and paragraph.id and not paragraph.text.strip():
        yield at(paragraph, 1, f"paragraph {paragraph.label} has no text; write it below the '---' line")


def _markup_problems(paragraph: Paragraph, say: Callable[[marks.Markup], str | None]) -> Iterator[Finding]:
    """A finding for each piece of markup that ``say`` has something to say about."""
    for mark in marks.markup(paragraph.text):
        message = say(mark)
        if message is not None:
            yield at(paragraph, mark.line + 1, f"paragraph {paragraph.label} {message}")


@paragraph_check("ZD406")
def no_headings(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    return _markup_problems(
        paragraph,
        lambda mark: (
            "holds a heading (a line starting with '#', or underlined with === or ---); headings "
            "belong in the section's section.yaml — write this as plain text"
            if mark.kind == "heading"
            else None
        ),
    )


@paragraph_check("ZD407")
def no_html(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    return _markup_problems(
        paragraph,
        lambda mark: (
            f"holds HTML ({mark.detail!r}); a negotiated text is plain words — published drafts show "
            "HTML as typed, never run it"
            if mark.kind == "html"
            else None
        ),
    )


def _unsafe(mark: marks.Markup) -> str | None:
    if mark.kind == "image":
        return f"holds an image ({mark.detail!r}); a negotiated text has none"
    if mark.kind == "link" and not marks.safe_link(mark.detail):
        return f"links to {mark.detail!r}; links may only start with https:, http:, mailto: or # (a paragraph anchor)"
    return None


@paragraph_check("ZD408")
def safe_links(document: Document, paragraph: Paragraph) -> Iterator[Finding]:
    return _markup_problems(paragraph, _unsafe)
