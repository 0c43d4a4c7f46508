"""What each language's reader sees: numbers, subparagraph marks, consensus labels and the
page's own words as each language version prints them (from ``data/languages/*.yaml``), and a
paragraph whose translation is missing or stale marked as such in every format."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import git
from treaty_helpers import BBNJ, write_tail
from zerodraft.languages import conventions
from zerodraft.main import main
from zerodraft.numbering import Number
from zerodraft.render.layout import BlockKind, _blocks

LANGUAGES = ("fr", "es", "ru", "zh", "ar")
ALL = ("en", *LANGUAGES)


@pytest.fixture(scope="session")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles 73–76 and both annexes of the BBNJ Agreement in its six languages, committed."""
    base = tmp_path_factory.mktemp("six")
    write_tail(base)
    for name in ("002.md", "003.md"):  # the excerpt's references to Article 72 (not in it) point inside it
        path = base / "outcome/02-article-74" / name
        path.write_text(path.read_text(encoding="utf-8").replace("article 72", "article 75"), encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    for tag in LANGUAGES:
        assert main(["-C", str(base), "import", str(BBNJ[tag]), "--language", tag, "--into", "outcome"]) == 0
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Six languages")
    return base


@pytest.fixture(scope="session")
def printed(six: Path) -> Path:
    """Every format of every language."""
    out = six / "printed"
    assert (
        main(["-C", str(six), "build", "--language", "all", "--format", "md,txt,html,json,docx", "-o", str(out)]) == 0
    )
    return out


def _file(out: Path, tag: str, extension: str) -> Path:
    return out / f"draft-1{'' if tag == 'en' else '.' + tag}.{extension}"


def _word_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    import re

    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml.replace("<w:tab/>", "<w:t>\t</w:t>")))


# ---- numbers and subparagraph marks, as each BBNJ text prints them


NUMBER_1 = {"en": "1.", "fr": "1.", "es": "1.", "ru": "1.", "zh": "一、", "ar": "1 -"}
MARK_A = {"en": "(a)", "fr": "a)", "es": "a)", "ru": "a)", "zh": "（一）", "ar": "(أ)"}


@pytest.mark.parametrize("tag", ALL)
def test_each_language_prints_paragraph_numbers_and_marks_as_its_text_does(printed: Path, tag: str) -> None:
    number, mark = NUMBER_1[tag], MARK_A[tag]
    html = _file(printed, tag, "html").read_text(encoding="utf-8")
    assert f'aria-label="{conventions.of(tag).word("paragraph", "paragraph").capitalize()} 1">{number}</a>' in html
    assert f'<p class="level-1"><span class="mark">{mark}</span>' in html  # Article 74 (3)(a), a subparagraph
    markdown = _file(printed, tag, "md").read_text(encoding="utf-8")
    shown = number.replace(".", "\\.").replace(" ", "\u00a0")
    assert f"\n{shown}" in markdown and f"\n{mark}" in markdown
    text = _file(printed, tag, "txt").read_text(encoding="utf-8")
    assert f"\n{number}" in text and mark in text
    assert f"{number}\t" in _word_text(_file(printed, tag, "docx"))
    data = json.loads(_file(printed, tag, "json").read_text(encoding="utf-8"))
    first = data["paragraphs"][0]
    assert (first["number"], first["printed_as"]) == (
        "1",
        number,
    )  # the number is the same; its print is the language's


def test_arabic_and_chinese_use_their_comma_in_the_header(printed: Path) -> None:
    heads = {tag: _file(printed, tag, "txt").read_text(encoding="utf-8").split("\n", 1)[0] for tag in ALL}
    assert heads["zh"] == "草案 1，2023年6月19日"
    assert heads["ar"] == "مشروع 1، 19 حزيران/يونيه 2023"
    assert heads["en"] == "DRAFT 1, 19 June 2023"


