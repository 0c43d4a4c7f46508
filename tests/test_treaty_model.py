"""Every family of UN text in the model: a small treaty and a GA decision, read, checked
and exported as the format (docs/format.md) says."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import write_paragraph
from treaty_fixtures import write_decision, write_treaty
from zerodraft import reader
from zerodraft.commands.check import check
from zerodraft.model import Document, SectionKind
from zerodraft.render import build
from zerodraft.source import WorkingTree


def read(base: Path) -> Document:
    return reader.read(WorkingTree(base)).document


def codes(base: Path) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in check(WorkingTree(base))}


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    return write_treaty(tmp_path)


def test_the_treaty_is_clean(treaty: Path) -> None:
    assert codes(treaty) == set()


def test_the_decision_is_clean_and_prints_no_number(tmp_path: Path) -> None:
    write_decision(tmp_path)
    assert codes(tmp_path) == set()
    document = read(tmp_path)
    assert [document.printed_number(p) for p in document.paragraphs()] == ["", ""]


def test_sections_know_their_kind_number_and_title(treaty: Path) -> None:
    document = read(treaty)
    described = [(s.kind, s.number, s.title, s.heading) for s in document.walk()]
    assert described[:6] == [
        (SectionKind.PREAMBLE, "", "", ""),
        (SectionKind.HEADING, "", "", ""),
        (SectionKind.PART, "I", "GENERAL PROVISIONS", "PART I\nGENERAL PROVISIONS"),
        (SectionKind.ARTICLE, "1", "Use of terms", "Article 1\nUse of terms"),
        (SectionKind.ARTICLE, "2", "Objective", "Article 2\nObjective"),
        (SectionKind.ARTICLE, "2 bis", "[Regional cooperation]", "[Article 2 bis]\n[Regional cooperation]"),
    ]
    options = [s.heading for s in document.walk() if s.kind is SectionKind.OPTION]
    assert options == ["OPTION I", "OPTION II"]
    assert [s.heading for s in document.walk()][-1] == "Annex I\nCriteria"


def test_folders_are_ordered_with_insertion_suffixes(tmp_path: Path) -> None:
    write_treaty(tmp_path)
    part = tmp_path / "outcome/02-part-i"
    (part / "02ante-article-2-ante").mkdir()
    (part / "02ante-article-2-ante/section.yaml").write_text('kind: article\nnumber: "2 ante"\n')
    document = read(tmp_path)
    keys = [s.key for s in document.sections[2].subsections]
    assert keys == ["01-article-1", "02ante-article-2-ante", "02-article-2", "02bis-article-2-bis", "03-article-3"]


def test_paragraphs_sort_with_ante_decimals_and_unnumbered(treaty: Path) -> None:
    article_3 = next(s for s in read(treaty).walk() if s.number == "3")
    assert [p.label for p in article_3.paragraphs] == ["1", "2 ante", "2", "2.1", "2.2"]
    article_1 = next(s for s in read(treaty).walk() if s.number == "1")
    assert [p.label for p in article_1.paragraphs] == ["0 u", "1", "2"]


def test_numbers_restart_in_every_article_annex_and_option(treaty: Path) -> None:
    document = read(treaty)
    units = [[p.label for p in unit] for unit in document.units()]
    assert units == [
        ["1", "2"],  # preamble
        ["1"],  # "Have agreed as follows:", numbered by position
        ["0 u", "1", "2"],  # article 1
        ["1"],  # article 2, numbered: false
        ["1"],  # article 2 bis
        ["1", "2 ante", "2", "2.1", "2.2"],  # article 3
        ["1"],  # article 4
        ["1", "2"],  # option I
        ["1"],  # option II
        ["1", "2"],  # annex I
    ]


def _export(base: Path) -> dict[str, object]:
    document = read(base)
    (path,) = build(document, ["json"], base / "out")
    loaded: dict[str, object] = json.loads(path.read_text("utf-8"))
    return loaded


def test_json_export_states_the_structure(treaty: Path) -> None:
    export = _export(treaty)
    sections = export["sections"]
    assert isinstance(sections, list)
    article = next(s for s in sections if s["number"] == "2 bis")
    assert {k: article[k] for k in ("section", "kind", "number", "title", "heading", "bracketed")} == {
        "section": ["02-part-i", "02bis-article-2-bis"],
        "kind": "article",
        "number": "2 bis",
        "title": "[Regional cooperation]",
        "heading": "[Article 2 bis]\n[Regional cooperation]",
        "bracketed": True,
    }
    assert sections[1]["number"] is None and sections[1]["title"] is None
    paragraphs = export["paragraphs"]
    assert isinstance(paragraphs, list)
    shown = [(p["number"], p["printed_number"], p["preambular"]) for p in paragraphs]
    assert shown[:7] == [
        ("1", "", True),
        ("2", "", True),
        ("1", "", False),  # Have agreed as follows:
        ("0 u", "", False),  # the chapeau of article 1
        ("1", "1", False),
        ("2", "2", False),
        ("1", "", False),  # the one paragraph of article 2
    ]
    refs = [p["ref"] for p in paragraphs]
    assert len(set(refs)) == len(refs)
    assert "1.2" in refs and "3.2ante" in refs and "annex-I.1" in refs and "4.option-I.2" in refs


def test_json_export_matches_the_published_schema(treaty: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from zerodraft.render import json as json_format

    jsonschema.validate(_export(treaty), json_format.schema())


def _section(folder: str, text: str) -> Callable[[Path], None]:
    def write(base: Path) -> None:
        (base / "outcome" / folder).mkdir(parents=True, exist_ok=True)
        (base / "outcome" / folder / "section.yaml").write_text(text, encoding="utf-8")

    return write


def _move(old: str, new: str) -> Callable[[Path], None]:
    return lambda base: (base / "outcome" / old).rename(base / "outcome" / new)


def _article_4_as_6(base: Path) -> None:
    _move("03-part-ii/04-article-4", "03-part-ii/06-article-6")(base)
    _section("03-part-ii/06-article-6", 'kind: article\nnumber: "6"\n')(base)


ART3 = "02-part-i/03-article-3"
#: A rule -> (a change to the clean treaty, the files that break it).
CASES: dict[str, tuple[Callable[[Path], None], set[str]]] = {
    "ZD207": (_move(f"{ART3}/002ante.md", f"{ART3}/003ante.md"), {f"{ART3}/003ante.md"}),
    "ZD208": (
        _move("02-part-i/01-article-1/000u.md", "02-part-i/01-article-1/005u.md"),
        {"02-part-i/01-article-1/005u.md"},
    ),
    "ZD209": (_move(f"{ART3}/002.1.md", f"{ART3}/002.3.md"), {f"{ART3}/002.2.md"}),
    "ZD210": (_article_4_as_6, {"03-part-ii/06-article-6/section.yaml"}),
    "ZD211": (_move(ART3, "02-part-i/03bis-article-3"), {"02-part-i/03bis-article-3/section.yaml"}),
    "ZD504": (_section("04-annex-i", "kind: anex\nnumber: I\n"), {"04-annex-i/section.yaml"}),
    "ZD505": (_section("04-annex-i", "kind: annex\nnumber: [1]\n"), {"04-annex-i/section.yaml"}),
    "ZD506": (_section("04-annex-i", 'kind: option\nnumber: "I"\n'), {"04-annex-i/section.yaml"}),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_structure_rule_has_a_failing_fixture(tmp_path: Path, code: str) -> None:
    write_treaty(tmp_path)
    change, files = CASES[code]
    change(tmp_path)
    found = codes(tmp_path)
    assert {path for path, c in found if c == code} == {f"outcome/{f}" for f in files}
    assert {c for _p, c in found} == {code}


def test_problem_lines_speak_plainly(tmp_path: Path) -> None:
    write_treaty(tmp_path)
    CASES["ZD211"][0](tmp_path)
    (problem,) = check(WorkingTree(tmp_path))
    assert str(problem) == (
        "outcome/02-part-i/03bis-article-3/section.yaml:1: ZD211 is Article 3, so its folder's order number "
        "should be '03' (like '03-article-3'), not '03bis'"
    )


def test_every_structure_rule_is_exercised() -> None:
    from test_check import TREATY_CODES

    assert set(CASES) == TREATY_CODES


def test_option_blocks_nest_and_number_on_their_own(tmp_path: Path) -> None:
    write_treaty(tmp_path)
    inner = tmp_path / "outcome/03-part-ii/04-article-4/01-options/01-option-i/01-options"
    for folder, text in {
        inner: "kind: options\n",
        inner / "01-option-a": 'kind: option\nnumber: "A"\n',
        inner / "02-option-b": 'kind: option\nnumber: "B"\n',
        inner / "02-option-b/01-options": "kind: options\n",
        inner / "02-option-b/01-options/01-option-1": 'kind: option\nnumber: "1"\n',
    }.items():
        folder.mkdir(parents=True)
        (folder / "section.yaml").write_text(text)
    for n, folder in enumerate(
        (inner / "01-option-a", inner / "02-option-b", inner / "02-option-b/01-options/01-option-1"), 1
    ):
        write_paragraph(folder / "001.md", f"n-{n}", f"Option text {n}.")
    assert codes(tmp_path) == set()
    document = read(tmp_path)
    options = [s for s in document.walk() if s.kind is SectionKind.OPTION]
    assert [s.heading for s in options] == ["OPTION I", "Option A", "Option B", "Option 1", "OPTION II"]
    refs = {p.text.strip(): document.ref(p) for p in document.paragraphs() if p.text.startswith("Option text")}
    assert refs == {
        "Option text 1.": "4.option-I.option-A.1",
        "Option text 2.": "4.option-I.option-B.1",
        "Option text 3.": "4.option-I.option-B.option-1.1",
    }


def test_brackets_may_run_over_paragraphs_of_one_part(tmp_path: Path) -> None:
    """A negotiating text brackets a run of paragraphs or whole articles: "[" in one
    paragraph, "]" in a later one of the same top-level part, is balanced (ZD401)."""
    write_treaty(tmp_path)
    article_1 = tmp_path / "outcome/02-part-i/01-article-1"
    write_paragraph(article_1 / "001.md", "t-0005", '["Area" means the sea-bed beyond national jurisdiction.')
    write_paragraph(tmp_path / "outcome/02-part-i/03-article-3/001.md", "t-0009", "This Agreement applies.]")
    assert codes(tmp_path) == set()
    write_paragraph(tmp_path / "outcome/04-annex-i/001.md", "t-0018", "Criteria shall include uniqueness.]")
    write_paragraph(article_1 / "002.md", "t-0006", '["Party" means a State.')  # never closed in Part I
    assert codes(tmp_path) == {
        ("outcome/04-annex-i/001.md", "ZD401"),  # in another part: it closes nothing of Part I
        ("outcome/02-part-i/01-article-1/001.md", "ZD401"),  # the "]" of Article 3 closes the later "["
    }


def test_numbered_subparagraphs_and_marks_in_a_row(tmp_path: Path) -> None:
    """A treaty's definitions: (1), (2) … with (a), (b) under one of them, and marks written
    one after another on a line — "(5) (a) "dumping" means:", "(f) (i) to consider" (UNCLOS,
    articles 1 and 160) — are in sequence (ZD402); a real gap is still one."""
    write_treaty(tmp_path)
    path = tmp_path / "outcome/02-part-i/01-article-1/001.md"
    text = (
        "For the purposes of this Convention:\n(1) Area means the seabed;\n(2) Authority means the Authority;\n"
        '(3) (a) "dumping" means:\n(i) any disposal;\n(ii) any deliberate disposal;\n(b) "dumping" does not include:\n'
        "(i) the disposal incidental;\n(4) (a) one;\n(b) two."
    )
    write_paragraph(path, "t-0005", text)
    assert codes(tmp_path) == set()
    write_paragraph(path, "t-0005", text.replace("(b) two.", "(c) two."))
    assert codes(tmp_path) == {("outcome/02-part-i/01-article-1/001.md", "ZD402")}


def test_a_mark_both_letter_and_roman_is_read_by_the_mark_after_it(tmp_path: Path) -> None:
    """A mark "(i)" right after "(h)" opens a roman run when "(ii)" follows, and is the letter i when
    the next mark is "(j)" — both as printed in UNCLOS Annex III, article 13(6); likewise "(v)"
    after "(u)" and "(iv)". A real gap stays one."""
    write_treaty(tmp_path)
    path = tmp_path / "outcome/02-part-i/01-article-1/001.md"
    letters = "".join(f"({c}) {c};\n" for c in "abcdefg")
    text = f"Costs:\n{letters}(h) costs means:\n(i) before;\n(ii) after;\n(i) proceeds;\n(j) last."
    write_paragraph(path, "t-0005", text)
    assert codes(tmp_path) == set()
    write_paragraph(path, "t-0005", text.replace("(i) proceeds;\n(j)", "(i) proceeds;\n(k)"))
    assert codes(tmp_path) == {("outcome/02-part-i/01-article-1/001.md", "ZD402")}
    write_paragraph(path, "t-0005", f"Costs:\n{letters}(h) one;\n(i) two;\n(j) three.")
    assert codes(tmp_path) == set()
    upto_u = "".join(f"({c}) {c};\n" for c in "abcdefghijklmnopqrst")
    romans = "(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n"
    write_paragraph(path, "t-0005", f"List:\n{upto_u}(u) many:\n{romans}(v) five;\n(vi) six;\n(v) vee.")
    assert codes(tmp_path) == set()
