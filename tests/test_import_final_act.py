"""A treaty's Final Act and its resolutions, paragraph numbers printed without their full
stop, titles a full line long, footnote citations that are not (issue 13): the family rules
on small synthetic sources; the real UNCLOS import is tested in test_import_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_check import problems_of
from test_import_families import imported_text
from zerodraft.importing import plaintext

#: A treaty of two articles, then its conference's Final Act: a table of contents of its own,
#: an annex holding two resolutions (the first numbered as printed, the second unnumbered)
#: and a second annex, a statement in the same form.
TREATY_WITH_FINAL_ACT = """CONVENTION ON SOMETHING AT SEA

Article 1
Use of terms

1. "Area" means the seabed beyond the limits of national jurisdiction.

2. "Authority" means the body established by this Convention.

Article 2
Signature

This Convention shall be open for signature by all States.

Final Act of the Conference on Something
at Sea (excerpts)
Page
Annex I . . . . . . . . . . . . . . . 20
Resolution I . . . . . . . . . . . . 20
Resolution II . . . . . . . . . . . . 21
Annex II
A statement of understanding . . . . 22
Resolution III . . . . . . . . . . . 23

ANNEX I
RESOLUTION I
ESTABLISHMENT OF A PREPARATORY
COMMISSION
The Conference on Something at Sea,
Having adopted the Convention on Something at Sea which provides for
an Authority,
Having decided to take all possible measures,
Decides as follows:
1. There is hereby established the Preparatory Commission.
2. The Commission shall elect its Chairman.
3. The Commission shall meet as often as necessary.
RESOLUTION II
The Conference on Something at Sea,
Bearing in mind the Charter of the United Nations, in particular
Article 73,
Decides that the observers shall be entitled to sign the Final Act.
ANNEX II
STATEMENT OF UNDERSTANDING
The Conference on Something at Sea,
Considering the special characteristics of a margin; and
Recognizes that such State may establish the outer edge of its margin.
"""


def _folders(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root).parent) for p in root.rglob("section.yaml"))


def test_a_final_act_after_the_treaty_holds_its_annexes_and_resolutions(tmp_path: Path) -> None:
    document = imported_text(tmp_path, TREATY_WITH_FINAL_ACT)
    assert problems_of(tmp_path) == []
    act = document.sections[-1]
    assert act.heading == "Final Act of the Conference on Something at Sea (excerpts)"
    assert act.kind.value == "heading" and act.restarts
    contents = act.paragraphs[0].text
    assert contents.startswith("|  | Page |\n| --- | --- |\n| Annex I | 20 |\n| Resolution I | 20 |")
    annex_i, annex_ii = act.subsections
    assert (annex_i.kind.value, annex_i.number, annex_ii.number) == ("annex", "I", "II")
    first, second = annex_i.subsections
    assert first.heading == "RESOLUTION I\nESTABLISHMENT OF A PREPARATORY COMMISSION"
    assert second.heading == "RESOLUTION II"
    assert first.restarts and second.restarts and first.kind.value == "heading"
    assert [p.label for p in first.paragraphs if document.printed_number(p)] == ["1", "2", "3"]
    unnumbered = [p.text.strip().split(",")[0] for p in first.paragraphs if not document.printed_number(p)]
    assert unnumbered == [
        "The Conference on Something at Sea",
        "Having adopted the Convention on Something at Sea which provides for an Authority",
        "Having decided to take all possible measures",
        "Decides as follows:",
    ]
    assert [p.text.split()[0] for p in second.paragraphs] == ["The", "Bearing", "Decides"]
    assert "in particular Article 73," in second.paragraphs[1].text  # "Article 73," is text, not a heading
    assert [p.text.split()[0] for p in annex_ii.paragraphs] == ["The", "Considering", "Recognizes"]
    # the treaty keeps its two articles and no annex: the Final Act's annexes are its own
    assert [s.number for s in document.walk() if s.kind.value == "article"] == ["1", "2"]
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "a table of contents (lines 17–23)" in report
    assert "a recital or decision under the heading 'RESOLUTION I'" in report


def test_resolution_and_final_act_lines_that_are_text_stay_text(tmp_path: Path) -> None:
    """A "Resolution II" out of sequence, and "Final Act of …" continuing an unfinished
    sentence, are not headings."""
    text = TREATY_WITH_FINAL_ACT.replace("RESOLUTION II\n", "RESOLUTION IV\n").replace(
        "open for signature by all States.", "open for signature by all States which signed the"
    )
    document = imported_text(tmp_path, text)
    assert not any(s.heading.startswith("Final Act") for s in document.walk())
    assert not any(s.heading.startswith("RESOLUTION IV") for s in document.walk())
    article = next(s for s in document.walk() if s.number == "2")
    assert "which signed the Final Act of the Conference on Something at Sea (excerpts)" in article.paragraphs[0].text


UNSTOPPED = """CONVENTION ON SOMETHING

