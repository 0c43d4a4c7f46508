"""Redlines: what changed between two drafts, paragraph by paragraph and word by word.

Paragraphs are paired by stable id, so renumbering is not a change: paragraph 18 that was
17 bis shows as "18 (was 17 bis)" with only its real edits marked.  Section headings are
paired by folder, an article with the article that holds most of its paragraphs (so that
one renumbered, inserted, deleted or moved shows as that); a Part, annex or article inserted
or deleted as a whole says so on its heading (:mod:`zerodraft.redline.wholes`).  The comparison is one list of :class:`Block` records in reading order —
what both drafts share in the new order, with what left standing where it stood — and each
format (Markdown, HTML, Word with tracked changes, JSON) is a small module that renders
that list.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from zerodraft import characters, wordiff
from zerodraft.languages import conventions
from zerodraft.model import DIVISIONS, Document, Paragraph, Section, SectionKind
from zerodraft.redline.wholes import Step, Whole, find
from zerodraft.vocabulary import Role
from zerodraft.wordiff import Change

Kind = Literal["same", "changed", "inserted", "deleted", "moved-from", "moved-to"]
What = Literal["heading", "paragraph"]


#: The fields that say who stands behind a paragraph, and how a redline says them (in the
#: original; each language's words are its data file's ``redline-proposed-by`` …).
POSITIONS = {
    "proposed-by": "proposed by",
    "supported-by": "supported by",
    "opposed-by": "opposed by",
    "reservations": "reservation by",
}


def word(language: str, key: str, **values: str) -> str:
    """The redline's word ``key`` in ``language`` (``""``: the original's, English), from the
    language's data file (``redline-<key>`` under ``words:``), its ``{placeholders}`` filled
    with ``values``: ``word("fr", "was", old="17 bis")`` is "(anciennement 17 bis)"."""
    return conventions.say(language, f"redline-{key}", **values)


def class_word(language: str, found: str) -> str:
    """One of :data:`CLASSES` as a redline of ``language`` prints it ("texte modifié")."""
    return word(language, found.replace(" ", "-"))


#: What can happen to a paragraph between two drafts, as counted and printed, in this order.
#: A paragraph may have several (text amended and label changed); "renumbered only" is none
#: of the others, and is not listed among the changes (the concordance lists it).
CLASSES = ("text amended", "label changed", "positions changed", "moved", "new", "deleted", "renumbered only")


@dataclass(frozen=True, slots=True)
class Item:
    """A heading or a paragraph of one draft, as a redline compares it."""

    key: str
    """What pairs it with its counterpart: ``p:<id>`` or ``s:<folder>``."""
    what: What
    """A section heading or a paragraph."""
    number: str
    """The printed number ("18 bis"), empty for headings and unnumbered paragraphs."""
    text: str
    """The heading or the paragraph's text (Markdown)."""
    label: str
    """The consensus label as printed ("agreed ad ref"); empty for headings."""
    depth: int = 0
    """For headings, 0 for a top-level section."""
    id: str = ""
    """The paragraph's stable id, or the section folder."""
    positions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Who stands behind a paragraph: (``proposed-by`` …, roster names) for each field that
    names anyone, in the order of :data:`POSITIONS`."""
    kind: str = ""
    """For headings, the section's kind (``part``, ``article``, ``heading`` …); empty for paragraphs."""
    section_number: str = ""
    """For headings, the section's number ("7", "II bis"); empty when it has none."""

    def line(self) -> str:
        """The item as one line of plain text: number, a tab, the text."""
        return f"{self.number}\t{self.text}" if self.number else self.text


