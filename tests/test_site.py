"""``zerodraft site`` and ``zerodraft status``: the pages, their links, the histories, the
dashboard numbers, hostile text, and writing the site whole or not at all.  The browser
tests are in test_site_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_helpers import add_hostile, tags_of, with_drafts
from zerodraft.dashboard import dashboard
from zerodraft.errors import Fatal
from zerodraft.main import main
from zerodraft.reader import read
from zerodraft.site import MARKER, build
from zerodraft.source import WorkingTree

REPO = Path(__file__).resolve().parents[1]
HOSTILE = REPO / "tests" / "hostile" / "paragraphs"
SAFE_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "a", "nav", "ul", "ol", "li", "main", "h1", "h2",
    "h3", "h4", "p", "span", "div", "section", "header", "code", "strong", "em", "sup", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "th", "td", "form", "label", "select", "option", "input", "button", "svg", "defs",
    "pattern", "rect", "path", "circle", "text", "desc", "time", "ins", "del", "br",
}  # fmt: skip


def pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}


def links_resolve(out: Path) -> None:
    """Every relative link of every page names a file of the site (and an id in it)."""
    ids: dict[str, set[str]] = {}
    for name, html in pages(out).items():
        ids[name] = {a["id"] for _t, a in tags_of(html) if a.get("id")}  # type: ignore[misc]
    for name, html in pages(out).items():
        for tag, attrs in tags_of(html):
            href = attrs.get("href") or attrs.get("src")
            if tag not in ("a", "link", "script") or not href or href.startswith(("https://", "http://", "mailto:")):
                continue
            if tag == "link" and href == "data:,":  # the empty icon: no request for /favicon.ico
                continue
            target, _, fragment = href.partition("#")
            resolved = (out / name).parent / target if target else out / name
            resolved = resolved.resolve()
            assert resolved.is_file(), f"{name}: {href} leads nowhere"
            if fragment and resolved.suffix == ".html":
                assert fragment in ids[resolved.relative_to(out.resolve()).as_posix()], f"{name}: {href}"


def test_site_of_a_repository_with_drafts(repo: Path, tmp_path: Path) -> None:
    with_drafts(repo)
    out = tmp_path / "site"
    site = build(repo, out, downloads=("docx", "akn"))
    assert [d.name for d in site.drafts] == ["Draft 2", "Draft 3"]
    found = pages(out)
    for name in ("index.html", "editors-copy.html", "draft-2.html", "draft-3.html"):
        assert name in found
    home = found["index.html"]
    assert "2 July 2021" in home and "19 July 2021" in home
    assert home.index("Draft 3") < home.index("Draft 2"), "newest draft first"
    assert (out / "downloads" / "draft-2.docx").is_file() and (out / "downloads" / "draft-3.akn.xml").is_file()
    assert (out / "assets" / "site.js").is_file() and (out / MARKER).is_file()
    editors = found["editors-copy.html"]
    assert 'id="para-7"' in editors and 'href="#para-7"' in editors
    assert 'data-label="agreed-ad-ref"' in editors
    redline = found["redline-draft-2-draft-3.html"]
    assert "fully" in redline.split("<ins>", 1)[1]
    assert "7 (was 6 bis)" in redline  # relabelled: a change
    assert "8 (was 7)" not in redline and "1 renumbered only, listed in the concordance" in redline
    since = found["since-draft-3.html"]
    assert "open → agreed ad ref" in since
    assert 'href="since-draft-3.html"' in home and 'href="redline-draft-2-draft-3.html"' in home
    links_resolve(out)


def test_paragraph_page_numbers_and_changes(repo: Path, tmp_path: Path) -> None:
    with_drafts(repo)
    out = tmp_path / "site"
    build(repo, out, downloads=())
    page = (out / "paragraphs" / "p-a1b2c3d4e507.html").read_text(encoding="utf-8")
    # 6 bis in Draft 2, 7 in Draft 3 and in the editor's copy
    assert re.search(r"Draft 2</th><td><a href=\"../draft-2.html#para-6bis\">6 bis</a>", page)
    assert re.search(r"Draft 3</th><td><a href=\"../draft-3.html#para-7\">7</a>", page)
    assert "renamed 006bis.md → 007.md" in page
    five = (out / "paragraphs" / "p-a1b2c3d4e505.html").read_text(encoding="utf-8")
    assert "Kenya delegate" in five and "Kenya proposes to amend 5" in five
    assert "via Merge pull request #4 from kenya/amend-5" in five
    # the old 7 (now 8) keeps its own history: the renumbering does not mix two paragraphs
    eight = (out / "paragraphs" / "p-a1b2c3d4e508.html").read_text(encoding="utf-8")
    assert "renamed 007.md → 008.md" in eight and "Kenya" not in eight


def test_no_released_draft(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["-C", str(repo), "site", "-o", str(out), "--downloads", "none"]) == 0
    assert "0 released draft(s), 8 paragraph page(s)" in capsys.readouterr().out
    site = build(repo, out, downloads=())
    assert site.drafts == ()
    assert "No draft has been released yet" in (out / "index.html").read_text(encoding="utf-8")
    links_resolve(out)


def test_dashboard_numbers_are_those_of_status(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_drafts(repo)
    board = dashboard(read(WorkingTree(repo)).document)
    assert board.total.counts == (0, 2, 6, 0, 0)  # agreed, ad ref, open, proposed, deleted
    assert main(["-C", str(repo), "status"]) == 0
    text = capsys.readouterr().out
    assert re.search(r"Total\s+0\s+2\s+6\s+0\s+0\s+8", text)
    build(repo, tmp_path / "site", downloads=())
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        '<tr><th scope="row">The whole document</th><td>0</td><td>2</td><td>6</td><td>0</td><td>0</td><td>8</td></tr>'
        in home
    )
    assert "2 of 8 paragraphs are agreed or agreed ad ref." in home


def test_status_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["-C", str(repo), "status", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[-1]["item"] == "total" and rows[-1]["total"] == 8
    assert [r["short"] for r in rows] == ["Preamble", "A", "B", "Total"]


def test_hostile_paragraphs_render_harmlessly(repo: Path, tmp_path: Path) -> None:
    add_hostile(repo, sorted(HOSTILE.glob("*.md")))
    out = tmp_path / "site"
    build(repo, out, downloads=())
    for name, html in pages(out).items():
        for tag, attrs in tags_of(html):
            assert tag in SAFE_TAGS, f"{name}: <{tag}>"
            assert not any(key.startswith("on") for key in attrs), f"{name}: {attrs}"
            for key in ("href", "src"):
                value = (attrs.get(key) or "").strip().lower()
                if tag == "link" and value == "data:,":
                    continue
                assert not value.startswith(("javascript:", "data:", "vbscript:", "file:")), f"{name}: {value}"
            if tag == "script":
                assert attrs.get("src", "").endswith("assets/site.js")  # type: ignore[union-attr]
        assert "<script>" not in html
    for path in out.rglob("*"):
        assert out.resolve() in path.resolve().parents, "nothing outside the site"
    assert "مرحبا" in (out / "editors-copy.html").read_text(encoding="utf-8")


def test_written_whole_or_not_at_all(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "precious.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(Fatal, match="not a site built by zerodraft"):
        build(repo, out, downloads=())
    assert (out / "precious.txt").read_text(encoding="utf-8") == "mine"
    (out / "precious.txt").unlink()
    build(repo, out, downloads=())
    first = (out / "index.html").read_text(encoding="utf-8")
    build(repo, out, downloads=())  # a site zerodraft built is replaced
    assert (out / "index.html").read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_command_refuses_bad_options(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(repo), "site", "--downloads", "exe"]) == 2
    assert main(["-C", str(repo), "site", "--ref=--upload-pack=x"]) == 2
    assert main(["-C", str(repo), "site", "--repo-url", "javascript:alert(1)"]) == 2
    err = capsys.readouterr().err
    assert "unknown download format" in err and "not a valid ref" in err and "not a plain https://" in err


def test_site_of_this_repository(tmp_path: Path) -> None:
    """The repository's own outcome/ (Draft 2, imported, never released) and its history."""
    out = tmp_path / "site"
    site = build(REPO, out, downloads=())
    assert site.drafts == () or all(d.tag.startswith("draft-") for d in site.drafts)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Seventh Biennial Meeting of States" in home
    editors = (out / "editors-copy.html").read_text(encoding="utf-8")
    assert editors.count("data-para ") >= 100 and 'id="para-115"' in editors
    assert len(list((out / "paragraphs").glob("*.html"))) == len(site.paragraph_pages) >= 100
    assert any(site.histories.values()), "changes are found in the repository's own history"
    links_resolve(out)


