"""Judging one pull request as GitHub would merge it.

The pull request is judged by what merging its head into the *current* base would make (a
test merge, :meth:`zerodraft.git.Repository.merge`: no checkout, no index), not by its branch
alone: a stale fork that edits text agreed since it branched, or a second ``018bis.md``, shows
only in the merge.  So :func:`judge`

1. refuses any tree entry of the head whose path is not plain (ZD914) — before anything else;
2. makes the test merge; each conflict is a refusal saying what to do (ZD911);
3. applies the policy (:func:`zerodraft.policy.review.review`) to base → merge result;
4. runs the whole ``check`` on the merge result, so that a pull request that would break
   ``main`` for everyone (a duplicate id, an alternative beside text agreed since) is refused;
   what the base already had is not the pull request's doing and is left out.

Authority (roster, facilitators) always comes from the base.  ``merge=False`` judges the
branch alone, fork point → head, as before (for tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zerodraft import checks, config, frontmatter, safeyaml
from zerodraft.cache import Memo
from zerodraft.decode import decode
from zerodraft.git import CommitTree, FileChange, Repository
from zerodraft.languages import records as language_records
from zerodraft.model import DocumentConfig, Paragraph, Problem, Roster
from zerodraft.numbering import from_filename as number_of
from zerodraft.policy.conflicts import conflict_problems
from zerodraft.policy.review import Author, Change, author, review
from zerodraft.reader import read, read_paragraph
from zerodraft.revision import configuration, text
from zerodraft.source import MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class Verdict:
    """What pr-check found about one pull request."""

    who: Author
    """The author's roles under the base's configuration."""
    changes: tuple[Change, ...]
    """Each file the pull request changes (base → merge result, or fork point → head)."""
    problems: tuple[Problem, ...]
    """Every refusal, sorted: policy, conflicts and the merge result's check problems."""
    merged: bool
    """True when the merge result was made and checked (no conflict, ``merge=True``)."""


def judge(
    repository: Repository,
    base: str,
    head: str,
    login: str,
    root: str = "outcome",
    merge: bool = True,
    memo: Memo | None = None,
) -> Verdict:
    """Judge the pull request ``base`` ← ``head`` opened by ``login`` (full commit ids).
    ``memo`` keeps what reading and checking found by content (:mod:`zerodraft.cache`): the
    merge result and the base share almost every file, and a file is judged once."""
    cfg, roster = configuration(repository, base, root)
    who = author(login, cfg, roster, root)
    fork = repository.merge_base(base, head)
    if not who.known:
        return Verdict(who, (), tuple(review(who, [], roster, root)), False)
    unsafe = unsafe_paths(repository.added_paths(fork, head))
    if unsafe:
        return Verdict(who, (), tuple(unsafe), False)
    problems: list[Problem] = []
    outcome = repository.merge(base, head) if merge else None
    if outcome is None or outcome.conflicts:
        if outcome is not None:
            problems += conflict_problems(outcome.conflicts, repository.paths(base), repository.paths(head))
        changes = gather(repository, fork, head, cfg, roster, root, who)
    else:
        changes = gather(repository, base, outcome.tree, cfg, roster, root, who)
        problems += check_merge(repository, base, outcome.tree, changes, root, memo)
    problems += review(who, list(changes), roster, root)
    merged = outcome is not None and not outcome.conflicts
    return Verdict(who, tuple(changes), tuple(sorted(set(problems))), merged)


def check_merge(
    repository: Repository,
    base: str,
    tree: str,
    changes: Iterable[Change],
    root: str = "outcome",
    memo: Memo | None = None,
) -> list[Problem]:
    """What merging would add to ``check``'s findings on the base: ``check`` of the merge
    result ``tree`` — the whole document is read and every document check runs; the paragraph
    checks run in the top-level parts the merge changes (a bracket opened in one paragraph may
    close in another folder of the same part), or everywhere when it changes anything but
    paragraphs (``document.yaml``, the roster, a heading), which every paragraph check may read
    (see :func:`zerodraft.checks.run`) — less the very same problems on ``base``.  A pull
    request is not blamed for what main had already (a check the tooling added since, say), and
    the base is read only when the merge result has problems at all."""
    paths = {path for change in changes for path in (change.file.path, change.file.old_path)}
    inside = [path for path in paths if path.startswith(root + "/")]
    paragraphs_only = all(number_of(path.rsplit("/", 1)[-1]) is not None for path in inside)
    parts = {checks.part_of(path, root) for path in inside} if paragraphs_only else None
    found = _checked(repository, tree, "the merge result", root, parts, memo)
    if not found:
        return []
    already = set(_checked(repository, base, "the base", root, parts, memo))
    # An amendment of the original makes its translations stale: the translators follow (docs/languages.md).
    return [problem for problem in found if problem not in already and problem.code not in language_records.FOLLOW_UPS]


