"""Treaties and resolutions with annexes (issue 13): the family rules of the importer, each on
a small synthetic source and on the real corpus file that needs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import UN_CORPUS
from test_check import problems_of
from test_import_families import imported_text
from zerodraft.importing import flattened
from zerodraft.importing.blocks import Block, Kind
from zerodraft.main import main

FLAT_TREATY = """AGREEMENT ON THE CONSERVATION OF SOMETHING

PREAMBLE The Parties to this Agreement, Recalling the relevant provisions of the Convention, including the obligation to protect it, Stressing the need to respect the balance of rights, recognizing that it matters, Recognizing also that support is essential, Have agreed as follows:

PART I
GENERAL PROVISIONS

Article 1
Use of terms

For the purposes of this Agreement:

1. "Convention" means the Convention of 1982.

2. "Party" means a State that has consented to be bound by this Agreement.

Article 2
General objective

The objective of this Agreement is to ensure the conservation of something.
"""


def test_a_flattened_preamble_is_split_into_its_heading_chapeau_and_paragraphs() -> None:
    line = FLAT_TREATY.splitlines()[2]
    pieces = [b.text for b in flattened.split([Block(3, Kind.LINE, line)])]
    assert pieces == [
        "PREAMBLE",
        "The Parties to this Agreement,",
        "Recalling the relevant provisions of the Convention, including the obligation to protect it,",
        "Stressing the need to respect the balance of rights, recognizing that it matters,",
        "Recognizing also that support is essential,",
        "Have agreed as follows:",
    ]
    assert " ".join(pieces) == line  # every word, in order


def test_a_line_that_is_not_a_flattened_preamble_is_left_alone() -> None:
    for text in (
        "The Parties shall cooperate, Recalling nothing.",  # one participle: not a preamble
        "Recalling the relevant provisions, Stressing the need,",  # no chapeau
        "1. The Parties to this Agreement, Recalling …, Stressing …",
    ):
        block = Block(1, Kind.LINE, text)
        assert flattened.split([block]) == [block]


def test_a_flattened_treaty_imports_with_a_preamble_of_unnumbered_paragraphs(tmp_path: Path) -> None:
    document = imported_text(tmp_path, FLAT_TREATY)
    assert problems_of(tmp_path) == []
    assert document.config.title == "AGREEMENT ON THE CONSERVATION OF SOMETHING"
    preamble = document.sections[0]
    assert preamble.preamble and preamble.heading == "PREAMBLE\nThe Parties to this Agreement,"
    texts = [p.text.strip() for p in document.paragraphs() if document.is_preambular(p)]
    assert [t.split()[0] for t in texts] == ["Recalling", "Stressing", "Recognizing", "Have"]
    assert not any(document.printed_number(p) for p in document.paragraphs() if document.is_preambular(p))


@pytest.mark.slow
@pytest.mark.skipif(not UN_CORPUS.is_dir(), reason="shared/corpus is not beside the repository")
def test_the_bbnj_text_has_the_preamble_its_pdf_prints(tmp_path: Path) -> None:
    """The BBNJ Agreement as a flattened text: "PREAMBLE The Parties to this Agreement,
    Recalling …" on one line becomes the preamble's heading and its 18 paragraphs, as the PDF
    prints them; the JSON export marks them preambular."""
    assert (
        main(["-C", str(tmp_path), "import", str(UN_CORPUS / "treaty-bbnj-agreement-2023.en.txt"), "--into", "outcome"])
        == 0
    )
    assert main(["-C", str(tmp_path), "build", "--format", "json", "-o", "out"]) == 0
    (export,) = (tmp_path / "out").glob("*.json")
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["document"]["title"].startswith("AGREEMENT UNDER THE UNITED NATIONS CONVENTION ON THE LAW OF THE SEA")
    preambular = [p for p in data["paragraphs"] if p["preambular"]]
    assert len(preambular) == 18 and all(p["printed_number"] == "" for p in preambular)
    assert preambular[0]["text"].startswith("Recalling the relevant provisions of the United Nations Convention")
    assert preambular[-1]["text"].strip() == "Have agreed as follows:"
    assert data["sections"][0]["heading"] == "PREAMBLE\nThe Parties to this Agreement,"


ANNEX_OF_SECTIONS = """AGREEMENT ON THE CONSERVATION OF SOMETHING

