"""Six languages, one numbering: conventions, alignment of the six BBNJ texts, import of a
language version into a real repository, and the checks across languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import git
from test_check import problems_of
from treaty_helpers import BBNJ, english_units, write_tail
from zerodraft.languages import align, conventions, numerals
from zerodraft.languages.records import fingerprint
from zerodraft.main import main
from zerodraft.numbering import Number

LANGUAGES = ("fr", "es", "ru", "zh", "ar")

# ---- conventions, learnt from the six BBNJ texts


@pytest.mark.parametrize(
    ("tag", "article_1", "article_12", "part_2", "annex_1", "subparagraph_e"),
    [
        ("en", "Article 1", "Article 12", "PART II", "ANNEX I", "(e)"),
        ("fr", "Article premier", "Article 12", "PARTIE II", "ANNEXE I", "e)"),
        ("es", "Artículo 1", "Artículo 12", "PARTE II", "ANEXO I", "e)"),
        ("ru", "Статья 1", "Статья 12", "ЧАСТЬ II", "ПРИЛОЖЕНИЕ I", "e)"),
        ("zh", "第一条", "第十二条", "第二部分", "附件一", "（五）"),
        ("ar", "المادة 1", "المادة 12", "الجزء الثاني", "المرفق الأول", "(هـ)"),
    ],
)
def test_each_language_prints_headings_as_its_bbnj_text_does(
    tag: str, article_1: str, article_12: str, part_2: str, annex_1: str, subparagraph_e: str
) -> None:
    rules = conventions.of(tag)
    assert rules.heading("article", Number(1)) == article_1
    assert rules.heading("article", Number(12)) == article_12
    assert rules.heading("part", Number(2)) == part_2
    assert rules.heading("annex", Number(1)) == annex_1
    assert rules.number_text(rules.subparagraph, Number(5)) == subparagraph_e
    text = BBNJ[tag].read_text(encoding="utf-8")
    for heading in (article_1, article_12, annex_1):
        assert heading in text  # learnt from the text, not invented


def test_arabic_is_right_to_left_and_the_others_are_not() -> None:
    assert [conventions.of(tag).rtl for tag in ("en", "fr", "es", "ru", "zh", "ar")] == [False] * 5 + [True]
    assert conventions.of("zh-Hans").code == "zh"
    assert conventions.of("pt").headings == {}  # no data file: no words invented


def test_bis_and_ter_in_each_language() -> None:
    assert conventions.of("fr").heading("article", Number(54, 2)) == "Article 54 ter"
    assert conventions.of("zh").heading("article", Number(54, 1)) == "第五十四条之二"


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_read_back(number: int) -> None:
    assert numerals.from_chinese(numerals.chinese(number)) == number


def test_chinese_numerals_as_treaties_print_them() -> None:
    assert [numerals.chinese(n) for n in (1, 10, 12, 20, 76, 105, 320)] == [
        "一", "十", "十二", "二十", "七十六", "一百零五", "三百二十",
    ]  # fmt: skip


@given(st.text(), st.sampled_from(["", "\n", "  \n", "\r\n"]))
def test_a_fingerprint_ignores_line_ends_and_trailing_space(text: str, end: str) -> None:
    assert fingerprint(text + end) == fingerprint(text)


def test_a_fingerprint_changes_with_a_word() -> None:
    assert fingerprint("States shall cooperate.") != fingerprint("States should cooperate.")


# ---- the six BBNJ texts aligned to the English structure


@pytest.fixture(scope="session")
def units() -> tuple[align.Unit, ...]:  # type: ignore[name-defined]
    return english_units()


#: The share of paragraphs aligned by their own number (or as the only text of their article);
#: the Chinese preamble has no capitals to cut at, the Arabic text is OCR (docs/languages.md).
EXPECTED = {"fr": 1.0, "es": 1.0, "ru": 1.0, "zh": 0.94, "ar": 0.93}


@pytest.mark.parametrize("tag", LANGUAGES)
def test_bbnj_aligns_in_every_language(tag: str, units: tuple[object, ...]) -> None:
    result = align.align(units, BBNJ[tag].read_text(encoding="utf-8"), conventions.of(tag), "bbnj")  # type: ignore[arg-type]
    assert result.total == 298
    assert result.ratio >= EXPECTED[tag]
    placed = {a.slot.path for a in result.paragraphs}
    missing = [s.path for u in units for s in u.slots if s.path not in placed]  # type: ignore[attr-defined]
    listed = " ".join(p.message for p in result.problems)
    assert all(path.rsplit("/", 1)[1] in listed for path in missing)  # whatever is missing is listed
    assert len(result.headings) == 90  # 76 articles, 12 Parts, 2 annexes


@pytest.mark.parametrize(
    ("tag", "article", "number", "start"),
    [
        ("fr", 1, 2, "« Zones ne relevant pas de la juridiction nationale »"),
        ("es", 5, 3, "La situación jurídica"),
        ("ru", 8, 1, "Стороны сотрудничают"),
        ("zh", 5, 2, "本协定的解释和适用"),
        ("zh", 1, 3, "“生物技术”"),
        ("ar", 5, 3, "لا يمس هذا الاتفاق"),
        ("ar", 8, 2, "تسعى الأطراف"),
        # OCR ran the numbers together ("- 2 - 3", then three texts, then "- 4 -5")
        ("ar", 1, 3, 'يقصد بعبارة "التكنولوجيا الحيوية'),
        ("ar", 1, 4, 'يقصد بعبارة "الجمع في الموقع الطبيعي'),
        ("ar", 23, 1, "تتخذ القرارات والتوصيات"),
        ("ar", 72, 5, "لأغراض الفقرتين 3 و 4 أعلاه"),
        # the number "- 1" displaced into paragraph 2's subparagraphs is passed over
        ("ar", 30, 2, "تنظر الأطراف في العوامل"),
        # the first word OCR moved before the heading with the numbers ("-1 - 2 يُنشأ المادة 47")
        ("ar", 47, 1, "يُنشأ"),
    ],
)
def test_paragraphs_land_under_the_same_numbers(
    tag: str, article: int, number: int, start: str, units: tuple[object, ...]
) -> None:
    result = align.align(units, BBNJ[tag].read_text(encoding="utf-8"), conventions.of(tag), "bbnj")  # type: ignore[arg-type]
    texts = {a.slot.path.split("/", 2)[2]: a.text for a in result.paragraphs}
    key = next(k for k in texts if f"/{article:03d}-article-{article}/{number:03d}.md" in f"/{k}")
    assert texts[key].startswith(start)


def test_arabic_noise_is_removed_and_listed(units: tuple[object, ...]) -> None:
    result = align.align(units, BBNJ["ar"].read_text(encoding="utf-8"), conventions.of("ar"), "bbnj.ar.txt")  # type: ignore[arg-type]
    noise = [p for p in result.problems if p.code == "ZD661"]
    assert noise and all(p.path == "bbnj.ar.txt" and p.line > 0 for p in noise)
    texts = {a.slot.path.split("/", 2)[2]: a.text for a in result.paragraphs}
    assert not texts["008-article-8/002.md"].startswith("6")  # the page number "6" is gone


# ---- import into a real repository, then check


@pytest.fixture
def treaty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Articles 73–76 and both annexes of the English BBNJ Agreement in a git repository."""
    write_tail(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Draft 1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_five_languages_import_beside_the_original_and_check_clean(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in (treaty / "outcome").rglob("*.md")}
    for tag in LANGUAGES:
        assert main(["import", str(BBNJ[tag]), "--language", tag, "--into", "outcome"]) == 0, capsys.readouterr().out
    assert {p: p.read_bytes() for p in before} == before  # the original is never touched
    assert (treaty / "outcome/02-article-74/003.zh.md").exists()
    assert "ar" in (treaty / "outcome/document.yaml").read_text(encoding="utf-8")
    # (ZD701: the excerpt's references to articles before Article 73 have no target in it.)
    assert [(p.path, p.code) for p in problems_of(treaty) if p.code != "ZD701"] == []


def test_an_english_amendment_makes_exactly_its_five_translations_stale(treaty: Path) -> None:
    for tag in LANGUAGES:
        main(["import", str(BBNJ[tag]), "--language", tag, "--into", "outcome"])
    amended = treaty / "outcome/01-article-73/002.md"
    amended.write_text(amended.read_text(encoding="utf-8").replace("in any way", "in any manner"), encoding="utf-8")
    stale = [p for p in problems_of(treaty) if p.code == "ZD442"]
    assert sorted(p.path for p in stale) == [f"outcome/01-article-73/002.{tag}.md" for tag in sorted(LANGUAGES)]
    assert all("paragraph 2" in p.message for p in stale)


def test_status_counts_current_stale_and_missing_per_language(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _six(treaty)
    (treaty / "outcome/03-article-75/001.zh.md").unlink()
    amended = treaty / "outcome/01-article-73/002.md"
    amended.write_text(amended.read_text(encoding="utf-8").replace("in any way", "in any manner"), encoding="utf-8")
    capsys.readouterr()
    assert main(["status", "--languages", "--format", "json"]) == 0
    rows = {row["language"]: row for row in json.loads(capsys.readouterr().out)}
    assert list(rows) == list(LANGUAGES)
    assert rows["fr"] == {"language": "fr", "current": 9, "stale": 1, "missing": 0, "total": 10}
    assert (rows["zh"]["stale"], rows["zh"]["missing"]) == (1, 1)
    assert main(["status", "--languages"]) == 0
    assert "Chinese (zh)" in capsys.readouterr().out


def test_a_language_not_kept_is_refused_and_a_missing_one_reported(treaty: Path) -> None:
    main(["import", str(BBNJ["fr"]), "--language", "fr", "--into", "outcome"])
    (treaty / "outcome/01-article-73/001.fr.md").unlink()
    (treaty / "outcome/01-article-73/001.de.md").write_text(
        "---\ntranslates: 0000000000000000\n---\nText.\n", encoding="utf-8"
    )
    found = {(p.path, p.code) for p in problems_of(treaty)}
    assert ("outcome/01-article-73/001.md", "ZD441") in found
    assert ("outcome/01-article-73/001.de.md", "ZD440") in found


def test_an_unknown_language_code_is_refused(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(BBNJ["fr"]), "--language", "French!", "--into", "outcome"]) == 2
    assert "not a language code" in capsys.readouterr().err


# ---- bad input: every problem at once, in plain words, nothing lost


def _kept(base: Path, kept: str) -> None:
    path = base / "outcome/document.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"  kept: {kept}\n", encoding="utf-8")


def _translation(base: Path, relative: str, text: str, translates: str | None = None) -> Path:
    original = (base / "outcome" / relative.rsplit(".", 2)[0]).with_suffix(".md")
    body = original.read_text(encoding="utf-8").split("---\n", 2)[2] if original.exists() else ""
    path = base / "outcome" / relative
    path.write_text(f"---\ntranslates: {translates or fingerprint(body)}\n---\n{text}\n", encoding="utf-8")
    return path


def test_mixed_scripts_the_wrong_script_and_a_dropped_bracket_are_reported(tmp_path: Path) -> None:
    write_tail(tmp_path)
    _kept(tmp_path, "[ru, fr]")
    for tag in ("ru", "fr"):
        for original in (tmp_path / "outcome").rglob("[0-9][0-9][0-9].md"):
            relative = original.relative_to(tmp_path / "outcome").as_posix()
            _translation(
                tmp_path,
                relative.replace(".md", f".{tag}.md"),
                "Текст статьи, на русском языке." if tag == "ru" else "Le texte.",
            )
    _translation(
        tmp_path, "01-article-73/001.ru.md", "Сторона может [по письменному] увeдомлению денонсировать Соглашение."
    )
    _translation(
        tmp_path, "01-article-73/002.ru.md", "The denunciation shall not in any way affect the duty of any Party."
    )
    found = {(p.path, p.code): p.message for p in problems_of(tmp_path)}
    mixed = found[("outcome/01-article-73/001.ru.md", "ZD445")]
    assert "увeдомлению" in mixed  # a Latin 'e' inside a Cyrillic word
    assert "Russian (ru)" in found[("outcome/01-article-73/002.ru.md", "ZD446")]
    assert "opening square brackets" in found[("outcome/01-article-73/001.ru.md", "ZD447")]
    assert ("outcome/01-article-73/001.fr.md", "ZD446") not in found  # a short text is not judged


def test_the_marks_arabic_needs_pass_and_overrides_are_still_refused(tmp_path: Path) -> None:
    write_tail(tmp_path)
    _kept(tmp_path, "[ar]")
    for original in (tmp_path / "outcome").rglob("[0-9][0-9][0-9].md"):
        relative = original.relative_to(tmp_path / "outcome").as_posix()
        _translation(
            tmp_path, relative.replace(".md", ".ar.md"), "\u200fيجوز لأي طرف\u061c أن ينسحب\u200e من هذا الاتفاق."
        )
    text_codes = {"ZD005", "ZD009", "ZD445", "ZD446"}
    assert [p for p in problems_of(tmp_path) if p.code in text_codes] == []
    _translation(tmp_path, "01-article-73/001.ar.md", "يجوز لأي طرف \u202eأن ينسحب من هذا الاتفاق.")
    found = [(p.path, p.code) for p in problems_of(tmp_path) if p.code in text_codes]
    assert found == [("outcome/01-article-73/001.ar.md", "ZD005")]


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("languages: fr", "needs 'original:'"),
        ("languages:\n  original: en\n  kept: [fr, klingon!]", "'klingon!' is not a language code"),
        ("languages:\n  original: en\n  kept: [fr, fr]", "lists 'fr' twice"),
        ("languages:\n  original: en\n  kept: fr", "must be a list"),
    ],
)
def test_bad_languages_in_document_yaml(tmp_path: Path, languages: str, message: str) -> None:
    write_tail(tmp_path)
    path = tmp_path / "outcome/document.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("languages:\n  original: en\n", languages + "\n"), encoding="utf-8"
    )
    found = [p for p in problems_of(tmp_path) if p.code == "ZD530"]
    assert found and message in found[0].message


