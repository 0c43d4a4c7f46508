"""``zerodraft compile`` on a round as it happens: a shared origin, delegations proposing on
branches named ``kenya/insert-after-6ter`` (by ``zerodraft propose``) and by hand, a clone that
only has them as remote branches and fetched pull requests.  Every proposal is there, the
refs left out are named with the reason, headings are printed as in the draft, delegations by
their roster names, the commit body is the rationale, and an amendment of another
delegation's proposal says whose words it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import clone_of, git
from policy_helpers import NAT, edit, with_logins, zerodraft


@pytest.fixture
def round_(repo: Path) -> Path:
    """The secretariat's clone of the origin, after three delegations pushed proposals."""
    with_logins(repo)
    kenya = clone_of(repo, "kenya")
    made = zerodraft(
        kenya, "propose", "insert-after", "6 bis", "--delegation", "Kenya", "--text", "To act now.", "--new-branch"
    )
    assert made.returncode == 0, made.stderr
    branch = git(kenya, "branch", "--show-current").strip()
    assert "/" in branch  # kenya/insert-after-6ter: a name with a slash
    git(kenya, "push", "-q", "origin", branch)
    # Kenya's proposal merged into main, then the EU amends it by hand, in a branch two levels deep
    git(kenya, "switch", "-q", "main")
    git(kenya, "merge", "-q", "--no-ff", "-m", "Merge pull request #3 from kenya", branch)
    git(kenya, "push", "-q", "origin", "main")
    eu = clone_of(repo, "eu")
    git(eu, "switch", "-q", "-c", "eu/round-2/amend-6ter")
    edit(eu / NAT / "006ter.md", "To act now.", "To act now and together.")
    git(eu, "commit", "-q", "-am", "Update 006ter.md\n\nTogether, or not at all.\n\nDelegation: EU")
    git(eu, "push", "-q", "origin", "eu/round-2/amend-6ter")
    # Iran opposes 6 bis in a pull request (fetched as refs/pull/9/head)
    git(eu, "switch", "-q", "-c", "iran-oppose", "origin/main")
    edit(eu / NAT / "006bis.md", "opposed-by: [Iran (Islamic Republic of)]", "opposed-by: [IRN, Norway]")
    git(eu, "commit", "-q", "-am", "Norway joins the opposition")
    git(eu, "push", "-q", "origin", "iran-oppose:refs/pull/9/head")
    secretariat = clone_of(repo, "secretariat")
    git(secretariat, "fetch", "-q", "origin", "+refs/pull/*/head:refs/pull/*/head")
    return secretariat


def test_every_proposal_and_every_ref_left_out(round_: Path) -> None:
    result = zerodraft(round_, "compile")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Pending proposals from 2 branches or pull requests" in text
    assert "**MOD** — European Union, amending the proposal of Kenya (branch eu/round-2/amend-6ter on origin)" in text
    assert "*Rationale:* Together, or not at all." in text
    assert "Update 006ter.md" not in text  # a subject line is no rationale
    assert "(pull request \\#9)" in text and "*opposed-by: Norway*" in text
    assert "**ADD** — Kenya (branch kenya/insert-after-6ter on origin)" not in text  # merged: no longer pending
    assert "## A. Consideration of the implementation" in text and "/ 1. At the national level" in text
    assert "## 01-a-implementation" not in text
    left_out = text.split("## Branches and pull requests left out\n", 1)[1]
    assert "- `refs/heads/main`: the base branch (main)" in left_out
    assert "- `refs/remotes/origin/HEAD`: the remote's pointer to its default branch" in left_out
    assert "- `refs/remotes/origin/kenya/insert-after-6ter`: already merged into main" in left_out
    assert "compile: left out refs/remotes/origin/kenya/insert-after-6ter: already merged into main" in result.stderr


def test_the_word_and_html_compilations_say_the_same(round_: Path, tmp_path: Path) -> None:
    assert zerodraft(round_, "compile", "-o", str(tmp_path / "c.html")).returncode == 0
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "European Union, amending the proposal of Kenya" in page and "pull request #9" in page
    assert "Branches and pull requests left out" in page
    assert zerodraft(round_, "compile", "-o", str(tmp_path / "c.docx")).returncode == 0
    import docx

    words = "\n".join(p.text for p in docx.Document(str(tmp_path / "c.docx")).paragraphs)
    assert "MOD — European Union, amending the proposal of Kenya (branch eu/round-2/amend-6ter on origin)" in words
    assert "refs/remotes/origin/HEAD: the remote's pointer to its default branch" in words
