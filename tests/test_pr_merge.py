"""pr-check judges what merging would make: the attacks of issue 12, each played with a bare
"origin", the secretariat's clone and delegations' clones pushing real branches, and judged as
CI judges them (the base branch against the pushed head, through ``git merge-tree``)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import git, write_paragraph
from policy_helpers import NAT, A, B, edit, with_logins, zerodraft


@dataclass
class World:
    """A bare origin and the secretariat's clone of it."""

    work: Path
    origin: Path
    secretariat: Path

    def clone(self, name: str) -> Path:
        """A delegation's clone, on a new branch ``name`` from origin's main as it is now."""
        git(self.work, "clone", "-q", str(self.origin), name)
        git(self.work / name, "checkout", "-q", "-b", name)
        return self.work / name

    def push(self, clone: Path, message: str = "Proposal") -> None:
        git(clone, "add", "-A")
        git(clone, "commit", "-q", "-m", message)
        git(clone, "push", "-q", "origin", clone.name)

    def land(self, change: Callable[[Path], None], message: str) -> None:
        """The secretariat changes main and pushes it."""
        git(self.secretariat, "pull", "-q", "--ff-only", "origin", "main")
        change(self.secretariat)
        git(self.secretariat, "add", "-A")
        git(self.secretariat, "commit", "-q", "-m", message)
        git(self.secretariat, "push", "-q", "origin", "main")

    def merge(self, branch: str) -> None:
        """The secretariat merges a pull request's branch into main (as GitHub's merge button)."""
        git(self.secretariat, "pull", "-q", "--ff-only", "origin", "main")
        git(self.secretariat, "fetch", "-q", "origin", branch)
        git(self.secretariat, "merge", "-q", "--no-ff", "-m", f"Merge {branch}", "FETCH_HEAD")
        git(self.secretariat, "push", "-q", "origin", "main")

    def pr_check(self, branch: str, login: str, *extra: str) -> subprocess.CompletedProcess[str]:
        """pr-check of origin's ``branch`` against origin's main, in a fresh clone (as CI runs it)."""
        where = self.work / f"ci-{branch}-{len(list(self.work.iterdir()))}"
        git(self.work, "clone", "-q", str(self.origin), where.name)
        git(where, "fetch", "-q", "origin", f"+refs/heads/{branch}:refs/remotes/origin/{branch}")
        return zerodraft(
            where, "pr-check", "--base", "origin/main", "--head", f"origin/{branch}", "--author", login, *extra
        )


