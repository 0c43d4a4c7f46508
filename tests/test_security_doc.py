"""docs/security.md names, for every threat, the tests that prove its mitigation: each of
those tests must exist (so the document cannot rot) and every threat the issue lists must be
there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SECURITY = REPO / "docs" / "security.md"
NODE = re.compile(r"`(tests/test_\w+\.py::\w+(?:\[[^\]`]*\])?)`")
THREATS = (
    "marks its own text agreed",
    "edits the checker, the workflows or CODEOWNERS",
    "Script injection through PR titles, branch names",
    "Over-privileged tokens and unpinned actions",
    "Symlinks and path traversal",
    "YAML bombs, aliases, custom tags, duplicate keys",
    "Huge or deeply nested input",
    "Invalid UTF-8, BOMs, bidirectional overrides",
    "Raw HTML and `javascript:` links",
    "Forged or unsigned draft tags",
    "A release interrupted half way",
    "Two releases at once",
    "Refs and logins that look like command-line options",
    "A stale fork, or a base that moves, gets round the pull-request policy",
    "A delegation writes a secretariat note",
    "Pull requests that pass one by one break main for everyone",
    "Hostile commit messages, author names and branch names",
    "Lesser ways round the policy",
)


def named() -> set[str]:
    return set(NODE.findall(SECURITY.read_text(encoding="utf-8")))


def collected(files: set[str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *sorted(files)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if line.startswith("tests/")}


def test_every_threat_of_the_issue_is_listed() -> None:
    headings = [line for line in SECURITY.read_text(encoding="utf-8").splitlines() if line.startswith("### ")]
    for threat in THREATS:
        section = next((h for h in headings if threat in h), None)
        assert section is not None, f"docs/security.md has no section for {threat!r}"


def test_every_test_named_exists() -> None:
    ids = named()
    assert len(ids) > 40
    existing = collected({f for f in (i.split("::")[0] for i in ids) if (REPO / f).exists()})
    functions = {i.split("[")[0] for i in existing}
    missing = sorted(i for i in ids if i not in existing and i not in functions)
    assert missing == [], "docs/security.md names tests that do not exist"


def test_every_threat_has_a_mitigation_and_a_proof() -> None:
    sections = re.split(r"^### ", SECURITY.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    assert len(sections) >= len(THREATS)
    for section in sections:
        title = section.splitlines()[0]
        assert "**Mitigation**" in section and "**Proof**" in section, title
        assert NODE.search(section.split("**Proof**")[1]), title
