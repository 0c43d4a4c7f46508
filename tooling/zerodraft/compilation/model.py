"""The compilation of pending proposals: for each paragraph, in document order, every
proposal on an open branch or pull request, who made it, its text as a word-level redline
against the current text, and why.

Proposals are read from git objects only (each ref is compared with the point where it left
the base branch, so that later changes on the base are not mistaken for proposals); the
renderers in :mod:`zerodraft.compilation` (Markdown, HTML, Word)
turn the :class:`Compilation` into documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from zerodraft import characters, wordiff
from zerodraft.errors import Fatal
from zerodraft.git import FileChange, Repository
from zerodraft.model import DocumentConfig, Paragraph, Roster
from zerodraft.numbering import Number, from_filename
from zerodraft.reader import read_paragraph
from zerodraft.revision import configuration
from zerodraft.source import MAX_FILE_BYTES
from zerodraft.vocabulary import Role

Kind = Literal["ADD", "MOD", "SUP", "ALT", "NOC"]
KINDS: dict[str, str] = {
    "ADD": "new text",
    "MOD": "amended text",
    "SUP": "deletion",
    "ALT": "alternative",
    "NOC": "no change to the text (a position)",
}


@dataclass(frozen=True, slots=True)
class Proposal:
    """One branch's proposal on one paragraph."""

    ref: str
    """The branch or pull request it comes from (``refs/pull/12/head``)."""
    kind: Kind
    """ADD, MOD, SUP, ALT, or NOC when only attributions change."""
    delegations: tuple[str, ...]
    """Who proposes it (from the pull request, or the paragraph's attributions)."""
    redline: tuple[wordiff.Change, ...]
    """The proposed text as word-level changes against the current text."""
    rationale: str = ""
    """Why (the pull request's rationale, or the branch's commit message); Markdown."""
    status: str = ""
    """The consensus label the proposal gives the paragraph."""
    positions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Attribution changes: (``supported-by`` …, delegations added)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A paragraph and the proposals pending on it."""

    path: str
    """The paragraph file (for a new paragraph, the file the proposal adds)."""
    label: str
    """The number as printed: ``18 bis``."""
    section: tuple[str, ...]
    """Folder names from the top-level section down."""
    current: str | None
    """The current text on the base branch; ``None`` for a new paragraph."""
    proposals: tuple[Proposal, ...]
    """In ref order."""

    @property
    def conflicting(self) -> bool:
        """True when several proposals change the same paragraph's text."""
        return sum(p.kind != "NOC" for p in self.proposals) > 1


@dataclass(frozen=True, slots=True)
class Compilation:
    """Every pending proposal, paragraph by paragraph."""

    title: str
    """The document's title."""
    draft: str
    """The current draft's name ("Draft 2")."""
    base: str
    """The base branch the proposals are compared with."""
    entries: tuple[Entry, ...]
    """In document order."""
    refs: tuple[str, ...]
    """Every ref that holds at least one proposal."""


@dataclass(frozen=True, slots=True)
class _Body:
    delegations: tuple[str, ...]
    rationale: str


def build(
    repository: Repository,
    base: str,
    patterns: list[str],
    bodies: Path | None = None,
    root: str = "outcome",
) -> Compilation:
    """Compare every ref matching ``patterns`` with ``base`` and gather the proposals."""
    base_sha = repository.resolve(base)
    cfg, roster = configuration(repository, base_sha, root)
    by_path: dict[str, list[Proposal]] = defaultdict(list)
    current: dict[str, Paragraph | None] = {}
    heads: dict[str, Paragraph] = {}
    refs = []
    for ref, sha in repository.refs(patterns):
        if sha == base_sha:
            continue
        try:
            fork = repository.merge_base(base_sha, sha)
        except Fatal:  # unrelated history: not a proposal on this document
            continue
        files = [f for f in repository.changes(fork, sha) if _is_paragraph(f, root)]
        if not files:
            continue
        body = _body(bodies, ref) or _commit_body(repository.message(sha), roster)
        found = False
        for file in files:
            if file.path not in current:
                data = repository.file_at(base_sha, file.path)
                current[file.path] = _paragraph(file.path, data, cfg, roster, root)
            after = None
            if file.new_kind == "file" and file.status != "deleted":
                after = _paragraph(file.path, repository.blob(file.new_blob), cfg, roster, root)
            proposal = _proposal(ref, current[file.path], after, body, roster, _ref_delegation(ref, roster))
            if proposal is not None:
                by_path[file.path].append(proposal)
                if after is not None:
                    heads.setdefault(file.path, after)
                found = True
        if found:
            refs.append(characters.one_line(ref))
    entries = []
    for path, proposals in by_path.items():
        was = current.get(path)
        known = was or heads.get(path)
        number = known.number if known else Number(0)
        entries.append(
            Entry(
                path=path,
                label=number.label(),
                section=tuple(path[len(root) + 1 :].split("/")[:-1]),
                current=was.text if was is not None else None,
                proposals=tuple(proposals),
            )
        )
    entries.sort(key=_order)
    return Compilation(cfg.title, cfg.draft_name, base, tuple(entries), tuple(refs))


