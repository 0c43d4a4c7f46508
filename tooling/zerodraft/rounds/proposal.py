"""Proposals during a round: the exact file change a reviewer expects for each kind.

| kind | file change |
| --- | --- |
| insert after 18 | new ``018bis.md`` (``018ter.md`` if bis is taken …), fresh id, ``proposed``, the delegation as proposer |
| amend 18 | new text in ``018.md``; the delegation added to ``proposed-by``; agreed text reopens as ``open`` |
| delete 18 | ``018.md`` labelled ``deleted``; the delegation added to ``proposed-by`` |
| alternative to 18 | new ``018alt.md`` (``018alt2.md`` …), fresh id, ``proposed`` |
| support / oppose 18 bis | the delegation added to ``supported-by`` / ``opposed-by`` (and taken off the other) |

No other paragraph's number ever changes during a round.  :func:`propose` computes the change
without writing anything; the command checks the result and then writes it whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from zerodraft import checks, frontmatter, names
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.model import DIVISIONS, Document, Paragraph, Problem, Section
from zerodraft.numbering import Number
from zerodraft.output import write_atomically
from zerodraft.reader import Reading
from zerodraft.references.lookup import lookup, lookup_paragraph
from zerodraft.rounds.article_proposals import propose as propose_article
from zerodraft.rounds.change import NEEDS_TEXT, Change, FileWrite, Kind, fresh_id
from zerodraft.rounds.division_proposals import propose as propose_division
from zerodraft.vocabulary import Role


def propose(
    document: Document,
    current: dict[str, str],
    kind: Kind,
    reference: str,
    delegation: str,
    text: str = "",
    *,
    reopen: bool = False,
    title: str = "",
    article_title: str = "",
) -> Change:
    """The change for one proposal; ``current`` maps paths to the files' text (only the
    target paragraph's file is needed).  Agreed text is amended or deleted only with
    ``reopen`` — what the facilitator or the secretariat may do, not a delegation (the
    pull-request policy, ZD904/ZD905, refuses it from a delegation)."""
    entry = document.roster.find(delegation)
    if entry is None:
        raise Fatal(
            f"'{delegation}' is not a delegation in {document.root}/delegations.yaml"
            f"{names.hint(document.roster, delegation)}; use a name, code or other name listed there"
        )
    who = entry.name
    if kind in NEEDS_TEXT and not text.strip():
        raise Fatal(f"'{kind}' needs the proposed text: give it with --text or --text-file")
    found = lookup(document, reference)
    if isinstance(found, Section) and found.kind in DIVISIONS:
        return propose_division(
            document, current, kind, found, who, text, title=title, article_title=article_title, reopen=reopen
        )
    if isinstance(found, Section):
        return propose_article(document, current, kind, found, who, text, title=title, reopen=reopen)
    paragraph = found
    vocabulary = document.config.vocabulary
    proposed = vocabulary.of(Role.PROPOSED).label
    if kind in ("insert-after", "alternative"):
        if paragraph.number.is_alternative:
            raise Fatal(
                f"{paragraph.label} is an alternative; propose against paragraph {paragraph.number.principal.label()}"
            )
        if kind == "alternative" and paragraph.role is not None and paragraph.role.is_agreed:
            raise Fatal(
                f"paragraph {paragraph.label} is agreed; an alternative to it cannot stand beside it. "
                "Propose an amendment instead (it reopens the paragraph)"
            )
        number = _free(document, paragraph, kind)
        folder = paragraph.path.rsplit("/", 1)[0]
        width = max(3, len(str(paragraph.number.base)), _digits(paragraph.path))
        content = frontmatter.render(
            {"id": fresh_id(document), "status": proposed, "proposed-by": [who]}, text.strip("\n")
        )
        new = _cited(document, paragraph, number.label())
        what = (
            f"{new} after {_cited(document, paragraph)}"
            if kind == "insert-after"
            else f"{new} to replace {_cited(document, paragraph)}"
        )
        short = _short(document, paragraph, number.label())
        return Change(f"{folder}/{number.filename(width)}", content, True, f"{who} proposes {what}", short, who)
    if not paragraph.id:
        raise Fatal(f"{paragraph.path} has broken front matter; fix it first ('zerodraft check' says how)")
    if kind in ("amend", "delete") and paragraph.role is not None and paragraph.role.is_agreed and not reopen:
        raise Fatal(
            f"paragraph {paragraph.label} is {vocabulary.of(paragraph.role).display}: only its facilitator or the "
            "secretariat reopens agreed text (they add --reopen); a delegation can propose a new paragraph after it"
        )
    old = current[paragraph.path]

    def _add(names: tuple[str, ...], who: str) -> list[str]:
        mentioned = any(document.roster.find(name) == entry for name in names)
        return list(names) if mentioned else [*names, who]

    if kind == "amend":
        changes: dict[str, object] = {"proposed-by": _add(paragraph.proposed_by, who)}
        if paragraph.role is not None and paragraph.role.is_agreed:
            changes["status"] = vocabulary.of(Role.OPEN).label
        content = frontmatter.update(old, changes, text.strip("\n"))
        summary = f"{who} proposes to amend {_cited(document, paragraph)}"
    elif kind == "delete":
        changes = {"status": vocabulary.of(Role.DELETED).label, "proposed-by": _add(paragraph.proposed_by, who)}
        content = frontmatter.update(old, changes)
        summary = f"{who} proposes to delete {_cited(document, paragraph)}"
    else:
        mine, other = ("supported-by", "opposed-by") if kind == "support" else ("opposed-by", "supported-by")
        have = paragraph.supported_by if kind == "support" else paragraph.opposed_by
        others = paragraph.opposed_by if kind == "support" else paragraph.supported_by
        rest = [d for d in others if (document.roster.find(d) or d) != entry and d != who]
        changes = {mine: _add(have, who), other: rest or None}
        content = frontmatter.update(old, changes)
        summary = f"{who} {'supports' if kind == 'support' else 'opposes'} {_cited(document, paragraph)}"
    return Change(paragraph.path, content, False, summary, _short(document, paragraph), who)


def _cited(document: Document, paragraph: Paragraph, label: str = "") -> str:
    """How a commit message names the paragraph (or the new number ``label`` beside it):
    ``Article 8(2)`` in an article, ``18 bis`` elsewhere, as before articles existed."""
    label = label or paragraph.label
    article = document.article_of(paragraph)
    if article is None:
        return label
    name = " ".join(article.heading.splitlines()[:1]) or f"Article {article.number}".strip()
    return f"{name}({label})" if document.is_printed_numbered(paragraph) else f"the paragraph {label} of {name}"


def _short(document: Document, paragraph: Paragraph, label: str = "") -> str:
    """The paragraph (or new number ``label``) in a branch name: ``8.2`` in article 8, ``18 bis``."""
    label = label or paragraph.label
    article = document.article_of(paragraph)
    return f"{article.number}.{label}" if article is not None and article.number else label


def new_problems(
    files: dict[str, bytes], planned: dict[str, bytes], root: str, before: Reading | None = None
) -> list[Problem]:
    """What the planned files break that ``files`` did not (a document with old problems can
    still be proposed on): every problem ``zerodraft check`` would report, less the known ones.
    ``before`` is the reading of ``files``, when the caller has it already."""
    from zerodraft.reader import checked, read
    from zerodraft.source import MemoryTree

    before = before or read(MemoryTree(files), root)
    known = {(p.path, p.code, p.message) for p in (*before.problems, *checks.run(before.document))}
    return [p for p in checked(MemoryTree(planned), root).problems if (p.path, p.code, p.message) not in known]


def find(document: Document, reference: str) -> Paragraph:
    """The paragraph a delegate means: a stable id, or a number as written ("18", "18 bis",
    "OP18bis", "pp3", "Article 7(2)", "article 7, paragraph 2", "7.2"); :class:`Fatal` when
    there is none (see :mod:`zerodraft.references.lookup`)."""
    return lookup_paragraph(document, reference)


def _free(document: Document, paragraph: Paragraph, kind: Kind) -> Number:
    """The first free number after ``paragraph`` (bis, ter …) or for its alternative."""
    taken = {p.number for p in document.paragraphs() if document.same_unit(p, paragraph)}
    if kind == "alternative":
        for alt in range(1, 10):
            candidate = replace(paragraph.number, alt=alt)
            if candidate not in taken:
                return candidate
        raise Fatal(f"paragraph {paragraph.label} already has nine alternatives")
    step: Number | None = paragraph.number.next_insertion()
    while step is not None and step in taken:
        step = step.next_insertion()
    if step is None:
        raise Fatal(
            f"there is no free number after {paragraph.label} (decies is taken); insert after another paragraph"
        )
    return step


def _digits(path: str) -> int:
    name = path.rsplit("/", 1)[1]
    return len(name) - len(name.lstrip("0123456789"))


def write_files(root: Path, writes: Iterable[FileWrite]) -> None:
    """Write each file of a proposal atomically, making a new article's folder first."""
    for write in writes:
        target = root / write.path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, write.content)