@dataclass(frozen=True, slots=True)
class Block:
    """One step of the redline."""

    kind: Kind
    """``same``/``changed`` (in both, paired), ``inserted``/``deleted`` (in one only), or the
    two halves of a paragraph that moved (``moved-from`` where it stood, ``moved-to`` where it
    now stands)."""
    old: Item | None
    """The item in the old draft (``None`` when inserted)."""
    new: Item | None
    """The item in the new draft (``None`` when deleted or for the moved-from half)."""
    changes: tuple[Change, ...]
    """Word-level changes from the old text to the new (one run for inserted/deleted)."""
    moved: Literal["", "to", "from"] = ""
    """For the two halves of a moved paragraph: ``to`` where it stood (it was moved to …),
    ``from`` where it now stands (it was moved from …)."""
    place: tuple[str, str] = ("start", "")
    """Where it went or came from: (``follow``, the number it follows), (``start-of``, the
    heading it opens, shortened) or (``start``, "")."""
    whole: Whole | None = None
    """For the heading of a Part, chapter, section, annex, appendix or article inserted,
    deleted or proposed for deletion as a whole: what it held (:mod:`zerodraft.redline.wholes`)."""

    @property
    def item(self) -> Item:
        """The item as it stands now (as it stood, for a deleted one)."""
        item = self.new or self.old
        assert item is not None, "a block compares at least one item"
        return item

    @property
    def what(self) -> What:
        """A heading or a paragraph."""
        return self.item.what

    @property
    def number(self) -> str:
        """The number as a redline prints it: ``18 (was 17 bis)``, ``18``, ``(was 17)``."""
        return self.printed_number()

    def printed_number(self, language: str = "") -> str:
        """:attr:`number` in the words of ``language`` ("18 (anciennement 17 bis)")."""
        old = self.old.number if self.old else ""
        new = self.new.number if self.new else ""
        if self.kind in ("deleted", "moved-from"):
            return word(language, "was", old=old) if old else ""
        if old and new and old != new:
            return word(language, "renumbered", new=new, old=old)
        return new

    @property
    def id(self) -> str:
        """The paragraph's stable id (the folder for a heading)."""
        item = self.new or self.old
        return item.id if item else ""

    @property
    def note(self) -> str:
        """Where a moved paragraph went or came from ("moved to follow 12"), in English."""
        return self.printed_note()

    def printed_note(self, language: str = "") -> str:
        """:attr:`note` in the words of ``language`` ("déplacé à la suite du 12")."""
        if not self.moved:
            return ""
        kind, value = self.place
        place = word(language, kind, number=value, heading=value)
        return word(language, f"moved-{self.moved}", place=place)

    @property
    def label_change(self) -> str:
        """``open → agreed ad ref``, or empty when the label did not change."""
        if self.old and self.new and self.old.label != self.new.label:
            return f"{self.old.label} → {self.new.label}"
        return ""

    @property
    def positions_change(self) -> str:
        """``now opposed by Iran (Islamic Republic of); no longer supported by Kenya``, or
        empty when the same delegations stand behind the paragraph as before."""
        return self.printed_positions_change()

    def printed_positions_change(self, language: str = "") -> str:
        """:attr:`positions_change` in the words of ``language``."""
        if not (self.old and self.new) or self.old.positions == self.new.positions:
            return ""
        was, now = dict(self.old.positions), dict(self.new.positions)
        words = []
        for key in POSITIONS:
            said = word(language, key)
            added = [n for n in now.get(key, ()) if n not in was.get(key, ())]
            gone = [n for n in was.get(key, ()) if n not in now.get(key, ())]
            if added:
                words.append(word(language, "now", who=said, names=", ".join(added)))
            if gone:
                words.append(word(language, "no-longer", who=said, names=", ".join(gone)))
        return word(language, "semicolon").join(words)

    @property
    def renumbered(self) -> bool:
        """True when the paragraph's number changed."""
        return bool(self.old and self.new and self.old.number != self.new.number)

    def classes(self) -> tuple[str, ...]:
        """What happened to a paragraph, from :data:`CLASSES` (``()`` for one that stayed as
        it was, and for a heading)."""
        if self.what != "paragraph" or self.kind == "moved-from":
            return ()
        if self.kind == "inserted":
            return ("new",)
        if self.kind == "deleted":
            return ("deleted",)
        assert self.old is not None and self.new is not None
        found = []
        if self.old.text != self.new.text:
            found.append("text amended")
        if self.label_change:
            found.append("label changed")
        if self.positions_change:
            found.append("positions changed")
        if self.kind == "moved-to":
            found.append("moved")
        if not found and self.renumbered:
            found.append("renumbered only")
        return tuple(found)

    def facts(self, with_label: bool = True, language: str = "") -> list[str]:
        """What a redline prints beside the paragraph's number, in words (``language``'s;
        English for the original): "text amended", "label changed: open → agreed", "positions
        changed: now opposed by Iran", "moved to follow 12", "new paragraph, proposed by
        Kenya", "renumbered only"; then its label when that did not change.  A heading says
        only whether its division was inserted or deleted as a whole ("deleted as a whole
        (Articles 7, 8, 3 paragraphs)")."""
        if self.what == "heading":
            return [self.whole_words(language)] if self.whole else []
        out: list[str] = []
        for found in self.classes():
            if found == "label changed":
                out.append(f"{class_word(language, found)}: {self.label_change}")
            elif found == "positions changed":
                out.append(f"{class_word(language, found)}: {self.printed_positions_change(language)}")
            elif found == "moved":
                continue  # said by the note: "moved from follow 12"
            elif found == "new":
                out.append(word(language, "new-paragraph") + self._proposers(language))
            else:
                out.append(class_word(language, found))
        if self.kind == "moved-from":
            out.append(class_word(language, "moved"))
        if self.moved:
            out.append(self.printed_note(language))
        said = self.kind == "inserted" and self._proposers() and self.new and self.new.label.casefold() == "proposed"
        if with_label and not self.label_change and self.new and self.new.label and not said:
            out.append(self.new.label)  # not "proposed by Kenya; proposed"
        return out

    def whole_words(self, language: str = "") -> str:
        """What :attr:`whole` says, in the words of ``language``: "inserted as a whole (Article
        7, 1 paragraph)"; empty for a block that is not a whole division's heading."""
        if self.whole is None:
            return ""
        count = self.whole.paragraphs
        held = word(language, "one-paragraph") if count == 1 else word(language, "paragraphs", count=str(count))
        numbers = self.whole.articles
        if numbers:
            articles = (
                word(language, "one-article", number=numbers[0])
                if len(numbers) == 1
                else word(language, "articles", numbers=_numbers(numbers, language))
            )
            held = word(language, "held", articles=articles, paragraphs=held)
        return word(language, f"whole-{self.whole.how}", held=held)

    def _proposers(self, language: str = "") -> str:
        """ ", proposed by Kenya, European Union" for a new paragraph that names its proposers:
        who added it, said where the redline says it is new."""
        names = dict(self.new.positions).get("proposed-by", ()) if self.new else ()
        return f", {word(language, 'proposed-by')} {', '.join(names)}" if names else ""


@dataclass(frozen=True, slots=True)
class Redline:
    """The comparison of two drafts."""

    old_name: str
    """What the old side is ("Draft 2, draft-2")."""
    new_name: str
    """What the new side is ("Draft 3, the working tree")."""
    blocks: tuple[Block, ...]
    """Every step, in reading order."""
    symbol: str = ""
    """The new draft's document symbol (A/CONF.192/BMS/2021/WP.1), for a page header."""
    language: str = ""
    """For the redline of a language version (``diff --language fr``), its language: the HTML
    says ``lang``/``dir``, the Word file sets the language's fonts and direction; ``""`` for the original."""

    def counts(self) -> dict[str, int]:
        """How many paragraphs had each of :data:`CLASSES` happen to them (one paragraph may
        count under several: text amended and label changed)."""
        out = dict.fromkeys(CLASSES, 0)
        for block in self.blocks:
            for found in block.classes():
                out[found] += 1
        return out

    def summary(self) -> str:
        """The counts in words, in the redline's language: "3 text amended, 1 label changed, 0
        positions changed, …"."""
        counts = self.counts().items()
        return word(self.language, "comma").join(
            word(self.language, "count", count=str(n), what=class_word(self.language, k)) for k, n in counts
        )

    def title(self) -> str:
        """ "Comparison of Draft 3 with Draft 2", in the redline's language."""
        return word(self.language, "title", new=self.new_name, old=self.old_name)

    def changes_only(self) -> Redline:
        """The redline without the paragraphs that did not change at all (same text, label
        and number), keeping the headings above each change for orientation."""
        kept: list[Block] = []
        headings: list[tuple[Block, bool]] = []  # the open headings, and whether already kept
        for block in self.blocks:
            item = block.item
            unchanged = block.kind == "same"  # renumbered only is no change: the concordance lists it
            if block.what == "heading":
                headings = [h for h in headings if h[0].item.depth < item.depth]
                headings.append((block, not unchanged))
                if not unchanged:
                    kept.append(block)
                continue
            if unchanged:
                continue
            for index, (heading, shown) in enumerate(headings):
                if not shown:
                    kept.append(heading)
                    headings[index] = (heading, True)
            kept.append(block)
        return Redline(self.old_name, self.new_name, tuple(kept), self.symbol, self.language)

    def as_data(self) -> dict[str, Any]:
        """The redline as JSON-ready data."""
        return {
            "old": self.old_name,
            "new": self.new_name,
            "counts": self.counts(),
            "blocks": [
                {
                    "kind": b.kind,
                    "what": b.what,
                    "id": b.id,
                    "number": b.number,
                    "old_number": b.old.number if b.old else None,
                    "new_number": b.new.number if b.new else None,
                    "old_label": b.old.label if b.old else None,
                    "new_label": b.new.label if b.new else None,
                    "classes": list(b.classes()),
                    "positions": b.positions_change,
                    "note": b.note,
                    "whole": (
                        {"how": b.whole.how, "articles": list(b.whole.articles), "paragraphs": b.whole.paragraphs}
                        if b.whole
                        else None
                    ),
                    "changes": [{"op": c.op, "text": c.text} for c in b.changes],
                }
                for b in self.blocks
            ],
        }


