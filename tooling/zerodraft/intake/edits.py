"""What a delegation changed in its Word copy, paragraph by paragraph.

The edited file is compared with the *pristine* file — the same draft rendered again by
:mod:`zerodraft.render.docx` and read by the same :mod:`~zerodraft.intake.wordfile` — so an
unchanged paragraph reads exactly as it was, and a paragraph whose words a reader sees are the
same is unchanged whatever its formatting (fonts, bold, spacing are ignored).

- A paragraph is found by its bookmarks (:mod:`~zerodraft.intake.identity`); a Word paragraph
  with none is text the delegation typed: a subparagraph mark ``(c)`` or a place between two
  blocks of one paragraph makes it part of that paragraph, otherwise it is a new paragraph
  after the one before it.  Text typed above the draft (a cover note) is left aside.
- A paragraph that lost its bookmark but whose text is exactly the draft's is still that
  paragraph; one whose text is merely *like* a paragraph that lost its bookmark is listed as
  unmapped, never guessed.
- A paragraph that is gone is a deletion; one whose words changed is an amendment; one that
  now stands elsewhere is a move (found as the paragraphs outside the longest run kept in
  order).
- Comments anchored in a paragraph are the rationale of what the delegation did to it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from zerodraft.intake import identity
from zerodraft.intake.wordfile import FOOTNOTE_CLOSE, FOOTNOTE_OPEN, Comment, WordFile, WordParagraph
from zerodraft.model import Paragraph
from zerodraft.render.docx import marks_text
from zerodraft.render.layout import BlockKind, CompiledDraft, Heading, Item

_MARK = re.compile(r"^\s*(?:\*\*)?(\((?:[a-z]{1,2}|[ivxl]{1,6})\)|(?:Alt(?:ernative)?|Option|OPTION)\s+\w+:?)")
_TYPED_NUMBER = re.compile(
    r"^\s*(?:OP|PP)?\s*\d{1,4}\s*(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt\d*)?\s*[.)](?:\t|\s+)",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(f"{FOOTNOTE_OPEN}([^{FOOTNOTE_CLOSE}]*){FOOTNOTE_CLOSE}")
_NEW_SECTION = re.compile(
    r"^\s*\[?\s*(?:\*\*)?(?:Article|ARTICLE|Part|PART|Chapter|CHAPTER|Annex|ANNEX|Appendix|APPENDIX)\s+"
    r"(?:\d{1,4}|[IVXLC]{1,8})(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?"
    r"(?:\*\*)?\s*\]?\s*$"
)
"""A heading of a new article (Part, Chapter, Annex …) typed by the delegation: the whole line."""
_UNDER_HEADING = (
    "new text right under a heading cannot be numbered; type it after a paragraph (it becomes that paragraph's bis)"
)
SIMILAR = 0.6
"""A typed paragraph at least this like (difflib ratio) a paragraph that lost its bookmark is
listed as unmapped rather than taken as new text."""


class Kind(Enum):
    """What the delegation did."""

    AMEND = "amend"
    """Changed the words of a paragraph."""
    INSERT = "insert"
    """Typed a new paragraph after ``paragraph``."""
    DELETE = "delete"
    """Removed a paragraph."""
    MOVE = "move"
    """Moved a paragraph to follow ``anchor``."""
    COMMENT = "comment"
    """Only commented on a paragraph."""
    ARTICLE = "article"
    """Typed a new article (its heading, maybe a title, its text) after the one ``paragraph`` is in."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One thing the delegation did to the draft."""

    kind: Kind
    """Amend, insert, delete, move or comment."""
    paragraph: Paragraph
    """The draft's paragraph concerned; for an insertion, the one it follows."""
    text: str = ""
    """The new text in Markdown (amend, insert, move)."""
    anchor: Paragraph | None = None
    """For a move: the paragraph it now follows."""
    comments: tuple[Comment, ...] = ()
    """The comments anchored in it: the rationale."""
    position: int = 0
    """Where it is in the Word file (its paragraph, from 1), for messages."""
    title: str = ""
    """For a new article: the title typed under its heading, if any."""


@dataclass(frozen=True, slots=True)
class Unmapped:
    """Text intake cannot place, listed for the secretariat, never guessed."""

    position: int
    """The Word paragraph, from 1."""
    text: str
    """Its beginning, as a reader sees it."""
    reason: str
    """Why it cannot be placed, in plain words."""


