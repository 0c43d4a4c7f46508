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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from zerodraft import characters, config, wordiff
from zerodraft.errors import Fatal
from zerodraft.git import FileChange, Repository
from zerodraft.languages.conventions import say
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
"""The kinds of proposal and what each is, in English; a compilation prints each language's
(``compilation-kind-ADD``, ``compilation-about-ADD`` in its data file: :func:`kinds`)."""


def kinds(language: str = "") -> dict[str, str]:
    """Each kind of proposal as a compilation of ``language`` prints it, with what it is:
    ``{"ADD": "new text", …}`` in English, ``{"AJOUT": "texte nouveau", …}`` in French."""
    return {say(language, f"compilation-kind-{k}"): say(language, f"compilation-about-{k}") for k in KINDS}


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
    amends: tuple[str, ...] = ()
    """The delegations whose proposal this changes, when they are not among its authors
    (the European Union amending Kenya's new paragraph): their words are not the EU's."""
    builds_on: str = ""
    """The pending branch or pull request this one was made on (the EU's amendment made on
    Kenya's branch), against whose text it is compared; empty when compared with the base."""
    note: str = ""
    """In a compilation in another language, what the reader is told when the branch has no
    translation of the proposal ("[Original anglais ; traduction en attente]"): its words are
    the original's."""

    @property
    def credited(self) -> str:
        """Who is credited, as printed: "European Union, amending the proposal of Kenya"."""
        return self.credited_in()

    def credited_in(self, language: str = "") -> str:
        """:attr:`credited` in the words of ``language`` (``""``: the original's)."""
        who = ", ".join(self.delegations) or say(language, "compilation-not-stated")
        if not self.amends:
            return who
        return say(language, "compilation-amending", who=who, whom=", ".join(self.amends))

    @property
    def source(self) -> str:
        """Where it comes from, as delegates say it: "pull request #12", "branch kenya/amend-5",
        "branch eu/x on origin, made on branch kenya/y on origin"."""
        return self.source_in()

    def source_in(self, language: str = "") -> str:
        """:attr:`source` in the words of ``language`` ("demande de fusion n° 12")."""
        made_on = (
            say(language, "compilation-made-on", ref=ref_label(self.builds_on, language)) if self.builds_on else ""
        )
        return f"{ref_label(self.ref, language)}{made_on}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A ref the compilation looked at and left out."""

    ref: str
    """The ref (``refs/remotes/origin/main``)."""
    reason: str
    """Why, in a few words ("the base branch", "already merged into main"), in English."""
    key: str = ""
    """Which reason it is (``base``, ``merged`` …: ``compilation-left-<key>`` in the data files)."""
    values: tuple[tuple[str, str], ...] = ()
    """What the reason names (``base``: "main")."""

    @classmethod
    def of(cls, ref: str, key: str, **values: str) -> Skipped:
        """The ref ``ref`` left out for the reason ``key``, naming ``values`` (cleaned to one line)."""
        clean = {name: characters.one_line(value) for name, value in values.items()}
        reason = say("", f"compilation-left-{key}", **clean)
        return cls(characters.one_line(ref), reason, key, tuple(clean.items()))

    def reason_in(self, language: str = "") -> str:
        """:attr:`reason` in the words of ``language`` ("déjà fusionnée dans main …")."""
        return say(language, f"compilation-left-{self.key}", **dict(self.values)) if self.key else self.reason


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
    heading: tuple[str, ...] = ()
    """The headings of its sections as printed ("A. Implementation …"), top-level first."""
    note: str = ""
    """In a compilation in another language, what the reader is told about the current text:
    shown in the original (no translation) or a translation of an earlier version."""
    untranslated: bool = False
    """True when :attr:`current` is the original's text, the language having none."""

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
    skipped: tuple[Skipped, ...] = ()
    """Every other ref the patterns matched, and why it holds no proposal."""
    symbol: str = ""
    """The document's symbol (A/CONF.192/BMS/2021/WP.1), for the page header."""
    language: str = ""
    """The language the texts are in, for a compilation in a language kept (``compile --language
    fr``); ``""`` for the original."""

    def sources(self) -> str:
        """ "3 branches or pull requests" (how many hold a proposal), in the compilation's language."""
        count = len(self.refs)
        return say(self.language, f"compilation-sources-{'one' if count == 1 else 'many'}", count=str(count))


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
    proposed_at: dict[str, str] = {}  # a new paragraph's path -> the commit of the first proposal of it
    refs: list[str] = []
    skipped: list[Skipped] = []
    taken: dict[str, str] = {}
    pending: list[tuple[str, str, str]] = []
    for ref, sha in repository.refs(patterns):
        left = _left_out(ref, sha, base, base_sha, taken)
        fork = ""
        if left is None:
            try:
                fork = repository.merge_base(base_sha, sha)
            except Fatal:
                left = Skipped.of(ref, "unrelated", base=base)
        if left is None and fork == sha:
            left = Skipped.of(ref, "merged", base=base)
        if left is not None:
            skipped.append(left)
            continue
        taken.setdefault(sha, ref)
        pending.append((ref, sha, fork))
    under = _made_on(repository, pending, base_sha)
    for ref, sha, fork in pending:
        start = under.get(ref, ("", fork))[1]
        files = [f for f in repository.changes(start, sha) if _is_paragraph(f, root)]
        if not files:
            skipped.append(Skipped.of(ref, "no-paragraph"))
            continue
        body = _body(bodies, ref, roster) or _commit_body(repository.messages(start, sha), roster)
        found = False
        for file in files:
            if file.path not in current:
                data = repository.file_at(base_sha, file.path)
                current[file.path] = _paragraph(file.path, data, cfg, roster, root)
            before = current[file.path]
            if start != fork:
                before = _paragraph(file.path, repository.file_at(start, file.path), cfg, roster, root) or before
            after = None
            if file.new_kind == "file" and file.status != "deleted":
                after = _paragraph(file.path, repository.blob(file.new_blob), cfg, roster, root)
            proposal = _proposal(ref, before, after, body, roster, _ref_delegation(ref, roster))
            if proposal is not None and ref in under:
                proposal = replace(proposal, builds_on=characters.one_line(under[ref][0]))
            if proposal is not None:
                by_path[file.path].append(proposal)
                if after is not None:
                    heads.setdefault(file.path, after)
                    proposed_at.setdefault(file.path, sha)
                found = True
        if found:
            refs.append(characters.one_line(ref))
        else:
            skipped.append(Skipped.of(ref, "no-change"))
    headings = _Headings(repository, base_sha)
    entries = []
    for path, proposals in by_path.items():
        proposals.sort(key=lambda proposal: _depth(proposal.ref, under))  # Kenya's, then the EU's amendment of it
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
                heading=headings.of(path, proposed_at.get(path, "")),
            )
        )
    entries.sort(key=_order)
    return Compilation(cfg.title, cfg.draft_name, base, tuple(entries), tuple(refs), tuple(skipped), cfg.symbol)


