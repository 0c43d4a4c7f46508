"""Other families of UN drafts, from hand-written fixtures: each imports and checks clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_check import problems_of
from zerodraft.main import main
from zerodraft.model import Document, Scheme
from zerodraft.reader import read
from zerodraft.source import WorkingTree

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def imported(tmp_path: Path, name: str) -> Document:
    assert main(["import", str(FIXTURES / name), "--into", str(tmp_path / "outcome")]) == 0
    assert [str(p) for p in problems_of(tmp_path)] == []
    return read(WorkingTree(tmp_path)).document


def imported_text(tmp_path: Path, text: str, name: str = "draft.txt") -> Document:
    """``text`` written as ``name`` and imported with no flags."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "outcome")]) == 0
    return read(WorkingTree(tmp_path), "outcome").document


def outline(document: Document) -> list[tuple[str, list[str]]]:
    return [(s.heading, [p.label for p in s.paragraphs]) for s in document.walk()]


def texts(document: Document) -> list[str]:
    return [p.text.strip() for p in document.paragraphs()]


def test_cop_decision(tmp_path: Path) -> None:
    """Unnumbered preamble under "The Conference of the Parties,", roman sections with
    lettered subsections, continuous numbers, page furniture and a footnote."""
    document = imported(tmp_path, "cop-decision.txt")
    assert outline(document) == [
        ("The Conference of the Parties,", ["1", "2", "3", "4"]),
        ("I. Science and urgency", ["1", "2"]),
        ("II. Mitigation", []),
        ("A. Emission reductions", ["3", "4"]),
        ("B. Just transition", ["5"]),
        ("III. Finance", ["6", "7"]),
    ]
    numbering = document.config.numbering
    assert (numbering.paragraphs, numbering.preamble_numbered) == (Scheme.CONTINUOUS, False)
    assert [document.printed_number(p) for p in document.paragraphs()][:5] == ["", "", "", "", "1"]
    assert (document.config.title, document.config.draft_name) == (
        "Sharm el-Sheikh Implementation Plan",
        "Draft decision -/CP.27",
    )
    words = texts(document)
    assert words[2] == (
        "Deeply concerned that the world is not on track to meet the long-term temperature goal of the "
        "Paris Agreement,[^1]\n\n[^1]: See decision 1/CP.21, paragraph 17."
    )
    assert (
        words[3]
        == "Recognizing the importance of the best available science for effective climate action and policy-making,"
    )
    assert words[6].endswith(
        "taking into account different national circumstances:\n"
        "(a) Accelerating efforts towards the phasedown of unabated coal power;\n"
        "(b) Phasing out inefficient fossil fuel subsidies;"
    )
    assert not any("FCCC/CP" in t for t in words)
    assert document.config.symbol == "FCCC/CP/2022/L.19"
    assert words[-1].startswith("Emphasizes that a global transformation")


def test_treaty(tmp_path: Path) -> None:
    """Articles (with "2 bis") restarting the numbers, Option blocks, nested brackets."""
    document = imported(tmp_path, "treaty.txt")
    assert outline(document) == [
        ("The Parties to this Agreement,", ["1", "2", "3", "4"]),
        ("Article 1\nUse of terms", ["1", "2"]),
        ("Article 2\nGeneral objective", ["1"]),
        ("Article 2 bis\n[General principles and approaches]", ["1", "2"]),
        ("Article 3\nApplication", ["1", "2", "3"]),
        ("Article 4\nRelationship with other instruments", ["1"]),
        ("Article 5\n[Transfer of technology]", ["1", "1 alt", "2"]),
    ]
    assert document.config.numbering.paragraphs is Scheme.PER_ARTICLE
    assert not document.config.numbering.preamble_numbered
    assert [s.key for s in document.sections][3] == "02bis-article-2-bis"
    guided = next(p for p in document.paragraphs() if p.section[0] == "02bis-article-2-bis")
    assert guided.text.strip().endswith(
        "guided by:\nOption 1: [the polluter-pays principle;]\nOption 2: [the principle of the common heritage of humankind;]"
    )
    assert (
        "[the conservation and sustainable use][the long-term conservation [and sustainable use]]" in texts(document)[6]
    )
    assert texts(document)[3] == "Have agreed as follows:"
    assert texts(document)[-4:] == [
        "This Agreement shall be interpreted and applied in a manner consistent with the Convention.",
        "Option 1:\nParties shall [promote][ensure] the transfer of marine technology.",
        "Option 2:\nParties may cooperate in the transfer of marine technology.",
        "The transfer of marine technology shall take place on fair and most favourable terms.",
    ]
    assert (tmp_path / "outcome" / "05-article-5" / "001alt.md").is_file()
    deleted = [p for p in document.paragraphs() if p.status == "deleted"]
    assert [(p.label, p.text.strip()) for p in deleted] == [("2", "Deleted.")]