def _order(entry: Entry) -> tuple[tuple[str, ...], Number]:
    """Document order: a folder's own paragraphs by number, then its subfolders."""
    number = _number(entry.path) or Number(0)
    return (*entry.section, ""), number


def _number(path: str) -> Number | None:
    return from_filename(path.rsplit("/", 1)[-1])


def _is_paragraph(file: FileChange, root: str) -> bool:
    return (
        file.path.startswith(root + "/")
        and file.status != "renamed"
        and _number(file.path) is not None
        and file.size <= MAX_FILE_BYTES
    )


def _paragraph(path: str, data: bytes | None, cfg: DocumentConfig, roster: Roster, root: str) -> Paragraph | None:
    if data is None:
        return None
    paragraph, _problems = read_paragraph(path, data, cfg, roster, root)
    return paragraph


def _proposal(
    ref: str, before: Paragraph | None, after: Paragraph | None, body: _Body, roster: Roster, fallback: str
) -> Proposal | None:
    # Everything from a branch is untrusted: its text, names, branch name and message are
    # cleaned here, once, for every format (zerodraft.characters).
    old = characters.visible(before.text) if before else ""
    if after is None:
        kind: Kind = "SUP"
        new = ""
    else:
        new = characters.visible(after.text)
        if before is None:
            kind = "ALT" if after.number.is_alternative else "ADD"
        elif after.role is Role.DELETED and before.role is not Role.DELETED:
            kind = "SUP"
        elif new != old:
            kind = "MOD"
        else:
            kind = "NOC"
    positions = _positions(before, after, roster)
    if kind == "NOC" and before is not None and after is not None and before.status != after.status:
        positions = (*positions, ("status", (after.status,)))
    if kind == "NOC" and not positions and (before is None or after is None or before.status == after.status):
        return None
    delegations = body.delegations
    if not delegations:
        added = [name for key, names in positions if key != "status" for name in names]
        proposers = after.proposed_by if after is not None and before is None else ()
        delegations = tuple(dict.fromkeys([*(_canonical(n, roster) for n in proposers), *added]))
    if not delegations and fallback:
        delegations = (fallback,)
    redline = wordiff.compare(old, "" if kind == "SUP" else new)
    return Proposal(
        ref=characters.one_line(ref),
        kind=kind,
        delegations=tuple(characters.one_line(name) for name in delegations),
        redline=tuple(redline),
        rationale=characters.visible(body.rationale),
        status=characters.one_line(after.status) if after is not None else "",
        positions=tuple((key, tuple(characters.one_line(n) for n in names)) for key, names in positions),
    )


def _positions(
    before: Paragraph | None, after: Paragraph | None, roster: Roster
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if after is None:
        return ()
    out = []
    for key, attr in (
        ("proposed-by", "proposed_by"),
        ("supported-by", "supported_by"),
        ("opposed-by", "opposed_by"),
        ("reservations", "reservations"),
    ):
        was = {_canonical(n, roster) for n in (getattr(before, attr) if before else ())}
        now = [_canonical(n, roster) for n in getattr(after, attr)]
        added = tuple(n for n in dict.fromkeys(now) if n not in was)
        if added:
            out.append((key, added))
    return tuple(out)


def _canonical(name: str, roster: Roster) -> str:
    found = roster.find(name)
    return found.name if found else name


_TRAILER = re.compile(r"^Delegation:[ \t]*(.+)$", re.M)


def _commit_body(message: str, roster: Roster) -> _Body:
    """The rationale from a commit message; delegations from ``Delegation: X`` trailers."""
    names = tuple(_canonical(n.strip(), roster) for m in _TRAILER.findall(message) for n in m.split(","))
    return _Body(tuple(n for n in names if n), _TRAILER.sub("", message).strip())


def _ref_delegation(ref: str, roster: Roster) -> str:
    """The delegation a branch is named after (``refs/heads/kenya-op5`` → Kenya), or ``""``."""
    for prefix in ("refs/heads/", "refs/remotes/origin/"):
        if ref.startswith(prefix):
            first = re.split(r"[/_-]", ref[len(prefix) :], maxsplit=1)[0]
            found = roster.find(first) if len(first) > 1 else None
            return found.name if found else ""
    return ""


_PULL = re.compile(r"^refs/pull/(\d+)/head$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _body(folder: Path | None, ref: str) -> _Body | None:
    """The pull request's description saved as ``FOLDER/<number>.md`` (``gh pr view``),
    or ``FOLDER/<branch name>.md``; its delegation and rationale from the PR template."""
    if folder is None:
        return None
    match = _PULL.match(ref)
    name = match.group(1) if match else ref.rsplit("/", 1)[-1]
    path = folder / f"{name}.md"
    if not path.is_file():
        return None
    text = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace")[:100_000])
    delegation = re.search(r"\*\*Delegation\(s\):\*\*[ \t]*(.*)", text)
    rationale = re.search(r"\*\*Rationale:\*\*[ \t]*\n?(.*)", text, re.S)
    names = tuple(n.strip() for n in delegation.group(1).split(",") if n.strip()) if delegation else ()
    return _Body(names, rationale.group(1).strip() if rationale else text.strip())
