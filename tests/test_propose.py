"""``zerodraft propose``: each kind makes exactly the file change a reviewer expects."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import git
from zerodraft.main import main

NATIONAL = "outcome/01-a-implementation/01-national-level"


@pytest.fixture(autouse=True)
def identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key, value in {
        "GIT_AUTHOR_NAME": "Kenya delegate",
        "GIT_AUTHOR_EMAIL": "kenya@example.org",
        "GIT_COMMITTER_NAME": "Kenya delegate",
        "GIT_COMMITTER_EMAIL": "kenya@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path),
    }.items():
        monkeypatch.setenv(key, value)


def changed(repo: Path) -> str:
    git(repo, "add", "-A", "-N")
    return git(repo, "diff", "--no-color", "-U0", "--no-prefix").strip()


def numbers(repo: Path) -> list[str]:
    return sorted(str(p.relative_to(repo)) for p in (repo / "outcome").rglob("*.md"))


def test_insert_after_takes_the_next_free_insertion(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = numbers(repo)
    assert main(["-C", str(repo), "propose", "insert-after", "6", "--delegation", "KEN", "--text", "To act now."]) == 0
    assert "Kenya proposes 6 ter after 6" in capsys.readouterr().out
    created = (repo / NATIONAL / "006ter.md").read_text()
    assert created.startswith("---\nid: p-")
    assert "status: proposed\nproposed-by: [Kenya]\n---\nTo act now.\n" in created
    assert set(numbers(repo)) - set(before) == {f"{NATIONAL}/006ter.md"}
    assert main(["-C", str(repo), "check"]) == 0


def test_insert_after_a_plain_paragraph(repo: Path) -> None:
    assert main(["-C", str(repo), "propose", "insert-after", "OP4", "--delegation", "Kenya", "--text", "Noting."]) == 0
    assert (repo / "outcome/01-a-implementation/004bis.md").exists()
    assert main(["-C", str(repo), "check"]) == 0


def test_amend(repo: Path) -> None:
    assert (
        main(
            [
                "-C",
                str(repo),
                "propose",
                "amend",
                "7",
                "--delegation",
                "EU",
                "--text",
                "To [strengthen] cooperation.",
                "--reopen",
            ]
        )
        == 0
    )
    diff = changed(repo)
    assert "-status: agreed-ad-ref\n+status: open\n+proposed-by: [European Union]" in diff
    assert "+To [strengthen] cooperation." in diff
    assert main(["-C", str(repo), "check"]) == 0


def test_delete(repo: Path) -> None:
    assert main(["-C", str(repo), "propose", "delete", "6 bis", "--delegation", "Kenya"]) == 0
    diff = changed(repo)
    assert "+status: deleted\n" in diff
    assert "+proposed-by: [European Union, Kenya]" in diff


def test_alternative(repo: Path) -> None:
    assert main(["-C", str(repo), "propose", "alternative", "6", "--delegation", "IRN", "--text", "To consider."]) == 0
    assert "proposed-by: [Iran (Islamic Republic of)]" in (repo / NATIONAL / "006alt.md").read_text()
    assert main(["-C", str(repo), "propose", "alternative", "6", "--delegation", "KEN", "--text", "To weigh."]) == 0
    assert (repo / NATIONAL / "006alt2.md").exists()
    assert main(["-C", str(repo), "check"]) == 0


def test_support_and_oppose_switch_sides(repo: Path) -> None:
    assert main(["-C", str(repo), "propose", "support", "6bis", "--delegation", "IRN"]) == 0
    text = (repo / NATIONAL / "006bis.md").read_text()
    assert "supported-by: [Iran (Islamic Republic of)]" in text
    assert "opposed-by" not in text
    assert main(["-C", str(repo), "propose", "oppose", "p-a1b2c3d4e507", "--delegation", "Kenya"]) == 0
    text = (repo / NATIONAL / "006bis.md").read_text()
    assert "opposed-by: [Kenya]" in text
    assert main(["-C", str(repo), "check"]) == 0


def test_on_a_new_branch(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["-C", str(repo), "propose", "insert-after", "5", "--delegation", "EU", "--text", "To act.", "--new-branch"]
        )
        == 0
    )
    assert "committed on the new branch european-union/insert-after-5bis" in capsys.readouterr().out
    assert git(repo, "branch", "--show-current").strip() == "european-union/insert-after-5bis"
    assert git(repo, "log", "-1", "--format=%s").strip() == "European Union proposes 5 bis after 5"
    assert git(repo, "show", "--name-status", "--format=", "HEAD").strip() == "A\toutcome/01-a-implementation/005bis.md"
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["amend", "99", "--delegation", "Kenya", "--text", "x"], "there is no paragraph '99'"),
        (["support", "6", "--delegation", "Atlantis"], "'Atlantis' is not a delegation in outcome/delegations.yaml"),
        (["insert-after", "6", "--delegation", "Kenya"], "needs the proposed text"),
        (["amend", "6", "--delegation", "Kenya", "--text-file", "/nonexistent/x.md"], "No such file or directory"),
        (["amend", "6", "--delegation", "Kenya", "--text-file", "/bin/sh"], "is not UTF-8 text"),
        (["insert-after", "6", "--delegation", "Kenya", "--text", "x", "--new-branch=-bad"], "cannot be used"),
    ],
)
def test_bad_input_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["-C", str(repo), "propose", *args]) == 2
    assert message in capsys.readouterr().err
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(repo, "branch", "--show-current").strip() == "main"


def test_text_that_would_fail_the_check_is_not_written(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(repo), "propose", "amend", "6", "--delegation", "Kenya", "--text", "To [act."]) == 1
    assert "ZD401" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_delegation_written_by_its_code_is_not_added_twice(repo: Path) -> None:
    path = repo / NATIONAL / "006bis.md"
    path.write_text(path.read_text().replace("proposed-by: [European Union]", "proposed-by: [EU]"))
    assert main(["-C", str(repo), "propose", "delete", "6 bis", "--delegation", "European Union"]) == 0
    assert "proposed-by: [EU]\n" in path.read_text()


def test_broken_paragraph_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / NATIONAL / "006.md"
    path.write_text("no front matter\n")
    assert main(["-C", str(repo), "propose", "support", "p-a1b2c3d4e506", "--delegation", "Kenya"]) == 2
    assert main(["-C", str(repo), "propose", "support", "6", "--delegation", "Kenya"]) == 2
    assert "has broken front matter" in capsys.readouterr().err


# ---- property: during a round, proposals never change another paragraph's number

PROPOSALS = st.lists(
    st.tuples(
        st.sampled_from(["insert-after", "amend", "delete", "alternative", "support", "oppose"]),
        st.integers(0, 30),
        st.sampled_from(["Kenya", "EU", "IRN"]),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None)
@given(PROPOSALS)
def test_proposals_never_renumber_others(proposals: list[tuple[str, int, str]]) -> None:
    from conftest import EXAMPLE
    from zerodraft import checks
    from zerodraft.errors import Fatal
    from zerodraft.reader import read
    from zerodraft.rounds.proposal import propose
    from zerodraft.source import MemoryTree

    files = {f"outcome/{p.relative_to(EXAMPLE).as_posix()}": p.read_bytes() for p in EXAMPLE.rglob("*") if p.is_file()}
    for kind, pick, delegation in proposals:
        document = read(MemoryTree(files)).document
        before = {p.id: p.path for p in document.paragraphs()}
        target = list(document.paragraphs())[pick % len(before)]
        try:
            change = propose(
                document,
                {path: data.decode() for path, data in files.items()},
                kind,  # type: ignore[arg-type]
                target.id,
                delegation,
                "To act together.",
            )
        except Fatal:
            continue  # no free number left, or an alternative asked to have one: refused, nothing written
        assert change.created == (change.path not in files)
        files[change.path] = change.content.encode()
        after = read(MemoryTree(files)).document
        assert {p.id: p.path for p in after.paragraphs() if p.id in before} == before
        assert checks.run(after) == []


def test_no_alternative_to_agreed_text(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(repo), "propose", "alternative", "7", "--delegation", "Kenya", "--text", "To act."]) == 2
    assert "is agreed; an alternative to it cannot stand beside it" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.parametrize("kind", ["amend", "delete"])
def test_agreed_text_is_reopened_only_on_purpose(repo: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    assert main(["-C", str(repo), "propose", kind, "7", "--delegation", "Kenya", "--text", "To act."]) == 2
    assert "paragraph 7 is agreed ad ref: only its facilitator or the secretariat reopens" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


PROPOSALS_BY_KENYA = [
    ["insert-after", "6", "--text", "To act."],
    ["amend", "6 bis", "--text", "To [act] together."],
    ["delete", "6"],
    ["alternative", "6", "--text", "To review."],
    ["support", "6 bis"],
    ["oppose", "6 bis"],
]


@pytest.mark.parametrize("proposal", PROPOSALS_BY_KENYA, ids=lambda p: p[0])
def test_every_proposal_passes_the_pull_request_policy(repo: Path, proposal: list[str]) -> None:
    """What `propose` writes is what the delegation may change (zerodraft pr-check)."""
    roster = repo / "outcome/delegations.yaml"
    roster.write_text(roster.read_text().replace("code: KEN, logins: []", "code: KEN, logins: [kenya-mission]"))
    git(repo, "commit", "-q", "-am", "Kenya's login")
    assert main(["-C", str(repo), "propose", *proposal, "--delegation", "Kenya", "--new-branch"]) == 0
    branch = git(repo, "branch", "--show-current").strip()
    assert main(["-C", str(repo), "pr-check", "--base", "main", "--head", branch, "--author", "kenya-mission"]) == 0