def test_compilation(tmp_path: Path) -> None:
    """bis/ter insertions, "Deleted." placeholders, "agreed ad ref" labels."""
    document = imported(tmp_path, "compilation.txt")
    assert outline(document) == [
        ("", ["1", "2", "2 bis", "2 ter", "3"]),
        ("A. National measures", ["4", "4 bis", "5", "6"]),
    ]
    status = {p.label: p.status for p in document.paragraphs()}
    assert status == {
        "1": "agreed-ad-ref",
        "2": "open",
        "2 bis": "open",
        "2 ter": "open",
        "3": "deleted",
        "4": "agreed-ad-ref",
        "4 bis": "open",
        "5": "deleted",
        "6": "open",
    }
    one = document.find("1")
    assert one is not None and one.text.strip().endswith("International Tracing Instrument.")
    assert (tmp_path / "outcome" / "00-preamble" / "002bis.md").is_file()
    assert document.config.title == "Outcome of the Meeting of Experts on Firearms Tracing"
    assert document.config.header_note == "Compilation of proposals received on Draft 1, 20 May 2024"


def test_markdown_resolution(tmp_path: Path) -> None:
    """Markdown as such drafts are kept: # headings, italic participles, [^1] footnotes."""
    document = imported(tmp_path, "ga-resolution.md")
    assert outline(document) == [
        ("The General Assembly,", ["1", "2", "3"]),
        ("I. Implementation", ["1", "2"]),
        ("II. Follow-up", ["3"]),
    ]
    assert (document.config.draft_name, str(document.config.draft_date)) == ("Draft 3", "2021-07-19")
    words = texts(document)
    assert words[0] == "*Recalling* its resolution 75/241 of 31 December 2020,"
    assert words[1].endswith(
        "Aspects,[^1]\n\n[^1]: See *Report of the United Nations Conference on the Illicit "
        "Trade in Small Arms and Light Weapons in All Its Aspects*, A/CONF.192/15."
    )
    assert words[4] == (
        "*Calls upon* all States:\n(a) To implement the International Tracing Instrument;\n"
        "(b) To [strengthen][enhance] international cooperation;"
    )


@pytest.mark.parametrize("name", ["cop-decision.txt", "treaty.txt", "compilation.txt", "ga-resolution.md"])
def test_scheme_written_to_document_yaml(tmp_path: Path, name: str) -> None:
    document = imported(tmp_path, name)
    text = (tmp_path / "outcome" / "document.yaml").read_text(encoding="utf-8")
    assert f"paragraphs: {document.config.numbering.paragraphs.value}" in text
    assert f"preamble: {'numbered' if document.config.numbering.preamble_numbered else 'unnumbered'}" in text


def test_paged_working_group_report(tmp_path: Path) -> None:
    """pdftotext output with form feeds: the draft header and symbol repeated on every page,
    page numbers, a "Preamble" heading, paragraphs labelled PP1, PP2 …"""
    document = imported(tmp_path, "paged-working-group.txt")
    assert outline(document) == [("Preamble", ["1", "2", "3", "4"])]
    config = document.config
    assert (config.draft_name, str(config.draft_date), config.symbol) == (
        "Draft 3",
        "2024-05-14",
        "A/AC.289/2024/CRP.1",
    )
    assert config.title == "Report of the Open-ended Working Group on Conventional Ammunition"
    assert texts(document)[2] == (
        "Stressing that States have the primary responsibility for the safety and security of ammunition stockpiles,"
    )
    assert not any("Draft 3" in t or "A/AC" in t for t in texts(document))