def _made_on(repository: Repository, pending: list[tuple[str, str, str]], base: str) -> dict[str, tuple[str, str]]:
    """Ref → ``(ref, commit)`` of the nearest other pending proposal it was made on: a branch
    started from another delegation's branch (the EU amending Kenya's proposal before it is
    merged) proposes only what it adds to that one.  One ``git rev-list`` for all refs."""
    graph = repository.unmerged((sha for _ref, sha, _fork in pending), base)
    tips = {sha: ref for ref, sha, _fork in reversed(pending)}

    def own(sha: str) -> set[str]:
        seen, todo = set(), [sha]
        while todo:
            commit = todo.pop()
            if commit in graph and commit not in seen:
                seen.add(commit)
                todo += graph[commit]
        return seen

    found: dict[str, tuple[str, str]] = {}
    for ref, sha, _fork in pending:
        commits = own(sha)
        beneath = [(len(own(tip)), tip) for tip in tips if tip != sha and tip in commits]
        if beneath:
            _count, tip = max(beneath)
            found[ref] = (tips[tip], tip)
    return found


def _depth(ref: str, under: dict[str, tuple[str, str]]) -> int:
    """How many pending proposals ``ref`` was made on, one on another."""
    depth = 0
    while ref in under and depth <= len(under):
        ref = under[ref][0]
        depth += 1
    return depth


def ref_label(ref: str, language: str = "") -> str:
    """``refs/pull/12/head`` → "pull request #12"; ``refs/heads/kenya/amend-5`` → "branch
    kenya/amend-5"; ``refs/remotes/origin/eu/x`` → "branch eu/x on origin" (in the words of
    ``language``; ``""``: the original's)."""
    match = _PULL.match(ref)
    if match:
        return say(language, "compilation-pull-request", number=match.group(1))
    if ref.startswith("refs/heads/"):
        return say(language, "compilation-branch", name=ref.removeprefix("refs/heads/"))
    if ref.startswith("refs/remotes/"):
        remote, _, name = ref.removeprefix("refs/remotes/").partition("/")
        return say(language, "compilation-branch-on", name=name, remote=remote) if name else ref
    return ref