def test_fifty_drafts(repo: Path, tmp_path: Path) -> None:
    from conftest import git
    from site_helpers import A, commit, set_draft

    four = repo / "outcome" / A / "004.md"
    original = four.read_text(encoding="utf-8")
    for k in range(1, 51):
        four.write_text(original.replace("Noting", f"Noting (round {k})"), encoding="utf-8")
        set_draft(repo, f"Draft {k}", f"2021-{(k - 1) // 28 + 1:02d}-{(k - 1) % 28 + 1:02d}")
        commit(repo, f"Draft {k}")
        git(repo, "tag", "-a", f"draft-{k}", "-m", f"Draft {k}")
    out = tmp_path / "site"
    site = build(repo, out, downloads=())
    assert [d.name for d in site.drafts] == [f"Draft {k}" for k in range(1, 51)]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "50 released drafts, newest first" in home
    assert home.index(">Draft 50<") < home.index(">Draft 1<")
    assert len(list(out.glob("redline-*.html"))) == 49
    assert "insertion: </span>50<" in (out / "redline-draft-49-draft-50.html").read_text(encoding="utf-8")
    page = (out / "paragraphs" / "p-a1b2c3d4e504.html").read_text(encoding="utf-8")
    assert page.count('<tr><th scope="row">Draft ') == 50
    links_resolve(out)


