"""`zerodraft pr-check`: the pull-request policy, on real git repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git, write_paragraph
from policy_helpers import NAT, A, B, edit, with_logins, zerodraft
from zerodraft.git import Repository
from zerodraft.policy import LOGIN_RE


@pytest.fixture
def base(repo: Path) -> Path:
    """The example repository with logins, on a branch ``proposal`` ready for changes."""
    with_logins(repo)
    git(repo, "checkout", "-q", "-b", "proposal")
    return repo


def propose(base: Path, login: str, message: str = "Proposal", merge: bool = False) -> tuple[int, list[str], str]:
    """Commit the working tree on ``proposal`` and run pr-check as ``login``: on the branch
    alone (``--no-merge``: the policy's rules only), or on the merge result."""
    git(base, "add", "-A")
    git(base, "commit", "-q", "--allow-empty", "-m", message)
    extra = () if merge else ("--no-merge",)
    result = zerodraft(base, "pr-check", "--base", "main", "--head", "proposal", f"--author={login}", *extra)
    return result.returncode, result.stdout.splitlines(), result.stderr


def codes(lines: list[str]) -> list[tuple[str, str]]:
    return [(line.split(":", 1)[0], line.split(" ", 2)[1]) for line in lines if ": ZD" in line]


def test_honest_text_edit_and_insertion_pass(base: Path) -> None:
    edit(base / f"{A}/004.md", "status: open", "status: open\nsupported-by: [Kenya]")
    edit(base / f"{A}/005.md", "different situations", "differing situations")
    write_paragraph(
        base / f"{A}/005bis.md",
        "p-kenya0000001",
        "To promote gender-responsive measures.",
        "proposed",
        proposed_by="KEN",
    )
    status, out, err = propose(base, "kenya-mission", merge=True)
    assert (status, err) == (0, "")
    assert out == [
        "pr-check: 3 changed files; 'kenya-mission' speaks for Kenya; the merge result passes check; nothing to object"
    ]


def test_marking_agreed_and_changing_others(base: Path) -> None:
    edit(base / f"{NAT}/006bis.md", "status: proposed", "status: agreed")
    edit(base / f"{NAT}/006bis.md", "opposed-by: [Iran (Islamic Republic of)]", "opposed-by: []")
    edit(base / f"{NAT}/006bis.md", "proposed-by: [European Union]", "proposed-by: [European Union, Norway]")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    path = f"{NAT}/006bis.md"
    assert out == [
        f"{path}:3: ZD904 the label changes from 'proposed' to 'agreed'; only the facilitator of this agenda item "
        "or the secretariat marks text agreed or agreed ad ref (leave the label as it was)",
        f"{path}:4: ZD906 adds Norway to 'proposed-by'; only Norway may add itself: take Norway out of it here; "
        "it can add itself in a pull request of its own",
        f"{path}:5: ZD906 removes Iran (Islamic Republic of) from 'opposed-by'; only Iran (Islamic Republic of) may "
        "remove itself: put Iran (Islamic Republic of) back; it can take itself out in a pull request of its own",
    ]


def test_amending_another_delegations_proposal_credits_the_amender(base: Path) -> None:
    """Kenya edits the EU's pending 6 bis as GitHub's pencil does (text only): refused with the
    line to write; with Kenya added to proposed-by, the same amendment passes (ZD916)."""
    path = base / f"{NAT}/006bis.md"
    text = path.read_text()
    amended = text.replace("[strengthen][put in place]", "strengthen")
    path.write_text(amended)
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert out == [
        f"{NAT}/006bis.md:4: ZD916 amends the proposal of European Union in paragraph 6 bis without saying so: add "
        "Kenya to 'proposed-by' (proposed-by: [European Union, Kenya]), as 'zerodraft propose amend' does, so the "
        "redline and the compilation credit your words to you and not to European Union"
    ]
    path.write_text(amended.replace("proposed-by: [European Union]", "proposed-by: [European Union, KEN]"))
    assert propose(base, "kenya-mission", "Kenya credited") == (
        0,
        ["pr-check: 1 changed file; 'kenya-mission' speaks for Kenya; nothing to object"],
        "",
    )


def test_a_delegation_adds_and_removes_itself(base: Path) -> None:
    edit(base / f"{NAT}/006bis.md", "opposed-by: [Iran (Islamic Republic of)]", "supported-by: [IRN]")
    assert propose(base, "iran-mission")[0] == 0


def test_the_eu_presidency_speaks_for_the_eu_and_belgium(base: Path) -> None:
    edit(base / f"{A}/004.md", "status: open", "status: open\nsupported-by: [EU, Belgium]")
    status, out, _ = propose(base, "EU-Presidency")
    assert status == 0
    assert "speaks for European Union, Belgium" in out[0]


def test_protected_files(base: Path) -> None:
    (base / "tooling").mkdir()
    (base / "tooling" / "check.py").write_text("print('all good')\n")
    (base / ".github" / "workflows").mkdir(parents=True)
    (base / ".github" / "workflows" / "check.yml").write_text("on: push\n")
    (base / ".pre-commit-config.yaml").write_text("repos: []\n")
    (base / "CODEOWNERS").write_text("* @kenya-mission\n")
    edit(base / "outcome" / "document.yaml", "Draft 2", "Draft 3")
    edit(base / B / "section.yaml", "B.", "B bis.")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [
        (".github/workflows/check.yml", "ZD902"),
        (".pre-commit-config.yaml", "ZD902"),
        ("CODEOWNERS", "ZD902"),
        ("outcome/02-b-international-cooperation/section.yaml", "ZD902"),
        ("outcome/document.yaml", "ZD902"),
        ("tooling/check.py", "ZD902"),
    ]
    assert "tooling/check.py:1: ZD902 is part of the checking tools (tooling/); only the secretariat" in out[-1]


def test_roster_own_logins_only(base: Path) -> None:
    edit(base / "outcome/delegations.yaml", "logins: [kenya-mission]", "logins: [kenya-mission, kenya-deputy]")
    assert propose(base, "kenya-mission")[0] == 0
    edit(base / "outcome/delegations.yaml", "logins: [norway-mission]", "logins: [norway-mission, kenya-mission]")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert out == [
        "outcome/delegations.yaml:6: ZD903 changes the roster entry of Norway (its logins); a delegation may only "
        "change its own logins — the secretariat keeps the roster: put the entry of Norway back as it was, and ask "
        "the secretariat for the change in the pull request's description"
    ]


def test_renumbering_and_bad_new_paragraphs(base: Path) -> None:
    git(base, "mv", f"{A}/005.md", f"{A}/005bis.md")
    (base / f"{B}/007.md").unlink()
    write_paragraph(base / f"{B}/008.md", "p-new-eight", "To do more.", "agreed-ad-ref", proposed_by="Norway")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [
        (f"{A}/005.md", "ZD908"),
        (f"{B}/007.md", "ZD908"),
        (f"{B}/008.md", "ZD907"),
        (f"{B}/008.md", "ZD904"),
        (f"{B}/008.md", "ZD906"),
        (f"{B}/008.md", "ZD907"),
    ]
    assert "insert new text after an existing paragraph (like 007bis.md)" in out[2]


def test_agreed_text_is_closed_except_for_its_facilitator(base: Path) -> None:
    edit(base / f"{B}/007.md", "in accordance with", "taking into account")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [(f"{B}/007.md", "ZD905")]
    assert propose(base, "belgium-delegate")[0] == 0


def test_facilitator_sets_labels_only_in_their_item(base: Path) -> None:
    edit(base / f"{B}/007.md", "agreed-ad-ref", "agreed")
    assert propose(base, "belgium-delegate")[0] == 0
    edit(base / f"{A}/004.md", "status: open", "status: agreed")
    status, out, _ = propose(base, "belgium-delegate")
    assert status == 1
    assert codes(out) == [(f"{A}/004.md", "ZD904")]


def test_proposing_a_deletion_is_allowed(base: Path) -> None:
    edit(base / f"{A}/004.md", "status: open", "status: deleted")
    assert propose(base, "kenya-mission")[0] == 0


def test_secretariat_may_do_anything(base: Path) -> None:
    git(base, "mv", f"{A}/005.md", f"{A}/006.md")
    (base / "tooling").mkdir()
    (base / "tooling" / "x.py").write_text("x = 1\n")
    status, out, _ = propose(base, "unoda-secretariat")
    assert status == 0
    assert "'unoda-secretariat' is the secretariat" in out[0]


def test_unknown_author_is_told_how_to_join(base: Path) -> None:
    edit(base / f"{A}/005.md", "different", "differing")
    status, out, _ = propose(base, "someone-else")
    assert status == 1
    assert out[0].startswith(
        "outcome/delegations.yaml:1: ZD901 the GitHub login 'someone-else' speaks for no delegation"
    )
    assert "send the secretariat your GitHub login" in out[0]


def test_authority_comes_from_the_base_branch(base: Path) -> None:
    """A pull request that adds its own login to the roster is still judged as unknown."""
    edit(base / "outcome/delegations.yaml", "logins: [norway-mission]", "logins: [norway-mission, intruder]")
    status, out, _ = propose(base, "intruder")
    assert status == 1
    assert codes(out) == [("outcome/delegations.yaml", "ZD901")]


def test_symlink_and_huge_file(base: Path) -> None:
    os.symlink("/etc/passwd", base / f"{A}/004bis.md")
    with (base / f"{A}/big.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [(f"{A}/004bis.md", "ZD909"), (f"{A}/big.md", "ZD902"), (f"{A}/big.md", "ZD909")]
    assert "is 52,428,800 bytes" in out[2]


def test_renaming_tooling_away(base: Path) -> None:
    (base / "tooling").mkdir()
    for name in ("a.py", "b.py"):
        (base / "tooling" / name).write_text(f"# {name}\n")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "tooling")
    git(base, "checkout", "-q", "main")
    git(base, "merge", "-q", "proposal")
    git(base, "checkout", "-q", "proposal")
    git(base, "mv", "tooling", "gone")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [("tooling/a.py", "ZD902"), ("tooling/b.py", "ZD902")]


@pytest.mark.parametrize("login", ["kenya;rm -rf /", "$(id)", "a`b`", "-x", "", "x" * 40, "a--b"])
def test_login_with_metacharacters_is_refused(base: Path, login: str) -> None:
    result = zerodraft(base, "pr-check", "--base", "main", "--head", "proposal", f"--author={login}")
    assert result.returncode == 2
    assert "is not a GitHub login" in result.stderr
    assert result.stdout == ""


def test_login_regex_accepts_real_logins() -> None:
    assert all(LOGIN_RE.match(x) for x in ("kenya-mission", "a", "dependabot[bot]", "A1-b2", "x" * 39))


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("--output=/tmp/x", "is not a valid ref name"),
        ("-h", "is not a valid ref name"),
        ("no-such-branch", "there is no commit, tag or branch called 'no-such-branch'"),
        ("main..proposal", "is not a valid ref name"),
    ],
)
def test_bad_refs(base: Path, ref: str, message: str) -> None:
    result = zerodraft(base, "pr-check", f"--base={ref}", "--head", "proposal", "--author", "kenya-mission")
    assert result.returncode == 2
    assert message in result.stderr


