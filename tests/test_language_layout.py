"""Titles told from the translation's PDF layout: the centred lines under each heading, read for
their shape only (a font that maps glyphs to wrong characters keeps the count; one that drops
glyphs keeps the other letters), never copied.  Small layouts written here for the rules, then
the real Chinese and Arabic BBNJ PDFs in tests/test_languages.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_language_ocr import _article
from zerodraft.errors import Fatal
from zerodraft.languages import align, conventions, layout
from zerodraft.languages.skeleton import Unit

ZH = conventions.of("zh")
AR = conventions.of("ar")
BODY = "x" * 60


def _page(*lines: str) -> str:
    """A page of a layout: centred lines are indented, body lines are not."""
    return "\n".join(lines) + "\n\f"


def _shifted(text: str) -> str:
    """``text`` as a display font with a broken mapping gives it: every glyph a wrong character."""
    return "".join(chr(ord(c) - 0x49CA) for c in text)


def _headed(*blocks: tuple[str, str]) -> str:
    """A page of Chinese headings and titles, each centred over a body line, as the broken font
    gives them; a page number between them."""
    lines = []
    for heading, title in blocks:
        lines += [" " * 20 + _shifted(heading), " " * 20 + _shifted(title), BODY, " " * 20 + "- 2 -"]
    return _page(*lines)


def test_a_font_that_maps_glyphs_wrongly_still_gives_each_title_its_length() -> None:
    units = (_article(1, "For the purposes:", title="Use of terms"), _article(2, "The objective.", title="General"))
    pdf = _headed(("第一条", "用语"), ("第二条", "一般目标"))  # a page number is not a title
    shapes = layout.titles(pdf, units, ZH)
    assert [(s.glyphs, s.dropped) for s in shapes.values()] == [(2, False), (4, False)]
    text = "第一条用语为本协定的目的：\n第二条一般目标本协定的目标是养护。\n"
    result = align.align(units, text, ZH, "zh.txt", shapes)
    assert [h.title for h in result.headings] == ["用语", "一般目标"]
    assert [a.text for a in result.paragraphs] == ["为本协定的目的：", "本协定的目标是养护。"]
    assert not any("title" in p.message for p in result.problems)


def test_a_heading_of_the_right_length_but_other_glyphs_is_not_taken_for_the_next() -> None:
    # once "第" and "条" are known, a centred "附件一" (three glyphs too) is not Article 2
    units = (_article(1, "One.", title="Terms"), _article(2, "Two.", title="Objective"))
    pdf = _headed(("第一条", "用语"), ("附件一", "标准"))
    assert list(layout.titles(pdf, units, ZH)) == [units[0].path]


def test_a_font_that_drops_glyphs_gives_the_letters_it_kept() -> None:
    units = (_article(1, "For the purposes of this Agreement:", title="Use of terms"),)
    # "المادة 1" / "استخدام المصطلحات" with letters lost, in presentation forms, words out of order
    pdf = _page(" " * 60 + "\u202bاﻟ ﺎدة 1\u202c", " " * 50 + "ﻠ ﺎت    ام اﻟ   اﺴ", BODY * 2)
    shapes = layout.titles(pdf, units, AR)
    shape = shapes[units[0].path]
    assert shape.dropped and shape.letters == layout.letters("لات ام ال اس")
    result = align.align(units, "المادة 1 استخدام المصطلحات لأغراض هذا الاتفاق :\n", AR, "ar.txt", shapes)
    assert result.headings[0].title == "استخدام المصطلحات"
    assert result.paragraphs[0].text == "لأغراض هذا الاتفاق :"


def test_a_title_too_long_to_be_centred_runs_under_its_heading_to_the_blank_line() -> None:
    units = (_article(11, "Activities may be carried out.", title="Activities with respect to resources"),)
    pdf = _page(
        " " * 60 + "اﻟ ﺎدة 11",
        "   " + "ﺔ اﻟ اﻗﻌﺔ ﺨﺎرج ﺤ ود اﻟ ﻻ ﺔ اﻟ   ﺔ ﻟﻠ ﺎ  ﺔ اﻟ اﻷﻨ ﺔ اﻟ ﻌﻠﻘﺔ ﺎﻟ ارد",
        "",
        BODY * 2,
    )
    shapes = layout.titles(pdf, units, AR)
    text = "المادة 11 الأنشطة المتعلقة بالموارد الجينية للمناطق الواقعة خارج حدود الولاية الوطنية يجوز لجميع الأطراف.\n"
    result = align.align(units, text, AR, "ar.txt", shapes)
    assert result.headings[0].title == "الأنشطة المتعلقة بالموارد الجينية للمناطق الواقعة خارج حدود الولاية الوطنية"
    assert result.paragraphs[0].text == "يجوز لجميع الأطراف."


def test_without_the_layout_a_title_in_a_script_without_capitals_is_listed() -> None:
    units = (_article(1, "For the purposes:", title="Use of terms"),)
    result = align.align(units, "第一条用语为本协定的目的：\n", ZH, "zh.txt")
    assert result.headings[0].title == "" and result.paragraphs[0].text == "用语为本协定的目的："
    assert any(p.code == "ZD660" and "title" in p.message for p in result.problems)


def test_a_title_on_a_line_of_its_own_ends_there() -> None:
    # the French, Spanish and Russian Annex I: the title, a line break, then "a) …"
    article = _article(1, "(a) Uniqueness;\n(b) Rarity.", title="Criteria")
    units = (Unit(article.path, "annex", article.number, "Criteria", article.slots),)
    text = "ANNEXE I\nCritères indicatifs\n\na) Caractère unique ;\nb) Rareté.\n"
    result = align.align(units, text, conventions.of("fr"), "fr.txt")
    assert result.headings[0].title == "Critères indicatifs"
    assert result.paragraphs[0].text.startswith("a) Caractère unique")


def test_layout_refuses_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    source = tmp_path / "zh.txt"
    source.write_text("第一条", encoding="utf-8")
    with pytest.raises(Fatal, match="not a PDF"):
        layout.read(source)


def test_layout_goes_with_a_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from zerodraft.main import main

    source = tmp_path / "draft.txt"
    source.write_text("1. Text.\n", encoding="utf-8")
    assert main(["-C", str(tmp_path), "import", str(source), "--into", "outcome", "--layout", str(source)]) == 2
    assert "--layout goes with --language" in capsys.readouterr().err
    assert not (tmp_path / "outcome").exists()


def test_letters_unfold_presentation_forms_and_the_persian_look_alikes() -> None:
    # "ﻟ" is lam, the font's Farsi yeh "ﯿ" is yeh; tatweel and marks are not letters
    assert layout.letters("اﻟ ﯿ ـ") == layout.letters("الي")
