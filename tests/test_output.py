"""Writing whole or not at all (zerodraft.output): a file, files staged together, a folder
replaced; after a failure at the last moment, what was there is there and nothing is left
beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zerodraft.errors import Fatal
from zerodraft.output import Staged, replace_folder, temporary_folder_beside, write_atomically


def _failing_replace(monkeypatch: pytest.MonkeyPatch, call: int = 1) -> None:
    """The ``call``-th ``os.replace`` fails, as a full disk or Ctrl-C would."""
    real = os.replace
    calls = {"n": 0}

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == call:
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)


def test_a_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "new" / "draft.md"
    write_atomically(target, "1. To act.\n")
    assert target.read_text(encoding="utf-8") == "1. To act.\n"
    write_atomically(target, b"\xe2\x80\x94")
    assert target.read_bytes() == b"\xe2\x80\x94"
    assert sorted(p.name for p in target.parent.iterdir()) == ["draft.md"]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "006.md"
    target.write_text("the Chair's words\n", encoding="utf-8")
    _failing_replace(monkeypatch)
    with pytest.raises(OSError):
        write_atomically(target, "something else\n")
    assert target.read_text(encoding="utf-8") == "the Chair's words\n"
    assert [p.name for p in tmp_path.iterdir()] == ["006.md"]


def test_mode_kept_and_folder_required(tmp_path: Path) -> None:
    target = tmp_path / "006.md"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "y", keep_mode=True, sync=True)
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text(encoding="utf-8") == "y"
    with pytest.raises(Fatal) as refused:
        write_atomically(tmp_path / "missing" / "out.html", "z", make_folder=False)
    assert refused.value.message == f"there is no folder '{tmp_path / 'missing'}' to write out.html into"
    assert not (tmp_path / "missing").exists()


def test_staged_files_appear_together_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    with Staged(out) as staged:
        staged.write("draft.html", b"<p>")
        staged.write("draft.md", b"#")
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == []
    assert [p.name for p in staged.paths] == ["draft.html", "draft.md"]
    assert sorted(p.name for p in out.iterdir()) == ["draft.html", "draft.md"]
    with pytest.raises(RuntimeError), Staged(out) as again:
        again.write("draft.html", b"<p>new")
        raise RuntimeError("the Word renderer failed")
    assert (out / "draft.html").read_bytes() == b"<p>"
    assert sorted(p.name for p in out.iterdir()) == ["draft.html", "draft.md"]
    with pytest.raises(Fatal, match="not a plain file name"), Staged(out) as bad:
        bad.write("../outside.html", b"")
    assert not (tmp_path / "outside.html").exists()


def test_a_folder_is_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    first = temporary_folder_beside(out)
    (first / "index.html").write_text("one", encoding="utf-8")
    replace_folder(first, out)
    second = temporary_folder_beside(out)
    (second / "index.html").write_text("two", encoding="utf-8")
    replace_folder(second, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    third = temporary_folder_beside(out)
    (third / "index.html").write_text("three", encoding="utf-8")
    _failing_replace(monkeypatch, call=2)  # the old one moves aside, the new one cannot move in
    with pytest.raises(OSError):
        replace_folder(third, out)
    monkeypatch.undo()
    assert (out / "index.html").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir() if p != third) == ["site"]
