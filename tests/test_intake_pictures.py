"""Pictures for docs/intake.md: a delegation's tracked-changes Word file as LibreOffice prints
it (to PDF, then a PNG by pdftoppm), and the pull-request description intake writes for it, as
Chromium shows the Markdown.

The test always makes both pictures (so the pipeline keeps working); to refresh the ones in
``docs/images/``, run ``ZERODRAFT_PICTURES=1 .venv/bin/pytest tests/test_intake_pictures.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from browser import chromium
from test_intake import by_number, edit, intake
from zerodraft.render.pdf import convert

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
PNG = b"\x89PNG\r\n\x1a\n"
STYLE = (
    "body{font:15px/1.5 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:860px;margin:24px auto;"
    "padding:0 24px;color:#1f2328}h1{font-size:24px;border-bottom:1px solid #d1d9e0;padding-bottom:6px}"
    "h2{font-size:19px;border-bottom:1px solid #d1d9e0;padding-bottom:4px}code{background:#eff1f3;padding:1px 4px;"
    "border-radius:4px;font-size:13px}blockquote{margin:4px 0;padding:0 12px;color:#59636e;border-left:4px solid #d1d9e0}"
)


@pytest.mark.slow
def test_pictures_of_a_tracked_file_and_its_pull_request(
    intake_repo: Path, word_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = by_number(intake_repo)
    edited = edit(word_file, tmp_path / "kenya.docx", paragraphs, tracked=True)
    pdf = tmp_path / "kenya.pdf"
    pdf.write_bytes(convert(edited.read_bytes()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page = next(n for n, body in enumerate(text.split("\f"), 1) if "prevent the diversion" in body)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
         str(tmp_path / "intake-tracked")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    capsys.readouterr()
    assert intake(intake_repo, str(edited), "--delegation", "Kenya", "--new-branch") == 0
    description = capsys.readouterr().out
    html = tmp_path / "description.html"
    body = MarkdownIt("commonmark").render(description)
    html.write_text(f"<!doctype html><meta charset=utf-8><style>{STYLE}</style>{body}", encoding="utf-8")
    shot = tmp_path / "intake-pull-request.png"
    with chromium(width=940, height=900) as driver:
        driver.get(html.as_uri())
        height = int(driver.execute_script("return document.documentElement.scrollHeight"))
        driver.set_window_size(940, min(height + 140, 3000))
        driver.save_screenshot(str(shot))
    pictures = (tmp_path / "intake-tracked.png", shot)
    for picture in pictures:
        assert picture.read_bytes().startswith(PNG)
        assert picture.stat().st_size > 20_000  # a page of text, not a blank image
    if os.environ.get("ZERODRAFT_PICTURES"):
        IMAGES.mkdir(parents=True, exist_ok=True)
        for picture in pictures:
            shutil.copyfile(picture, IMAGES / picture.name)