Article 1
Pollution from seabed activities subject to national jurisdiction
1 Coastal States shall adopt laws and regulations to prevent pollution.
2. States shall take other measures as may be necessary.

Article 2
Time-limits

1. The time-limit starts on
1 January 1983 and ends later.
2. Each State shall report.

Article 3
Distances

1. The zone extends to
2 Nautical miles from the baselines, or more.
"""


def test_a_paragraph_number_printed_without_its_full_stop(tmp_path: Path) -> None:
    """ "1 Coastal States …" is paragraph 1 where 1 is expected and "2." follows; a date or a
    distance at the start of a wrapped line ("1 January 1983", "2 Nautical miles") stays text;
    the title a full line long above paragraph 1 is the article's title."""
    document = imported_text(tmp_path, UNSTOPPED)
    assert problems_of(tmp_path) == []
    first, second, third = (s for s in document.walk() if s.kind.value == "article")
    assert first.title == "Pollution from seabed activities subject to national jurisdiction"
    assert [(p.label, p.text.split()[0]) for p in first.paragraphs] == [("1", "Coastal"), ("2", "States")]
    assert [p.label for p in second.paragraphs] == ["1", "2"]
    assert "starts on 1 January 1983 and ends later." in second.paragraphs[0].text
    assert [p.label for p in third.paragraphs] == ["1"]
    assert third.paragraphs[0].text.strip().endswith("to 2 Nautical miles from the baselines, or more.")
    report = (tmp_path / "outcome.import-report.md").read_text(encoding="utf-8")
    assert "'1' read as the number of paragraph 1 under the heading 'Article 1': printed without its full" in report


def test_a_number_without_its_full_stop_is_read_only_when_the_next_one_follows(tmp_path: Path) -> None:
    document = imported_text(tmp_path, UNSTOPPED.replace("2. States shall take", "States shall take"))
    first = next(s for s in document.walk() if s.kind.value == "article")
    assert not any(document.printed_number(p) for p in first.paragraphs)
    assert first.paragraphs[0].text.startswith("1 Coastal States")


@pytest.mark.parametrize(
    ("line", "cites"),
    [
        ("the outcome.1 It goes on", True),
        ("States2 and others", True),
        ('(1) "Area" means the seabed', False),  # a subparagraph's label
        ("(ST/ESA/107 and Add.1).", False),  # a document symbol's addendum
        ("see A/CONF.62/L.19 and Rev.2", False),
    ],
)
def test_what_counts_as_a_footnote_number_glued_to_a_word(line: str, cites: bool) -> None:
    assert ("1" in plaintext._GLUED_RE.findall(line) or "2" in plaintext._GLUED_RE.findall(line)) is cites


