"""The hostile-input corpus (tests/hostile/) through `import`, `pr-check` and `diff`
(`check` is tests/test_hostile.py, `build` tests/test_render_hostile.py).

Each tool answers every file clearly: the exit code documented for what it found (0 nothing,
1 problems, 2 could not run — never 3, an internal error), no traceback, no raw control or
bidirectional character in what it prints, and nothing written outside its output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, IDENTITY, git
from policy_helpers import with_logins
from test_hostile import CORPUS, EXPECTED, PWNED, RAW_CONTROL, place, snapshot
from test_render_html import tags_of
from zerodraft.main import main

IDS = [p.name for p in CORPUS]
#: What `import` says of a corpus file given as the whole source that is not readable text
#: (the others are imported: never a refusal of readable text).
IMPORT_REFUSALS = {
    "bidi-isolate.md": "line 5 holds the hidden character U+2066",
    "bidi-override-trojan.md": "line 5 holds the hidden character U+202E",
    "terminal-escape-sequence.md": "line 5 holds the hidden character U+001B",
    "binary-png.md": "is a binary file, not text",
    "nul-byte.md": "is a binary file, not text",
    "latin-1-bytes.md": "is not UTF-8 text",
    "empty.md": "is empty; there is nothing to import",
    "whitespace-only.md": "is empty; there is nothing to import",
    "zero-width-and-combining.md": "line 5 holds the hidden character U+200B",
}
#: ... and of the file's bytes as paragraph 2 of a three-paragraph plain-text draft.
EMBEDDED_REFUSALS = {
    **{name: IMPORT_REFUSALS[name] for name in ("binary-png.md", "nul-byte.md", "latin-1-bytes.md")},
    "bidi-isolate.md": "line 11 holds the hidden character U+2066",
    "bidi-override-trojan.md": "line 11 holds the hidden character U+202E",
    "terminal-escape-sequence.md": "line 11 holds the hidden character U+001B",
    "utf-16.md": "is a binary file, not text",
    "byte-order-mark.md": "line 7 holds the hidden character U+FEFF",
    "zero-width-and-combining.md": "line 11 holds the hidden character U+200B",
}
#: Problems `check` may find in a draft `import` wrote: only the text's own (brackets,
#: footnotes, links …), never a file it cannot read (ZD0xx, ZD1xx).
TEXT_CODES = ("ZD3", "ZD4")


@pytest.fixture(autouse=True)
def identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("HOME", str(tmp_path))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    assert code in (0, 1, 2, 130), f"exit {code}: {out.err}"
    assert "Traceback" not in out.err and "internal error" not in out.err
    assert not RAW_CONTROL.search(out.out + out.err), "output must not carry control or bidi characters"
    assert not PWNED.exists()
    return code, out.out, out.err


@pytest.mark.parametrize("sample", CORPUS, ids=IDS)
def test_import_answers_clearly(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the file as the whole source: what is not readable text is refused in one line, nothing
    # written; readable text is imported (never refused), as data that check can read
    source = tmp_path / ("draft.md" if sample.suffix == ".md" else "draft.txt")
    shutil.copyfile(sample, source)
    code, out, err = run(capsys, "import", str(source), "--into", str(tmp_path / "outcome"))
    if sample.name in IMPORT_REFUSALS:
        assert code == 2 and out == ""
        assert IMPORT_REFUSALS[sample.name] in err and err.count("\n") == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]
    else:
        assert code == 0, err
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [source.name, "outcome", "outcome.import-report.md"]
        )
        code, out, _ = run(capsys, "-C", str(tmp_path), "check", "--format", "json")
        found = {p["code"] for p in json.loads(out)["problems"]}
        assert all(c.startswith(TEXT_CODES) for c in found), found
        shutil.rmtree(tmp_path / "outcome")
        (tmp_path / "outcome.import-report.md").unlink()

    # the file's bytes as a paragraph of a draft: refused, or imported as text check can read
    source.unlink()
    embedded = tmp_path / "draft.txt"
    embedded.write_bytes(b"Draft 1\n\nA Title\n\n1. To act now.\n\n2. " + sample.read_bytes() + b"\n\n3. To end.\n")
    code, out, err = run(capsys, "import", str(embedded), "--into", str(tmp_path / "outcome"))
    if sample.name in EMBEDDED_REFUSALS:
        assert code == 2 and out == ""
        assert EMBEDDED_REFUSALS[sample.name] in err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
        return
    assert code == 0, err
    assert "imported 3 paragraphs in 1 sections" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "outcome", "outcome.import-report.md"]
    code, out, _ = run(capsys, "-C", str(tmp_path), "check", "--format", "json")
    found = {p["code"] for p in json.loads(out)["problems"]}
    assert all(c.startswith(TEXT_CODES) for c in found), found
    assert code == (1 if found else 0)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with logins committed on main (cloned by each test)."""
    root = tmp_path_factory.mktemp("base")
    shutil.copytree(EXAMPLE, root / "outcome")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Draft 2")
    with_logins(root)
    return root


