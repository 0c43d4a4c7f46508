"""The history of the paragraphs across commits and drafts: one implementation, for
``zerodraft history`` (one paragraph) and the site (every paragraph, in one pass).

A paragraph is followed by its stable id.  The main line of the branch is read once (``git
log --first-parent --name-status``, :meth:`~zerodraft.git.Repository.main_line`: a merged
pull request is one change, credited to the author of its last commit, "via" the merge) and
walked from the newest commit back, with a map from file to id.  During a round a
paragraph keeps its file; at a release commit the map is reset from that draft's
concordance (``outcome/concordance/draft-3.yaml``), which records every paragraph's old and
new file.  So the walk is exact even where git's rename detection is not: when 6 is deleted
and 6 bis becomes 6 in one release, git sees "006.md changed", the concordance knows better.
Drafts tagged by hand, without a concordance, fall back to git's rename detection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from zerodraft import config, reader
from zerodraft.errors import Fatal
from zerodraft.git import Commit, Repository
from zerodraft.github import pull_request_login
from zerodraft.languages import conventions
from zerodraft.model import Document, Problem
from zerodraft.references.lookup import describe
from zerodraft.rounds import concordance
from zerodraft.rounds.drafts import draft_tags
from zerodraft.rounds.proposal import find


@dataclass(frozen=True, slots=True)
class Event:
    """One change to a paragraph on the main line."""

    commit: str
    """The commit on the main line (the merge, for a pull request)."""
    author: str
    """Who made the change (for a merged pull request, the author of its last commit)."""
    date: str
    """When (ISO 8601, the main-line commit's author date)."""
    subject: str
    """The commit message's first line (for a merged pull request, its last commit's)."""
    path: str
    """The paragraph's file after the change (the file removed, for a removal)."""
    what: str
    """"changed", "added", "removed", "renamed 006bis.md → 006.md" or "moved …" (to
    another section's folder)."""
    draft: str = ""
    """For a release commit, the draft it released ("Draft 3")."""
    renumbered: str = ""
    """For a release commit, what happened to the number ("17 bis → 18", "5 → deleted")."""
    merged_by: str = ""
    """For a merged pull request, the merge's first line ("Merge pull request #12 …")."""
    merger: str = ""
    """For a merged pull request, who merged it: the merge commit's author (GitHub records the
    person who pressed "Merge"), to read next to :attr:`author`, which anyone can set."""
    login: str = ""
    """For a merged pull request, the GitHub login that opened it, from the merge's first line
    ("Merge pull request #12 from kenya-mission/op5"); empty where git cannot tell (a squash)."""

    def who(self, language: str = "") -> str:
        """The author with what vouches for it, for people: ``UNODA Secretariat (pull request by
        @kenya-mission, merged by Jane Doe)``; a commit authored "as the secretariat" by a
        delegation reads as such.  In the words of ``language`` (``""``: the original's)."""
        parts = [conventions.say(language, "history-pull-request-by", login=self.login)] if self.login else []
        if self.merger and self.merger != self.author:
            parts.append(conventions.say(language, "history-merged-by", merger=self.merger))
        return f"{self.author} ({', '.join(parts)})" if parts else self.author


@dataclass(frozen=True, slots=True)
class Numbered:
    """The paragraph's number in one released draft."""

    tag: str
    """The draft's tag (``draft-3``)."""
    name: str
    """The draft's name ("Draft 3")."""
    number: str
    """Its number there ("18"), "deleted" in the draft whose release removed it, "gone" in
    the drafts after, or "" when it did not yet exist (or the draft has no concordance)."""
    article: str = ""
    """The number of the article that held it there ("9"); empty outside articles."""

    def cited(self) -> str:
        """Its number as a diplomat cites it: ``Article 9(2)``, ``Article 1 (unnumbered)``, ``18``,
        ``deleted``."""
        if self.article and self.number and self.number not in ("deleted", "gone"):
            unnumbered = " u" in self.number  # "0 u": an article's chapeau
            return f"Article {self.article} (unnumbered)" if unnumbered else f"Article {self.article}({self.number})"
        return self.number


@dataclass(frozen=True, slots=True)
class History:
    """Everything that happened to one paragraph."""

    id: str
    """Its stable id."""
    number: str
    """Its number in the current round ("deleted" for a paragraph a release removed)."""
    path: str
    """Its file now (its last file, for a removed paragraph)."""
    events: tuple[Event, ...]
    """Newest first."""
    drafts: tuple[Numbered, ...]
    """Its number in each released draft, oldest first."""
    name: str = ""
    """How it is named now when it sits in an article ("paragraph 2 of Article 9"); empty
    elsewhere, where its number says it."""
    note: str = ""
    """How it was found when asked for by an old number ("22 bis in the round before Draft 3
    became 25 in Draft 3"); empty otherwise."""


@dataclass(frozen=True, slots=True)
class Released:
    """A released draft on the main line, as the walk reads it."""

    tag: str
    """Its tag (``draft-3``)."""
    commit: str
    """The commit the tag names (the release commit)."""
    name: str
    """Its name ("Draft 3")."""
    rows: Mapping[str, Mapping[str, object]] | None
    """Its concordance rows by paragraph id; ``None`` for a draft tagged by hand."""

    def files(self) -> dict[str, str]:
        """The paragraph files of this draft (file → id), from its concordance."""
        rows = self.rows or {}
        return {str(r["new-path"]): ident for ident, r in rows.items() if r.get("new") and r.get("new-path")}

    def number(self, ident: str) -> str | None:
        """The paragraph's number here: ``"18"``, ``"deleted"``, ``""`` (not yet, or no
        concordance), or ``None`` when this draft does not know it."""
        if self.rows is None:
            return ""
        row = self.rows.get(ident)
        if row is None:
            return None
        return str(row["new"]) if row.get("new") else "deleted"

    def article(self, ident: str) -> str:
        """The number of the article that held the paragraph here ("9"), or ``""``."""
        row = (self.rows or {}).get(ident)
        return str(row.get("new-article") or "") if row else ""


@dataclass(frozen=True, slots=True)
class Histories:
    """Every paragraph's history, from one walk of the main line."""

    events: Mapping[str, tuple[Event, ...]]
    """Paragraph id → its changes, newest first."""
    drafts: tuple[Released, ...]
    """The released drafts on the main line, oldest first."""

    def numbers(self, ident: str) -> tuple[Numbered, ...]:
        """The paragraph's number in each released draft, oldest first."""
        out = []
        gone = False
        for draft in self.drafts:
            number = draft.number(ident)
            out.append(Numbered(draft.tag, draft.name, "gone" if gone else number or "", draft.article(ident)))
            gone = gone or number == "deleted"
        return tuple(out)


def histories(
    repository: Repository, ref: str, files: Mapping[str, str], root: str, *, only: Collection[str] | None = None
) -> Histories:
    """The history of every paragraph on the main line of ``ref``, whose paragraph files are
    ``files`` (file → id); with ``only``, of those ids alone (which reads less)."""
    try:
        commit = repository.resolve(ref)
    except Fatal:  # a repository without a commit yet: nothing has happened
        return Histories({}, ())
    line = repository.main_line(commit, root)
    on_line = {c.sha for c in line}
    single = next(iter(only)) if only is not None and len(only) == 1 else ""
    drafts = tuple(
        _released(repository, tag, sha, root, single) for tag, sha in draft_tags(repository) if sha in on_line
    )
    return Histories(_walk(repository, line, files, drafts, only, root), drafts)


def history(repository: Repository, document: Document, reference: str, ref: str = "HEAD") -> History:
    """The history of the paragraph ``reference`` (a number in the current round, like
    ``18`` or ``18 bis``, or a stable id) in ``document``, on the main line of ``ref``."""
    files = {p.path: p.id for p in document.paragraphs() if p.id}
    try:
        paragraph = find(document, reference)
    except Fatal:  # an old number (see locate), or a paragraph a release removed (its id is in that concordance)
        located = locate(repository, reference, root=document.root)
        if located is not None:
            return replace(history(repository, document, located.id, ref), note=located.said)
        ident = reference.strip()
        found = histories(repository, ref, files, document.root, only={ident}) if ident else None
        removed = _removal(found, ident) if found else None
        if found is None or removed is None:
            raise
        return History(ident, "deleted", removed, found.events.get(ident, ()), found.numbers(ident))
    ident = paragraph.id
    found = histories(repository, ref, files, document.root, only={ident})
    name = describe(document, paragraph) if document.article_of(paragraph) else ""
    return History(ident, paragraph.label, paragraph.path, found.events.get(ident, ()), found.numbers(ident), name)


@dataclass(frozen=True, slots=True)
class Located:
    """A paragraph found by the number it had in an earlier round."""

    id: str
    """Its stable id."""
    said: str
    """Where it went, in words: "22 bis in Draft 2's round became 25 in Draft 3"."""


def locate(repository: Repository, reference: str, draft: str = "", root: str = "outcome") -> Located | None:
    """The paragraph that was numbered ``reference`` in the round of ``draft`` ("Draft 2": the
    numbers of Draft 2 and the bis and ter added after it), or, without ``draft``, in the
    latest round that had that number; read from the released drafts' concordances.
    ``None`` when no release knows the number."""
    wanted = _squash(reference)
    released = [_released(repository, tag, sha, root, "") for tag, sha in draft_tags(repository)]
    if draft:
        index = next((i for i, d in enumerate(released) if _squash(d.name) == _squash(draft) or d.tag == draft), None)
        if index is None:
            names = ", ".join(d.name for d in released) or "none yet"
            raise Fatal(f"no released draft is called '{draft}' (released: {names})")
        places = [(released[index + 1], "old")] if index + 1 < len(released) else []
        places.append((released[index], "new"))
    else:
        places = [(d, "old") for d in reversed(released)]
    for found, column in places:
        for ident, row in (found.rows or {}).items():
            if _squash(str(row.get(column) or "")) != wanted:
                continue
            if column == "new":
                return Located(ident, f"{reference} in {found.name} is this paragraph")
            now = f"became {row['new']}" if row.get("new") else "was deleted"
            return Located(ident, f"{reference} in the round before {found.name} {now} in {found.name}")
    return None


def _squash(number: str) -> str:
    return "".join(number.split()).casefold()


def _removal(found: Histories, ident: str) -> str | None:
    """The last file of the paragraph ``ident`` if a release removed it (else ``None``)."""
    for draft in reversed(found.drafts):
        row = (draft.rows or {}).get(ident)
        if row is not None:
            return None if row.get("new") else str(row.get("old-path") or "")
    return None


def _walk(
    repository: Repository,
    line: list[Commit],
    files: Mapping[str, str],
    drafts: tuple[Released, ...],
    only: Collection[str] | None,
    root: str,
) -> dict[str, tuple[Event, ...]]:
    """Paragraph id → its events, newest first: ``line`` walked from the newest commit back."""
    wanted = set(only) if only is not None else None

    def keep(mapping: Mapping[str, str]) -> dict[str, str]:
        return {path: i for path, i in mapping.items() if wanted is None or i in wanted}

    heads = repository.commits(c.parents[1] for c in line if len(c.parents) > 1)
    on_line = {c.sha for c in line}
    own = _PullRequestCommits(repository, heads, on_line, root)
    pending = list(reversed(drafts))  # newest first
    mapping = keep(files)
    older = keep(pending[0].files()) if pending else {}  # the files of the draft before
    found: dict[str, list[Event]] = defaultdict(list)
    for commit in line:
        release = pending.pop(0) if pending and pending[0].commit == commit.sha else None
        if release is not None:
            older = keep(pending[0].files()) if pending else {}
        if release is not None and release.rows is not None:
            for ident, event in _release_events(commit, heads, release, wanted):
                found[ident].append(event)
            mapping = keep({str(r["old-path"]): i for i, r in release.rows.items() if r.get("old-path")})
            continue
        for ident, event in _commit_events(commit, heads, mapping, older, own):
            found[ident].append(event)
    return {ident: tuple(events) for ident, events in found.items()}


class _PullRequestCommits:
    """The commits of each merged pull request of several commits, read when first asked (one
    ``git log`` a pull request; one of a single commit needs none): so that a change to 22 is
    credited to the commit that changed 22, not to the last commit, which changed 22 bis."""

    def __init__(self, repository: Repository, heads: Mapping[str, Commit], on_line: set[str], root: str) -> None:
        self.repository = repository
        self.heads = heads
        self.on_line = on_line
        self.root = root
        self.read: dict[str, list[Commit]] = {}

    def last_touching(self, merge: Commit, path: str) -> Commit | None:
        """The newest commit of the pull request ``merge`` brought in that changed ``path``,
        or ``None`` when it is the pull request's last commit (or git cannot tell)."""
        head = self.heads.get(merge.parents[1]) if len(merge.parents) > 1 else None
        if head is None or all(parent in self.on_line for parent in head.parents):
            return None  # not a pull request, or one of a single commit
        if merge.sha not in self.read:
            self.read[merge.sha] = self.repository.branch_commits(merge.parents[0], head.sha, self.root)
        return next((c for c in self.read[merge.sha] if any(path in entry[1:] for entry in c.files)), None)


def _credit(commit: Commit, heads: Mapping[str, Commit], last: Commit | None = None) -> dict[str, str]:
    """Who and what a main-line commit stands for (:class:`Event`'s ``author``, ``subject``,
    ``merged_by``, ``merger`` and ``login``); for a merged pull request, the author and subject
    of ``last`` (its commit that last changed the paragraph) or else of its last commit, the
    merge's subject, who merged it and the login that opened it."""
    if len(commit.parents) > 1 and commit.parents[1] in heads:
        head = last or heads[commit.parents[1]]
        return {
            "author": head.author,
            "subject": head.subject,
            "merged_by": commit.subject,
            "merger": commit.author,
            "login": pull_request_login(commit.subject),
        }
    return {"author": commit.author, "subject": commit.subject}


def _renamed(old: str, new: str) -> str:
    """ "renamed 006bis.md → 007.md" in one folder; "moved A/005.md → A/01-national/005.md"
    (paths inside the document folder) from one section to another."""
    old_folder, _, old_name = old.rpartition("/")
    new_folder, _, new_name = new.rpartition("/")
    if old_folder == new_folder:
        return f"renamed {old_name} → {new_name}"
    return f"moved {old.partition('/')[2]} → {new.partition('/')[2]}"


def _release_events(
    commit: Commit, heads: Mapping[str, Commit], release: Released, wanted: set[str] | None
) -> list[tuple[str, Event]]:
    """What a release commit did to each paragraph, from its concordance: renumbered (its
    file renamed), removed, or changed in place (a reference rewritten)."""
    credit = _credit(commit, heads)
    touched = {path for entry in commit.files for path in entry[1:]}
    out = []
    for ident, row in (release.rows or {}).items():
        if wanted is not None and ident not in wanted:
            continue
        old_path, new_path = str(row.get("old-path") or ""), str(row.get("new-path") or "")
        new, old = row.get("new"), str(row.get("old") or "")
        if new and old_path == new_path and new_path not in touched:
            continue  # the release left it alone
        change = f"{old} → {new}" if new and str(new) != old else ("unchanged" if new else f"{old} → deleted")
        if not new:
            what = "removed"
        elif old_path != new_path:
            what = _renamed(old_path, new_path)
        else:
            what = "changed"
        path = new_path or old_path
        out.append(
            (
                ident,
                Event(
                    commit=commit.sha,
                    date=commit.date,
                    path=path,
                    what=what,
                    draft=release.name,
                    renumbered=change,
                    **credit,
                ),
            )
        )
    return out


def _commit_events(
    commit: Commit,
    heads: Mapping[str, Commit],
    mapping: dict[str, str],
    older: Mapping[str, str],
    own: _PullRequestCommits,
) -> list[tuple[str, Event]]:
    """What one commit of a round did to the paragraphs it touched; ``mapping`` (file → id
    after the commit) becomes the map before it.  ``older`` names the files of the draft
    before, for a file removed in the round; ``own`` the commits of a merged pull request."""
    out = []
    for entry in commit.files:
        status = entry[0][:1]
        ident: str | None
        if status == "R" and len(entry) == 3:
            old, path = entry[1], entry[2]
            ident = mapping.pop(path, None)
            if ident:
                mapping[old] = ident
            what = _renamed(old, path)
        elif status in ("A", "C") and len(entry) >= 2:
            path = entry[-1]
            ident, what = mapping.pop(path, None), "added"
        elif status == "D" and len(entry) == 2:
            path = entry[1]
            ident, what = mapping.get(path) or older.get(path), "removed"
            if ident:
                mapping[path] = ident
        elif len(entry) == 2:
            path = entry[1]
            ident, what = mapping.get(path), "changed"
        else:
            continue
        if ident:
            credit = _credit(commit, heads, own.last_touching(commit, path))
            out.append((ident, Event(commit=commit.sha, date=commit.date, path=path, what=what, **credit)))
    return out


def _released(repository: Repository, tag: str, sha: str, root: str, only: str) -> Released:
    """The draft at ``tag``: its name and concordance (just the row of ``only``, if given)."""
    data = repository.file_at(sha, f"{root}/{concordance.FOLDER}/{tag}.yaml")
    rows = concordance.load(data.decode("utf-8", "replace"), only=only) if data is not None else None
    document = repository.file_at(sha, f"{root}/{reader.DOCUMENT}")
    name = tag
    if document is not None:
        problems: list[Problem] = []
        name = config.document_config(
            f"{root}/{reader.DOCUMENT}", document.decode("utf-8", "replace"), problems
        ).draft_name
    return Released(tag, sha, name, rows)
