"""A delegation's edits as proposals, written exactly as ``zerodraft propose`` writes them.

Each :class:`~zerodraft.intake.edits.Edit` becomes the file change of
:func:`zerodraft.rounds.proposal.propose` (an amendment, a ``bis`` insertion, a deletion; a move is an
insertion where the text now stands and the deletion of where it stood), made on the current
text (the paragraph found by its id, so a draft renumbered since still matches).  Every change
is then judged by the pull-request policy (:func:`zerodraft.policy.review`) for the
delegation, exactly as ``pr-check`` will judge the pull request, and by ``zerodraft check``;
what either refuses is listed and not written.
"""

from __future__ import annotations

from dataclasses import dataclass

from zerodraft import checks
from zerodraft.errors import Fatal
from zerodraft.git import FileChange
from zerodraft.intake.edits import Edit, Kind, Reading
from zerodraft.model import Document, Problem, SectionKind
from zerodraft.policy import Author, review
from zerodraft.policy import Change as Judged
from zerodraft.reader import Reading as Text
from zerodraft.reader import read, read_paragraph
from zerodraft.rounds.article_proposals import propose as propose_article
from zerodraft.rounds.change import Change
from zerodraft.rounds.proposal import new_problems, propose
from zerodraft.source import MemoryTree

_NO_BLOB = "0" * 40


@dataclass(frozen=True, slots=True)
class Proposal:
    """One edit made into file changes."""

    edit: Edit
    """What the delegation did."""
    changes: tuple[Change, ...]
    """The files it writes (two for a move)."""
    summary: str
    """One line: "Kenya proposes to amend 18"."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything intake would write for one Word file, and what it will not."""

    delegation: str
    """The delegation, by its roster name."""
    proposals: tuple[Proposal, ...]
    """What is written, in the draft's order."""
    comments: tuple[Edit, ...]
    """Paragraphs only commented on (listed in the description, nothing written)."""
    problems: tuple[Problem, ...]
    """What is refused or cannot be placed, as ``file:paragraph: CODE message``."""
    warnings: tuple[Problem, ...]
    """What is written but worth a word (a deletion that leaves a reference to it, as ``propose`` warns)."""
    files: dict[str, str]
    """The files written: path → whole new content."""


def make(current_text: Text, files: dict[str, bytes], reading: Reading, delegation: str, word_name: str) -> Plan:
    """The proposals for ``reading`` on the current text (``current_text``, read from ``files``)."""
    document = current_text.document
    entry = document.roster.find(delegation)
    if entry is None:
        known = ", ".join(d.name for d in document.roster.delegations[:8])
        raise Fatal(
            f"'{delegation}' is not in {document.root}/delegations.yaml; use a name or code listed there ({known} …)"
        )
    who = Author(login=entry.name, delegations=(entry.name,))
    planned = dict(files)
    current = document
    proposals: list[Proposal] = []
    comments: list[Edit] = []
    problems: list[Problem] = []
    followed: set[str] = set()  # paragraphs given a bis already: the next insertion after one needs ter
    for edit in reading.edits:
        if edit.kind is Kind.COMMENT:
            comments.append(edit)
            continue
        anchor = edit.paragraph if edit.kind is Kind.INSERT else edit.anchor
        if anchor is not None and anchor.id in followed:
            current = read(MemoryTree(planned), document.root).document
        try:
            changes = _changes(current, planned, edit, entry.name)
        except Fatal as error:
            problems.append(Problem(word_name, edit.position or 1, "ZD631", f"{_what(edit)}: {error}"))
            continue
        refused = [p for c in changes for p in _judge(document, files, c, who)]
        if refused:
            problems += [Problem(word_name, edit.position or 1, p.code, f"{_what(edit)}: {p.message}") for p in refused]
            continue
        for write in (w for change in changes for w in change.writes()):
            planned[write.path] = write.content.encode("utf-8")
        if anchor is not None:
            followed.add(anchor.id)
        summary = changes[0].summary
        if edit.kind is Kind.MOVE:
            summary = f"{entry.name} proposes to move {edit.paragraph.label} to follow {changes[0].number}"
        proposals.append(Proposal(edit, changes, summary))
    broken = new_problems(files, planned, document.root, current_text)
    warnings = tuple(p for p in broken if p.code in checks.FOLLOW_UPS)  # written, as propose writes them
    broken = [p for p in broken if p.code not in checks.FOLLOW_UPS]
    if broken:
        paths = {p.path for p in broken}
        kept = [p for p in proposals if not any(w.path in paths for c in p.changes for w in c.writes())]
        for proposal in proposals:
            if proposal not in kept:
                mine = {w.path for c in proposal.changes for w in c.writes()}
                for problem in (p for p in broken if p.path in mine):
                    problems.append(
                        Problem(
                            word_name,
                            proposal.edit.position or 1,
                            problem.code,
                            f"{_what(proposal.edit)}: {problem.message}",
                        )
                    )
        proposals = kept
    written = {w.path: w.content for p in proposals for c in p.changes for w in c.writes()}
    return Plan(entry.name, tuple(proposals), tuple(comments), tuple(problems), warnings, written)


def _changes(document: Document, planned: dict[str, bytes], edit: Edit, who: str) -> tuple[Change, ...]:
    paragraph = document.find(edit.paragraph.id)
    if paragraph is None:
        raise Fatal(
            f"paragraph {edit.paragraph.label} of the Word file's draft is no longer in the text; "
            "make this change again in the Word file of the current draft"
        )
    decoded = {path: data.decode("utf-8", "replace") for path, data in planned.items()}
    if edit.kind is Kind.AMEND:
        return (propose(document, decoded, "amend", paragraph.id, who, edit.text, reopen=True),)
    if edit.kind is Kind.DELETE:
        return (propose(document, decoded, "delete", paragraph.id, who, reopen=True),)
    if edit.kind is Kind.INSERT:
        return (propose(document, decoded, "insert-after", paragraph.id, who, edit.text),)
    if edit.kind is Kind.ARTICLE:
        folder = paragraph.path.rsplit("/", 1)[0]
        articles = [
            s for s in document.walk() if s.kind is SectionKind.ARTICLE and f"{folder}/".startswith(f"{s.path}/")
        ]
        if not articles:
            raise Fatal(f"paragraph {paragraph.label} is in no article, so a new article cannot follow it")
        return (propose_article(document, decoded, "insert-after", articles[-1], who, edit.text, title=edit.title),)
    assert edit.anchor is not None
    anchor = document.find(edit.anchor.id)
    if anchor is None:
        raise Fatal(f"paragraph {edit.anchor.label}, which it now follows, is no longer in the text")
    inserted = propose(document, decoded, "insert-after", anchor.id, who, edit.text)
    return inserted, propose(document, decoded, "delete", paragraph.id, who, reopen=True)


def _judge(document: Document, files: dict[str, bytes], change: Change, who: Author) -> list[Problem]:
    """The policy's verdict on the files one proposal writes, together (a new article's
    ``section.yaml`` with its paragraph), as ``pr-check`` would give it for ``who``."""
    cfg, roster, root = document.config, document.roster, document.root
    judged = []
    for write in change.writes():
        before = None
        if not write.created and write.path in files:
            before = read_paragraph(write.path, files[write.path], cfg, roster, root)[0]
        data = write.content.encode("utf-8")
        after = read_paragraph(write.path, data, cfg, roster, root)[0]
        file = FileChange(
            status="added" if write.created else "modified",
            path=write.path,
            old_path=write.path,
            old_kind=None if write.created else "file",
            new_kind="file",
            old_blob=_NO_BLOB,
            new_blob=_NO_BLOB,
            size=len(data),
        )
        judged.append(Judged(file, before=before, after=after))
    return review(who, judged, roster, root)


def judge_section(
    document: Document, path: str, who: str, word_name: str, position: int, what: str, *, added: bool = False
) -> list[Problem]:
    """The policy's verdict on an edited heading (``section.yaml``) or title (``document.yaml``),
    or on a new article (a new ``section.yaml``), as ``pr-check`` would give it."""
    file = FileChange(
        "added" if added else "modified", path, path, None if added else "file", "file", _NO_BLOB, _NO_BLOB, 0
    )
    author = Author(login=who, delegations=(who,))
    return [
        Problem(word_name, position, p.code, f"{what}: {p.path} {p.message}")
        for p in review(author, [Judged(file)], document.roster, document.root)
    ]


def _what(edit: Edit) -> str:
    """``the amendment to 18`` …, to begin a refusal."""
    label = edit.paragraph.label
    return {
        Kind.AMEND: f"the amendment to {label}",
        Kind.DELETE: f"the deletion of {label}",
        Kind.INSERT: f"the new paragraph after {label}",
        Kind.MOVE: f"the move of {label}",
        Kind.COMMENT: f"the comment on {label}",
        Kind.ARTICLE: f"the new article after the one holding {label}",
    }[edit.kind]