def proposal(base: Path, tmp_path: Path, sample: Path) -> Path:
    """A clone of ``base`` with the corpus file committed on the branch ``proposal``."""
    repo = tmp_path / "repo"
    git(tmp_path, "clone", "-q", "--no-hardlinks", str(base), str(repo))
    git(repo, "checkout", "-q", "-b", "proposal")
    shutil.copyfile(sample, repo / place(sample.name))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hostile")
    git(repo, "branch", "-q", "-f", "main", "origin/main")
    return repo


def state(repo: Path) -> tuple[str, str, dict[str, bytes]]:
    return (
        git(repo, "for-each-ref", "--format=%(refname) %(objectname)"),
        git(repo, "status", "--porcelain", "--untracked-files=all", "--ignored"),
        {k: v for k, v in snapshot(repo).items() if not k.startswith(".git/")},
    )


@pytest.mark.parametrize("sample", CORPUS, ids=IDS)
def test_pr_check_answers_clearly(sample: Path, base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = proposal(base, tmp_path, sample)
    before = state(repo)
    args = ("-C", str(repo), "pr-check", "--base", "main", "--head", "proposal", "--author", "kenya-mission")
    code, out, err = run(capsys, *args)
    lines = out.splitlines()
    problems = [line for line in lines if ": ZD9" in line]
    everything = [line for line in lines if ": ZD" in line]  # with the merge result's check
    assert code == (1 if everything else 0)
    assert all(line.startswith(place(sample.name) + ":") for line in problems), lines
    unreadable = any(c in ("ZD002", "ZD007", "ZD101", "ZD102") for c in EXPECTED[sample.name])
    if place(sample.name) == "outcome/document.yaml" or sample.name.startswith("section-"):
        assert {line.split(" ")[1] for line in problems} == {"ZD902"}
    elif sample.name.startswith("roster-"):
        assert {line.split(" ")[1] for line in problems} <= {"ZD903", "ZD915"}
    elif unreadable:
        # a paragraph that cannot be read is refused, not skipped
        assert "ZD913" in out, lines
    else:
        # Kenya's new paragraph never names Kenya as its proposer
        assert "ZD907" in out, lines
        assert "goes beyond what 'kenya-mission' may change" in err
    code, out, _ = run(capsys, *args, "--format", "github")
    assert code == (1 if everything else 0)
    assert all(line.startswith("::error file=") for line in out.splitlines() if "ZD9" in line)
    assert state(repo) == before


@pytest.mark.parametrize("sample", CORPUS, ids=IDS)
def test_diff_answers_clearly(sample: Path, base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = proposal(base, tmp_path, sample)
    before = state(repo)
    code, out, _ = run(capsys, "-C", str(repo), "diff", "main", "proposal", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    code, out, _ = run(capsys, "-C", str(repo), "diff", "main", "proposal", "--format", "html")
    assert code == 0 and "<script" not in out.lower()
    for _tag, attrs in tags_of(out):
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        assert href is None or href.startswith(("https://", "http://", "mailto:", "#"))
    code, out, _ = run(capsys, "-C", str(repo), "diff", "main", "proposal")
    assert code == 0 and out
    code, out, _ = run(capsys, "-C", str(repo), "diff", "proposal", "proposal", "--format", "json", "--changes-only")
    assert code == 0
    if sample.name in DOCX_SAMPLE:
        redline = tmp_path / "out" / "redline.docx"
        redline.parent.mkdir()
        code, out, _ = run(capsys, "-C", str(repo), "diff", "main", "proposal", "--format", "docx", "-o", str(redline))
        assert code == 0
        assert [p.name for p in redline.parent.iterdir()] == ["redline.docx"]
        assert redline.read_bytes()[:2] == b"PK"
    assert state(repo) == before


#: Word redlines cost more: a sample of the corpus (text, scripts, brackets, size, bad bytes).
DOCX_SAMPLE = {
    "arabic-with-direction-marks.md",
    "raw-html-script.md",
    "ten-thousand-nested-brackets.md",
    "very-long-word.md",
    "latin-1-bytes.md",
    "terminal-escape-sequence.md",
    "document-alias-bomb.yaml",
}


def test_a_redline_shows_hidden_characters_and_keeps_right_to_left_marks() -> None:
    """A pull request's branch is unchecked: its redline must not reorder or overprint what a
    reviewer sees (bidi overrides, terminal escapes, carriage returns), yet keep RLM/LRM/ALM."""
    from zerodraft.redline import visible

    hostile = "pay \u202e01$\u202c now\x1b[2J\rwe agree\x00\r\nالنص\u200f \u200e\u061c"
    assert visible(hostile) == "pay \ufffd01$\ufffd now\ufffd[2J\ufffdwe agree\ufffd\nالنص\u200f \u200e\u061c"


#: PDF costs a LibreOffice run: a sample of scripts, markup, nesting, size and hidden characters.
PDF_SAMPLE = [
    "arabic-with-direction-marks.md",
    "hebrew-with-lrm.md",
    "raw-html-script.md",
    "ten-thousand-nested-brackets.md",
    "bidi-override-trojan.md",
    "terminal-escape-sequence.md",
    "very-long-word.md",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", PDF_SAMPLE)
def test_pdf_build_and_import_back(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hostile text built as a PDF (LibreOffice), then that PDF imported (pdftotext): both
    answer clearly, and what is imported reads as a document."""
    sample = HOSTILE_PARAGRAPHS / name
    shutil.copytree(EXAMPLE, tmp_path / "outcome")
    shutil.copyfile(sample, tmp_path / place(name))
    before = snapshot(tmp_path / "outcome")
    code, _, err = run(capsys, "-C", str(tmp_path), "build", "--format", "pdf", "-o", "out", "--name", "draft")
    assert code == 0, err
    pdf = tmp_path / "out" / "draft.pdf"
    assert [p.name for p in pdf.parent.iterdir()] == ["draft.pdf"] and pdf.read_bytes()[:5] == b"%PDF-"
    assert snapshot(tmp_path / "outcome") == before
    back = tmp_path / "back"
    code, out, err = run(capsys, "import", str(pdf), "--into", str(back))
    if code:
        assert code == 2 and err.count("\n") == 1 and not back.exists()
        return
    code, out, _ = run(capsys, "-C", str(tmp_path), "check", "--root", "back", "--format", "json")
    assert not [p for p in json.loads(out)["problems"] if p["code"].startswith(("ZD0", "ZD1"))]
    if name == "arabic-with-direction-marks.md":
        assert any("التزامها" in p.read_text(encoding="utf-8") for p in back.rglob("*.md"))


HOSTILE_PARAGRAPHS = Path(__file__).parent / "hostile" / "paragraphs"


@pytest.mark.parametrize(
    "name", ["\x1b[31mred.md", "004\u202ebis.md", "new\nline.md", "-rf.md", "$(touch x).md", "..md", " 004.md"]
)
def test_hostile_file_names(
    name: str, base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paragraph file named to inject: every tool names it escaped, as a problem."""
    sample = tmp_path / "sample"
    sample.write_bytes((EXAMPLE / "01-a-implementation" / "004.md").read_bytes())
    repo = tmp_path / "repo"
    git(tmp_path, "clone", "-q", "--no-hardlinks", str(base), str(repo))
    git(repo, "checkout", "-q", "-b", "proposal")
    shutil.copyfile(sample, repo / "outcome" / "01-a-implementation" / name)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hostile name")
    git(repo, "branch", "-q", "-f", "main", "origin/main")
    before = state(repo)
    code, out, _ = run(capsys, "-C", str(repo), "check")
    assert code == 1 and "ZD006" in out
    code, out, _ = run(
        capsys, "-C", str(repo), "pr-check", "--base", "main", "--head", "proposal", "--author", "kenya-mission"
    )
    assert code == 1 and "ZD902 is not a paragraph file" in out
    for fmt in ("md", "json", "html"):
        code, out, _ = run(capsys, "-C", str(repo), "diff", "main", "proposal", "--format", fmt)
        assert code == 0
    assert state(repo) == before
    assert not (repo / "x").exists() and not (Path.cwd() / "x").exists()
