"""A round on a treaty, in a real git repository: insert an article after Article 5, delete
Article 10, amend a paragraph named "Article 7(2)", release — the articles run 1..N again,
every paragraph id is kept, the concordance lists the articles, history follows a paragraph
through the renumbering, and the pull-request policy accepts the new article."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import IDENTITY, clone_of, git, write_paragraph
from treaty_fixtures import merge_and_release, released_bbnj, write_articles
from zerodraft import reader, redline
from zerodraft.git import Repository
from zerodraft.main import main
from zerodraft.model import Document
from zerodraft.references.lookup import lookup
from zerodraft.source import WorkingTree

pytestmark = pytest.mark.usefixtures("secretariat")
NEW_ARTICLE = ("insert-after", "Article 5", "--delegation", "Kenya", "--title", "Regional cooperation", "--text")
"""Kenya's proposal of a new article after Article 5, but for its text."""


def zd(repo: Path, *args: str) -> None:
    assert main(["-C", str(repo), *args]) == 0, args


def read(repo: Path) -> Document:
    return reader.read(WorkingTree(repo)).document


def ids(document: Document) -> set[str]:
    return {p.id for p in document.paragraphs()}


def articles(document: Document) -> list[tuple[str, str]]:
    return [(s.key, s.number) for s in document.article_runs()[0]]


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    repo = write_articles(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 1")
    zd(repo, "release", "--format", "none", "Draft 1", "--date", "2026-03-01")
    return repo


def test_names_a_diplomat_types(treaty: Path) -> None:
    document = read(treaty)
    second = "outcome/02-part-ii/07-article-7/002.md"
    for name in ("Article 7(2)", "article 7, paragraph 2", "paragraph 2 of article 7", "7.2", "Article 7 (2)"):
        found = lookup(document, name)
        assert getattr(found, "path", None) == second, name
    article = lookup(document, "Article 5")
    assert getattr(article, "path", None) == "outcome/01-part-i/05-article-5"
    annex = lookup(document, "Annex I")
    assert getattr(annex, "path", None) == "outcome/03-annex-i"


def test_insert_delete_release(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = read(treaty)
    zd(treaty, "propose", *NEW_ARTICLE, "Parties shall cooperate at the regional level.")
    new = treaty / "outcome/01-part-i/05bis-article-5-bis"
    assert yaml.safe_load((new / "section.yaml").read_text()) == {
        "kind": "article",
        "number": "5 bis",
        "title": "Regional cooperation",
        "numbered": False,
    }
    zd(treaty, "propose", "delete", "Article 10", "--delegation", "Norway")
    zd(treaty, "propose", "amend", "Article 7(2)", "--delegation", "Kenya", "--text", "Amended by Kenya.")
    zd(treaty, "check")
    proposed = read(treaty)
    inserted = lookup(proposed, "Article 5 bis")
    assert getattr(inserted, "heading", "") == "Article 5 bis\nRegional cooperation"
    ten = [p for p in proposed.paragraphs() if "/10-article-10/" in p.path]
    assert [p.status for p in ten] == ["deleted", "deleted"] and all("Norway" in p.proposed_by for p in ten)
    git(treaty, "add", "-A")
    git(treaty, "commit", "-q", "-m", "Round 1 proposals")
    capsys.readouterr()

    zd(treaty, "release", "--format", "none", "Draft 2", "--date", "2026-04-01")
    after = read(treaty)
    assert articles(after) == [(f"{n:02d}-article-{n}", str(n)) for n in range(1, 13)]
    assert [s.number for s in after.article_runs()[1]] == ["1", "2"]  # the annex's own
    kept = ids(before) - {p.id for p in ten}
    assert kept <= ids(after) and len(ids(after)) == len(kept) + 1
    six = after.section_at("outcome/01-part-i/06-article-6")
    assert six is not None and six.heading == "Article 6\nRegional cooperation" and six.title == "Regional cooperation"
    old_six = next(p for p in before.paragraphs() if p.path == "outcome/01-part-i/06-article-6/001.md")
    moved = next(p for p in after.paragraphs() if p.id == old_six.id)
    assert moved.path == "outcome/01-part-i/07-article-7/001.md"  # Article 7 stays in Part I, where 6 was
    seven = after.section_at(moved.path.rsplit("/", 1)[0])
    assert seven is not None and seven.heading == "Article 7\nSubject 6"
    zd(treaty, "check")
    concordance = yaml.safe_load((treaty / "outcome/concordance/draft-2.yaml").read_text())
    rows = {(a["old"], a["new"]) for a in concordance["articles"]}
    assert rows == {("5 bis", "6"), ("6", "7"), ("7", "8"), ("8", "9"), ("9", "10"), ("10", None)}
    row = next(r for r in concordance["paragraphs"] if r["id"] == old_six.id)
    assert (row["old"], row["new"], row["new-path"]) == ("1", "1", moved.path)
    capsys.readouterr()
    zd(treaty, "history", old_six.id)
    out = capsys.readouterr().out
    assert "Draft 2" in out and "Draft 1" in out
    tags = Repository(treaty)
    diff = redline.compare(reader.read(tags.tree("draft-1")).document, reader.read(tags.tree("draft-2")).document)
    headings = {(b.kind, b.item.text.split("\n")[0]) for b in diff.blocks if b.item.what == "heading"}
    assert ("inserted", "Article 6") in headings  # the new article, 5 bis in the round
    assert ("deleted", "Article 10") in headings  # every paragraph deleted
    renamed = next(b for b in diff.blocks if b.new is not None and b.new.text.startswith("Article 7\nSubject 6"))
    assert renamed.kind == "changed" and renamed.old is not None and renamed.old.text.startswith("Article 6")


def pr_check(repo: Path, head: str) -> subprocess.CompletedProcess[str]:
    """``zerodraft pr-check`` of ``head`` against main, as Kenya's login."""
    return subprocess.run(
        [sys.executable, "-m", "zerodraft", "pr-check", "--base", "main", "--head", head, "--author=kenya-mission"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**IDENTITY, "HOME": str(repo.parent), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_the_policy_accepts_a_new_article_from_its_delegation(tmp_path: Path) -> None:
    repo = write_articles(tmp_path / "repo")
    roster = repo / "outcome/delegations.yaml"
    roster.write_text(roster.read_text().replace("code: KEN}", "code: KEN, logins: [kenya-mission]}"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 1")
    zd(repo, "propose", "insert-after", "Article 5", "--delegation", "Kenya", "--text", "New text.", "--new-branch")
    branch = git(repo, "branch", "--show-current").strip()
    result = pr_check(repo, branch)
    assert result.returncode == 0, result.stdout + result.stderr
    git(repo, "switch", "-q", "main")
    (repo / "outcome/01-part-i/03-article-3/section.yaml").write_text('kind: article\nnumber: "3"\ntitle: Changed\n')
    git(repo, "switch", "-q", "-c", "heading-change")
    git(repo, "commit", "-q", "-am", "change a heading")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "zerodraft",
            "pr-check",
            "--base",
            "main",
            "--head",
            "heading-change",
            "--author=kenya-mission",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**IDENTITY, "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 1 and "ZD902" in result.stdout


def propose(clone: Path, *args: str) -> str:
    """``zerodraft propose … --new-branch`` in ``clone``, from main, pushed; the branch's name."""
    git(clone, "switch", "-q", "main")
    zd(clone, "propose", *args, "--new-branch")
    branch = git(clone, "branch", "--show-current").strip()
    git(clone, "push", "-q", "origin", branch)
    return branch


def article_numbers(document: Document) -> list[str]:
    return [a.number for a in document.article_runs()[0]]


def titles(document: Document) -> dict[str, str]:
    return {a.number: a.title for a in document.article_runs()[0]}


@pytest.mark.slow
def test_the_round_on_the_bbnj_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The BBNJ Agreement imported from its text, negotiated for one round as a conference
    would: Kenya proposes a new article after Article 5 and amends Article 8(2), Norway
    proposes deleting Article 10, each on a branch of its clone pushed to the shared origin;
    the secretariat merges them and releases Draft 2.  Articles run 1–76 again, every
    paragraph keeps its id and its words, the cross-reference to a renumbered article is
    rewritten, and the concordance, the redline and ``history`` say what happened.  (It counts
    articles and ids, not paragraphs: how the preamble is imported is the importer's business.)"""
    repo = released_bbnj(tmp_path / "repo")
    before = read(repo)
    assert article_numbers(before) == [str(n) for n in range(1, 77)]
    old = {p.id: p for p in before.paragraphs()}
    kenya, norway, secretariat = (clone_of(repo, name) for name in ("kenya", "norway", "secretariat"))

    # Kenya: a new article after Article 5, and an amendment to paragraph 2 of Article 8.
    kenya_text = "Parties shall cooperate at the regional level, in accordance with article 11."
    propose(kenya, *NEW_ARTICLE, kenya_text)
    proposing = read(kenya)
    eight_two = lookup(proposing, "Article 8(2)")
    assert all(
        lookup(proposing, name) is eight_two for name in ("article 8, paragraph 2", "8.2", "paragraph 2 of article 8")
    )
    assert main(["-C", str(kenya), "propose", "amend", "Article 7(2)", "--delegation", "Kenya", "--text", "x"]) == 2
    assert "no paragraph 'Article 7(2)'" in capsys.readouterr().err  # Article 7 is one paragraph
    amended = "Amended by Kenya: cooperation shall take place through the mechanisms of article 12."
    branches = [propose(kenya, "amend", "Article 8(2)", "--delegation", "Kenya", "--text", amended)]
    assert branches == ["kenya/amend-8.2"]
    branches.append("kenya/insert-after-Article5bis")
    # Norway: delete Article 10.
    branches.append(propose(norway, "delete", "Article 10", "--delegation", "Norway"))

    # The secretariat merges the three pull requests and releases Draft 2.
    printed = merge_and_release(secretariat, branches)
    assert "Article 5 bis -> 6" in printed and "article 9 -> article 10" in printed
    git(secretariat, "push", "-q", "--follow-tags")
    zd(secretariat, "check")
    after = read(secretariat)

    # Articles 1–76 again: 5 bis became 6, 6..9 became 7..10, old 10 left, the rest kept their numbers.
    assert article_numbers(after) == [str(n) for n in range(1, 77)]
    renumbered = {
        **{str(n): str(n) for n in (*range(1, 6), *range(11, 77))},
        **{str(n): str(n + 1) for n in range(6, 10)},
    }
    assert titles(after) == {renumbered[n]: t for n, t in titles(before).items() if n != "10"} | {
        "6": "Regional cooperation"
    }
    # Every id of the import is kept but the deleted article's, and Kenya's new one is there.
    ten = {p.id for p in before.paragraphs() if "/10-article-10/" in p.path}
    assert len(ten) == 3
    new = {p.id: p for p in after.paragraphs()}
    (kenyas,) = set(new) - set(old)
    assert set(new) == (set(old) - ten) | {kenyas} and new[kenyas].text.strip() == kenya_text
    assert new[kenyas].path == "outcome/01-part-i/06-article-6/001.md"
    # Every word kept; the one cross-reference to a renumbered article (article 9) rewritten.
    changed = {i: (old[i].text, p.text) for i, p in new.items() if i in old and old[i].text != p.text}
    assert changed.pop(eight_two.id)[1].strip() == amended  # "article 12" is still article 12
    ((was, now),) = changed.values()
    assert "article 9" in was and now == was.replace("article 9", "article 10")
    # The concordance lists the articles as well as the paragraphs.
    concordance = yaml.safe_load((secretariat / "outcome/concordance/draft-2.yaml").read_text())
    rows = {(a["old"], a["new"]) for a in concordance["articles"]}
    assert rows == {("5 bis", "6"), ("6", "7"), ("7", "8"), ("8", "9"), ("9", "10"), ("10", None)}
    row = next(r for r in concordance["paragraphs"] if r["id"] == eight_two.id)
    assert (row["old-article"], row["old"], row["new-article"], row["new"]) == ("8", "2", "9", "2")
    notes = (secretariat / "build/draft-2/draft-2-release-notes.md").read_text()
    assert f"| 9(2) | 8(2) | `{eight_two.id}` |" in notes  # cited as delegates cite it
    assert f"| 6 (unnumbered) | 5 bis (unnumbered) | `{kenyas}` |" in notes  # Kenya's one-paragraph article
    # The redline shows the article inserted and the article deleted.
    tags = Repository(secretariat)
    diff = redline.compare(reader.read(tags.tree("draft-1")).document, reader.read(tags.tree("draft-2")).document)
    headings = {(b.kind, b.item.text.split("\n")[0]) for b in diff.blocks if b.item.what == "heading"}
    assert {("inserted", "Article 6"), ("deleted", "Article 10")} <= headings
    # history follows paragraphs through the renumbering: old Article 8(2) is Article 9(2) now.
    capsys.readouterr()
    zd(secretariat, "history", "Article 9(2)")
    out = capsys.readouterr().out
    assert out.startswith(f"paragraph 2 of Article 9 ({eight_two.id})")
    assert (
        "numbers: Draft 1: Article 8(2); Draft 2: Article 9(2)" in out and "Kenya proposes to amend Article 8(2)" in out
    )
    twelve = next(p for p in before.paragraphs() if p.path.endswith("/12-article-12/003.md"))
    zd(secretariat, "history", twelve.id)
    assert "numbers: Draft 1: Article 12(3); Draft 2: Article 12(3)" in capsys.readouterr().out


def test_parts_and_annexes_inserted_with_bis_become_whole_numbers(tmp_path: Path) -> None:
    """Part I bis (with its Article 3 bis) and Annex I bis, inserted during the round, are
    Part II, Article 4 and Annex II of the new draft; the Parts, articles and annexes after
    them move up one, folders and headings with them, the concordance lists them and the
    text's references follow."""
    repo = write_articles(tmp_path / "repo", 6)
    outcome = repo / "outcome"
    (outcome / "01-part-i/01-article-1/002.md").write_text(
        "---\nid: a-cite\nstatus: open\n---\nAs set out in Part II, article 5 and annex I.\n"
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 1")
    zd(repo, "release", "--format", "none", "Draft 1", "--date", "2026-03-01")
    before = read(repo)
    part = outcome / "01bis-part-i-bis"
    (part / "03bis-article-3-bis").mkdir(parents=True)
    (part / "section.yaml").write_text(
        'kind: part\nnumber: "I bis"\ntitle: REGIONAL COOPERATION\nheading: "PART I bis\\nREGIONAL COOPERATION"\n'
    )
    (part / "03bis-article-3-bis/section.yaml").write_text('kind: article\nnumber: "3 bis"\ntitle: Regions\n')
    (part / "03bis-article-3-bis/001.md").write_text(
        "---\nid: a-new1\nstatus: proposed\nproposed-by: [Kenya]\n---\nRegions shall cooperate.\n"
    )
    annex = outcome / "03bis-annex-i-bis"
    annex.mkdir()
    (annex / "section.yaml").write_text('kind: annex\nnumber: "I bis"\ntitle: Regional bodies\n')
    (annex / "001.md").write_text(
        "---\nid: a-new2\nstatus: proposed\nproposed-by: [Norway]\n---\nThe regional bodies are listed.\n"
    )
    cite = outcome / "01-part-i/01-article-1/002.md"
    cite.write_text(cite.read_text().replace("annex I.", "annex I; see also Part I bis and annex I bis."))
    zd(repo, "check")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Round 1")

    zd(repo, "release", "--format", "none", "Draft 2", "--date", "2026-04-01")
    zd(repo, "check")
    after = read(repo)
    tops = [(s.key, s.kind.value, s.number) for s in after.sections]
    assert tops == [
        ("00-preamble", "preamble", ""),
        ("01-part-i", "part", "I"),
        ("02-part-ii", "part", "II"),
        ("03-part-iii", "part", "III"),
        ("04-annex-i", "annex", "I"),
        ("05-annex-ii", "annex", "II"),
    ]
    assert [(a.path.split("/", 1)[1], a.number) for a in after.article_runs()[0]] == [
        ("01-part-i/01-article-1", "1"),
        ("01-part-i/02-article-2", "2"),
        ("01-part-i/03-article-3", "3"),
        ("02-part-ii/04-article-4", "4"),
        ("03-part-iii/05-article-5", "5"),
        ("03-part-iii/06-article-6", "6"),
        ("03-part-iii/07-article-7", "7"),
    ]
    new_part = after.section_at("outcome/02-part-ii")
    assert new_part is not None and new_part.heading == "PART II\nREGIONAL COOPERATION"
    assert {p.id for p in after.paragraphs()} == {p.id for p in before.paragraphs()} | {"a-new1", "a-new2"}
    assert next(p for p in after.paragraphs() if p.id == "a-new2").path == "outcome/05-annex-ii/001.md"
    cited = next(p for p in after.paragraphs() if p.id == "a-cite")
    assert cited.text.strip() == "As set out in Part III, article 6 and annex I; see also Part II and annex II."
    concordance = yaml.safe_load((outcome / "concordance/draft-2.yaml").read_text())
    rows = {(r["kind"], r["old"], r["new"], r["new-path"]) for r in concordance["sections"]}
    assert rows == {
        ("part", "I bis", "II", "outcome/02-part-ii"),
        ("part", "II", "III", "outcome/03-part-iii"),
        ("annex", "I", "I", "outcome/04-annex-i"),  # the same annex, in a folder ordered after Part III
        ("annex", "I bis", "II", "outcome/05-annex-ii"),
    }
    articles = {(a["old"], a["new"], a["new-path"]) for a in concordance["articles"]}
    assert ("3 bis", "4", "outcome/02-part-ii/04-article-4") in articles
    assert ("6", "7", "outcome/03-part-iii/07-article-7") in articles
    row = next(r for r in concordance["paragraphs"] if r["id"] == "a-new1")
    assert row["new-path"] == "outcome/02-part-ii/04-article-4/001.md"
    # The redline pairs each Part with the one it continues: Part II of Draft 1 is Part III now.
    tags = Repository(repo)
    diff = redline.compare(reader.read(tags.tree("draft-1")).document, reader.read(tags.tree("draft-2")).document)
    headings = {(b.kind, b.item.text) for b in diff.blocks if b.item.what == "heading" and b.kind != "same"}
    assert ("inserted", "PART II\nREGIONAL COOPERATION") in headings and (
        "inserted",
        "Annex II\nRegional bodies",
    ) in headings
    renamed = next(b for b in diff.blocks if b.new is not None and b.new.text == "PART III\nINSTITUTIONS")
    assert renamed.kind == "changed" and renamed.old is not None and renamed.old.text == "PART II\nINSTITUTIONS"


def test_a_part_whose_articles_are_all_deleted_leaves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Norway proposes deleting every article of Part II; at the release the Part leaves with
    them, Part III becomes Part II (its Article 7 becomes Article 4), the annex after it takes
    the next order number, and "Part III" in the text follows."""
    repo = write_articles(tmp_path / "repo", 6)
    outcome = repo / "outcome"
    (outcome / "03-annex-i").rename(outcome / "04-annex-i")
    (outcome / "03-part-iii/07-article-7").mkdir(parents=True)
    (outcome / "03-part-iii/section.yaml").write_text('kind: part\nnumber: "III"\ntitle: FINAL PROVISIONS\n')
    (outcome / "03-part-iii/07-article-7/section.yaml").write_text(
        'kind: article\nnumber: "7"\ntitle: Entry into force\n'
    )
    write_paragraph(outcome / "03-part-iii/07-article-7/001.md", "a-last", "This Agreement enters into force.")
    write_paragraph(outcome / "01-part-i/01-article-1/003.md", "a-cite", "Part III applies to article 7.")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft 1")
    zd(repo, "release", "--format", "none", "Draft 1", "--date", "2026-03-01")
    for number in ("4", "5", "6"):
        zd(repo, "propose", "delete", f"Article {number}", "--delegation", "Norway")
    git(repo, "commit", "-q", "-am", "Norway proposes deleting Part II")
    cite = outcome / "01-part-i/01-article-1/003.md"
    cite.write_text(cite.read_text().replace("Part III applies", "Part II and Part III apply"))
    capsys.readouterr()
    assert main(["-C", str(repo), "check"]) == 1  # Part II leaves: a reference to it must change first
    assert (
        "003.md:5: ZD702 paragraph 3 refers to part II ('Part II'), which is labelled deleted"
        in capsys.readouterr().out
    )
    git(repo, "checkout", "-q", "--", ".")
    zd(repo, "release", "--format", "none", "Draft 2", "--date", "2026-04-01")
    assert "PART II leaves (deleted)  outcome/02-part-ii" in capsys.readouterr().out
    zd(repo, "check")
    after = read(repo)
    assert [(s.key, s.number) for s in after.sections] == [
        ("00-preamble", ""),
        ("01-part-i", "I"),
        ("02-part-ii", "II"),
        ("03-annex-i", "I"),
    ]
    last = next(p for p in after.paragraphs() if p.id == "a-last")
    assert last.path == "outcome/02-part-ii/04-article-4/001.md"
    assert after.section_at("outcome/02-part-ii") is not None
    assert after.section_at("outcome/02-part-ii").title == "FINAL PROVISIONS"  # type: ignore[union-attr]
    assert next(p for p in after.paragraphs() if p.id == "a-cite").text.strip() == "Part II applies to article 4."
    concordance = yaml.safe_load((outcome / "concordance/draft-2.yaml").read_text())
    rows = {(r["kind"], r["old"], r["new"], r["new-path"]) for r in concordance["sections"]}
    assert rows == {
        ("part", "II", None, None),
        ("part", "III", "II", "outcome/02-part-ii"),
        ("annex", "I", "I", "outcome/03-annex-i"),
    }
    assert not (outcome / "03-part-iii").exists() and not (outcome / "04-annex-i").exists()
