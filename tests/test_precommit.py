"""The hooks run for real: `pre-commit run --all-files` in a temporary copy of this repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, git


def _tracked_copy(target: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, files.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "copy")
    return target


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), HOME=str(cwd))
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.slow
def test_all_hooks_pass_on_this_repository(tmp_path: Path, pre_commit_home: Path) -> None:
    clone = _tracked_copy(tmp_path / "clone")
    result = _pre_commit(clone, pre_commit_home, "run", "--all-files", "--show-diff-on-failure")
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("zerodraft check", "YAML syntax", "ruff (lint)", "mypy"):
        assert re.search(rf"^{re.escape(hook)}.*Passed$", result.stdout, re.MULTILINE), result.stdout


@pytest.mark.slow
def test_the_zerodraft_hook_blocks_a_bad_commit(tmp_path: Path, pre_commit_home: Path) -> None:
    clone = _tracked_copy(tmp_path / "clone")
    assert _pre_commit(clone, pre_commit_home, "install").returncode == 0
    paragraph = next(p for p in sorted((clone / "outcome").rglob("0*.md")) if "status: open" in p.read_text())
    paragraph.write_text(paragraph.read_text().replace("status: open", "status: agred", 1))
    git(clone, "add", "-A")
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home), HOME=str(clone))
    env |= {"GIT_AUTHOR_NAME": "Kenya", "GIT_AUTHOR_EMAIL": "ke@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Kenya", "GIT_COMMITTER_EMAIL": "ke@example.org"}
    commit = subprocess.run(["git", "commit", "-m", "typo"], cwd=clone, capture_output=True, text=True, env=env)
    assert commit.returncode == 1
    rel = paragraph.relative_to(clone).as_posix()
    assert re.search(
        rf"^{re.escape(rel)}:\d+: ZD104 unknown consensus label 'agred'", commit.stdout + commit.stderr, re.MULTILINE
    )
    assert git(clone, "rev-list", "--count", "HEAD").strip() == "1", "the bad commit must not be made"


def test_hook_dependencies_match_the_package() -> None:
    """The zerodraft hook installs the same libraries the package declares."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {re.split(r"[<>=!~ ]", dep)[0].lower() for dep in project["dependencies"]}
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hook = next(h for r in config["repos"] for h in r["hooks"] if h["id"] == "zerodraft-check")
    pinned = {dep.split("==")[0].lower() for dep in hook["additional_dependencies"]}
    assert pinned == wanted
    assert all(r["repo"] == "local" for r in config["repos"]), "hooks must not need GitHub"


def test_published_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["zerodraft-check"]
    assert hooks[0]["entry"] == "zerodraft check"
