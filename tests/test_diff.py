"""Redlines: pairing by id, word changes, every format, tracked changes proven by accepting
and rejecting them all, and the ``zerodraft diff`` command on real repositories.

Golden file: tests/data/redline/example.md; regenerate with
``ZERODRAFT_REGENERATE=1 .venv/bin/pytest tests/test_diff.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import git
from redline_helpers import accept_all, reject_all
from zerodraft import redline
from zerodraft.main import main
from zerodraft.model import Document
from zerodraft.reader import read
from zerodraft.redline import docx as redline_docx
from zerodraft.redline import html as redline_html
from zerodraft.redline import markdown as redline_markdown
from zerodraft.source import MemoryTree

GOLDEN = Path(__file__).parent / "data" / "redline"
WHEN = dt.datetime(2021, 7, 19, tzinfo=dt.UTC)


def release_round(repo: Path) -> None:
    """Tag the example as draft-2, then make Draft 3 by hand: renumber, amend, relabel,
    delete, insert."""
    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2")
    a = repo / "outcome" / "01-a-implementation"
    git(repo, "rm", "-q", "outcome/00-preamble/003.md")
    shutil.move(a / "004.md", a / "003.md")
    shutil.move(a / "005.md", a / "004.md")
    shutil.move(a / "01-national-level/006.md", a / "01-national-level/005.md")
    shutil.move(a / "01-national-level/006bis.md", a / "01-national-level/006.md")
    path = repo / "outcome/02-b-international-cooperation/007.md"
    text = path.read_text().replace("status: agreed-ad-ref", "status: open")
    path.write_text(
        text.replace("including capacity-building", "including [technology transfer and] capacity-building")
    )
    (repo / "outcome/02-b-international-cooperation/008.md").write_text(
        "---\nid: p-new-kenya\nstatus: proposed\nproposed-by: Kenya\n---\nTo report every two years.\n"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 3 by hand")


def test_example_redline(repo: Path) -> None:
    release_round(repo)
    old = read_ref(repo, "draft-2")
    new = read_ref(repo, "main")
    comparison = redline.compare(old, new, "Draft 2", "Draft 3")
    by_id = {b.id: b for b in comparison.blocks if b.what == "paragraph"}
    assert by_id["p-a1b2c3d4e503"].kind == "deleted"
    assert by_id["p-a1b2c3d4e504"].number == "3 (was 4)"
    assert by_id["p-a1b2c3d4e507"].number == "6 (was 6 bis)"
    assert by_id["p-a1b2c3d4e507"].kind == "same"
    amended = by_id["p-a1b2c3d4e508"]
    assert amended.kind == "changed"
    assert amended.label_change == "agreed ad ref → open"
    assert [c.text for c in amended.changes if c.op == "insert"] == [" [technology transfer and]"]
    assert by_id["p-new-kenya"].kind == "inserted"
    assert comparison.counts()["renumbered only"] == 4  # 3 (was 4), 4 (was 5), 5 (was 6), 6 (was 6 bis)
    markdown = redline_markdown.render(comparison)
    if os.environ.get("ZERODRAFT_REGENERATE"):
        (GOLDEN / "example.md").write_text(markdown, encoding="utf-8")
    assert markdown == (GOLDEN / "example.md").read_text(encoding="utf-8")
    data = redline_docx.render(comparison, date=WHEN)
    import docx

    remarks = [c.text for c in docx.Document(__import__("io").BytesIO(data)).comments]
    assert remarks == [
        "deleted",
        "text amended; label changed: agreed ad ref → open",
        "new paragraph, proposed by Kenya; label: proposed",
    ]
    assert accept_all(data) == [i.line() for i in redline.items(new)]
    assert reject_all(data) == [i.line() for i in redline.items(old)]


def read_ref(repo: Path, ref: str) -> Document:
    from zerodraft.git import Repository

    return read(Repository(repo).tree(ref)).document


def test_html_is_safe_and_marks_changes() -> None:
    old = doc([("a", "open", "To act <script>alert(1)</script> now.")])
    new = doc([("a", "open", "To act <script>alert(2)</script> [now].")])
    page = redline_html.render(redline.compare(old, new, "Draft 2", "Draft 3"))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<ins>" in page and "<del>" in page
    assert '<html lang="en">' in page


def test_moved_paragraph() -> None:
    old = doc([("a", "open", "First."), ("b", "open", "Second."), ("c", "open", "Third.")])
    new = doc([("b", "open", "Second."), ("c", "open", "Third."), ("a", "open", "First, now last.")])
    comparison = redline.compare(old, new)
    kinds = [(b.kind, b.id) for b in comparison.blocks if b.what == "paragraph"]
    assert kinds == [("moved-from", "a"), ("same", "b"), ("same", "c"), ("moved-to", "a")]
    assert comparison.blocks[-1].note == "moved from the start of 'A. Heading'"
    assert comparison.blocks[1].note == "moved to follow 2"


# ---- the tracked-changes property

WORDS = st.sampled_from(["To", "strengthen", "[shall]", "[should]", "the", "States", ",", "(a)", "\n", "  ", "é"])
TEXTS = st.lists(WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws).strip() or "x")
PARAS = st.lists(st.tuples(st.sampled_from(["open", "agreed", "deleted", "proposed"]), TEXTS), min_size=0, max_size=6)


def doc(paragraphs: list[tuple[str, str, str]], headings: tuple[str, ...] = ("A. Heading",)) -> Document:
    """A one-section document from (id, status, text) triples, numbered 1…n."""
    files = {
        "outcome/document.yaml": b"title: T\ndraft:\n  name: Draft 2\n",
        "outcome/delegations.yaml": b"delegations:\n  - {name: Kenya, kind: member-state}\n",
    }
    for s, heading in enumerate(headings):
        files[f"outcome/{s + 1:02d}-s/section.yaml"] = json.dumps({"heading": heading}).encode()
    for n, (ident, status, text) in enumerate(paragraphs, 1):
        files[f"outcome/01-s/{n:03d}.md"] = f"---\nid: {ident}\nstatus: {status}\n---\n{text}\n".encode()
    return read(MemoryTree(files)).document


@st.composite
def draft_pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = [(f"p{i}", status, text) for i, (status, text) in enumerate(draw(PARAS))]
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["insert", "delete", "amend", "move", "relabel"]))
        if action == "insert" or not new:
            at = draw(st.integers(0, len(new)))
            new.insert(at, (f"n{len(new)}{at}{draw(st.integers(0, 999))}", "proposed", draw(TEXTS)))
        elif action == "delete":
            new.pop(draw(st.integers(0, len(new) - 1)))
        elif action == "amend":
            at = draw(st.integers(0, len(new) - 1))
            new[at] = (new[at][0], new[at][1], draw(TEXTS))
        elif action == "move":
            item = new.pop(draw(st.integers(0, len(new) - 1)))
            new.insert(draw(st.integers(0, len(new))), item)
        else:
            at = draw(st.integers(0, len(new) - 1))
            new[at] = (new[at][0], "agreed-ad-ref", new[at][2])
    seen: set[str] = set()
    new = [p for p in new if not (p[0] in seen or seen.add(p[0]))]  # type: ignore[func-returns-value]
    heading = draw(st.sampled_from(["A. Heading", "A. New heading"]))
    return doc(old), doc(new, (heading,))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft_pairs())
def test_accepting_all_gives_new_and_rejecting_all_gives_old(pair: tuple[Document, Document]) -> None:
    old, new = pair
    data = redline_docx.render(redline.compare(old, new, "A", "B"), author="Chair", date=WHEN)
    assert accept_all(data) == [i.line() for i in redline.items(new)]
    assert reject_all(data) == [i.line() for i in redline.items(old)]


def test_docx_author_and_date(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    data = redline_docx.render(
        redline.compare(doc([("a", "open", "To act.")]), doc([("a", "open", "To act now.")])),
        author="Bureau",
        date=WHEN,
    )
    body = docx.Document(__import__("io").BytesIO(data)).element.body
    revisions = list(body.iter(qn("w:ins")))
    assert revisions
    assert {r.get(qn("w:author")) for r in revisions} == {"Bureau"}
    assert {r.get(qn("w:date")) for r in revisions} == {"2021-07-19T00:00:00Z"}


# ---- the command


def test_diff_command_formats(repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    release_round(repo)
    assert main(["-C", str(repo), "diff", "draft-2", "main", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["new"] == 1 and data["counts"]["deleted"] == 1
    assert main(["-C", str(repo), "diff", "draft-2", "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text()
    assert "<ins>" in page
    assert '<li><a href="#p-new-kenya">8 (new paragraph, proposed by Kenya)</a></li>' in page
    assert "p-a1b2c3d4e504" not in page.split("</nav>")[0]  # renumbered only: not among the changes
    assert "4 paragraphs renumbered only, not listed here: the draft's concordance gives" in page
    out = tmp_path / "r.docx"
    assert (
        main(["-C", str(repo), "diff", "draft-2", "main", "--format", "docx", "-o", str(out), "--date", "2021-07-19"])
        == 0
    )
    assert accept_all(out.read_bytes()) == [i.line() for i in redline.items(read_ref(repo, "main"))]
    # the working tree is the default second side; an uncommitted edit shows
    (repo / "outcome/00-preamble/001.md").write_text(
        (repo / "outcome/00-preamble/001.md").read_text().replace("Reiterating", "Reaffirming")
    )
    assert main(["-C", str(repo), "diff", "main"]) == 0
    assert "~~Reiterating~~**Reaffirming**" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "no-such-tag"], "there is no commit, tag or branch called 'no-such-tag'"),
        (["diff", "--", "-x"], "is not a valid ref name"),
        (["diff", "main@{yesterday}"], "there is no commit, tag or branch called 'main@{yesterday}'"),
        (["diff", "HEAD:outcome"], "there is no commit, tag or branch called 'HEAD:outcome'"),
        (["diff", "first"], "there is no 'outcome/' folder in 'first'"),
        (["diff", "main", "--format", "docx"], "say where to write it with -o"),
        (["diff", "main", "--date", "July"], "is not a date"),
    ],
)
def test_diff_bad_input(repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    (repo / "README.md").write_text("x\n")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "readme")
    # a commit from before outcome/ existed
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    git(repo, "commit", "-q", "--allow-empty", "-m", "start")
    git(repo, "tag", "first")
    git(repo, "checkout", "-q", "-f", "main")
    before = sorted(p.name for p in repo.iterdir())
    assert main(["-C", str(repo), *args]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in repo.iterdir()) == before


# ---- real tools: axe-core in Chromium for the HTML redline, LibreOffice for the Word one


@pytest.mark.slow
def test_html_redline_passes_axe_core(repo: Path, tmp_path: Path) -> None:
    from browser import AXE, axe_violations, chromium

    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    release_round(repo)
    page = tmp_path / "redline.html"
    assert main(["-C", str(repo), "diff", "draft-2", "main", "--format", "html", "-o", str(page)]) == 0
    with chromium() as driver:
        assert axe_violations(driver, page) == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_word_redline_opens_in_libreoffice(repo: Path, tmp_path: Path) -> None:
    import subprocess

    release_round(repo)
    redline_file = tmp_path / "redline.docx"
    assert main(["-C", str(repo), "diff", "draft-2", "main", "--format", "docx", "-o", str(redline_file)]) == 0
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(redline_file),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    import zipfile

    content = zipfile.ZipFile(tmp_path / "redline.odt").read("content.xml").decode()
    # LibreOffice kept the tracked changes as its own change marks, with their author
    assert "text:tracked-changes" in content
    assert "<text:insertion>" in content and "<text:deletion>" in content
    assert "Chair" in content


MARKDOWN_WORDS = st.sampled_from(["*a*", "*", "**", "b", "[c]", "`d`", "[e](https://x.org)", "_", "\n", " ", "f g"])


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKDOWN_WORDS, max_size=10), st.lists(MARKDOWN_WORDS, max_size=10))
def test_html_redline_always_nests(old_words: list[str], new_words: list[str]) -> None:
    old_text = "".join(old_words).strip() or "x"
    new_text = "".join(new_words).strip() or "y"
    page = redline_html.render(redline.compare(doc([("a", "open", old_text)]), doc([("a", "open", new_text)])))
    body = page.split("<main>", 1)[1].split("</main>", 1)[0]
    assert redline_html.well_nested(body)


def test_changes_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release_round(repo)
    assert main(["-C", str(repo), "diff", "draft-2", "main", "--changes-only"]) == 0
    out = capsys.readouterr().out
    assert "Reiterating the commitment" not in out  # paragraph 1 did not change
    assert "**3 (was 4)**" not in out  # renumbered only: no change (the concordance lists it)
    assert "## B. Consideration" in out  # the heading above a change
    assert "## A. Consideration" not in out and "### 1. At the national level" not in out  # renumbered only
    assert main(["-C", str(repo), "diff", "draft-2", "--changes-only", "--format", "docx", "-o", "x.docx"]) == 2
