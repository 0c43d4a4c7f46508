"""A treaty draft in every format: "Article 7" over its title, Parts and annexes, unnumbered
paragraphs, a bracketed article, option blocks and a pipe table; Akoma Ntoso with articles
as ``article`` and annexes as named ``hcontainer``\\ s, valid against the official XSD;
and BMS7 Draft 2 (``outcome/``) exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import REPO
from test_render import golden
from test_render_akn import NS, valid
from treaty_fixtures import write_treaty
from zerodraft import reader
from zerodraft.model import Document
from zerodraft.render import build
from zerodraft.source import WorkingTree


def load(base: Path) -> Document:
    return reader.read(WorkingTree(base)).document


@pytest.fixture(scope="session")
def treaty_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = write_treaty(tmp_path_factory.mktemp("treaty"))
    paths = build(load(base), ["md", "txt", "html", "docx", "akn", "json"], base / "out")
    return {path.name.split(".", 1)[1]: path for path in paths}


def test_treaty_golden_text_formats(treaty_builds: dict[str, Path]) -> None:
    for fmt in ("md", "txt"):
        golden(f"treaty.{fmt}", treaty_builds[fmt].read_bytes())


def test_markdown_heads_each_article_with_its_title(treaty_builds: dict[str, Path]) -> None:
    text = treaty_builds["md"].read_text("utf-8")
    assert "## PART I \u2014 GENERAL PROVISIONS" in text
    assert "### Article 1 \u2014 Use of terms" in text
    assert "### [Article 2 bis] \u2014 [Regional cooperation]" in text
    assert "| Zone | Regime |\n| --- | --- |\n| Area | common heritage |" in text


def test_html_prints_titles_and_tables(treaty_builds: dict[str, Path]) -> None:
    html = treaty_builds["html"].read_text("utf-8")
    assert '<span class="heading-num">Article 1</span><span class="heading-title">Use of terms</span></h3>' in html
    assert '<th scope="col">Zone</th>' in html and "<td>common heritage</td>" in html
    assert '<a href="#sec-02-part-i--01-article-1">Article 1 \u2014 Use of terms</a>' in html
    chapeau = html.index("For the purposes of this Agreement:")
    assert html.rfind('<div class="para role-open unnumbered" id="para-1.0u">', 0, chapeau) > html.rfind(
        "<h3", 0, chapeau
    )


def test_word_centres_article_headings_over_their_titles(treaty_builds: dict[str, Path]) -> None:
    word = docx.Document(str(treaty_builds["docx"]))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "PART I\nGENERAL PROVISIONS") in headings
    assert ("Heading 2", "Article 1\nUse of terms") in headings
    assert ("Heading 2", "[Article 2 bis]\n[Regional cooperation]") in headings
    article = next(p for p in word.paragraphs if p.text.startswith("Article 1"))
    assert article.alignment == 1  # centred
    (table,) = word.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["Zone", "Regime"], ["Area", "common heritage"]]
    texts = [p.text for p in word.paragraphs]
    assert "For the purposes of this Agreement:" in texts  # printed without a number
    assert '1.\t"Area" means the sea-bed beyond national jurisdiction.' in texts


def test_akoma_ntoso_marks_up_articles_parts_annexes_and_options(treaty_builds: dict[str, Path]) -> None:
    tree = valid(treaty_builds["akn.xml"])
    body = tree.find(".//a:mainBody", NS)
    assert body is not None
    parts = body.findall("a:part", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in parts] == ["PART I", "PART II"]
    articles = parts[0].findall("a:article", NS)
    assert [(a.findtext("a:num", namespaces=NS), a.findtext("a:heading", namespaces=NS)) for a in articles] == [
        ("Article 1", "Use of terms"),
        ("Article 2", "Objective"),
        ("[Article 2 bis]", "[Regional cooperation]"),
        ("Article 3", "Application"),
    ]
    first = articles[0].findall("a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in first] == [None, "1.", "2."]
    options = body.findall(".//a:article/a:hcontainer[@name='option']", NS)
    assert [o.findtext("a:num", namespaces=NS) for o in options] == ["OPTION I", "OPTION II"]
    annex = body.find("a:hcontainer[@name='annex']", NS)
    assert annex is not None and annex.findtext("a:num", namespaces=NS) == "Annex I"
    assert len(annex.findall("a:paragraph", NS)) == 2
    cells = [c.findtext("a:p", namespaces=NS) for c in body.iterfind(".//a:table/a:tr/*", NS)]
    assert cells == ["Zone", "Regime", "Area", "common heritage"]
    eids = [e.get("eId") for e in tree.iter() if isinstance(e.tag, str) and e.get("eId")]
    assert len(eids) == len(set(eids))


def test_json_plain_text_keeps_table_cells(treaty_builds: dict[str, Path]) -> None:
    export = json.loads(treaty_builds["json"].read_text("utf-8"))
    table = next(p for p in export["paragraphs"] if "Zone" in p["text"])
    assert "Zone | Regime" in table["plain_text"] and "Area | common heritage" in table["plain_text"]


@pytest.mark.parametrize("fmt", ["md", "txt", "akn"])
def test_draft2_is_unchanged(fmt: str, tmp_path: Path) -> None:
    """BMS7 Draft 2 as it stands in this repository, built as before the treaty model."""
    (path,) = build(load(REPO), [fmt], tmp_path)
    golden(f"draft2.{'akn.xml' if fmt == 'akn' else fmt}", path.read_bytes())


def test_draft2_akoma_ntoso_is_unchanged_in_shape(tmp_path: Path) -> None:
    (path,) = build(load(REPO), ["akn"], tmp_path)
    tree = etree.parse(str(path))
    assert tree.find(".//a:article", NS) is None and tree.find(".//a:part", NS) is None


def test_numbered_subparagraphs_are_blocks_of_their_own() -> None:
    from zerodraft.render.layout import BlockKind, _blocks

    blocks = _blocks("For the purposes:\n(1) Area means;\n(2) (a) dumping means:\n(i) disposal;\n(b) not.")
    assert [(b.kind, b.level, b.mark) for b in blocks] == [
        (BlockKind.TEXT, 0, ""),
        (BlockKind.SUBPARAGRAPH, 1, "(1)"),
        (BlockKind.SUBPARAGRAPH, 1, "(2)"),
        (BlockKind.SUBPARAGRAPH, 2, "(i)"),
        (BlockKind.SUBPARAGRAPH, 1, "(b)"),
    ]
