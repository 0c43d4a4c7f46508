"""Every rule's message, rendered for a failing fixture into docs/checks.md, so that the
wording is read there as a delegate reads it.  The fixtures are those of
``tests/test_check.py`` (one broken example document per rule) and a few more here; the
messages are kept in ``tooling/zerodraft/data/messages.txt``, which ``zerodraft rules
--markdown`` renders.  After a deliberate change: ``ZERODRAFT_REGENERATE=1 .venv/bin/pytest
tests/test_messages.py`` then ``zerodraft rules --markdown > docs/checks.md``, and read the diff."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, REPO, write_paragraph
from test_check import CASES, problems_of
from zerodraft.rules import EXAMPLES, RULES, examples

DATA = REPO / "tooling" / "zerodraft" / "data" / EXAMPLES
B = "02-b-international-cooperation"
EXTRA = {
    "ZD003": lambda base: (base / "outcome" / B / "008.md").symlink_to("007.md"),
    "ZD204": lambda base: (base / "outcome/01-a-implementation/005.md").rename(base / "outcome" / B / "005.md"),
    "ZD701": lambda base: write_paragraph(
        base / "outcome" / B / "008.md", "p-ref-1", "As set out in paragraph 99 above."
    ),
    "ZD801": lambda base: _write(base / "outcome/concordance/draft-3.yaml", "draft: Draft 3\nparagraphs: nine\n"),
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def rendered(tmp_path: Path) -> dict[str, str]:
    """The first message of each rule with a fixture, as ``zerodraft check`` prints it."""
    out: dict[str, str] = {}
    for code, mutate in sorted([*((c, m) for c, (m, _) in CASES.items()), *EXTRA.items()]):
        base = tmp_path / code
        shutil.copytree(EXAMPLE, base / "outcome")
        mutate(base)
        found = [p for p in problems_of(base) if p.code == code]
        if found:
            out[code] = str(found[0])
    return out


def test_every_message_with_a_fixture_is_in_the_reference(tmp_path: Path) -> None:
    said = rendered(tmp_path)
    text = "".join(f"{code}\t{message}\n" for code, message in sorted(said.items()))
    if os.environ.get("ZERODRAFT_REGENERATE"):
        DATA.write_text(text, encoding="utf-8")
    assert examples() == said, "a message changed: regenerate (see this module's docstring) and read docs/checks.md"
    covered = {code for code in CASES if code[:3] in ("ZD0", "ZD1", "ZD2", "ZD3", "ZD4", "ZD5")}
    assert covered <= set(said), sorted(covered - set(said))  # every fixture of test_check.py shows its message


def test_the_reference_shows_them() -> None:
    page = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert "## What each message says" in page
    for code, message in examples().items():
        assert f"| {code} | `" in page and message.split(": ", 1)[0] in page, code
    without = [r.code for r in RULES if r.code not in examples()]
    print(f"rules without an example message yet: {' '.join(without)}")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("ZD103", "needs 'status:', the consensus label"),
        ("ZD108", "is not a delegation"),
        ("ZD110", "still holds the markers of a merge conflict"),
        ("ZD303", "does not say by whom"),
    ],
)
def test_messages_in_plain_words(code: str, words: str) -> None:
    assert words in examples()[code]
