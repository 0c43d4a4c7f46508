"""One history for the site and ``zerodraft history``: on a real repository with two
renumbering releases, insertions, deletions, a move and merged pull requests, both tell the
same story for every paragraph, and the story follows ids, not file names.

The case that once went wrong: in one release 6 (amended, then deleted) leaves and 6 bis
becomes 6.  Git sees "006.md changed"; the concordance knows that the new 6 is the old 6 bis,
and the amendment belongs to the paragraph that left.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from conftest import git
from test_render_html import tags_of
from test_rounds import ident, pull_request, zd
from zerodraft.rounds.history import Event
from zerodraft.site import collect

A = "outcome/01-a-implementation"
NATIONAL = f"{A}/01-national-level"
B = "outcome/02-b-international-cooperation"

pytestmark = pytest.mark.usefixtures("secretariat")


@pytest.fixture(scope="module")
def negotiation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Import → Draft 2 (6 bis becomes 7, 7 becomes 8) → a round: 6 amended, then deleted,
    6 bis inserted, 5 moved into the national level, 8 corrected on main → Draft 3 (6 leaves
    and 6 bis becomes 6, in the same file name) → a round: 8 bis inserted, 7 deleted, 4
    supported → Draft 4 (7 leaves, 8 becomes 7, 8 bis becomes 8) → 4 agreed after it."""
    from conftest import EXAMPLE, committed_as_secretariat

    repo = tmp_path_factory.mktemp("one-history")
    with committed_as_secretariat(EXAMPLE, repo, "Import of Draft 2"):
        zd(repo, "release", "--format", "none", "Draft 2", "--date", "2021-07-02")
        names = {
            "five": ident(repo, f"{A}/005.md"),
            "six": ident(repo, f"{NATIONAL}/006.md"),
            "seven": ident(repo, f"{NATIONAL}/007.md"),
            "eight": ident(repo, f"{B}/008.md"),
        }
        pull_request(repo, 1, "amend", "6", "--delegation", "Kenya", "--text", "To review national controls.")
        pull_request(repo, 2, "delete", "6", "--delegation", "EU")
        pull_request(repo, 3, "insert-after", "6", "--delegation", "EU", "--text", "To mark every weapon.")
        names["six bis"] = ident(repo, f"{NATIONAL}/006bis.md")
        git(repo, "mv", f"{A}/005.md", f"{NATIONAL}/005.md")
        git(repo, "commit", "-q", "-m", "Move 5 into the national level")
        eight = repo / B / "008.md"
        eight.write_text(eight.read_text(encoding="utf-8").replace("To ", "To further ", 1), encoding="utf-8")
        git(repo, "commit", "-q", "-am", "Secretariat corrects 8")
        zd(repo, "check")
        zd(repo, "release", "--format", "none", "Draft 3", "--date", "2021-07-19")
        assert ident(repo, f"{NATIONAL}/006.md") == names["six bis"]
        pull_request(repo, 4, "insert-after", "8", "--delegation", "IRN", "--text", "To report every two years.")
        names["eight bis"] = ident(repo, f"{B}/008bis.md")
        pull_request(repo, 5, "delete", "7", "--delegation", "EU")
        pull_request(repo, 6, "support", "4", "--delegation", "Kenya")
        zd(repo, "release", "--format", "none", "Draft 4", "--date", "2021-07-26")
        assert ident(repo, f"{B}/007.md") == names["eight"]
        assert ident(repo, f"{B}/008.md") == names["eight bis"]
        four = repo / A / "004.md"
        four.write_text(four.read_text(encoding="utf-8").replace("status: open", "status: agreed-ad-ref"), "utf-8")
        git(repo, "commit", "-q", "-am", "4 agreed ad ref")
    return repo, names


