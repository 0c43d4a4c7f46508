"""The aligner's family rules for OCR'd right-to-left text, each on a small text shaped like the
noise of the Arabic BBNJ Agreement: paragraph numbers run together, displaced into the text or
past the next heading, the word and the subparagraphs OCR moved with them.  Nothing is invented:
where the count of sentences does not say where each paragraph begins, the text is listed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zerodraft.languages import align, conventions
from zerodraft.languages.skeleton import Slot, Unit
from zerodraft.numbering import Number

AR = conventions.of("ar")


def _article(number: int, *texts: str, title: str = "Title") -> Unit:
    slots = tuple(
        Slot(f"o/p/{number:02d}-article-{number}/{index:03d}.md", Number(index), text)
        for index, text in enumerate(texts, start=1)
    )
    return Unit(f"o/p/{number:02d}-article-{number}", "article", Number(number), title, slots)


def _texts(result: align.Alignment) -> dict[str, tuple[str, bool]]:
    return {a.slot.path.split("/", 2)[2]: (a.text, a.certain) for a in result.paragraphs}


WORDS = ["الأطراف", "تتخذ", "القرارات", "بموجب", "هذا", "الاتفاق", "الأمانة", "تتيح", "للعموم"]


def _sentence(seed: int, length: int) -> str:
    return " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(length)) + "."


def test_numbers_run_together_share_out_their_texts_by_the_count_of_sentences() -> None:
    # "- 2 - 3" then the texts of 2, 3 and 4, then "- 4 -5" and the text of 5 (Article 1)
    unit = _article(1, "One thing.", "Two things.", "Three things here.", "Four.", "Five things.")
    text = "المادة 1 عنوان - 1 ألف باء. - 2 - 3 جيم دال. هاء واو زاي. حاء. - 4 -5 طاء ياء.\n"
    texts = _texts(align.align((unit,), text, AR, "ar.txt"))
    assert texts["01-article-1/001.md"] == ("ألف باء.", True)
    assert texts["01-article-1/002.md"] == ("جيم دال.", True)
    assert texts["01-article-1/003.md"] == ("هاء واو زاي.", True)
    assert texts["01-article-1/004.md"] == ("حاء.", True)
    assert texts["01-article-1/005.md"] == ("طاء ياء.", True)


def test_numbers_that_lag_behind_their_texts_are_shared_out_as_well() -> None:
    # "-5" then the texts of 5 and 6, then "- 6 - 7" and the text of 7 (Article 33)
    unit = _article(33, "One.", "Two.", "Three.", "Four.", "Five. Five again.", "Six.", "Seven.")
    text = "المادة 33 عنوان - 1 ألف. - 2 باء. - 3 جيم. - 4 دال. -5 هاء. هاء ثانية. واو. - 6 - 7 زاي.\n"
    texts = _texts(align.align((unit,), text, AR, "ar.txt"))
    assert texts["33-article-33/005.md"] == ("هاء. هاء ثانية.", True)
    assert texts["33-article-33/006.md"] == ("واو.", True)
    assert texts["33-article-33/007.md"] == ("زاي.", True)


def test_when_the_sentences_do_not_say_where_a_paragraph_begins_nothing_is_invented() -> None:
    # two numbers together, one sentence after them: which paragraph it is cannot be told
    unit = _article(5, "One.", "Two.", "Three.")
    text = "المادة 5 عنوان - 1 ألف. - 2 - 3 باء جيم دال.\n"
    result = align.align((unit,), text, AR, "ar.txt")
    texts = _texts(result)
    assert texts["05-article-5/001.md"] == ("ألف.", True)
    assert "05-article-5/002.md" not in texts and texts["05-article-5/003.md"][0] == "باء جيم دال."
    assert any("002.md" in p.message and p.code == "ZD660" for p in result.problems)


def test_a_number_left_without_text_takes_the_sentence_beside_it_that_fits_and_is_listed() -> None:
    # Article 31: paragraph 2's text ends paragraph 1's run, then "- 2 - 3"; the sentences are
    # counted differently (the Arabic makes one of the English two), so the length decides
    unit = _article(31, "One long sentence here, with more words. And another one.", "Joint ones too.", "Three.")
    text = "المادة 31 عنوان - 1 ألف طويل جدا جدا جدا جدا، باء. جيم ثاني. - 2 - 3 دال.\n"
    result = align.align((unit,), text, AR, "ar.txt")
    texts = _texts(result)
    assert texts["31-article-31/001.md"] == ("ألف طويل جدا جدا جدا جدا، باء.", False)
    assert texts["31-article-31/002.md"] == ("جيم ثاني.", False)
    assert texts["31-article-31/003.md"] == ("دال.", True)
    assert any("001.md–002.md" in p.message and p.code == "ZD660" for p in result.problems)


def test_a_number_displaced_into_a_later_paragraph_is_passed_over() -> None:
    # Article 30: paragraph 1's number lost, a "- 1" turns up inside paragraph 2
    unit = _article(30, "The first paragraph, rather long, of this article.", "Second: (a) one; (b) two.")
    text = "المادة 30 عنوان نص الفقرة الأولى الطويل نوعا ما. - 2 الثانية: (أ) ألف؛ - 1 (ب) باء.\n"
    texts = _texts(align.align((unit,), text, AR, "ar.txt"))
    assert texts["30-article-30/001.md"][0].endswith("الطويل نوعا ما.")
    assert texts["30-article-30/002.md"][0].startswith("الثانية:")


def test_a_word_and_subparagraphs_moved_before_the_next_heading_are_put_back() -> None:
    first = _article(46, "One.", "Two.")
    second = _article(47, "A conference is hereby established.", "It meets.")
    annex_slot = Slot("o/p/13-annex-i/001.md", None, "(a) Uniqueness;\n(b) Rarity;\n(c) Fragility.")
    annex = Unit("o/p/13-annex-i", "annex", Number(1), "Criteria", (annex_slot,))
    text = (
        "المادة 46 عنوان - 1 ألف. - 2 باء. -1 - 2 يُنشأ\n"
        "المادة 47 مؤتمر بموجب هذا الاتفاق مؤتمر. - 2 يجتمع. (أ) التفرد؛ (ب) الندرة؛\n"
        "المرفق الأول المعايير (ج) الهشاشة.\n"
    )
    result = align.align((first, second, annex), text, AR, "ar.txt")
    texts = _texts(result)
    assert texts["46-article-46/002.md"][0] == "باء."
    assert texts["47-article-47/001.md"][0].startswith("يُنشأ مؤتمر")
    assert texts["47-article-47/002.md"][0] == "يجتمع."
    assert texts["13-annex-i/001.md"][0].split("\n\n")[-3:] == ["(أ) التفرد؛", "(ب) الندرة؛", "(ج) الهشاشة."]
    moved = [p.message for p in result.problems if p.code == "ZD661"]
    assert any("يُنشأ" in m for m in moved) and any("(أ) التفرد؛" in m for m in moved)


@given(
    lengths=st.lists(st.integers(min_value=3, max_value=12), min_size=2, max_size=6),
    together=st.integers(min_value=0, max_value=4),
)
def test_run_together_numbers_never_lose_or_repeat_a_word(lengths: list[int], together: int) -> None:
    """However the numbers run together, every word of the text lands in exactly one paragraph."""
    together = min(together, len(lengths) - 2) if len(lengths) > 2 else 0
    originals = [" ".join(["word"] * n) + "." for n in lengths]
    unit = _article(9, *originals)
    sentences = [_sentence(i, n) for i, n in enumerate(lengths)]
    body = []
    for index, sentence in enumerate(sentences, start=1):
        if index == together + 1 and together:
            body.append(f"- {index} - {index + 1} {sentence}")
        elif index == together + 2 and together:
            body.append(sentence)
        else:
            body.append(f"- {index} {sentence}")
    text = "المادة 9 عنوان " + " ".join(body) + "\n"
    result = align.align((unit,), text, AR, "ar.txt")
    words = " ".join(a.text for a in result.paragraphs).split()
    assert words == " ".join(sentences).split()


def _preamble(*texts: str) -> Unit:
    slots = tuple(Slot(f"o/00-preamble/{i:03d}.md", None, text) for i, text in enumerate(texts, start=1))
    return Unit("o/00-preamble", "preamble", None, "", slots, "The Parties to this Agreement,")


def test_a_preamble_without_capitals_is_cut_before_its_opening_words() -> None:
    unit = _preamble("Recalling the Convention,", "Stressing the need,", "Have agreed as follows:")
    text = "协定\n\n序言本协定各缔约方，回顾《公约》相关规定，强调需要尊重平衡，兹商定如下：\n"
    result = align.align((unit,), text, conventions.of("zh"), "zh.txt")
    assert [a.text for a in result.paragraphs] == ["回顾《公约》相关规定，", "强调需要尊重平衡，", "兹商定如下："]
    assert all(a.certain for a in result.paragraphs)
    assert result.headings[0].heading == "序言\n本协定各缔约方，"


def test_a_preamble_with_another_count_of_openings_is_shared_by_length_and_listed() -> None:
    unit = _preamble("Recalling the Convention,", "Stressing the need,", "Have agreed as follows:")
    text = "协定\n\n序言本协定各缔约方，回顾《公约》相关规定和需要尊重平衡，兹商定如下：\n"
    result = align.align((unit,), text, conventions.of("zh"), "zh.txt")
    assert not any(a.certain for a in result.paragraphs)
    assert "".join(a.text for a in result.paragraphs) in text  # nothing lost, nothing added
    assert any(p.code == "ZD660" and "preamble" in p.message for p in result.problems)


@given(
    clauses=st.lists(
        st.tuples(
            st.sampled_from(["回顾", "强调", "认识到", "铭记"]),
            st.text("公约海洋协定区域生物多样性", min_size=1, max_size=12),
        ),
        min_size=1,
        max_size=8,
    ),
    extra=st.integers(min_value=-1, max_value=1),
)
def test_a_preamble_cut_never_loses_or_repeats_a_character(clauses: list[tuple[str, str]], extra: int) -> None:
    """Whatever the count of openings against the original's, the pieces are the text, in order."""
    count = max(1, len(clauses) + extra)
    unit = _preamble(*(f"Recalling {i}," for i in range(count)))
    body = "".join(f"{verb}{words}，" for verb, words in clauses)
    result = align.align((unit,), f"协定\n\n序言本协定各缔约方，{body}\n", conventions.of("zh"), "zh.txt")
    chapeau = result.headings[0].heading.removeprefix("序言\n")
    assert chapeau + "".join(a.text for a in result.paragraphs) == "本协定各缔约方，" + body
    if count == len(clauses):  # as many openings as paragraphs: each cut is sure
        assert [a.text for a in result.paragraphs] == [f"{verb}{words}，" for verb, words in clauses]
        assert all(a.certain for a in result.paragraphs)
