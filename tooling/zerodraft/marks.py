"""The drafting marks in a paragraph's text: square brackets, alternatives, subparagraphs
and footnotes.  Pure functions over text, shared by the checks and the renderers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a text: 1-based line and column."""

    line: int
    column: int


def position(text: str, offset: int) -> Position:
    """The line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return Position(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def unbalanced_brackets(text: str) -> list[tuple[str, int]]:
    """Offsets of square brackets with no partner: ``[("[", 4)]`` or ``[("]", 9)]``.

    Brackets may nest and sit inside words (``[b][B]enefits``). Footnote references
    (``[^1]``) and Markdown links (``[text](url)``) count like any other brackets, since
    both are balanced by construction.  Backslash-escaped brackets are ignored.
    """
    if "[" not in text and "]" not in text:
        return []
    stack: list[int] = []
    stray: list[tuple[str, int]] = []
    for match in _BRACKET_OR_ESCAPE.finditer(text):
        char = match.group()
        if char[0] == "\\":
            continue
        if char == "[":
            stack.append(match.start())
        elif stack:
            stack.pop()
        else:
            stray.append(("]", match.start()))
    stray.extend(("[", offset) for offset in stack)
    return sorted(stray, key=lambda item: item[1])


_BRACKET_OR_ESCAPE = re.compile(r"\\.|[\[\]]", re.DOTALL)
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def has_brackets(text: str) -> int | None:
    """Offset of the first square bracket that marks unagreed text, or ``None``.

    Footnote markers and definitions (``[^1]``) and Markdown links are not drafting
    brackets and are skipped.
    """
    cleaned = _FOOTNOTE_DEF.sub(lambda m: " " * len(m.group()), text)
    cleaned = _FOOTNOTE_REF.sub(lambda m: " " * len(m.group()), cleaned)
    cleaned = re.sub(r"\[([^\[\]]*)\]\([^)\s]*\)", lambda m: " " * len(m.group()), cleaned)
    match = re.search(r"(?<!\\)[\[\]]", cleaned)
    return match.start() if match else None


_ALTERNATIVE = re.compile(
    r"^[\s>*_]*(?:\*\*)?(?P<mark>(?:Alt(?:ernative)?|Option|OPTION)(?:\s+(?:[0-9]+|[IVX]+|[A-Z])\b|(?=\s*[:.])))",
    re.MULTILINE,
)


def alternatives(text: str) -> list[tuple[str, int]]:
    """Alternative blocks in a text: ``[("Alt 1", offset), ("Option A", offset)]``."""
    return [(m.group("mark"), m.start("mark")) for m in _ALTERNATIVE.finditer(text)]


def footnotes(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Footnote references and definitions: ``([(label, offset)], [(label, offset)])``."""
    if "[^" not in text:
        return [], []
    refs = [(m.group(1), m.start()) for m in _FOOTNOTE_REF.finditer(text)]
    defs = [(m.group(1), m.start()) for m in _FOOTNOTE_DEF.finditer(text)]
    return refs, defs


_SUBPARAGRAPH = re.compile(
    r"^[ \t]*(?:[-*][ \t]+)?(?P<chain>(?:\((?:[a-z]{1,2}|[ivxl]{1,6}|[1-9]\d{0,2})\)[ \t]+)+)", re.MULTILINE
)
_CHAIN_MARK = re.compile(r"\((?P<mark>[a-z]{1,2}|[ivxl]{1,6}|[1-9]\d{0,2})\)")
_ROMAN = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)


def subparagraphs(text: str) -> Iterator[tuple[str, int]]:
    """Subparagraph marks at the start of lines: ``("a", offset)``, ``("ii", offset)``,
    ``("5", offset)``; marks written one after another (``(5) (a) "dumping" means:``,
    ``(f) (i) to consider …``) each in turn."""
    if "(" not in text:
        return
    for match in _SUBPARAGRAPH.finditer(text):
        start = match.start("chain")
        for mark in _CHAIN_MARK.finditer(match.group("chain")):
            yield mark.group("mark"), start + mark.start()


