"""Footnotes under the rule at a page's foot, read from word boxes (importing/pdfnotes.py),
and paragraphs run together after a numbered subheading (importing/runtogether.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zerodraft.importing import pdfnotes, runtogether
from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.pdflayout import Box, Word


def _line(y: float, *words: tuple[float, str, float]) -> Box:
    """A line whose baseline is at ``y`` + 11: each word as (x, text, height); a word set
    smaller than 8 points sits 3 points higher, as a superscript does."""
    placed = tuple(
        Word(x, y + 11 - h - 3 * (h < 8), x + 6 * len(text), y + 11 - 3 * (h < 8), text) for x, text, h in words
    )
    return Box(
        0, placed[0].x0, min(w.y0 for w in placed), placed[-1].x1, y + 11, " ".join(w.text for w in placed), placed
    )


PAGE = [
    "the Law of the Sea 1 on the conservation",
    "of the conference, 2",
    "",
    "__________",
    "1",
    "",
    "United Nations, Treaty Series.",
    "Resolutions 75/239 and 77/248.",
    "2",
    "",
    "24-07683 (E)",
]
BOXES = [
    _line(
        100,
        (60, "the", 11),
        (80, "Law", 11),
        (100, "of", 11),
        (115, "the", 11),
        (135, "Sea", 11),
        (155, "1", 5.8),
        (165, "on", 11),
        (180, "the", 11),
        (200, "conservation", 11),
    ),
    _line(112, (60, "of", 11), (75, "the", 11), (95, "conference,", 11), (165, "2", 5.8)),
    _line(600, (100, "__________", 9)),
    _line(614, (117, "1", 5.8)),
    _line(614, (123, "United", 9.4), (165, "Nations,", 9.4), (215, "Treaty", 9.4), (255, "Series.", 9.4)),
    _line(626, (123, "Resolutions", 9.4), (200, "75/239", 9.4), (245, "and", 9.4), (270, "77/248.", 9.4)),
    _line(626, (117, "2", 5.8)),
    _line(700, (65, "24-07683", 11), (120, "(E)", 11)),
]


def test_marks_are_glued_and_each_note_is_written_with_its_number() -> None:
    text, done = pdfnotes.arrange("\n".join(PAGE), {0: (612.0, BOXES)})
    lines = text.split("\n")
    assert lines[0] == "the Law of the Sea1 on the conservation"
    assert lines[1] == "of the conference,2"
    assert [line for line in lines[4:] if line] == [
        "1 United Nations, Treaty Series.",
        "2 Resolutions 75/239 and 77/248.",
        "24-07683 (E)",
    ]
    assert len(lines) == len(PAGE)
    assert done == [pdfnotes.PageNotes(1, 2, 2)]


def test_a_page_whose_boxes_do_not_match_its_text_is_left_as_it_was() -> None:
    other = [*PAGE[:6], "Something pdftotext wrote otherwise.", *PAGE[7:]]
    text, _ = pdfnotes.arrange("\n".join(other), {0: (612.0, BOXES)})
    assert text.split("\n")[4:] == other[4:]


def test_a_page_without_a_rule_is_not_looked_at() -> None:
    assert not pdfnotes.has_rule("the Sea 1 on\n1 United Nations")


def _blocks(*lines: str) -> list[Block]:
    return [Block(i + 1, Kind.LINE, text) for i, text in enumerate(lines)]


def test_paragraphs_run_into_a_numbered_subheading_are_cut_at_the_sequences_next_number() -> None:
    """After paragraph 81, "5. Clearing-house mechanism6 82. The … 83. The …": the line opens
    with the subheading's number, lower than the sequence; 82 and 83 still are cut apart."""
    blocks, cuts = runtogether.split(
        _blocks(
            "81. National authorities could be established.",
            "5. Clearing-house mechanism6 82. The Nagoya Protocol could be a model. 83. The clearing-house could hold data.",
            "6. Capacity building 84. Proponents could provide capacity building.",
        )
    )
    assert [b.text for b in blocks] == [
        "81. National authorities could be established.",
        "5. Clearing-house mechanism6",
        "82. The Nagoya Protocol could be a model.",
        "83. The clearing-house could hold data.",
        "6. Capacity building",
        "84. Proponents could provide capacity building.",
    ]
    assert cuts == 3


def test_numbering_that_starts_again_is_still_cut() -> None:
    """Numbering per section: "1. … 2. …" after paragraph 15 of the section before."""
    blocks, _ = runtogether.split(_blocks("15. The last one.", "1. A first one. 2. A second one."))
    assert [b.text for b in blocks] == ["15. The last one.", "1. A first one.", "2. A second one."]


