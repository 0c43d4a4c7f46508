"""Proposals on whole Parts, chapters, sections, annexes and appendices during a round:
insert a new one after one, or propose deleting one.

| kind | file change |
| --- | --- |
| insert after "Part II" | a new folder ``02bis-part-ii-bis/`` beside Part II (``ter`` if bis is taken …) with a ``section.yaml`` (``kind: part``, ``number: "II bis"``, the ``--title``) and, since Part II holds articles, its first article, numbered after the last article of Part II (Article 12 bis, titled ``--article-title``), whose one unnumbered paragraph ``001.md`` is the ``--text``: fresh id, ``proposed``, the delegation as proposer |
| insert after "Annex I" | ``03bis-annex-i-bis/`` likewise; an annex numbers its articles on its own, so its first article is Article 1; an annex without articles gets the text as its paragraph 1 (printed without a number when Annex I's paragraphs are) |
| delete "Part III" | every paragraph of every article in Part III labelled ``deleted``, the delegation added to ``proposed-by`` |

A new division is never empty: a Part without an article would not check (and a diplomat
proposing one has its first provision in hand), so the ``--text`` is required and becomes
its first paragraph.  No other number changes during a round; ``zerodraft release`` makes
Part II bis Part III (:mod:`zerodraft.rounds.divisions`), Article 12 bis Article 13, and the
deleted Part leave with its articles.
"""

from __future__ import annotations

from zerodraft import numbering
from zerodraft.errors import Fatal
from zerodraft.model import Document, Section, SectionKind
from zerodraft.rounds.article_proposals import (
    article_folder,
    delete_section,
    free_after,
    new_article,
    new_paragraph,
    title_line,
)
from zerodraft.rounds.change import Change, FileWrite, Kind
from zerodraft.rounds.divisions import next_number

_OWN_ARTICLES = (SectionKind.ANNEX, SectionKind.APPENDIX)
"""The divisions whose articles are numbered on their own, from 1."""


def name(section: Section) -> str:
    """How a message names a division: ``Part II``, ``Annex I``, ``Section 2``."""
    return f"{section.kind.word.capitalize()} {section.number}".strip()


def propose(
    document: Document,
    current: dict[str, str],
    kind: Kind,
    division: Section,
    who: str,
    text: str,
    *,
    title: str = "",
    article_title: str = "",
    reopen: bool = False,
) -> Change:
    """The change for a proposal on the Part (chapter, section, annex, appendix) ``division``;
    :class:`Fatal` for what can only be proposed on a paragraph."""
    called = name(division)
    if kind == "insert-after":
        return _insert_after(document, division, who, text, title, article_title)
    if kind == "delete":
        return delete_section(document, current, division, called, who, reopen=reopen)
    raise Fatal(f"'{kind}' is made on a paragraph: name one of {called}'s, like 'Article 5(1)' or its id")


def _insert_after(document: Document, division: Section, who: str, text: str, title: str, article_title: str) -> Change:
    parent = document.parent_of(division)
    siblings = parent.subsections if parent is not None else document.sections
    number = next_number(division, siblings)
    if not number:
        raise Fatal(f"there is no free number after {name(division)} to insert a new one")
    folder = _folder(division, siblings, number)
    if document.section_at(folder) is not None:
        raise Fatal(f"{folder} exists already; nothing was written")
    lines = [f"kind: {division.kind.value}", f'number: "{number}"']
    if title.strip():
        lines.append(title_line(title))
    articles = [s for s in division.walk() if s.kind is SectionKind.ARTICLE]
    inside: tuple[FileWrite, ...]
    with_what = ""
    if articles:
        own = division.kind in _OWN_ARTICLES  # an annex's articles run from 1
        first = numbering.Number(1) if own else free_after(document, articles[-1])
        label = first.label()
        inside = new_article(
            document, article_folder(folder, articles[-1], first), label, article_title, who, text, in_division=True
        )
        with_what = f" (its first article, Article {label})"
    else:
        if article_title.strip():
            raise Fatal(f"{name(division)} has no articles, so neither has the new one: leave out --article-title")
        printed = (
            division.numbers_own
            and division.numbered
            and any(document.is_printed_numbered(p) for p in division.paragraphs)
        )
        if not printed:
            lines.append("numbered: false")
        inside = (new_paragraph(document, f"{folder}/001.md", who, text),)
    created = f"{division.kind.word.capitalize()} {number}"
    section_yaml = FileWrite(f"{folder}/section.yaml", "\n".join(lines) + "\n", True)
    main, *rest = (*inside[1:], *inside[:1]) if articles else inside
    return Change(
        main.path,
        main.content,
        True,
        f"{who} proposes {created} after {name(division)}{with_what}",
        created,
        who,
        (section_yaml, *rest),
    )


def _folder(division: Section, siblings: tuple[Section, ...], number: str) -> str:
    """The new division's folder beside ``division``: its order number with the next free
    suffix (``02`` -> ``02bis``), its name the kind and number (``part-ii-bis``)."""
    parent, _, key = division.path.rpartition("/")
    prefix = key.split("-", 1)[0]
    order = numbering.from_order(prefix)
    digits = len(prefix) - len(prefix.lstrip("0123456789"))
    taken = {s.key.split("-", 1)[0] for s in siblings}
    candidate = order.next_insertion() if order is not None else None
    while candidate is not None and candidate.order_prefix(digits) in taken:
        candidate = candidate.next_insertion()
    if candidate is None:
        raise Fatal(f"there is no free folder name after {division.path}; nothing was written")
    slug = f"{division.kind.value}-{number.replace(' ', '-').lower()}"
    return f"{parent}/{candidate.order_prefix(digits)}-{slug}"
