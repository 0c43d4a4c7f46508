"""A Word file's paragraphs as the delegation left them: tracked changes accepted.

Each body paragraph (tables and text boxes aside) becomes a :class:`WordParagraph`: the
zerodraft bookmarks that start in it, its text as Markdown (italic ``*…*``, bold ``**…**``,
links, footnote references as markers resolved by :mod:`zerodraft.intake.edits`) and as plain
text (what a reader sees, to tell a real edit from a formatting change), and the comments
anchored in it.  Tracked insertions (``w:ins``, ``w:moveTo``) are read as text, tracked
deletions (``w:del``, ``w:moveFrom``) are not; a paragraph whose mark was deleted joins the
next one, or disappears if nothing of it is left — Word's "Accept All Changes".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from zerodraft import characters
from zerodraft.intake import identity
from zerodraft.intake.package import Package
from zerodraft.render.inline import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FOOTNOTE_OPEN, FOOTNOTE_CLOSE = "\ue010", "\ue011"
"""Around a footnote's id in :attr:`WordParagraph.markdown` (private-use characters)."""
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}delText", f"{W}instrText"}
_TRACKED = {f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"}
_OUTSIDE = {f"{W}tbl", f"{W}txbxContent"}
_ESCAPE = re.compile(r"([\\*`<])")
_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s<>()]+$", re.IGNORECASE)
MAX_TEXT = 200_000
"""The most characters read from one comment or footnote."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A Word comment: the delegation's rationale for a change."""

    id: str
    """Word's id for it."""
    author: str
    """Who wrote it, as Word recorded (one line, hidden characters shown as U+FFFD)."""
    text: str
    """What it says (cleaned, one line per paragraph)."""


@dataclass(frozen=True, slots=True)
class WordParagraph:
    """One paragraph of the Word file's body, tracked changes accepted."""

    position: int
    """Its place among the body's paragraphs, from 1 (before merging), for messages."""
    bookmarks: tuple[str, ...]
    """zerodraft's bookmarks that start in it (``zd_p_2baf0d49c9cc`` …), in order."""
    markdown: str
    """Its text as Markdown; tabs kept as ``\\t``; footnote references as markers."""
    plain: str
    """Its text as a reader sees it, whitespace squeezed; footnotes by their text."""
    comments: tuple[str, ...] = ()
    """Ids of the comments anchored in it."""


@dataclass(frozen=True, slots=True)
class WordFile:
    """What intake reads from one Word file."""

    name: str
    """The file, as given (for messages)."""
    stamp: identity.Stamp
    """zerodraft's document properties (empty if the file has none)."""
    paragraphs: tuple[WordParagraph, ...]
    """Body paragraphs in order, tracked changes accepted."""
    comments: dict[str, Comment]
    """Comments by id."""
    footnotes: dict[str, str]
    """Footnote texts (Markdown) by Word id."""
    tracked: tuple[str, ...] = ()
    """Authors of tracked changes (cleaned), in order of appearance; empty if none."""
    tables: int = 0
    """How many tables the body holds (not read)."""


def read(package: Package) -> WordFile:
    """The paragraphs, comments and stamp of a parsed Word file."""
    links = _links(package.relationships)
    authors: dict[str, None] = {}
    footnotes: dict[str, str] = {}
    if package.footnotes is not None:
        for note in package.footnotes.iter(f"{W}footnote"):
            if note.get(f"{W}type") in (None, "normal"):
                pieces = [_paragraph(p, 0, links, {}, authors)[0] for p in note.iter(f"{W}p")]
                footnotes[note.get(f"{W}id", "")] = " ".join(p.markdown for p in pieces if p.plain)[:MAX_TEXT]
    body = package.document.find(f"{W}body")
    raw: list[tuple[WordParagraph, bool]] = []
    tables = 0
    if body is not None:
        tables = sum(1 for _ in body.iter(f"{W}tbl"))
        position = 0
        pending: list[str] = []  # bookmarks Word put between paragraphs: they mark the next one
        for node in body.iter(f"{W}p", f"{W}bookmarkStart"):
            if any(a.tag in _OUTSIDE for a in node.iterancestors()):
                continue
            if node.tag == f"{W}bookmarkStart":
                if node.getparent().tag != f"{W}p" and not any(a.tag == f"{W}p" for a in node.iterancestors()):
                    name = node.get(f"{W}name", "")
                    pending += [name] if identity.parse(name) is not None else []
                continue
            position += 1
            paragraph, mark_deleted = _paragraph(node, position, links, footnotes, authors)
            if pending:
                paragraph = replace(paragraph, bookmarks=(*pending, *paragraph.bookmarks))
                pending = []
            raw.append((paragraph, mark_deleted))
    return WordFile(
        name=package.name,
        stamp=identity.read_properties(package.properties),
        paragraphs=_accept_marks(raw),
        comments=_comments(package.comments),
        footnotes=footnotes,
        tracked=tuple(characters.one_line(a) for a in authors),
        tables=tables,
    )


def clean_text(text: str) -> str:
    """Untrusted text from the file (a comment) made safe to print and store: every hidden
    character (control, direction override, zero-width, XML-illegal) shown as U+FFFD, by the
    project's one rule (:func:`zerodraft.characters.for_markdown`)."""
    return characters.for_markdown(text)[:MAX_TEXT]


