"""``zerodraft intake``: a delegation's edited Word copy of BMS7 Draft 2 becomes its branch.

Real Word files throughout: the draft's own .docx as ``zerodraft build`` publishes it, edited
with python-docx and lxml (tracked ``w:ins``/``w:del`` with author and date, a deleted
paragraph mark, an inserted paragraph, a comment), the same edits untracked and saved again by
LibreOffice headless, and the resulting branch judged by ``check`` and ``pr-check`` as the
delegation's login.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import intake_helpers as word_edit
from conftest import git
from zerodraft.main import main
from zerodraft.model import Paragraph
from zerodraft.reader import read
from zerodraft.source import WorkingTree

AMENDED = "to minimize the risk of diversion"
NEW_TEXT = "States are encouraged to share national reports on diversion with the secretariat."
RATIONALE = "Diversion must be named: see our statement of 12 July."


@pytest.fixture
def repo(intake_repo: Path) -> Path:
    """BMS7 Draft 2 in a fresh repository (see ``conftest.draft_repo``)."""
    return intake_repo


def by_number(repo: Path) -> dict[str, Paragraph]:
    document = read(WorkingTree(repo), "outcome").document
    return {p.label: p for p in document.paragraphs()}


def edit(source: Path, target: Path, paragraphs: dict[str, Paragraph], *, tracked: bool) -> Path:
    """Kenya's edits: amend 18, a new paragraph after 20, delete 31, embolden 5, comment on 18."""
    word = word_edit.open_word(source)
    eighteen = word_edit.paragraph(word, paragraphs["18"].id)
    word_edit.replace(eighteen, "to minimize the risk of diversion", "to prevent the diversion", tracked=tracked)
    if tracked:
        word_edit.comment(word, eighteen, RATIONALE)
    word_edit.insert_after(word_edit.paragraph(word, paragraphs["20"].id), NEW_TEXT, tracked=tracked)
    word_edit.delete(word_edit.paragraph(word, paragraphs["31"].id), tracked=tracked)
    word_edit.embolden(word_edit.paragraph(word, paragraphs["5"].id))
    return word_edit.save(word, target)


def intake(repo: Path, *args: str) -> int:
    return main(["-C", str(repo), "intake", *args])


def changed_files(repo: Path, ref: str | None = None) -> dict[str, str]:
    if ref is None:
        git(repo, "add", "-A", "-N")
        names = git(repo, "diff", "--name-only").split()
        return {n: (repo / n).read_text(encoding="utf-8") for n in names}
    names = git(repo, "diff", "--name-only", "main", ref).split()
    return {n: git(repo, "show", f"{ref}:{n}") for n in names}


def test_published_word_file_carries_ids_and_origin(word_file: Path, draft_repo: Path) -> None:
    from zerodraft.intake import package, wordfile

    read_back = wordfile.read(package.open_word_file(word_file))
    marked = {name for p in read_back.paragraphs for name in p.bookmarks}
    for paragraph in by_number(draft_repo).values():
        assert f"zd_{paragraph.id.replace('-', '_')}" in marked
    assert read_back.stamp.draft == "Draft 2"
    assert read_back.stamp.tag == "draft-2"
    assert read_back.stamp.commit == git(draft_repo, "rev-parse", "draft-2^{commit}").strip()
    assert read_back.stamp.document == "A/CONF.192/BMS/2021/WP.1"