def test_a_broken_translation_file_is_reported_not_dropped(tmp_path: Path) -> None:
    write_tail(tmp_path)
    _kept(tmp_path, "[fr]")
    (tmp_path / "outcome/01-article-73/001.fr.md").write_text("Pas de front matter.\n", encoding="utf-8")
    (tmp_path / "outcome/01-article-73/002.fr.md").write_text(
        "---\ntranslates: 12\nstatus: open\n---\nTexte.\n", encoding="utf-8"
    )
    (tmp_path / "outcome/01-article-73/009.fr.md").write_text(
        f"---\ntranslates: {'0' * 16}\n---\nTexte.\n", encoding="utf-8"
    )
    (tmp_path / "outcome/01-article-73/section.fr.yaml").write_text("titre: Dénonciation\n", encoding="utf-8")
    found = {(p.path, p.code) for p in problems_of(tmp_path)}
    assert {
        ("outcome/01-article-73/001.fr.md", "ZD448"),
        ("outcome/01-article-73/002.fr.md", "ZD448"),
        ("outcome/01-article-73/009.fr.md", "ZD443"),
        ("outcome/01-article-73/section.fr.yaml", "ZD449"),
    } <= found


# ---- the real thing: the English BBNJ Agreement imported, then its five other languages


@pytest.fixture(scope="session")
def bbnj(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The BBNJ Agreement imported from English by ``zerodraft import``, committed, then its five
    other language versions imported with ``--language``: six languages in one document."""
    base = tmp_path_factory.mktemp("bbnj")
    git(base, "init", "-q", "-b", "main")
    assert main(["-C", str(base), "import", str(BBNJ["en"]), "--into", "outcome"]) == 0
    with (base / "outcome/document.yaml").open("a", encoding="utf-8") as out:
        out.write("languages:\n  original: en\n")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "BBNJ in English")
    for tag in LANGUAGES:
        # the Chinese and Arabic texts run titles into the text: their PDFs' layout tells where they end
        layout = ["--layout", str(BBNJ[tag].with_suffix(".pdf"))] if tag in ("zh", "ar") else []
        main(["-C", str(base), "import", str(BBNJ[tag]), "--language", tag, "--into", "outcome", *layout])
    return base


def test_bbnj_in_six_languages_keeps_the_english_ids_under_the_same_numbers(bbnj: Path) -> None:
    from zerodraft.reader import read
    from zerodraft.source import WorkingTree

    document = read(WorkingTree(bbnj), "outcome").document
    originals = list(document.paragraphs())
    assert len(originals) == 300  # 282 and the preamble's 18 paragraphs, as the PDF prints them
    assert document.config.languages.kept == LANGUAGES
    share = {
        tag: sum(1 for p in originals if document.translations.of(p.path, tag) is not None) / len(originals)
        for tag in LANGUAGES
    }
    # every paragraph has its text in every language (docs/languages.md: 298 of the 300 Arabic
    # ones aligned for sure, two shared at the sentence end nearest their lengths, listed)
    assert share == dict.fromkeys(LANGUAGES, 1.0)
    assert not [p for p in problems_of(bbnj) if p.code == "ZD441"]


@pytest.mark.parametrize(
    ("tag", "number", "start"),
    [
        ("fr", 8, "Affirmant que rien"),
        ("ru", 12, "констатируя, что"),  # lower case: the language's opening words tell it
        ("zh", 8, "确认本协定的任何规定"),
        ("ar", 10, "وإذ تضع نصب عينها"),  # OCR lost the comma before it
        ("ar", 18, "قد اتفقت على ما يلي:"),
    ],
)
def test_preambles_are_cut_where_each_preambular_paragraph_opens(bbnj: Path, tag: str, number: int, start: str) -> None:
    text = (bbnj / f"outcome/00-preamble/{number:03d}.{tag}.md").read_text(encoding="utf-8")
    assert text.split("---\n", 2)[2].startswith(start)


def test_the_preamble_heading_keeps_each_languages_chapeau(bbnj: Path) -> None:
    from zerodraft import safeyaml

    headings = {
        tag: safeyaml.load((bbnj / f"outcome/00-preamble/section.{tag}.yaml").read_text(encoding="utf-8")).data[
            "heading"
        ]
        for tag in LANGUAGES
    }
    assert headings["fr"] == "PRÉAMBULE\nLes Parties au présent Accord,"
    assert headings["zh"] == "序言\n本协定各缔约方，"
    assert headings["ar"] == "الديباجة\nإنّ الأطراف في هذا الاتفاق،"  # OCR put it before the heading


@pytest.mark.parametrize(
    ("section", "titles"),
    [
        ("01-part-i/01-article-1", {"fr": "Emploi des termes", "zh": "用语", "ar": "استخدام المصطلحات"}),
        ("04-part-iv/32-article-32", {"ru": "Информирование общественности и консультации с ней", "zh": "公告和协商"}),
        ("06-part-vi/47-article-47", {"zh": "缔约方大会", "ar": "مؤتمر الأطراف"}),
        ("12-part-xii/72-article-72", {"es": "Enmienda", "zh": "修正", "ar": "التعديل"}),
        ("13-annex-i", {"fr": "Critères indicatifs pour la détermination des aires à protéger"}),
    ],
)
def test_titles_are_told_from_the_text_in_every_language(bbnj: Path, section: str, titles: dict[str, str]) -> None:
    """Capitals end a title in French, Spanish and Russian, a line break the title on its own
    line, and in Chinese and Arabic, which have neither, the PDF's layout (``--layout``)."""
    from zerodraft import safeyaml

    folder = bbnj / "outcome" / section
    for tag, title in titles.items():
        data = safeyaml.load((folder / f"section.{tag}.yaml").read_text(encoding="utf-8")).data
        assert data["title"] == title
        first = next(iter(sorted(folder.glob(f"0*.{tag}.md"))))
        assert title not in first.read_text(encoding="utf-8").split("---", 2)[2][: len(title) + 2]


def test_the_first_paragraph_keeps_its_text_once_the_title_is_cut(bbnj: Path) -> None:
    article = bbnj / "outcome/06-part-vi/47-article-47"
    # OCR moved "يُنشأ" before the heading with the numbers: it is back at the start of the text
    assert "\nيُنشأ بموجب هذا الاتفاق مؤتمر للأطراف.\n" in (article / "001.ar.md").read_text(encoding="utf-8")
    assert "\n兹设立缔约方大会。\n" in (article / "001.zh.md").read_text(encoding="utf-8")


# ---- build --language: every format in every language


@pytest.fixture(scope="session")
def built(bbnj: Path) -> Path:
    """``build --language all --format html,docx,json,akn`` of the six-language BBNJ Agreement."""
    assert main(["-C", str(bbnj), "build", "--language", "all", "--format", "html,docx,json,akn", "-o", "build"]) == 0
    return bbnj / "build"


def test_html_says_its_language_and_arabic_reads_right_to_left(built: Path) -> None:
    for tag in ("", *LANGUAGES):
        page = (built / f"imported-draft{'.' + tag if tag else ''}.html").read_text(encoding="utf-8")
        direction = ' dir="rtl"' if tag == "ar" else ""
        assert f'<html lang="{tag or "en"}"{direction}>' in page
    chinese = (built / "imported-draft.zh.html").read_text(encoding="utf-8")
    assert "第十二条" in chinese
    assert "Use of terms" not in chinese  # no English title left over
    # (the preamble's heading, "PREAMBLE" / "The Parties to this Agreement,", is not yet
    # aligned: the aligner translates the preamble's paragraphs, not its heading)
    assert "本协定各缔约方" in chinese  # the preamble's chapeau, in Chinese
    assert "Article premier" in (built / "imported-draft.fr.html").read_text(encoding="utf-8")
    assert "المادة 12" in (built / "imported-draft.ar.html").read_text(encoding="utf-8")


def test_json_has_the_same_ids_and_numbers_in_every_language(built: Path) -> None:
    import json

    def numbering(tag: str) -> list[tuple[str, str]]:
        data = json.loads((built / f"imported-draft{'.' + tag if tag else ''}.json").read_text(encoding="utf-8"))
        assert data["document"]["language"] == (tag or "en")
        return [(p["id"], p["number"]) for p in data["paragraphs"]]

    english = numbering("")
    assert len(english) == 300
    assert all(numbering(tag) == english for tag in LANGUAGES)


def test_akn_carries_xml_lang_and_validates(built: Path) -> None:
    from test_render_akn import valid

    for tag, alpha3 in (("zh", "zho"), ("ar", "ara")):
        tree = valid(built / f"imported-draft.{tag}.akn.xml")
        root = tree.getroot()
        assert root.find(".//{*}mainBody").get("{http://www.w3.org/XML/1998/namespace}lang") == tag
        assert root.find(".//{*}FRBRlanguage").get("language") == alpha3


def test_word_sets_arabic_right_to_left_in_its_font_and_chinese_in_a_cjk_font(built: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    arabic = docx.Document(str(built / "imported-draft.ar.docx"))
    body = [p for p in arabic.element.body.iter(qn("w:p"))]
    assert body and all(p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in body)
    assert arabic.styles["Normal"].element.rPr.rFonts.get(qn("w:cs")) == "Noto Naskh Arabic"
    chinese = docx.Document(str(built / "imported-draft.zh.docx"))
    assert chinese.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "Noto Serif CJK SC"
    assert not [p for p in chinese.element.body.iter(qn("w:bidi"))]
    english = docx.Document(str(built / "imported-draft.docx"))
    assert english.styles["Normal"].element.rPr.rFonts.get(qn("w:ascii")) == "Times New Roman"


@pytest.mark.slow
def test_pdf_through_libreoffice_embeds_the_arabic_and_cjk_fonts(bbnj: Path, tmp_path: Path) -> None:
    import subprocess

    assert main(["-C", str(bbnj), "build", "--language", "ar", "--format", "pdf", "-o", str(tmp_path)]) == 0
    assert main(["-C", str(bbnj), "build", "--language", "zh", "--format", "pdf", "-o", str(tmp_path)]) == 0
    for tag, font in (("ar", "NotoNaskhArabic"), ("zh", "NotoSerifCJK")):
        fonts = subprocess.run(
            ["pdffonts", str(tmp_path / f"imported-draft.{tag}.pdf")], capture_output=True, text=True, check=True
        )
        assert font in fonts.stdout
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "imported-draft.zh.pdf"), "-"], capture_output=True, text=True, check=True
    )
    assert "第十二条" in text.stdout


