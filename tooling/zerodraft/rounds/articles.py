"""Renumbering articles at a new draft: Article 6 bis becomes Article 7, and every article
after it moves up one, in the document and, on their own, in each annex.

During a round an article is inserted as ``006bis-article-6-bis/`` (``number: "6 bis"``) so
that no other number changes.  At the release, :func:`renumber_articles` numbers the
articles of each sequence (the one ZD210 checks) afresh, 1, 2, 3 …; each article whose number
changes gets a folder named after its new number (``007-article-7/`` → ``008-article-8/``)
and ``number:`` in its ``section.yaml``.  Paragraph files inside keep their names (they are
numbered per article).  Articles inside option blocks, and sequences holding a number that
is not a whole number with bis/ter/ante (a decimal, a letter), keep their numbers.

Nothing here touches a file: the plan is data, applied by :mod:`zerodraft.rounds.steps`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from zerodraft import frontmatter, numbering
from zerodraft.model import Document, Section, SectionKind
from zerodraft.vocabulary import Role

SECTION_FILE = "section.yaml"


@dataclass(frozen=True, slots=True)
class ArticleMove:
    """One article whose number changes."""

    old_path: str
    """Its folder before the release (``outcome/02-part-i/007-article-7``)."""
    new_path: str
    """Its folder after (``outcome/02-part-i/008-article-8``)."""
    old: str
    """Its number in the round just closed ("7", "6 bis")."""
    new: str
    """Its number in the new draft ("8")."""
    kind: SectionKind = SectionKind.ARTICLE
    """What it is: an article, or a Part, chapter, section, annex or appendix
    (:mod:`zerodraft.rounds.divisions`)."""


def leaving(document: Document) -> tuple[Section, ...]:
    """The articles that leave at the release: every paragraph in them is labelled deleted
    (``zerodraft propose delete "Article 10"``); their folders go with them."""
    return tuple(article for run in document.article_runs() for article in run if leaves(article))


def leaves(article: Section) -> bool:
    """True for an article every paragraph of which is labelled deleted: it leaves at the
    release, and the article after it takes its number."""
    paragraphs = [p for s in article.walk() for p in s.paragraphs]
    return bool(paragraphs) and all(p.role is Role.DELETED for p in paragraphs)


def renumber_articles(document: Document) -> tuple[ArticleMove, ...]:
    """The articles of ``document`` whose number changes when they are numbered afresh
    (the articles that leave, :func:`leaving`, are not counted)."""
    moves: list[ArticleMove] = []
    gone = {a.path for a in leaving(document)}
    for whole in document.article_runs():  # the sequences ZD210 checks
        run = [a for a in whole if a.path not in gone]
        numbers = [numbering.parse(a.number) if a.number else None for a in run]
        if any(n is None or n.point or not a.number[:1].isdigit() for n, a in zip(numbers, run, strict=True)):
            continue
        for counter, article in enumerate(run, start=1):
            parsed = numbering.parse(article.number)
            if parsed is not None and parsed.label() != str(counter):
                moves.append(ArticleMove(article.path, _folder(article, counter), article.number, str(counter)))
    return tuple(moves)


def _folder(article: Section, number: int) -> str:
    """The folder of ``article`` renumbered ``number``: ``006bis-article-6-bis`` → ``007-article-7``."""
    parent, _, key = article.path.rpartition("/")
    prefix, dash, rest = key.partition("-")
    digits = len(re.match(r"\d*", prefix).group())  # type: ignore[union-attr]  # always matches
    new_prefix = numbering.Number(number).order_prefix(max(2, digits, len(str(number))))
    old_slug = "article-" + article.number.replace(" ", "-").lower()
    if rest == old_slug or rest.startswith(old_slug + "-"):
        rest = f"article-{number}{rest[len(old_slug) :]}"
    return f"{parent}/{new_prefix}{dash}{rest}"


def relocate(path: str, moves: Mapping[str, str]) -> str:
    """Where the file or folder at ``path`` is after the folders ``moves`` (old folder to its
    new name beside it, ``…/02bis-part-ii-bis`` → ``…/03-part-iii``) are renamed: every
    renamed folder on the way counts, so an article renumbered inside a renumbered Part is
    found under the Part's new name."""
    if not moves:
        return path
    parts = path.split("/")
    out = list(parts)
    for end in range(1, len(parts) + 1):
        new = moves.get("/".join(parts[:end]))
        if new is not None:
            out[end - 1] = new.rsplit("/", 1)[-1]
    return "/".join(out)


def section_files(files: Mapping[str, bytes], moves: tuple[ArticleMove, ...]) -> dict[str, bytes]:
    """Each renumbered article's (or Part's, annex's …) ``section.yaml`` with its new number
    (and its ``heading:``, when it names it: "Article 6 bis", "PART II bis"), by its path
    before the release; comments and order kept.  A folder renamed only to keep its order
    (its number unchanged) keeps its file."""
    out: dict[str, bytes] = {}
    for move in moves:
        path = f"{move.old_path}/{SECTION_FILE}"
        if path not in files or move.old == move.new:
            continue
        text = files[path].decode("utf-8")
        changes: dict[str, object] = {"number": move.new}
        heading = frontmatter.yaml_value(text, "heading")
        if isinstance(heading, str):
            word = move.kind.word
            words = "|".join(re.escape(w) for w in dict.fromkeys((word, word.upper(), word.lower(), word.capitalize())))
            changes["heading"] = re.sub(rf"\b({words})\s+{re.escape(move.old)}(?![\w])", rf"\g<1> {move.new}", heading)
        out[path] = frontmatter.update_yaml(text, changes).encode("utf-8")
    return out
