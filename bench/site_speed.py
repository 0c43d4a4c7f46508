"""How long does `zerodraft site` take for a big negotiation, and how fast do the filters run?

    .venv/bin/python bench/site_speed.py [--paragraphs 2000] [--drafts 10] [--commits 50] [--runs 3] [--reuse]

Builds a synthetic repository: N paragraphs, then D rounds, each of C proposals (written with
`git fast-import`) closed by `zerodraft release "Draft k"`.  Each timing is a fresh process,
wall clock, median of the runs, the commands taking turns in every round:

- `zerodraft site` with Word and Akoma Ntoso downloads, with none, and with PDF too
  (LibreOffice, when installed); peer: `zerodraft build --format html,docx,akn` of one draft;
- with ``--reuse`` instead (LibreOffice needed): each release also builds its Word, PDF and
  Akoma Ntoso files, and `zerodraft site` with PDF is timed in the repository, where it reuses
  them, against the same command in a clone without the releases' folders (peer: today's
  code path, every file built), and `--downloads none` for the floor;
- in Debian's Chromium (Playwright), the time the editor's copy takes to apply a filter and a
  search over its N paragraphs (performance.now() around the filter function, median of 21).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rounds_speed import BIN, imported, round_of_commits, run

FILTERS = {
    "label agreed ad ref": "document.getElementById('f-label').value = 'agreed-ad-ref';",
    "search 'capacity-building'": "document.getElementById('f-search').value = 'capacity-building';",
    "delegation Kenya": "document.getElementById('f-delegation').value = 'kenya';",
}


def unique_ids(repo: Path, round_number: int) -> None:
    """round_of_commits names new paragraphs p-new-<i> in every round: make them unique."""
    for path in (repo / "outcome").rglob("*.md"):
        text = path.read_text()
        if "id: p-new-" in text:
            path.write_text(text.replace("id: p-new-", f"id: p-r{round_number}-", 1))
    run(["git", "commit", "-q", "-a", "-m", f"Round {round_number}: unique ids"], repo)


def negotiation(tmp: Path, args: argparse.Namespace, formats: str) -> Path:
    """The synthetic repository, its drafts released with the render ``formats``."""
    repo = imported(tmp / "repo", args.paragraphs)
    zd = str(BIN / "zerodraft")
    for k in range(1, args.drafts + 1):
        run([zd, "release", f"Draft {k}", "--format", formats, "-o", f"build/draft-{k}"], repo)
        round_of_commits(repo, args.commits, seed=k)
        unique_ids(repo, k)
    return repo


def interleaved(commands: dict[str, list[str]], cwd: Path, runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            start = time.perf_counter()
            run(cmd, cwd)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def filter_times(page: Path, repeats: int = 21) -> dict[str, float]:
    """Milliseconds the filter function takes in Chromium, layout included (median): for each
    filter, applying it to the whole text, and clearing it again (every paragraph shown)."""
    from playwright.sync_api import sync_playwright

    timed = (
        "const start = performance.now(); window.zerodraftFilter(); document.body.offsetHeight;"
        "return performance.now() - start;"
    )
    out: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        tab = browser.new_page()
        tab.goto(page.as_uri())
        for name, setup in FILTERS.items():
            applying, clearing = [], []
            for _ in range(repeats):
                applying.append(tab.evaluate(f"() => {{ {setup} {timed} }}"))
                clearing.append(tab.evaluate(f"() => {{ document.getElementById('filters').reset(); {timed} }}"))
            out[f"{name}: apply"] = statistics.median(applying)
            out[f"{name}: clear"] = statistics.median(clearing)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--drafts", type=int, default=10)
    parser.add_argument("--commits", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="time the reuse of the releases' PDF, Word, AKN files")
    args = parser.parse_args()
    if args.reuse:
        reuse(args)
        return
    zd = str(BIN / "zerodraft")
    with tempfile.TemporaryDirectory() as tmp:
        repo = negotiation(Path(tmp), args, "none")
        commits = run(["git", "rev-list", "--count", "HEAD"], repo).strip()
        out = Path(tmp) / "site"
        commands = {
            "site, Word and Akoma Ntoso downloads": [zd, "site", "-o", str(out), "--downloads", "docx,akn"],
            "site, no downloads": [zd, "site", "-o", str(out), "--downloads", "none"],
            "peer: build --format html,docx,akn (one draft)": [
                zd,
                "build",
                "--format",
                "html,docx,akn",
                "-o",
                str(Path(tmp) / "peer"),
            ],
        }
        if shutil.which("soffice"):
            commands["site, Word, PDF and Akoma Ntoso downloads"] = [zd, "site", "-o", str(out)]
        figures = interleaved(commands, repo, args.runs)
        run([zd, "site", "-o", str(out), "--downloads", "none"], repo)
        pages = len(list(out.rglob("*.html")))
        browser = filter_times(out / "editors-copy.html")
    print(
        f"synthetic repository: {args.paragraphs:,} paragraphs, {args.drafts} drafts, {commits} commits, "
        f"{pages} pages; median of {args.runs} runs"
    )
    for name, seconds in figures.items():
        print(f"{name:<50} {seconds:6.2f} s")
    for name, ms in browser.items():
        print(f"filter in Chromium, {name:<38} {ms:6.1f} ms")


def reuse(args: argparse.Namespace) -> None:
    """The site with PDF reusing the releases' files, against building them all (a clone
    holds the same commits and tags, and no release folder)."""
    if not shutil.which("soffice"):
        raise SystemExit("--reuse needs LibreOffice (soffice) for the PDF files")
    zd = str(BIN / "zerodraft")
    with tempfile.TemporaryDirectory() as tmp:
        repo = negotiation(Path(tmp), args, "docx,pdf,akn")
        clone = Path(tmp) / "clone"
        run(["git", "clone", "-q", str(repo), str(clone)], Path(tmp))
        commits = run(["git", "rev-list", "--count", "HEAD"], repo).strip()
        site = str(Path(tmp) / "site")
        commands = {  # -C: the clone is another repository
            "site with PDF, reusing the releases' files": [zd, "-C", str(repo), "site", "-o", site],
            "peer: site with PDF, every file built (today)": [zd, "-C", str(clone), "site", "-o", site],
            "site, no downloads": [zd, "-C", str(repo), "site", "-o", site, "--downloads", "none"],
        }
        figures = interleaved(commands, repo, args.runs)
    print(
        f"synthetic repository: {args.paragraphs:,} paragraphs, {args.drafts} drafts, {commits} commits; "
        f"median of {args.runs} runs"
    )
    for name, seconds in figures.items():
        print(f"{name:<50} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
