"""`zerodraft compile`: pending proposals from branches and pull-request refs, paragraph by
paragraph, against golden files.  Regenerate the golden files after a deliberate change with
``ZERODRAFT_REGENERATE=1 .venv/bin/pytest tests/test_compile.py`` and review the diff."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import git, write_paragraph
from policy_helpers import NAT, A, B, edit, with_logins, zerodraft
from zerodraft import wordiff
from zerodraft.compilation import html as compilation_html
from zerodraft.compilation import md as compilation_markdown

GOLDEN = Path(__file__).parent / "data" / "compile"


def branch(repo: Path, name: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    git(repo, "checkout", "-q", "main")


@pytest.fixture
def proposals(repo: Path) -> Path:
    with_logins(repo)
    git(repo, "checkout", "-q", "-b", "kenya")
    edit(repo / f"{A}/005.md", "different situations", "diverse situations")
    branch(repo, "kenya", "Kenya: diverse situations\n\nThe situations of States are diverse, not merely different.")
    git(repo, "checkout", "-q", "-b", "eu")
    edit(repo / f"{A}/005.md", "different situations, capacities", "national capacities")
    write_paragraph(
        repo / f"{A}/005bis.md",
        "p-eu-0000001",
        "To *promote* [gender-responsive] measures <b>now</b>.",
        "proposed",
        proposed_by="EU",
    )
    branch(repo, "eu", "Proposals on 5\n\nDelegation: EU")
    git(repo, "checkout", "-q", "-b", "iran")
    edit(repo / f"{NAT}/006bis.md", "opposed-by: [Iran (Islamic Republic of)]", "opposed-by: [IRN, Kenya]")
    branch(repo, "iran", "Kenya joins")
    git(repo, "checkout", "-q", "-b", "pull-7")
    edit(repo / f"{A}/004.md", "status: open", "status: deleted")
    write_paragraph(repo / f"{B}/007alt.md", "p-alt-0000001", "To cooperate.", "proposed", proposed_by="NOR")
    branch(repo, "pull-7", "wip")
    git(repo, "update-ref", "refs/pull/7/head", "pull-7")
    git(repo, "branch", "-q", "-D", "pull-7")
    git(repo, "branch", "-q", "merged")  # no change: not a proposal
    git(repo, "checkout", "-q", "--orphan", "stray")
    git(repo, "commit", "-q", "-m", "unrelated")
    git(repo, "checkout", "-q", "-f", "main")
    bodies = repo / "bodies"
    bodies.mkdir()
    (bodies / "7.md").write_text(
        "<!-- template note -->\n**Delegation(s):** Norway\n\n**Paragraphs concerned:** 4, 7 alt\n\n"
        "**Rationale:**\n4 duplicates 5; 7 alt is shorter.\n",
        encoding="utf-8",
    )
    return repo


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZERODRAFT_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_markdown_golden(proposals: Path) -> None:
    result = zerodraft(proposals, "compile", "--bodies", "bodies")
    assert result.returncode == 0, result.stderr
    golden("compilation.md", result.stdout)


def test_html_golden_written_atomically(proposals: Path) -> None:
    result = zerodraft(proposals, "compile", "--bodies", "bodies", "--output", "out/compilation.html")
    assert result.returncode == 2
    assert "there is no folder 'out'" in result.stderr
    (proposals / "out").mkdir()
    result = zerodraft(proposals, "compile", "--bodies", "bodies", "--output", "out/compilation.html")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "compile: 5 paragraphs, 4 branches -> out/compilation.html\n"
    assert os.listdir(proposals / "out") == ["compilation.html"]
    golden("compilation.html", (proposals / "out" / "compilation.html").read_text(encoding="utf-8"))


def test_structure(proposals: Path) -> None:
    text = zerodraft(proposals, "compile", "--bodies", "bodies").stdout
    order = [line for line in text.splitlines() if line.startswith("### ")]
    assert order == [
        "### Paragraph 4",
        "### Paragraph 5",
        "### Paragraph 5 bis (new)",
        "### Paragraph 6 bis",
        "### Paragraph 7 alt (new)",
    ]
    assert "Conflicting proposals, side by side:" in text  # Kenya and the EU both amend 5
    assert "**SUP** — Norway (pull request \\#7)" in text
    assert "**ALT** — Norway (pull request \\#7)" in text
    assert "**NOC** — Kenya (branch iran)" in text
    pending, left_out = text.split("## Branches and pull requests left out\n")
    assert "merged" not in pending and "stray" not in pending
    assert "- `refs/heads/merged`: the same commit as main\n" in left_out
    assert "- `refs/heads/stray`: shares no history with main\n" in left_out


def test_the_markdown_renders_no_markup_from_proposals(proposals: Path) -> None:
    text = zerodraft(proposals, "compile", "--bodies", "bodies").stdout
    rendered = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"]).render(text)
    assert "<b>" not in rendered and "<em>promote" not in rendered
    assert "&lt;b&gt;now&lt;/b&gt;" in rendered
    assert "<s>different situations,</s><strong>national</strong>" in rendered


def test_no_pending_proposals(repo: Path) -> None:
    result = zerodraft(repo, "compile", "--refs", "refs/heads/*")
    assert result.returncode == 0
    assert "No proposals are pending." in result.stdout


@pytest.mark.parametrize("args", [["--refs", "--x"], ["--refs", "heads/*"], ["--base", "-main"], ["--bodies", "nope"]])
def test_bad_arguments(repo: Path, args: list[str]) -> None:
    argv = ["compile", *args] if args[0] != "--refs" else ["compile", f"--refs={args[1]}"]
    result = zerodraft(repo, *argv)
    assert result.returncode == 2
    assert result.stderr.startswith("zerodraft compile: ") or "usage:" in result.stderr


words = st.text(alphabet=st.sampled_from(list("ab [],.*_<>&\n")), max_size=40)


@given(words, words)
def test_html_redline_keeps_both_texts(old: str, new: str) -> None:
    marked = compilation_html.redline(tuple(wordiff.compare(old, new)))
    plain = lambda s: html.unescape(re.sub(r"<[^>]+>", "", s.replace("<br>\n", "\n")))  # noqa: E731
    assert plain(re.sub(r"<del>.*?</del>", "", marked, flags=re.S)) == new
    assert plain(re.sub(r"<ins>.*?</ins>", "", marked, flags=re.S)) == old


@given(st.text(max_size=60))
def test_markdown_escape_keeps_text_literal(text: str) -> None:
    md = MarkdownIt("commonmark", {"html": False})
    rendered = md.render(compilation_markdown.escape(text.replace("\n", " ")))
    assert "<a " not in rendered and "<em>" not in rendered and "<img" not in rendered


def test_word_with_tracked_changes_by_delegation(proposals: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    assert zerodraft(proposals, "compile", "--format", "word").returncode == 2  # needs a file
    result = zerodraft(proposals, "compile", "--bodies", "bodies", "-o", "compilation.docx")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(proposals / "compilation.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 3")]
    assert headings == [
        "Paragraph 4",
        "Paragraph 5",
        "Paragraph 5 bis (new)",
        "Paragraph 6 bis",
        "Paragraph 7 alt (new)",
    ]
    body = document.element.body
    authors = {(e.tag.rsplit("}", 1)[1], e.get(qn("w:author"))) for e in body.iter(qn("w:ins"), qn("w:del"))}
    assert authors == {
        ("del", "Norway"),
        ("del", "European Union"),
        ("ins", "European Union"),
        ("del", "Kenya"),
        ("ins", "Kenya"),
        ("ins", "Norway"),
    }
    inserted = "".join(t.text for e in body.iter(qn("w:ins")) for t in e.iter(qn("w:t")))
    assert "To *promote* [gender-responsive] measures <b>now</b>." in inserted  # text, never markup
    (table,) = document.tables  # the conflict on paragraph 5, side by side
    assert [c.text for c in table.rows[0].cells] == [
        "",
        "MOD — European Union (branch eu)",
        "MOD — Kenya (branch kenya)",
    ]


@pytest.mark.slow
def test_word_opens_in_libreoffice(proposals: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (libreoffice-writer-nogui) is needed"
    assert zerodraft(proposals, "compile", "--bodies", "bodies", "-o", "compilation.docx").returncode == 0
    profile = tmp_path_factory.mktemp("lo-profile")
    out = tmp_path_factory.mktemp("lo-out")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(out),
            str(proposals / "compilation.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (out / "compilation.txt").read_text(encoding="utf-8-sig")
    assert "Compilation of proposals — Draft 2" in text
    assert "Paragraph 7 alt (new)" in text


def test_markdown_redline_keeps_line_breaks_without_trailing_spaces() -> None:
    changes = tuple(wordiff.compare("To act:\n(a) now;\n(b) later.", "To act:\n(a) soon;\n(b) later."))
    text = compilation_markdown.redline(changes)
    assert not any(line.endswith(" ") for line in text.splitlines())
    rendered = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").render(text)
    assert rendered == "<p>To act:<br />\n(a) <s>now</s><strong>soon</strong>;<br />\n(b) later.</p>\n"


def test_a_label_change_alone_is_shown(repo: Path) -> None:
    with_logins(repo)
    git(repo, "checkout", "-q", "-b", "kenya")
    edit(repo / f"{A}/004.md", "status: open", "status: proposed\nproposed-by: [KEN]")
    git(repo, "commit", "-qam", "Kenya proposes 4")
    text = zerodraft(repo, "compile").stdout
    assert "**NOC** — Kenya (branch kenya)" in text
    assert "*proposed-by: Kenya; status: proposed*" in text