@dataclass(frozen=True, slots=True)
class NewSection:
    """A new article (or Part, Annex …) typed by the delegation: its heading and its text."""

    position: int
    """The Word paragraph of its heading, from 1."""
    heading: str
    """Its heading as typed ("Article 8 bis")."""
    after: Paragraph | None
    """The draft paragraph it follows, if any."""
    blocks: tuple[WordParagraph, ...]
    """What was typed under it."""


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything found in one Word file."""

    edits: tuple[Edit, ...]
    """The edits, in the draft's order."""
    unmapped: tuple[Unmapped, ...]
    """What could not be placed."""
    headings: tuple[tuple[str, str], ...]
    """Edited headings, title or note: (bookmark key, the new text); never written."""
    aside: tuple[str, ...]
    """Text left aside (a cover note above the draft), one entry per Word paragraph."""
    comments: tuple[Comment, ...]
    """Comments not anchored in a paragraph of the draft (on the cover note, a heading …)."""
    sections: tuple[NewSection, ...] = ()
    """New articles (Parts, Annexes …) typed by the delegation; never written as paragraphs."""


@dataclass
class _Group:
    """The Word paragraphs that make one paragraph of the edited text."""

    paragraph: Paragraph | None
    """The draft's paragraph, or ``None`` for new text."""
    after: Paragraph | None
    """For new text: the draft paragraph it follows."""
    blocks: list[WordParagraph]
    """Its Word paragraphs, in order."""


def compare(draft: CompiledDraft, pristine: WordFile, edited: WordFile) -> Reading:
    """The edits that turn ``pristine`` (the draft as published) into ``edited``."""
    items = {item.paragraph.id: item for item in draft.items() if item.paragraph.id}
    by_name = {identity.bookmark(ident)[3:]: ident for ident in items}
    headings = {
        identity.heading_bookmark(key)[4:]: key
        for key in ("note", "title", *(f"section:{e.section.path}" for e in draft.entries if isinstance(e, Heading)))
    }
    before = _groups(pristine, by_name, headings)
    found_groups = _edited_groups(edited, by_name, headings, before, items)
    after_groups, unmapped, aside, structural, uncertain, sections = found_groups
    found: dict[str, _Group] = {g.paragraph.id: g for g in after_groups if g.paragraph is not None}
    order = [g.paragraph.id for g in after_groups if g.paragraph is not None]
    rank = {ident: index for index, ident in enumerate(items)}
    kept = _longest_in_order(order, rank)
    edits: list[Edit] = []
    used_comments: set[str] = set()
    previous: Paragraph | None = None
    for group in after_groups:
        comments = tuple(edited.comments[c] for b in group.blocks for c in b.comments if c in edited.comments)
        used_comments.update(c.id for c in comments)
        if group.paragraph is None:
            assert group.after is not None
            text = _text(group.blocks, edited, None, None)
            edits.append(Edit(Kind.INSERT, group.after, text, comments=comments, position=group.blocks[0].position))
            continue
        paragraph = group.paragraph
        item = items[paragraph.id]
        original = before.get(paragraph.id)
        changed = original is None or _plain(original.blocks) != _plain(group.blocks)
        position = group.blocks[0].position
        moved = paragraph.id not in kept and previous is not None
        if (changed or moved) and any(b.kind is BlockKind.TABLE for b in item.blocks):
            unmapped.append(
                Unmapped(
                    position,
                    group.blocks[0].plain[:80],
                    f"paragraph {paragraph.label} holds a table, which intake does not read back; propose the "
                    "change with 'zerodraft propose amend' so that the table is kept",
                )
            )
            previous = paragraph
            continue
        text = _text(group.blocks, edited, item, paragraph) if changed else paragraph.text
        if moved:
            edits.append(Edit(Kind.MOVE, paragraph, text, anchor=previous, comments=comments, position=position))
        elif changed:
            edits.append(Edit(Kind.AMEND, paragraph, text, comments=comments, position=position))
        elif comments:
            edits.append(Edit(Kind.COMMENT, paragraph, comments=comments, position=position))
        previous = paragraph
    for new in sections:
        if new.after is None:
            unmapped.append(Unmapped(new.position, new.heading, "a new article is typed after the article it follows"))
            continue
        blocks = list(new.blocks)
        title = ""
        if len(blocks) > 1 and len(blocks[0].plain.split()) <= 12 and not blocks[0].plain.endswith((".", ";", ":")):
            title = blocks.pop(0).plain
        text = _text(blocks, edited, None, None) if blocks else ""
        edits.append(Edit(Kind.ARTICLE, new.after, text, position=new.position, title=title))
    for ident, item in items.items():
        if ident not in found and ident not in uncertain:  # gone, not merely unrecognisable
            edits.append(Edit(Kind.DELETE, item.paragraph))
    loose = tuple(c for c in edited.comments.values() if c.id not in used_comments)
    changed_headings = tuple(
        (key, _plain([block]))
        for key, block in structural
        if key in before and _plain(before[key].blocks) != _plain([block])
    )
    edits.sort(key=lambda e: (rank.get(e.paragraph.id, 0), e.kind is not Kind.DELETE, e.position))
    return Reading(tuple(edits), tuple(unmapped), changed_headings, tuple(aside), loose, tuple(sections))


