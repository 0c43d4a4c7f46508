"""A round on the Parts and annexes of a treaty, in real git repositories (a bare origin and
the clones of two delegations and the secretariat): Kenya proposes a new Part after Part II,
Norway proposes deleting Part IV, the secretariat merges both and releases.  Part II bis is
Part III of the new draft and the Parts after it move up, the deleted Part leaves with its
articles, the text's "Part III" follows, every other paragraph keeps its id, and the
concordance, the JSON export and the redlines say so.  How a diplomat names a division, and
what a name the draft does not have gets, are the cheap cases of the same small treaty."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import clone_of, git, write_paragraph
from redline_helpers import accept_all, reject_all
from treaty_fixtures import merge_and_release, released_bbnj, write_articles, write_document
from zerodraft import reader, redline
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.main import main
from zerodraft.model import Document
from zerodraft.redline import docx as redline_docx
from zerodraft.redline import html as redline_html
from zerodraft.redline import markdown as redline_markdown
from zerodraft.redline.wholes import Step, Whole, find
from zerodraft.references.lookup import lookup
from zerodraft.rounds.proposal import new_problems, propose
from zerodraft.source import MemoryTree, WorkingTree

pytestmark = pytest.mark.usefixtures("secretariat")
NEW_PART = (
    "insert-after",
    "Part II",
    "--delegation",
    "Kenya",
    "--title",
    "REGIONAL COOPERATION",
    "--article-title",
    "Regional bodies",
    "--text",
    "Parties shall cooperate through regional bodies.",
)
"""Kenya's proposal of a new Part after Part II, with its first article."""


def zd(repo: Path, *args: str) -> None:
    assert main(["-C", str(repo), *args]) == 0, args


def read(repo: Path) -> Document:
    return reader.read(WorkingTree(repo)).document


