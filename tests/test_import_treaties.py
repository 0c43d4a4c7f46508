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
