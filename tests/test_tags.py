"""Forged and unsigned draft tags: the release workflow's own `verify` script, run with bash
on real repositories and real SSH signatures, publishes only a tag signed by a key listed in
`.github/allowed_signers`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import git

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen signs the tags")


def verify_script() -> str:
    """The `run:` of the release workflow's step that verifies the tag."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in workflow["jobs"]["verify"]["steps"] if "verify-tag" in s.get("run", "")]
    assert step["env"] == {"TAG": "${{ github.ref_name }}"}
    return str(step["run"])


def key(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "keys" / name
    path.parent.mkdir(exist_ok=True)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)], check=True)
    return path


def tag(repo: Path, name: str, how: str, signing_key: Path | None = None) -> None:
    if how == "lightweight":
        git(repo, "tag", name)
    elif how == "unsigned":
        git(repo, "tag", "-a", "-m", name, name)
    else:
        assert signing_key is not None
        git(repo, "-c", "gpg.format=ssh", "-c", f"user.signingkey={signing_key}", "tag", "-s", "-m", name, name)


def run_verify(origin: Path, tmp_path: Path, name: str) -> subprocess.CompletedProcess[str]:
    """Clone ``origin`` as the workflow's checkout does and run the verify step for ``name``."""
    work = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "TAG": name}
    return subprocess.run(
        ["bash", "-e", "-c", verify_script()], cwd=work, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture
def origin(repo: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The secretariat's repository listing one signer; returns it, the signer's key, and a stranger's."""
    secretariat, stranger = key(tmp_path, "secretariat"), key(tmp_path, "stranger")
    public = secretariat.with_suffix(".pub").read_text(encoding="utf-8").split()
    (repo / ".github").mkdir()
    (repo / ".github" / "allowed_signers").write_text(
        f'secretariat@example.org namespaces="git" {public[0]} {public[1]}\n', encoding="utf-8"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Signers")
    return repo, secretariat, stranger


@pytest.mark.parametrize("how", ["signed by the secretariat", "signed by a stranger", "unsigned", "lightweight"])
def test_release_workflow_verifies_the_tag(origin: tuple[Path, Path, Path], tmp_path: Path, how: str) -> None:
    repo, secretariat, stranger = origin
    tag(repo, "draft-3", how.split()[0], secretariat if "secretariat" in how else stranger)
    result = run_verify(repo, tmp_path, "draft-3")
    if how == "signed by the secretariat":
        assert result.returncode == 0, result.stderr
        assert 'Good "git" signature for secretariat@example.org' in result.stderr
    else:
        assert result.returncode != 0, "the publish job must not run"


def test_option_like_tag_name_is_not_an_option(origin: tuple[Path, Path, Path], tmp_path: Path) -> None:
    repo, _, _ = origin
    result = run_verify(repo, tmp_path, "--help")
    assert result.returncode != 0
    assert "usage: git verify-tag" not in result.stdout + result.stderr


def test_without_allowed_signers_the_step_says_so(repo: Path, tmp_path: Path) -> None:
    tag(repo, "draft-3", "unsigned")
    result = run_verify(repo, tmp_path, "draft-3")
    assert result.returncode == 0
    assert "tag signatures are not required in this repository" in result.stdout
    assert result.stdout.startswith("::warning title=Tag signing is off::")  # shown on the run, not only logged


def test_the_script_reads_the_tag_only_from_env() -> None:
    assert "${{" not in verify_script() and '"$TAG"' in verify_script()