def items(document: Document, keys: dict[str, str] | None = None) -> list[Item]:
    """The headings and paragraphs of a draft, in reading order; ``keys`` gives some
    sections (articles paired with the other draft's, :func:`_article_keys`) their key."""
    out: list[Item] = []
    seen: set[str] = set()
    vocabulary = document.config.vocabulary
    keys = keys or {}

    def walk(section: Section) -> Iterator[Item]:
        if section.heading:
            key = keys.get(section.path, f"s:{section.path}")
            yield Item(
                key,
                "heading",
                "",
                visible(section.heading),
                "",
                section.depth,
                section.path,
                kind=section.kind.value,
                section_number=visible(section.number),
            )
        for paragraph in section.paragraphs:
            yield _paragraph(paragraph)
        for sub in section.subsections:
            yield from walk(sub)

    def _paragraph(paragraph: Paragraph) -> Item:
        key = f"p:{paragraph.id}" if paragraph.id and f"p:{paragraph.id}" not in seen else f"f:{paragraph.path}"
        seen.add(key)
        label = visible(vocabulary.of(paragraph.role).display if paragraph.role else paragraph.status)
        positions = tuple(
            (field, tuple(dict.fromkeys(visible(document.roster.name_of(n)) for n in names)))
            for field in POSITIONS
            if (names := getattr(paragraph, field.replace("-", "_")))
        )
        return Item(
            key,
            "paragraph",
            document.printed_number(paragraph),
            visible(paragraph.text.strip("\n")),
            label,
            0,
            paragraph.id,
            positions,
        )

    for section in document.sections:
        out.extend(walk(section))
    return out


def compare(old: Document, new: Document, old_name: str = "", new_name: str = "") -> Redline:
    """The redline from ``old`` to ``new``."""
    old_name, new_name = visible(old_name), visible(new_name)
    a, b = items(old), items(new, _article_keys(old, new))
    a_keys, b_keys = [i.key for i in a], [i.key for i in b]
    in_a, in_b = set(a_keys), set(b_keys)
    new_index = {item.key: item for item in b}
    old_index = {item.key: item for item in a}
    blocks: list[Block] = []
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                changes = tuple(wordiff.compare(x.text, y.text))
                same = x.text == y.text and x.label == y.label and x.positions == y.positions
                blocks.append(Block("same" if same else "changed", x, y, changes))
            continue
        for x in a[i1:i2]:
            if x.key in in_b:
                target = _neighbour(b_keys, x.key, new_index)
                blocks.append(Block("moved-from", x, None, _whole("delete", x.text), "to", target))
            else:
                blocks.append(Block("deleted", x, None, _whole("delete", x.text)))
        for y in b[j1:j2]:
            if y.key in in_a:
                x = old_index[y.key]
                source = _neighbour(a_keys, y.key, old_index)
                changes = tuple(wordiff.compare(x.text, y.text))
                blocks.append(Block("moved-to", x, y, changes, "from", source))
            else:
                blocks.append(Block("inserted", None, y, _whole("insert", y.text)))
    deleted = visible(new.config.vocabulary.of(Role.DELETED).display)
    for index, whole in find([_step(b) for b in blocks], deleted).items():
        blocks[index] = replace(blocks[index], whole=whole)
    return Redline(old_name, new_name, tuple(blocks), visible(new.config.symbol), new.language)


