"""The round of issue 15's "Why", replayed as real people ran it, on BMS7 Draft 2.

A secretariat releases Draft 2 from its clone of a shared bare origin.  Kenya proposes a new
paragraph after 18 with ``zerodraft propose --new-branch`` (branch ``kenya/insert-after-18bis``);
the European Union amends Kenya's proposal, amends 22 and adds a paragraph 22 bis by hand, as
GitHub's pencil button does (a file with no ``id:``, completed as the check's hint says); Iran
opposes 30 and inserts 5 bis with ``zerodraft propose``.  Every branch is pushed to the origin;
the secretariat compiles the pending proposals, merges the pull requests, marks 19 agreed (a
label-only change) and releases Draft 3, which renumbers.  Every assertion below is a line of
the issue, checked on the outputs themselves: the compilation, the redline in each format, the
CLI history and the site's paragraph pages, the old numbers, and the editor's copy.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from conftest import IDENTITY, REPO, clone_of, committed_as_secretariat, git
from policy_helpers import edit
from zerodraft.main import main

pytestmark = pytest.mark.slow

NATIONAL = "outcome/01-a-implementation-programme-action/01-national-level"


def zd(repo: Path, *args: str, code: int = 0) -> tuple[str, str]:
    """Run the command in-process in ``repo``; its standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        returned = main(["-C", str(repo), *args])
    assert returned == code, (args, returned, out.getvalue(), err.getvalue())
    return out.getvalue(), err.getvalue()


def by_hand(clone: Path, author: str, message: str) -> None:
    """Commit every change in ``clone`` as GitHub's web editor does: no zerodraft, the
    delegate's own name, the subject GitHub writes and the description the delegate typed."""
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--author", f"{author} <{author.split()[0].lower()}@example.org>", "-m", message)


def ident(repo: Path, path: str) -> str:
    """The id written in the paragraph file ``path``."""
    return (repo / path).read_text(encoding="utf-8").split("id: ", 1)[1].split("\n", 1)[0]


@dataclass(frozen=True, slots=True)
class Round:
    """What the replayed round left behind."""

    secretariat: Path
    """The secretariat's clone after Draft 3 (pushed to the shared origin)."""
    compiled: str
    """``zerodraft compile`` in the secretariat's clone before the merges: the compilation."""
    compile_said: str
    """… and what it said on standard error."""
    no_id: str
    """``zerodraft check`` in the EU's clone while its new 22 bis had no ``id:``."""
    ids: dict[str, str]
    """Paragraph ids by their number in Draft 2's round ("18 bis", "19", "22", "22 bis", "30")."""


