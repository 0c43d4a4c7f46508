"""Negotiating texts as pdftotext reads them: numbers printed apart from their text, bracketed
sentences, subparagraphs under the wrong number, option labels, run-together footnotes and
page furniture.  Each family rule on a small synthetic source that checks clean; the real
files (the Co-Chairs' non-paper of October 2015, the BBNJ streamlined non-paper) are in
tests/test_import_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import UN_CORPUS
from test_check import problems_of
from test_import_families import imported_text
from zerodraft.importing import apart, options, runtogether
from zerodraft.importing.plaintext import read
from zerodraft.main import main
from zerodraft.reader import read as read_document
from zerodraft.source import WorkingTree


def labelled(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    document = imported_text(tmp_path, text)
    assert [str(p) for p in problems_of(tmp_path)] == []
    return [(document.printed_number(p), p.text.strip()) for p in document.paragraphs()]


def report(tmp_path: Path) -> str:
    return (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")


def test_bracketed_sentences_end_where_the_text_is_shared_out(tmp_path: Path) -> None:
    """ "[2010].]" and "Report.]" end sentences: four numbers apart from four paragraphs."""
    assert labelled(
        tmp_path,
        "Draft agreement\n\nArticle 1\nEntry into force\n1.\n\n2.\n\n3.\n\n"
        "This Agreement shall enter into force after [X] Parties have deposited their instruments[.][, with\n"
        "such Parties accounting for X per cent of emissions in [1990][2010].]\n"
        "[For the purposes of paragraph 1, emissions means those estimated in the Fifth Assessment\nReport.]\n"
        "For each State that ratifies this Agreement, it shall enter into force on the thirtieth day.\n",
    ) == [
        (
            "1",
            "This Agreement shall enter into force after [X] Parties have deposited their instruments"
            "[.][, with such Parties accounting for X per cent of emissions in [1990][2010].]",
        ),
        ("2", "[For the purposes of paragraph 1, emissions means those estimated in the Fifth Assessment Report.]"),
        ("3", "For each State that ratifies this Agreement, it shall enter into force on the thirtieth day."),
    ]


DECISION = (
    "Draft decision -/CP.21\n\nI. ADOPTION\n\n1.\n\nDecides to adopt the Agreement;\n\n"
    "2.\n\nDecides, in relation to Parties implementing jointly, that:\n\n3.\n\n(a)\n\n"
    "Parties that have reached an agreement shall notify the secretariat\nof its terms;\n\n(b)\n\n"
    "The secretariat shall inform the Parties of those terms;\n\n"
    "Also decides that the rules for accounting should ensure that:\n(a)\n\n"
    "Parties ensure methodological consistency;\n\n(b)\n\nParties use common metrics;\n\n"
    "4.\n\n[Option 1:\nRecommends that the CMA consider establishing a mechanism that would aim to:\n(a)\n"
    "Enhance mitigation ambition;\n(b)\n\nIncentivize participation by public and private entities;\n\n"
    "Requests the SBSTA to elaborate modalities for the mechanism referred to in paragraph 4 above;]\n\n"
    "[Option 2: No text on this mechanism;]\n\n"
    "5.\n\nAgrees to convene high-level dialogues that:\n\n6.\n\n7.\n\n(a)\n\nProvide an opportunity for announcing efforts;\n\n"
    "(b)\n\nTake stock of progress;\n\n[Decides that two champions shall be appointed, including by:\n(a)\n\n"
    "Working with the Executive Secretary;\n\n(b)\n\nCoordinating with the secretariat;]\n\n"
    "[Also decides that each incoming presidency shall appoint one of the champions, and, accordingly:\n(a)\n\n"
    "Invites the host of the twentieth meeting to appoint one champion;\n\n8.\n\n(b)\n\n"
    "Invites the host of the twenty-first meeting to appoint one champion;]\n\n"
    "[Invites interested Parties to provide support for the work of the champions;]\n\n"
    "II. WORKSTREAM 2\n\n9.\n\nRequests the secretariat to organize meetings, including by:\n\nIII.\n\n(a)\n\n"
    "Organizing regular technical expert meetings;\n\n(b)\n\nPreparing a technical paper;\n\n"
    "INTERIM ARRANGEMENTS\n\n10.\n\nDecides that the IPC shall meet in 2016;\n\n"
    "IV. BUDGETARY MATTERS\n\n11.\n\nTakes note of the requirement for additional resources.\n"
)


def test_subparagraphs_printed_under_the_next_number_go_back_to_their_chapeau(tmp_path: Path) -> None:
    """ "2. … that:" then "3." above "(a)": the subparagraphs are 2's, 3's text follows them;
    "6." "7." above 5's "(a)"; "8." above the "(b)" that continues 7's "(a)"."""
    paragraphs = dict(labelled(tmp_path, DECISION))
    assert paragraphs["2"] == (
        "Decides, in relation to Parties implementing jointly, that:\n"
        "(a) Parties that have reached an agreement shall notify the secretariat of its terms;\n"
        "(b) The secretariat shall inform the Parties of those terms;"
    )
    assert paragraphs["3"].startswith("Also decides that the rules for accounting should ensure that:\n(a) Parties")
    assert paragraphs["5"].endswith("(a) Provide an opportunity for announcing efforts;\n(b) Take stock of progress;")
    assert paragraphs["6"].startswith("[Decides that two champions") and paragraphs["6"].endswith("secretariat;]")
    assert paragraphs["7"] == (
        "[Also decides that each incoming presidency shall appoint one of the champions, and, accordingly:\n"
        "(a) Invites the host of the twentieth meeting to appoint one champion;\n"
        "(b) Invites the host of the twenty-first meeting to appoint one champion;]"
    )
    assert paragraphs["8"] == "[Invites interested Parties to provide support for the work of the champions;]"
    assert "subparagraphs printed under the number 3 read as those of paragraph 2" in report(tmp_path)


def test_an_option_label_after_a_number_alone_starts_its_text(tmp_path: Path) -> None:
    """ "4." then "[Option 1:": paragraph 4 holds its options; a decision's next operative
    verb after a semicolon ("Requests the SBSTA") is a paragraph of its own, unnumbered."""
    paragraphs = labelled(tmp_path, DECISION)
    four = next(index for index, (label, _) in enumerate(paragraphs) if label == "4")
    assert paragraphs[four][1].startswith("[Option 1: Recommends that the CMA")
    assert paragraphs[four][1].endswith("(b) Incentivize participation by public and private entities;")
    assert paragraphs[four + 1] == (
        "",
        "Requests the SBSTA to elaborate modalities for the mechanism referred to in paragraph 4 above;]\n"
        "[Option 2: No text on this mechanism;]",
    )


def test_a_heading_label_alone_above_subparagraphs(tmp_path: Path) -> None:
    """ "III." alone above "(a)": the heading opens (its title printed elsewhere) and the
    subparagraphs stay with the paragraph whose text ends with a colon."""
    document = imported_text(tmp_path, DECISION)
    headings = [s.heading for s in document.walk()]
    assert headings == ["I. ADOPTION", "II. WORKSTREAM 2", "III.", "INTERIM ARRANGEMENTS", "IV. BUDGETARY MATTERS"]
    nine = next(p for p in document.paragraphs() if p.label == "9")
    assert nine.text.strip().endswith(
        "(a) Organizing regular technical expert meetings;\n(b) Preparing a technical paper;"
    )


def test_a_running_header_of_several_lines_beside_each_page_number() -> None:
    """A three-line header above pages 2-6, each page ending "Page N of 6" and a form feed, is
    page furniture: a page number and the form feed after it are one page break, not two."""
    header = "AD HOC WORKING GROUP ON THE\nDURBAN PLATFORM FOR ENHANCED ACTION\nADP.2015.8.InformalNote\n\n"
    pages = [
        "".join(f"{n}.\n\nDecides to act on item {n} now, and without any delay;\n\n" for n in (2 * k - 1, 2 * k))
        + f"Page {k} of 6\n\n"
        for k in range(1, 7)
    ]
    stream = read("Draft decision\n\n" + ("\f" + header).join(pages))
    assert not any(b.text.startswith(("AD HOC", "DURBAN", "ADP.")) for b in stream.blocks)
    assert sum(a.what == "running header" for a in stream.artefacts) == 15


def test_footnote_bodies_run_together_in_one_line() -> None:
    """ "1 See also section 3.2. 2 There is a need …": two footnotes, when the text cites both."""
    stream = read(
        "Elements\n\n1. Objectives of tools, including protected areas2\n"
        "89. Conservation of marine biological diversity.1\n"
        "1 See also sub-section 3.2 in this section. 2 There is a need to determine whether a list is practicable.\n"
        "90. Protection of the marine environment. 3 Parties act.\n"
    )
    notes = [(b.label, b.text) for b in stream.blocks if b.label]
    assert notes == [
        ("1", "See also sub-section 3.2 in this section."),
        ("2", "There is a need to determine whether a list is practicable."),
    ]


def test_chapeau_subparagraphs_reads_as_printed_when_no_text_of_its_own_follows() -> None:
    assert apart.chapeau_subparagraphs(["Decides that:"], ["3.", "(a)", "Parties act;", "(b)", "They report."]) == 0
    assert apart.chapeau_subparagraphs(["Decides that:"], ["3.", "(a)", "Parties act;", "Also decides."]) == 2
    assert apart.chapeau_subparagraphs(["Decides to act;"], ["3.", "(a)", "Parties act;", "Also decides."]) == 0
    assert apart.sentence_end("[2010].]") and apart.sentence_end("thereto;") and not apart.sentence_end("the [X]")


@pytest.mark.skipif(not UN_CORPUS.is_dir(), reason="shared/corpus is not beside the repository")
def test_the_co_chairs_non_paper_checks_clean(tmp_path: Path) -> None:
    """The Co-Chairs' non-paper of 5 October 2015 (a draft agreement, then a draft decision):
    article 18's four numbers apart from their bracketed sentences, subparagraphs printed under
    the next number, its running header on every page — imported, it checks clean."""
    source = UN_CORPUS / "draft-cop21-co-chairs-non-paper-2015-10-05.pdf"
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    assert [str(p) for p in problems_of(tmp_path)] == []
    document = read_document(WorkingTree(tmp_path)).document
    article = next(s for s in document.walk() if s.kind.value == "article" and s.number == "18")
    assert [p.text.split()[0] for p in article.paragraphs] == ["This", "[For", "For", "For"]


FLATTENED = (
    "Chair's streamlined non-paper on elements of a draft text\n"
    "Table of content I. Preambular elements II. General elements\n"
    "A. Use of terms B. Scope\n"
    "I. PREAMBULAR ELEMENTS\n"
    "1. Description of broader contextual issues. 2. Description of the reasons for action, such as:\n"
    "• The need for a comprehensive global regime.\n"
    "II. GENERAL ELEMENTS\n"
    "A. USE OF TERMS 3. Definitions would need to be consistent with UNCLOS. 4. Possible terms could include:\n"
    "• Areas beyond national jurisdiction.\n"
    "B. SCOPE\n"
    "5. The instrument would apply to areas beyond national jurisdiction, to the high seas and to the Area, and"
    " to the activities carried out there by States, by their nationals and by the vessels flying their flag. 6. It"
    " would apply to activities under the jurisdiction of States, as in paragraph 5. 7. Parties would cooperate.\n"
)


def test_paragraphs_run_together_in_a_flattened_source(tmp_path: Path) -> None:
    """ "… action. 2. Description …": in a source flattened to text (a line in twenty longer than
    any printed line), a line holding several paragraphs is cut before each
    number expected next (also after a heading run into it, "A. USE OF TERMS 3. …"), never
    before a number quoted in a sentence ("paragraph 5. 7" cuts before 7 only)."""
    paragraphs = labelled(tmp_path, FLATTENED)
    assert [label for label, _ in paragraphs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert paragraphs[5] == ("6", "It would apply to activities under the jurisdiction of States, as in paragraph 5.")
    assert runtogether.is_flattened(list(read(FLATTENED).blocks))
    assert not runtogether.is_flattened(list(read(FLATTENED.replace(", and to the", ",\nand to the")).blocks))
    assert "were cut apart at their numbers" in report(tmp_path)


def test_a_table_of_contents_without_page_numbers(tmp_path: Path) -> None:
    """ "Table of content I. Preambular elements …" up to the heading that repeats its first
    entry ("I. PREAMBULAR ELEMENTS") is the contents, kept in the header note, never headings."""
    document = imported_text(tmp_path, FLATTENED)
    assert [s.heading for s in document.walk()] == [
        "I. PREAMBULAR ELEMENTS",
        "II. GENERAL ELEMENTS",
        "A. USE OF TERMS",
        "B. SCOPE",
    ]
    assert "A. Use of terms B. Scope" in document.config.header_note


OPTIONS = (
    "Negotiating text\n\n"
    "A. [General\n"
    "1. [Parties shall cooperate.]\n"
    "2. Parties shall report.\n"
    "Option I: [Loss and damage]\n"
    "3. [Parties recognize that loss and damage shall be addressed.]\n"
    "4. [Option 1: A mechanism shall be established.\n"
    "Option 2: No reference to a mechanism.]\n"
    "Option II (proposed as a separate chapter): [Article X: Loss and damage]\n"
    "3. [An international mechanism is hereby defined.\n"
    "3 bis. Its purpose shall be to promote approaches to loss and damage.]\n"
    "Option III:\n"
    "3. No provision on loss and damage.\n"
    "5. Parties shall review this agreement.\n"
    "B. [ Option I: Finance\n"
    "6. [Developed country Parties to provide finance.]\n"
    "Option II: Finance\n"
    "6. [Parties in a position to do so to provide finance.]\n"
    "C. Final provisions\n"
    "7. This agreement shall enter into force.\n"
)


def test_option_blocks_are_folders(tmp_path: Path) -> None:
    """ "Option I: [Loss and damage]" … "Option II …" … "Option III:" on lines of their own are
    an option block (``kind: options``) of three options (``kind: option``), each holding its
    paragraphs; the block ends at a number beyond the first option's (5), and a part whose
    heading holds "Option I" ("B. [ Option I: Finance") holds the block, its first option
    printed by that heading.  Inline "Option 1:" lines stay in their paragraph."""
    document = imported_text(tmp_path, OPTIONS)
    assert [str(p) for p in problems_of(tmp_path)] == []
    kinds = [(s.kind.value, s.number, s.heading) for s in document.walk()]
    assert kinds == [
        ("heading", "", "A. [General"),
        ("options", "", ""),
        ("option", "I", "Option I: [Loss and damage]"),
        ("option", "II", "Option II (proposed as a separate chapter): [Article X: Loss and damage]"),
        ("option", "III", "Option III:"),
        ("heading", "", ""),
        ("heading", "", "B. [ Option I: Finance"),
        ("options", "", ""),
        ("option", "I", ""),
        ("option", "II", "Option II: Finance"),
        ("heading", "", "C. Final provisions"),
    ]
    by_section = [
        (s.key, [document.printed_number(p) or p.text.split(".")[0] for p in s.paragraphs]) for s in document.walk()
    ]
    assert by_section[2] == ("01-option-i", ["3", "4"])
    assert by_section[3] == ("02-option-ii", ["3", "3 bis"])  # numbered again: kept in their text
    assert by_section[5][1] == ["5"]
    assert "Option 2: No reference" in next(p.text for p in document.paragraphs() if p.label == "4")
    assert (tmp_path / "outcome" / "01-a-general" / "01-options" / "03-option-iii" / "section.yaml").is_file()
    assert "an option block (Option I–III), lines 6–14" in report(tmp_path)


def test_a_bracket_opened_in_a_heading_closes_after_the_parts_last_paragraph(tmp_path: Path) -> None:
    """ "A. [[Preamble]" … "as follows:]": the part is bracketed from its heading on, as the
    Geneva text brackets its sections; check reads the heading's '[' with the part's text."""
    paragraphs = labelled(
        tmp_path,
        "Negotiating text\n\nA. [[Preamble]\n1. [Recalling the Convention,]\n2. Have agreed as follows:]\n"
        "B. [Definitions]\n3. [For the purposes of this agreement.]\n",
    )
    assert paragraphs[1] == ("2", "Have agreed as follows:]")


SLIPS = (
    "Negotiating text\n\n"
    "A. General\n"
    "1. [Parties shall report under sections A and F.]\n"
    "2. Parties shall cooperate.]\n"
    "B. Final provisions\n"
    "3. This agreement shall enter into force as set out in section A.\n"
)


def test_the_sources_own_slips_are_kept_as_printed_and_known_to_check(tmp_path: Path) -> None:
    """A reference to a section the source does not have ("section F") and a bracket it never
    opens are the Chair's: the import keeps them as printed, records them under `as-printed:`
    and lists them in the report; check knows those and reports a new one."""
    assert labelled(tmp_path, SLIPS)[0] == ("1", "[Parties shall report under sections A and F.]")
    yaml = (tmp_path / "outcome" / "document.yaml").read_text(encoding="utf-8")
    assert "as-printed:" in yaml and "what: sections A and F" in yaml and "what: ']'" in yaml
    assert "The source's own slips, kept as printed" in report(tmp_path)
    three = tmp_path / "outcome" / "02-b-final-provisions" / "003.md"
    three.write_text(three.read_text(encoding="utf-8").replace("section A.", "section G."), encoding="utf-8")
    assert [(p.code, p.path.rsplit("/", 1)[-1]) for p in problems_of(tmp_path)] == [("ZD701", "003.md")]


@pytest.mark.slow
@pytest.mark.skipif(not UN_CORPUS.is_dir(), reason="shared/corpus is not beside the repository")
def test_the_geneva_negotiating_text_checks_clean(tmp_path: Path) -> None:
    """The Geneva Negotiating Text (86 pages): its parts A–M (no F), the option blocks of E,
    G, K and L as folders, and its own slips recorded as printed — imported, it checks clean."""
    source = UN_CORPUS / "draft-cop21-geneva-negotiating-text-2015-02-12.pdf"
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    assert [str(p) for p in problems_of(tmp_path)] == []
    document = read_document(WorkingTree(tmp_path)).document
    assert [s.heading.split(" ", 1)[0] for s in document.sections[1:]] == [f"{c}." for c in "ABCDEGHIJKLM"]
    blocks = [s for s in document.walk() if s.kind.value == "options"]
    assert len(blocks) >= 4
    loss = next(b for b in blocks if "05-e-adaptation" in b.path)
    assert [o.number for o in loss.subsections] == ["I", "II", "III"]
    assert document.config.as_printed


NUMBERED_OPTIONS = (
    "Negotiating text\n\n"
    "A. [Mitigation\n"
    "1. [All Parties to take into account joint approaches.]\n"
    "2.\n"
    "[Option 1: Parties may make use of market mechanisms:\n"
    "2.1 [The use of market mechanisms is to be supplementary.]\n"
    "2.2 [A share of the proceeds shall assist adaptation.]\n"
    "Option 2:\n"
    "2. [Parties may claim mitigation outcomes achieved in other Parties.\n"
    "2.1 Those rules will be defined by 2016.]\n"
    "Option 3:\n"
    "2. No provision on market mechanisms.]\n"
    "3. [Parties shall report on their commitments.]]\n"
)


def test_an_option_block_numbered_1_to_n_that_numbers_a_paragraph_again(tmp_path: Path) -> None:
    """ "2." "[Option 1: …" 2.1 2.2, then "Option 2:" and "2." again, then "Option 3:": the
    block of paragraph 2, its first option from paragraph 2 on; "3." ends it."""
    document = imported_text(tmp_path, NUMBERED_OPTIONS)
    assert [str(p) for p in problems_of(tmp_path)] == []
    options_ = [s for s in document.walk() if s.kind.value == "option"]
    assert [(o.number, o.heading) for o in options_] == [("1", ""), ("2", "Option 2:"), ("3", "Option 3:")]
    assert [p.label for p in options_[0].paragraphs] == ["2", "2.1", "2.2"]
    assert [p.text.split(" ")[0] for p in options_[1].paragraphs] == ["2.", "2.1"]  # numbered again: in the text
    assert [p.label for p in document.sections[0].paragraphs] == ["1"]
    after = [s for s in document.walk() if s.untitled and s.kind.value == "heading"]
    assert [p.label for p in after[0].paragraphs] == ["3"]


def test_bracketed_recitals_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    """ "[Recalling …,]" then "[Option (a): Recognizing …": in text printed without numbers,
    each bracketed recital is an unnumbered paragraph (the Geneva text's preamble)."""
    paragraphs = labelled(
        tmp_path,
        "Negotiating text\n\nA. [Preamble]\n[The Parties to this agreement,]\n[Recalling the Convention and its\n"
        "objective,]\n[Option (a): Recognizing the urgency of action,\nOption (b): Recognizing the need for action,]\n"
        "[Have agreed as follows:]\nB. [Definitions]\n1. [For the purposes of this agreement.]\n",
    )
    assert [text for _, text in paragraphs][:3] == [
        "[The Parties to this agreement,]",
        "[Recalling the Convention and its objective,]",
        "[Option (a): Recognizing the urgency of action, Option (b): Recognizing the need for action,]",
    ]


def test_a_hyphenated_sub_section_is_not_a_reference_to_a_section() -> None:
    """ "See sub-section 5 in this section" names a numbered subheading; "section 5" inside
    the compound is not a reference (it would point at a section the text does not have)."""
    from zerodraft.references import grammar

    assert grammar.find("See sub-section 5 in this section. See also sub-sections 4 and 12.") == ()
    assert [r.written for r in grammar.find("See section 5 and paragraph 3.")] == ["section 5", "paragraph 3"]


#: A subsidiary body's draft decision, three pages (form feeds): its name the running header of
#: each page, preambular paragraphs labelled "PP.1" …, operative ones numbered "1." ….
LABELLED_DECISION = (
    "SUBSIDIARY BODY FOR IMPLEMENTATION\n"
    "SBI.2024.3.InformalNote\n\n"
    "Draft conclusions proposed by the Chair\n\n"
    "A. Draft decision\n\n"
    "The Conference of the Parties,\n"
    "PP.1 Recalling decision 2/CP.18,\n"
    "PP.2 Noting the report of the Subsidiary Body for Implementation on its work, and\n"
    "its recommendations,\n\n"
    "[Further preambular paragraphs.]\n\n"
    "1. Decides to continue the work programme;\n\n"
    "Page 1 of 3\n\n"
    "\f"
    "SUBSIDIARY BODY FOR IMPLEMENTATION\n"
    "SBI.2024.3.InformalNote\n\n"
    "2. Requests the secretariat to report on it to the Subsidiary Body for Implementation\n"
    "at its sixty-second session, and to make the report available on the website of the\n"
    "Convention before that session;\n\n"
    "Page 2 of 3\n\n"
    "\f"
    "SUBSIDIARY BODY FOR IMPLEMENTATION\n"
    "SBI.2024.3.InformalNote\n\n"
    "3. Decides to conclude the consideration of this matter at its thirtieth session, and\n"
    "to consider it again when it is proposed by a Party.\n\n"
    "Page 3 of 3\n"
)


def test_a_labelled_preamble_inside_a_part_numbers_on_its_own(tmp_path: Path) -> None:
    """ "PP.1 …" under a chapeau inside a part: the chapeau heads a folder that prints its
    paragraphs' labels as printed (``number-prefix``); "1." after it numbers on outside it;
    the body named in every page's running header is the masthead's organ, printed."""
    document = imported_text(tmp_path, LABELLED_DECISION)
    assert problems_of(tmp_path) == []
    printed = [(document.printed_number(p), p.text.split()[0]) for p in document.paragraphs()]
    assert printed == [
        ("PP.1", "Recalling"),
        ("PP.2", "Noting"),
        ("", "[Further"),
        ("1", "Decides"),
        ("2", "Requests"),
        ("3", "Decides"),
    ]
    preamble = document.section_of(next(document.paragraphs()))
    assert (preamble.heading, preamble.number_prefix) == ("The Conference of the Parties,", "PP.")
    assert "number-prefix: PP." in (
        tmp_path / "outcome" / "01-a-draft-decision" / "01-conference-parties" / "section.yaml"
    ).read_text(encoding="utf-8")
    assert document.config.masthead.organ == "SUBSIDIARY BODY FOR IMPLEMENTATION"
    assert "SUBSIDIARY BODY" not in report(tmp_path).split("## Removed as extraction artefacts")[-1]


def test_a_bracketed_note_under_a_finished_recital_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    """ "… recommendations;" then "[Further preambular paragraphs.]" with no blank line between."""
    text = LABELLED_DECISION.replace("its recommendations,\n\n[Further", "its recommendations;\n[Further")
    document = imported_text(tmp_path, text)
    assert [(document.printed_number(p), p.text.split()[0]) for p in document.paragraphs()][1:3] == [
        ("PP.2", "Noting"),
        ("", "[Further"),
    ]


def test_a_labelled_preamble_is_printed_with_its_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every format prints "PP.1" where the source did; the JSON export says so."""
    import json

    imported_text(tmp_path, LABELLED_DECISION)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--format", "txt,json", "-o", "out"]) == 0
    txt = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    assert "SUBSIDIARY BODY FOR IMPLEMENTATION" in txt.splitlines()[0]
    assert "PP.1  Recalling decision 2/CP.18," in txt and "PP.1." not in txt
    export = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert [p["printed_number"] for p in export["paragraphs"]] == ["PP.1", "PP.2", "", "1", "2", "3"]


def test_a_number_prefix_is_letters(tmp_path: Path) -> None:
    imported_text(tmp_path, LABELLED_DECISION)
    section = tmp_path / "outcome" / "01-a-draft-decision" / "01-conference-parties" / "section.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace("PP.", "'1)'"), encoding="utf-8")
    found = [p for p in problems_of(tmp_path) if p.path == str(section.relative_to(tmp_path))]
    assert [p.code for p in found] == ["ZD503"] and "'number-prefix: 1)' is not a label" in found[0].message


DECIMALS_THEN_BIS = (
    "Negotiating text\n\n"
    "A. [Adaptation\n"
    "1. [All Parties shall plan adaptation.]\n"
    "2. All Parties shall act on adaptation:\n"
    "2.1 All Parties to base their efforts on science.\n"
    "2.2 All Parties shall involve stakeholders.\n"
    "2.2 bis. All Parties shall give priority to the most vulnerable.\n"
    "2.3 All Parties shall report.\n"
    "2 bis. [Parties that include an adaptation component may do so at one of these levels.]\n"
    "2 ter. [Developed country Parties shall support them.]\n"
    "3. The secretariat shall keep a registry of the actions under paragraphs 2 and 2 bis above.]\n"
)


def test_an_insertion_after_a_paragraphs_decimals_is_read_as_printed(tmp_path: Path) -> None:
    """2, 2.1 … 2.3, then 2 bis and 2 ter (as negotiating texts print them, the Geneva text's
    26 bis after 26.6): numbered, in the printed order, "paragraphs 2 and 2 bis above" refers
    to them; the check is clean."""
    document = imported_text(tmp_path, DECIMALS_THEN_BIS)
    assert [str(p) for p in problems_of(tmp_path)] == []
    assert [p.label for p in document.paragraphs()] == [
        "1", "2", "2.1", "2.2", "2.2 bis", "2.3", "2 bis", "2 ter", "3",
    ]  # fmt: skip
    folder = tmp_path / "outcome" / "01-a-adaptation"
    assert (folder / "002bis.md").is_file() and (folder / "002.2bis.md").is_file()
    assert "as-printed" not in (tmp_path / "outcome" / "document.yaml").read_text(encoding="utf-8")


def test_an_insertion_must_still_follow_its_paragraph(tmp_path: Path) -> None:
    """2 ter without 2 bis, or 2.4 bis without 2.4, is out of sequence as before (ZD203)."""
    imported_text(tmp_path, DECIMALS_THEN_BIS)
    folder = tmp_path / "outcome" / "01-a-adaptation"
    (folder / "002bis.md").unlink()
    (folder / "002.2.md").rename(folder / "002.4.md")
    found = sorted((p.code, p.path.rsplit("/", 1)[-1]) for p in problems_of(tmp_path))
    assert ("ZD203", "002ter.md") in found and ("ZD203", "002.2bis.md") in found


SPANNING = (
    "Negotiating text\n\n"
    "A. [Capacity-building\n"
    "1. [Parties shall cooperate.]\n"
    "[Option 1:\n"
    "2. [The objective of capacity-building should be to enable all Parties to act.]\n"
    "3. [Capacity-building to be guided by the following:\n"
    "a. The principles of the Convention;\n"
    "b. A country-driven way.]\n"
    "Option 2:\n"
    "Capacity-building shall be addressed in a decision.\n"
    "Option 3: No general provisions on capacity-building.]\n"
    "4. [Parties shall report on capacity-building.]]\n"
)


def test_an_option_block_whose_options_hold_paragraphs_numbered_on(tmp_path: Path) -> None:
    """ "[Option 1:" alone, paragraphs 2 and 3, "Option 2:", "Option 3: …]": the bracket the
    block opens closes with its last option, so its extent is clear: an options folder (option
    1 holding 2 and 3, options 2 and 3 their unnumbered text), 4 after it; the report says so."""
    document = imported_text(tmp_path, SPANNING)
    assert [str(p) for p in problems_of(tmp_path)] == []
    options_ = [s for s in document.walk() if s.kind.value == "option"]
    assert [(o.number, o.heading) for o in options_] == [("1", "[Option 1:"), ("2", "Option 2:"), ("3", "Option 3:")]
    assert [p.label for p in options_[0].paragraphs] == ["2", "3"]
    assert [p.text.strip() for p in options_[1].paragraphs] == ["Capacity-building shall be addressed in a decision."]
    assert [p.text.strip() for p in options_[2].paragraphs] == ["No general provisions on capacity-building.]"]
    after = [s for s in document.walk() if s.untitled and s.kind.value == "heading"]
    assert [p.label for p in after[0].paragraphs] == ["4"]
    assert "an option block (Option 1–3), lines 5–12: each option's extent is a guess (its options hold" in report(
        tmp_path
    )


def test_an_option_block_whose_brackets_do_not_balance_ends_with_its_one_line_option(tmp_path: Path) -> None:
    """The source's brackets not balancing inside the block (an unclosed "[" in option 1), a
    last option printed on its label's line, then a subheading in brackets: that is its end."""
    text = SPANNING.replace("b. A country-driven way.]", "b. [A country-driven way.").replace(
        "4. [Parties", "[Reporting]\n4. [Parties"
    )
    document = imported_text(tmp_path, text)
    assert [o.number for o in document.walk() if o.kind.value == "option"] == ["1", "2", "3"]
    assert [p.label for p in document.paragraphs() if not p.number.is_unnumbered] == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Option 3: No general provisions on capacity-building.]\n", "Option 3:\n5. [Parties shall act.]]\n"),
        ("[Option 1:\n", "Option 1:\n"),
        ("Option 2:\n", "Option 3:\n"),
    ],
    ids=["a-later-option-numbers-paragraphs", "no-bracket-opens-the-block", "labels-out-of-sequence"],
)
def test_an_option_block_whose_extent_is_not_clear_is_read_as_before(tmp_path: Path, old: str, new: str) -> None:
    document = imported_text(tmp_path, SPANNING.replace(old, new))
    assert not [s for s in document.walk() if s.kind.value == "options"]
    assert "its options hold paragraphs numbered on" not in report(tmp_path)


@given(
    st.lists(
        st.sampled_from(
            [
                "2. [Parties shall act.]",
                "3. [Parties shall [report].",
                "a. The principles;]",
                "Option 2:",
                "Option 3: No provision.]",
                "Option 2: None.",
                "[Commitments]",
                "B. [Finance",
                "Text of an option.",
            ]
        ),
        max_size=12,
    )
)
def test_an_option_blocks_extent_is_found_only_after_its_labels(lines: list[str]) -> None:
    """Whatever follows "[Option 1:", a block found has labels 2, 3 … in order, each after the
    one before, and ends at or after its last label, before any heading."""
    texts = ["[Option 1:", *lines]
    found = options.spanning(texts, 0, [False] * len(texts))
    if found is None:
        return
    where = sorted(found.labels)
    assert [found.labels[i] for i in where] == list(range(2, len(where) + 2))
    assert where[0] > 0 and where[-1] <= found.end < len(texts)
    assert not any(t.startswith("B.") for t in texts[: found.end + 1])