def _accept_marks(raw: list[tuple[WordParagraph, bool]]) -> tuple[WordParagraph, ...]:
    """Join each paragraph whose mark was deleted to the next; drop it if nothing is left."""
    out: list[WordParagraph] = []
    carry: WordParagraph | None = None
    for paragraph, mark_deleted in raw:
        if carry is not None:
            paragraph = WordParagraph(
                carry.position,
                carry.bookmarks + paragraph.bookmarks,
                carry.markdown + paragraph.markdown,
                _squeeze(carry.plain + " " + paragraph.plain),
                carry.comments + paragraph.comments,
            )
            carry = None
        if mark_deleted:
            if paragraph.plain or paragraph.comments:
                carry = paragraph
            continue
        out.append(paragraph)
    if carry is not None:
        out.append(carry)
    return tuple(out)


def _paragraph(
    p: Any, position: int, links: dict[str, str], footnotes: dict[str, str], authors: dict[str, None]
) -> tuple[WordParagraph, bool]:
    segments: list[tuple[str, bool, bool]] = []  # (text, bold, italic); a footnote marker has both False
    plain: list[str] = []
    bookmarks: list[str] = []
    comments: list[str] = []

    def walk(node: Any, bold: bool, italic: bool, href: str) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag in _TRACKED:
                    authors.setdefault(child.get(f"{W}author", ""), None)
                continue
            if tag in _TRACKED:
                authors.setdefault(child.get(f"{W}author", ""), None)
            if tag == f"{W}bookmarkStart":
                name = child.get(f"{W}name", "")
                if identity.parse(name) is not None:
                    bookmarks.append(name)
            elif tag in (f"{W}commentRangeStart", f"{W}commentReference"):
                ident = child.get(f"{W}id", "")
                if ident not in comments:
                    comments.append(ident)
            elif tag == f"{W}hyperlink":
                target = links.get(child.get(f"{R}id", ""), "")
                walk(child, bold, italic, target if _SAFE_LINK.match(target) else "")
            elif tag == f"{W}r":
                run(child, href)
            else:  # w:ins, w:moveTo, w:smartTag, w:sdt, w:sdtContent, w:customXml, w:fldSimple …
                walk(child, bold, italic, href)

    def run(r: Any, href: str) -> None:
        bold, italic = _flag(r, "b"), _flag(r, "i")
        for child in r:
            tag = child.tag
            text = ""
            if tag == f"{W}t":
                text = child.text or ""
            elif tag == f"{W}tab":
                text = "\t"
            elif tag in (f"{W}br", f"{W}cr"):
                text = " "
            elif tag == f"{W}noBreakHyphen":
                text = "-"
            elif tag == f"{W}footnoteReference":
                ident = child.get(f"{W}id", "")
                segments.append((f"{FOOTNOTE_OPEN}{ident}{FOOTNOTE_CLOSE}", False, False))
                plain.append(f"[^{footnotes.get(ident, '')}]")
                continue
            elif tag == f"{W}commentReference":
                ident = child.get(f"{W}id", "")
                if ident not in comments:
                    comments.append(ident)
                continue
            if text:
                text = clean(text)
                plain.append(text)
                shown = _ESCAPE.sub(r"\\\1", text).replace("](", "]\\(")  # typed "[a](b)" is not a link
                segments.append((f"[{shown}]({href})" if href else shown, bold, italic))

    walk(p, False, False, "")
    properties = p.find(f"{W}pPr/{W}rPr")
    mark_deleted = properties is not None and (
        properties.find(f"{W}del") is not None or properties.find(f"{W}moveFrom") is not None
    )
    if properties is not None:
        for tracked in properties:
            if tracked.tag in _TRACKED:
                authors.setdefault(tracked.get(f"{W}author", ""), None)
    paragraph = WordParagraph(
        position, tuple(bookmarks), _markdown(segments), _squeeze("".join(plain)), tuple(comments)
    )
    return paragraph, mark_deleted


def _markdown(segments: list[tuple[str, bool, bool]]) -> str:
    """Runs of the same formatting joined, then emphasised: ``*…*``, ``**…**``, ``***…***``."""
    merged: list[list[Any]] = []
    for text, bold, italic in segments:
        if merged and merged[-1][1:] == [bold, italic] and FOOTNOTE_OPEN not in text + merged[-1][0]:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out: list[str] = []
    for text, bold, italic in merged:
        marker = "*" * ((2 if bold else 0) + (1 if italic else 0))
        if marker and text.strip():
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.DOTALL).groups()  # type: ignore[union-attr]
            text = f"{lead}{marker}{core}{marker}{trail}"
        out.append(text)
    return "".join(out)


def _flag(run: Any, name: str) -> bool:
    tag = run.find(f"{W}rPr/{W}{name}")
    return tag is not None and tag.get(f"{W}val", "true") not in ("0", "false", "off")


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _links(relationships: Any) -> dict[str, str]:
    if relationships is None:
        return {}
    namespace = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    return {
        node.get("Id", ""): node.get("Target", "")
        for node in relationships.iter(f"{namespace}Relationship")
        if node.get("TargetMode") == "External"
    }


def _comments(root: Any) -> dict[str, Comment]:
    if root is None:
        return {}
    found: dict[str, Comment] = {}
    for node in root.iter(f"{W}comment"):
        ident = node.get(f"{W}id", "")
        lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in node.iter(f"{W}p")]
        text = clean_text("\n".join(line.strip() for line in lines if line.strip()))
        found[ident] = Comment(ident, characters.one_line(node.get(f"{W}author", "")), text)
    return found
