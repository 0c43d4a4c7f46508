"""Inline text of a paragraph as typed runs, shared by every renderer.

Delegations' Markdown is untrusted.  It is parsed inline only, with markdown-it-py, raw HTML
disabled and links limited to ``http``, ``https``, ``mailto`` and in-page ``#`` anchors;
everything else stays visible as text.  Renderers never see Markdown: they get
:class:`Run` records (text, emphasis, a checked link, a footnote number, whether the text
lies inside square brackets) and escape them for their own format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from zerodraft import characters

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Footnote references are replaced by ``FOOTNOTE_OPEN + number + FOOTNOTE_CLOSE`` before
#: parsing (private-use characters, removed from the user's text first).
FOOTNOTE_OPEN = "\ue000"
FOOTNOTE_CLOSE = "\ue001"
_PRIVATE = re.compile("[\ue000\ue001]")
_SENTINEL = re.compile(f"{FOOTNOTE_OPEN}(\\d+){FOOTNOTE_CLOSE}")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:|#)[^\s\x00-\x1f\x7f]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one set of formatting."""

    text: str
    """The characters, unescaped (square brackets included as typed)."""
    bold: bool = False
    """Strong emphasis (``**…**``)."""
    italic: bool = False
    """Emphasis (``*…*``)."""
    href: str | None = None
    """A checked link target (http, https, mailto or ``#anchor``), or ``None``."""
    footnote: int | None = None
    """For a footnote mark: its number in the whole document (``text`` is that number)."""
    bracketed: bool = False
    """True inside square brackets (text not agreed), brackets themselves included."""
    code: bool = False
    """Inline code (``\\`…\\```), printed as typed."""
    escaped: bool = False
    """Characters typed with a backslash (``\\[``): printed literally, never a drafting mark."""


def safe_link(url: str) -> bool:
    """True for links a published draft may carry: ``https://…``, ``http://…``, ``mailto:…``
    and in-page ``#para-18``; ``javascript:``, ``data:``, ``file:``, relative paths and
    anything with spaces or control characters are refused."""
    return bool(_SAFE_LINK.match(url))


def clean(text: str) -> str:
    """``text`` with characters that XML (and so Word and Akoma Ntoso) cannot hold replaced
    by U+FFFD (:func:`zerodraft.characters.xml_legal`); ``zerodraft check`` reports them, but a
    broken draft still renders."""
    return characters.xml_legal(text)


def mark_footnotes(text: str, numbers: Mapping[str, int]) -> str:
    """``text`` with each ``[^label]`` replaced by a sentinel for its document-wide number.

    References with no definition (``numbers`` lacks them) stay as typed."""
    text = _PRIVATE.sub("\ufffd", clean(text))

    def sub(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        return match.group() if number is None else f"{FOOTNOTE_OPEN}{number}{FOOTNOTE_CLOSE}"

    return _FOOTNOTE_REF.sub(sub, text)


def runs(text: str) -> tuple[Run, ...]:
    """Parse one block of inline Markdown (footnotes already marked) into runs."""
    if not text:
        return ()
    tokens = _parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    out: list[Run] = []
    _walk(children, out)
    return tuple(_brackets(_merge(out)))


def plain(items: Iterable[Run]) -> str:
    """The text of runs without formatting (footnote marks as their numbers)."""
    return "".join(run.text for run in items)


def unmarked(items: Iterable[Run]) -> str:
    """The text of runs without formatting or footnote marks: a heading as a table of
    contents or a ``<heading>`` names it."""
    return "".join(run.text for run in items if run.footnote is None)


def italicise_first_word(items: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs with the first word in italics (a GA-style preambular participle); runs
    already in italics (``*The Parties to this Agreement*,``) stay as they are."""
    if not items or items[0].footnote is not None or items[0].href or items[0].italic:
        return items
    first = items[0]
    match = re.match(r"(\s*[^\s\[\]]+)(.*)", first.text, re.DOTALL)
    if not match:
        return items
    head = replace(first, text=match.group(1), italic=True)
    rest = (replace(first, text=match.group(2)),) if match.group(2) else ()
    return (head, *rest, *items[1:])


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("text_join")  # keep escaped brackets (\[) apart from drafting brackets
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


def _walk(tokens: list[Token], out: list[Run]) -> None:
    bold = italic = 0
    href: str | None = None
    for token in tokens:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            target = str(token.attrs.get("href", ""))
            href = target if safe_link(target) else None
        elif kind == "link_close":
            href = None
        else:
            style = Run("", bold=bold > 0, italic=italic > 0, href=href)
            if kind == "text":
                _text(token.content, style, out)
            elif kind == "text_special":
                # an escaped character (\[ stays a literal bracket) or an entity
                out.append(replace(style, text=token.content, escaped=token.info == "escape"))
            elif kind == "code_inline":
                out.append(replace(style, text=token.content, code=True))
            elif kind in ("softbreak", "hardbreak"):
                out.append(replace(style, text=" "))
            elif kind == "image":
                _text("".join(c.content for c in token.children or []), style, out)
            else:  # anything else the parser may produce is shown as its source text
                _text(token.content, style, out)


def _text(text: str, style: Run, out: list[Run]) -> None:
    position = 0
    for match in _SENTINEL.finditer(text):
        if match.start() > position:
            out.append(replace(style, text=text[position : match.start()]))
        out.append(Run(match.group(1), footnote=int(match.group(1))))
        position = match.end()
    if position < len(text):
        out.append(replace(style, text=text[position:]))


def _merge(items: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in items:
        if not run.text:
            continue
        if merged and not (run.escaped or merged[-1].escaped or run.code or merged[-1].code):
            last = merged[-1]
            if last.footnote is None and replace(last, text="") == replace(run, text=""):
                merged[-1] = replace(last, text=last.text + run.text)
                continue
        merged.append(run)
    return merged


def _brackets(items: list[Run]) -> list[Run]:
    """Split runs at drafting brackets and flag what lies inside them (escaped ``\\[`` and
    inline code do not count)."""
    depth = 0
    out: list[Run] = []
    for run in items:
        if run.code or run.escaped or run.footnote is not None:
            out.append(replace(run, bracketed=depth > 0))
            continue
        for piece in re.split(r"([\[\]])", run.text):
            if not piece:
                continue
            if piece == "[":
                depth += 1
                out.append(replace(run, text=piece, bracketed=True))
            elif piece == "]":
                out.append(replace(run, text=piece, bracketed=True))
                depth = max(0, depth - 1)
            else:
                out.append(replace(run, text=piece, bracketed=depth > 0))
    return _merge_plain(out)


def _merge_plain(items: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in items:
        if merged and run.footnote is None and merged[-1].footnote is None:
            last = merged[-1]
            if replace(last, text="") == replace(run, text=""):
                merged[-1] = replace(last, text=last.text + run.text)
                continue
        merged.append(run)
    return merged
