"""The hostile-input corpus (tests/hostile/): every file gets a clear answer from `zerodraft check`.

Each file is placed into a copy of the example document (see tests/hostile/expected.yaml for
where) and checked in-process. The answer must be exactly the codes the corpus expects, the
exit code must say so, no output may carry a raw control or bidirectional character, nothing
under the document may change, and nothing from the file may run.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE
from zerodraft.main import main

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED: dict[str, list[str]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text("utf-8"))
CORPUS = sorted([*HOSTILE.glob("paragraphs/*"), *HOSTILE.glob("config/*")])
PWNED = Path("/tmp/zerodraft-pwned")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def place(name: str) -> str:
    if name.startswith("document-"):
        return "outcome/document.yaml"
    if name.startswith("roster-"):
        return "outcome/delegations.yaml"
    if name.startswith("section-"):
        return "outcome/01-a-implementation/section.yaml"
    return "outcome/01-a-implementation/005bis.md"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_corpus_is_complete() -> None:
    assert len(CORPUS) >= 40
    assert {p.name for p in CORPUS} == set(EXPECTED), "every corpus file has an expectation and vice versa"


@pytest.mark.parametrize("sample", CORPUS, ids=[p.name for p in CORPUS])
def test_check_answers_clearly(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "outcome")
    shutil.copyfile(sample, tmp_path / place(sample.name))
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)

    code = main(["check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    found = sorted({p["code"] for p in report["problems"]})
    assert found == sorted(EXPECTED[sample.name])
    assert code == (1 if found else 0)

    code = main(["check"])
    out = capsys.readouterr()
    assert code == (1 if found else 0)
    assert not RAW_CONTROL.search(out.out + out.err), "output must not carry control or bidi characters"
    assert "Traceback" not in out.err and out.err == ""
    assert snapshot(tmp_path) == before
    assert not PWNED.exists()
