"""Fault injection for the commands that write: `import` and `check --fix`.

A failure (an OSError such as a full disk) or a real SIGINT (Ctrl-C, delivered with
``os.kill``) at every write leaves the folders exactly as before — for `import`, DIR and
its parent; for `check --fix`, every file either old or new, never half-written, and no
temporary file behind.  (`release` is proved the same way in tests/test_release.py.)
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE
from zerodraft import fixes
from zerodraft.importing import writer
from zerodraft.main import main

DRAFT = Path(__file__).parent / "fixtures" / "bms7-draft2-2021-07-02.txt"
KINDS = ["error", "sigint"]


@pytest.fixture(autouse=True)
def ctrl_c() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt, as in a terminal — even when pytest runs as a
    background job, which starts with SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` (folders as None), hidden ones included."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def fault(kind: str, where: str) -> None:
    if kind == "sigint":
        os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered as KeyboardInterrupt
    raise OSError(28, "No space left on device", where)


def failing_after(calls: int, kind: str, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, failing on its ``calls``-th call."""
    count = {"n": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        count["n"] += 1
        if count["n"] == calls:
            fault(kind, str(args[0]))
        return real(*args, **kwargs)

    return wrapper


def expected_exit(kind: str) -> int:
    return 130 if kind == "sigint" else 2


# ---- import


@pytest.fixture(scope="module")
def files_written(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many files the import of the Draft 2 fixture writes."""
    out = tmp_path_factory.mktemp("count") / "outcome"
    assert main(["import", str(DRAFT), "--into", str(out)]) == 0
    return sum(1 for p in out.rglob("*") if p.is_file()) - 1  # delegations.yaml is not written by _write


def at_calls(total: int) -> list[int]:
    return sorted({1, 2, total // 2, total - 1, total})


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replaced"])
def test_import_failure_leaves_the_folder_as_it_was(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files_written: int,
    kind: str,
    existing: bool,
) -> None:
    into = tmp_path / "work" / "outcome"
    into.parent.mkdir()
    if existing:
        shutil.copytree(EXAMPLE, into)
    before = snapshot(tmp_path)
    real = writer._write
    for calls in at_calls(files_written):
        monkeypatch.setattr(writer, "_write", failing_after(calls, kind, real))
        args = ["import", str(DRAFT), "--into", str(into), *(["--force"] if existing else [])]
        assert main(args) == expected_exit(kind), calls
        err = capsys.readouterr().err
        assert "Traceback" not in err and "internal error" not in err
        assert snapshot(tmp_path) == before, f"fault at write {calls}"
    monkeypatch.setattr(writer, "_write", real)
    assert main(["import", str(DRAFT), "--into", str(into), *(["--force"] if existing else [])]) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_import_interrupted_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """The riskiest moment of `import --force`: the old folder moved aside, the new one not
    yet in place.  A fault at either move puts the old folder back."""
    into = tmp_path / "outcome"
    shutil.copytree(EXAMPLE, into)
    before = snapshot(tmp_path)
    real = os.replace
    for calls in (1, 2):

        def moves(src: Any, dst: Any, calls: int = calls) -> None:
            moves.n += 1  # type: ignore[attr-defined]
            if moves.n == calls:  # type: ignore[attr-defined]
                fault(kind, str(src))
            real(src, dst)

        moves.n = 0  # type: ignore[attr-defined]
        monkeypatch.setattr(os, "replace", moves)
        code = main(["import", str(DRAFT), "--into", str(into), "--force"])
        monkeypatch.setattr(os, "replace", real)
        assert code == expected_exit(kind)
        assert "Traceback" not in capsys.readouterr().err
        assert snapshot(tmp_path) == before, f"fault at move {calls}"


# ---- check --fix


def fixable(document: Path) -> list[Path]:
    """Four paragraphs with mechanical problems: two byte-order marks, two labels mis-typed."""
    a = document / "outcome" / "01-a-implementation"
    targets = [
        a / "004.md",
        a / "005.md",
        document / "outcome" / "00-preamble" / "001.md",
        document / "outcome" / "00-preamble" / "002.md",
    ]
    for path in targets[:2]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    for path in targets[2:]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("status: open", "status: Open", 1), encoding="utf-8")
    return targets


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("where", ["before a file", "mid-write"])
def test_fix_interrupted_leaves_every_file_old_or_new(
    document: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    where: str,
) -> None:
    targets = fixable(document)
    monkeypatch.chdir(document)
    old = snapshot(document)
    assert main(["check", "--fix"]) == 0
    new = snapshot(document)
    capsys.readouterr()
    assert old != new
    for calls in range(1, len(targets) + 1):
        for path, data in old.items():
            if data is not None:
                (document / path).write_bytes(data)
        # "before a file": the fault comes as the k-th file is replaced; "mid-write": after the
        # k-th file's new bytes are written to its temporary file, before it is moved into place
        if where == "before a file":
            monkeypatch.setattr(fixes, "write_atomically", failing_after(calls, kind, fixes.write_atomically))
        else:
            monkeypatch.setattr(os, "fsync", failing_after(calls, kind, os.fsync))
        code = main(["check", "--fix"])
        monkeypatch.undo()
        monkeypatch.chdir(document)
        assert code == expected_exit(kind)
        assert "Traceback" not in capsys.readouterr().err
        now = snapshot(document)
        assert set(now) == set(old), "no temporary file may be left behind"
        assert all(now[path] in (old[path], new[path]) for path in now)
        assert sum(now[path] != old[path] for path in now) == calls - 1
        assert main(["check", "--fix"]) == 0  # running it again finishes the job
        capsys.readouterr()
        assert snapshot(document) == new


# ---- release killed outright

KILLED = """
import os, signal, sys
from zerodraft.rounds import release
from zerodraft.main import main
at = sys.argv[1]
release.STEPS[:] = [
    (name, (lambda step, name: lambda t: (step(t), name == at and os.kill(os.getpid(), signal.SIGKILL)))(step, name))
    for name, step in release.STEPS
]
sys.exit(main(["release", "--formats", "md", "Draft 3", "-o", sys.argv[2]]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("at", ["renumber", "artefacts", "commit", "tag"])
def test_a_killed_release_blocks_the_next_one_until_recovered(repo: Path, tmp_path: Path, at: str) -> None:
    """SIGKILL cannot be undone; what is left must stop the next release with a clear message
    (the lock), and nothing half-built is ever published."""
    import subprocess
    import sys

    from conftest import IDENTITY
    from test_release import snapshot

    env = {**os.environ, **IDENTITY, "HOME": str(tmp_path)}
    out = tmp_path / "published"
    before = snapshot(repo)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, at, str(out)], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not out.exists(), "nothing is published before the last step"
    again = subprocess.run(
        [sys.executable, "-m", "zerodraft", "release", "--formats", "md", "Draft 3", "-o", str(out)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 2
    assert "stopped before it finished" in again.stderr and "zerodraft release --recover" in again.stderr
    assert "Traceback" not in again.stderr and not out.exists()

    # --recover puts the repository back exactly as before the killed release; then it releases.
    def zerodraft(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "zerodraft", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
        )

    recovered = zerodraft("release", "--recover")
    assert recovered.returncode == 0, recovered.stderr
    assert "removed its lock" in recovered.stdout
    assert snapshot(repo) == before
    assert zerodraft("release", "--recover").returncode == 2  # nothing left to recover
    assert zerodraft("release", "--formats", "md", "Draft 3", "-o", str(out)).returncode == 0