@pytest.fixture(scope="module")
def round_(tmp_path_factory: pytest.TempPathFactory) -> Round:
    """The round of the issue's "Why", replayed (see the module's docstring)."""
    base = tmp_path_factory.mktemp("round") / "bms7"
    with committed_as_secretariat(REPO / "outcome", base, "Import of Draft 2") as patch:
        secretariat = clone_of(base, "secretariat")
        zd(secretariat, "release", "--format", "none", "Draft 2", "--date", "2021-07-02")
        git(secretariat, "push", "-q", "--follow-tags", "origin", "main")
        # Kenya, with a clone and zerodraft
        kenya = clone_of(base, "kenya")
        patch.setenv("GIT_AUTHOR_NAME", "Kenya delegate")
        zd(
            kenya,
            "propose",
            "insert-after",
            "18",
            "--delegation",
            "Kenya",
            "--text",
            "To strengthen international cooperation in tracing illicit small arms and light weapons.",
            "--new-branch",
        )
        kenya_branch = git(kenya, "branch", "--show-current").strip()
        git(kenya, "push", "-q", "origin", kenya_branch)
        # the EU, with GitHub's pencil only: it amends Kenya's proposal on a branch of Kenya's
        eu = clone_of(base, "eu")
        git(eu, "switch", "-q", "-c", "eu/amend-kenya-18bis", f"origin/{kenya_branch}")
        edit(eu / NATIONAL / "018bis.md", "in tracing", "in marking, record-keeping and tracing")
        by_hand(eu, "EU delegate", "Update 018bis.md\n\nTracing needs marking and records first.")
        git(eu, "push", "-q", "origin", "eu/amend-kenya-18bis")
        # … amends 22 and adds 22 bis, a new file with no id
        git(eu, "switch", "-q", "-c", "eu/round-3/op22", "origin/main")
        edit(eu / NATIONAL / "022.md", "including by air and sea", "including by land, air and sea")
        by_hand(eu, "EU delegate", "Update 022.md\n\nLand transport is where most diversion happens.")
        (eu / NATIONAL / "022bis.md").write_text(
            "---\nstatus: proposed\nproposed-by: [European Union]\n---\n"
            "To share information on diverted shipments with the States of transit.\n",
            encoding="utf-8",
        )
        by_hand(eu, "EU delegate", "Create 022bis.md\n\nTransit States must know.")
        no_id, _ = zd(eu, "check", code=1)
        hint = re.search(r"022bis\.md:\d+: ZD103 .*?(id: p-[0-9a-f]+)", no_id)
        assert hint, no_id
        path = eu / NATIONAL / "022bis.md"
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\n{hint.group(1)}\n", 1), "utf-8")
        by_hand(eu, "EU delegate", "Update 022bis.md")
        zd(eu, "check")
        git(eu, "push", "-q", "origin", "eu/round-3/op22")
        # Iran, with zerodraft: its opposition to 30, and a new 5 bis
        iran = clone_of(base, "iran")
        patch.setenv("GIT_AUTHOR_NAME", "Iran delegate")
        zd(iran, "propose", "oppose", "30", "--delegation", "Iran", "--new-branch")
        git(iran, "push", "-q", "origin", git(iran, "branch", "--show-current").strip())
        git(iran, "switch", "-q", "main")
        zd(
            iran,
            "propose",
            "insert-after",
            "5",
            "--delegation",
            "Iran",
            "--text",
            "Recognizing the right of States to acquire arms for their self-defence,",
            "--new-branch",
        )
        git(iran, "push", "-q", "origin", git(iran, "branch", "--show-current").strip())
        # the secretariat compiles, merges, agrees 19, releases Draft 3
        patch.setenv("GIT_AUTHOR_NAME", IDENTITY["GIT_AUTHOR_NAME"])
        git(secretariat, "fetch", "-q", "origin")
        compiled, compile_said = zd(secretariat, "compile")
        pull_requests = [  # who opened each, and from which branch, as GitHub writes the merge
            ("kenya-mission", kenya_branch),
            ("eu-presidency", "eu/amend-kenya-18bis"),
            ("eu-presidency", "eu/round-3/op22"),
            ("iran-mission", "iran-islamic-republic-of/oppose-30"),
            ("iran-mission", "iran-islamic-republic-of/insert-after-5bis"),
        ]
        for number, (login, branch) in enumerate(pull_requests, start=1):
            message = f"Merge pull request #{number} from {login}/{branch}"
            git(secretariat, "merge", "-q", "--no-ff", f"origin/{branch}", "-m", message)
        edit(secretariat / NATIONAL / "019.md", "status: open", "status: agreed")
        git(secretariat, "commit", "-q", "-am", "19 agreed")
        zd(secretariat, "check")
        ids = {
            "18 bis": ident(secretariat, f"{NATIONAL}/018bis.md"),
            "19": ident(secretariat, f"{NATIONAL}/019.md"),
            "22": ident(secretariat, f"{NATIONAL}/022.md"),
            "22 bis": ident(secretariat, f"{NATIONAL}/022bis.md"),
            "30": ident(secretariat, f"{NATIONAL}/030.md"),
        }
        git(secretariat, "push", "-q", "origin", "main")
        zd(secretariat, "release", "--format", "none", "Draft 3", "--date", "2021-07-19")
        git(secretariat, "push", "-q", "--follow-tags", "origin", "main")
    return Round(secretariat, compiled, compile_said, no_id, ids)


@pytest.fixture(scope="module")
def site(round_: Round, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the negotiation after Draft 3 (no downloads: their reuse is tested elsewhere)."""
    out = tmp_path_factory.mktemp("site") / "site"
    zd(round_.secretariat, "site", "-o", str(out), "--downloads", "none")
    return out


def told_by_the_cli(repo: Path, number: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    """``zerodraft history NUMBER``: the paragraph's id, and its changes as (commit, who, what,
    subject) newest first."""
    data = json.loads(zd(repo, "history", number, "--format", "json")[0])
    story = [
        (
            e["commit"][:10],
            e["author"],
            e["what"],
            e["subject"] + (f" (via {e['merged_by']})" if e["merged_by"] else ""),
        )
        for e in data["events"]
    ]
    return str(data["id"]), story


CHANGE = re.compile(
    r"<li><time [^>]*>[^<]*</time> — <strong>(?P<who>[^<]*)</strong>: (?P<subject>[^<]*) "
    r'<span class="what">\[(?P<what>[^<]*), commit <code>(?P<commit>[0-9a-f]+)</code>\]</span></li>'
)


def told_by_the_site(site: Path, ident: str) -> list[tuple[str, str, str, str]]:
    """The site's page of paragraph ``ident``, its "Every change", as (commit, who, what, subject)."""
    page = (site / "paragraphs" / f"{ident}.html").read_text(encoding="utf-8")
    return [
        (m["commit"], html.unescape(m["who"]).split(" (", 1)[0], html.unescape(m["what"]), html.unescape(m["subject"]))
        for m in CHANGE.finditer(page)
    ]