@pytest.mark.parametrize("tag", ALL)
def test_every_number_a_language_prints_its_aligner_reads_back(tag: str) -> None:
    rules = conventions.of(tag)
    for base in (1, 9, 10, 12, 21, 99, 120):
        shown = rules.paragraph_number(Number(base))
        assert rules.paragraph_pattern(base).match(shown), (tag, base, shown)
        assert not rules.paragraph_pattern(base + 1).match(shown)


@given(st.sampled_from(ALL), st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=4))
def test_every_mark_a_language_prints_is_read_as_a_subparagraph(tag: str, letters: int, numerals: int) -> None:
    """A translation written with its language's marks — (a) … with (i) … under the first — is
    laid out as the same subparagraphs, at the same levels and positions, as the English."""
    rules = conventions.of(tag)
    lines = ["Chapeau:"]
    for letter in range(1, letters + 1):
        lines.append(f"{rules.number_text(rules.subparagraph, Number(letter))} text {letter};")
        if letter == 1 and not rules.number_text(rules.subsubparagraph, Number(1)).isalnum():  # Arabic: a bare "1"
            lines += [f"{rules.number_text(rules.subsubparagraph, Number(n))} sub {n};" for n in range(1, numerals + 1)]
    blocks = [b for b in _blocks("\n".join(lines), rules.marks()) if b.kind is BlockKind.SUBPARAGRAPH]
    levels = [(b.level, b.index) for b in blocks]
    expected = [(1, 1)]
    if len(blocks) > letters:
        expected += [(2, n) for n in range(1, numerals + 1)]
    expected += [(1, n) for n in range(2, letters + 1)]
    assert levels == expected


def test_bis_and_ter_print_with_the_number_in_each_language() -> None:
    assert conventions.of("en").paragraph_number(Number(18, 1)) == "18 bis."
    assert conventions.of("zh").paragraph_number(Number(18, 2)) == "十八之三、"
    assert conventions.of("ar").paragraph_number(Number(18, 1)) == "18 مكرراً -"
    assert conventions.of("fr").paragraph_number(Number(16, point=1)) == "16.1."


# ---- the consensus labels and the page's own words


def test_labels_and_the_pages_words_are_in_the_readers_language(printed: Path) -> None:
    french = _file(printed, "fr", "html").read_text(encoding="utf-8")
    assert '<span class="label role-agreed-ad-ref">convenu ad referendum</span>' in french
    assert "Crochets : texte non convenu." in french and "Aller au texte" in french and ">[texte]<" in french
    assert "Square brackets" not in french and ">open<" not in french
    arabic = json.loads(_file(printed, "ar", "json").read_text(encoding="utf-8"))
    assert {p["label"] for p in arabic["paragraphs"]} == {"قيد التفاوض"}
    assert {p["status"] for p in arabic["paragraphs"]} == {"open"}  # what a delegate writes stays the original's
    english = _file(printed, "en", "html").read_text(encoding="utf-8")
    assert '<span class="label role-agreed-ad-ref">agreed ad ref</span>' in english


def test_every_language_file_spells_out_the_same_words() -> None:
    """No language falls back to English silently: each data file has every word English has
    (the untranslated-… notes aside, which name the original's language)."""
    english = {k for k in conventions.of("en").words if not k.startswith("untranslated")}
    for tag in LANGUAGES:
        words = conventions.of(tag).words
        assert english - set(words) == set(), tag
        assert {f"label-{r}" for r in ("proposed", "open", "agreed-ad-ref", "agreed", "deleted")} <= set(words)


# ---- a paragraph whose translation is missing or stale