def _left_out(ref: str, sha: str, base: str, base_sha: str, taken: dict[str, str]) -> Skipped | None:
    """Why ``ref`` holds no proposal of its own, or ``None``."""
    short = base.removeprefix("refs/heads/")
    if ref.startswith("refs/pull/") and not _PULL.match(ref):
        return Skipped.of(ref, "not-pull")
    if ref.startswith("refs/remotes/") and ref.endswith("/HEAD"):
        return Skipped.of(ref, "remote-head")
    if ref == f"refs/heads/{short}" or (ref.startswith("refs/remotes/") and ref.split("/", 3)[-1] == short):
        return Skipped.of(ref, "base", base=short)
    if sha == base_sha:
        return Skipped.of(ref, "same-commit", other=base)
    if sha in taken:
        return Skipped.of(ref, "same-commit", other=taken[sha])
    return None


class _Headings:
    """Section headings as printed, read from each folder's section.yaml on the base; for a
    folder that a proposal adds (a new article, Part or annex), from the proposal's commit,
    cleaned as everything from a branch is."""

    def __init__(self, repository: Repository, sha: str) -> None:
        self.repository = repository
        self.sha = sha
        self.known: dict[tuple[str, str], str] = {}

    def of(self, path: str, proposed_at: str = "") -> tuple[str, ...]:
        """The headings above the paragraph ``path``, top-level first; ``proposed_at`` is the
        commit of the proposal that adds it (for the headings of new folders)."""
        folders = path.split("/")[:-1]
        out = []
        for depth in range(2, len(folders) + 1):
            folder = "/".join(folders[:depth])
            key = (folder, "")
            if key not in self.known:
                self.known[key] = self._read(folder, self.sha)
            heading = self.known[key]
            if not heading and proposed_at:
                if (folder, proposed_at) not in self.known:
                    proposed = self._read(folder, proposed_at).splitlines()
                    self.known[(folder, proposed_at)] = "\n".join(characters.one_line(line) for line in proposed)
                heading = self.known[(folder, proposed_at)]
            out.append(heading or folders[depth - 1])
        return tuple(out)

    def _read(self, folder: str, sha: str) -> str:
        """The heading of ``folder`` at commit ``sha`` ("" when it has no section.yaml there)."""
        data = self.repository.file_at(sha, f"{folder}/section.yaml")
        if data is None:
            return ""
        read = config.section(f"{folder}/section.yaml", data.decode("utf-8", "replace"), [])
        return read.heading or ("Preamble" if read.preamble else "")


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
        delegations = tuple(dict.fromkeys([*(roster.name_of(n) for n in proposers), *added]))
    if not delegations and fallback:
        delegations = (fallback,)
    redline = wordiff.compare(old, "" if kind == "SUP" else new)
    amends: tuple[str, ...] = ()
    if before is not None and kind in ("MOD", "SUP"):
        amends = tuple(n for n in dict.fromkeys(roster.name_of(x) for x in before.proposed_by) if n not in delegations)
    return Proposal(
        ref=characters.one_line(ref),
        kind=kind,
        delegations=tuple(characters.one_line(name) for name in delegations),
        redline=tuple(redline),
        rationale=characters.visible(body.rationale),
        status=characters.one_line(after.status) if after is not None else "",
        positions=tuple((key, tuple(characters.one_line(n) for n in names)) for key, names in positions),
        amends=tuple(characters.one_line(name) for name in amends),
    )


def _positions(
    before: Paragraph | None, after: Paragraph | None, roster: Roster
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if after is None:
        return ()
    out = []
    earlier = dict(before.attributions()) if before else {}
    for key, names in after.attributions():
        was = {roster.name_of(n) for n in earlier.get(key, ())}
        now = [roster.name_of(n) for n in names]
        added = tuple(n for n in dict.fromkeys(now) if n not in was)
        if added:
            out.append((key, added))
    return tuple(out)


_TRAILER = re.compile(r"^Delegation:[ \t]*(.+)$", re.M)


def _commit_body(messages: list[str], roster: Roster) -> _Body:
    """The rationale from the bodies of a branch's commit messages (oldest first; a subject
    line like "Update 005.md" is no rationale); delegations from ``Delegation: X`` trailers."""
    names: list[str] = []
    bodies: list[str] = []
    for message in messages:
        names += [roster.name_of(n.strip()) for m in _TRAILER.findall(message) for n in m.split(",") if n.strip()]
        body = _TRAILER.sub("", message.strip().partition("\n")[2]).strip()
        if body and body not in bodies:
            bodies.append(body)
    return _Body(tuple(dict.fromkeys(names)), "\n\n".join(bodies))


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


def _body(folder: Path | None, ref: str, roster: Roster) -> _Body | None:
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
    names = tuple(roster.name_of(n.strip()) for n in delegation.group(1).split(",") if n.strip()) if delegation else ()
    return _Body(names, rationale.group(1).strip() if rationale else text.strip())
