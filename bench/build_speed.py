"""How long does `zerodraft build --format html,docx` take, next to pandoc converting the
same compiled Markdown to .docx?

    .venv/bin/python bench/build_speed.py [--paragraphs 2000] [--runs 5]

Both run in the same benchmark run on the same machine, as fresh processes taking turns in
every round, timed with the wall clock; the medians of the runs are printed.  The Markdown pandoc converts is the one
zerodraft itself compiles (`--format md`), so both produce the same text.  pandoc is the
Debian package (/usr/bin/pandoc).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make

BIN = Path(sys.executable).parent


def once(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def interleaved(commands: dict[str, list[str]], cwd: Path, runs: int) -> dict[str, float]:
    """Median wall time of each command; the commands take turns in every round, so load
    from other work on the machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(once(cmd, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def find_pandoc() -> tuple[str, str]:
    """The pandoc to compare with, and its version line; exits if there is none."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("pandoc is needed for the comparison: apt-get install pandoc")
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    return pandoc, version


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pandoc, version = find_pandoc()
    zerodraft = str(BIN / "zerodraft")
    with tempfile.TemporaryDirectory() as tmp:
        root = make(Path(tmp) / "doc", args.paragraphs)
        subprocess.run([zerodraft, "build", "--format", "md", "-o", "md"], cwd=root, check=True, capture_output=True)
        compiled = root / "md" / "draft-2.md"
        medians = interleaved(
            {
                "ours": [zerodraft, "build", "--format", "html,docx", "-o", "out"],
                "pandoc": [pandoc, str(compiled), "-o", str(root / "pandoc.docx")],
                "html": [zerodraft, "build", "--format", "html", "-o", "out"],
                "docx": [zerodraft, "build", "--format", "docx", "-o", "out"],
            },
            root,
            args.runs,
        )
        ours, theirs = medians["ours"], medians["pandoc"]
        each = {fmt: medians[fmt] for fmt in ("html", "docx")}
    print(f"document: {args.paragraphs:,} paragraphs (bench/synthetic.py); median of {args.runs} runs")
    print(f"zerodraft build --format html,docx: {ours:.2f} s")
    print(f"  of which html alone: {each['html']:.2f} s, docx alone: {each['docx']:.2f} s")
    print(f"{version} compiled.md -o x.docx: {theirs:.2f} s")
    print(f"ratio zerodraft/pandoc: {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