# ---- rounds in every language


def _six(treaty: Path) -> None:
    """Five languages beside the English, committed; the excerpt's two references to Article 72
    (not in it) point at Article 75 instead, so that the draft checks clean and can be released."""
    for name in ("002.md", "003.md"):
        path = treaty / "outcome/02-article-74" / name
        path.write_text(path.read_text(encoding="utf-8").replace("article 72", "article 75"), encoding="utf-8")
    for tag in LANGUAGES:
        assert main(["import", str(BBNJ[tag]), "--language", tag, "--into", "outcome"]) == 0
    git(treaty, "add", "-A")
    git(treaty, "commit", "-q", "-m", "Five languages")


def test_release_renumbers_every_language_together(treaty: Path, secretariat: None) -> None:
    _six(treaty)
    assert main(["release", "--format", "json", "Draft 2", "--date", "2023-06-20", "-o", str(treaty / "out2")]) == 0
    article = treaty / "outcome/01-article-73"
    inserted = article / "001bis.md"
    inserted.write_text(
        "---\nid: p-new\nstatus: proposed\nproposed-by: [Kenya]\n---\nA new paragraph.\n", encoding="utf-8"
    )
    for tag in LANGUAGES:
        text = {
            "fr": "Un nouveau paragraphe.",
            "es": "Un párrafo nuevo.",
            "ru": "Новый пункт.",
            "zh": "新的一款。",
            "ar": "فقرة جديدة.",
        }
        _translation(treaty, f"01-article-73/001bis.{tag}.md", text[tag])
    second = (article / "002.fr.md").read_text(encoding="utf-8")
    git(treaty, "add", "-A")
    git(treaty, "commit", "-q", "-m", "Kenya proposes 1 bis in six languages")
    out = treaty / "out3"
    assert main(["release", "--format", "json,html", "Draft 3", "--date", "2023-06-21", "-o", str(out)]) == 0
    names = sorted(p.name for p in article.glob("*.md"))
    assert names == sorted(f"00{n}{'.' + t if t else ''}.md" for n in (1, 2, 3) for t in ("", *LANGUAGES))
    assert (article / "003.fr.md").read_text(encoding="utf-8") == second  # 2 became 3 in every language
    assert "Un nouveau paragraphe." in (article / "002.fr.md").read_text(encoding="utf-8")
    assert [p for p in problems_of(treaty) if p.code != "ZD701"] == []
    concordance = (treaty / "outcome/concordance/draft-3.yaml").read_text(encoding="utf-8")
    assert concordance.count("id: p-new") == 1  # one concordance for all languages
    built = sorted(p.name for p in out.iterdir())
    assert {"draft-3.fr.html", "draft-3.ar.json", "draft-3-redline.zh.html", "draft-3-redline.html"} <= set(built)
    redline = (out / "draft-3-redline.fr.html").read_text(encoding="utf-8")
    assert "Un nouveau paragraphe." in redline