def _groups(word: WordFile, by_name: dict[str, str], headings: dict[str, str]) -> dict[str, _Group]:
    """The pristine file's paragraphs by id (and headings by key)."""
    out: dict[str, _Group] = {}
    for block in word.paragraphs:
        owner = _owner(block, by_name, headings)
        if owner is not None:
            out.setdefault(owner, _Group(None, None, [])).blocks.append(block)
    return out


def _owner(block: WordParagraph, by_name: dict[str, str], headings: dict[str, str]) -> str | None:
    for name in block.bookmarks:
        parsed = identity.parse(name)
        if parsed is None:
            continue
        body, _index = parsed
        if body.startswith("h:") and body[2:] in headings:
            return headings[body[2:]]
        if body in by_name:
            return by_name[body]
    return None


def _edited_groups(
    edited: WordFile,
    by_name: dict[str, str],
    headings: dict[str, str],
    before: dict[str, _Group],
    items: dict[str, Item],
) -> tuple[list[_Group], list[Unmapped], list[str], list[tuple[str, WordParagraph]], set[str], list[NewSection]]:
    owners = [_owner(block, by_name, headings) for block in edited.paragraphs]
    present = {o for o in owners if o is not None}
    missing = {ident: _plain(before[ident].blocks) for ident in items if ident not in present and ident in before}
    groups: list[_Group] = []
    by_id: dict[str, _Group] = {}
    unmapped: list[Unmapped] = []
    aside: list[str] = []
    structural: list[tuple[str, WordParagraph]] = []
    uncertain: set[str] = set()  # paragraphs some unmapped text may be: never proposed for deletion
    sections: list[NewSection] = []
    last: _Group | None = None  # the group text typed now would continue
    under_heading = False
    in_section = False  # typed text now belongs to a new article the delegation typed
    for index, (block, owner) in enumerate(zip(edited.paragraphs, owners, strict=True)):
        if owner is not None:
            in_section = False
        elif in_section and block.plain:
            new = sections[-1]
            sections[-1] = NewSection(new.position, new.heading, new.after, (*new.blocks, block))
            continue
        elif _NEW_SECTION.match(block.markdown):
            after = (last.paragraph or last.after) if last is not None else None
            sections.append(NewSection(block.position, block.plain, after, ()))
            in_section = True
            continue
        if owner is not None and owner in items:
            group = by_id.get(owner)
            if group is None:
                group = by_id[owner] = _Group(items[owner].paragraph, None, [])
                groups.append(group)
            group.blocks.append(block)
            last, under_heading = group, False
            continue
        if owner is not None:  # a heading, the title or the note
            structural.append((owner, block))
            last, under_heading = None, True
            continue
        if not block.plain:
            continue
        lost = next((i for i, text in missing.items() if text == block.plain), None)
        if lost is not None:  # the bookmark went, the text is the draft's: that paragraph
            del missing[lost]
            group = by_id[lost] = _Group(items[lost].paragraph, None, [block])
            groups.append(group)
            last, under_heading = group, False
            continue
        if _bookmark_moved_up(last, block, before):
            # Enter typed at the start of a paragraph: Word left its bookmark on the new text above
            assert last is not None and last.paragraph is not None
            typed = _Group(None, None, last.blocks)
            ahead = groups[groups.index(last) - 1] if groups.index(last) else None
            typed.after = (ahead.paragraph or ahead.after) if ahead is not None else None
            last.blocks = [block]
            if typed.after is None:
                unmapped.append(Unmapped(typed.blocks[0].position, typed.blocks[0].plain[:80], _UNDER_HEADING))
            else:
                groups.insert(groups.index(last), typed)
            continue
        following = next((o for o in owners[index + 1 :] if o is not None), None)
        inside = last is not None and last.paragraph is not None and following == last.paragraph.id
        if last is not None and (inside or _MARK.match(block.markdown)):
            last.blocks.append(block)
            continue
        like = max(missing.items(), key=lambda m: _ratio(m[1], block.plain), default=None)
        if like is not None and _ratio(like[1], block.plain) >= SIMILAR:
            uncertain.add(like[0])
            unmapped.append(
                Unmapped(
                    block.position,
                    block.plain[:80],
                    f"looks like paragraph {items[like[0]].paragraph.label} of the draft, but its mark was lost "
                    "and its text changed; copy the draft's paragraph back and edit it there",
                )
            )
            continue
        anchor = last.paragraph if last is not None and last.paragraph is not None else None
        if anchor is None and last is not None:
            anchor = last.after
        if anchor is None:
            if under_heading or groups:
                unmapped.append(Unmapped(block.position, block.plain[:80], _UNDER_HEADING))
            else:
                aside.append(block.plain)
            continue
        group = _Group(None, anchor, [block])
        groups.append(group)
        last = group
    return groups, unmapped, aside, structural, uncertain, sections


