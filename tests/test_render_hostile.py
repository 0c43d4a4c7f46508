"""The hostile-input corpus (tests/hostile/) through `zerodraft build`: every file still
renders in every format (delegates need to see broken drafts), nothing from it runs or
escapes, the HTML stays inert and the Akoma Ntoso still validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE
from test_hostile import CORPUS, PWNED, RAW_CONTROL, place, snapshot
from test_render_akn import valid
from test_render_html import tags_of
from zerodraft.main import main

FORMATS = "md,txt,html,docx,akn,json"


@pytest.mark.parametrize("sample", CORPUS, ids=[p.name for p in CORPUS])
def test_build_renders_hostile_input(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "outcome")
    shutil.copyfile(sample, tmp_path / place(sample.name))
    before = snapshot(tmp_path / "outcome")
    monkeypatch.chdir(tmp_path)

    code = main(["build", "--format", FORMATS, "-o", "out", "--name", "draft"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "internal error" not in out.err and "Traceback" not in out.err
    assert not RAW_CONTROL.search(out.out + out.err)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"draft.{e}" for e in ("md", "txt", "html", "docx", "akn.xml", "json")
    )
    assert snapshot(tmp_path / "outcome") == before
    assert not PWNED.exists()
    valid(tmp_path / "out" / "draft.akn.xml")
    html = (tmp_path / "out" / "draft.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    for _tag, attrs in tags_of(html):
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        assert href is None or href.startswith(("https://", "http://", "mailto:", "#"))
