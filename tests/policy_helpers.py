"""Shared set-up for the policy tests: the example document with logins, as a git repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import git

ROSTER = """delegations:
  - {name: European Union, kind: group, code: EU, members: [Belgium], logins: [eu-presidency]}
  - {name: Belgium, kind: member-state, code: BEL, logins: [belgium-delegate, eu-presidency]}
  - {name: Iran (Islamic Republic of), kind: member-state, code: IRN, logins: [iran-mission]}
  - {name: Kenya, kind: member-state, code: KEN, logins: [kenya-mission]}
  - {name: Norway, kind: member-state, code: NOR, logins: [norway-mission]}
"""
FACILITATORS = """facilitators:
  - section: 02-b-international-cooperation
    delegation: Belgium
    logins: [belgium-delegate]
"""
A = "outcome/01-a-implementation"
NAT = f"{A}/01-national-level"
B = "outcome/02-b-international-cooperation"


def with_logins(base: Path) -> None:
    """Give the example document logins and a facilitator, and commit them on main."""
    (base / "outcome" / "delegations.yaml").write_text(ROSTER, encoding="utf-8")
    with (base / "outcome" / "document.yaml").open("a", encoding="utf-8") as handle:
        handle.write(FACILITATORS)
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Logins")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def zerodraft(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in ``cwd``."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "zerodraft", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )
