"""Proposals on whole articles during a round: insert a new article after one, or propose
deleting one.

| kind | file change |
| --- | --- |
| insert after "Article 5" | a new folder ``05bis-article-5-bis/`` beside Article 5 (``ter`` if bis is taken …) with a ``section.yaml`` (``kind: article``, ``number: "5 bis"``, the ``--title``) and one unnumbered paragraph ``001.md``: fresh id, ``proposed``, the delegation as proposer |
| delete "Article 10" | every paragraph of Article 10 labelled ``deleted``, the delegation added to ``proposed-by`` |

No other article's number changes during a round; ``zerodraft release`` renumbers them.
"""

from __future__ import annotations

import json

from zerodraft import characters, frontmatter, numbering
from zerodraft.errors import Fatal
from zerodraft.model import Document, Section, SectionKind
from zerodraft.references.lookup import describe
from zerodraft.rounds.change import Change, FileWrite, Kind, fresh_id
from zerodraft.vocabulary import Role


def propose(
    document: Document,
    current: dict[str, str],
    kind: Kind,
    article: Section,
    who: str,
    text: str,
    *,
    title: str = "",
    reopen: bool = False,
) -> Change:
    """The change for a proposal on ``article`` (a section); :class:`Fatal` for what can only
    be proposed on a paragraph."""
    name = " ".join(article.heading.splitlines()[:1]) or article.key
    if article.kind is not SectionKind.ARTICLE:
        raise Fatal(f"'{name}' is not an article; name an article or one of its paragraphs")
    if kind == "insert-after":
        return _insert_after(document, article, who, text, title)
    if kind == "delete":
        return _delete(document, current, article, who, reopen=reopen)
    raise Fatal(f"'{kind}' is made on a paragraph: name one of {name}'s, like '{name}(1)'")


def _insert_after(document: Document, article: Section, who: str, text: str, title: str) -> Change:
    candidate = free_after(document, article)
    label = candidate.label()
    folder = article_folder(article.path.rsplit("/", 1)[0], article, candidate)
    if document.section_at(folder) is not None:
        raise Fatal(f"{folder} exists already; nothing was written")
    section_yaml, paragraph = new_article(document, folder, label, title, who, text)
    return Change(
        paragraph.path,
        paragraph.content,
        True,
        f"{who} proposes Article {label} after Article {article.number}",
        f"Article {label}",
        who,
        (section_yaml,),
    )


def free_after(document: Document, article: Section) -> numbering.Number:
    """The number of an article inserted right after ``article``: bis, or ter if bis is
    taken …; :class:`Fatal` when there is none."""
    number = numbering.parse(article.number)
    if number is None or number.point:
        raise Fatal(f"Article {article.number or '(unnumbered)'} has no number to insert after")
    run = next((r for r in document.article_runs() if any(s is article for s in r)), (article,))
    taken = {n for s in run if (n := numbering.parse(s.number)) is not None}
    candidate = number.next_insertion()
    while candidate is not None and candidate in taken:
        candidate = candidate.next_insertion()
    if candidate is None:
        raise Fatal(f"there is no free number after Article {article.number} (decies is taken)")
    return candidate


def article_folder(parent: str, like: Section | None, number: numbering.Number) -> str:
    """The folder of Article ``number`` in ``parent``: ``…/05bis-article-5-bis``, its order
    number as wide as the one of the article ``like`` (two digits at least)."""
    prefix = like.key.split("-", 1)[0] if like is not None else ""
    width = max(2, len(prefix) - len(prefix.lstrip("0123456789")))
    return f"{parent}/{number.order_prefix(width)}-article-{number.label().replace(' ', '-')}"


def new_article(
    document: Document, folder: str, label: str, title: str, who: str, text: str, *, in_division: bool = False
) -> tuple[FileWrite, FileWrite]:
    """The files of a new article ``label`` in ``folder``: its ``section.yaml`` and its one
    unnumbered paragraph ``001.md`` (a fresh id, labelled proposed, ``who`` its proposer);
    ``in_division`` when it is the first article of a new Part (its title typed with
    ``--article-title``)."""
    lines = ["kind: article", f'number: "{label}"']
    if title.strip():
        lines.append(title_line(title, "--article-title" if in_division else "--title"))
    lines.append("numbered: false")
    return FileWrite(f"{folder}/section.yaml", "\n".join(lines) + "\n", True), new_paragraph(
        document, f"{folder}/001.md", who, text
    )


def new_paragraph(document: Document, path: str, who: str, text: str) -> FileWrite:
    """The new paragraph file ``path``: a fresh id, labelled proposed, ``who`` its proposer."""
    proposed = document.config.vocabulary.of(Role.PROPOSED).label
    content = frontmatter.render({"id": fresh_id(document), "status": proposed, "proposed-by": [who]}, text.strip("\n"))
    return FileWrite(path, content, True)


def _delete(document: Document, current: dict[str, str], article: Section, who: str, *, reopen: bool) -> Change:
    return delete_section(document, current, article, f"Article {article.number}", who, reopen=reopen)


def delete_section(
    document: Document, current: dict[str, str], section: Section, name: str, who: str, *, reopen: bool
) -> Change:
    """The proposal to delete the article (Part, annex …) ``section``, called ``name`` in
    messages: every paragraph in it labelled deleted, ``who`` added to its proposers; agreed
    text only with ``reopen``."""
    vocabulary = document.config.vocabulary
    paragraphs = [p for s in section.walk() for p in s.paragraphs]
    if not paragraphs:
        raise Fatal(f"{name} has no paragraph to label deleted")
    agreed = [p for p in paragraphs if p.role is not None and p.role.is_agreed]
    if agreed and not reopen:
        where = describe(document, agreed[0])
        where = where if section.kind is SectionKind.ARTICLE else f"{where} (in {name})"
        raise Fatal(
            f"{where} is {vocabulary.of(agreed[0].role).display}: "  # type: ignore[arg-type]
            "only its facilitator or the secretariat reopens agreed text (they add --reopen)"
        )
    writes = []
    deleted = vocabulary.of(Role.DELETED).label
    for paragraph in paragraphs:
        proposers = list(paragraph.proposed_by)
        if not any(document.roster.find(n) == document.roster.find(who) for n in proposers):
            proposers.append(who)
        content = frontmatter.update(current[paragraph.path], {"status": deleted, "proposed-by": proposers})
        writes.append(FileWrite(paragraph.path, content, False))
    first, *rest = writes
    return Change(first.path, first.content, False, f"{who} proposes to delete {name}", name, who, tuple(rest))


def title_line(title: str, option: str = "--title") -> str:
    """The ``title:`` line of a new section's ``section.yaml`` for ``title``, typed with
    ``option``: one line, double-quoted; :class:`Fatal` for a title holding a hidden or control
    character (which the quotes would write as an escape, unseen by the check)."""
    found = next(characters.hidden(title), None)
    if found is not None:
        raise Fatal(
            f"{option} holds a hidden or control character ({found.codepoint}) at column {found.index + 1}; "
            "type the title again without it; nothing was written"
        )
    return "title: " + json.dumps(" ".join(title.split()), ensure_ascii=False)  # a JSON string is a YAML one
