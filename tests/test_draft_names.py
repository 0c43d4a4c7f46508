"""Draft names where refs are asked for: ``diff "Draft 2" "Draft 3"`` and ``build --ref "Draft 3"``
read the released drafts' tags; a draft never released is named in the refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import clone_of
from site_helpers import with_drafts
from zerodraft.main import main


@pytest.fixture
def released(repo: Path) -> Path:
    """A clone of a shared origin holding Draft 2 and Draft 3 (tags draft-2, draft-3)."""
    with_drafts(repo)
    return clone_of(repo, "clone")


def test_diff_by_draft_names_is_the_diff_by_tags(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(released), "diff", "draft-2", "draft-3", "--format", "json"]) == 0
    by_tags = capsys.readouterr().out
    assert main(["-C", str(released), "diff", "Draft 2", "Draft 3", "--format", "json"]) == 0
    assert capsys.readouterr().out == by_tags.replace("(draft-2)", "(Draft 2)").replace("(draft-3)", "(Draft 3)")
    assert main(["-C", str(released), "diff", "draft 2", "DRAFT 3", "--format", "md"]) == 0


def test_build_a_draft_by_its_name(released: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["-C", str(released), "build", "--ref", "Draft 3", "--format", "txt", "-o", str(out)]) == 0
    assert (out / "draft-3.txt").read_text(encoding="utf-8").startswith("DRAFT 3, 19 July 2021\n")


def test_a_draft_never_released(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(released), "diff", "Draft 3", "Draft 4"]) == 2
    assert (
        "no draft called 'Draft 4' has been released in this repository (released drafts: draft-2, draft-3)"
        in capsys.readouterr().err
    )