def _titled_treaty(last: str) -> str:
    """Eleven articles with short titles, then ``last`` (an article's lines after its heading)."""
    articles = [
        f"Article {n}\nDuty number {n}\n1. Each Party shall carry out the duty that this article sets out for it.\n"
        f"2. It shall report on it to the Conference of the Parties every year.\n"
        for n in range(1, 12)
    ]
    return "CONVENTION ON SOMETHING\n\n" + "\n".join(articles) + f"\nArticle 12\n{last}"


def test_a_long_title_above_capitalised_text_in_a_treaty_that_titles_its_articles(tmp_path: Path) -> None:
    last = (
        "Application of this section to disputes submitted pursuant to Part XI\n"
        "This section applies to any dispute which pursuant to Part XI is to be settled\n"
        "in accordance with procedures provided for in this Part.\n"
    )
    document = imported_text(tmp_path, _titled_treaty(last))
    article = next(s for s in document.walk() if s.number == "12")
    assert article.title == "Application of this section to disputes submitted pursuant to Part XI"
    assert article.paragraphs[0].text.startswith("This section applies")


def test_a_title_that_ends_on_of_the_goes_on_and_text_in_lower_case_is_no_title(tmp_path: Path) -> None:
    last = (
        "Submission of disputes to a special chamber of the\n"
        "International Tribunal for the Law of the Sea\n"
        "1. Disputes between States Parties may be submitted to a special chamber.\n"
        "2. Any party may ask for it.\n\n"
        "Article 13\n"
        "Unless the Commission decides otherwise, the Commission shall\n"
        "function by way of sub-commissions composed of seven members, appointed\n"
        "in a balanced manner taking into account the specific elements of each\n"
        "submission by a coastal State. Nationals of the coastal State making the\n"
        "submission shall not be members of the sub-commission.\n"
    )
    document = imported_text(tmp_path, _titled_treaty(last))
    twelve, thirteen = (s for s in document.walk() if s.number in ("12", "13"))
    assert (
        twelve.title
        == "Submission of disputes to a special chamber of the International Tribunal for the Law of the Sea"
    )
    assert thirteen.title == "" and len(thirteen.paragraphs) == 1
    assert thirteen.paragraphs[0].text.startswith("Unless the Commission decides otherwise")


def test_in_a_treaty_without_titles_a_long_first_line_stays_text(tmp_path: Path) -> None:
    articles = [
        f"Article {n}\nEach Party shall carry out the duty that this article sets out for each Party\n"
        "States Parties shall report on it to the Conference of the Parties every year.\n"
        for n in range(1, 13)
    ]
    document = imported_text(tmp_path, "CONVENTION ON SOMETHING\n\n" + "\n".join(articles))
    assert not any(s.title for s in document.walk())


def test_a_final_act_in_capitals_numbers_its_own_paragraphs(tmp_path: Path) -> None:
    """ "FINAL ACT" / "OF THE CONFERENCE ON SOMETHING": its title in capitals, its own
    paragraphs numbered from 1 (not after the treaty's), resolutions numbered 1, 2 …"""
    text = TREATY_WITH_FINAL_ACT.split("Final Act of the Conference")[0] + (
        "FINAL ACT\nOF THE CONFERENCE ON SOMETHING\n\n"
        "1. The General Assembly, by resolution 3067 (XXVIII), decided to convene the Conference.\n\n"
        "2. The Conference held eleven sessions.\n\n"
        "ANNEX I\n\nRESOLUTION 1\n\nThe Conference on Something,\n\n"
        "Decides that the Convention shall be open for signature.\n"
    )
    document = imported_text(tmp_path, text)
    assert problems_of(tmp_path) == []
    act = document.sections[-1]
    assert act.heading == "FINAL ACT\nOF THE CONFERENCE ON SOMETHING"
    assert [p.label for p in act.paragraphs] == ["1", "2"]
    (resolution,) = act.subsections[0].subsections
    assert resolution.heading == "RESOLUTION 1"
    assert [p.text.strip() for p in resolution.paragraphs] == [
        "The Conference on Something,",
        "Decides that the Convention shall be open for signature.",
    ]
