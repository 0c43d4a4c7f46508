"""The GitHub set-up in .github/: linted by zizmor, valid against the official schemas (as
shipped by check-jsonschema), and shaped as the policy requires."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from policy_helpers import zerodraft

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
UPLOAD_PAGES = "actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa"  # v3.0.1
DEPLOY_PAGES = "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e"  # v4.0.5
#: actions/cache v4.2.3 (restore and save are sub-actions of the same commit)
CACHE_RESTORE = "actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684"
CACHE_SAVE = "actions/cache/save@5a3ec84eff668545956fd18022155c47e93e2684"
PINNED = {
    CHECKOUT,
    UPLOAD_PAGES,
    DEPLOY_PAGES,
    CACHE_RESTORE,
    CACHE_SAVE,
}  # each SHA verified against the action's release


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--persona=auditor", "--no-progress", str(GITHUB)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", sorted((GITHUB / "ISSUE_TEMPLATE").glob("[!c]*.yml"))),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
)
def test_valid_against_schema(schema: str, files: list[Path]) -> None:
    assert files
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_is_hardened(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert "pull_request_target" not in text and "workflow_run" not in text
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job
        assert set(job["permissions"].values()) <= {"read", "write"}
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(?:/[\w.-]+)*@[0-9a-f]{40}", step["uses"]), step["uses"]
            assert step["uses"] in PINNED, "verify any other action's SHA before using it"
            if step["uses"] == CHECKOUT:
                assert step["with"]["persist-credentials"] is False
        if "run" in step:
            assert "${{" not in step["run"], f"{step.get('name')}: pass values through env, never interpolate"


def test_check_runs_base_tooling_on_the_proposal_as_data() -> None:
    workflow = load(GITHUB / "workflows" / "check.yml")
    assert workflow["on"]["pull_request"] == {"types": ["opened", "synchronize", "reopened", "edited"]}
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    assert job["if"] == "github.event_name == 'pull_request'"
    base, proposal, cache, install, check, pr_check = job["steps"]
    assert cache["uses"].startswith("actions/cache/restore@")  # restore only: a pull request never saves
    assert cache["with"]["key"] == "zerodraft-check-cache-${{ github.event.pull_request.base.sha }}"
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert proposal["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert base["with"]["path"] == "base" and proposal["with"]["path"] == "proposal"
    assert "./base" in install["run"] and "proposal" not in install["run"]
    assert "-C proposal check" in check["run"]
    assert check["run"].index("::stop-commands::") < check["run"].index("-C proposal check")
    assert "--format github" in pr_check["run"]
    assert pr_check["env"]["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert '--author "$PR_AUTHOR"' in pr_check["run"]
    assert '--base "$BASE_SHA" --head "$HEAD_SHA"' in pr_check["run"]
    assert "--no-merge" not in pr_check["run"]


def test_only_main_saves_the_checks_cache_that_pull_requests_restore() -> None:
    """check-cache.yml, on pushes to main only, runs main's own tooling and saves the check's
    cache under the commit; check.yml restores the base's and no workflow a pull request runs
    saves one (a pull request cannot hand another run a cache)."""
    workflow = load(GITHUB / "workflows" / "check-cache.yml")
    assert workflow["on"] == {"push": {"branches": ["main"]}}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    checkout, install, check, save = job["steps"]
    assert "ref" not in checkout["with"] and checkout["with"]["path"] == "proposal"
    assert "./proposal" in install["run"] and "-C proposal check" in check["run"]
    assert (
        save["uses"].startswith("actions/cache/save@")
        and save["with"]["key"] == "zerodraft-check-cache-${{ github.sha }}"
    )
    restore = next(
        s for s in load(GITHUB / "workflows" / "check.yml")["jobs"]["check"]["steps"] if "cache" in s.get("uses", "")
    )
    assert restore["with"]["path"] == save["with"]["path"] == "proposal/.git/zerodraft/check-cache"  # one cache version
    for other in sorted((GITHUB / "workflows").glob("*.yml")):
        if other.name != "check-cache.yml":
            assert "actions/cache/save" not in other.read_text(encoding="utf-8"), other.name
            assert "uses: actions/cache@" not in other.read_text(encoding="utf-8"), other.name


def test_check_judges_again_when_the_base_moves_and_in_the_merge_queue() -> None:
    """``edited`` (the base retargeted) and ``merge_group``: a pull request is judged against the
    base it lands on; in the queue, the queued change on the queue's own merge."""
    workflow = load(GITHUB / "workflows" / "check.yml")
    assert "edited" in workflow["on"]["pull_request"]["types"]
    assert "merge_group" in workflow["on"]
    job = workflow["jobs"]["merge-queue"]
    assert job["if"] == "github.event_name == 'merge_group'"
    assert job["permissions"] == {"contents": "read", "pull-requests": "read"}
    base, merged, install, pr_check = job["steps"]
    assert base["with"]["ref"] == "${{ github.event.merge_group.base_sha }}"
    assert merged["with"]["ref"] == "${{ github.event.merge_group.head_sha }}" and merged["with"]["fetch-depth"] == 2
    assert "./base" in install["run"] and "proposal" not in install["run"]
    assert '--base "$HEAD_SHA~1" --head "$HEAD_SHA" --author "$PR_AUTHOR"' in pr_check["run"]
    assert 'case "$number" in' in pr_check["run"]  # the pull request's number is checked before use


