"""The rule registry is the single source of truth for check codes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO
from zerodraft.rules import BY_CODE, RULES, markdown


def test_reference_is_generated_from_the_registry() -> None:
    assert (REPO / "docs" / "checks.md").read_text() == markdown(), (
        "docs/checks.md is stale: run `zerodraft rules --markdown > docs/checks.md`"
    )


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"ZD\d{3}", code) for code in codes)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_every_code_the_package_emits_is_registered() -> None:
    source = "\n".join(p.read_text() for p in (REPO / "tooling" / "zerodraft").rglob("*.py"))
    emitted = set(re.findall(r"\"(ZD\d{3})\"", source))
    assert emitted - set(BY_CODE) == set()


def test_every_registered_code_is_emitted_somewhere() -> None:
    source = "\n".join(p.read_text() for p in (REPO / "tooling" / "zerodraft").rglob("*.py") if p.name != "rules.py")
    unused = {code for code in BY_CODE if f'"{code}"' not in source}
    assert unused == set(), f"registered but never reported: {sorted(unused)}"


def test_check_codes_in_the_docs_exist(tmp_path: Path) -> None:
    docs = "\n".join(p.read_text() for p in (REPO / "docs").glob("*.md")) + (REPO / "README.md").read_text()
    mentioned = set(re.findall(r"\bZD\d{3}\b", docs))
    assert mentioned - set(BY_CODE) == set()
