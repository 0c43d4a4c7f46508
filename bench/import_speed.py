"""How long does `zerodraft import` take on a 2,000-paragraph draft, next to pandoc reading
the same text, and on UNCLOS (the PDF), next to pdftotext and pandoc?

    .venv/bin/python bench/import_speed.py [--paragraphs 2000] [--runs 5] [--unclos PATH]

**UNCLOS** (``shared/corpus/treaty-unclos-1982.pdf``, ~200 pages: 320 articles, 9 annexes,
its table of contents and Final Act): ``zerodraft import`` of the PDF (pdftotext included)
is timed next to its peers in the same run, ``pdftotext`` on the same PDF plus
``pandoc -f markdown -t json`` on its text; the target is import ≤ 3 × (pdftotext + pandoc).

The draft is plain text laid out as pdftotext lays out a Word draft: a cover letter, a
header, double-spaced lines wrapped at about 90 characters, page numbers, words hyphenated
across lines, five agenda items with numbered subsections and unnumbered subheadings.  Each
run is a fresh process, timed with the wall clock; the median is printed for
`zerodraft import` and for its peer `pandoc -f markdown -t markdown` on the same file (a
document converter parsing and writing the same text).  The target is under 5 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BIN = Path(sys.executable).parent
VERBS = ["To strengthen", "To ensure", "To promote", "To enhance", "To support", "To consider"]
OBJECTS = [
    "national controls over the entire life cycle of small arms and light weapons",
    "international cooperation and assistance, including capacity-building and post-conflict assistance",
    "the marking, record-keeping and tracing of small arms and light weapons",
    "the [full and effective] implementation of the Programme of Action",
    "measures to prevent the diversion and the illicit international transfer of [weapons][arms]",
    "gender-based violence and the participation of women in policymaking",
]


def draft_text(paragraphs: int, seed: int = 7) -> str:
    """A PDF-extracted draft with ``paragraphs`` numbered paragraphs."""
    rng = random.Random(seed)
    out = ["Excellency,", "", "I have the honour to share the draft with you.", "", "Ambassador", ""] * 3
    out += ["DRAFT 2, 2 July 2021", "", "Outcome of a synthetic meeting of States", ""]
    preamble = 10
    for number in range(1, preamble + 1):
        out += [f"{number}. Reaffirming {rng.choice(OBJECTS)}.", ""]
    number = preamble
    paragraphs -= preamble
    lines_on_page = 0
    items = "ABCDE"
    per_item = paragraphs // len(items)
    for index, letter in enumerate(items):
        out += [
            "",
            f"{letter}. Consideration of agenda item {letter} and of the measures to be taken at every level",
            "",
        ]
        for sub in range(1, 4):
            out += [f"{sub}. At level {sub}", ""]
            out += ["Addressing emerging challenges related to this item", ""]
            share = per_item // 3 if sub < 3 else per_item - 2 * (per_item // 3)
            if index == len(items) - 1 and sub == 3:
                share += paragraphs - per_item * len(items)
            for _ in range(share):
                number += 1
                words = f"{number}. {rng.choice(VERBS)} {rng.choice(OBJECTS)}, and {rng.choice(OBJECTS)}."
                for line in textwrap.wrap(words, 90, break_on_hyphens=True):
                    out += [line + " ", ""]
                    lines_on_page += 1
                    if lines_on_page == 40:
                        out += [" ", str(number // 8 + 1), " "]
                        lines_on_page = 0
    return "\n".join(out) + "\n"


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return statistics.median(times)


#: Where shared/ lies: beside the clone, or beside the folder of worktrees.
UNCLOS = next(
    (
        p / "corpus" / "treaty-unclos-1982.pdf"
        for p in (
            Path(__file__).resolve().parents[1].parent / "shared",
            Path(__file__).resolve().parents[2].parent / "shared",
        )
        if (p / "corpus" / "treaty-unclos-1982.pdf").is_file()
    ),
    None,
)


def unclos(pdf: Path, runs: int) -> None:
    """UNCLOS: import next to pdftotext + pandoc on the same text, in the same run."""
    pdftotext, pandoc = shutil.which("pdftotext"), shutil.which("pandoc")
    if pdftotext is None or pandoc is None:
        print("pdftotext or pandoc not found: no UNCLOS figures")
        return
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "unclos.txt"
        into = Path(tmp) / "outcome"
        extract = timed([pdftotext, str(pdf), str(text)], runs)
        convert = timed([pandoc, "-f", "markdown", "-t", "json", "-o", str(Path(tmp) / "unclos.json"), str(text)], runs)
        ours = timed([str(BIN / "zerodraft"), "import", str(pdf), "--into", str(into), "--force"], runs)
        articles = sum(1 for p in into.rglob("section.yaml") if "kind: article" in p.read_text(encoding="utf-8"))
    peers = extract + convert
    print(f"UNCLOS, zerodraft import of the PDF ({articles} article folders): {ours:.2f} s (median of {runs})")
    print(
        f"UNCLOS, pdftotext on the same PDF: {extract:.2f} s; pandoc -f markdown -t json on its text: {convert:.2f} s"
    )
    print(f"UNCLOS, import / (pdftotext + pandoc) = {ours / peers:.2f} (target ≤ 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--unclos", type=Path, default=UNCLOS, help="the UNCLOS PDF (default: shared/corpus)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "draft.txt"
        source.write_text(draft_text(args.paragraphs), encoding="utf-8")
        into = Path(tmp) / "outcome"
        ours = timed([str(BIN / "zerodraft"), "import", str(source), "--into", str(into), "--force"], args.runs)
        count = sum(1 for p in into.rglob("*.md"))
        if count != args.paragraphs:
            raise SystemExit(f"imported {count} paragraphs, expected {args.paragraphs}")
        pandoc = shutil.which("pandoc")
        theirs = timed([pandoc, "-f", "markdown", "-t", "markdown", str(source)], args.runs) if pandoc else None
    print(f"zerodraft import, {args.paragraphs:,} paragraphs: {ours:.2f} s (median of {args.runs})")
    if theirs is not None:
        print(f"pandoc -f markdown -t markdown, same text: {theirs:.2f} s (median of {args.runs})")
    else:
        print("pandoc not found: no peer figure")
    if args.unclos is not None:
        unclos(args.unclos, args.runs)
    else:
        print("shared/corpus/treaty-unclos-1982.pdf not found: no UNCLOS figures")


if __name__ == "__main__":
    main()
