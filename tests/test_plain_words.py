"""Messages in plain words, met the way delegates meet them: a merge that conflicts, a file
made with GitHub's pencil and no id, a paragraph deleted by removing its file, YAML typed by
hand.  Each message says what to write, and writing it makes the problem go away."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import git
from zerodraft.main import main

NATIONAL = "outcome/01-a-implementation/01-national-level"


def check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["-C", str(repo), "check"])
    lines = [line for line in capsys.readouterr().out.splitlines() if ": ZD" in line]
    return code, lines


def test_a_merge_conflict_is_one_problem_in_its_own_words(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = repo / NATIONAL / "006.md"
    original = target.read_text(encoding="utf-8")
    first_line = original.split("---\n", 2)[2].split("\n", 1)[0]
    for branch, words in (("kenya/amend-6", "Kenya's words."), ("eu/amend-6", "The EU's words.")):
        git(repo, "switch", "-q", "-c", branch, "main")
        target.write_text(original.replace(first_line, words, 1), encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"{branch}")
    git(repo, "switch", "-q", "kenya/amend-6")
    merge = subprocess.run(["git", "merge", "-q", "eu/amend-6"], cwd=repo, capture_output=True, text=True)
    assert merge.returncode != 0  # a real conflict, markers in the file
    assert "<<<<<<< HEAD" in target.read_text(encoding="utf-8")
    code, lines = check(repo, capsys)
    assert code == 1
    assert len(lines) == 1, lines  # not broken YAML, not a heading underlined with '======='
    assert re.fullmatch(
        rf"{NATIONAL}/006.md:\d+: ZD110 still holds the markers of a merge conflict \(lines \d+, \d+, \d+: "
        r"'<<<<<<<', '=======', '>>>>>>>'\); keep the words that are right, then delete the other version and the "
        "marker lines",
        lines[0],
    ), lines[0]


def test_a_missing_id_says_what_to_write(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub's pencil: a new file with status and proposer but no id."""
    git(repo, "switch", "-q", "-c", "kenya-patch-1")
    new = repo / NATIONAL / "006ter.md"
    new.write_text("---\nstatus: proposed\nproposed-by: [Kenya]\n---\nTo act now.\n", encoding="utf-8")
    code, lines = check(repo, capsys)
    assert code == 1 and len(lines) == 1
    found = re.fullmatch(
        rf"{NATIONAL}/006ter.md:2: ZD103 front matter needs 'id:'; add the line 'id: (p-[0-9a-f]{{12}})' "
        r"\(an id made for this file\)",
        lines[0],
    )
    assert found, lines[0]
    assert check(repo, capsys)[1] == lines  # the same id on every run
    new.write_text(f"---\nid: {found.group(1)}\n" + new.read_text(encoding="utf-8")[4:], encoding="utf-8")
    assert check(repo, capsys) == (0, [])


def test_a_deleted_file_is_told_to_stay_with_status_deleted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "-c", "eu/delete-4")
    git(repo, "rm", "-q", "outcome/01-a-implementation/004.md")
    git(repo, "commit", "-q", "-m", "EU: delete 4")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "outcome/01-a-implementation/005.md:1: ZD201 numbering jumps to 5 after 3: paragraph 4 is missing. "
        "To delete a paragraph, keep its file and set 'status: deleted' (put 004.md back); new text is an "
        "insertion (003bis.md). Never renumber: the secretariat does that at each new draft"
    ]
    assert "rename" not in lines[0]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("status:open", "front matter needs a space after 'status:' — write 'status: open'"),
        (
            "status: open\nsupported-by: [Kenya",
            "front matter has a list without its closing ']' — write 'supported-by: [Kenya]'",
        ),
    ],
)
def test_yaml_typed_by_hand(repo: Path, capsys: pytest.CaptureFixture[str], front: str, message: str) -> None:
    target = repo / NATIONAL / "006.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("status: open", front, 1), encoding="utf-8")
    code, lines = check(repo, capsys)
    assert code == 1
    assert [line.split(": ZD102 ", 1)[1] for line in lines if "ZD102" in line] == [message]
    line = int(lines[0].split(":")[1])
    assert target.read_text(encoding="utf-8").split("\n")[line - 1].startswith(front.split("\n")[-1])


def test_the_readme_tour_shows_a_complete_new_paragraph_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("   ```markdown\n", 1)[1].split("   ```\n", 1)[0]
    text = "".join(line.removeprefix("   ") for line in block.splitlines(keepends=True))
    assert text.startswith("---\nid: ") and "status: proposed\n" in text
    git(repo, "switch", "-q", "-c", "kenya/insert-after-6")
    (repo / NATIONAL / "006ter.md").write_text(text, encoding="utf-8")
    assert check(repo, capsys) == (0, [])