def test_general_assembly_draft_resolution_in_layout_mode(tmp_path: Path) -> None:
    """`pdftotext -layout` of a First Committee L-document: the masthead, indentation, the job
    number and bar code, a page header and a "2/2" footer; operative paragraphs straight
    after the preamble, in a part printed without a heading (``untitled: true``)."""
    document = imported(tmp_path, "ga-first-committee-layout.txt")
    assert outline(document) == [("The General Assembly,", ["1", "2"]), ("", ["1", "2", "3"])]
    assert (tmp_path / "outcome" / "01-operative" / "section.yaml").read_text(encoding="utf-8") == (
        "heading: ''\nuntitled: true\n"
    )
    config = document.config
    assert (config.symbol, config.title) == (
        "A/C.1/76/L.47",
        "The illicit trade in small arms and light weapons in all its aspects",
    )
    masthead = config.masthead
    assert (masthead.organ, masthead.distribution, masthead.date, masthead.original) == (
        "General Assembly",
        "Limited",
        "12 October 2021",
        "English",
    )
    assert (masthead.session, masthead.committee, masthead.job_number) == (
        "Seventy-sixth session",
        "First Committee",
        "21-14853 (E)",
    )
    assert masthead.agenda_item == (
        "Agenda item 99 (ee) General and complete disarmament: the illicit trade in small arms "
        "and light weapons in all its aspects"
    )
    assert masthead.sponsors == "Colombia, France, Japan and South Africa: draft resolution"
    assert "Distr." not in config.header_note  # metadata, printed from masthead: (test_render_masthead.py)
    assert texts(document)[2] == (
        "Welcomes the successful outcome of the Seventh Biennial Meeting of States, held in New York from 26 to 30 July 2021;"
    )
    assert texts(document)[4].endswith(
        'item entitled "The illicit trade in small arms and light weapons in all its aspects".'
    )
    assert [document.printed_number(p) for p in document.paragraphs()] == ["", "", "1", "2", "3"]


def test_untitled_needs_to_be_said(tmp_path: Path) -> None:
    """Only a section that says ``untitled: true`` may go without a heading."""
    document = imported(tmp_path, "ga-first-committee-layout.txt")
    del document
    section = tmp_path / "outcome" / "01-operative" / "section.yaml"
    section.write_text("heading: ''\n", encoding="utf-8")
    assert [(p.code, p.path) for p in problems_of(tmp_path)] == [("ZD503", "outcome/01-operative/section.yaml")]
    section.write_text("heading: ''\nuntitled: yes\n", encoding="utf-8")
    assert "'untitled' must be true or false" in [p.message for p in problems_of(tmp_path)]


def test_pp_op_compilation(tmp_path: Path) -> None:
    """A compilation labelled PP1, PP1 bis … then OP1, OP2 bis: the operative numbers start
    afresh, in a part printed without a heading; the preamble keeps its PP numbers."""
    document = imported(tmp_path, "pp-op-compilation.txt")
    assert outline(document) == [("", ["1", "1 bis", "2"]), ("", ["1", "2", "2 bis"])]
    assert [document.ref(p) for p in document.paragraphs()] == ["pp1", "pp1bis", "pp2", "1", "2", "2bis"]
    assert texts(document)[1] == "Recalling resolution 75/241, (proposed by Kenya)"
    assert texts(document)[-1] == "[Encourages States to submit national reports;]"


def test_numbers_printed_apart_from_their_text(tmp_path: Path) -> None:
    """pdftotext reads a numbered column first ("1." "2." "3." on lines of their own), then
    the text: the text is shared out at sentence ends, and the report says so."""
    document = imported_text(
        tmp_path,
        "Draft agreement\n\nArticle 1\nPurpose\n1.\n2.\n\n3.\n\nThe purpose is to act. It is urgent.\n"
        "[Parties shall act together.]\nParties recognize the need\nfor support.\n",
    )
    assert [(p.label, p.text.strip()) for p in document.paragraphs()] == [
        ("1", "The purpose is to act."),
        ("2", "It is urgent."),
        ("3", "[Parties shall act together.] Parties recognize the need for support."),
    ]
    assert "printed their numbers apart from their text" in (tmp_path / "outcome.import-report.md").read_text(
        encoding="utf-8"
    )
    assert problems_of(tmp_path) == []


def test_decisions_with_an_annex_numbered_on_its_own(tmp_path: Path) -> None:
    """Several COP/CMA decisions in one report, numbered each on its own; an annex inside a
    decision numbers from 1 again, as printed (per-section numbering restarts in an annex)."""
    document = imported_text(
        tmp_path,
        "Report of the Conference\n\nDecision 1/CMA.4\nFirst plan\n\nThe Conference,\n\nRecalling its work,\n\n"
        "1. Decides to act;\n\n2. Requests a report;\n\nAnnex\nTerms of reference\n\n1. The body shall meet.\n\n"
        "Decision 2/CMA.4\nSecond plan\n\n1. Welcomes the plan.\n",
    )
    assert document.config.numbering.paragraphs is Scheme.PER_SECTION
    assert [s.key for s in document.sections] == ["01-decision-1-cma-4", "02-decision-2-cma-4"]
    assert [(document.printed_number(p), p.text.strip()) for p in document.paragraphs()][-3:] == [
        ("2", "Requests a report;"),
        ("1", "The body shall meet."),
        ("1", "Welcomes the plan."),
    ]
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "numbered again" not in report
    assert problems_of(tmp_path) == []