def test_a_treaty_flattened_one_heading_a_line_is_cut_as_a_page_prints_it() -> None:
    """UNCLOS as corpora keep it: a Part's label and title, a Section's, an article's label,
    title and paragraph 1 on one line; the next article's heading run into an article's end
    (its number scanned "3l"); a Section's number never a paragraph's start."""
    from zerodraft.importing import flattened

    blocks = flattened.headings(
        _blocks(
            "PART XI THE AREA",
            "SECTION 3. INNOCENT PASSAGE IN THE TERRITORIAL SEA",
            "Article 30 Judgment 1. The judgment shall state its reasons. Article 3l Request to intervene 1. Should a "
            "State Party consider that it has an interest, it may submit a request.",
            "Article 34 Costs Unless otherwise decided, each party shall bear its own costs.",
        )
    )
    assert [b.text for b in blocks] == [
        "PART XI",
        "THE AREA",
        "SECTION 3. INNOCENT PASSAGE IN THE TERRITORIAL SEA",
        "Article 30",
        "Judgment",
        "1. The judgment shall state its reasons.",
        "Article 3l",
        "Request to intervene",
        "1. Should a State Party consider that it has an interest, it may submit a request.",
        "Article 34",
        "Costs Unless otherwise decided, each party shall bear its own costs.",
    ]
    cut, _ = runtogether.split(_blocks("1. The first. 2. The second, as in SECTION 3. INNOCENT PASSAGE applies."))
    assert [b.text for b in cut] == ["1. The first.", "2. The second, as in SECTION 3. INNOCENT PASSAGE applies."]


def test_an_articles_one_after_a_subheading_line_still_lets_its_2_be_cut() -> None:
    """An article's "1." (numbering that starts again) on a line of its own, then "(h) … 2. …":
    the 2 of the article is cut, though the sequence before was at 4."""
    blocks, _ = runtogether.split(
        _blocks(
            "4. The last of an article.", "1. The coastal State may adopt:", "(h) the prevention. 2. Such laws apply."
        )
    )
    assert [b.text for b in blocks][-2:] == ["(h) the prevention.", "2. Such laws apply."]


def test_subparagraphs_run_together_in_a_line_are_cut_at_the_next_label() -> None:
    """ "(h) …; (i) any fishing activities; (j) …", "(5) (a) … means: (i) …; (ii) …": cut
    where the label comes next after the one before (or first, after a colon); a label
    quoted in a clause ("subparagraphs (a) and (b)") never is."""
    blocks, cuts = runtogether.split_subparagraphs(
        _blocks(
            "(h) any act of wilful pollution; (i) any fishing activities; and (j) any research.",
            '(5) (a) "dumping" means: (i) any disposal at sea; (ii) any deliberate disposal of vessels;',
            "(c) For the purposes of subparagraphs (a) and (b), the Authority shall act. (d) The Authority shall issue.",
        )
    )
    assert [b.text for b in blocks] == [
        "(h) any act of wilful pollution;",
        "(i) any fishing activities; and",
        "(j) any research.",
        '(5) (a) "dumping" means:',
        "(i) any disposal at sea;",
        "(ii) any deliberate disposal of vessels;",
        "(c) For the purposes of subparagraphs (a) and (b), the Authority shall act.",
        "(d) The Authority shall issue.",
    ]
    assert cuts == 5


_PIECES = st.sampled_from(
    [
        "Article 12",
        "Article 13 Title of it",
        "PART II",
        "SECTION 3.",
        "THE AREA",
        "1.",
        "2.",
        "3. The text",
        "(a)",
        "(b)",
        "(i)",
        "(ii)",
        "means:",
        "the end;",
        "and",
        "Sea.",
        "text",
        "Use of terms",
        "The Parties",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_cutting_a_flattened_source_keeps_every_character_in_order(lines: list[str]) -> None:
    """Headings, run-together paragraphs and subparagraphs are only cut apart: the pieces,
    in order, hold the source's characters, none added, none lost."""
    from zerodraft.importing import flattened

    blocks = _blocks(*lines)
    cut, _ = runtogether.split(flattened.headings(blocks))
    cut, _ = runtogether.split_subparagraphs(cut)
    assert "".join("".join(b.text.split()) for b in cut) == "".join("".join(line.split()) for line in lines)
    assert all(b.text.strip() for b in cut if any(line.strip() for line in lines))