def test_unrelated_history(base: Path) -> None:
    git(base, "checkout", "-q", "--orphan", "stray")
    git(base, "commit", "-q", "-m", "stray")
    result = zerodraft(base, "pr-check", "--base", "main", "--head", "stray", "--author", "kenya-mission")
    assert result.returncode == 2
    assert "share no history" in result.stderr


def test_author_from_environment(base: Path) -> None:
    git(base, "commit", "-q", "--allow-empty", "-m", "nothing")
    env = {**os.environ, "PR_AUTHOR": "kenya-mission"}
    result = subprocess.run(
        [sys.executable, "-m", "zerodraft", "pr-check", "--base", "main", "--head", "proposal"],
        cwd=base,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_five_hundred_commits_cost_one_diff(base: Path) -> None:
    """A branch with 500 commits is compared as two trees (fast-import makes the history)."""
    head = git(base, "rev-parse", "HEAD").strip()
    stream = []
    for index in range(500):
        stream += [
            "commit refs/heads/proposal",
            f"committer K <k@example.org> {1_600_000_000 + index} +0000",
            "data 2",
            "c",
            "from " + (head if index == 0 else "refs/heads/proposal^0"),
            f"M 100644 inline {A}/005.md",
            f"data <<EOT\n---\nid: p-a1b2c3d4e505\nstatus: open\n---\nText {index}.\nEOT",
            "",
        ]
    subprocess.run(
        ["git", "fast-import", "--quiet", "--force"], cwd=base, input="\n".join(stream) + "\n", text=True, check=True
    )
    repository = Repository(base)
    changes = repository.changes(repository.resolve("main"), repository.resolve("proposal"))
    assert [(c.path, c.status) for c in changes] == [(f"{A}/005.md", "modified")]
    result = zerodraft(base, "pr-check", "--base", "main", "--head", "proposal", "--author", "kenya-mission")
    assert result.returncode == 0, result.stdout + result.stderr


def test_changes_lists_renames_modes_and_sizes(base: Path) -> None:
    git(base, "mv", f"{A}/005.md", f"{A}/005ter.md")
    os.symlink("../x", base / f"{A}/link.md")
    (base / f"{A}/004.md").write_text("x" * 10)
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "x")
    repository = Repository(base)
    changes = repository.changes(repository.resolve("main"), repository.resolve("proposal"))
    got = {(c.status, c.old_path, c.path, c.new_kind, c.size) for c in changes}
    assert got == {
        ("modified", f"{A}/004.md", f"{A}/004.md", "file", 10),
        ("renamed", f"{A}/005.md", f"{A}/005ter.md", "file", (base / f"{A}/005ter.md").stat().st_size),
        ("added", f"{A}/link.md", f"{A}/link.md", "symlink", 4),
    }


