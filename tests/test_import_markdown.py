"""Markdown read through markdown-it-py's token stream: what a Markdown viewer shows is
what the import reads (input and expected outline as data, markdown-it-py's own habit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_check import problems_of
from zerodraft.main import main
from zerodraft.reader import read
from zerodraft.source import WorkingTree

CASES: dict[str, tuple[str, list[tuple[str, list[str]]]]] = {
    "items all written 1. are numbered as CommonMark numbers them": (
        "# A draft\n\n1. First.\n1. Second, with:\n   (a) a subparagraph;\n   (b) another.\n1. Third.\n",
        [("", ["1", "2", "3"])],
    ),
    "a list that starts at 3 after a heading counts on from 3": (
        "# A draft\n\n## I. One\n\n1. First.\n2. Second.\n\n## II. Two\n\n3. Third.\n3. Fourth.\n",
        [("I. One", ["1", "2"]), ("II. Two", ["3", "4"])],
    ),
    "setext headings by level, lazy lines folded into their paragraph": (
        "A draft\n=======\n\nPart one\n--------\n\n1. First paragraph\ncontinued lazily.\n\n2. Second.\n",
        [("Part one", ["1", "2"])],
    ),
    "a pipe table stays a table, in an unnumbered paragraph": (
        "# A draft\n\n## Annex I\n\n| Zone | Regime |\n| --- | --- |\n| Area | common heritage |\n",
        [("Annex I", [""])],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    source = tmp_path / "draft.md"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    document = read(WorkingTree(tmp_path), "outcome").document
    assert problems_of(tmp_path) == []
    outline = [
        (s.heading, [document.printed_number(p) for p in document.paragraphs() if p.section[-1] == s.key])
        for s in document.walk()
        if any(p.section[-1] == s.key for p in document.paragraphs())
    ]
    assert outline == expected
    if "table" in name:
        table = next(document.paragraphs()).text
        assert table.splitlines() == ["| Zone | Regime |", "| --- | --- |", "| Area | common heritage |"]