@pytest.fixture(scope="module")
def behind(six: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six-language excerpt with paragraph 2 of Article 73 never translated into French and
    Arabic, and paragraph 1 amended in English after its translations were made; every format built."""
    base = tmp_path_factory.mktemp("behind") / "repo"
    shutil.copytree(six, base, ignore=shutil.ignore_patterns("printed"))
    article = base / "outcome/01-article-73"
    for tag in ("fr", "ar"):
        (article / f"002.{tag}.md").unlink()
    original = article / "001.md"
    original.write_text(original.read_text(encoding="utf-8").replace("by written", "by a written"), encoding="utf-8")
    out = base / "out"
    main(["-C", str(base), "build", "--language", "all", "--format", "md,txt,html,json,docx,akn", "-o", str(out)])
    return out


def test_an_untranslated_paragraph_is_marked_and_spoken_in_the_original_language(behind: Path) -> None:
    french = _file(behind, "fr", "html").read_text(encoding="utf-8")
    block = french.split('id="para-article-73.2"', 1)[1].split('<div class="para', 1)[0]
    assert '<p class="behind">[Original anglais ; traduction en attente]</p>' in block
    assert '<div class="body" lang="en" dir="ltr">' in block  # screen readers switch to English
    assert "The denunciation shall not" in block
    arabic = _file(behind, "ar", "html").read_text(encoding="utf-8")
    assert ' behind-missing"' in arabic and "[النص الأصلي بالإنكليزية؛ الترجمة قيد الإعداد]" in arabic
    assert '<div class="body" lang="en" dir="ltr">' in arabic
    spanish = _file(behind, "es", "html").read_text(encoding="utf-8")
    assert ' behind-missing"' not in spanish  # Spanish has it
    assert "[Original anglais ; traduction en attente]" in _file(behind, "fr", "md").read_text(encoding="utf-8")
    assert "[Original anglais ; traduction en attente]" in _file(behind, "fr", "txt").read_text(encoding="utf-8")
    assert "[Original anglais ; traduction en attente]" in _word_text(_file(behind, "fr", "docx"))


def test_a_stale_translation_is_marked_in_every_format(behind: Path) -> None:
    notes = {
        "fr": "[Traduction d’une version antérieure]",
        "es": "[Traducción de una versión anterior]",
        "ru": "[Перевод предыдущей редакции]",
        "zh": "[系较早版本的译文]",
        "ar": "[ترجمة لصيغة سابقة]",
    }
    for tag, note in notes.items():
        html = _file(behind, tag, "html").read_text(encoding="utf-8")
        first = html.split('id="para-article-73.1"', 1)[1].split('<div class="para', 1)[0]
        assert f'<p class="behind">{note}</p>' in first, tag
        assert html.count('class="behind"') == 1 + (tag in ("fr", "ar")), tag
        for extension in ("md", "txt"):
            assert _file(behind, tag, extension).read_text(encoding="utf-8").count(note) == 1, (tag, extension)
        assert note in _word_text(_file(behind, tag, "docx"))
        data = json.loads(_file(behind, tag, "json").read_text(encoding="utf-8"))
        states = [p["translation"] for p in data["paragraphs"]]
        assert states[:2] == ["stale", "missing" if tag in ("fr", "ar") else "current"], tag
        assert set(states[2:]) == {"current"}
    english = _file(behind, "en", "html").read_text(encoding="utf-8")
    assert (
        'class="behind"' not in english
        and "translation" not in json.loads(_file(behind, "en", "json").read_text(encoding="utf-8"))["paragraphs"][0]
    )


# ---- the site in every language: its own words, and the redline of each language


def test_the_site_speaks_each_language_and_has_each_languages_redline(
    six: Path, tmp_path: Path, secretariat: None
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(six, repo, ignore=shutil.ignore_patterns("printed"))
    assert main(["-C", str(repo), "release", "--format", "none", "Draft 2", "--date", "2023-06-20"]) == 0
    translation = repo / "outcome/01-article-73/002.fr.md"
    translation.write_text(
        translation.read_text(encoding="utf-8").replace("toute Partie", "tout État Partie", 1), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "French: Article 73(2) corrected")
    assert main(["-C", str(repo), "release", "--format", "none", "Draft 3", "--date", "2023-06-21"]) == 0
    out = tmp_path / "site"
    assert main(["-C", str(repo), "site", "-o", str(out), "--downloads", "none"]) == 0
    french = (out / "redline-draft-2-draft-3.fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and "<h1>Modifications du Projet 2 au Projet 3</h1>" in french
    assert "toute<span" in french and "tout État<span" in french  # the French words that changed, struck and inserted
    assert (out / "redline-draft-2-draft-3.html").exists()  # the original's, beside it
    arabic = (out / "redline-draft-2-draft-3.ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "المجموع: لم تُعدَّل أي فقرة." in arabic
    # The page's own words are the language's: the explanation, the summary, each paragraph's facts.
    assert "Du <a" in french and "Au total : texte modifié : 1." in french and "(texte modifié)" in french
    assert '<nav aria-label="Modifications"><h2 id="changes-heading">Modifications</h2>' in french
    assert '<span class="sr">ajout : </span>' in french and '<span class="sr"> (fin de la suppression)</span>' in french
    for page_ in (french, arabic):
        for english in ENGLISH_REDLINE:
            assert english not in page_, english
    page = (out / "draft-3.fr.html").read_text(encoding="utf-8")
    assert '<a href="redline-draft-2-draft-3.fr.html">Modifications</a>' in page
    assert '<a href="editors-copy.fr.html">Copie de travail du secrétariat</a>' in page and ">Accueil<" in page
    assert "Historique du paragraphe 2</a>" in page and "Langues :" not in page and "Langues:" in page
    assert not (out / "redline-draft-1-draft-2.fr.html").exists()  # Draft 1 was never tagged
    chinese = (out / "editors-copy.zh.html").read_text(encoding="utf-8")
    assert ">语文:" in chinese and "第2段的沿革" in chinese
    # Each paragraph's history page in each language, reached from that language's pages.
    assert 'href="paragraphs/01-article-73-2.fr.html">Historique du paragraphe 2</a>' in page
    history = (out / "paragraphs/01-article-73-2.fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in history and "<h1>Paragraphe 2 " in history
    assert "Le texte dans chaque projet" in history and "Numéros successifs" in history
    assert "toute Partie" in history and "tout État Partie" in history  # Draft 2's French, then Draft 3's
    assert '<a href="01-article-73-2.html" hreflang="en"' in history  # the same page in English
    assert "<h1>第2段 " in (out / "paragraphs/01-article-73-2.zh.html").read_text(encoding="utf-8")
    arabic_history = (out / "paragraphs/01-article-73-2.ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic_history and "الفقرة 2" in arabic_history
    english_history = (out / "paragraphs/01-article-73-2.html").read_text(encoding="utf-8")
    assert '<a href="01-article-73-2.ar.html" hreflang="ar"' in english_history
    # The list of changes and the drafts' names on a language's history page are the language's.
    assert '<th scope="row">Projet 2</th>' in history and '<h3 class="version">Projet 3, paragraphe 2</h3>' in history
    assert '<span class="what">[ajouté, commit <code>' in history
    assert '<span class="what">[added, commit <code>' in english_history
    assert '<th scope="row">Draft 2</th>' in english_history
    assert "[أضيف، الإيداع <code>" in arabic_history and '<th scope="row">مشروع 2</th>' in arabic_history
    for english in ("Draft 2", "Draft 3", "[added", "Editor's copy"):
        assert english not in history, english
    # The filter form of a language's text, and the script's status line in its words.
    editors = (out / "editors-copy.fr.html").read_text(encoding="utf-8")
    assert '<form id="filters" class="filters" role="search" aria-label="Filtrer les paragraphes" hidden>' in editors
    assert '<label for="f-item">Point de l’ordre du jour</label>' in editors and ">Tout afficher</button>" in editors
    assert 'data-some="{shown} paragraphes affichés sur {total}."' in editors
    assert 'placeholder="mots du texte"' in editors and ">aucune mention connue<" in editors
    assert 'aria-label="تصفية الفقرات"' in (out / "draft-3.ar.html").read_text(encoding="utf-8")
    for english in ("Agenda item", "Consensus label", ">All<", "Show all", "words in the text", "Filter the"):
        assert english not in editors, english
    assert 'aria-label="Filter the paragraphs"' in (out / "editors-copy.html").read_text(encoding="utf-8")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:  # the script says how many paragraphs it shows in French
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        tab = browser.new_page()
        tab.goto((out / "editors-copy.fr.html").resolve().as_uri())
        expect(tab.locator("#f-status")).to_have_text("Les 10 paragraphes sont affichés.")
        tab.fill("#f-search", "dénonciation")
        expect(tab.locator("#f-status")).to_have_text(re.compile(r"^[1-9] paragraphes affichés sur 10\.$"))
        browser.close()
    # Each language's home page, reached from its pages' navigation.
    assert '<li><a href="index.fr.html">Accueil</a></li>' in editors
    assert "<title>Copie de travail du secrétariat (français) — " in editors
    assert '<nav class="site-nav" aria-label="网站">' in chinese
    assert "<title>Projet 3 (français) — " in (out / "draft-3.fr.html").read_text(encoding="utf-8")
    home = (out / "index.fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in home and '<h2 id="current-heading">Le texte actuel</h2>' in home
    assert '<a href="editors-copy.fr.html">La copie de travail du secrétariat</a> : le texte' in home
    assert '<a href="draft-3.fr.html">Projet 3</a>' in home and "21 juin 2023" in home
    assert '<a href="redline-draft-2-draft-3.fr.html">Modifications depuis le Projet 2</a>' in home
    assert "<caption>2 projets publiés, du plus récent au plus ancien</caption>" in home
    assert '<a href="index.html" hreflang="en"' in home and '<html lang="ar" dir="rtl">' in (
        out / "index.ar.html"
    ).read_text(encoding="utf-8")
    assert '<h2 id="dashboard-heading">Tableau de bord du consensus</h2>' in home  # the dashboard, in French
    assert "<caption>Paragraphes par mention de consensus (variantes non comptées)</caption>" in home
    assert (
        '<th scope="row">L’ensemble du document</th>' in home
        and ">Article 73</text>" in home
        and ">en négociation<" in home
    )
    assert '<h2 id="dashboard-heading">协商一致情况一览</h2>' in (out / "index.zh.html").read_text(encoding="utf-8")
    for english in ("The current text", "Released drafts", "Draft 2", "newest first", "Changes from", "no date"):
        assert english not in home, english
    for english in ("Consensus dashboard", "Agenda item", "consensus label", "The whole document", ">open<"):
        assert english not in home, english
    assert '<h2 id="drafts-heading">Released drafts</h2>' in (out / "index.html").read_text(encoding="utf-8")


# ---- references inside translations, rewritten at a release through the concordance


#: The references to articles and paragraphs found in each BBNJ text's running text (headings
#: left out): the figures docs/languages.md records.
BBNJ_REFERENCES = {"en": 114, "fr": 115, "es": 115, "ru": 107, "zh": 111, "ar": 119}


@pytest.mark.parametrize("tag", ALL)
def test_references_are_recognised_in_each_bbnj_text(tag: str) -> None:
    import re

    from zerodraft.references import translated
    from zerodraft.references.grammar import Kind

    text = BBNJ[tag].read_text(encoding="utf-8")
    found = [
        m
        for m in translated.find(text, tag)
        if not re.fullmatch(r"[\s\-0-9]*(?:Article|第|المادة)?\s*", text[: m.start].rsplit("\n", 1)[-1])
    ]
    assert len(found) == BBNJ_REFERENCES[tag]
    articles = sum(m.kind is Kind.ARTICLE for m in found)
    assert 54 <= articles <= 65 and 53 <= len(found) - articles <= 56  # the same references, in six languages
    assert 5 <= sum(m.external for m in found) <= 8  # "article 76 of the Convention" and the like, never rewritten
    assert 6 <= sum(m.article is not None for m in found) <= 8  # "paragraph 6 (e) of article 47"


def test_a_reference_in_each_language_is_read_with_its_numbers() -> None:
    from zerodraft.references import translated
    from zerodraft.references.grammar import Kind

    def said(text: str, tag: str) -> list[tuple[str, int, int | None, bool]]:
        return [(m.kind.value, m.number, m.article, m.external) for m in translated.find(text, tag)]

    assert said("conformément au paragraphe 6 e) de l’article 47 et aux articles 35 et 36", "fr") == [
        ("paragraph", 6, 47, False),
        ("article", 47, None, False),
        ("article", 35, None, False),
        ("article", 36, None, False),
    ]
    assert said("根据第十四条第六款和《公约》第七十六条", "zh") == [
        ("article", 14, None, False),
        ("paragraph", 6, 14, False),
        ("article", 76, None, True),
    ]
    assert said("بموجب الفقرة 6 (هـ) من المادة 47 وفقا للمادتين 35 و 36", "ar")[:2] == [
        ("paragraph", 6, 47, False),
        ("article", 47, None, False),
    ]
    assert [m.number for m in translated.find("пункту 6 е статьи 47 и статьям 35 и 36", "ru")] == [6, 47, 35, 36]
    assert [(m.kind, m.article) for m in translated.find("el artículo 47, párrafo 6", "es")] == [
        (Kind.ARTICLE, None),
        (Kind.PARAGRAPH, 47),
    ]
    assert said("article 12 de la Convention", "fr") == [("article", 12, None, True)]


def test_a_release_rewrites_the_references_in_every_language(six: Path, tmp_path: Path, secretariat: None) -> None:
    from test_check import problems_of
    from zerodraft.languages.records import fingerprint

    repo = tmp_path / "repo"
    shutil.copytree(six, repo, ignore=shutil.ignore_patterns("printed"))
    article = repo / "outcome/02-article-74"
    # A paragraph inserted after Article 74(1), in every language: paragraphs 2–4 become 3–5, and the
    # reference to paragraph 3 in paragraph 4 (now 5) must say 4 in every language.
    english = "Each Party shall report on its implementation."
    (article / "001bis.md").write_text(f"---\nid: p-new\nstatus: open\n---\n{english}\n", encoding="utf-8")
    for tag in LANGUAGES:
        text = f"---\ntranslates: {fingerprint(english)}\n---\n({tag})\n"
        (article / f"001bis.{tag}.md").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Article 74(1 bis)")
    assert main(["-C", str(repo), "release", "--format", "none", "Draft 2", "--date", "2023-06-20"]) == 0
    rewritten = {
        "en": "paragraph 4 (b) above",
        "fr": "du paragraphe 4 ci-dessus",
        "es": "párrafo 4 b) del presente",
        "ru": "пункте 4 b) выше",
        "zh": "上述第四款第（二）项",
        "ar": "الفقرة 4 (ب) أعلاه",
    }
    for tag, words in rewritten.items():
        text = (article / f"005{'' if tag == 'en' else '.' + tag}.md").read_text(encoding="utf-8")
        assert words in text, tag
    # Renumbering alone leaves every translation current: the released draft checks clean.
    assert [(p.path, p.code) for p in problems_of(repo) if p.code != "ZD701"] == []
    notes = (repo / "build/draft-2/draft-2-release-notes.md").read_text(encoding="utf-8")
    assert "paragraph 5 (was 4), French (fr)" in notes and "第四款" in notes


# ---- right to left in a real browser: the page mirrors (logical CSS properties)


@pytest.mark.slow
def test_arabic_mirrors_in_chromium_and_english_does_not(behind: Path) -> None:
    """In Debian's Chromium, the Arabic page puts each paragraph's label rule, its number and the
    subparagraph indents on the right, the English page on the left; the untranslated paragraph's
    English text reads left to right inside the Arabic page.  ``ZERODRAFT_PICTURES=1`` refreshes
    docs/images/languages-html-ar.png and languages-html-zh.png from the same pages."""
    import os

    from playwright.sync_api import sync_playwright

    measure = """() => {
        const para = document.querySelector('#para-article-74\\\\.3');
        const style = getComputedStyle(para);
        const num = para.querySelector('.num').getBoundingClientRect();
        const body = para.querySelector('.body').getBoundingClientRect();
        const sub = para.querySelector('.level-1').getBoundingClientRect();
        const missing = document.querySelector('#para-article-73\\\\.2 .body');
        return {left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth),
                numberRight: num.left > body.left, indentRight: sub.right < body.right - 1,
                indentLeft: sub.left > body.left + 1,
                missing: missing ? getComputedStyle(missing).direction : ''};
    }"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        tab = browser.new_page(viewport={"width": 900, "height": 1100})
        found = {}
        for tag in ("en", "ar", "zh"):
            tab.goto(_file(behind, tag, "html").resolve().as_uri())
            found[tag] = tab.evaluate(measure)
            if os.environ.get("ZERODRAFT_PICTURES") and tag != "en":
                tab.locator("#para-article-73\\.1").scroll_into_view_if_needed()
                tab.screenshot(path=str(Path(__file__).parents[1] / f"docs/images/languages-html-{tag}.png"))
        if os.environ.get("ZERODRAFT_PICTURES"):  # the site's English | Arabic page of the same text
            site = behind.parent / "site"
            assert main(["-C", str(behind.parent), "site", "-o", str(site), "--downloads", "none"]) == 0
            tab.goto((site / "editors-copy.en-ar.html").resolve().as_uri())
            tab.screenshot(path=str(Path(__file__).parents[1] / "docs/images/languages-side-by-side.png"))
        browser.close()
    arabic, english, chinese = found["ar"], found["en"], found["zh"]
    assert arabic["right"] > 0 and arabic["left"] == 0 and arabic["numberRight"] and arabic["indentRight"]
    assert english["left"] > 0 and english["right"] == 0 and not english["numberRight"] and english["indentLeft"]
    assert chinese["left"] > 0 and not chinese["numberRight"]
    assert arabic["missing"] == "ltr"  # the English original inside the Arabic page


