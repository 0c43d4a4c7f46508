"""How long do `zerodraft check` and `zerodraft build --language all` take on the BBNJ Agreement
kept in six languages?

    .venv/bin/python bench/languages_speed.py [--runs 5]

The document is made as a user makes it: `zerodraft import` of the English text, then
`zerodraft import --language` of the five others (shared/corpus/; Chinese and Arabic with
`--layout` and their PDFs); 300 paragraphs in English, 1,800 paragraph files in all.  Targets
(issue 17): `check` under 1 s; `build --language all --format html,docx,json` under twice the
English build alone times six.  All commands run in
the same benchmark run, as fresh processes taking turns in every round, timed with the wall
clock; the medians are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
#: Where shared/corpus lies: beside the clone, or beside the folder of worktrees.
CORPUS = next(
    (
        p / "corpus"
        for p in (
            Path(__file__).resolve().parents[1].parent / "shared",
            Path(__file__).resolve().parents[2].parent / "shared",
        )
        if (p / "corpus" / "treaty-bbnj-agreement-2023.ar.txt").is_file()
    ),
    Path("/work/shared/corpus"),
)
LANGUAGES = ("fr", "es", "ru", "zh", "ar")


def once(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # check exits 1: the Arabic OCR leaves paragraphs missing
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def six_languages(base: Path) -> Path:
    """The BBNJ Agreement in six languages in a git repository under ``base``."""
    zerodraft = str(BIN / "zerodraft")
    subprocess.run(["git", "init", "-q"], cwd=base, check=True)
    source = CORPUS / "treaty-bbnj-agreement-2023.en.txt"
    subprocess.run([zerodraft, "import", str(source), "--into", "outcome"], cwd=base, check=True, capture_output=True)
    with (base / "outcome" / "document.yaml").open("a", encoding="utf-8") as out:
        out.write("languages:\n  original: en\n")
    for tag in LANGUAGES:
        source = CORPUS / f"treaty-bbnj-agreement-2023.{tag}.txt"
        layout = (
            ["--layout", str(source.with_suffix(".pdf"))] if tag in ("zh", "ar") else []
        )  # titles (docs/languages.md)
        subprocess.run(
            [zerodraft, "import", str(source), "--language", tag, "--into", "outcome", *layout],
            cwd=base,
            capture_output=True,
        )
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    zerodraft = str(BIN / "zerodraft")
    formats = "html,docx,json"
    commands = {
        "check": [zerodraft, "check"],
        "check-english": [zerodraft, "check", "--root", "outcome-en"],
        "build-english": [zerodraft, "build", "--format", formats, "-o", "out-en"],
        "build-all": [zerodraft, "build", "--language", "all", "--format", formats, "-o", "out-all"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        base = six_languages(Path(tmp))
        english = base / "outcome-en"
        subprocess.run(["cp", "-r", str(base / "outcome"), str(english)], check=True)
        for extra in english.rglob("*.*.*"):
            extra.unlink()  # 018.fr.md, section.fr.yaml, document.fr.yaml
        files = sum(1 for _ in (base / "outcome").rglob("*.md"))
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(once(cmd, base))
        medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"document: the BBNJ Agreement in six languages, {files:,} paragraph files; median of {args.runs} runs")
    print(f"zerodraft check (six languages): {medians['check']:.2f} s (target < 1 s)")
    print(f"zerodraft check (English alone): {medians['check-english']:.2f} s")
    english6 = medians["build-english"] * 6
    print(f"zerodraft build --format {formats} (English): {medians['build-english']:.2f} s; x 6 = {english6:.2f} s")
    print(f"zerodraft build --language all --format {formats}: {medians['build-all']:.2f} s")
    print(f"ratio build-all / (English x 6): {medians['build-all'] / english6:.2f} (target < 2)")


if __name__ == "__main__":
    main()
