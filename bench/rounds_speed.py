"""How long do `release`, `diff` and `history` take on a big negotiation, next to git itself?

    .venv/bin/python bench/rounds_speed.py [--paragraphs 2000] [--commits 1000] [--runs 3] [--history-only]

Builds a synthetic repository: N paragraphs released as Draft 2, then a round of C commits
(amendments, bis insertions, deletions, support), written with `git fast-import`.  Each
timing is a fresh process, wall clock, median of the runs:

- `zerodraft release "Draft 3"` end to end, without render formats and with all of them
  (the repository is put back between runs); peer: `zerodraft build` (the renderers alone);
- `zerodraft diff draft-2 draft-3` as Markdown and as Word; peer: `git diff --word-diff`;
- `zerodraft history` of one paragraph; peer: `git log --follow` of its file.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import STATES, make

BIN = Path(sys.executable).parent
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Secretariat",
    "GIT_AUTHOR_EMAIL": "secretariat@example.org",
    "GIT_COMMITTER_NAME": "Secretariat",
    "GIT_COMMITTER_EMAIL": "secretariat@example.org",
}


def run(cmd: list[str], cwd: Path, data: bytes | None = None) -> str:
    result = subprocess.run(cmd, cwd=cwd, input=data, capture_output=True, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout.decode()}\n{result.stderr.decode()}")
    return result.stdout.decode()


def timed(cmd: list[str], cwd: Path, runs: int, reset: list[list[str]] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(cmd, cwd)
        times.append(time.perf_counter() - start)
        for step in reset or []:
            run(step, cwd)
    return statistics.median(times)


def round_of_commits(repo: Path, commits: int, seed: int = 11) -> None:
    """``commits`` proposals on main, written with git fast-import."""
    from zerodraft.numbering import Number, from_filename

    rng = random.Random(seed)
    files: dict[str, str] = {}
    for path in (repo / "outcome").rglob("*.md"):
        files[str(path.relative_to(repo))] = path.read_text()
    paragraphs = sorted(p for p in files if from_filename(p.rsplit("/", 1)[1]) is not None)
    head = run(["git", "rev-parse", "HEAD"], repo).strip()
    stream: list[bytes] = []
    when = int(time.time())
    for i in range(commits):
        path = rng.choice(paragraphs)
        text = files[path]
        kind = rng.random()
        name = path.rsplit("/", 1)[1]
        number = from_filename(name)
        assert number is not None
        if kind < 0.1 and number.rank == 0 and not number.is_alternative:
            free: Number | None = number.next_insertion()
            folder = path.rsplit("/", 1)[0]
            width = len(name) - len(name.lstrip("0123456789"))
            while free is not None and f"{folder}/{free.filename(width)}" in files:
                free = free.next_insertion()
            if free is None:
                continue
            path = f"{folder}/{free.filename(width)}"
            text = f"---\nid: p-new-{i}\nstatus: proposed\nproposed-by: [{rng.choice(STATES)}]\n---\nTo act, proposal {i}.\n"
            paragraphs.append(path)
            message = f"Proposal {i}: insert {free.label()}"
        elif kind < 0.15:
            text = text.replace("status: open", "status: deleted", 1)
            message = f"Proposal {i}: delete {number.label()}"
        else:
            head_part, _, body = text.rpartition("---\n")
            text = head_part + "---\n" + body.replace(" in line with ", f" in line with [proposal {i}] ", 1)
            if "status: agreed" in text:
                text = text.replace("[", "").replace("]", "")
            message = f"Proposal {i}: amend {number.label()}"
        files[path] = text
        content = text.encode()
        when += 60
        stream += [
            b"commit refs/heads/main\n",
            f"committer Delegate {i % 7} <d{i % 7}@example.org> {when} +0000\n".encode(),
            f"data {len(message.encode())}\n{message}\n".encode(),
            f"from {head}\n".encode() if i == 0 else b"",
            f"M 100644 inline {path}\n".encode(),
            f"data {len(content)}\n".encode(),
            content,
            b"\n",
        ]
    run(["git", "fast-import", "--quiet", "--force"], repo, b"".join(stream))
    run(["git", "reset", "--quiet", "--hard", "main"], repo)


def imported(path: Path, paragraphs: int) -> Path:
    """A synthetic document of ``paragraphs`` committed as the import of a first draft."""
    repo = make(path, paragraphs)
    (repo / ".gitignore").write_text("build/\n")
    run(["git", "init", "-q", "-b", "main"], repo)
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-q", "-m", "Import"], repo)
    return repo


def time_history(repo: Path, zd: str, runs: int) -> tuple[str, float, float]:
    """``zerodraft history`` of a paragraph of the first section, and ``git log --follow`` of its file."""
    target = next(p for p in sorted((repo / "outcome").rglob("*.md")) if "01-section" in str(p))
    number = target.name.split(".")[0].lstrip("0")
    history = timed([zd, "history", number], repo, runs)
    git_log = timed(["git", "log", "--follow", "--", str(target.relative_to(repo))], repo, runs)
    return number, history, git_log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--history-only", action="store_true", help="time history (and its peer) alone")
    args = parser.parse_args()
    zd = str(BIN / "zerodraft")
    with tempfile.TemporaryDirectory() as tmp:
        repo = imported(Path(tmp) / "repo", args.paragraphs)
        run([zd, "release", "Draft 2", "--format", "none"], repo)
        round_of_commits(repo, args.commits)
        run([zd, "check"], repo)
        count = run(["git", "rev-list", "--count", "HEAD"], repo).strip()
        if args.history_only:
            run([zd, "release", "Draft 3", "--format", "none"], repo)
            number, history, git_log = time_history(repo, zd, args.runs)
            print(f"synthetic repository: {args.paragraphs:,} paragraphs, {count} commits; median of {args.runs} runs")
            print(f"zerodraft history {number}:                      {history:6.2f} s")
            print(f"  peer: git log --follow:                      {git_log:6.2f} s")
            return
        before = run(["git", "rev-parse", "HEAD"], repo).strip()
        undo = [["git", "tag", "-d", "draft-3"], ["git", "reset", "-q", "--hard", before], ["rm", "-rf", "build"]]
        release_bare = timed([zd, "release", "Draft 3", "--format", "none"], repo, args.runs, undo)
        release_most = timed([zd, "release", "Draft 3", "--format", "md,txt,html,docx,akn,json"], repo, args.runs, undo)
        release_all = timed([zd, "release", "Draft 3"], repo, args.runs, undo)
        build_all = timed([zd, "build", "-o", str(Path(tmp) / "peer")], repo, args.runs)
        run([zd, "release", "Draft 3", "--format", "none"], repo)
        diff_md = timed([zd, "diff", "draft-2", "draft-3"], repo, args.runs)
        diff_docx = timed([zd, "diff", "draft-2", "draft-3", "--format", "docx", "-o", "build/r.docx"], repo, args.runs)
        git_diff = timed(["git", "diff", "-M", "--word-diff", "draft-2", "draft-3", "--", "outcome"], repo, args.runs)
        number, history, git_log = time_history(repo, zd, args.runs)
        shutil.rmtree(repo / "build", ignore_errors=True)
    print(f"synthetic repository: {args.paragraphs:,} paragraphs, {count} commits; median of {args.runs} runs")
    print(f"zerodraft release, no render formats:          {release_bare:6.2f} s")
    print(f"zerodraft release, all formats but PDF:        {release_most:6.2f} s")
    print(f"zerodraft release, all formats (PDF included): {release_all:6.2f} s")
    print(f"  peer: zerodraft build, all formats:          {build_all:6.2f} s")
    print(f"zerodraft diff draft-2 draft-3 (md):           {diff_md:6.2f} s")
    print(f"zerodraft diff draft-2 draft-3 (docx):         {diff_docx:6.2f} s")
    print(f"  peer: git diff -M --word-diff:               {git_diff:6.2f} s")
    print(f"zerodraft history {number}:                      {history:6.2f} s")
    print(f"  peer: git log --follow:                      {git_log:6.2f} s")


if __name__ == "__main__":
    main()
