"""Renumbering at a new draft: a pure function from the document to a plan.

During a round numbers never change: new paragraphs take ``bis``, ``ter`` …, deleted ones
stay as placeholders, alternatives sit next to their paragraph.  When the secretariat
freezes the text, :func:`renumber` works out the new numbers under the numbering scheme
(continuous, per section, preamble numbered or not):

- ``deleted`` paragraphs (and deleted alternatives) leave;
- every paragraph left takes the next whole number of its numbering unit
  (``17, 17 bis, 18`` → ``17, 18, 19``);
- alternatives follow their paragraph (``6 alt`` → ``5 alt`` when 6 becomes 5); when the
  paragraph itself is deleted, its first alternative takes its place and any others stay
  alternatives to it;
- stable ids never change; only file names do.

Nothing here touches a file: :func:`apply` gives the renamed file set, and
:mod:`zerodraft.rounds.release` performs the same renames in a repository.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from zerodraft.model import Document, Paragraph
from zerodraft.numbering import Number
from zerodraft.vocabulary import Role


@dataclass(frozen=True, slots=True)
class Move:
    """Where one paragraph that stays goes."""

    id: str
    """Its stable id."""
    old_path: str
    """Its file before renumbering."""
    new_path: str
    """Its file after (the same when its number does not change)."""
    old: Number
    """Its number in the round just closed (``17 bis``)."""
    new: Number
    """Its number in the new draft (``18``)."""
    paragraph: Paragraph
    """The paragraph as it stood before renumbering."""

    @property
    def renamed(self) -> bool:
        """True when the file changes name."""
        return self.old_path != self.new_path


@dataclass(frozen=True, slots=True)
class Renumbering:
    """The renumbering plan for one new draft."""

    moves: tuple[Move, ...]
    """Every paragraph that stays, in document order (renamed or not)."""
    removed: tuple[Paragraph, ...]
    """The paragraphs that leave (labelled deleted), in document order."""
    translation_renames: tuple[tuple[str, str], ...] = ()
    """The language versions that follow a renamed paragraph: (``018.fr.md``, ``019.fr.md``) …
    All languages are renumbered together, with one concordance."""
    translations_removed: tuple[str, ...] = ()
    """The language versions of the paragraphs that leave."""

    @property
    def renames(self) -> tuple[Move, ...]:
        """Only the moves that rename a file."""
        return tuple(m for m in self.moves if m.renamed)


def renumber(document: Document) -> Renumbering:
    """The plan that numbers ``document`` afresh; see the module docstring for the rules.

    Idempotent: renumbering an already renumbered draft changes nothing.
    """
    moves: list[Move] = []
    removed: list[Paragraph] = []
    width = _width(document)
    for unit in document.units():
        counter = 0
        unnumbered = 0
        for group in _groups(unit):
            staying = [p for p in group if p.role is not Role.DELETED]
            removed.extend(p for p in group if p.role is Role.DELETED)
            if not staying:
                continue
            if group[0].number.is_unnumbered:
                unnumbered += 1
            else:
                counter += 1
                unnumbered = 0
            for alt, paragraph in enumerate(staying):
                number = Number(counter, 0, alt, 0, unnumbered if group[0].number.is_unnumbered else 0)
                folder = paragraph.path.rsplit("/", 1)[0]
                new_path = f"{folder}/{number.filename(width)}"
                moves.append(Move(paragraph.id, paragraph.path, new_path, paragraph.number, number, paragraph))
    order = {p.path: i for i, p in enumerate(document.paragraphs())}
    removed.sort(key=lambda p: order[p.path])
    versions: dict[str, list[str]] = {}
    for translation in document.translations.paragraphs:
        versions.setdefault(translation.original, []).append(translation.language)
    renamed = tuple(
        (_version(m.old_path, tag), _version(m.new_path, tag))
        for m in moves
        if m.renamed
        for tag in versions.get(m.old_path, ())
    )
    gone = tuple(_version(p.path, tag) for p in removed for tag in versions.get(p.path, ()))
    return Renumbering(tuple(moves), tuple(removed), renamed, gone)


def _version(path: str, language: str) -> str:
    """The ``language`` version's file of paragraph file ``path``: ``018.md`` -> ``018.fr.md``."""
    return f"{path.removesuffix('.md')}.{language}.md"


def apply(files: Mapping[str, bytes], renumbering: Renumbering) -> dict[str, bytes]:
    """The file set after renumbering: removed paragraphs gone, the rest renamed."""
    gone = {p.path for p in renumbering.removed} | {m.old_path for m in renumbering.renames}
    gone |= set(renumbering.translations_removed) | {old for old, _new in renumbering.translation_renames}
    out = {path: data for path, data in files.items() if path not in gone}
    for move in renumbering.renames:
        out[move.new_path] = files[move.old_path]
    for old, new in renumbering.translation_renames:
        out[new] = files[old]
    return out


def _groups(unit: tuple[Paragraph, ...]) -> Iterator[list[Paragraph]]:
    """A unit's paragraphs, each with its alternatives (paragraph first), in document order."""
    groups: dict[tuple[str, Number], list[Paragraph]] = {}
    for paragraph in unit:  # sorted: 6 before 6 alt before 6 alt2 before 6 bis
        folder = paragraph.path.rsplit("/", 1)[0]
        groups.setdefault((folder, paragraph.number.principal), []).append(paragraph)
    yield from groups.values()


def _width(document: Document) -> int:
    """Digits in file names: three, or more for documents beyond 999 paragraphs."""
    count = sum(1 for p in document.paragraphs(alternatives=False))
    return max(3, len(str(count)))
