"""How fast are `zerodraft check` and `zerodraft build` (every format but PDF) on UNCLOS —
the largest treaty in the corpus, 320 articles in 17 Parts and 9 annexes — next to pandoc
converting the same text, as Markdown, to .docx?

    .venv/bin/python bench/treaty_speed.py [--outcome DIR] [--runs 5]

The treaty is imported from ``../shared/corpus/treaty-unclos-1982.pdf`` with ``zerodraft
import`` (or taken from ``--outcome DIR``, an ``outcome/`` folder imported before).  The
Markdown pandoc converts is the one zerodraft compiles (``--format md``), so both produce
the same text.  All commands run in the same benchmark run, as fresh processes taking turns
in every round (:func:`build_speed.interleaved`); the medians are printed, with the load
average, because the figures mean little on a machine busy with other work.  Targets (issue
13): check < 0.5 s; build of all formats but PDF ≤ pandoc markdown → docx.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_speed import BIN, find_pandoc, interleaved

REPO = Path(__file__).resolve().parents[1]
CORPUS = next(
    (p / "corpus" for p in (REPO.parent / "shared", REPO.parents[2] / "shared") if (p / "corpus").is_dir()),
    REPO.parent / "shared" / "corpus",
)
FORMATS = "md,txt,html,docx,akn,json"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--outcome", type=Path, help="an imported outcome/ folder (default: import UNCLOS)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pandoc, version = find_pandoc()
    zerodraft = str(BIN / "zerodraft")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.outcome:
            shutil.copytree(args.outcome, root / "outcome")
        else:
            source = CORPUS / "treaty-unclos-1982.pdf"
            made = subprocess.run(
                [zerodraft, "import", str(source), "--into", "outcome"], cwd=root, capture_output=True, text=True
            )
            if made.returncode != 0:
                raise SystemExit(f"zerodraft import {source.name} failed: {(made.stdout + made.stderr).strip()[-400:]}")
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run([zerodraft, "build", "--format", "md", "-o", "md"], cwd=root, check=True, capture_output=True)
        (compiled,) = (root / "md").glob("*.md")
        paragraphs = sum(1 for _ in (root / "outcome").rglob("[0-9]*.md"))
        articles = sum(1 for p in (root / "outcome").rglob("section.yaml") if "kind: article" in p.read_text())
        check = [sys.executable, "-c", "import sys; from zerodraft.main import main; main(sys.argv[1:]); sys.exit(0)"]
        medians = interleaved(
            {
                "check": [*check, "check", "--format", "json"],
                "build": [zerodraft, "build", "--format", FORMATS, "-o", "out"],
                "pandoc": [pandoc, "-f", "markdown", "-t", "docx", str(compiled), "-o", str(root / "pandoc.docx")],
            },
            root,
            args.runs,
        )
    load = os.getloadavg()[0]
    print(f"UNCLOS: {paragraphs:,} paragraphs, {articles} articles; median of {args.runs} runs; load {load:.1f}")
    print(f"zerodraft check: {medians['check']:.2f} s (target < 0.5 s)")
    print(f"zerodraft build --format {FORMATS}: {medians['build']:.2f} s")
    print(f"{version} -f markdown -t docx: {medians['pandoc']:.2f} s")
    print(f"ratio build/pandoc: {medians['build'] / medians['pandoc']:.2f} (target ≤ 1)")


if __name__ == "__main__":
    main()
