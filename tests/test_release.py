"""``zerodraft release``: a real release on a real repository, refusals, and fault injection
(an error and a real SIGINT after every step) proving the repository unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import git, write_paragraph
from zerodraft.git import Repository
from zerodraft.main import main
from zerodraft.rounds import release

pytestmark = pytest.mark.usefixtures("secretariat")


@pytest.fixture(autouse=True)
def ctrl_c() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt, as in a terminal — even when pytest runs as a
    background job, which starts with SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def round_repo(repo: Path) -> Path:
    """The example released as Draft 2 (tag draft-2), then a round: 18-style insertions,
    a deletion, an amendment."""
    assert main(["-C", str(repo), "release", "--format", "md", "Draft 2", "--date", "2021-07-02"]) == 0
    a = repo / "outcome/01-a-implementation"
    write_paragraph(
        a / "004bis.md",
        "p-eu-4bis",
        "Noting with concern the diversion of ammunition.",
        "proposed",
        proposed_by=["European Union"],
    )
    p5 = a / "005.md"
    p5.write_text(p5.read_text().replace("status: open", "status: deleted"))
    p1 = repo / "outcome/00-preamble/001.md"
    p1.write_text(p1.read_text().replace("full and effective", "full, effective and balanced"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Round proposals")
    return repo


def snapshot(repo: Path) -> dict[str, object]:
    """Everything a release could change: HEAD and branch, every ref, the index, the status,
    and a hash of every file in the work tree (outside .git)."""
    files = hashlib.sha256()
    for path in sorted(repo.rglob("*")):
        if ".git" in path.relative_to(repo).parts:
            continue
        files.update(str(path.relative_to(repo)).encode() + b"\0")
        if path.is_file():
            files.update(path.read_bytes())
    return {
        "head": git(repo, "rev-parse", "HEAD"),
        "branch": git(repo, "rev-parse", "--symbolic-full-name", "HEAD"),
        "refs": git(repo, "for-each-ref", "--format=%(refname) %(objectname)"),
        "index": git(repo, "ls-files", "-s"),
        "status": git(repo, "status", "--porcelain", "--untracked-files=all", "--ignored"),
        "files": files.hexdigest(),
        "lock": (Path(git(repo, "rev-parse", "--git-common-dir").strip()) / release.LOCK).exists(),
    }


def test_release_draft_3(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = round_repo
    out = repo.parent / "artefacts"
    assert main(["-C", str(repo), "release", "--format", "md", "Draft 3", "--date", "2021-07-19", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "4 bis -> 5" in said
    assert git(repo, "log", "-1", "--format=%s").strip() == "Draft 3"
    assert git(repo, "cat-file", "-t", "draft-3").strip() == "tag"
    assert git(repo, "status", "--porcelain") == ""
    a = repo / "outcome/01-a-implementation"
    assert sorted(p.name for p in a.glob("*.md")) == ["004.md", "005.md"]
    assert "p-eu-4bis" in (a / "005.md").read_text()
    assert "Draft 3" in (repo / "outcome/document.yaml").read_text()
    assert "2021-07-19" in (repo / "outcome/document.yaml").read_text()
    assert main(["-C", str(repo), "check"]) == 0
    concordance = (repo / "outcome/concordance/draft-3.yaml").read_text()
    assert "id: p-eu-4bis\n  new: '5'\n  old: 4 bis" in concordance
    assert "label-before: null" in concordance
    names = sorted(p.name for p in out.iterdir())
    assert "draft-3-redline.docx" in names and "draft-3-release-notes.md" in names
    notes = (out / "draft-3-release-notes.md").read_text()
    assert "| 5 | 4 bis | `p-eu-4bis` | new | proposed | European Union |" in notes
    assert "| deleted | 5 | `p-a1b2c3d4e505` | open | deleted |  |" in notes
    # git records the renames of the Draft 2 release (nothing was deleted there)
    renames = git(repo, "show", "--format=", "-M", "--name-status", "draft-2")
    assert "R100\toutcome/01-a-implementation/01-national-level/006bis.md" in renames


def test_first_release_says_there_is_no_redline(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(repo), "release", "--format", "md", "Draft 2", "--dry-run"]) == 0
    assert "first release: there is no previous draft, so no redline" in capsys.readouterr().out


def test_dry_run_changes_nothing(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(round_repo)
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3", "--dry-run"]) == 0
    assert "dry run: nothing was changed" in capsys.readouterr().out
    assert snapshot(round_repo) == before


STEP_NAMES = ["start", *(name for name, _ in release.STEPS)]


@pytest.mark.parametrize("how", ["error", "sigint"])
@pytest.mark.parametrize("at", STEP_NAMES)
def test_fault_at_every_step_leaves_the_repository_unchanged(round_repo: Path, at: str, how: str) -> None:
    repo = round_repo
    before = snapshot(repo)
    repository = Repository(repo)
    plan = release.plan(repository, release.Request("Draft 3", dt.date(2021, 7, 19), formats=("md", "docx")))

    def hook(step: str) -> None:
        if step != at:
            return
        if how == "sigint":
            os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered as KeyboardInterrupt
        raise RuntimeError(f"injected failure after {step}")

    expected: type[BaseException] = KeyboardInterrupt if how == "sigint" else RuntimeError
    with pytest.raises(expected):
        release.execute(repository, plan, hook)
    assert snapshot(repo) == before
    assert not plan.output.exists()


def test_failure_inside_a_step_is_undone(round_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(round_repo)
    real = os.rename
    calls = {"n": 0}

    def flaky(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", flaky)
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 2
    monkeypatch.setattr(os, "rename", real)
    assert snapshot(round_repo) == before


def test_build_error_is_undone(round_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zerodraft.rounds import notes as release_notes

    before = snapshot(round_repo)

    def broken(*args: object) -> None:
        raise ValueError("renderer exploded")

    monkeypatch.setattr(release_notes, "build_artefacts", broken)
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 3
    assert snapshot(round_repo) == before


def test_interrupt_from_the_command_line(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(round_repo)
    original = release.STEPS[:]
    release.STEPS.insert(4, ("interrupt", lambda t: os.kill(os.getpid(), signal.SIGINT)))
    try:
        assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 130
    finally:
        release.STEPS[:] = original
    assert "interrupted; nothing was changed" in capsys.readouterr().err
    assert snapshot(round_repo) == before


# ---- refusals: one clear message, non-zero exit, nothing written


def refuse(repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str, code: int = 2) -> None:
    before = snapshot(repo)
    assert main(["-C", str(repo), "release", "--format", "md", *args]) == code
    assert message in capsys.readouterr().err
    assert snapshot(repo) == before


def test_refuses_detached_head(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(round_repo, "checkout", "-q", "--detach")
    refuse(round_repo, capsys, ["Draft 3"], "HEAD is detached")


def test_refuses_another_branch(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(round_repo, "switch", "-q", "-c", "kenya/insert-after-4ter")
    refuse(round_repo, capsys, ["Draft 3"], "drafts are released from main, and this is kenya/insert-after-4ter")


def test_refuses_existing_tag(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(round_repo, capsys, ["Draft 2"], "the tag draft-2 already exists")


def test_refuses_dirty_tree(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (round_repo / "outcome/00-preamble/001.md").write_text("changed")
    refuse(round_repo, capsys, ["Draft 3"], "uncommitted changes (outcome/00-preamble/001.md)")


def test_refuses_untracked_file_in_the_document(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_paragraph(round_repo / "outcome/00-preamble/003bis.md", "p-x", "Recalling.")
    refuse(round_repo, capsys, ["Draft 3"], "uncommitted changes (outcome/00-preamble/003bis.md)")


def test_refuses_after_check_failure(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_paragraph(round_repo / "outcome/00-preamble/003bis.md", "p-x", "Recalling.", status="agred")
    git(round_repo, "add", "-A")
    git(round_repo, "commit", "-q", "-m", "typo")
    before = snapshot(round_repo)
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 1
    err = capsys.readouterr().err
    assert "ZD104" in err and "the draft has 1 problem; fix them first" in err
    assert snapshot(round_repo) == before


def test_refuses_unexpected_head(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(round_repo, capsys, ["Draft 3", "--expect-head", "draft-2"], "not draft-2 as expected")


def test_refuses_while_another_release_runs(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = Path(git(round_repo, "rev-parse", "--absolute-git-dir").strip()) / release.LOCK
    lock.write_text(f"{os.getpid()}\n")  # a live process holds it (the format of earlier versions: the pid alone)
    head = git(round_repo, "rev-parse", "HEAD")
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 2
    assert "another release is running" in capsys.readouterr().err
    assert git(round_repo, "rev-parse", "HEAD") == head
    assert not git(round_repo, "tag", "-l", "draft-3")
    lock.unlink()


def test_a_second_release_during_the_first_fails_cleanly(round_repo: Path) -> None:
    """Another `zerodraft release` started while this one runs (after each step) fails at
    once, and this one completes."""
    import sys

    outcomes = []

    def hook(step: str) -> None:
        second = subprocess.run(
            [sys.executable, "-m", "zerodraft", "release", "--format", "md", "Draft 3"],
            cwd=round_repo,
            capture_output=True,
            text=True,
        )
        outcomes.append((step, second.returncode, "another release is running" in second.stderr))

    release.release(Repository(round_repo), release.Request("Draft 3", dt.date(2021, 7, 19), formats=("md",)), hook)
    assert outcomes == [(step, 2, True) for step in STEP_NAMES]
    assert git(round_repo, "tag", "-l", "draft-*").split() == ["draft-2", "draft-3"]
    assert git(round_repo, "status", "--porcelain", "--", "outcome") == ""


def test_concurrent_release_in_another_clone(
    round_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(round_repo), str(origin))
    clones = []
    for name in ("first", "second"):
        git(tmp_path, "clone", "-q", str(origin), str(tmp_path / name))
        clones.append(tmp_path / name)
    first, second = clones
    assert main(["-C", str(first), "release", "--format", "md", "Draft 3"]) == 0
    git(first, "push", "-q", "--follow-tags", "origin", "main")
    git(second, "fetch", "-q", "--tags", "origin")
    refuse(second, capsys, ["Draft 3"], "is not where its upstream is")
    # even when the second clone has not fetched, git refuses its push instead of clobbering
    git(second, "reset", "-q", "--hard", "origin/main~1")
    git(second, "tag", "-d", "draft-3")
    git(second, "branch", "-q", "--unset-upstream")
    assert main(["-C", str(second), "release", "--format", "md", "Draft 3", "--date", "2021-07-20"]) == 0
    push = subprocess.run(["git", "push", "origin", "main", "refs/tags/draft-3"], cwd=second, capture_output=True)
    assert push.returncode != 0
    assert git(origin, "rev-parse", "draft-3") == git(first, "rev-parse", "draft-3")


def test_refuses_bad_names_and_dates(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(round_repo, capsys, ["!!!"], "cannot name a draft")
    refuse(round_repo, capsys, ["Draft\n3"], "cannot name a draft")
    refuse(round_repo, capsys, ["Draft \u202e3"], "cannot name a draft")
    refuse(round_repo, capsys, ["Draft 3", "--date", "19 July"], "is not a date")
    refuse(round_repo, capsys, ["Draft 3", "--format", "md,doc"], "unknown format 'doc'")
    refuse(round_repo, capsys, ["Draft 3", "-o", str(round_repo / "outcome" / "x")], "cannot go inside outcome/")
    (round_repo / "full").mkdir()
    (round_repo / "full" / "old.pdf").write_text("x")
    refuse(round_repo, capsys, ["Draft 3", "-o", str(round_repo / "full")], "is not empty")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg is not installed, so a signed tag cannot be made")
def test_signed_release_verifies(round_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    subprocess.run(
        [
            "gpg",
            "--batch",
            "--passphrase",
            "",
            "--quick-gen-key",
            "Secretariat <secretariat@example.org>",
            "ed25519",
            "sign",
            "1d",
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "GNUPGHOME": str(home)},
    )
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3", "--sign"]) == 0
    verified = subprocess.run(["git", "verify-tag", "draft-3"], cwd=round_repo, capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    assert "Good signature" in verified.stderr


@pytest.mark.slow
def test_release_publishes_every_format(round_repo: Path) -> None:
    """With LibreOffice for the PDF: the default release builds every render format."""
    from zerodraft import render

    out = round_repo.parent / "all"
    assert main(["-C", str(round_repo), "release", "Draft 3", "-o", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {f"draft-3.{render.renderer(name).EXTENSION}" for name in render.FORMATS} <= names
    assert "draft-3-redline.docx" in names


def _lock(repo: Path, text: str) -> None:
    (Path(git(repo, "rev-parse", "--absolute-git-dir").strip()) / release.LOCK).write_text(text)


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])  # a process that has surely ended once waited for
    child.wait()
    return child.pid


def test_recover_with_nothing_to_recover(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(round_repo, capsys, ["--recover"], "there is no unfinished release to recover")


def test_recover_waits_for_a_running_release(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lock(round_repo, f"pid={os.getpid()}\n")
    refuse(round_repo, capsys, ["--recover"], "is still running; wait for it to finish")
    refuse(round_repo, capsys, ["Draft 3"], "another release is running in this repository")


def test_a_dead_release_points_to_recover_and_recover_refuses_when_head_moved_on(
    round_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = git(round_repo, "rev-parse", "HEAD~2").strip()  # two commits behind: not the release's own
    _lock(round_repo, f"pid={_dead_pid()}\nhead={start}\ntag=draft-3\nroot=outcome\n")
    refuse(round_repo, capsys, ["Draft 3"], "run 'zerodraft release --recover'")
    refuse(round_repo, capsys, ["--recover"], "has moved on since the unfinished release started")


def test_recover_after_a_death_while_planning(round_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lock(round_repo, f"pid={_dead_pid()}\n")  # killed before the plan was recorded: nothing changed
    assert main(["-C", str(round_repo), "release", "--recover"]) == 0
    assert "it stopped while planning" in capsys.readouterr().out
    assert main(["-C", str(round_repo), "release", "--format", "md", "Draft 3"]) == 0
