"""Commit messages, author names, branch names and pull-request descriptions are data: one
hostile commit must not break the compilation for every delegation, nor reach a reader's
terminal, page or Word file as anything but visible text (issue 12, attack 4)."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import IDENTITY
from policy_helpers import A, edit, with_logins, zerodraft

ESCAPE = "\x1b]0;pwned\x07\x1b[2J"
HOSTILE_SUBJECT = f"Kenya: OP5 {ESCAPE} \u202eevil\u202c zero\u200bwidth"
HOSTILE_AUTHOR = "UNODA\u202e Secretariat\x1b[31m"


def commit(repo: Path, message: str, author: str = "Kenya") -> None:
    env = {**IDENTITY, "HOME": str(repo), "PATH": "/usr/bin:/bin", "GIT_AUTHOR_NAME": author}
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-F", "-"], cwd=repo, env=env, input=message.encode(), check=True)


def hidden(text: str) -> list[str]:
    """Raw control, bidirectional and zero-width characters left in ``text`` (line ends are fine)."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or c in BAD]


BAD = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b"


@pytest.fixture
def hostile(repo: Path) -> Path:
    """A proposal branch whose commit message and author name carry escape sequences,
    bidirectional overrides and zero-width characters; the branch name a zero-width space."""
    with_logins(repo)
    subprocess.run(["git", "checkout", "-q", "-b", "kenya-op5\u200b"], cwd=repo, check=True)
    edit(repo / f"{A}/005.md", "different situations", "differing situations")
    commit(repo, f"{HOSTILE_SUBJECT}\n\nBecause {ESCAPE} we say so.\n\nDelegation: Kenya\n", HOSTILE_AUTHOR)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    subprocess.run(["git", "merge", "-q", "--no-ff", "-m", f"Merge {ESCAPE}", "kenya-op5\u200b"], cwd=repo, check=True)
    subprocess.run(["git", "checkout", "-q", "-b", "norway-op4", "HEAD~1"], cwd=repo, check=True)
    edit(repo / f"{A}/004.md", "status: open", "status: open\nsupported-by: [Norway]")
    commit(repo, f"Norway {ESCAPE}\u202e\n\nRationale {ESCAPE}\n", HOSTILE_AUTHOR)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_compile_with_hostile_commit_messages_writes_the_compilation(hostile: Path, fmt: str) -> None:
    out = hostile / f"compilation.{fmt}"
    result = zerodraft(hostile, "compile", "--refs", "refs/heads/*", "-o", str(out))
    assert result.returncode == 0, result.stderr
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs)
    else:
        text = out.read_text(encoding="utf-8")
    assert "Rationale" in text and "\ufffd" in text
    assert hidden(text) == []


def test_history_never_prints_a_raw_control_character(hostile: Path) -> None:
    result = zerodraft(hostile, "history", "5")
    assert result.returncode == 0, result.stderr
    assert hidden(result.stdout) == []
    assert "Kenya: OP5 \ufffd]0;pwned\ufffd\ufffd[2J \ufffdevil\ufffd zero\ufffdwidth" in result.stdout
    assert "UNODA\ufffd Secretariat\ufffd[31m" in result.stdout  # a delegation's commit "as the secretariat" shows
    result = zerodraft(hostile, "history", "5", "--format", "json")
    assert hidden(json.loads(result.stdout)["events"][0]["subject"]) == []


def test_a_separator_in_a_subject_cannot_hide_a_commit(hostile: Path) -> None:
    edit(hostile / f"{A}/005.md", "differing", "different")
    commit(hostile, "Hidden?\x1f\x1e\x1fno")
    result = zerodraft(hostile, "history", "5")
    assert "Hidden?\ufffd\ufffd\ufffdno" in result.stdout


def test_the_site_shows_hostile_authors_as_text(hostile: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = zerodraft(hostile, "site", "-o", str(site))
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        assert hidden(page.read_text(encoding="utf-8")) == [], page
    assert any("UNODA\ufffd Secretariat" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_pr_check_names_a_hostile_branch_as_data(hostile: Path) -> None:
    env_branch = "refs/heads/norway-op4"
    result = zerodraft(hostile, "pr-check", "--base", "main", "--head", env_branch, "--author", "norway-mission")
    assert result.returncode == 0, result.stdout + result.stderr
    assert hidden(result.stdout + result.stderr) == []
    assert os.linesep not in result.stdout.rstrip("\n")


def test_who_did_it_a_commit_authored_as_the_secretariat_reads_as_the_delegations(repo: Path, tmp_path: Path) -> None:
    """Kenya authors its commit as "UNODA Secretariat"; GitHub's merge records the pull request's
    login and the person who merged: the history and the site show both next to the author."""
    with_logins(repo)
    subprocess.run(["git", "checkout", "-q", "-b", "op5"], cwd=repo, check=True)
    edit(repo / f"{A}/005.md", "different situations", "differing situations")
    commit(repo, "OP5: differing", author="UNODA Secretariat")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    env = {**IDENTITY, "HOME": str(repo), "PATH": "/usr/bin:/bin", "GIT_AUTHOR_NAME": "Jane Doe"}
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "-m", "Merge pull request #12 from kenya-mission/op5", "op5"],
        cwd=repo,
        env=env,
        check=True,
    )
    result = zerodraft(repo, "history", "5")
    assert "UNODA Secretariat (pull request by @kenya-mission, merged by Jane Doe): OP5: differing" in result.stdout
    event = json.loads(zerodraft(repo, "history", "5", "--format", "json").stdout)["events"][0]
    assert (event["author"], event["login"], event["merger"]) == ("UNODA Secretariat", "kenya-mission", "Jane Doe")
    site = tmp_path / "site"
    assert zerodraft(repo, "site", "-o", str(site)).returncode == 0
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert any("UNODA Secretariat (pull request by @kenya-mission, merged by Jane Doe)" in page for page in pages)


def test_a_redline_shows_a_zero_width_character(repo: Path) -> None:
    """An invisible change to a word is a check problem (ZD010) and shows in the redline."""
    subprocess.run(["git", "checkout", "-q", "-b", "invisible"], cwd=repo, check=True)
    edit(repo / f"{A}/005.md", "different situations", "diff\u200berent situations")
    commit(repo, "invisible")
    assert "ZD010 holds an invisible character (U+200B)" in zerodraft(repo, "check").stdout
    for fmt in ("md", "html", "json"):
        result = zerodraft(repo, "diff", "main", "invisible", "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert "\u200b" not in result.stdout and "diff\ufffderent" in result.stdout.replace("\\ufffd", "\ufffd")


def test_a_hostile_pull_request_description_stays_data(hostile: Path, tmp_path: Path) -> None:
    bodies = tmp_path / "bodies"
    bodies.mkdir()
    (bodies / "norway-op4.md").write_text(
        f"**Delegation(s):** Norway\u202e, <script>x</script>\n\n**Rationale:**\n{ESCAPE} because\u200b.\n",
        encoding="utf-8",
    )
    for fmt in ("md", "html", "docx"):
        out = tmp_path / f"compilation.{fmt}"
        result = zerodraft(
            hostile, "compile", "--refs", "refs/heads/norway-op4", "--bodies", str(bodies), "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
        if fmt == "docx":
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs)
        else:
            text = out.read_text(encoding="utf-8")
        assert hidden(text) == [] and "because\ufffd" in text
        assert fmt == "docx" or "<script>" not in text  # in Word it is only words
