"""The rules of the pull-request policy: what a delegation, a facilitator and the secretariat
may change.

A pull request is judged by what it changes between two commits (:class:`Change`, one per
file, with the paragraph read on each side).  Authority always comes from the *base* branch:
its ``document.yaml`` names the secretariat and facilitators, its ``delegations.yaml`` maps
GitHub logins to delegations, so a pull request cannot grant itself rights.

- The secretariat may do anything.
- A facilitator may, within its agenda item, also change consensus labels, edit agreed text
  and record who supports, opposes or holds a reservation.
- A delegation may edit paragraph text; add ``bis``/``ter`` paragraphs and alternatives
  labelled ``proposed`` with itself as proposer; propose a deletion (label ``deleted``); and
  add or remove *itself* in proposed-by, supported-by, opposed-by and reservations.  It may
  not mark text agreed, change others' attributions, renumber or rename paragraphs, write or
  change any other front-matter field (``note`` and whatever the format adds are the
  secretariat's and the facilitator's), leave front matter unreadable, or edit
  ``document.yaml``, section headings, the roster of others, or anything outside ``outcome/``
  (``tooling/``, ``.github/``, ``.pre-commit-config.yaml``, CODEOWNERS …).  Roster entries
  stay unique by name and code, and a delegation cannot give another delegation's login to
  its own entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from zerodraft.git import FileChange
from zerodraft.model import DELEGATION_FIELDS, DocumentConfig, Paragraph, Problem, Roster
from zerodraft.numbering import Number
from zerodraft.numbering import from_filename as number_of
from zerodraft.numbering import from_order as number_of_order
from zerodraft.policy.roster import roster_changes
from zerodraft.source import MAX_FILE_BYTES
from zerodraft.vocabulary import Role

#: A GitHub login (or an app's ``name[bot]``); anything else is refused before use.
LOGIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$")
ATTRIBUTIONS = DELEGATION_FIELDS
HOW_TO_JOIN = (
    "ask your delegation's focal point to send the secretariat your GitHub login, to be added under "
    "'logins:' of your delegation in outcome/delegations.yaml (see docs/policy.md)"
)


@dataclass(frozen=True, slots=True)
class Author:
    """Who opened the pull request, and what the base branch lets that login do."""

    login: str
    """The GitHub login."""
    delegations: tuple[str, ...] = ()
    """Roster names of the delegations the login speaks for (maybe several)."""
    secretariat: bool = False
    """True if the login is in ``secretariat: logins`` of ``document.yaml``."""
    facilitates: tuple[str, ...] = ()
    """Folders (``outcome/02-b-…``) of the agenda items the login facilitates."""

    @property
    def known(self) -> bool:
        """True if the login has any role at all."""
        return self.secretariat or bool(self.delegations) or bool(self.facilitates)

    def facilitates_path(self, path: str) -> bool:
        """True if ``path`` lies in an agenda item this login facilitates."""
        return any(path.startswith(folder + "/") for folder in self.facilitates)


def author(login: str, cfg: DocumentConfig, roster: Roster, root: str = "outcome") -> Author:
    """The roles of ``login`` under the base branch's configuration (logins match in any case)."""
    key = login.casefold()
    return Author(
        login=login,
        delegations=tuple(d.name for d in roster.for_login(login)),
        secretariat=key in (x.casefold() for x in cfg.secretariat),
        facilitates=tuple(f"{root}/{f.section}" for f in cfg.facilitators if key in (x.casefold() for x in f.logins)),
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One changed file of a pull request, with the paragraph read on each side."""

    file: FileChange
    """What git says changed."""
    before: Paragraph | None = None
    """The paragraph at the base (``None`` if added or not a paragraph)."""
    after: Paragraph | None = None
    """The paragraph at the head (``None`` if deleted or not a paragraph)."""
    roster_before: Roster | None = None
    """For ``delegations.yaml``: the roster at the base."""
    roster_after: Roster | None = None
    """For ``delegations.yaml``: the roster at the head."""
    roster_text: str = ""
    """For ``delegations.yaml``: the text at the head (to point at lines)."""
    fields_before: tuple[tuple[str, str], ...] = ()
    """Every front-matter key at the base with its value (as YAML reads it, written out)."""
    fields_after: tuple[tuple[str, str], ...] = ()
    """Every front-matter key at the head with its value."""
    unreadable: str = ""
    """Why the head's paragraph file cannot be read (empty when it can)."""


#: Front-matter keys a delegation may write; every other key (``note``, and any key the
#: format adds) is the secretariat's or the facilitator's.
DELEGATION_KEYS = frozenset({"id", "status", *ATTRIBUTIONS})


def review(who: Author, changes: list[Change], roster: Roster, root: str = "outcome") -> list[Problem]:
    """Every way the pull request goes beyond what ``who`` may do (empty: it may be merged)."""
    if who.secretariat:
        return []
    if not who.known:
        return [
            Problem(
                f"{root}/delegations.yaml",
                1,
                "ZD901",
                f"the GitHub login '{who.login}' speaks for no delegation, so its pull request cannot be "
                f"accepted; {HOW_TO_JOIN}",
            )
        ]
    inserted = _inserted_articles(changes)
    problems: list[Problem] = []
    for change in changes:
        problems.extend(_review(who, change, roster, root, inserted))
    return sorted(set(problems))


def _inserted_articles(changes: list[Change]) -> frozenset[str]:
    """The folders of articles (Parts, annexes …) the pull request inserts, as ``zerodraft
    propose insert-after "Article 5"`` (or ``"Part II"``) writes them: a new ``section.yaml``
    in a new folder whose order number carries an insertion suffix (bis, ter … ante), and a
    new ``section.yaml`` in a folder inside one of those (the first article of a new Part
    II bis or Annex I bis: ``03bis-annex-i-bis/01-article-1/``)."""
    added = []
    for change in changes:
        file = change.file
        folder, _, name = file.path.rpartition("/")
        if name == "section.yaml" and file.status == "added":
            added.append(folder)
    folders = set()
    for folder in added:
        order = number_of_order(folder.rsplit("/", 1)[-1].split("-", 1)[0])
        if order is not None and order.rank != 0:
            folders.add(folder)
    inside = {folder for folder in added if any(folder.startswith(f"{outer}/") for outer in folders)}
    return frozenset(folders | inside)


_ASK = (
    "take this change out of the pull request (leave the file as it is on main) and ask the secretariat for it "
    "in the pull request's description"
)
"""The next step for a change only the secretariat makes (ZD902)."""


def _review(
    who: Author, change: Change, roster: Roster, root: str, inserted: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    file = change.file
    if file.new_kind in ("symlink", "other"):
        what = "a symbolic link" if file.new_kind == "symlink" else "a submodule or special file"
        yield Problem(
            file.path,
            1,
            "ZD909",
            f"is {what}; a pull request may only hold plain text files: remove it from the pull request and, if it "
            "should hold text, add that text as a plain file",
        )
    elif file.new_kind == "file" and file.size > MAX_FILE_BYTES:
        yield Problem(
            file.path,
            1,
            "ZD909",
            f"is {file.size:,} bytes; a pull request may hold files of {MAX_FILE_BYTES:,} at most: remove it from "
            "the pull request, or shorten it",
        )
    for path in dict.fromkeys((file.old_path, file.path)):
        if not path.startswith(root + "/"):
            yield Problem(
                path, 1, "ZD902", f"{_outside(path)}; only the secretariat changes files outside {root}/: {_ASK}"
            )
            return
    name = file.path.rsplit("/", 1)[-1]
    if file.path == f"{root}/document.yaml" or file.old_path == f"{root}/document.yaml":
        yield Problem(
            file.path, 1, "ZD902", f"is the document's configuration; only the secretariat edits document.yaml: {_ASK}"
        )
    elif file.path.rpartition("/")[0] in inserted and (name == "section.yaml" or file.status == "added"):
        if name != "section.yaml" and change.after is not None and (change.after.id or change.after.status):
            yield from _added(who, change.after, roster, new_article=True)
    elif name == "section.yaml" or file.old_path.endswith("/section.yaml"):
        yield Problem(
            file.path,
            1,
            "ZD902",
            f"holds a heading of the agreed agenda; only the secretariat adds or edits sections: {_ASK}",
        )
    elif file.path == f"{root}/delegations.yaml":
        yield from roster_changes(
            set(who.delegations), change.roster_before, change.roster_after, change.roster_text, file.path
        )
    elif number_of(name) is None and number_of(file.old_path.rsplit("/", 1)[-1]) is None:
        yield Problem(
            file.path,
            1,
            "ZD902",
            "is not a paragraph file; only the secretariat changes other files here: "
            f"{_ASK} (a new paragraph is a file named like 018bis.md)",
        )
    elif file.status in ("renamed", "copied") and change.before is not None:
        yield Problem(
            file.old_path,
            1,
            "ZD908",
            f"paragraph {change.before.label} is renamed to {file.path}; numbers change only when the "
            "secretariat renumbers a new draft (to propose a new paragraph, add 018bis.md)",
        )
    elif file.status == "deleted" and change.before is not None:
        yield Problem(
            file.path,
            1,
            "ZD908",
            f"paragraph {change.before.label} is removed; to propose deleting it, keep the file and set "
            "'status: deleted' instead",
        )
    elif change.unreadable and not who.facilitates_path(file.path):
        yield Problem(
            file.path,
            1,
            "ZD913",
            f"cannot be read as a paragraph ({change.unreadable}); a pull request leaves every paragraph "
            "file readable: front matter between '---' lines, then the text",
        )
    elif change.after is not None:
        if change.before is None:
            yield from _added(who, change.after, roster)
        else:
            yield from _modified(who, change.before, change.after, roster)
        if not who.facilitates_path(file.path):
            yield from _fields(change)


def _outside(path: str) -> str:
    top = path.split("/", 1)[0]
    known = {
        "tooling": "is part of the checking tools (tooling/)",
        ".github": "is part of the GitHub set-up (.github/)",
        ".pre-commit-config.yaml": "configures the pre-commit checks",
        "CODEOWNERS": "says who reviews what (CODEOWNERS)",
        "docs": "is the project's documentation",
    }
    return known.get(top, "is outside the document")


def _added(who: Author, after: Paragraph, roster: Roster, *, new_article: bool = False) -> Iterator[Problem]:
    path = after.path
    if who.facilitates_path(path):
        return
    own = set(who.delegations)
    if after.number.rank == 0 and not after.number.is_alternative and not new_article:
        insertion = Number(after.number.base - 1, 1) if after.number.base > 1 else None
        yield Problem(
            path,
            1,
            "ZD907",
            f"adds paragraph {after.label} with a new whole number; insert new text after an existing paragraph "
            f"(like {insertion.filename() if insertion else '018bis.md'}) or propose an alternative (006alt.md); "
            "the secretariat numbers new drafts",
        )
    if after.role is not None and after.role.is_agreed:
        yield _label_problem(after, "a new paragraph cannot be agreed")
    elif after.role is not Role.PROPOSED:
        yield Problem(
            path,
            after.line_of("status"),
            "ZD907",
            f"a new paragraph must be labelled 'status: proposed', not '{after.status}'",
        )
    proposers = {roster.name_of(n) for n in after.proposed_by}
    if not proposers & own:
        yield Problem(
            path,
            after.line_of("proposed-by"),
            "ZD907",
            f"a new paragraph must name its proposer: add 'proposed-by: [{_first(who)}]'",
        )
    for key, names in _attributions(after):
        for other in sorted({roster.name_of(n) for n in names} - own):
            yield Problem(
                path,
                after.line_of(key),
                "ZD906",
                f"names {other} in '{key}'; only {other} may add itself (you speak for {_speaks(who)}): take {other} "
                "out of it here; it can add itself in a pull request of its own",
            )


def _modified(who: Author, before: Paragraph, after: Paragraph, roster: Roster) -> Iterator[Problem]:
    path = after.path
    if before.id and after.id != before.id:
        yield Problem(
            path, after.line_of("id"), "ZD908", f"changes the paragraph's id from '{before.id}'; ids never change"
        )
    if who.facilitates_path(path):
        return
    if after.status != before.status and after.role is not Role.DELETED:
        if (after.role is not None and after.role.is_agreed) or (before.role is not None and before.role.is_agreed):
            yield _label_problem(after, f"the label changes from '{before.status}' to '{after.status}'")
        else:
            yield Problem(
                path,
                after.line_of("status"),
                "ZD904",
                f"the label changes from '{before.status}' to '{after.status}'; a delegation may only propose a "
                "deletion ('status: deleted'); other labels are set by the facilitator or the secretariat",
            )
    elif after.status != before.status and before.role is not None and before.role.is_agreed:
        yield _label_problem(after, f"agreed text is marked '{after.status}'")
    if before.role is not None and before.role.is_agreed and after.text != before.text:
        yield Problem(
            path,
            after.text_line,
            "ZD905",
            f"edits text labelled '{before.status}'; agreed text is reopened only by the facilitator or the "
            "secretariat — ask them to reopen it, giving your wording in the pull request's description",
        )
    own = set(who.delegations)
    others = {roster.name_of(n) for n in before.proposed_by} - own
    if (
        before.role is Role.PROPOSED
        and others
        and after.text != before.text
        and not own & {roster.name_of(n) for n in after.proposed_by}
    ):
        credited = ", ".join([*after.proposed_by, _first(who)])
        yield Problem(
            path,
            after.line_of("proposed-by") if after.proposed_by else after.text_line,
            "ZD916",
            f"amends the proposal of {', '.join(sorted(others))} in paragraph {after.label} without saying so: add "
            f"{_first(who)} to 'proposed-by' (proposed-by: [{credited}]), as 'zerodraft propose amend' does, so the "
            f"redline and the compilation credit your words to you and not to {', '.join(sorted(others))}",
        )
    old = dict(_attributions(before))
    for key, names in _attributions(after):
        was = {roster.name_of(n) for n in old.get(key, ())}
        now = {roster.name_of(n) for n in names}
        for other in sorted((now - was) - own):
            yield Problem(
                path,
                after.line_of(key),
                "ZD906",
                f"adds {other} to '{key}'; only {other} may add itself: take {other} out of it here; "
                "it can add itself in a pull request of its own",
            )
        for other in sorted((was - now) - own):
            yield Problem(
                path,
                after.line_of(key),
                "ZD906",
                f"removes {other} from '{key}'; only {other} may remove itself: put {other} back; "
                "it can take itself out in a pull request of its own",
            )


def _fields(change: Change) -> Iterator[Problem]:
    """Every front-matter key beyond :data:`DELEGATION_KEYS` must stay as it was (a new
    paragraph has none)."""
    assert change.after is not None
    before, after = dict(change.fields_before), dict(change.fields_after)
    for key in sorted((set(before) | set(after)) - DELEGATION_KEYS):
        if before.get(key) == after.get(key):
            continue
        what = "sets" if key not in before else "removes" if key not in after else "changes"
        yield Problem(
            change.after.path,
            change.after.line_of(key),
            "ZD912",
            f"{what} '{key}', which only the secretariat or the facilitator of this agenda item writes "
            f"(a secretariat note is not negotiated text); leave '{key}' as it was, and say what you want in "
            "the pull request's description",
        )


def _label_problem(after: Paragraph, what: str) -> Problem:
    return Problem(
        after.path,
        after.line_of("status"),
        "ZD904",
        f"{what}; only the facilitator of this agenda item or the secretariat marks text agreed or agreed ad ref "
        "(leave the label as it was)",
    )


def _attributions(paragraph: Paragraph) -> list[tuple[str, tuple[str, ...]]]:
    return list(paragraph.attributions())


def _first(who: Author) -> str:
    return who.delegations[0] if who.delegations else "your delegation"


def _speaks(who: Author) -> str:
    return ", ".join(who.delegations) if who.delegations else "no delegation"