def subparagraph_gaps(text: str) -> list[tuple[str, str, int]]:
    """Marks out of sequence: ``[(found, expected, offset)]``.

    Letters run (a), (b) … (z), (aa); roman numerals (i), (ii) … restart under each
    letter.  A mark that is both the next letter and the next roman numeral (``(i)`` right
    after ``(h)``, ``(v)`` after ``(u)`` and ``(iv)``) is the roman numeral when the next mark
    continues the roman run (``(h)``, ``(i)``, ``(ii)``, then the letter ``(i)``, as in
    UNCLOS Annex III, article 13(6)) and the letter otherwise.
    Numbered subparagraphs (``(1)``, ``(2)``, as in a treaty's definitions) are not
    checked themselves; letters restart under each of them.
    """
    gaps: list[tuple[str, str, int]] = []
    letter = 0  # how many letters seen
    roman = 0
    marks = list(subparagraphs(text))
    for at, (mark, offset) in enumerate(marks):
        if mark.isdigit():
            letter = roman = 0
            continue
        expected_letter = _letter(letter)
        if mark == expected_letter and roman < len(_ROMAN) and mark == _ROMAN[roman]:
            following = marks[at + 1][0] if at + 1 < len(marks) else None
            is_roman = roman + 1 < len(_ROMAN) and following == _ROMAN[roman + 1]
        else:
            is_roman = mark in _ROMAN and mark != expected_letter
        if is_roman:
            expected = _ROMAN[roman] if roman < len(_ROMAN) else "?"
            if mark != expected:
                gaps.append((mark, expected, offset))
            roman = _ROMAN.index(mark) + 1
        else:
            if mark != expected_letter:
                gaps.append((mark, expected_letter, offset))
            letter = _letter_index(mark) + 1 if _letter_index(mark) >= 0 else letter + 1
            roman = 0
    return gaps


def _letter(index: int) -> str:
    if index < 26:
        return chr(ord("a") + index)
    return chr(ord("a") + index - 26) * 2


def _letter_index(mark: str) -> int:
    if len(mark) == 1 and mark.isalpha():
        return ord(mark) - ord("a")
    if len(mark) == 2 and mark[0] == mark[1]:
        return 26 + ord(mark[0]) - ord("a")
    return -1


# Markdown structure in a paragraph's text: parsed only when a cheap scan sees a hint of it.
_MARKUP_HINT = re.compile(
    r"<|\]\(|!\[|^ {0,3}#|^ {0,3}\[(?!\^)[^\]]*\]:|^ {0,3}(?:=+|-+)[ \t]*$",
    re.MULTILINE,
)
_HINT = re.compile(r"<|\]\(|#|\]:|==|--")  # a cheap first look, before the exact pattern
SAFE_SCHEMES = ("https:", "http:", "mailto:")


@dataclass(frozen=True, slots=True)
class Markup:
    """Something in a paragraph's Markdown that a negotiated text should not hold."""

    kind: Literal["heading", "html", "link", "image"]
    line: int
    """0-based line in the text."""
    detail: str
    """The HTML, link target or heading text, shortened."""


def markup(text: str) -> tuple[Markup, ...]:
    """Headings, HTML, links and images in ``text`` (CommonMark, as the renderers read it)."""
    global _last
    if _last[0] is text:  # the three markup checks ask about one paragraph in turn
        return _last[1]
    found = _markup(text) if _HINT.search(text) and _MARKUP_HINT.search(text) else ()
    _last = (text, found)
    return found


_last: tuple[str | None, tuple[Markup, ...]] = (None, ())


def _markup(text: str) -> tuple[Markup, ...]:
    found: list[Markup] = []
    for token, line in _tokens(text):
        if token.type == "heading_open":
            found.append(Markup("heading", line, ""))
        elif token.type in ("html_block", "html_inline"):
            found.append(Markup("html", line, token.content.strip()[:40]))
        elif token.type == "link_open":
            found.append(Markup("link", line, str(token.attrs.get("href", ""))[:60]))
        elif token.type == "image":
            found.append(Markup("image", line, str(token.attrs.get("src", ""))[:60]))
    return tuple(found)


def safe_link(href: str) -> bool:
    """True for the links a published draft may carry."""
    target = href.strip().lower()
    return target.startswith("#") or target.startswith(SAFE_SCHEMES)


def _tokens(text: str) -> Iterator[tuple[Any, int]]:
    from markdown_it import MarkdownIt  # only for the rare paragraph with markup

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link, to judge it here
    for block in md.parse(text):
        line = block.map[0] if block.map else 0
        yield block, line
        for child in block.children or ():
            yield child, line
