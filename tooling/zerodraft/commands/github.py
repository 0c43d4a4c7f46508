"""``zerodraft github``: the protection the base branch needs, as JSON for GitHub's API.

    zerodraft github | gh api -X PUT repos/OWNER/REPO/branches/main/protection --input -

The pull-request check judges a pull request against its base as it was when the check ran;
requiring branches to be up to date (``strict``), or a merge queue, makes that the base it
lands on (docs/policy.md)."""

from __future__ import annotations

import argparse
import json
import sys

from zerodraft.github import REQUIRED_CHECKS, branch_protection


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: the protection is the same for every document


def run(args: argparse.Namespace) -> int:
    print(json.dumps(branch_protection(), indent=2))
    print(
        "Apply with: zerodraft github | gh api -X PUT repos/OWNER/REPO/branches/main/protection --input -\n"
        f"Required checks: {', '.join(REQUIRED_CHECKS)} (check.yml), with branches up to date before merging; "
        "or, instead, a merge queue requiring the same checks. Never require ci.yml: it runs the pull request's "
        "own code.\n"
        "On pull requests GitHub runs the workflow files of the pull request itself: one that edits "
        ".github/workflows/check.yml can replace the check that judges it. Such a pull request is the "
        "secretariat's to review (code owners; pr-check refuses it, ZD902, when it runs); where the account "
        "allows it, also add a ruleset on main that requires check.yml as a workflow from main "
        "(Rulesets > Require workflows to pass before merging), so the judging workflow always comes from main "
        "(docs/security.md, threat 22).",
        file=sys.stderr,
    )
    return 0