def _bookmark_moved_up(last: _Group | None, block: WordParagraph, before: dict[str, _Group]) -> bool:
    """True when ``block``, unmarked, holds exactly the draft's text of the paragraph just above
    it, whose mark now sits on one block of other text: the mark moved up onto typed text."""
    if last is None or last.paragraph is None or len(last.blocks) != 1:
        return False
    original = before.get(last.paragraph.id)
    return original is not None and _plain(original.blocks) == block.plain != _plain(last.blocks)


def _longest_in_order(order: Sequence[str], rank: dict[str, int]) -> set[str]:
    """The ids of the longest run of paragraphs still in the draft's order (the rest moved)."""
    tails: list[int] = []
    tail_ids: list[int] = []
    parent: list[int] = [-1] * len(order)
    for index, ident in enumerate(order):
        value = rank[ident]
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if tails[middle] < value:
                low = middle + 1
            else:
                high = middle
        if low == len(tails):
            tails.append(value)
            tail_ids.append(index)
        else:
            tails[low] = value
            tail_ids[low] = index
        parent[index] = tail_ids[low - 1] if low else -1
    kept: set[str] = set()
    at = tail_ids[-1] if tail_ids else -1
    while at != -1:
        kept.add(order[at])
        at = parent[at]
    return kept


def _text(blocks: list[WordParagraph], word: WordFile, item: Item | None, paragraph: Paragraph | None) -> str:
    """The paragraph's Markdown as the delegation left it: the printed number and the label
    after it taken off, subparagraphs on their own lines, footnotes as ``[^1]`` definitions."""
    parts = [b.markdown for b in blocks]
    if item is not None and item.number:
        parts[0] = re.sub(r"^\s*" + re.escape(item.number) + r"\.\s*", "", parts[0], count=1)
    else:
        parts[0] = _TYPED_NUMBER.sub("", parts[0], count=1)
    if item is not None and marks_text(item):
        inner = re.escape(marks_text(item).strip())
        parts[-1] = re.sub(r"\s*\*?" + inner + r"\*?\s*$", "", parts[-1], count=1)
    participle = item is not None and item.preambular and not item.number
    if participle and paragraph is not None and not paragraph.text.lstrip().startswith("*"):
        parts[0] = re.sub(r"^\*([^*\s]+)\*(?=\s)", r"\1", parts[0], count=1)
    lines: list[str] = []
    for index, part in enumerate(parts):
        part = re.sub(r"[ \t]+", " ", part.replace("\t", " ")).strip()
        if not part:
            continue
        if index and not _MARK.match(part):
            lines.append("")  # a text block of its own: a blank line before it
        lines.append(part)
    body = "\n".join(lines)
    labels: dict[str, int] = {}

    def note(match: re.Match[str]) -> str:
        number = labels.setdefault(match.group(1), len(labels) + 1)
        return f"[^{number}]"

    body = _FOOTNOTE.sub(note, body)
    if labels:
        body += "\n" + "".join(f"\n[^{n}]: {word.footnotes.get(ident, '').strip()}" for ident, n in labels.items())
    return body


def _plain(blocks: Sequence[WordParagraph]) -> str:
    return " ".join(b.plain for b in blocks if b.plain)


def _plain_text(markdown: str) -> str:
    return " ".join(re.sub(r"[*\\]", "", markdown).split())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