def test_a_proposal_in_the_original_marks_its_translations_stale(treaty: Path) -> None:
    _six(treaty)
    assert (
        main(
            [
                "propose",
                "amend",
                "02-article-74-2",
                "--delegation",
                "Kenya",
                "--text",
                "The provisions of article 75 apply.",
            ]
        )
        == 0
    )
    stale = sorted(p.path for p in problems_of(treaty) if p.code == "ZD442")
    assert stale == [f"outcome/02-article-74/002.{tag}.md" for tag in sorted(LANGUAGES)]


def test_diff_shows_what_changed_in_the_original_since_a_translation(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _six(treaty)
    original = treaty / "outcome/01-article-73/002.md"
    original.write_text(original.read_text(encoding="utf-8").replace("in any way", "in any manner"), encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", "--translation", "outcome/01-article-73/002.fr.md"]) == 0
    said = capsys.readouterr().out
    assert "[-way-]{+manner+}" in said and "paragraph 2" in said
    assert main(["diff", "--translation", "outcome/01-article-73/001.fr.md"]) == 0
    assert "is current" in capsys.readouterr().out
    assert main(["diff", "--translation", "outcome/01-article-73/001.md"]) == 2


# ---- the site: a language switcher and the original side by side with each language


def test_site_has_every_language_and_side_by_side_pages(treaty: Path, secretariat: None) -> None:
    from html.parser import HTMLParser

    _six(treaty)
    assert main(["release", "--format", "none", "Draft 2", "--date", "2023-06-20"]) == 0
    out = treaty.parent / "site"
    assert main(["site", "-o", str(out), "--downloads", "none"]) == 0
    for snapshot in ("editors-copy", "draft-2"):
        for tag in LANGUAGES:
            page = (out / f"{snapshot}.{tag}.html").read_text(encoding="utf-8")
            direction = ' dir="rtl"' if tag == "ar" else ""
            assert f'<html lang="{tag}"{direction}>' in page
            assert 'id="languages"' in page
        assert f'href="{snapshot}.en-zh.html"' in (out / f"{snapshot}.html").read_text(encoding="utf-8")
    pair = (out / "draft-2.en-ar.html").read_text(encoding="utf-8")
    assert pair.count('class="pair"') == pair.count('<div class="side" lang="ar" dir="rtl">')
    assert "المادة 75" in pair and "Article 75" in pair

    class Parser(HTMLParser):  # the page is well-formed enough to parse, and every row has two sides
        rows = 0

        def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
            self.rows += ("class", "pair") in attributes

    parser = Parser()
    parser.feed(pair)
    assert parser.rows == 16  # 10 paragraphs and 6 headings (4 articles, 2 annexes)


def test_each_language_prints_its_own_words_for_the_draft_the_date_and_the_contents(treaty: Path) -> None:
    _six(treaty)
    assert main(["build", "--language", "all", "--format", "md,html", "-o", "out"]) == 0
    first = {tag: (treaty / f"out/draft-1.{tag}.md").read_text(encoding="utf-8").split("\n", 1)[0] for tag in LANGUAGES}
    assert first == {
        "fr": "PROJET 1, 19 juin 2023",
        "es": "PROYECTO 1, 19 de junio de 2023",
        "ru": "ПРОЕКТ 1, 19 июня 2023 года",
        "zh": "草案 1，2023年6月19日",
        "ar": "مشروع 1، 19 حزيران/يونيه 2023",
    }
    assert (treaty / "out/draft-1.md").read_text(encoding="utf-8").startswith("DRAFT 1, 19 June 2023")
    assert '<h2 id="contents-heading">目录</h2>' in (treaty / "out/draft-1.zh.html").read_text(encoding="utf-8")
    assert '<h2 id="contents-heading">Contents</h2>' in (treaty / "out/draft-1.html").read_text(encoding="utf-8")


def test_diff_gives_the_redline_of_one_language(treaty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _six(treaty)
    translation = treaty / "outcome/01-article-73/002.fr.md"
    translation.write_text(
        translation.read_text(encoding="utf-8").replace("toute Partie", "tout État Partie", 1), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["diff", "HEAD", "--language", "fr", "--changes-only"]) == 0
    said = capsys.readouterr().out
    assert "~~toute~~**tout État**" in said, said
    assert main(["diff", "HEAD", "--language", "de"]) == 2


def test_a_pull_request_amending_the_original_is_not_blocked_by_its_stale_translations(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = treaty / "outcome/delegations.yaml"
    roster.write_text(roster.read_text(encoding="utf-8") + "    logins: [kenya-mission]\n", encoding="utf-8")
    _six(treaty)
    git(treaty, "switch", "-q", "-c", "kenya/amend")
    amended = treaty / "outcome/01-article-73/002.md"
    amended.write_text(amended.read_text(encoding="utf-8").replace("in any way", "in any manner"), encoding="utf-8")
    git(treaty, "commit", "-q", "-am", "Kenya amends 73.2")
    capsys.readouterr()
    code = main(["pr-check", "--base", "main", "--head", "kenya/amend", "--author", "kenya-mission"])
    said = capsys.readouterr()
    assert "ZD442" not in said.out + said.err
    assert code == 0, said.out + said.err
