"""How long does `zerodraft check` take, next to its peer `towncrier build --draft`?

    .venv/bin/python bench/check_speed.py [--paragraphs 10000] [--runs 5] [--baseline TOOLING]

Both tools compile many small files into one document.  Each run is a fresh process, timed
with the wall clock (one untimed run first lets Python write the bytecode of each tool, as any
installation does); runs of the tools alternate so that a busy moment on the machine hits
all, and the median of the runs is printed for: zerodraft on N paragraphs "cold" (a folder
that is not a clone: nothing of the document cached), zerodraft on the same N paragraphs in a
clone whose check's cache (``.git/zerodraft/check-cache``, zerodraft/cache.py) holds the
document from an earlier check ("warm": what a delegate's second check, or the pre-commit
hook, sees), towncrier on N fragment files, and zerodraft on a 115-paragraph document (the
size of BMS7 Draft 2, as a pre-commit hook sees it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make

BIN = Path(sys.executable).parent
# As on a user's machine: Python keeps the compiled bytecode of both tools (some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would make zerodraft, installed in editable mode, recompile its
# sources on every run while towncrier's were compiled when pip installed it).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(
    cmd: list[str], cwd: Path, runs: int, ok: tuple[int, ...] = (0, 1), env: dict[str, str] | None = None
) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env or ENV)
        times.append(time.perf_counter() - start)
        if result.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return statistics.median(times)


def towncrier_project(root: Path, count: int) -> Path:
    (root / "newsfragments").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.towncrier]\nname = "bench"\nversion = "1.0"\ndirectory = "newsfragments"\nfilename = "NEWS.rst"\n'
    )
    for i in range(count):
        (root / "newsfragments" / f"{i}.feature").write_text(f"Paragraph {i}: to strengthen national controls.\n")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--baseline",
        metavar="TOOLING",
        help="also time the zerodraft package in this folder (an older version: "
        "git archive REV tooling | tar -x -C DIR, then DIR/tooling), in the same run",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = make(Path(tmp) / "big", args.paragraphs)
        clone = make(Path(tmp) / "clone", args.paragraphs)
        subprocess.run(["git", "init", "-q", str(clone)], check=True)
        small = make(Path(tmp) / "small", 115, sections=5)
        peer = towncrier_project(Path(tmp) / "towncrier", args.paragraphs)
        # Interleaved, one run of each in turn, so that a busy moment on the machine hits all.
        ours_runs, warm_runs, theirs_runs, hook_runs, base_runs = [], [], [], [], []
        baseline = [sys.executable, "-m", "zerodraft", "check"]
        timed([str(BIN / "zerodraft"), "check"], small, 1)  # untimed: writes the bytecode once
        timed([str(BIN / "zerodraft"), "check"], clone, 1)  # untimed: fills the clone's cache
        for _ in range(args.runs):
            ours_runs.append(timed([str(BIN / "zerodraft"), "check"], big, 1))
            theirs_runs.append(timed([str(BIN / "towncrier"), "build", "--draft"], peer, 1, ok=(0,)))
            warm_runs.append(timed([str(BIN / "zerodraft"), "check"], clone, 1))
            hook_runs.append(timed([str(BIN / "zerodraft"), "check"], small, 1))
            if args.baseline:
                base_runs.append(timed(baseline, big, 1, env={**ENV, "PYTHONPATH": args.baseline}))
        ours, warm, theirs, hook = (statistics.median(r) for r in (ours_runs, warm_runs, theirs_runs, hook_runs))
    print(f"zerodraft check, {args.paragraphs:,} paragraphs, cold: {ours:.2f} s (median of {args.runs})")
    print(f"zerodraft check, {args.paragraphs:,} paragraphs, warm (the clone's cache): {warm:.2f} s")
    print(f"towncrier build --draft, {args.paragraphs:,} fragments: {theirs:.2f} s (median of {args.runs})")
    print(f"ratio zerodraft/towncrier: cold {ours / theirs:.2f}, warm {warm / theirs:.2f}")
    print(f"zerodraft check, 115 paragraphs (pre-commit size): {hook:.3f} s (median of {args.runs})")
    if base_runs:
        before = statistics.median(base_runs)
        print(
            f"baseline ({args.baseline}), {args.paragraphs:,} paragraphs: {before:.2f} s, ratio {before / theirs:.2f}"
        )


if __name__ == "__main__":
    main()
