"""The published layout is the same everywhere: the Word files name Times New Roman, set-up
installs a font with its metrics (fonts-liberation: Liberation Serif), so a fresh machine —
only the fonts set-up installs — and a loaded one — every font this machine has — give the
draft's PDF the same font and the same number of pages (page citations agree between copies
of "the same" draft)."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from zerodraft.reader import read
from zerodraft.render import docx, pdf
from zerodraft.render.layout import lay_out
from zerodraft.source import WorkingTree

pytestmark = pytest.mark.slow

SET_UP = [
    line for line in (REPO / "tooling" / "debian-packages-build.txt").read_text().splitlines() if line[:1].isalnum()
]
FRESH = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto"]
"""Where the fonts that set-up installs (fonts-liberation, fonts-noto-core, fonts-noto-cjk) live."""


def fonts_conf(folder: Path, dirs: list[str]) -> Path:
    """A fontconfig file that sees only ``dirs`` (with the system's matching rules)."""
    listed = "".join(f"<dir>{d}</dir>" for d in dirs)
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'{listed}<cachedir>{folder / "cache"}</cachedir><include ignore_missing="yes">/etc/fonts/conf.d</include>'
        "</fontconfig>",
        encoding="utf-8",
    )
    return path


def pages_and_fonts(data: bytes, folder: Path) -> tuple[int, set[str]]:
    path = folder / "draft.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0].split("+")[-1].split("-")[0] for line in listing.splitlines()[2:] if line.strip()}
    return pages, names


@pytest.fixture(scope="module")
def word_file() -> bytes:
    reading = read(WorkingTree(REPO))
    return docx.render(lay_out(reading.document))


def test_set_up_installs_a_times_metric_font() -> None:
    assert "fonts-liberation" in SET_UP
    assert all(Path(d).is_dir() for d in FRESH[:1]), "fonts-liberation is not installed here"


def test_the_word_file_names_times_new_roman(word_file: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(word_file)) as package:
        styles = package.read("word/styles.xml").decode()
    assert 'w:ascii="Times New Roman"' in styles and "majorHAnsi" not in styles.split("Heading1", 1)[-1][:2000]


def test_a_fresh_and_a_loaded_machine_give_the_same_pages(
    word_file: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fresh").mkdir()
    monkeypatch.setenv("FONTCONFIG_FILE", str(fonts_conf(tmp_path / "fresh", FRESH)))
    fresh = pages_and_fonts(pdf.convert(word_file), tmp_path / "fresh")
    monkeypatch.delenv("FONTCONFIG_FILE")
    (tmp_path / "loaded").mkdir()
    loaded = pages_and_fonts(pdf.convert(word_file), tmp_path / "loaded")
    assert fresh[0] == loaded[0], (fresh, loaded)
    assert "LiberationSerif" in fresh[1] and "LiberationSerif" in loaded[1]
    assert not any(name.startswith("DejaVu") for name in fresh[1] | loaded[1])
    # the machine the issue found: LibreOffice but no Times-metric font — another face, other pages
    (tmp_path / "without").mkdir()
    monkeypatch.setenv("FONTCONFIG_FILE", str(fonts_conf(tmp_path / "without", ["/usr/share/fonts/truetype/dejavu"])))
    without = pages_and_fonts(pdf.convert(word_file), tmp_path / "without")
    assert without[1] == {"DejaVuSerif"} and without[0] != fresh[0], (without, fresh)