Article 1
Use of terms

1. "Area" means the sea-bed beyond national jurisdiction.

2. "Party" means a State that has consented to be bound by this Agreement.

Article 2
Implementation

The Parties shall implement this Agreement in accordance with the Annex.

ANNEX

SECTION 1. COSTS TO STATES PARTIES

1. The costs to States Parties shall be minimized.

2. All organs shall be cost-effective.

SECTION 2. DECISION-MAKING

1. Decisions shall be taken by consensus, having regard to section 1, paragraph 2, of this Annex.

2. Voting shall be the last resort, as provided in paragraph 1.
"""


def test_an_annex_whose_sections_number_their_paragraphs_afresh(tmp_path: Path) -> None:
    """An annex's Sections that start again at "1." number their paragraphs on their own
    (``restarts: true``), so that "section 1, paragraph 2, of this Annex" is found; without
    the key the numbers would run on through the annex, and the check says so."""
    document = imported_text(tmp_path, ANNEX_OF_SECTIONS)
    assert problems_of(tmp_path) == []
    annex = document.sections[-1]
    assert annex.kind.value == "annex" and [s.restarts for s in annex.subsections] == [True, True]
    assert [[p.label for p in s.paragraphs] for s in annex.subsections] == [["1", "2"], ["1", "2"]]
    assert [document.ref(p) for p in annex.subsections[1].paragraphs] == ["annex.section-2.1", "annex.section-2.2"]
    for folder in ("01-section-1", "02-section-2"):
        config = tmp_path / "outcome" / "03-annex" / folder / "section.yaml"
        assert "restarts: true" in config.read_text(encoding="utf-8")
        config.write_text(config.read_text(encoding="utf-8").replace("restarts: true\n", ""), encoding="utf-8")
    assert {p.code for p in problems_of(tmp_path)} >= {"ZD202", "ZD703"}


def test_restarts_is_a_flag(tmp_path: Path) -> None:
    """``restarts:`` takes true or false, like the other flags of section.yaml."""
    imported_text(tmp_path, ANNEX_OF_SECTIONS)
    config = tmp_path / "outcome" / "03-annex" / "01-section-1" / "section.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("restarts: true", "restarts: often"), encoding="utf-8")
    assert any("restarts" in p.message for p in problems_of(tmp_path))


@pytest.mark.skipif(not UN_CORPUS.is_dir(), reason="shared/corpus is not beside the repository")
def test_the_part_xi_agreement_annex_numbers_each_section_afresh(tmp_path: Path) -> None:
    """GA resolution 48/263: the Agreement's Annex has nine Sections, each numbered from 1
    ("SECTION 3. DECISION-MAKING" then "1." … "16."), as "section 3, paragraph 11, of this
    Annex" counts them."""
    pdf = UN_CORPUS / "resolution-ga-48-263-part-xi-agreement-1994.pdf"
    assert main(["-C", str(tmp_path), "import", str(pdf), "--into", "outcome"]) == 0
    from zerodraft.reader import read
    from zerodraft.source import WorkingTree

    document = read(WorkingTree(tmp_path), "outcome").document
    (annex,) = [s for s in document.sections if s.kind.value == "annex"]
    sections = annex.subsections
    assert [s.number for s in sections] == [str(n) for n in range(1, 10)]
    # Section 4 is one paragraph printed without a number: nothing to restart
    assert [s.restarts for s in sections] == [True, True, True, False, True, True, True, True, True]
    assert [p.label for p in sections[2].paragraphs] == [str(n) for n in range(1, 17)]
    assert sections[2].paragraphs[10].text.startswith("(a) The Council shall approve a recommendation")
    cited = [p for p in problems_of(tmp_path) if p.code == "ZD701" and "section" in p.message]
    assert cited == []