# ---- "compile silently leaves out proposals" ------------------------------------------------


def test_the_compilation_finds_every_proposal(round_: Round) -> None:
    text, said = round_.compiled, round_.compile_said
    assert "Pending proposals from 5 branches or pull requests" in text
    for branch in (
        "kenya/insert-after-18bis",
        "eu/amend-kenya-18bis",
        "eu/round-3/op22",
        "iran-islamic-republic-of/oppose-30",
        "iran-islamic-republic-of/insert-after-5bis",
    ):
        assert f"branch {branch} on origin" in text, branch  # refs with slashes, from the origin
    left_out = text.split("## Branches and pull requests left out\n", 1)[1].strip().splitlines()
    assert left_out == [
        "- `refs/heads/main`: the base branch (main)",
        "- `refs/remotes/origin/HEAD`: the remote's pointer to its default branch",
        "- `refs/remotes/origin/main`: the base branch (main)",
    ]
    assert said.count("compile: left out ") == 3


def test_the_compilation_speaks_as_delegates_do(round_: Round) -> None:
    text = round_.compiled
    # headings as printed, not folder names
    assert "\n## Preamble\n" in text and "\n## A. Consideration of the implementation" in text
    assert "/ 1. At the national level\n" in text
    assert "00-preamble\n" not in text and "## 01-a-" not in text
    # delegations by name; the rationale from the commit bodies, not GitHub's subject lines
    assert "**ADD** — Iran (Islamic Republic of) (branch iran-islamic-republic-of/insert-after-5bis on origin)" in text
    assert "**NOC** — Iran (Islamic Republic of) (branch iran-islamic-republic-of/oppose-30 on origin)" in text
    assert "*opposed-by: Iran (Islamic Republic of)*" in text
    assert "*Rationale:* Land transport is where most diversion happens." in text
    assert "Update 022.md" not in text and "Create 022bis.md" not in text
    assert "IRN" not in text


def test_the_eus_amendment_of_kenyas_proposal_is_credited_to_the_eu(round_: Round) -> None:
    text = round_.compiled
    row = next(line for line in text.splitlines() if line.startswith("| | **"))
    kenya = "**ADD** — Kenya (branch kenya/insert-after-18bis on origin)"
    eu = (
        "**MOD** — European Union, amending the proposal of Kenya "
        "(branch eu/amend-kenya-18bis on origin, made on branch kenya/insert-after-18bis on origin)"
    )
    assert kenya in row and eu in row and row.index(kenya) < row.index(eu)  # Kenya's first, then what the EU changed
    texts = next(line for line in text.splitlines() if line.startswith("| Text |"))
    # the EU's words against Kenya's, not against nothing
    assert "| To strengthen international cooperation in **marking, record-keeping and** tracing" in texts
    assert "| Tracing needs marking and records first. |" in text.replace("| Rationale | — ", "| Rationale ")