def _checked(
    repository: Repository, sha: str, label: str, root: str, parts: set[str] | None, memo: Memo | None
) -> list[Problem]:
    reading = read(CommitTree(repository, sha, label), root, memo)
    return [*reading.problems, *checks.run(reading.document, parts=parts, recall=reading.recall)]


def gather(
    repository: Repository,
    old: str,
    new: str,
    cfg: DocumentConfig,
    roster: Roster,
    root: str = "outcome",
    who: Author | None = None,
) -> list[Change]:
    """Each file changed from ``old`` to ``new`` (commits or trees) with its paragraph read on
    both sides; the secretariat's changes are listed but not read."""
    files = repository.changes(old, new)
    if who is not None and who.secretariat:
        return [Change(f) for f in files]
    return [_read(repository, f, cfg, roster, root) for f in files]


def unsafe_paths(paths: Iterable[str]) -> list[Problem]:
    """ZD914 for every path with an empty, ``.`` or ``..`` component, a backslash or a
    ``.git`` folder (git's checkout refuses them, but a tree made with ``git mktree`` holds
    them, and ``outcome/02-b/../../tooling`` would pass a test on the folder)."""
    out = []
    for path in paths:
        parts = path.split("/")
        bad = [p for p in parts if p in ("", ".", "..") or "\\" in p or p.casefold() == ".git"]
        if bad:
            shown = "empty" if bad[0] == "" else f"'{bad[0]}'"
            out.append(
                Problem(
                    path,
                    1,
                    "ZD914",
                    f"has a {shown} part in its path; every part of a path is a plain name (no '.', '..', "
                    "empty part, backslash or '.git'): delete this file from the branch, or give it a plain name "
                    "like 018bis.md, and push again",
                )
            )
    return out


def _read(repository: Repository, file: FileChange, cfg: DocumentConfig, roster: Roster, root: str) -> Change:
    if (
        not file.path.startswith(root + "/") and not file.old_path.startswith(root + "/")
    ) or file.size > MAX_FILE_BYTES:
        return Change(file)  # judged by its path or size alone; never read
    before = _blob(repository, file.old_blob, file.old_kind)
    after = _blob(repository, file.new_blob, file.new_kind)
    if file.path == f"{root}/delegations.yaml":
        ignored: list[Problem] = []
        after_text = text(after) or ""
        return Change(
            file,
            roster_before=config.roster(file.path, text(before), ignored),
            roster_after=config.roster(file.path, after_text, ignored),
            roster_text=after_text,
        )
    old, _ = _paragraph(file.old_path, before, cfg, roster, root)
    new, why = _paragraph(file.path, after, cfg, roster, root)
    if new is None and why is None and after is not None and number_of(file.path.rsplit("/", 1)[-1]) is not None:
        why = "it is not text"
    return Change(
        file,
        before=old,
        after=new,
        fields_before=_fields(before),
        fields_after=_fields(after),
        unreadable=why or "",
    )


def _blob(repository: Repository, blob: str, kind: str | None) -> bytes | None:
    if kind != "file":
        return None
    return repository.blob(blob)


def _paragraph(
    path: str, data: bytes | None, cfg: DocumentConfig, roster: Roster, root: str
) -> tuple[Paragraph | None, str | None]:
    """The paragraph, and why its file cannot be read (``None`` when it can)."""
    if data is None:
        return None, None
    paragraph, problems = read_paragraph(path, data, cfg, roster, root)
    for problem in problems:
        if problem.code in _UNREADABLE:
            return paragraph, f"{problem.code}: {problem.message}"
    return paragraph, None


#: The reader's problems that mean a file's front matter or text cannot be read at all.
_UNREADABLE = frozenset({"ZD002", "ZD007", "ZD101", "ZD102"})


def _fields(data: bytes | None) -> tuple[tuple[str, str], ...]:
    """Every front-matter key with its value written out (empty when unreadable)."""
    if data is None:
        return ()
    decoded = decode("", data)
    if decoded.text is None:
        return ()
    try:
        loaded = safeyaml.load(frontmatter.split(decoded.text).meta).data
    except (frontmatter.NoFrontMatter, safeyaml.YamlProblem):
        return ()
    if not isinstance(loaded, dict):
        return ()
    return tuple(sorted((str(key), repr(value)) for key, value in loaded.items()))