def test_zerodraft_github_requires_the_check_jobs_never_ci() -> None:
    """The protection `zerodraft github` prints names check.yml's jobs as they are, requires
    branches up to date, and never requires ci.yml (which runs the pull request's own code)."""
    result = zerodraft(REPO, "github")
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    names = {job["name"] for job in load(GITHUB / "workflows" / "check.yml")["jobs"].values()}
    required = settings["required_status_checks"]["checks"]
    assert {check["context"] for check in required} == names
    assert {check["app_id"] for check in required} == {15368}  # GitHub Actions: no look-alike status counts
    assert "contexts" not in settings["required_status_checks"]
    assert settings["required_status_checks"]["strict"] is True
    assert settings["required_pull_request_reviews"]["require_code_owner_reviews"] is True
    ci_jobs = {job["name"] for job in load(GITHUB / "workflows" / "ci.yml")["jobs"].values()}
    assert not ci_jobs & {check["context"] for check in required}
    assert "gh api -X PUT repos/OWNER/REPO/branches/main/protection --input -" in result.stderr
    assert "Require workflows to pass before merging" in result.stderr  # threat 22 of docs/security.md


def test_release_writes_only_in_its_publish_job() -> None:
    workflow = load(GITHUB / "workflows" / "release.yml")
    assert workflow["on"] == {"push": {"tags": ["draft-*"]}}
    writers = [name for name, job in workflow["jobs"].items() if "write" in job["permissions"].values()]
    assert writers == ["publish"]
    assert workflow["jobs"]["publish"]["permissions"] == {"contents": "write"}
    assert workflow["jobs"]["publish"]["needs"] == "verify"
    runs = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "verify-tag" in runs and "allowed_signers" in runs
    assert "gh release create" in runs


def test_pages_deploys_with_least_privilege() -> None:
    workflow = load(GITHUB / "workflows" / "pages.yml")
    assert workflow["on"] == {"push": {"branches": ["main"], "tags": ["draft-*"]}}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s.get("uses") for s in deploy["steps"]] == [DEPLOY_PAGES]
    assert build["steps"][-1]["uses"] == UPLOAD_PAGES
    runs = [step.get("run", "") for step in build["steps"]]
    [site] = [run for run in runs if "zerodraft site -o _site" in run]
    assert "--artefacts _released" in site  # released files are reused, proven by their record
    [download] = [run for run in runs if "gh release download" in run]
    assert "mkdir -p _released" in download and runs.index(download) < runs.index(site)


def test_dependabot_watches_the_actions() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert [u["package-ecosystem"] for u in config["updates"]] == ["github-actions"]


def test_pull_request_template_asks_for_the_compilation_fields() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for needed in ("Delegation", "Paragraphs concerned", "ADD", "MOD", "SUP", "Rationale"):
        assert needed in text


def test_codeowners_is_in_step_with_document_yaml() -> None:
    result = zerodraft(REPO, "codeowners", "--check")
    assert result.returncode == 0, result.stdout
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    assert "*  @unoda-secretariat" in text
    assert "/outcome/03-c-international-cooperation-assistance/  @belgium-delegate @unoda-secretariat" in text


def test_codeowners_check_reports_drift(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(REPO / "outcome", tmp_path / "outcome")
    (tmp_path / ".git").mkdir()
    result = zerodraft(tmp_path, "codeowners", "--check")
    assert result.returncode == 1
    assert result.stdout.startswith(".github/CODEOWNERS:1: ZD910 is missing; regenerate it")


def test_labels_for_gh() -> None:
    result = zerodraft(REPO, "labels")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = [label["name"] for label in data]
    assert len(set(names)) == len(names)
    for label in data:
        assert len(label["name"]) <= 50 and len(label["description"]) <= 100
        assert re.fullmatch(r"[0-9a-f]{6}", label["color"])
    for expected in (
        "status: agreed-ad-ref",
        "agenda: 01-a-implementation-programme-action",
        "agenda: preamble",
        "proposal: SUP",
    ):
        assert expected in names
    assert yaml.safe_load(zerodraft(REPO, "labels", "--format", "yaml").stdout) == data
