"""Pictures for docs/render.md: the HTML page as Chromium shows it and the PDF's first
page as pdftoppm renders it, both from the rich example document.

The test always makes both pictures (so the pipeline keeps working); to refresh the ones in
``docs/images/``, run ``ZERODRAFT_PICTURES=1 .venv/bin/pytest tests/test_render_pictures.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import chromium
from conftest import UN_CORPUS
from test_render import load
from treaty_fixtures import write_treaty
from zerodraft.main import main
from zerodraft.render import build

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_pictures_of_html_and_pdf(rich: Path, tmp_path: Path) -> None:
    html, pdf = build(load(rich), ["html", "pdf"], tmp_path / "out")
    shot = tmp_path / "render-html.png"
    with chromium(width=900, height=1300) as driver:
        driver.get(html.as_uri())
        height = int(driver.execute_script("return document.documentElement.scrollHeight"))
        driver.set_window_size(900, min(height + 140, 4000))
        driver.save_screenshot(str(shot))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "render-pdf")],
        check=True,
        capture_output=True,
    )
    page = tmp_path / "render-pdf.png"
    for picture in (shot, page):
        assert picture.read_bytes().startswith(PNG)
        assert picture.stat().st_size > 20_000  # a page of text, not a blank image
    if os.environ.get("ZERODRAFT_PICTURES"):
        IMAGES.mkdir(parents=True, exist_ok=True)
        for picture in (shot, page):
            shutil.copyfile(picture, IMAGES / picture.name)


@pytest.mark.slow
def test_picture_of_a_treaty_draft_pdf(tmp_path: Path) -> None:
    """The small treaty of the tests (Parts, articles over their titles, an unnumbered
    chapeau, a bracketed article, ante and decimal numbers, a table, options, an annex) as
    its PDF prints it: the first two pages side by side in docs/images/render-treaty-pdf.png."""
    base = write_treaty(tmp_path / "treaty")
    (pdf,) = build(load(base), ["pdf"], tmp_path / "out")
    stem = tmp_path / "render-treaty-pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(stem)], check=True, capture_output=True
    )
    pages = sorted(tmp_path.glob("render-treaty-pdf-*.png"))
    assert len(pages) >= 1
    for page in pages:
        assert page.read_bytes().startswith(PNG) and page.stat().st_size > 10_000
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Article 1" in text and "Use of terms" in text and "OPTION I" in text and "common heritage" in text
    if os.environ.get("ZERODRAFT_PICTURES"):
        IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pages[0], IMAGES / "render-treaty-pdf.png")
        if len(pages) > 1:
            shutil.copyfile(pages[1], IMAGES / "render-treaty-pdf-2.png")


def _first_page(corpus_file: str, tmp_path: Path, name: str) -> tuple[Path, str]:
    """A real UN text from the corpus imported with no flags, its PDF built (LibreOffice from
    the Word file) and its first page rendered by pdftoppm as ``name``.png; with the page's text."""
    source = UN_CORPUS / corpus_file
    if not source.exists():
        pytest.skip("the shared corpus is not here")
    assert main(["import", str(source), "--into", str(tmp_path / name / "outcome")]) == 0
    (pdf,) = build(load(tmp_path / name), ["pdf"], tmp_path / "out")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / name)],
        check=True,
        capture_output=True,
    )
    page = tmp_path / f"{name}.png"
    assert page.read_bytes().startswith(PNG) and page.stat().st_size > 20_000
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    if os.environ.get("ZERODRAFT_PICTURES"):
        IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, IMAGES / page.name)
    return page, " ".join(text.split())


@pytest.mark.slow
def test_picture_of_the_bbnj_agreement_first_page(tmp_path: Path) -> None:
    """The BBNJ Agreement as imported from its English text: the first page of its PDF
    (docs/images/render-bbnj-pdf.png)."""
    _page, text = _first_page("treaty-bbnj-agreement-2023.en.txt", tmp_path, "render-bbnj-pdf")
    assert "CONSERVATION AND SUSTAINABLE USE OF MARINE BIOLOGICAL DIVERSITY" in text
    assert "Recalling the relevant provisions of the United Nations Convention on the Law of the Sea" in text


@pytest.mark.slow
def test_picture_of_a_resolution_masthead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GA resolution 79/271 imported from its PDF: the UN masthead on the first page of the
    PDF zerodraft prints (docs/images/render-masthead-pdf.png)."""
    _page, text = _first_page("resolution-ga-79-271.pdf", tmp_path, "render-masthead-pdf")
    assert text.count("A/RES/79/271") == 1 and "Distr.: General" in text and "4 March 2025" in text
    assert "79/271. Agreement under the United Nations Convention" in text and "25-03668 (E)" in text