# ---- the compilation of proposals in a language


def test_the_compilation_in_a_language_shows_each_branchs_translation_or_marks_the_original(
    six: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(six, repo, ignore=shutil.ignore_patterns("printed"))
    article = repo / "outcome/01-article-73"

    def amend(branch: str, path: Path, old: str, new: str, *more: tuple[Path, str, str]) -> None:
        git(repo, "switch", "-q", "-c", branch, "main")
        for where, a, b in ((path, old, new), *more):
            text = where.read_text(encoding="utf-8")
            assert a in text
            where.write_text(text.replace(a, b, 1), encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"{branch}: amend")
        git(repo, "switch", "-q", "main")

    # Kenya's amendment comes with its French; the EU's does not.
    fr = ("par voie de notification", "par une notification")
    amend("kenya/amend-73-1", article / "001.md", "by written", "by a written", (article / "001.fr.md", *fr))
    amend("eu/amend-73-2", article / "002.md", "in any way", "in any manner")
    out = tmp_path / "compilation.fr.html"
    assert main(["-C", str(repo), "compile", "--language", "fr", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "<h1>Compilation des propositions — Projet 1</h1>" in page
    assert "<h3>Paragraphe 1 <span" in page and "Paragraph 1" not in page
    assert "par <del>voie de</del><ins>une</ins> notification" in page  # Kenya's proposal, in French
    assert '<p class="behind"><em>[Original anglais ; traduction en attente]</em></p>' in page
    assert '<p lang="en" dir="ltr">The denunciation shall not in any <del>way</del><ins>manner</ins>' in page
    assert "La dénonciation n’affecte en rien" in page  # the current text is the French
    # The compilation's own words: its explanation, the kinds, where each proposal comes from.
    assert "<p>Propositions en attente de 2 branches ou demandes de fusion, comparées mot à mot avec" in page
    assert (
        "<del>supprimé</del>, <ins>ajouté</ins>. Types : AJOUT : texte nouveau ; MODIFICATION : texte modifié ;" in page
    )
    assert (
        '<span class="kind">MODIFICATION</span> — ' in page
        and '<span class="ref">branche kenya/amend-73-1</span>' in page
    )
    assert "<li><code>refs/heads/main</code>: la branche de base (main)</li>" in page  # why a branch was left out
    capsys.readouterr()
    assert main(["-C", str(repo), "compile", "--language", "ar"]) == 0
    arabic = capsys.readouterr().out
    assert "## المادة 73" in arabic and arabic.count("الترجمة قيد الإعداد") == 2, arabic
    assert "المقترحات المعلقة من 2 من الفروع أو طلبات الدمج" in arabic and "**تعديل** — " in arabic
    assert "(الفرع eu/amend-73-2)" in arabic
    for text in (page, arabic):
        for english in ENGLISH_COMPILATION:
            assert english not in text, english
    assert main(["-C", str(repo), "compile", "--language", "de"]) == 2


def test_the_redline_of_a_language_is_in_that_language_and_direction(
    six: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(six, repo, ignore=shutil.ignore_patterns("printed"))
    translation = repo / "outcome/01-article-73/002.ar.md"
    translation.write_text(
        translation.read_text(encoding="utf-8").replace("الانسحاب", "الانسحاب 1", 1), encoding="utf-8"
    )
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD", "--language", "ar", "--format", "html", "-o", "red.ar.html"]) == 0
    page = (repo / "red.ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and "<ins>" in page
    assert main(["diff", "HEAD", "--language", "ar", "--format", "docx", "-o", "red.ar.docx"]) == 0
    with zipfile.ZipFile(repo / "red.ar.docx") as archive:
        body, styles = archive.read("word/document.xml").decode(), archive.read("word/styles.xml").decode()
    assert "<w:bidi/>" in body and "<w:rtl/>" in body and 'w:ascii="Noto Naskh Arabic"' in styles
    assert "<title>مقارنة مشروع 1 (نسخة العمل) مع مشروع 1 (HEAD)</title>" in page
    assert "(عُدِّل النص)" in page and "النص المضاف <ins>مسطَّر تحته</ins>" in page
    comment = archive_text(repo / "red.ar.docx", "word/comments.xml")
    assert "عُدِّل النص" in comment and "text amended" not in comment
    french = repo / "outcome/01-article-73/001.fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace("par voie de", "par une", 1), encoding="utf-8")
    for fmt in ("html", "md"):
        assert main(["diff", "HEAD", "--language", "fr", "--format", fmt, "-o", f"red.fr.{fmt}"]) == 0
    html, md = ((repo / f"red.fr.{fmt}").read_text(encoding="utf-8") for fmt in ("html", "md"))
    assert "<h1>Comparaison entre Projet 1 (la copie de travail) et Projet 1 (HEAD)</h1>" in html
    assert "Le texte ajouté est <ins>souligné</ins> ; le texte supprimé est <del>barré</del>." in html
    assert "texte modifié : 1, mention modifiée : 0" in html and "(texte modifié)" in html
    assert "Le texte supprimé est ~~barré~~ ; le texte ajouté est **en gras**." in md
    assert main(["diff", "HEAD", "--language", "zh", "--format", "md", "-o", "red.zh.md"]) == 0
    chinese = (repo / "red.zh.md").read_text(encoding="utf-8")  # its own punctuation between the counts
    assert "案文修改：0，标记更改：0，立场变化：0" in chinese and "text amended" not in chinese
    for text in (page, html, md, comment):
        for english in ENGLISH_REDLINE:
            assert english not in text, english
    assert main(["diff", "HEAD", "--format", "html", "-o", "red.html"]) == 0
    english = (repo / "red.html").read_text(encoding="utf-8")
    assert (
        '<html lang="en">' in english and "<h1>Comparison of Draft 1 (the working tree) with Draft 1 (HEAD)" in english
    )


#: The compilation's English words that a language's compilation must not print.
ENGLISH_COMPILATION = (
    "Pending proposals",
    "compared word by word",
    "Kinds:",
    ">MOD<",
    "**MOD**",
    "new text",
    "amended text",
    "(branch ",
    ">branch ",
    "Rationale",
    "delegation not stated",
    "the base branch",
)


#: The redline's English words that a language's redline must not print.
ENGLISH_REDLINE = (
    "Comparison of",
    "Inserted text",
    "Deleted text",
    "struck through",
    "text amended",
    "label changed",
    "renumbered only",
    "insertion:",
    "(end of",
    ">Changes<",
    "the working tree",
    "Draft 1",
    "In all:",
    "no paragraph changed",
)


def archive_text(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")