def cli(repo: Path, reference: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    zd(repo, "history", reference, "--format", "json")
    found: dict[str, object] = json.loads(capsys.readouterr().out)
    return found


def test_site_and_cli_tell_the_same_story_for_every_paragraph(
    negotiation: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, names = negotiation
    site, _repository = collect(repo)
    ids = set(site.histories) | set(names.values())
    assert len(ids) == 10  # the 8 imported, 6 bis and 8 bis
    out = tmp_path / "site"
    zd(repo, "site", "-o", str(out), "--downloads", "none")
    for paragraph in sorted(ids):
        told = cli(repo, paragraph, capsys)
        events = [asdict(e) for e in site.histories.get(paragraph, ())]
        assert told["events"] == events, paragraph
        assert told["events"], f"{paragraph} has no history"
        page = out / site.paragraph_pages[paragraph]
        listed = _changes_on(page.read_text(encoding="utf-8"))
        # the page shows who vouches for the author: the pull request's login, who merged it
        shown = [(e["commit"][:10], Event(**e).who(), e["subject"]) for e in events]
        assert listed == shown, paragraph


def _changes_on(html: str) -> list[tuple[str, str, str]]:
    """(commit, author, subject) of each item of a paragraph page's "Every change" list."""
    section = html.split('<ol class="changes" reversed>', 1)[1].split("</ol>", 1)[0]
    found = []
    for item in section.split("<li>")[1:]:
        author = item.split("<strong>", 1)[1].split("</strong>", 1)[0]
        subject = item.split("</strong>: ", 1)[1].split(" <span", 1)[0].split(" (via ", 1)[0]
        commit = item.split("<code>", 1)[1].split("</code>", 1)[0]
        found.append((commit, _unescape(author), _unescape(subject)))
    return found


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_a_number_reused_in_one_release_keeps_two_histories(
    negotiation: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """6 amended and deleted leaves at Draft 3, and 6 bis becomes 6 in the same file name:
    each keeps its own changes."""
    repo, names = negotiation
    six = cli(repo, names["six"], capsys)
    assert (six["number"], six["path"]) == ("deleted", f"{NATIONAL}/006.md")
    assert _numbers(six) == [("Draft 2", "6"), ("Draft 3", "deleted"), ("Draft 4", "gone")]
    assert _told(six)[:3] == [
        ("Draft 3", "removed", "6 → deleted"),
        ("European Union proposes to delete 6", "changed", ""),
        ("Kenya proposes to amend 6", "changed", ""),
    ]
    new_six = cli(repo, "6", capsys)
    assert new_six["id"] == names["six bis"]
    assert _told(new_six) == [
        ("Draft 3", "renamed 006bis.md → 006.md", "6 bis → 6"),
        ("European Union proposes 6 bis after 6", "added", ""),
    ]
    assert _numbers(new_six) == [("Draft 2", ""), ("Draft 3", "6"), ("Draft 4", "6")]


def test_renumbered_twice_moved_and_merged(
    negotiation: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, names = negotiation
    eight = cli(repo, names["eight"], capsys)
    assert _numbers(eight) == [("Draft 2", "8"), ("Draft 3", "8"), ("Draft 4", "7")]
    assert _told(eight) == [
        ("Draft 4", "renamed 008.md → 007.md", "8 → 7"),
        ("Secretariat corrects 8", "changed", ""),
        ("Draft 2", "renamed 007.md → 008.md", "7 → 8"),
        ("Import of Draft 2", "added", ""),
    ]
    five = cli(repo, names["five"], capsys)
    moved = "moved 01-a-implementation/005.md → 01-a-implementation/01-national-level/005.md"
    assert ("Move 5 into the national level", moved, "") in _told(five)
    eight_bis = cli(repo, names["eight bis"], capsys)
    added = eight_bis["events"][-1]  # type: ignore[index]
    assert (added["what"], added["subject"]) == ("added", "Iran (Islamic Republic of) proposes 8 bis after 8")
    assert added["merged_by"].startswith("Merge pull request #4 from ")


def _told(found: dict[str, object]) -> list[tuple[str, str, str]]:
    events = found["events"]
    assert isinstance(events, list)
    return [(e["subject"], e["what"], e["renumbered"]) for e in events]


def _numbers(found: dict[str, object]) -> list[tuple[str, str]]:
    drafts = found["drafts"]
    assert isinstance(drafts, list)
    return [(d["name"], d["number"]) for d in drafts]


def test_the_site_page_shows_the_ids_story(negotiation: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """The page of the paragraph that is 6 since Draft 3 (6 bis before) does not list the
    amendment of the 6 that left; the page of the 6 that left does."""
    repo, names = negotiation
    out = tmp_path / "site"
    zd(repo, "site", "-o", str(out), "--downloads", "none")
    site, _repository = collect(repo)
    page = (out / site.paragraph_pages[names["six bis"]]).read_text(encoding="utf-8")
    assert "Kenya proposes to amend 6" not in page and "renamed 006bis.md → 006.md" in page
    gone = (out / site.paragraph_pages[names["six"]]).read_text(encoding="utf-8")
    assert "Kenya proposes to amend 6" in gone and "via Merge pull request #1 from kenya/amend-6" in gone
    assert any(tag == "ol" for tag, _attrs in tags_of(page))
