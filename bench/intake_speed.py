"""How long does `zerodraft intake` take on an edited BMS7 Draft 2 (115 paragraphs, 20 changes)
and on an edited BBNJ Agreement (308 paragraphs, 20 changes), next to `pandoc -f docx -t
markdown` reading the same Word file?

    nice .venv/bin/python bench/intake_speed.py [--runs 7]

Each text is committed and tagged in a temporary repository — the repository's own Draft 2
(outcome/), and the BBNJ Agreement as `zerodraft import` reads it from the corpus PDF — its Word
file built by `zerodraft build --ref TAG --format docx`, and edited as a delegation would, with
tracked changes: 12 amendments (a tracked deletion and insertion each, 4 with a comment), 4 new
paragraphs and 4 deletions (runs and paragraph marks deleted).  Both commands run as fresh
processes taking turns in every round, timed with the wall clock; the working tree is put back
between runs (not timed).  The medians are printed.  pandoc is the Debian package
(/usr/bin/pandoc).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import intake_helpers as word_edit  # noqa: E402
from build_speed import BIN, once  # noqa: E402

CHANGES = {"amend": 12, "insert": 4, "delete": 4}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


BBNJ = next(
    (f / "shared" / "corpus" / "treaty-bbnj-agreement-2023.en.pdf" for f in HERE.parents if (f / "shared").is_dir()),
    Path("treaty-bbnj-agreement-2023.en.pdf"),
)


def prepare(tmp: Path, text: str = "bms7") -> tuple[Path, Path]:
    """A repository holding the text (tag draft-2) and Kenya's edited Word file of it."""
    from zerodraft.reader import read
    from zerodraft.source import WorkingTree

    repo = tmp / "repo"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    if text == "bms7":
        shutil.copytree(HERE.parent / "outcome", repo / "outcome")
    else:
        imported = subprocess.run(
            [str(BIN / "zerodraft"), "import", str(BBNJ), "--into", "outcome"], cwd=repo, capture_output=True
        )
        if imported.returncode not in (0, 1):
            raise SystemExit(f"the import of {BBNJ} failed: {imported.stderr.decode()[-500:]}")
        shutil.copy(HERE.parent / "outcome" / "delegations.yaml", repo / "outcome" / "delegations.yaml")
        for report in repo.glob("*.import-report.md"):
            report.unlink()
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Secretariat", "-c", "user.email=s@example.org", "commit", "-q", "-m", "Draft 2")
    git(repo, "tag", "draft-2")
    subprocess.run(
        [str(BIN / "zerodraft"), "build", "--ref", "draft-2", "--format", "docx", "-o", str(tmp / "out")],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    source = next((tmp / "out").glob("*.docx"))
    paragraphs = [p for p in read(WorkingTree(repo), "outcome").document.paragraphs() if len(p.text.split()) > 6]
    word = word_edit.open_word(source)
    step = len(paragraphs) // sum(CHANGES.values())
    chosen = iter(paragraphs[::step])
    for index in range(CHANGES["amend"]):
        paragraph = next(chosen)
        element = word_edit.paragraph(word, paragraph.id)
        word_edit.replace(element, paragraph.text.split()[3], "[amended]", tracked=True, number=1000 + 2 * index)
        if index < 4:
            word_edit.comment(word, element, f"Rationale {index + 1}.")
    for index in range(CHANGES["insert"]):
        element = word_edit.paragraph(word, next(chosen).id)
        word_edit.insert_after(element, f"New paragraph {index + 1} proposed.", tracked=True, number=1100 + 2 * index)
    for index in range(CHANGES["delete"]):
        word_edit.delete(word_edit.paragraph(word, next(chosen).id), tracked=True, number=1200 + 10 * index)
    return repo, word_edit.save(word, tmp / "kenya.docx")


def measure(repo: Path, edited: Path, runs: int) -> dict[str, float]:
    import statistics

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("pandoc is needed for the comparison: apt-get install pandoc")
    commands = {
        "zerodraft intake": [str(BIN / "zerodraft"), "intake", str(edited), "--delegation", "Kenya"],
        "pandoc -f docx -t markdown": [pandoc, "-f", "docx", "-t", "markdown", str(edited)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(once(command, repo))
            git(repo, "reset", "-q", "--hard")
            git(repo, "clean", "-fdq")
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for text, title in (("bms7", "BMS7 Draft 2"), ("bbnj", "BBNJ Agreement")):
        with tempfile.TemporaryDirectory() as tmp:
            repo, edited = prepare(Path(tmp), text)
            check = subprocess.run(
                [str(BIN / "zerodraft"), "intake", str(edited), "--delegation", "Kenya"],
                cwd=repo,
                capture_output=True,
                text=True,
                check=False,
            )
            written = check.stderr.strip().splitlines()[-1]
            git(repo, "reset", "-q", "--hard")
            git(repo, "clean", "-fdq")
            count = sum(1 for _ in (repo / "outcome").rglob("[0-9]*.md"))
            medians = measure(repo, edited, args.runs)
        print(f"{title}, {count} paragraphs, {sum(CHANGES.values())} changes ({written}); median of {args.runs} runs:")
        for name, seconds in medians.items():
            print(f"  {name:<28} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
