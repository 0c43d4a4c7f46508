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
from test_render import load
from treaty_fixtures import write_treaty
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