def branch_name(delegation: str, kind: str, number: str) -> str:
    """The branch a proposal goes on unless named: ``kenya/insert-after-18bis``."""
    slug = re.sub(r"[^a-z0-9]+", "-", delegation.casefold()).strip("-") or "delegation"
    return f"{slug}/{kind}-{number.replace(' ', '')}"


def commit_on_branch(repository: Repository, change: Change, branch: str, root: str) -> None:
    """Write the proposal's files and commit them on the new branch ``branch`` (which is
    then checked out, ready to push as a pull request) — or, on any failure, Ctrl-C
    included, leave the repository as it was: back on the branch it was on, no new branch."""
    git = Git(repository)
    if git.dirty(root):
        raise Fatal("the working tree has uncommitted changes: commit or stash them before proposing on a branch")
    if git.ok("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"):
        raise Fatal(f"the branch {branch} exists already; choose another with --new-branch NAME")
    start = git.branch() or git.head()
    writes = change.writes()
    paths = [write.path for write in writes]
    git.run("switch", "--quiet", "-c", branch)
    try:
        write_files(repository.root, writes)
        git.run("add", "--", *paths)
        git.run("commit", "--quiet", "-m", change.summary, "--", *paths)
    except BaseException:
        git.run("reset", "--quiet", "--hard")
        git.run("clean", "-d", "--force", "--quiet", "--", *paths)
        git.run("switch", "--quiet", "--detach" if len(start) == 40 else "--no-guess", start)
        git.run("branch", "-D", branch)
        raise
