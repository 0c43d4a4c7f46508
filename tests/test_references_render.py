"""Internal references in the published formats: links in the HTML draft and on the site,
the list of each paragraph's references in the JSON export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, git
from test_references_release import add_text, paragraph_file
from test_site import links_resolve
from zerodraft import reader, render
from zerodraft.render import json as render_json
from zerodraft.site import build as build_site
from zerodraft.source import WorkingTree


@pytest.fixture(scope="module")
def with_references(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's Draft 2 with references in paragraphs 30, 50 and 60, committed."""
    root = tmp_path_factory.mktemp("references") / "negotiation"
    shutil.copytree(REPO / "outcome", root / "outcome")
    add_text(paragraph_file(root, "30"), " As set out in paragraph 40 above.")
    add_text(
        paragraph_file(root, "50"), " Recalling paragraphs 18 and 20 above and article 6 of the Programme of Action."
    )
    add_text(paragraph_file(root, "60"), " See [section B] and paragraph 92 of section C.")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Draft 2 with references")
    return root


def built(root: Path, fmt: str) -> str:
    document = reader.read(WorkingTree(root), "outcome").document
    out = root.parent / f"build-{fmt}"
    shutil.rmtree(out, ignore_errors=True)
    (path,) = render.build(document, (fmt,), out, basename="draft")
    return path.read_text(encoding="utf-8")


def test_html_links_each_internal_reference_to_its_target(with_references: Path) -> None:
    html = built(with_references, "html")
    assert '<a href="#para-40">paragraph 40 above</a>' in html
    assert 'paragraphs <a href="#para-18">18</a> and <a href="#para-20">20</a> above' in html
    assert "and article 6 of the Programme of Action" in html  # external: not a link
    assert '<span class="br"><a href="#sec-02-b-implementation-international-instrument">section B</a></span>' in html
    assert '<a href="#para-92">paragraph 92 of section C</a>' in html
    assert 'id="para-40"' in html and 'id="sec-02-b-implementation-international-instrument"' in html


def test_json_lists_each_paragraphs_references(with_references: Path) -> None:
    data = json.loads(built(with_references, "json"))
    jsonschema.validate(data, render_json.schema())
    by_number = {p["number"]: p for p in data["paragraphs"]}
    (reference,) = by_number["30"]["references"]
    assert reference["written"] == "paragraph 40 above"
    assert reference["targets"][0]["id"] == by_number["40"]["id"]
    internal, external = by_number["50"]["references"]
    assert [t["id"] for t in internal["targets"]] == [by_number["18"]["id"], by_number["20"]["id"]]
    assert external == {
        "written": "article 6 of the Programme of Action",
        "external": True,
        "instrument": "the Programme of Action",
        "targets": [],
    }
    assert by_number["1"]["references"] == []


def test_site_links_references_and_every_link_resolves(with_references: Path) -> None:
    out = with_references.parent / "site"
    build_site(with_references, out, downloads=())
    page = (out / "editors-copy.html").read_text(encoding="utf-8")
    assert '<a href="#para-40">paragraph 40 above</a>' in page
    links_resolve(out)
