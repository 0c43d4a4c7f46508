"""``zerodraft check --fix``: mechanical repairs only, comments and key order kept, atomic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import write_paragraph

ZERODRAFT = [sys.executable, "-m", "zerodraft"]


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZERODRAFT, *args], cwd=cwd, capture_output=True, text=True)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_fix_repairs_label_and_bom_and_keeps_comments(document: Path) -> None:
    target = document / "outcome" / "01-a-implementation" / "005.md"
    original = target.read_text("utf-8")
    head, rest = original.split("status: ", 1)
    _, after = rest.split("\n", 1)
    target.write_text(f"{head}# decided in informals, 3 July\nstatus: Agreed ad ref\n{after}", "utf-8")
    bom = document / "outcome" / "01-a-implementation" / "004.md"
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    before = snapshot(document / "outcome")

    first = run(document, "check")
    assert first.returncode == 1
    assert "ZD104" in first.stdout and "ZD008" in first.stdout

    fixed = run(document, "check", "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "005.md: fixed ZD104" in fixed.stderr and "004.md: fixed ZD008" in fixed.stderr
    text = target.read_text("utf-8")
    assert "# decided in informals, 3 July\nstatus: agreed-ad-ref\n" in text
    keys = [line.split(":")[0] for line in text.split("---")[1].strip().splitlines() if not line.startswith("#")]
    original_keys = [line.split(":")[0] for line in original.split("---")[1].strip().splitlines()]
    assert keys == original_keys
    assert text.split("---", 2)[2] == original.split("---", 2)[2]  # the words are untouched
    assert not bom.read_bytes().startswith(b"\xef\xbb\xbf")
    after_fix = snapshot(document / "outcome")
    changed = {name for name in before if before[name] != after_fix[name]}
    assert changed == {"01-a-implementation/005.md", "01-a-implementation/004.md"}
    assert set(after_fix) == set(before)  # no temporary file left behind

    again = run(document, "check", "--fix")
    assert again.returncode == 0 and again.stderr == ""
    assert snapshot(document / "outcome") == after_fix


def test_fix_leaves_what_is_not_mechanical(document: Path) -> None:
    write_paragraph(document / "outcome" / "01-a-implementation" / "005bis.md", "p-new", "[unbalanced", status="agred")
    before = snapshot(document / "outcome")
    result = run(document, "check", "--fix")
    assert result.returncode == 1
    assert "ZD104" in result.stdout and "ZD401" in result.stdout  # 'agred' is a typo, not a spelling variant
    assert snapshot(document / "outcome") == before


def test_fix_only_touches_the_paths_named(document: Path) -> None:
    one = document / "outcome" / "01-a-implementation" / "004.md"
    two = document / "outcome" / "02-b-international-cooperation" / "007.md"
    for path in (one, two):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    run(document, "check", "--fix", "outcome/01-a-implementation")
    assert not one.read_bytes().startswith(b"\xef\xbb\xbf")
    assert two.read_bytes().startswith(b"\xef\xbb\xbf")