def four_parts(base: Path) -> Path:
    """A treaty of eight articles in four Parts (I: 1–3, II: 4–6, III: 7, IV: 8) and an annex
    with its own two articles; paragraph 3 of Article 1 cites Part III and article 7."""
    repo = write_articles(base, 6)
    outcome = repo / "outcome"
    (outcome / "03-annex-i").rename(outcome / "05-annex-i")
    for part, number, article, title in (("03-part-iii", "III", 7, "SETTLEMENT"), ("04-part-iv", "IV", 8, "FINAL")):
        folder = outcome / part / f"{article:02d}-article-{article}"
        folder.mkdir(parents=True)
        (outcome / part / "section.yaml").write_text(f'kind: part\nnumber: "{number}"\ntitle: {title}\n')
        (folder / "section.yaml").write_text(f'kind: article\nnumber: "{article}"\ntitle: Subject {article}\n')
        write_paragraph(folder / "001.md", f"a-last{article}", f"Article {article}, its one paragraph.")
    write_paragraph(outcome / "01-part-i/01-article-1/003.md", "a-cite", "Part III applies to article 7.")
    roster = outcome / "delegations.yaml"
    for code, login in (("KEN", "kenya-mission"), ("NOR", "norway-mission")):
        roster.write_text(roster.read_text().replace(f"code: {code}}}", f"code: {code}, logins: [{login}]}}"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 1")
    zd(repo, "release", "--format", "none", "Draft 1", "--date", "2026-03-01")
    return repo


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    return four_parts(tmp_path / "repo")


def chapters(tmp_path: Path) -> Document:
    """A treaty in two chapters, the second in two sections, and an annex."""
    sections = {
        "01-chapter-i": 'kind: chapter\nnumber: "I"\ntitle: General\n',
        "01-chapter-i/01-article-1": 'kind: article\nnumber: "1"\n',
        "02-chapter-ii": 'kind: chapter\nnumber: "II"\ntitle: Measures\n',
        "02-chapter-ii/01-section-1": 'kind: section\nnumber: "1"\ntitle: Zones\n',
        "02-chapter-ii/01-section-1/02-article-2": 'kind: article\nnumber: "2"\n',
        "02-chapter-ii/02-section-2": 'kind: section\nnumber: "2"\ntitle: Vessels\n',
        "02-chapter-ii/02-section-2/03-article-3": 'kind: article\nnumber: "3"\n',
        "03-annex-ii": 'kind: annex\nnumber: "II"\n',
    }
    paragraphs = {f"{folder}/001.md": f"Text of {folder}." for folder in sections if "article" in folder}
    paragraphs["03-annex-ii/001.md"] = "The annex."
    document_yaml = "title: A treaty\ndraft:\n  name: Draft 1\nnumbering:\n  paragraphs: per-article\n"
    document = read(write_document(tmp_path, document_yaml, sections, paragraphs))
    return document


def test_divisions_as_diplomats_name_them(tmp_path: Path) -> None:
    document = chapters(tmp_path)
    for name, folder in {
        "Chapter II": "02-chapter-ii",
        "chapter ii": "02-chapter-ii",
        "Chapter 2": "02-chapter-ii",
        "CHAPTER II": "02-chapter-ii",
        "Section 2": "02-chapter-ii/02-section-2",
        "section 2 of chapter II": "02-chapter-ii/02-section-2",
        "Section 1, Chapter 2": "02-chapter-ii/01-section-1",
        "Annex II": "03-annex-ii",
        "annex 2": "03-annex-ii",
    }.items():
        assert getattr(lookup(document, name), "path", None) == f"outcome/{folder}", name
    for name, said in {
        "Chapter IX": "ZD212 there is no Chapter IX in the current draft; its chapters are: Chapter I, Chapter II",
        "Part II": "ZD212 there is no Part II in the current draft: it has no Parts; its divisions are: Chapter I, "
        "Chapter II, Section 1 of Chapter II, Section 2 of Chapter II, Annex II",
        "Section 3 of Chapter II": "ZD212 there is no Section 3 in the current draft; its sections are: "
        "Section 1 of Chapter II, Section 2 of Chapter II",
    }.items():
        with pytest.raises(Fatal) as refused:
            lookup(document, name)
        assert refused.value.message == said


def test_a_section_and_a_chapter_proposed(tmp_path: Path) -> None:
    """The same proposals on a section of a chapter, and on a chapter: the files they write
    check clean, in place."""
    document = chapters(tmp_path)
    files = {
        p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in (tmp_path / "outcome").rglob("*") if p.is_file()
    }
    current = {path: data.decode() for path, data in files.items()}
    for name, text, written in (
        (
            "Section 1 of Chapter II",
            "New zones.",
            "outcome/02-chapter-ii/01bis-section-1-bis/02bis-article-2-bis/001.md",
        ),
        ("chapter 2", "New chapter.", "outcome/02bis-chapter-ii-bis/03bis-article-3-bis/001.md"),
        ("annex II", "New annex.", "outcome/03bis-annex-ii-bis/001.md"),
    ):
        change = propose(document, current, "insert-after", name, "Kenya", text, title="Title")
        assert change.path == written, name
        planned = {**files, **{w.path: w.content.encode() for w in change.writes()}}
        assert new_problems(files, planned, "outcome") == [], name
    deletion = propose(document, current, "delete", "Section 2", "Norway")
    assert (deletion.summary, [w.path for w in deletion.writes()]) == (
        "Norway proposes to delete Section 2",
        ["outcome/02-chapter-ii/02-section-2/03-article-3/001.md"],
    )


def test_a_division_the_draft_does_not_have(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    for name, shown in (
        ("Part IX", "Part IX"),
        ("part ix", "Part IX"),
        ("part 9", "Part 9"),
        ("chapter iv", "Chapter IV"),
    ):
        assert main(["-C", str(treaty), "propose", "delete", name, "--delegation", "Norway"]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith(f"zerodraft propose: ZD212 there is no {shown} in the current draft")
        assert line.endswith(": Part I, Part II, Part III, Part IV" + ("" if "Chapter" not in shown else ", Annex I"))
    assert main(["-C", str(treaty), "propose", "amend", "Part II", "--delegation", "Norway", "--text", "x"]) == 2
    assert "'amend' is made on a paragraph" in capsys.readouterr().err
    assert main(["-C", str(treaty), "propose", *NEW_PART[:4]]) == 2  # no --text
    assert "'insert-after' needs the proposed text" in capsys.readouterr().err
    for option, title, said in (
        ("--title", "EVIL\x1b[2J", "(U+001B) at column 5"),
        ("--article-title", "A\u202eB", "(U+202E) at column 2"),
    ):
        assert main(["-C", str(treaty), "propose", *NEW_PART[:-2], option, title, *NEW_PART[-2:]]) == 2
        assert capsys.readouterr().err.startswith(
            f"zerodraft propose: {option} holds a hidden or control character {said}"
        )
    assert git(treaty, "status", "--porcelain", "outcome") == ""  # nothing written
    last = treaty / "outcome/04-part-iv/08-article-8/001.md"
    last.write_text(last.read_text().replace("status: open", "status: agreed"))
    assert main(["-C", str(treaty), "propose", "delete", "Part IV", "--delegation", "Norway"]) == 2
    assert capsys.readouterr().err == (
        "zerodraft propose: paragraph 1 of Article 8 (in Part IV) is agreed: only its facilitator or the "
        "secretariat reopens agreed text (they add --reopen)\n"
    )
    zd(treaty, "propose", "delete", "Part IV", "--delegation", "Norway", "--reopen")
    assert "status: deleted" in last.read_text()


def test_a_round_on_parts(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = read(treaty)
    kenya, norway, secretariat = (clone_of(treaty, name) for name in ("kenya", "norway", "secretariat"))
    zd(kenya, "propose", *NEW_PART, "--new-branch")
    assert git(kenya, "branch", "--show-current").strip() == "kenya/insert-after-PartIIbis"
    new = kenya / "outcome/02bis-part-ii-bis"
    assert yaml.safe_load((new / "section.yaml").read_text()) == {
        "kind": "part",
        "number": "II bis",
        "title": "REGIONAL COOPERATION",
    }
    assert yaml.safe_load((new / "06bis-article-6-bis/section.yaml").read_text()) == {
        "kind": "article",
        "number": "6 bis",
        "title": "Regional bodies",
        "numbered": False,
    }
    proposed = read(kenya)
    part = lookup(proposed, "part 2 bis")
    assert getattr(part, "heading", "") == "PART II bis\nREGIONAL COOPERATION"
    zd(kenya, "check")
    zd(kenya, "pr-check", "--base", "main", "--head", "kenya/insert-after-PartIIbis", "--author=kenya-mission")
    git(kenya, "push", "-q", "origin", "kenya/insert-after-PartIIbis")
    capsys.readouterr()
    zd(norway, "propose", "delete", "part iv", "--delegation", "Norway", "--new-branch")
    assert "Norway proposes to delete Part IV: outcome/04-part-iv/08-article-8/001.md, committed" in (
        capsys.readouterr().out
    )
    zd(norway, "pr-check", "--base", "main", "--head", "norway/delete-PartIV", "--author=norway-mission")
    git(norway, "push", "-q", "origin", "norway/delete-PartIV")
    four = [p for p in read(norway).paragraphs() if p.path.startswith("outcome/04-part-iv/")]
    assert [(p.status, p.proposed_by) for p in four] == [("deleted", ("Norway",))]
    # The pull request's redline says what Norway proposes: Part IV, not one paragraph's label.
    capsys.readouterr()
    zd(norway, "diff", "main", "norway/delete-PartIV", "--format", "md", "--changes-only")
    said = capsys.readouterr().out
    assert "## PART IV FINAL\n\n_(proposed for deletion as a whole, every paragraph in it labelled deleted: " in said
    assert "Article 8; 1 paragraph)_" in said

    git(secretariat, "fetch", "-q")
    # The compilation of proposals heads Kenya's with the Part and article it proposes.
    zd(secretariat, "compile", "--refs", "refs/remotes/origin", "-o", str(secretariat.parent / "compiled.md"))
    compiled = (secretariat.parent / "compiled.md").read_text()
    assert "## PART II bis\nREGIONAL COOPERATION / Article 6 bis\nRegional bodies\n" in compiled
    assert "## PART IV\nFINAL / Article 8\nSubject 8\n" in compiled
    for branch in ("kenya/insert-after-PartIIbis", "norway/delete-PartIV"):
        git(secretariat, "merge", "-q", "--no-ff", f"origin/{branch}", "-m", f"Merge {branch}")
    git(secretariat, "push", "-q")
    capsys.readouterr()
    zd(secretariat, "release", "--format", "json", "Draft 2", "--date", "2026-04-01")
    printed = capsys.readouterr().out
    assert "PART II bis -> III  outcome/02bis-part-ii-bis -> outcome/03-part-iii" in printed
    assert "PART IV leaves (deleted)  outcome/04-part-iv" in printed
    zd(secretariat, "check")
    after = read(secretariat)
    assert [(s.key, s.number, s.title) for s in after.sections] == [
        ("00-preamble", "", ""),
        ("01-part-i", "I", "GENERAL PROVISIONS"),
        ("02-part-ii", "II", "INSTITUTIONS"),
        ("03-part-iii", "III", "REGIONAL COOPERATION"),
        ("04-part-iv", "IV", "SETTLEMENT"),
        ("05-annex-i", "I", "Procedures"),
    ]
    assert [(a.path.split("/", 1)[1], a.title) for a in after.article_runs()[0]][5:] == [
        ("02-part-ii/06-article-6", "Subject 6"),
        ("03-part-iii/07-article-7", "Regional bodies"),
        ("04-part-iv/08-article-8", "Subject 7"),
    ]
    # Every paragraph id is kept but those of the Part that left; Kenya's is there.
    ids = {p.id for p in after.paragraphs()}
    (kenyas,) = ids - {p.id for p in before.paragraphs()}
    assert ids - {kenyas} == {p.id for p in before.paragraphs()} - {"a-last8"}
    cite = next(p for p in after.paragraphs() if p.id == "a-cite")
    assert cite.text.strip() == "Part IV applies to article 8."
    concordance = yaml.safe_load((secretariat / "outcome/concordance/draft-2.yaml").read_text())
    assert {(r["kind"], r["old"], r["new"]) for r in concordance["sections"]} == {
        ("part", "II bis", "III"),
        ("part", "III", "IV"),
        ("part", "IV", None),  # the annex keeps its folder, 05-annex-i: nothing to say
    }
    assert {(r["old"], r["new"]) for r in concordance["articles"]} == {("6 bis", "7"), ("7", "8"), ("8", None)}
    # The redline of Draft 2 says Part III inserted and Part IV (old) deleted, each as a whole.
    tags = Repository(secretariat)
    diff = redline.compare(reader.read(tags.tree("draft-1")).document, reader.read(tags.tree("draft-2")).document)
    wholes = {(b.kind, b.item.text): b.whole for b in diff.blocks if b.whole}
    assert wholes == {
        ("inserted", "PART III\nREGIONAL COOPERATION"): Whole("inserted", ("7",), 1),
        ("deleted", "PART IV\nFINAL"): Whole("deleted", ("8",), 1),
    }
    renamed = next(b for b in diff.blocks if b.new is not None and b.new.text == "PART IV\nSETTLEMENT")
    assert renamed.kind == "changed" and renamed.whole is None  # old Part III, renumbered: no whole
    markdown = redline_markdown.render(diff)
    assert "## **PART III** **REGIONAL COOPERATION**\n\n_(inserted as a whole: Article 7; 1 paragraph)_" in markdown
    assert "## ~~PART IV~~ ~~FINAL~~\n\n_(deleted as a whole: Article 8; 1 paragraph)_" in markdown
    page = redline_html.render(diff)
    assert '<p class="facts whole">(inserted as a whole: Article 7; 1 paragraph)</p>' in page
    assert '<p class="facts whole">(deleted as a whole: Article 8; 1 paragraph)</p>' in page
    assert '<li><a href="#inserted-outcome/03-part-iii">PART III — REGIONAL COOPERATION (inserted as a whole: ' in page
    assert '<h2 id="inserted-outcome/03-part-iii"><ins>' in page  # the link's target
    word = redline_docx.render(diff)
    remarks = [c.text for c in docx.Document(io.BytesIO(word)).comments]
    assert {"inserted as a whole: Article 7; 1 paragraph", "deleted as a whole: Article 8; 1 paragraph"} <= set(remarks)
    assert "PART IV\tFINAL" not in " ".join(accept_all(word)) and "PART IV\nFINAL" in "\n".join(reject_all(word))
    data = diff.as_data()
    assert [b["whole"] for b in data["blocks"] if b["whole"]] == [
        {"how": "inserted", "articles": ["7"], "paragraphs": 1},
        {"how": "deleted", "articles": ["8"], "paragraphs": 1},
    ]
    exported = json.loads((secretariat / "build/draft-2/draft-2.json").read_text())
    parts = [(s["kind"], s["number"], s["title"]) for s in exported["sections"] if s["kind"] == "part"]
    assert parts == [
        ("part", "I", "GENERAL PROVISIONS"),
        ("part", "II", "INSTITUTIONS"),
        ("part", "III", "REGIONAL COOPERATION"),
        ("part", "IV", "SETTLEMENT"),
    ]


def test_a_new_annex(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An annex numbers its articles on its own: Annex I bis starts at Article 1, and the
    pull-request policy takes its folders as the delegation's insertion."""
    zd(treaty, "propose", "insert-after", "annex 1", "--delegation", "Kenya", "--title", "Bodies", "--text", "A body.")
    (article,) = (treaty / "outcome").glob("05bis-annex-i-bis/*/section.yaml")
    assert article.parent.name == "01-article-1"
    assert yaml.safe_load(article.read_text()) == {"kind": "article", "number": "1", "numbered": False}
    git(treaty, "switch", "-q", "-c", "kenya/annex")
    git(treaty, "add", "outcome")
    git(treaty, "commit", "-q", "-m", "Kenya proposes Annex I bis")
    capsys.readouterr()
    zd(treaty, "pr-check", "--base", "main", "--head", "kenya/annex", "--author=kenya-mission")
    git(treaty, "switch", "-q", "main")
    git(treaty, "merge", "-q", "--no-ff", "kenya/annex", "-m", "Merge kenya/annex")
    zd(treaty, "release", "--format", "none", "Draft 2", "--date", "2026-04-01")
    assert "Annex I bis -> II  outcome/05bis-annex-i-bis -> outcome/06-annex-ii" in capsys.readouterr().out
    annexes = read(treaty).article_runs()[1:]
    assert [[(a.path.split("/", 1)[1], a.number) for a in run] for run in annexes] == [
        [("05-annex-i/01-article-1", "1"), ("05-annex-i/02-article-2", "2")],
        [("06-annex-ii/01-article-1", "1")],
    ]


@pytest.mark.slow
def test_a_round_on_the_parts_of_the_bbnj_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The BBNJ Agreement imported from its text: Kenya proposes a Part after Part I, Norway
    proposes deleting Part VIII (Articles 53–55), each on a branch of its clone; at the release
    Part I bis is Part II, the Parts after it move up but for the one that leaves, the articles
    run 1–74, the text's "Part II" and "Part V" follow, and every other id is kept."""
    repo = released_bbnj(tmp_path / "repo")
    before = read(repo)
    parts = [(s.number, s.title) for s in before.walk() if s.kind.value == "part"]
    assert [n for n, _t in parts] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    eight = before.section_at(next(s.path for s in before.walk() if s.kind.value == "part" and s.number == "VIII"))
    assert eight is not None
    gone = {p.id for s in eight.walk() for p in s.paragraphs}
    kenya, norway, secretariat = (clone_of(repo, name) for name in ("kenya", "norway", "secretariat"))
    zd(kenya, "propose", *NEW_PART[:1], "Part I", *NEW_PART[2:], "--new-branch")
    git(kenya, "push", "-q", "origin", "kenya/insert-after-PartIbis")
    zd(norway, "propose", "delete", "Part VIII", "--delegation", "Norway", "--new-branch")
    git(norway, "push", "-q", "origin", "norway/delete-PartVIII")
    printed = merge_and_release(secretariat, ["kenya/insert-after-PartIbis", "norway/delete-PartVIII"])
    assert "PART I bis -> II" in printed and "PART VIII leaves (deleted)" in printed
    zd(secretariat, "check")
    after = read(secretariat)
    assert [(s.number, s.title) for s in after.walk() if s.kind.value == "part"] == [
        parts[0],
        ("II", "REGIONAL COOPERATION"),
        *((new, title) for new, (_old, title) in zip(("III", "IV", "V", "VI", "VII", "VIII"), parts[1:7], strict=True)),
        *parts[8:],
    ]
    assert [a.number for a in after.article_runs()[0]] == [str(n) for n in range(1, 75)]
    ids = {p.id: p for p in after.paragraphs()}
    (kenyas,) = set(ids) - {p.id for p in before.paragraphs()}
    assert ids[kenyas].text.strip() == NEW_PART[-1]
    assert set(ids) - {kenyas} == {p.id for p in before.paragraphs()} - gone
    texts = " ".join(p.text for p in after.paragraphs())
    assert "Part III, this Agreement does not apply" in texts and "Part VI of this Agreement" in texts
    tags = Repository(secretariat)
    diff = redline.compare(reader.read(tags.tree("draft-1")).document, reader.read(tags.tree("draft-2")).document)
    wholes = [(b.kind, b.item.text.split("\n")[0], b.whole) for b in diff.blocks if b.whole]
    assert wholes == [
        ("inserted", "PART II", Whole("inserted", ("9",), 1)),
        ("deleted", "PART VIII", Whole("deleted", ("53", "54", "55"), len(gone))),
    ]


def test_a_heading_a_branch_proposes_is_cleaned_in_the_compilation(treaty: Path) -> None:
    """The heading of a new Part comes from the delegation's branch: untrusted, so a
    bidirectional override in it is shown as U+FFFD, never passed on (written as an escape,
    ``\\u202e``, it makes the file unreadable YAML, and the folder's name heads it)."""
    zd(treaty, "propose", *NEW_PART, "--new-branch")
    folder = treaty / "outcome/02bis-part-ii-bis"
    for title, heading in (
        ("EVIL\u202e[2J", "PART II bis\nEVIL\ufffd\\[2J"),  # Markdown-escaped too
        ("EVIL\\u202e", "02bis-part-ii-bis"),
    ):
        (folder / "section.yaml").write_text(f'kind: part\nnumber: "II bis"\ntitle: "{title}"\n')
        git(treaty, "commit", "-q", "-am", "A title with a hidden character")
        git(treaty, "switch", "-q", "main")
        zd(treaty, "compile", "--refs", "refs/heads/kenya", "-o", str(treaty.parent / "compiled.md"))
        compiled = (treaty.parent / "compiled.md").read_text()
        assert "\u202e" not in compiled and f"## {heading} / Article 6 bis\nRegional bodies\n" in compiled
        git(treaty, "switch", "-q", "kenya/insert-after-PartIIbis")


def step(kind: str, depth: int = -1, section: str = "", number: str = "", old: str = "", new: str = "") -> Step:
    """A block for :func:`find`: a heading at ``depth`` (of ``section`` kind), or a paragraph."""
    return Step(kind, depth >= 0, max(depth, 0), section, number, old, new)


def test_only_a_division_gone_or_come_whole_is_said_whole() -> None:
    part = step("deleted", 0, "part", "IV")
    article = step("deleted", 1, "article", "8")
    paragraph = step("deleted", old="open")
    after = step("same", 0, "annex", "I")
    assert find([part, article, paragraph, paragraph, after, step("same", old="open", new="open")], "deleted") == {
        0: Whole("deleted", ("8",), 2)
    }
    moved = step("moved-from", old="open")
    assert find([part, article, paragraph, moved], "deleted") == {}  # one paragraph moved out: not whole
    assert find([part, article], "deleted") == {}  # nothing in it: nothing to say
    kept = step("same", 0, "part", "IV")
    labelled = step("changed", old="open", new="deleted")
    assert find([kept, step("same", 1, "article", "8"), labelled, labelled], "deleted") == {
        0: Whole("labelled-deleted", ("8",), 2)
    }
    already = step("same", old="deleted", new="deleted")
    assert find([kept, already], "deleted") == {}  # deleted in the old draft already: no news
    assert find([kept, labelled, step("same", old="open", new="open")], "deleted") == {}
    heading = step("inserted", 0, "heading")
    assert find([heading, step("inserted", new="proposed")], "deleted") == {}  # an agenda item is not a division


ROMAN = ("I", "II", "III", "IV", "V")


def parts_files(shape: list[list[int]], dropped: int = -1, deleted: int = -1) -> dict[str, bytes]:
    """A treaty whose Part n holds ``len(shape[n])`` articles (numbered on through the Parts),
    the k-th with ``shape[n][k]`` paragraphs; Part ``dropped`` left out, Part ``deleted``'s
    paragraphs labelled deleted."""
    files = {
        "outcome/document.yaml": b"title: A treaty\ndraft:\n  name: Draft 1\nnumbering:\n  paragraphs: per-article\n",
        "outcome/delegations.yaml": b"delegations: []\n",
    }
    article = 0
    for index, articles in enumerate(shape):
        part = f"outcome/{index + 1:02d}-part-{ROMAN[index].lower()}"
        for count in articles:
            article += 1
            if index == dropped:
                continue
            folder = f"{part}/{article:02d}-article-{article}"
            files[f"{part}/section.yaml"] = f'kind: part\nnumber: "{ROMAN[index]}"\n'.encode()
            files[f"{folder}/section.yaml"] = f'kind: article\nnumber: "{article}"\n'.encode()
            status = "deleted" if index == deleted else "open"
            for n in range(1, count + 1):
                files[f"{folder}/{n:03d}.md"] = f"---\nid: p-{article}-{n}\nstatus: {status}\n---\nText {n}.\n".encode()
    return files


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.integers(1, 2), min_size=1, max_size=3), min_size=2, max_size=5), st.data())
def test_a_part_gone_or_come_is_said_whole_once(shape: list[list[int]], data: st.DataObject) -> None:
    """Whatever the Parts hold: the Part left out of a draft is the one block said deleted as a
    whole, with its articles and paragraphs; compared the other way it is inserted as a whole;
    with its paragraphs labelled deleted instead, it is proposed for deletion as a whole."""
    chosen = data.draw(st.integers(0, len(shape) - 1))
    whole = read_files(parts_files(shape))
    first = sum(len(a) for a in shape[:chosen])
    expected = (tuple(str(first + k + 1) for k in range(len(shape[chosen]))), sum(shape[chosen]))
    for old, new, how in (
        (whole, read_files(parts_files(shape, dropped=chosen)), "deleted"),
        (read_files(parts_files(shape, dropped=chosen)), whole, "inserted"),
        (whole, read_files(parts_files(shape, deleted=chosen)), "labelled-deleted"),
    ):
        said = [(b.item.text, b.whole) for b in redline.compare(old, new).blocks if b.whole]
        assert said == [(f"PART {ROMAN[chosen]}", Whole(how, *expected))]


def read_files(files: dict[str, bytes]) -> Document:
    return reader.read(MemoryTree(files)).document