def test_tracked_changes_become_the_expected_branch(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = by_number(repo)
    edited = edit(word_file, tmp_path / "kenya.docx", paragraphs, tracked=True)
    assert intake(repo, str(edited), "--delegation", "Kenya", "--new-branch") == 0
    out = capsys.readouterr().out
    files = changed_files(repo, "kenya/intake-draft-2")
    eighteen, twenty, thirty_one = (paragraphs[n].path for n in ("18", "20", "31"))
    bis = twenty.replace("020.md", "020bis.md")
    assert set(files) == {eighteen, bis, thirty_one}
    assert "to prevent the diversion and the illicit" in files[eighteen]
    assert "proposed-by: [Kenya]" in files[eighteen]
    assert files[bis].endswith(f"---\n{NEW_TEXT}\n")
    assert "status: proposed" in files[bis] and "proposed-by: [Kenya]" in files[bis]
    assert "status: deleted" in files[thirty_one]
    assert "Kenya proposes to amend 18" in out and RATIONALE in out and "Jane Doe (Kenya)" in out
    assert "Kenya proposes 20 bis after 20" in out
    assert git(repo, "status", "--porcelain") == ""  # the working tree is untouched
    git(repo, "switch", "-q", "kenya/intake-draft-2")
    assert main(["-C", str(repo), "check"]) == 0
    assert (
        main(
            [
                "-C",
                str(repo),
                "pr-check",
                "--base",
                "main",
                "--head",
                "kenya/intake-draft-2",
                "--author",
                "kenya-mission",
            ]
        )
        == 0
    )
    assert RATIONALE in git(repo, "log", "-1", "--format=%B")


@pytest.mark.slow
def test_untracked_edits_saved_by_libreoffice_give_the_same_proposals(
    repo: Path, word_file: Path, tmp_path: Path
) -> None:
    paragraphs = by_number(repo)
    tracked = edit(word_file, tmp_path / "tracked" / "kenya.docx", paragraphs, tracked=True)
    untracked = edit(word_file, tmp_path / "kenya.docx", paragraphs, tracked=False)
    resaved = word_edit.libreoffice_save(untracked, tmp_path / "lo")
    assert intake(repo, str(tracked), "--delegation", "KEN") == 0
    by_tracked = changed_files(repo)
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-fdq")
    assert intake(repo, str(resaved), "--delegation", "KEN") == 0
    by_untracked = changed_files(repo)
    assert set(by_tracked) == set(by_untracked)
    for path, text in by_tracked.items():
        if not path.endswith("bis.md"):
            assert by_untracked[path] == text
        else:  # a new paragraph gets a fresh random id; everything else is the same
            assert by_untracked[path].split("\n", 2)[2] == text.split("\n", 2)[2]


def test_edit_to_agreed_text_is_listed_and_not_written(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    ten = word_edit.paragraph(word, paragraphs["10"].id)
    first_word = paragraphs["10"].text.split()[0]
    word_edit.replace(ten, first_word, first_word + " firmly", tracked=True)
    word_edit.replace(word_edit.paragraph(word, paragraphs["18"].id), "diversion", "diversion, theft", tracked=True)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    assert intake(repo, str(edited), "--delegation", "Kenya") == 1
    captured = capsys.readouterr()
    assert "ZD905" in captured.err and "the amendment to 10" in captured.err
    assert set(changed_files(repo)) == {paragraphs["18"].path}


def test_edited_header_cover_note_moves_and_unmapped_text(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    body = word.element.body
    word.sections[0].header.paragraphs[0].text = "KENYA: COMMENTS ON DRAFT 2"  # the page header, edited
    cover = word_edit.insert_after(body[0], "Dear Chair, please find our edits below.", tracked=False)
    body.remove(cover)
    body.insert(0, cover)
    moved = word_edit.paragraph(word, paragraphs["40"].id)
    word_edit.paragraph(word, paragraphs["17"].id).addnext(moved)
    lost = word_edit.paragraph(word, paragraphs["50"].id)
    for start in list(lost.iter(word_edit.q("bookmarkStart"))):
        start.getparent().remove(start)
    word_edit.replace(lost, paragraphs["50"].text.split()[-1], "changed.", tracked=False)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    assert intake(repo, str(edited), "--delegation", "Kenya") == 1
    captured = capsys.readouterr()
    assert "move 40 to follow 17" in captured.out
    assert "Left aside" in captured.out and "Dear Chair" in captured.out
    assert "ZD630" in captured.err and "looks like paragraph 50" in captured.err
    files = changed_files(repo)
    assert paragraphs["40"].path in files and "status: deleted" in files[paragraphs["40"].path]
    seventeen_bis = paragraphs["17"].path.replace("017.md", "017bis.md")
    assert files[seventeen_bis].split("---\n")[-1].strip() == paragraphs["40"].text.strip()
    assert paragraphs["50"].path not in files  # never guessed


def test_an_unchanged_file_proposes_nothing(repo: Path, word_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert intake(repo, str(word_file), "--delegation", "Kenya", "--new-branch") == 0
    assert "Nothing in the Word file differs" in capsys.readouterr().out
    assert "kenya/" not in git(repo, "branch")


def test_every_paragraph_reads_back_as_its_source(word_file: Path, draft_repo: Path) -> None:
    """The pristine file regenerates each paragraph's Markdown exactly (what an amendment keeps)."""
    from zerodraft.intake import edits, identity, package, wordfile
    from zerodraft.render.layout import lay_out

    document = read(WorkingTree(draft_repo), "outcome").document
    draft = lay_out(document)
    word = wordfile.read(package.open_word_file(word_file))
    names = {identity.bookmark(i.paragraph.id)[3:]: i.paragraph.id for i in draft.items()}
    groups = edits._groups(word, names, {})
    for item in draft.items():
        assert edits._text(groups[item.paragraph.id].blocks, word, item, item.paragraph) == item.paragraph.text.strip()


def test_batch_one_branch_each(repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = by_number(repo)
    folder = tmp_path / "inbox"
    folder.mkdir()
    edit(word_file, folder / "kenya.docx", paragraphs, tracked=True)
    word = word_edit.open_word(word_file)
    word_edit.delete(word_edit.paragraph(word, paragraphs["12"].id), tracked=True)
    word_edit.save(word, folder / "brazil.docx")
    (folder / "notes.docx").write_bytes(b"not a word file")
    mapping = tmp_path / "delegations.csv"
    mapping.write_text("file,delegation\nkenya.docx,Kenya\nbrazil.docx,Brazil\nnotes.docx,Chile\n", encoding="utf-8")
    assert intake(repo, str(folder), "--map", str(mapping)) == 2
    table = capsys.readouterr().out
    assert "| kenya.docx | Kenya | kenya/intake-draft-2 | 3 |" in table
    assert "| brazil.docx | Brazil | brazil/intake-draft-2 | 1 |" in table
    assert "notes.docx" in table and "not a Word file" in table
    assert set(changed_files(repo, "brazil/intake-draft-2")) == {paragraphs["12"].path}


def test_headings_two_insertions_and_a_new_subparagraph(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    twenty = word_edit.paragraph(word, paragraphs["20"].id)
    first = word_edit.insert_after(twenty, "20 bis. First new paragraph.", tracked=True)
    word_edit.insert_after(first, "Second new paragraph.", tracked=False)
    word_edit.insert_after(word_edit.paragraph(word, paragraphs["30"].id), "(a)\tto report yearly;", tracked=True)
    heading = next(p for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1")
    word_edit.replace(heading._p, heading.text.split()[-1], "topics", tracked=True)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    assert intake(repo, str(edited), "--delegation", "Kenya") == 1
    captured = capsys.readouterr()
    assert "ZD902" in captured.err and "section.yaml" in captured.err
    files = changed_files(repo)
    folder = paragraphs["20"].path.rsplit("/", 1)[0]
    assert files[f"{folder}/020bis.md"].endswith("---\nFirst new paragraph.\n")  # the typed number is not text
    assert files[f"{folder}/020ter.md"].endswith("---\nSecond new paragraph.\n")
    assert files[paragraphs["30"].path].endswith(paragraphs["30"].text.strip() + "\n(a) to report yearly;\n")
    assert len(files) == 3


@pytest.mark.slow
def test_tracked_changes_saved_again_by_libreoffice(repo: Path, word_file: Path, tmp_path: Path) -> None:
    paragraphs = by_number(repo)
    tracked = edit(word_file, tmp_path / "kenya.docx", paragraphs, tracked=True)
    resaved = word_edit.libreoffice_save(tracked, tmp_path / "lo")
    assert b"w:ins " in _document_xml(resaved) and b"w:del " in _document_xml(resaved)  # still tracked
    assert intake(repo, str(resaved), "--delegation", "Kenya") == 0
    files = changed_files(repo)
    assert set(files) == {paragraphs[n].path for n in ("18", "31")} | {
        paragraphs["20"].path.replace("020.md", "020bis.md")
    }
    assert "to prevent the diversion and the illicit" in files[paragraphs["18"].path]


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def test_a_working_tree_build_records_the_tag_it_is_exactly(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zerodraft.intake import package, wordfile

    assert main(["-C", str(repo), "build", "--format", "docx", "-o", str(tmp_path / "out")]) == 0
    built = next((tmp_path / "out").glob("*.docx"))
    assert wordfile.read(package.open_word_file(built)).stamp.tag == "draft-2"
    paragraphs = by_number(repo)
    word = word_edit.open_word(built)
    word_edit.delete(word_edit.paragraph(word, paragraphs["7"].id), tracked=False)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    capsys.readouterr()
    assert intake(repo, str(edited), "--delegation", "Kenya") == 0
    assert set(changed_files(repo)) == {paragraphs["7"].path}
    (repo / paragraphs["7"].path).write_text("changed\n", encoding="utf-8")  # now it is an editor's copy
    assert main(["-C", str(repo), "build", "--format", "docx", "-o", str(tmp_path / "out2")]) == 0
    stamp = wordfile.read(package.open_word_file(next((tmp_path / "out2").glob("*.docx")))).stamp
    assert (stamp.tag, stamp.commit) == ("", "")


def test_bookmarks_word_moved_between_paragraphs_still_mark_them(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word may write a bookmark that starts a paragraph just before it, in the body itself."""
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    for number in ("18", "19"):
        element = word_edit.paragraph(word, paragraphs[number].id)
        start = next(element.iter(word_edit.q("bookmarkStart")))
        element.addprevious(start)  # moved out of the paragraph, into the body
    word_edit.replace(word_edit.paragraph_after_bookmark(word, paragraphs["18"].id), "diversion", "theft", tracked=True)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    assert intake(repo, str(edited), "--delegation", "Kenya") == 0
    assert set(changed_files(repo)) == {paragraphs["18"].path}


def test_a_paragraph_with_a_table_is_not_rewritten(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tables are not read back from Word: a changed paragraph holding one is listed, never rewritten without it."""
    paragraphs = by_number(repo)
    target = repo / paragraphs["25"].path
    table = "\n\n| State | Report |\n| --- | --- |\n| Kenya | 2021 |\n"
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + table, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a table in 25")
    git(repo, "tag", "draft-2-table")
    assert (
        main(["-C", str(repo), "build", "--ref", "draft-2-table", "--format", "docx", "-o", str(tmp_path / "out")]) == 0
    )
    word = word_edit.open_word(next((tmp_path / "out").glob("*.docx")))
    first_word = paragraphs["25"].text.split()[1]
    word_edit.replace(word_edit.paragraph(word, paragraphs["25"].id), first_word, first_word + " also", tracked=True)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    capsys.readouterr()
    assert intake(repo, str(edited), "--delegation", "Kenya") == 1
    assert "holds a table" in capsys.readouterr().err
    assert changed_files(repo) == {}


def test_a_file_of_an_earlier_draft_lands_on_the_renumbered_text(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Kenya edits Draft 2's Word file after Draft 3 is out (paragraph 5 dropped, so 18 is now 17,
    and 19 amended since): the amendment lands on the same paragraph by its id; 19's newer text
    is not put back."""
    paragraphs = by_number(repo)
    five, nineteen = (repo / paragraphs[n].path for n in ("5", "19"))
    five.write_text(five.read_text(encoding="utf-8").replace("status: open", "status: deleted"), encoding="utf-8")
    nineteen.write_text(nineteen.read_text(encoding="utf-8").rstrip("\n") + " (as amended)\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "the round's changes")
    out = tmp_path / "artefacts"
    assert (
        main(["-C", str(repo), "release", "Draft 3", "--date", "2021-07-19", "--format", "none", "-o", str(out)]) == 0
    )
    word = word_edit.open_word(word_file)
    word_edit.replace(word_edit.paragraph(word, paragraphs["18"].id), "diversion", "diversion, theft", tracked=True)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    capsys.readouterr()
    assert intake(repo, str(edited), "--delegation", "Kenya") == 0
    description = capsys.readouterr().out
    files = changed_files(repo)
    (path,) = files
    assert path.endswith("/017.md") and f"id: {paragraphs['18'].id}" in files[path]
    assert "diversion, theft" in files[path] and "compared with Draft 2 (draft-2" in description


def test_enter_at_the_start_of_a_paragraph_that_took_its_bookmark_up(
    repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enter typed at the start of 21, then new text: Word may leave 21's bookmark on the new
    paragraph above.  That is still a new paragraph after 20, and 21 unchanged."""
    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    twenty_one = word_edit.paragraph(word, paragraphs["21"].id)
    typed = word_edit.insert_after(word_edit.paragraph(word, paragraphs["20"].id), NEW_TEXT, tracked=False)
    start = next(twenty_one.iter(word_edit.q("bookmarkStart")))
    typed.insert(0, start)  # the mark moved up with the cursor
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    capsys.readouterr()
    assert intake(repo, str(edited), "--delegation", "Kenya") == 0
    files = changed_files(repo)
    bis = paragraphs["20"].path.replace("020.md", "020bis.md")
    assert set(files) == {bis} and files[bis].endswith(f"---\n{NEW_TEXT}\n")