def _numbers(numbers: tuple[str, ...], language: str) -> str:
    """Article numbers as a list says them: ``1–6`` when they run on whole, else ``6 bis, 7``."""
    if len(numbers) > 2 and all(n.isdigit() for n in numbers):
        values = [int(n) for n in numbers]
        if values == list(range(values[0], values[0] + len(values))):
            return word(language, "range", first=numbers[0], last=numbers[-1])
    return word(language, "comma").join(numbers)


def _step(block: Block) -> Step:
    """What :func:`zerodraft.redline.wholes.find` reads of ``block``."""
    item = block.item
    return Step(
        block.kind,
        item.what == "heading",
        item.depth if item.what == "heading" else 0,
        item.kind,
        item.section_number,
        block.old.label if block.old else "",
        block.new.label if block.new else "",
    )


_PAIRED = (SectionKind.ARTICLE, *DIVISIONS)
"""The kinds of section a release renumbers, paired across drafts by the paragraphs they hold."""


def _article_keys(old: Document, new: Document) -> dict[str, str]:
    """The keys that pair each article (and Part, chapter, section, annex, appendix) of
    ``new`` with the one of ``old`` it continues: the one holding most of its paragraphs (by
    stable id), so that Article 5 bis renumbered as Article 6 (Part II bis as Part III) is
    the same article renamed, not Article 6 changed; one with none of the old paragraphs is
    new (inserted), an old one with none left is deleted, and one that changed place is moved."""
    keys: dict[str, str] = {}
    for kind in _PAIRED:
        holder: dict[str, str] = {}
        for section in old.walk():
            if section.kind is kind:
                for paragraph in (p for s in section.walk() for p in s.paragraphs if p.id):
                    holder[paragraph.id] = section.path
        taken: set[str] = set()
        sections = [s for s in new.walk() if s.kind is kind]
        for section in sections:
            votes = Counter(holder[p.id] for s in section.walk() for p in s.paragraphs if p.id in holder)
            best = next((path for path, _count in votes.most_common() if path not in taken), None)
            if best is not None:
                taken.add(best)
                keys[section.path] = f"s:{best}"
        for path in [s.path for s in sections if s.path not in keys]:
            keys[path] = f"s:{path}" if path not in taken else f"s:new:{path}"
    return keys


def visible(text: str) -> str:
    """``text`` with every hidden character shown as U+FFFD, line ends kept
    (:func:`zerodraft.characters.visible`): control characters (a terminal's escape sequences,
    a carriage return that overprints a line), the bidirectional characters that reorder what
    is shown ("Trojan source") and zero-width characters that change a word without showing.
    ``zerodraft check`` refuses them (ZD005, ZD009, ZD010), but a redline compares refs that
    may be unchecked (a pull request's branch), so the reviewer sees that something is there.
    The marks RLM, LRM and ALM that right-to-left text needs are kept."""
    return characters.visible(text)


def _whole(op: wordiff.Op, text: str) -> tuple[Change, ...]:
    return (Change(op, text),) if text else ()


def _neighbour(keys: list[str], key: str, index: dict[str, Item]) -> tuple[str, str]:
    """Where ``key`` stands among ``keys``: (``follow``, "12"), (``start-of``, a heading) or
    (``start``, "") (:attr:`Block.place`)."""
    position = keys.index(key)
    for previous in reversed(keys[:position]):
        item = index[previous]
        if item.what == "paragraph" and item.number:
            return ("follow", item.number)
        if item.what == "heading":
            return ("start-of", _short(item.text))
    return ("start", "")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
