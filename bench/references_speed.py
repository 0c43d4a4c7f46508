"""Does rewriting cross-references slow a release down?  A release of an UNCLOS-size treaty
with internal references rewritten, next to the same release of the same text without them.

    nice .venv/bin/python bench/references_speed.py [--articles 320] [--runs 3]

Builds two synthetic repositories of the same shape: a preamble and N articles ("Article 7")
as top-level sections, paragraphs numbered per article (1 to 8 each, about 5 on average, as in
UNCLOS), released as Draft 2; then a round that inserts a "2 bis" into every fifth article.
In the first, most paragraphs refer to others ("paragraph 2 above", "article 7, paragraph 2",
"paragraph 1 of article 30", "articles 12 and 14", "article 76 of the Convention"), so the
release checks them (ZD701-ZD703) and rewrites those the insertions renumber; in the second,
the same sentences say the same length of words without a reference.  Each timing is
``zerodraft release "Draft 3" --format none`` in a fresh process, wall clock, median of the
runs, the repository put back between runs.  The target: with / without <= 1.2.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rounds_speed import BIN, run, timed
from synthetic import OBJECTS, ROSTER, STATES

DOCUMENT = """title: Agreement of a synthetic conference
draft: {name: Draft 2, date: 2021-07-02}
numbering: {paragraphs: per-section, preamble: numbered}
"""


def references(rng: random.Random, article: int, counts: list[int], own: int) -> str:
    """A sentence holding one or two internal references (and sometimes an external one)."""
    other = rng.randrange(len(counts))
    choices = [
        f"as set out in article {other + 1}, paragraph {rng.randint(1, counts[other])}",
        f"under paragraph {rng.randint(1, counts[other])} of article {other + 1}",
        f"in accordance with articles {other + 1} and {rng.randrange(len(counts)) + 1}",
        f"as provided in paragraph {rng.randint(1, own)} above",
        f"consistent with article {rng.randint(1, 320)} of the Convention",
    ]
    return rng.choice(choices)


def make(root: Path, articles: int, with_references: bool, seed: int = 5) -> Path:
    """Write ``root/outcome`` (see the module docstring) and commit it; returns ``root``."""
    rng = random.Random(seed)
    outcome = root / "outcome"
    outcome.mkdir(parents=True)
    (outcome / "document.yaml").write_text(DOCUMENT)
    (outcome / "delegations.yaml").write_text(ROSTER)
    preamble = outcome / "000-preamble"
    preamble.mkdir()
    (preamble / "section.yaml").write_text('heading: ""\npreamble: true\n')
    for number in range(1, 4):
        write(preamble / f"{number:03d}.md", f"p-pre-{number}", f"Recognizing {rng.choice(OBJECTS)}.")
    counts = [rng.randint(1, 8) for _ in range(articles)]
    for article, count in enumerate(counts, start=1):
        folder = outcome / f"{article:03d}-article-{article}"
        folder.mkdir()
        (folder / "section.yaml").write_text(f"heading: Article {article}\n")
        for number in range(1, count + 1):
            sentence = references(rng, article, counts, count)
            if not with_references:
                sentence = ("as the Parties have agreed " + "x" * len(sentence))[: len(sentence)]
            text = f"States Parties shall ensure {rng.choice(OBJECTS)}, {sentence}."
            write(folder / f"{number:03d}.md", f"p-{article}-{number}", text)
    (root / ".gitignore").write_text("build/\n")
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", "Import"], root)
    return root


def write(path: Path, ident: str, text: str, status: str = "open", proposer: str = "") -> None:
    by = f"proposed-by: [{proposer}]\n" if proposer else ""
    path.write_text(f"---\nid: {ident}\nstatus: {status}\n{by}---\n{text}\n", encoding="utf-8")


def round_of_insertions(root: Path) -> int:
    """A "2 bis" in every fifth article that has a paragraph 2; returns how many."""
    inserted = 0
    for folder in sorted((root / "outcome").glob("*-article-*")):
        article = int(folder.name.split("-")[0])
        files = sorted(folder.glob("*.md"))  # 002.md, or 0002.md once a release widened the names
        if article % 5 == 0 and len(files) >= 2:
            second = folder / f"{files[1].stem}bis.md"
            write(second, f"p-{article}-2bis", "States Parties shall cooperate.", "proposed", STATES[0])
            inserted += 1
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", "Round"], root)
    return inserted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=320)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    zd = str(BIN / "zerodraft")
    results: dict[bool, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for with_references in (True, False):
            repo = make(Path(tmp) / f"repo-{with_references}", args.articles, with_references)
            run([zd, "release", "Draft 2", "--format", "none"], repo)
            inserted = round_of_insertions(repo)
            before = run(["git", "rev-parse", "HEAD"], repo).strip()
            undo = [["git", "tag", "-d", "draft-3"], ["git", "reset", "-q", "--hard", before], ["rm", "-rf", "build"]]
            if with_references:
                dry = run([zd, "release", "Draft 3", "--format", "none", "--dry-run"], repo)
                rewritten = next(line for line in dry.splitlines() if line.startswith("references rewritten"))
            results[with_references] = timed([zd, "release", "Draft 3", "--format", "none"], repo, args.runs, undo)
            paragraphs = len(list((repo / "outcome").rglob("*.md")))
    print(f"synthetic treaty: {args.articles} articles, {paragraphs:,} paragraphs, {inserted} insertions; ")
    print(f"median of {args.runs} runs of zerodraft release 'Draft 3' --format none")
    print(f"with references ({rewritten}):  {results[True]:6.2f} s")
    print(f"  peer: the same text without references:  {results[False]:6.2f} s")
    print(f"ratio: {results[True] / results[False]:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