def test_a_resolution_whose_annex_is_an_agreement(tmp_path: Path) -> None:
    """ "ANNEX" holding an agreement's articles, then the agreement's own "Annex": the first is
    a heading above the agreement, whose articles are the document's."""
    document = imported_text(
        tmp_path,
        "Agreement relating to something\n\nThe General Assembly,\n\nRecalling the Convention,\n\n"
        "1. Adopts the Agreement annexed to the present resolution;\n\nANNEX\n\nAgreement relating to something\n\n"
        "Article 1\nUndertakings\n\nThe Parties shall act.\n\nArticle 2\nRelationship\n\nThe Annex forms part of it.\n\n"
        "Annex\nSECTION 1. COSTS\n\n1. Costs shall be minimized.\n",
    )
    kinds = [(s.key, s.kind.value) for s in document.walk()]
    assert ("02-annex-agreement-relating-something", "heading") in kinds and ("03-annex", "annex") in kinds
    assert [s.key for s in document.walk() if s.kind.value == "article"] == ["01-article-1", "02-article-2"]
    assert "read as a heading above an annexed instrument" in (tmp_path / "outcome.import-report.md").read_text(
        encoding="utf-8"
    )
    assert problems_of(tmp_path) == []


def test_a_footnote_cited_in_a_heading_stays_where_it_stood(tmp_path: Path) -> None:
    """A heading holds no footnote: the body of one it cites ("USE OF TERMS1") is an
    unnumbered paragraph where it stood; "3.1." is a decimal number, not a citation."""
    document = imported_text(
        tmp_path,
        "Draft elements\n\nA. USE OF TERMS1\n\n1. Terms follow section 3.1. of the Convention.\n\n"
        "1 Definitions could be placed elsewhere.\n\n2. Another paragraph.\n",
    )
    assert [(document.printed_number(p), p.text.strip()) for p in document.paragraphs()] == [
        ("1", "Terms follow section 3.1. of the Convention."),
        ("", "1 Definitions could be placed elsewhere."),
        ("2", "Another paragraph."),
    ]
    assert "cited in a heading" in (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")


def test_decimal_paragraphs(tmp_path: Path) -> None:
    """1, 1.1, 1.2, 1.2 bis, 2 as negotiating texts number them (001.1.md); "1.5 °C" wrapped
    onto a line of its own stays text."""
    document = imported_text(
        tmp_path,
        "Negotiating text\n\nA. Mitigation\n\n1. Parties shall act on emissions.\n1.1 Option 1: Be quantified.\n"
        "1.2 Be accompanied by information.\n1.2 bis. Be inscribed in an annex.\n2. Parties shall act to keep warming\n"
        "1.5 °C above pre-industrial levels.\n",
    )
    assert [p.label for p in document.paragraphs()] == ["1", "1.1", "1.2", "1.2 bis", "2"]
    assert list(document.paragraphs())[-1].text.strip().endswith("warming 1.5 °C above pre-industrial levels.")
    assert (tmp_path / "outcome" / "01-a-mitigation" / "001.1.md").is_file()
    assert problems_of(tmp_path) == []


def test_a_number_alone_on_its_line_has_not_ended(tmp_path: Path) -> None:
    """ "13." on a line of its own, its text on the next lines: the text is paragraph 13's,
    never an unnumbered subheading (GA resolution 48/263, last paragraph)."""
    document = imported_text(
        tmp_path,
        "A resolution\n\nThe General Assembly,\n\nRecalling its work,\n\n1.\nCalls upon the Commission to act.\n"
        "101st plenary meeting\n28 July 1994\n",
    )
    assert [(document.printed_number(p), p.text.strip()) for p in document.paragraphs()][-2:] == [
        ("1", "Calls upon the Commission to act."),
        ("", "101st plenary meeting 28 July 1994"),  # the meeting that adopted it, apart
    ]
    assert [s.heading for s in document.walk()] == ["The General Assembly,", ""]