@pytest.fixture
def world(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> World:
    with_logins(repo)
    work = tmp_path_factory.mktemp("origin")
    git(work, "clone", "-q", "--bare", str(repo), "origin.git")
    git(work, "clone", "-q", str(work / "origin.git"), "secretariat")
    return World(work, work / "origin.git", work / "secretariat")


def agree(paragraph: str) -> Callable[[Path], None]:
    return lambda clone: edit(clone / paragraph, "status: open", "status: agreed")


def problems(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    return [(line.split(":", 1)[0], line.split(" ", 2)[1]) for line in result.stdout.splitlines() if ": ZD" in line]


def test_a_stale_fork_cannot_edit_text_agreed_since(world: World) -> None:
    kenya = world.clone("kenya")  # branches while paragraph 5 is open
    world.land(agree(f"{A}/005.md"), "5 agreed")
    edit(kenya / f"{A}/005.md", "different situations", "very different situations")
    world.push(kenya)
    # judged on the branch alone, 5 was open: the old hole
    assert world.pr_check("kenya", "kenya-mission", "--no-merge").returncode == 0
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1
    assert problems(result) == [(f"{A}/005.md", "ZD905")]
    assert "edits text labelled 'agreed'" in result.stdout


def test_an_honest_stale_fork_that_touches_only_open_text_passes(world: World) -> None:
    kenya = world.clone("kenya")
    world.land(agree(f"{A}/005.md"), "5 agreed")
    edit(kenya / f"{A}/004.md", "status: open", "status: open\nsupported-by: [Kenya]")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        "pr-check: 1 changed file; 'kenya-mission' speaks for Kenya; the merge result passes check; nothing to object\n"
    )


def test_a_pull_request_opened_before_the_text_was_agreed_is_judged_again(world: World) -> None:
    kenya = world.clone("kenya")
    edit(kenya / f"{A}/005.md", "different situations", "very different situations")
    world.push(kenya)
    assert world.pr_check("kenya", "kenya-mission").returncode == 0  # 5 is still open
    world.land(agree(f"{A}/005.md"), "5 agreed")  # the base moves: check.yml runs again
    result = world.pr_check("kenya", "kenya-mission")
    assert problems(result) == [(f"{A}/005.md", "ZD905")]


def test_a_delegation_cannot_write_a_secretariat_note(world: World) -> None:
    kenya = world.clone("kenya")
    note = "note: 'Secretariat note: agreed on the understanding that it does not apply to Kenya'"
    edit(kenya / f"{B}/007.md", "status: agreed-ad-ref", f"status: agreed-ad-ref\n{note}")
    write_paragraph(kenya / f"{A}/005bis.md", "p-ken-0000001", "To cooperate.", "proposed", proposed_by="Kenya")
    edit(kenya / f"{A}/005bis.md", "proposed-by: Kenya", "proposed-by: Kenya\nnote: Endorsed by the Chair")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1
    assert problems(result) == [(f"{A}/005bis.md", "ZD912"), (f"{B}/007.md", "ZD912")]
    assert f"{B}/007.md:4: ZD912 sets 'note', which only the secretariat or the facilitator" in result.stdout
    # the facilitator of agenda item B may write one there
    belgium = world.clone("belgium")
    edit(belgium / f"{B}/007.md", "status: agreed-ad-ref", f"status: agreed-ad-ref\n{note}")
    world.push(belgium)
    assert world.pr_check("belgium", "belgium-delegate").returncode == 0


def test_changing_or_removing_a_note_is_refused_too(world: World) -> None:
    world.land(
        lambda clone: edit(clone / f"{A}/005.md", "status: open", "status: open\nnote: Under consultation"), "note"
    )
    kenya = world.clone("kenya")
    edit(kenya / f"{A}/005.md", "note: Under consultation\n", "")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission")
    assert problems(result) == [(f"{A}/005.md", "ZD912")]
    assert "removes 'note'" in result.stdout


def test_a_stale_alternative_beside_text_agreed_since_is_refused(world: World) -> None:
    kenya = world.clone("kenya")
    write_paragraph(kenya / f"{A}/005alt.md", "p-ken-0000002", "To differ.", "proposed", proposed_by="Kenya")
    world.push(kenya)
    world.land(agree(f"{A}/005.md"), "5 agreed")
    assert world.pr_check("kenya", "kenya-mission", "--no-merge").returncode == 0  # the old hole
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1
    assert problems(result) == [(f"{A}/005.md", "ZD302")]
    assert "alternative 5 alt (005alt.md) still stands" in result.stdout


def test_copying_the_id_of_another_pending_paragraph_is_refused_once_that_lands(world: World) -> None:
    norway = world.clone("norway")
    write_paragraph(norway / f"{A}/005bis.md", "p-nor-0000001", "To share.", "proposed", proposed_by="Norway")
    world.push(norway)
    kenya = world.clone("kenya")
    write_paragraph(kenya / f"{A}/004bis.md", "p-nor-0000001", "To take over.", "proposed", proposed_by="Kenya")
    world.push(kenya)
    assert world.pr_check("norway", "norway-mission").returncode == 0
    assert world.pr_check("kenya", "kenya-mission").returncode == 0  # alone, the id is free
    world.merge("norway")
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1
    assert problems(result) == [(f"{A}/005bis.md", "ZD107")]
    assert f"id 'p-nor-0000001' is already used by {A}/004bis.md" in result.stdout


def test_two_delegations_adding_the_same_bis_are_told_the_next_free_number(world: World) -> None:
    norway = world.clone("norway")
    kenya = world.clone("kenya")
    write_paragraph(norway / f"{A}/005bis.md", "p-nor-0000003", "To share.", "proposed", proposed_by="Norway")
    world.push(norway)
    write_paragraph(kenya / f"{A}/005bis.md", "p-ken-0000003", "To give.", "proposed", proposed_by="Kenya")
    world.push(kenya)
    world.merge("norway")
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{A}/005bis.md:1: ZD911 main already has a paragraph 5 bis, added since this branch left it (another "
        "proposal took the number); name yours 5 ter instead: rename the file to 005ter.md (the next free number "
        "at this place) and push again"
    ]
    assert "it cannot be merged as it is" in result.stderr
    git(kenya, "mv", f"{A}/005bis.md", f"{A}/005ter.md")
    world.push(kenya, "5 ter")
    assert world.pr_check("kenya", "kenya-mission").returncode == 0


def test_overlapping_edits_are_a_conflict_that_says_what_to_do(world: World) -> None:
    kenya = world.clone("kenya")
    edit(kenya / f"{A}/005.md", "different situations", "differing situations")
    world.push(kenya)
    world.land(lambda c: edit(c / f"{A}/005.md", "different situations", "diverse situations"), "Chair's edit")
    result = world.pr_check("kenya", "kenya-mission")
    assert problems(result) == [(f"{A}/005.md", "ZD911")]
    assert "was changed both on main and in this pull request" in result.stdout
    assert "'Update branch'" in result.stdout


def test_a_second_roster_entry_or_a_borrowed_login_is_refused(world: World) -> None:
    norway = world.clone("norway")
    roster = norway / "outcome" / "delegations.yaml"
    roster.write_text(
        roster.read_text() + "  - {name: Norway, kind: member-state, code: NOR2, logins: [kenya-mission]}\n"
    )
    world.push(norway)
    result = world.pr_check("norway", "norway-mission")
    assert result.returncode == 1
    assert ("outcome/delegations.yaml", "ZD915") in problems(result)
    assert "has 2 entries with the name 'Norway'" in result.stdout
    borrow = world.clone("borrow")
    edit(borrow / "outcome" / "delegations.yaml", "logins: [norway-mission]", "logins: [norway-mission, kenya-mission]")
    world.push(borrow)
    result = world.pr_check("borrow", "norway-mission")
    assert problems(result) == [("outcome/delegations.yaml", "ZD915")]
    assert "gives the login 'kenya-mission', which speaks for Kenya, to Norway too" in result.stdout


@pytest.mark.parametrize("component", ["..", ".", "a\\b", ".git"])
def test_a_path_component_made_with_mktree_is_refused_first(world: World, component: str) -> None:
    """A tree entry git's checkout would refuse, made with ``git mktree``: ``outcome/02-b-…/../…``
    passes a test on the facilitator's folder, so every part of every path is checked first."""
    belgium = world.clone("belgium")
    blob = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"], cwd=belgium, input="x\n", capture_output=True, text=True, check=True
    ).stdout.strip()
    inner = subprocess.run(
        ["git", "mktree"],
        cwd=belgium,
        input=f"100644 blob {blob}\t005.md\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder = git(belgium, "rev-parse", f"HEAD:{B}").strip()
    listing = git(belgium, "ls-tree", folder) + f"040000 tree {inner}\t{component}\n"
    evil = subprocess.run(["git", "mktree"], cwd=belgium, input=listing, capture_output=True, text=True, check=True)
    top = git(belgium, "rev-parse", "HEAD^{tree}").strip()
    tree = _replace(belgium, top, B, evil.stdout.strip())
    commit = git(belgium, "commit-tree", tree, "-p", "HEAD", "-m", "evil").strip()
    git(belgium, "push", "-q", "origin", f"{commit}:refs/heads/belgium")
    result = world.pr_check("belgium", "belgium-delegate")
    assert result.returncode == 1
    assert {code for _path, code in problems(result)} == {"ZD914"}
    assert result.stdout.startswith(f"{B}/{component}")


def _replace(clone: Path, tree: str, path: str, new: str) -> str:
    """``tree`` with the folder at ``path`` replaced by the tree ``new`` (made with git mktree)."""
    head, _, rest = path.partition("/")
    entries = git(clone, "ls-tree", tree).splitlines()
    out = []
    for line in entries:
        meta, name = line.split("\t", 1)
        if name == head:
            mode, kind, sha = meta.split()
            sha = new if not rest else _replace(clone, sha, rest, new)
            line = f"{mode} {kind} {sha}\t{name}"
        out.append(line)
    return subprocess.run(
        ["git", "mktree"], cwd=clone, input="\n".join(out) + "\n", capture_output=True, text=True, check=True
    ).stdout.strip()


def test_unreadable_front_matter_is_a_refusal_not_a_skip(world: World) -> None:
    kenya = world.clone("kenya")
    (kenya / f"{NAT}/006.md").write_text("id: p-x\nstatus: agreed\nText without front matter.\n")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission", "--no-merge")
    assert problems(result) == [(f"{NAT}/006.md", "ZD913")]
    assert "cannot be read as a paragraph (ZD101: does not start with front matter" in result.stdout


def test_what_main_already_has_is_not_the_pull_requests_doing(world: World) -> None:
    """A problem main has already (a check added to the tooling since, a slip of the Chair's)
    does not block an honest pull request; a new one of the same kind still does."""
    world.land(lambda c: edit(c / f"{A}/004.md", "status: open", "status: agred"), "a slip on main")
    kenya = world.clone("kenya")
    edit(kenya / f"{A}/005.md", "different situations", "differing situations")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 0, result.stdout + result.stderr
    norway = world.clone("norway")
    edit(norway / f"{A}/005.md", "status: open", "status: opne")
    world.push(norway)
    result = world.pr_check("norway", "norway-mission")
    assert (f"{A}/005.md", "ZD104") in problems(result)
    assert (f"{A}/004.md", "ZD104") not in problems(result)


def test_a_bracket_left_open_in_another_folder_of_the_part_is_refused(world: World) -> None:
    """The paragraph checks of the merge result run on the whole top-level part a pull request
    changes, not its folder only: a bracket that opens in agenda item A and closes in its
    subsection is one bracketed passage, and removing its '[' leaves the ']' in the
    subsection unmatched (main would fail ZD401 there)."""
    world.land(
        lambda c: (
            edit(c / f"{A}/005.md", "Bearing", "[Bearing"),
            edit(c / f"{NAT}/006.md", "unauthorized recipients.", "unauthorized recipients.]"),
        ),
        "a bracketed run of paragraphs",
    )
    kenya = world.clone("kenya")
    edit(kenya / f"{A}/005.md", "[Bearing", "Bearing")
    world.push(kenya)
    result = world.pr_check("kenya", "kenya-mission")
    assert result.returncode == 1, result.stdout + result.stderr
    assert problems(result) == [(f"{NAT}/006.md", "ZD401")]
    again = world.pr_check("kenya", "kenya-mission")  # in a fresh clone, and the same as the first
    assert again.stdout == result.stdout