def test_an_article_number_scanned_with_a_letter_for_a_digit(tmp_path: Path) -> None:
    """ "Article 3l" after Article 30 (UNCLOS, Annex VI) is Article 31, its heading kept as
    printed and the reading reported; the articles after it are articles again. A letter
    that does not make the next article's number stays text."""
    articles = "\n\n".join(f"Article {n}\nTitle {n}\n\nThe text of article {n}." for n in range(1, 31))
    text = (
        f"AGREEMENT ON SOMETHING\n\n{articles}\n\nArticle 3l\nRequest to intervene\n\n"
        "A State may ask to intervene.\n\nArticle 32\nRight to intervene\n\nEvery party may intervene.\n\n"
        "Article 4l\nNot an article\n\nThe text goes on.\n"
    )
    document = imported_text(tmp_path, text)
    articles_read = [(s.number, s.heading) for s in document.walk() if s.kind.value == "article"]
    assert articles_read[-2:] == [("31", "Article 3l\nRequest to intervene"), ("32", "Article 32\nRight to intervene")]
    assert "Article 4l" in document.sections[-1].paragraphs[-1].text + document.sections[-1].heading
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "'Article 3l' read as Article 31" in report


def test_a_capitalised_reference_within_a_part() -> None:
    """Headings printed in capitals refer as the text does: "SECTION 3 OF PART XV" is
    section 3 of Part XV (UNCLOS, Annex V), not any section 3."""
    from zerodraft.references.grammar import find

    (reference,) = find("COMPULSORY SUBMISSION PURSUANT TO SECTION 3 OF PART XV")
    section = reference.targets[0]
    assert (section.kind.value, section.numeral.label, section.within) == (
        "section",
        "3",
        ((section.within[0][0], "XV"),),
    )
    assert section.within[0][0].value == "part"


SCANNED_TREATY = """CONVENTION ON SOMETHING

Article 1
Use of terms

For the purposes of this Convention, "Area" means the sea-bed beyond national jurisdiction and the subsoil thereof.

Article 2
Responsibility of the flag State for damage caused by a warship or a vessel
or other government ship operated for non-commercial purposes

The flag State shall bear international responsibility for any loss or damage to the coastal State resulting from it.

Article 3
Formal confirmation

l. An international organization may deposit its instrument of formal confirmation if a majority of its member
States deposit theirs.

2. The instruments deposited shall contain the undertakings required by articles 4 and 5 of this
Annex.

Article 4
Extent of participation

The instrument of formal confirmation shall contain an undertaking.
"""


def test_a_scanned_treatys_misprints_are_read_as_printed(tmp_path: Path) -> None:
    """An article title wrapped over two lines, "l." for paragraph 1 in an article, and a
    sentence ending "… of this" / "Annex." (not an annex heading): the articles run on."""
    document = imported_text(tmp_path, SCANNED_TREATY)
    articles = [s for s in document.walk() if s.kind.value == "article"]
    assert [s.number for s in articles] == ["1", "2", "3", "4"]
    assert articles[1].title == (
        "Responsibility of the flag State for damage caused by a warship or a vessel or other government ship "
        "operated for non-commercial purposes"
    )
    assert [p.text.split()[0] for p in articles[1].paragraphs] == ["The"]
    assert [p.label for p in articles[2].paragraphs] == ["1", "2"]
    assert articles[2].paragraphs[0].text.startswith("An international organization")
    assert articles[2].paragraphs[1].text.rstrip().endswith("of this Annex.")
    assert not any(s.kind.value == "annex" for s in document.walk())
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "'l.' read as paragraph 1 of Article 3" in report
