"""Malformed input always yields problems with path, line and code — never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import git
from test_check import problems_of, run_cli
from zerodraft.git import Repository
from zerodraft.reader import read

B = "outcome/02-b-international-cooperation"
BOMB = (
    b'---\nid: p-bomb\nstatus: open\nnote: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + b"".join(
        b"n%d: &a%d [*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s]\n" % ((i, i) + (b"" if i == 1 else b"%d" % (i - 1),) * 8)
        for i in range(1, 10)
    )
    + b"---\nText.\n"
)
CASES = {
    "broken yaml": (b"---\nid: [unclosed\nstatus: open\n---\nText.\n", "ZD102", 2),
    "duplicate keys": (b"---\nid: p-1\nstatus: open\nstatus: agreed\n---\nText.\n", "ZD102", 4),
    "alias": (b"---\nid: &x p-1\nstatus: open\nnote: *x\n---\nText.\n", "ZD102", 2),
    "yaml bomb": (BOMB, "ZD102", 4),
    "python tag": (
        b"---\nid: !!python/object/apply:os.system ['touch /tmp/pwned']\nstatus: open\n---\nT.\n",
        "ZD102",
        2,
    ),
    "custom tag": (b"---\nid: !include /etc/passwd\nstatus: open\n---\nT.\n", "ZD102", 2),
    "merge key": (b"---\n<<: {id: p-1}\nstatus: open\n---\nT.\n", "ZD102", 2),
    "not utf-8": (b"---\nid: p-1\nstatus: open\n---\n\xff\xfe\x00T\n", "ZD002", 5),
    "utf-16": ("---\nid: p-1\nstatus: open\n---\nT.\n".encode("utf-16"), "ZD002", 1),
    "empty": (b"", "ZD007", 1),
    "only blanks": (b"\n \n", "ZD007", 1),
    "no closing": (b"---\nid: p-1\nstatus: open\nText.\n", "ZD101", 5),
    "front matter a list": (b"---\n- id\n---\nText.\n", "ZD102", 2),
    "nested brackets": (b"---\nid: p-1\nstatus: open\n---\n" + b"[" * 10_000 + b"\n", "ZD401", 5),
    "deep yaml": (b"---\nid: p-1\nstatus: open\nnote: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\nT.\n", "ZD102", 4),
    "nul byte": (b"---\nid: p-1\nstatus: open\n---\nT\x00ext.\n", "ZD009", 5),
    "bidi override": ("---\nid: p-1\nstatus: open\n---\nabc\u202edef\n".encode(), "ZD005", 5),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_paragraph_files(document: Path, name: str) -> None:
    data, code, line = CASES[name]
    (document / B / "008.md").write_bytes(data)
    found = {(p.path, p.line, p.code) for p in problems_of(document)}
    assert (f"{B}/008.md", line, code) in found
    assert not Path("/tmp/pwned").exists()
    result = run_cli(document, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr == ""


def test_rtl_marks_are_text(document: Path) -> None:
    arabic = "---\nid: p-new000000001\nstatus: open\n---\nتؤكد \u200fمن جديد\u061c الالتزام \u200e(PoA).\n"
    (document / B / "008.md").write_text(arabic, encoding="utf-8")
    assert problems_of(document) == []


def test_joiners_are_text_where_a_script_needs_them(document: Path) -> None:
    # Persian needs the zero-width non-joiner (می‌خواهم), Devanagari the joiner; between Latin letters
    # either one only hides a change.
    text = "---\nid: p-new000000001\nstatus: open\n---\nمی\u200cخواهم क्\u200dष (PoA).\n"
    (document / B / "008.md").write_text(text, encoding="utf-8")
    assert problems_of(document) == []
    (document / B / "008.md").write_text(text.replace("(PoA)", "(Po\u200cA)"), encoding="utf-8")
    assert [(p.line, p.code) for p in problems_of(document)] == [(5, "ZD010")]
    assert "holds an invisible character (U+200C) at column" in problems_of(document)[0].message


def test_huge_file_is_not_read(document: Path) -> None:
    with open(document / B / "008.md", "wb") as handle:
        handle.write(b"---\nid: p-1\nstatus: open\n---\n")
        handle.truncate(20 * 1024 * 1024)
    assert [(p.path, p.code) for p in problems_of(document)] == [(f"{B}/008.md", "ZD004")]


def test_symlink_to_passwd(document: Path) -> None:
    os.symlink("/etc/passwd", document / B / "008.md")
    problems = problems_of(document)
    assert [(p.path, p.code) for p in problems] == [(f"{B}/008.md", "ZD003")]
    assert "root:" not in "".join(p.message for p in problems)


def test_symlinked_folder_is_not_followed(document: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "section.yaml").write_text("heading: C. Outside\n")
    os.symlink(outside, document / "outcome" / "03-c-outside")
    assert [(p.path, p.code) for p in problems_of(document)] == [("outcome/03-c-outside", "ZD003")]


def test_fifo_is_not_opened(document: Path) -> None:
    os.mkfifo(document / B / "008.md")
    assert [(p.path, p.code) for p in problems_of(document)] == [(f"{B}/008.md", "ZD003")]


def test_path_outside_the_document_is_refused(document: Path) -> None:
    result = run_cli(document, "check", "../x.md")
    assert result.returncode == 2
    assert result.stderr.strip() == "zerodraft check: '../x.md' is not inside outcome/"


def test_no_document_folder(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "check")
    assert result.returncode == 2
    assert "there is no 'outcome/' folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_configuration_files(document: Path) -> None:
    (document / "outcome" / "document.yaml").unlink()
    (document / "outcome" / "delegations.yaml").unlink()
    codes = {(p.path, p.code) for p in problems_of(document)}
    assert ("outcome/document.yaml", "ZD501") in codes
    assert ("outcome/delegations.yaml", "ZD502") in codes


def test_reading_a_commit_gives_the_same_problems(repo: Path) -> None:
    (repo / B / "008.md").write_bytes(CASES["python tag"][0])
    os.symlink("/etc/passwd", repo / B / "009.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hostile")
    (repo / B / "008.md").unlink()
    (repo / B / "009.md").unlink()
    at_head = read(Repository(repo).tree("HEAD"))
    codes = {(p.path, p.code) for p in at_head.problems}
    assert {(f"{B}/008.md", "ZD102"), (f"{B}/009.md", "ZD003")} <= codes
    assert not Path("/tmp/pwned").exists()


def test_check_never_writes(document: Path) -> None:
    (document / B / "008.md").write_bytes(b"\xef\xbb\xbf---\nid: p-1\nstatus: agred\n---\r\nT.\r\n")
    before = {p: p.read_bytes() for p in (document / "outcome").rglob("*") if p.is_file()}
    run_cli(document, "check")
    after = {p: p.read_bytes() for p in (document / "outcome").rglob("*") if p.is_file()}
    assert before == after