def test_other_files_in_the_document_are_the_secretariats(base: Path) -> None:
    (base / "outcome" / "README.md").write_text("A note.\n")
    (base / f"{A}/notes.txt").write_text("x\n")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [(f"{A}/notes.txt", "ZD902"), ("outcome/README.md", "ZD902")]


def test_broken_front_matter_is_a_refusal(base: Path) -> None:
    (base / f"{A}/005.md").write_text("---\nid: [unclosed\n---\nText\n")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert len(out) == 1
    assert out[0].startswith(f"{A}/005.md:1: ZD913 cannot be read as a paragraph (ZD102: front matter ")
    assert out[0].endswith(
        "; a pull request leaves every paragraph file readable: front matter between '---' lines, then the text"
    )


def test_unreadable_roster_is_one_problem(base: Path) -> None:
    (base / "outcome" / "delegations.yaml").write_text("delegations: [\n")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert out == [
        "outcome/delegations.yaml:1: ZD903 can no longer be read as a roster; only the secretariat restructures it"
    ]


def test_github_annotations_cannot_inject_commands(base: Path) -> None:
    edit(base / f"{A}/004.md", "status: open", 'status: open\nsupported-by: ["Narnia\\n::add-mask::x,y%"]')
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "inject")
    result = zerodraft(
        base, "pr-check", "--base", "main", "--head", "proposal", "--author", "kenya-mission", "--format", "github"
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={A}/004.md,line=4,title=ZD108::'Narnia\\u000a::add-mask::x,y%25' in supported-by is not a "
        "delegation in outcome/delegations.yaml; write it as outcome/delegations.yaml spells it, or ask the "
        "secretariat to add it",
        f"::error file={A}/004.md,line=4,title=ZD906::adds Narnia\\u000a::add-mask::x,y%25 to 'supported-by'; "
        "only Narnia\\u000a::add-mask::x,y%25 may add itself: take Narnia\\u000a::add-mask::x,y%25 out of it here; "
        "it can add itself in a pull request of its own",
    ]


def test_a_delegation_cannot_touch_the_concordance(base: Path) -> None:
    # The concordance is the secretariat's record of a release: a pull request may neither add nor edit one.
    folder = base / "outcome" / "concordance"
    folder.mkdir()
    (folder / "draft-3.yaml").write_text("draft: Draft 3\nprevious: Draft 2\nparagraphs: []\n", "utf-8")
    status, out, _ = propose(base, "kenya-mission")
    assert status == 1
    assert codes(out) == [("outcome/concordance/draft-3.yaml", "ZD902")]
