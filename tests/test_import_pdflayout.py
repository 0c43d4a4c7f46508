"""Labels printed apart from their text in a PDF (a hanging indent pdftotext reads as a
column of its own) are put back before it, from pdftotext's word boxes: a small PDF written
here, and the real treaties of the corpus."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import UN_CORPUS
from zerodraft.importing import pdflayout, sourcefile
from zerodraft.importing.pdflayout import Box
from zerodraft.main import main
from zerodraft.reader import read
from zerodraft.source import WorkingTree


def write_pdf(path: Path, runs: list[tuple[int, int, str]]) -> Path:
    """A one-page PDF (Helvetica 11) with each text run at its (x, y) in points."""

    def quoted(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf\n" + "".join(f"1 0 0 1 {x} {y} Tm ({quoted(t)}) Tj\n" for x, y, t in runs) + "ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


#: An article whose subparagraph (c) pdftotext writes before (i) and (ii), and whose labels
#: (a), (b), (c) it writes on lines of their own.
HANGING = [
    (72, 740, "Article 1"),
    (72, 726, "Use of terms"),
    (72, 700, "1. For the purposes of this Agreement, the following shall apply:"),
    (90, 680, "(a)"),
    (126, 680, "The first subparagraph;"),
    (90, 660, "(b)"),
    (126, 660, "The second subparagraph, including:"),
    (126, 640, "(i)"),
    (160, 640, "Its first part;"),
    (126, 620, "(ii)"),
    (160, 620, "Its second part;"),
    (90, 600, "(c)"),
    (126, 600, "The third subparagraph."),
    (72, 570, "2. The second paragraph of this article, which runs on to a second line"),
    (72, 556, "of text and ends here."),
    (72, 520, "Article 2"),
    (72, 506, "Scope"),
    (72, 480, "The text of the article, which holds one paragraph only."),
]


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True).stdout


def run_from(lines: list[str], first: str, count: int) -> list[str]:
    """``count`` lines from the one that reads ``first``."""
    at = lines.index(first)
    return lines[at : at + count]


def test_pdftotext_itself_reads_the_label_apart(tmp_path: Path) -> None:
    """The premise: pdftotext writes "(c)" before "(i)", apart from "The third subparagraph."."""
    lines = [line for line in pdftotext(write_pdf(tmp_path / "a.pdf", HANGING)).splitlines() if line]
    assert lines.index("(c)") < lines.index("(i)") < lines.index("The third subparagraph.")


def test_labels_are_put_back_before_their_text(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf", HANGING)
    source = sourcefile.open_source(pdf)
    lines = [line for line in source.text().splitlines() if line]
    assert run_from(lines, "(b) The second subparagraph, including:", 4) == [
        "(b) The second subparagraph, including:",
        "(i) Its first part;",
        "(ii) Its second part;",
        "(c) The third subparagraph.",
    ]
    assert lines[0] == "Article 1" and lines[-1] == "The text of the article, which holds one paragraph only."
    # the same number of lines as pdftotext's, so that the report's line numbers are its own
    assert source.text().count("\n") == pdftotext(pdf).count("\n")
    (note,) = source.notes
    assert note.startswith("5 labels printed apart from their text") and "on 1 page: lines " in note


def test_the_repaired_pdf_imports_and_checks_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = write_pdf(tmp_path / "a.pdf", HANGING)
    assert main(["import", str(pdf), "--into", str(tmp_path / "outcome")]) == 0
    out = capsys.readouterr().out
    assert "5 labels printed apart from their text" in out
    first = (tmp_path / "outcome" / "01-article-1" / "001.md").read_text(encoding="utf-8")
    assert first.split("---\n")[-1].splitlines()[1:] == [
        "(a) The first subparagraph;",
        "(b) The second subparagraph, including:",
        "(i) Its first part;",
        "(ii) Its second part;",
        "(c) The third subparagraph.",
    ]
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "labels printed apart from their text" in report


def test_a_page_without_labels_apart_is_pdftotexts_own(tmp_path: Path) -> None:
    """Labels that pdftotext already writes right before their text, and a second column
    further off than a hanging indent, change nothing."""
    runs = [
        (72, 740, "Article 1"),
        (90, 700, "1."),
        (126, 700, "The first paragraph of this article, which runs on to a"),
        (90, 686, "second line of text."),
        (72, 640, "(a)"),
        (400, 640, "A second column far off."),
    ]
    pdf = write_pdf(tmp_path / "b.pdf", runs)
    assert sourcefile.open_source(pdf).text() == pdftotext(pdf)
    assert sourcefile.open_source(pdf).notes == ()


def box(block: int, x: float, y: float, text: str) -> Box:
    return Box(block, x, y, x + 6 * len(text), y + 12, text)


def test_a_page_whose_boxes_do_not_match_is_left_alone() -> None:
    text = "(a)\nsomething else\n"
    pages = {0: (612.0, [box(0, 90, 100, "(a)"), box(1, 126, 100, "The text")])}
    assert pdflayout.repair(text, pages) == (text, [])


@given(
    st.lists(
        st.tuples(st.sampled_from(["(a)", "(iv)", "2.", "c.", "16.1", "Text of", "words here;"]), st.integers(0, 3)),
        min_size=1,
        max_size=12,
    )
)
def test_repair_keeps_every_word_and_every_line_count(rows: list[tuple[str, int]]) -> None:
    """Whatever the boxes, the repaired text holds the same words and the same number of
    lines as pdftotext's; only their order changes."""
    boxes = [box(i, 90 + 40 * column, 100 + 20 * (i // 2), text) for i, (text, column) in enumerate(rows)]
    text = "\n\n".join(b.text for b in sorted(boxes, key=lambda b: (b.x0, b.y0))) + "\n"
    ordered = sorted(boxes, key=lambda b: (b.x0, b.y0))
    repaired, _ = pdflayout.repair(text, {0: (612.0, ordered)})
    assert sorted(repaired.split()) == sorted(text.split())
    assert repaired.count("\n") == text.count("\n")


@pytest.mark.skipif(not UN_CORPUS.is_dir(), reason="shared/corpus is not beside the repository")
def test_bbnj_annex_ii_in_its_order() -> None:
    """The BBNJ Agreement's Annex II, where pdftotext writes "(iii)" "c." "d." before their
    texts: each subparagraph starts with its own label, in the printed order."""
    source = sourcefile.open_source(UN_CORPUS / "treaty-bbnj-agreement-2023.en.pdf")
    lines = [line for line in source.text().splitlines() if line]
    assert run_from(lines, "c. Policy and governance;", 4) == [
        "c. Policy and governance;",
        "d. The relevance and application of traditional knowledge;",
        "(iii) The exchange of experts, including experts on traditional knowledge;",
        "(iv) The provision of funding for the development of human resources and",
    ]
    # pdftotext joins "benefit-" to the wrong line there; the word boxes put it back
    assert "(b) Contact details and other relevant information on national focal points;" in lines


@given(st.lists(st.integers(1, 400), unique=True, max_size=80).map(sorted), st.integers(1, 10))
def test_the_word_boxes_take_a_few_runs_of_pages(pages: list[int], most: int) -> None:
    """However many pages hold a label alone, pdftotext runs at most a few times, and every
    such page is in one of its runs."""
    found = pdflayout.runs(pages, most)
    assert len(found) <= most
    assert all(any(first <= page <= last for first, last in found) for page in pages)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(found))


#: A negotiating text's preamble: its labels ("Pp1", "PP.2", "pp 3") printed left of their text.
LABELLED = [
    (72, 740, "A. DRAFT AGREEMENT"),
    (72, 710, "The Parties to this Agreement,"),
    (72, 690, "Pp1"),
    (126, 690, "Being Parties to the Convention, hereinafter referred to as the Convention,"),
    (126, 677, "and its Protocol,"),
    (72, 664, "PP.2"),
    (126, 664, "In furtherance of the objective of the Convention,"),
    (72, 651, "pp 3"),
    (126, 651, "Recognizing the intrinsic relationship between climate change and"),
    (126, 638, "sustainable development,"),
    (72, 610, "Have agreed as follows:"),
    (72, 580, "Article 1"),
    (72, 560, "1."),
    (126, 560, "The purpose of this Agreement is to act."),
]


@pytest.mark.parametrize("label", ["Pp1", "PP.1", "pp 3", "OP12", "Op.4", "pp3"])
def test_a_paragraph_label_is_a_label(label: str) -> None:
    assert pdflayout.LABEL_RE.match(label)


@pytest.mark.parametrize("line", ["pp.", "pp. 3", "PPP1", "Pp", "pages 3"])
def test_words_that_only_look_like_a_paragraph_label(line: str) -> None:
    assert not pdflayout.LABEL_RE.match(line)


def test_preambular_labels_are_put_back_before_their_text(tmp_path: Path) -> None:
    """The family rule for "1." labels holds for "Pp1", "PP.2", "pp 3": each joins its text."""
    pdf = write_pdf(tmp_path / "pp.pdf", LABELLED)
    lines = [line for line in sourcefile.open_source(pdf).text().splitlines() if line]
    assert pdftotext(pdf).split("\n")[2:5] == ["Pp1", "PP.2", "pp 3"]  # the premise: a column of labels
    assert run_from(lines, "The Parties to this Agreement,", 7) == [
        "The Parties to this Agreement,",
        "Pp1 Being Parties to the Convention, hereinafter referred to as the Convention,",
        "and its Protocol,",
        "PP.2 In furtherance of the objective of the Convention,",
        "pp 3 Recognizing the intrinsic relationship between climate change and",
        "sustainable development,",
        "Have agreed as follows:",
    ]
    assert main(["import", str(pdf), "--into", str(tmp_path / "outcome")]) == 0
    from test_check import problems_of

    assert problems_of(tmp_path) == []
    document = read(WorkingTree(tmp_path)).document
    labelled = [p for p in document.paragraphs() if document.printed_number(p).startswith("Pp")]
    assert [document.printed_number(p) for p in labelled] == ["Pp1", "Pp2", "Pp3"]
    assert labelled[0].text.strip() == (
        "Being Parties to the Convention, hereinafter referred to as the Convention, and its Protocol,"
    )
    chapeau = document.section_of(labelled[0])
    assert (chapeau.heading, chapeau.number_prefix) == ("The Parties to this Agreement,", "Pp")
    assert [p.text.strip() for p in chapeau.paragraphs][-1] == "Have agreed as follows:"
