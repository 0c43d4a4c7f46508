"""How long do `zerodraft pr-check` and `zerodraft compile` take on a large document?

    .venv/bin/python bench/policy_speed.py [--paragraphs 10000] [--branches 200] [--runs 5] [--baseline TOOLING]

- pr-check on a one-paragraph pull request against a document of N paragraphs, merge result
  included (a test merge, the policy on base → merge and the check of the merged tree; target:
  under 0.5 s): in a clone whose check's cache (`.git/zerodraft/check-cache`) holds the base
  from an earlier run, and cold (`ZERODRAFT_CACHE=0`: a fresh CI clone); next to the branch
  alone (`--no-merge`, what pr-check did before), its floor,
  `git diff --name-status` of the same two commits, a `git merge-tree --write-tree` of them, and
  re-checking the whole document with `zerodraft check`;
- compile over B open proposal branches, each changing one paragraph (target: under 10 s),
  next to the git floor: `git diff --name-status main...BRANCH` for each branch, in one shell.

Each run is a fresh process timed with the wall clock; the median of the runs is printed.
"""

from __future__ import annotations

import argparse
import os
import random
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
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def git(cwd: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=ENV, input=stdin, capture_output=True, text=True, check=True
    ).stdout


def timed(cmd: list[str], cwd: Path, runs: int, ok: tuple[int, ...] = (0,), env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if result.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return statistics.median(times)


def repository(root: Path, count: int, branches: int) -> tuple[Path, list[str]]:
    """A git repository with a synthetic document on main, a one-paragraph branch
    ``proposal`` and ``branches`` proposal branches ``prop-N`` (made with fast-import)."""
    make(root, count)
    roster = "delegations:\n" + "".join(
        f"  - {{name: {s}, kind: member-state, logins: [{s.lower().replace(' ', '-')}-mission]}}\n" for s in STATES
    )
    (root / "outcome" / "delegations.yaml").write_text(roster)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Draft")
    paths = sorted(str(p.relative_to(root)) for p in (root / "outcome").rglob("[0-9]*.md"))
    rng = random.Random(11)
    stream = []
    for index in range(branches + 1):
        path = rng.choice(paths)
        text = (root / path).read_text()
        changed = text.replace(" in line with ", f" in line with, as proposal {index} says, ", 1)
        data = changed.encode()
        name = "proposal" if index == 0 else f"prop-{index:03d}"
        stream += [
            f"commit refs/heads/{name}",
            f"committer Bench <bench@example.org> {1_600_000_000 + index} +0000",
            f"data {len(f'Proposal {index}')}",
            f"Proposal {index}",
            "from refs/heads/main^0",
            f"M 100644 inline {path}",
            f"data {len(data)}",
            changed,
            "",
        ]
    git(root, "fast-import", "--quiet", stdin="\n".join(stream) + "\n")
    return root, [f"prop-{i:03d}" for i in range(1, branches + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--baseline",
        metavar="TOOLING",
        help="also time pr-check of the zerodraft package in this folder (an older version: "
        "git archive REV tooling | tar -x -C DIR, then DIR/tooling), in the same run",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, names = repository(Path(tmp) / "repo", args.paragraphs, args.branches)
        zd = str(BIN / "zerodraft")
        pr = [zd, "pr-check", "--base", "main", "--head", "proposal", "--author", "kenya-mission"]
        timed([zd, "check"], root, 1, ok=(0, 1))  # untimed: the clone's cache now holds the base
        kept = root / ".git" / "zerodraft" / "check-cache"
        main_cache = kept.read_bytes()  # what check-cache.yml saves for main and check.yml restores
        timed(pr, root, 1)  # untimed: and the pull request's one paragraph, as after a first pr-check
        # Interleaved, one run of each in turn, so that a busy moment on the machine hits all.
        warm_runs, cold_runs, base_runs, ci_runs = [], [], [], []
        old = [sys.executable, "-m", "zerodraft", *pr[1:]]
        for _ in range(args.runs):
            after_first = kept.read_bytes()
            kept.write_bytes(main_cache)  # a CI run: the cache of main restored, the PR's paragraph not in it
            ci_runs.append(timed(pr, root, 1))
            kept.write_bytes(after_first)
            warm_runs.append(timed(pr, root, 1))
            cold_runs.append(timed(pr, root, 1, env={**ENV, "ZERODRAFT_CACHE": "0"}))
            if args.baseline:
                base_runs.append(timed(old, root, 1, env={**ENV, "PYTHONPATH": args.baseline}))
        pr_check, cold = statistics.median(warm_runs), statistics.median(cold_runs)
        before = statistics.median(base_runs) if base_runs else None
        alone = timed([*pr, "--no-merge"], root, args.runs)
        floor = timed(["git", "diff", "--name-status", "main", "proposal"], root, args.runs)
        merge_tree = timed(["git", "merge-tree", "--write-tree", "main", "proposal"], root, args.runs)
        whole = timed([zd, "check"], root, args.runs, ok=(0, 1))
        compile_ = timed([zd, "compile", "--refs", "refs/heads/prop-*", "-o", "compilation.md"], root, args.runs)
        loop = "for b in " + " ".join(names) + '; do git diff --name-status "main...$b"; done'
        git_loop = timed(["bash", "-c", loop], root, args.runs)
    print(
        f"pr-check, one-paragraph PR, {args.paragraphs:,} paragraphs, merge result included: {pr_check:.2f} s "
        f"(median of {args.runs}; the clone's cache holds the base)"
    )
    print(
        f"  the same in CI with main's cache restored (check-cache.yml → check.yml): {statistics.median(ci_runs):.2f} s"
    )
    print(f"  the same, cold (ZERODRAFT_CACHE=0, as in a fresh CI clone without the cache): {cold:.2f} s")
    if before is not None:
        print(f"  the same with the baseline ({args.baseline}): {before:.2f} s")
    print(f"  the branch alone (--no-merge, as before): {alone:.2f} s")
    print(f"  floor: git diff --name-status of the same commits: {floor:.3f} s")
    print(f"  floor: git merge-tree --write-tree of the same commits: {merge_tree:.3f} s")
    print(f"  zerodraft check of the whole document (the clone's cache): {whole:.2f} s")
    print(f"compile, {args.branches} proposal branches: {compile_:.2f} s")
    print(f"  floor: git diff --name-status main...BRANCH for each branch, one shell: {git_loop:.2f} s")


if __name__ == "__main__":
    main()
