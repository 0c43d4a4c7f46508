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

import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from zerodraft import numbering
from zerodraft.model import Document, Paragraph, Section
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
class ArticleMove:
    """Where one article that stays goes (its folder, with everything in it)."""

    old_path: str
    """Its folder before renumbering (``outcome/02-part-i/05bis-article-5-bis``)."""
    new_path: str
    """Its folder after (``outcome/02-part-i/06-article-6``); the same when unchanged."""
    old: str
    """Its number in the round just closed ("5 bis")."""
    new: str
    """Its number in the new draft ("6")."""
    section: Section
    """The article as it stood before renumbering."""

    @property
    def renamed(self) -> bool:
        """True when the article changes number or folder."""
        return self.old_path != self.new_path or self.old != self.new


@dataclass(frozen=True, slots=True)
class Renumbering:
    """The renumbering plan for one new draft."""

    moves: tuple[Move, ...]
    """Every paragraph that stays, in document order (renamed or not)."""
    removed: tuple[Paragraph, ...]
    """The paragraphs that leave (labelled deleted), in document order."""
    articles: tuple[ArticleMove, ...] = ()
    """Every article that stays, in document order (renumbered or not)."""
    removed_articles: tuple[Section, ...] = ()
    """The articles that leave: every paragraph in them is labelled deleted."""

    def folder_of(self, path: str) -> str:
        """Where a file or folder ends up when the articles holding it are renamed."""
        for move in self._renamed_articles():
            if path == move.old_path or path.startswith(move.old_path + "/"):
                return move.new_path + path[len(move.old_path) :]
        return path

    def _renamed_articles(self) -> tuple[ArticleMove, ...]:
        return tuple(m for m in self.articles if m.old_path != m.new_path)

    def file_moves(self, paths: Iterable[str]) -> dict[str, str]:
        """For the files ``paths`` (all of the document's), where each goes: paragraphs to
        their new numbers, everything else in a renamed article's folder along with it.
        Files that leave and files that stay put are not listed."""
        gone = self.gone(paths)
        renamed = {m.old_path: m.new_path for m in self.moves}
        out = {}
        for path in paths:
            if path in gone:
                continue
            new = renamed.get(path) or self.folder_of(path)
            if new != path:
                out[path] = new
        return out

    def gone(self, paths: Iterable[str]) -> set[str]:
        """The files that leave: deleted paragraphs and all of a removed article's folder."""
        out = {p.path for p in self.removed}
        folders = tuple(s.path + "/" for s in self.removed_articles)
        out.update(path for path in paths if path.startswith(folders))
        return out

    @property
    def renames(self) -> tuple[Move, ...]:
        """Only the moves that rename a file."""
        return tuple(m for m in self.moves if m.renamed)

    def by_id(self) -> dict[str, Move]:
        """The moves keyed by stable id."""
        return {m.id: m for m in self.moves}

    @property
    def changes_anything(self) -> bool:
        """False when the draft is already numbered (no rename, nothing removed)."""
        return bool(self.removed or self.renames or self.removed_articles or any(a.renamed for a in self.articles))


def renumber(document: Document) -> Renumbering:
    """The plan that numbers ``document`` afresh; see the module docstring for the rules.

    Idempotent: renumbering an already renumbered draft changes nothing.
    """
    moves: list[Move] = []
    removed: list[Paragraph] = []
    width = _width(document)
    articles, removed_articles = _articles(document)
    folders = Renumbering((), (), articles, removed_articles)
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
                folder = folders.folder_of(paragraph.path.rsplit("/", 1)[0])
                new_path = f"{folder}/{number.filename(width)}"
                moves.append(Move(paragraph.id, paragraph.path, new_path, paragraph.number, number, paragraph))
    order = {p.path: i for i, p in enumerate(document.paragraphs())}
    removed.sort(key=lambda p: order[p.path])
    return Renumbering(tuple(moves), tuple(removed), articles, removed_articles)


def apply(files: Mapping[str, bytes], renumbering: Renumbering) -> dict[str, bytes]:
    """The file set after renumbering: removed paragraphs and articles gone, the rest
    renamed, each renumbered article's ``section.yaml`` saying its new number."""
    gone = renumbering.gone(files)
    moves = renumbering.file_moves(files)
    out: dict[str, bytes] = {}
    for path, data in files.items():
        if path not in gone:
            out[moves.get(path, path)] = data
    for article in renumbering.articles:
        path = f"{article.new_path}/section.yaml"
        if article.old != article.new and path in out:
            out[path] = renumbered_section(out[path], article)
    return out


def renumbered_section(data: bytes, article: ArticleMove) -> bytes:
    """An article's ``section.yaml`` with its new number, in ``number:`` and in a
    ``heading:`` that prints it ("Article 5 bis" becomes "Article 6"); comments and the
    other keys kept as written."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    loaded = yaml.load(data.decode("utf-8"))
    if not isinstance(loaded, dict):
        return data
    loaded["number"] = DoubleQuotedScalarString(article.new)
    heading = loaded.get("heading")
    if isinstance(heading, str):
        old = re.compile(rf"(\barticle\s+){re.escape(article.old)}(?![\w])", re.IGNORECASE)
        loaded["heading"] = old.sub(lambda m: m.group(1) + article.new, heading, count=1)
    buffer = io.StringIO()
    yaml.dump(loaded, buffer)
    return buffer.getvalue().encode("utf-8")


def _articles(document: Document) -> tuple[tuple[ArticleMove, ...], tuple[Section, ...]]:
    """Each run of articles numbered afresh: deleted articles leave, the others take 1, 2,
    3 … in order (``5, 5 bis, 6`` → ``5, 6, 7``; ``20 ante, 20`` → ``20, 21``)."""
    moves: list[ArticleMove] = []
    removed: list[Section] = []
    for run in document.article_runs():
        counter = 0
        for article in run:
            paragraphs = [p for s in article.walk() for p in s.paragraphs]
            if paragraphs and all(p.role is Role.DELETED for p in paragraphs):
                removed.append(article)
                continue
            if numbering.parse(article.number) is None:
                continue  # an unnumbered or oddly numbered article keeps its place and name
            counter += 1
            new = str(counter)
            parent, name = article.path.rsplit("/", 1)
            prefix, _, slug = name.partition("-")
            digits = len(prefix) - len(prefix.lstrip("0123456789"))
            old_slug = "article-" + article.number.replace(" ", "-").lower()
            slug = f"article-{new}" if slug == old_slug else slug
            folder = f"{parent}/{counter:0{max(2, digits, len(new))}d}-{slug}"
            moves.append(ArticleMove(article.path, folder, article.number, new, article))
    return tuple(moves), tuple(removed)


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