def test_every_format_of_the_compilation_credits_the_amender(round_: Round, tmp_path: Path) -> None:
    repo = tmp_path / "copy"
    shutil.copytree(round_.secretariat, repo, symlinks=True)
    git(repo, "reset", "-q", "--hard", "draft-2")  # back to the round before the merges
    zd(repo, "compile", "-o", str(tmp_path / "c.html"))
    page = html.unescape((tmp_path / "c.html").read_text(encoding="utf-8"))
    assert (
        "European Union, amending the proposal of Kenya" in page and "made on branch kenya/insert-after-18bis" in page
    )
    zd(repo, "compile", "-o", str(tmp_path / "c.docx"))
    word = docx.Document(str(tmp_path / "c.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    words = "\n".join([*(p.text for p in word.paragraphs), *cells])
    assert (
        "MOD — European Union, amending the proposal of Kenya "
        "(branch eu/amend-kenya-18bis on origin, made on branch kenya/insert-after-18bis on origin)"
    ) in words
    assert "Preamble" in [p.text for p in word.paragraphs]  # the heading as printed, not the folder's name


# ---- the web pencil: a new file with no id ---------------------------------------------------


def test_a_file_made_with_the_pencil_is_told_what_to_write(round_: Round) -> None:
    line = next(line for line in round_.no_id.splitlines() if "ZD103" in line)
    assert line.startswith(f"{NATIONAL}/022bis.md:")
    assert f"add the line 'id: {round_.ids['22 bis']}'" in line  # the id it printed is the id the file has now


# ---- "the site's paragraph histories are wrong after a renumbering release" ------------------


def test_kenyas_new_paragraph_has_its_own_true_history(round_: Round, site: Path) -> None:
    repo = round_.secretariat
    assert ident(repo, f"{NATIONAL}/020.md") == round_.ids["18 bis"]  # 18 bis became 20
    paragraph, story = told_by_the_cli(repo, "20")
    assert paragraph == round_.ids["18 bis"]
    assert [(who, what, subject.split(" (via ")[0]) for _c, who, what, subject in story] == [
        ("Secretariat", "renamed 018bis.md → 020.md", "Draft 3"),
        ("EU delegate", "changed", "Update 018bis.md"),  # the EU's commit is there
        ("Kenya delegate", "added", "Kenya proposes 18 bis after 18"),  # and one "added": Kenya's
    ]
    assert not any("19 agreed" in subject for *_rest, subject in story)  # old 19's commit is not 20's
    assert told_by_the_site(site, round_.ids["18 bis"]) == story
    page = (site / "paragraphs" / f"{round_.ids['18 bis']}.html").read_text(encoding="utf-8")
    assert "<strong>EU delegate (pull request by @eu-presidency, merged by Secretariat)</strong>" in page
    assert "<strong>Kenya delegate (pull request by @kenya-mission, merged by Secretariat)</strong>" in page


def test_every_paragraph_the_round_touched_tells_the_same_story(round_: Round, site: Path) -> None:
    repo = round_.secretariat
    told = {number: told_by_the_cli(repo, number) for number in ("6", "20", "21", "24", "25", "33", "19", "118")}
    for number, (paragraph, story) in told.items():
        assert told_by_the_site(site, paragraph) == story, number
    stories = {number: story for number, (_paragraph, story) in told.items()}
    moved = {"21": "19", "24": "22", "25": "22 bis", "33": "30"}  # Draft 3's number: Draft 2's round's
    assert {new: told[new][0] for new in moved} == {new: round_.ids[old] for new, old in moved.items()}
    subjects = {number: [subject.split(" (via ")[0] for *_rest, subject in story] for number, story in stories.items()}
    assert subjects["21"] == ["Draft 3", "19 agreed", "Import of Draft 2"]  # the label change is old 19's
    assert subjects["24"] == ["Draft 3", "Update 022.md", "Import of Draft 2"]  # the EU's commit on 22, not on 22 bis
    assert [who for _c, who, *_rest in stories["24"]] == ["Secretariat", "EU delegate", "Secretariat"]
    assert subjects["25"] == ["Draft 3", "Update 022bis.md"]  # 22 bis, the file the pencil made, then completed
    assert subjects["33"] == ["Draft 3", "Iran (Islamic Republic of) opposes 30", "Import of Draft 2"]
    assert subjects["19"] == ["Draft 3", "Import of Draft 2"]  # old 18: only renumbered
    assert subjects["118"] == ["Draft 3", "Import of Draft 2"]
    for number in ("19", "21", "24", "33", "118"):  # each was added once, by the import, and by nothing since
        assert [subject for _c, _w, what, subject in stories[number] if what == "added"] == ["Import of Draft 2"]


# ---- "redlines say 'amended' when only the label changed" ------------------------------------


def test_the_redline_classifies_each_change_truly(round_: Round, tmp_path: Path) -> None:
    repo = round_.secretariat
    data = json.loads(zd(repo, "diff", "Draft 2", "Draft 3", "--format", "json")[0])  # draft names, not tags
    renumbered = [b for b in data["blocks"] if b["classes"] == ["renumbered only"]]
    assert data["counts"] == {
        "text amended": 1,
        "label changed": 1,
        "positions changed": 1,
        "moved": 0,
        "new": 3,
        "deleted": 0,
        "renumbered only": len(renumbered),
    }
    assert len(renumbered) > 100  # every paragraph after 5: counted …
    changed = {
        b["number"]: b["classes"] for b in data["blocks"] if b["classes"] and b["classes"] != ["renumbered only"]
    }
    assert changed == {
        "6": ["new"],  # Iran's 5 bis
        "20": ["new"],  # Kenya's 18 bis, as the EU amended it
        "21 (was 19)": ["label changed"],  # "19 agreed": the label, not "amended"
        "24 (was 22)": ["text amended"],  # the EU's amendment
        "25": ["new"],  # the EU's 22 bis
        "33 (was 30)": ["positions changed"],  # Iran's opposition
    }
    opposed = next(b for b in data["blocks"] if b["number"] == "33 (was 30)")
    assert opposed["positions"] == "now opposed by Iran (Islamic Republic of)"
    md = zd(repo, "diff", "Draft 2", "Draft 3")[0]
    assert "**21 (was 19)** _(label changed: open → agreed)_" in md
    assert "**6** _(new paragraph, proposed by Iran (Islamic Republic of))_" in md  # who added it
    assert "**25** _(new paragraph, proposed by European Union)_" in md
    assert "_(positions changed: now opposed by Iran (Islamic Republic of); open)_" in md
    assert (
        f"1 text amended, 1 label changed, 1 positions changed, 0 moved, 3 new, 0 deleted, {len(renumbered)} renumbered only"
        in md
    )
    zd(repo, "diff", "Draft 2", "Draft 3", "--format", "html", "-o", str(tmp_path / "redline.html"))
    summary = (tmp_path / "redline.html").read_text(encoding="utf-8").split("</nav>", 1)[0]
    assert summary.count("<li>") == 6  # … but not listed among the changes
    assert f"{len(renumbered)} paragraphs renumbered only, not listed here" in summary
    assert "(label changed: open → agreed)</a>" in summary and "amended; open → agreed" not in summary
    zd(repo, "diff", "Draft 2", "Draft 3", "--format", "docx", "-o", str(tmp_path / "r.docx"), "--date", "2021-07-19")
    remarks = [c.text for c in docx.Document(str(tmp_path / "r.docx")).comments]
    assert "label changed: open → agreed" in remarks
    assert "positions changed: now opposed by Iran (Islamic Republic of)" in remarks
    assert not any("renumbered" in remark for remark in remarks)


def test_the_sites_list_of_changes_holds_the_real_ones(round_: Round, site: Path) -> None:
    page = (site / "redline-draft-2-draft-3.html").read_text(encoding="utf-8")
    assert re.search(
        r"In all: 1 text amended, 1 label changed, 1 positions changed, 3 new \(\d{3} renumbered only, listed in the concordance\)",
        page,
    )
    assert "renumbered only)</a>" not in page


# ---- old numbers and draft names --------------------------------------------------------------


def test_an_old_number_points_to_where_it_went(round_: Round) -> None:
    repo = round_.secretariat
    told = zd(repo, "history", "22 bis", "--in", "Draft 2")[0].splitlines()
    assert told[0] == "22 bis in the round before Draft 3 became 25 in Draft 3:"
    assert told[1].startswith(f"paragraph 25 ({round_.ids['22 bis']})")
    bare = zd(repo, "history", "18 bis")[0].splitlines()  # a bare number that is no more
    assert bare[0] == "18 bis in the round before Draft 3 became 20 in Draft 3:"
    assert bare[1].startswith(f"paragraph 20 ({round_.ids['18 bis']})")
    assert zd(repo, "history", "22", "--in", "Draft 2", "--format", "json")[0].count(round_.ids["22"]) == 1


# ---- "unreleased text is stamped with a released draft's name" --------------------------------


def test_the_working_tree_after_draft_3_is_an_editors_copy(round_: Round, tmp_path: Path) -> None:
    repo = tmp_path / "copy"
    shutil.copytree(round_.secretariat, repo, symlinks=True)
    edit(repo / NATIONAL / "024.md", "land, air and sea", "land, air, sea and inland waterways")
    zd(repo, "build", "--format", "txt,html", "-o", str(tmp_path / "out"))
    [text] = (tmp_path / "out").glob("*.txt")
    assert text.read_text(encoding="utf-8").startswith(
        "Editor's copy — not a released draft (after Draft 3, 1 change)\n"
    )
    [page] = (tmp_path / "out").glob("*.html")
    assert "Editor&#x27;s copy — not a released draft (after Draft 3, 1 change)" in page.read_text(encoding="utf-8")
    zd(repo, "build", "--ref", "Draft 3", "--format", "txt", "-o", str(tmp_path / "released"))
    assert (tmp_path / "released" / "draft-3.txt").read_text(encoding="utf-8").startswith("DRAFT 3, 19 July 2021\n")