@pytest.mark.slow
def test_pdf_downloads_by_libreoffice(repo: Path, tmp_path: Path) -> None:
    """PDF files of every text, converted from their Word files in one LibreOffice run per core."""
    with_drafts(repo)
    out = tmp_path / "site"
    site = build(repo, out, downloads=("pdf",))
    assert site.notes == ()
    names = sorted(p.name for p in (out / "downloads").iterdir())
    assert names == ["draft-2.pdf", "draft-3.pdf", "editors-copy.pdf"], "no Word file left behind"
    for name in names:
        assert (out / "downloads" / name).read_bytes().startswith(b"%PDF")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/draft-3.pdf" download>PDF</a>' in home


def test_without_libreoffice_the_pdf_is_left_out_with_a_note(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    tools = tmp_path / "bin"
    tools.mkdir()
    git_program = shutil.which("git")
    assert git_program
    (tools / "git").symlink_to(git_program)
    monkeypatch.setenv("PATH", str(tools))  # git, and no soffice
    out = tmp_path / "site"
    site = build(repo, out, downloads=("docx", "pdf"))
    assert site.notes == ("PDF files are not included: LibreOffice was not installed where this site was built.",)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "LibreOffice was not installed" in home
    assert sorted(p.name for p in (out / "downloads").iterdir()) == ["editors-copy.docx"]


def test_rich_document_footnotes_and_unique_ids(rich: Path, tmp_path: Path) -> None:
    """Footnotes, subparagraphs, alternatives: every id unique on every page, every link
    (footnote marks on paragraph pages too) leads somewhere."""
    from conftest import git

    git(rich, "init", "-q", "-b", "main")
    git(rich, "add", "-A")
    git(rich, "commit", "-q", "-m", "Draft 2")
    git(rich, "tag", "-a", "draft-2", "-m", "Draft 2")
    out = tmp_path / "site"
    build(rich, out, downloads=())
    for name, html in pages(out).items():
        ids = [a["id"] for _t, a in tags_of(html) if a.get("id")]
        assert len(ids) == len(set(ids)), name
    assert 'href="../draft-2.html#fn-3"' in "".join(pages(out).values())  # paragraph 8's (2 is a heading's)
    links_resolve(out)


def test_links_in_a_redline_are_as_safe_as_in_the_drafts(repo: Path, tmp_path: Path) -> None:
    from conftest import git
    from site_helpers import A, commit

    git(repo, "tag", "-a", "draft-2", "-m", "Draft 2")
    four = repo / "outcome" / A / "004.md"
    four.write_text(
        four.read_text(encoding="utf-8").replace(
            "Noting", "[a](data:image/png;base64,AAAA) [b](javascript:alert(1)) [c](https://example.org) Noting"
        ),
        encoding="utf-8",
    )
    commit(repo, "links")
    out = tmp_path / "site"
    build(repo, out, downloads=())
    html = (out / "since-draft-2.html").read_text(encoding="utf-8")
    hrefs = [a["href"] for t, a in tags_of(html) if t == "a" and a.get("href")]
    assert "https://example.org" in hrefs
    assert not [h for h in hrefs if h and h.lower().startswith(("data:", "javascript:"))], hrefs


def test_odd_tags_a_tag_without_the_document_and_markup_in_a_tag_name(repo: Path, tmp_path: Path) -> None:
    from conftest import git

    empty_tree = git(repo, "hash-object", "-t", "tree", "/dev/null").strip()
    orphan = git(repo, "commit-tree", empty_tree, "-m", "nothing here").strip()
    git(repo, "tag", "draft-0", orphan)
    git(repo, "tag", "draft-<b>&'x", "HEAD")
    out = tmp_path / "site"
    site = build(repo, out, downloads=())
    assert [d.tag for d in site.drafts] == ["draft-<b>&'x"]
    assert site.notes and "draft-0 is left out" in site.notes[0]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>&" not in home and "draft-0 is left out" in home
    draft = (out / f"{site.drafts[0].slug}.html").read_text(encoding="utf-8")
    assert "draft-&lt;b&gt;&amp;&#x27;x" in draft
    links_resolve(out)
