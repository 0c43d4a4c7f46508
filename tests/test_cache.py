"""The check's cache (zerodraft/cache.py) can never hide a problem: results with a memo are the
results without one, on random edits of a real document; the paragraph checks reach no
further than their top-level part (what pr-check's restriction and the cache both rest on);
the file lives in the git folder, is written whole, and anything odd in it is ignored."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, git
from policy_helpers import NAT, A, edit, with_logins
from zerodraft import cache, checks
from zerodraft.reader import checked, read
from zerodraft.source import MemoryTree

ORIGINAL = {
    f"outcome/{path.relative_to(EXAMPLE).as_posix()}": path.read_bytes()
    for path in EXAMPLE.rglob("*")
    if path.is_file()
}
PARAGRAPHS = sorted(p for p in ORIGINAL if p.endswith(".md") and p.rsplit("/", 1)[1][0].isdigit())
FOLDERS = sorted({p.rsplit("/", 1)[0] for p in PARAGRAPHS})
WORDS = [
    "To ensure",
    "[full",
    "and effective]",
    "]",
    "[",
    "(a) controls;",
    "(c) marking.",
    "[^1]",
    "Article 3",
    "6 alt",
]
STATUSES = ["open", "agreed", "agreed-ad-ref", "proposed", "nonsense", ""]

#: A bracket opened in agenda item A and closed in its subsection (how a run of paragraphs is
#: bracketed): balanced across two folders of one part.
CARRIED = {
    **ORIGINAL,
    "outcome/01-a-implementation/005.md": ORIGINAL["outcome/01-a-implementation/005.md"].replace(
        b"Bearing", b"[Bearing"
    ),
    "outcome/01-a-implementation/01-national-level/006.md": ORIGINAL[
        "outcome/01-a-implementation/01-national-level/006.md"
    ].replace(b"recipients.", b"recipients.]"),
}

#: One memo for every example: what it kept from earlier documents must never leak into a later one.
SHARED = cache.Memo()


def _paragraph(ident: str, status: str, words: list[str], who: str | None) -> bytes:
    fields = [f"id: {ident}"] + ([f"status: {status}"] if status else [])
    if who:
        fields.append(f"proposed-by: [{who}]")
    body = " ".join(words) if words else ""
    return ("---\n" + "\n".join(fields) + "\n---\n" + body + "\n").encode()


@st.composite
def edits(draw: st.DrawFn) -> dict[str, bytes]:
    """The example document after a few random edits: a paragraph rewritten (brackets that open
    in one file and close in another, labels, proposers), added (bis, alternatives, in a
    subsection), removed, or the roster changed."""
    files = dict(draw(st.sampled_from([ORIGINAL, CARRIED])))
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["rewrite", "rewrite", "add", "remove", "roster"]))
        if kind == "rewrite":
            path = draw(st.sampled_from(PARAGRAPHS))
            words = draw(st.lists(st.sampled_from(WORDS), max_size=6))
            who = draw(st.sampled_from([None, "Kenya", "Atlantis"]))
            files[path] = _paragraph(f"p-{PARAGRAPHS.index(path):08d}", draw(st.sampled_from(STATUSES)), words, who)
        elif kind == "add":
            name = draw(st.sampled_from(["004bis.md", "006alt.md", "005alt.md", "008.md", "001.md"]))
            folder = draw(st.sampled_from(FOLDERS))
            words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
            files[f"{folder}/{name}"] = _paragraph(f"n-{len(files)}", "open", words, None)
        elif kind == "remove":
            files.pop(draw(st.sampled_from(PARAGRAPHS)), None)
        else:
            roster = files["outcome/delegations.yaml"].decode()
            files["outcome/delegations.yaml"] = roster.replace(
                "Kenya", draw(st.sampled_from(["Kenya", "Kenia"]))
            ).encode()
    return files


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_with_the_cache_the_same_document_and_problems(files: dict[str, bytes]) -> None:
    plain = checked(MemoryTree(files))
    for _ in range(2):  # the first time fills the memo, the second reads from it
        kept = checked(MemoryTree(files), memo=SHARED)
        assert kept.problems == plain.problems
        assert kept.document == plain.document


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), st.sampled_from(PARAGRAPHS), st.lists(st.sampled_from(WORDS), max_size=5))
def test_paragraph_checks_reach_no_further_than_their_part(
    files: dict[str, bytes], edited: str, words: list[str]
) -> None:
    """What pr-check relies on when it runs the paragraph checks only in the parts a pull
    request changes: every problem a one-paragraph change brings is found there."""
    before = read(MemoryTree(files)).document
    after_files = {**files, edited: _paragraph("p-edited", "open", words, None)}
    after = read(MemoryTree(after_files)).document
    new = set(checks.run(after)) - set(checks.run(before))
    assert new <= set(checks.run(after, parts={checks.part_of(edited, "outcome")}))


def test_part_of() -> None:
    assert checks.part_of("outcome/01-a/02-b/005.md", "outcome") == "outcome/01-a"
    assert checks.part_of("docs/outcome/01-a/005.md", "docs/outcome") == "docs/outcome/01-a"


# The file, through the real command in a real clone.


def _check(repo: Path, **env: str) -> tuple[int, str]:
    """``zerodraft check`` run in ``repo``, with ``env`` added to the environment."""
    return _zerodraft(repo, "check", **env)


def _zerodraft(repo: Path, *args: str, **env: str) -> tuple[int, str]:
    """The real command run in ``repo``, with ``env`` added to the environment."""
    path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
    result = subprocess.run(
        [sys.executable, "-m", "zerodraft", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path, **env},
        check=False,
    )
    return result.returncode, result.stdout


def test_the_cache_is_in_the_git_folder_and_never_hides_a_problem(repo: Path) -> None:
    assert _check(repo) == (0, "No problems in outcome/ (8 paragraphs in the document).\n")
    kept = repo / ".git" / "zerodraft" / "check-cache"
    assert kept.is_file()
    assert [p.name for p in kept.parent.iterdir()] == ["check-cache"]  # written whole: no temporary left
    assert git(repo, "status", "--porcelain") == ""
    paragraph = repo / "outcome" / "01-a-implementation" / "005.md"
    paragraph.write_text(paragraph.read_text().replace("Bearing", "[Bearing"))
    code, out = _check(repo)
    assert code == 1 and "005.md:5: ZD401" in out
    roster = repo / "outcome" / "delegations.yaml"
    roster.write_text(roster.read_text().replace("name: Kenya", "name: Kenia"))
    assert _check(repo) == _check(repo, ZERODRAFT_CACHE="0")


@pytest.mark.parametrize(
    "content",
    [
        b"not marshal at all",
        b"",
        marshal.dumps(("zerodraft check-cache 1", "another version of the code", {}, {})),
        "shapes",
    ],
    ids=["garbage", "empty", "other code", "wrong shapes"],
)
def test_a_damaged_or_foreign_cache_is_ignored(repo: Path, content: bytes | str) -> None:
    paragraph = repo / "outcome" / "01-a-implementation" / "005.md"
    paragraph.write_text(paragraph.read_text().replace("Bearing", "[Bearing"))
    expected = _check(repo, ZERODRAFT_CACHE="0")
    kept = repo / ".git" / "zerodraft" / "check-cache"
    if content == "shapes":  # the right code, records and findings of the wrong shape
        _check(repo)
        _, fingerprint, records, findings = marshal.loads(kept.read_bytes())
        content = marshal.dumps(
            ("zerodraft check-cache 1", fingerprint, dict.fromkeys(records, (1, 2)), {key: [(1,)] for key in findings})
        )
    kept.parent.mkdir(exist_ok=True)
    kept.write_bytes(content if isinstance(content, bytes) else b"")
    assert _check(repo) == expected
    assert _check(repo) == expected  # and once more, from what that run kept


def test_off_means_no_file(repo: Path) -> None:
    _check(repo, ZERODRAFT_CACHE="0")
    assert not (repo / ".git" / "zerodraft").exists()


def test_a_linked_work_tree_keeps_its_cache_in_its_own_git_folder(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", str(other), "-b", "linked")
    assert cache.git_folder(other) == (repo / ".git" / "worktrees" / "linked").resolve()
    assert _check(other)[0] == 0
    assert (repo / ".git" / "worktrees" / "linked" / "zerodraft" / "check-cache").is_file()
    assert cache.git_folder(tmp_path / "nowhere") is None


def test_pr_check_with_a_warm_cache_says_what_it_says_cold(repo: Path) -> None:
    """pr-check in the same clone three times — cold, filling the cache, from the cache — on a
    pull request whose merge result has problems of its own and one main already had (so
    the base is read and checked too, sharing the memo with the merge result)."""
    with_logins(repo)
    edit(repo / f"{A}/004.md", "status: open", "status: agred")  # a slip on main
    git(repo, "commit", "-qam", "a slip on main")
    git(repo, "checkout", "-qb", "kenya")
    edit(repo / f"{A}/005.md", "Bearing", "[Bearing")
    edit(repo / f"{NAT}/006.md", "status: open", "status: opne")
    git(repo, "commit", "-qam", "Kenya's proposal")
    git(repo, "checkout", "-q", "main")
    args = ("pr-check", "--base", "main", "--head", "kenya", "--author", "kenya-mission")
    cold = _zerodraft(repo, *args, ZERODRAFT_CACHE="0")
    assert cold[0] == 1
    assert f"{A}/005.md:5: ZD401" in cold[1] and f"{NAT}/006.md:3: ZD104" in cold[1]
    assert f"{A}/004.md" not in cold[1]
    assert _zerodraft(repo, *args) == cold
    assert (repo / ".git" / "zerodraft" / "check-cache").is_file()
    assert _zerodraft(repo, *args) == cold


def test_the_file_keeps_what_the_run_used_and_a_few_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SPARE_RECORDS", 2)
    first = cache.Memo(tmp_path / "check-cache")
    for number in range(5):
        first.remember(f"k{number}", (number,))
    first.save()
    second = cache.Memo(tmp_path / "check-cache")
    assert second.record("k0") == (0,)
    second.remember("k9", (9,))
    second.save()
    assert set(cache.Memo(tmp_path / "check-cache").records) == {"k0", "k9", "k3", "k4"}
    assert [p.name for p in tmp_path.iterdir()] == ["check-cache"]
