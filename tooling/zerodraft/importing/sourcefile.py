"""The file to import: its format, and a clear refusal of anything that is not a draft.

Every refusal is one :class:`~zerodraft.errors.Fatal` line, raised before anything is
written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from zerodraft import characters
from zerodraft.errors import Fatal
from zerodraft.importing import pdflayout, pdfnotes

Format = Literal["text", "markdown", "docx"]
FORMATS: tuple[str, ...] = ("text", "markdown", "docx")
#: A 2,000-paragraph draft is about 1 MB of text; anything near this is not a draft.
MAX_BYTES = 10 * 1024 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file accepted for import."""

    path: Path
    """Where it is."""
    format: Format
    """How to read it."""
    data: bytes
    """Its bytes (for a PDF: the text extracted from it, as UTF-8)."""
    notes: tuple[str, ...] = ()
    """What reading it repaired, said plainly for the import report (a PDF's labels put back
    before their text)."""

    def text(self) -> str:
        """Its text (text and Markdown sources), already checked to decode."""
        return _decode(self.data)


def open_source(path: Path, wanted: str | None = None) -> SourceFile:
    """Read ``path`` and decide its format (``wanted`` overrides the guess), or refuse it."""
    name = str(path)
    if not path.exists():
        raise Fatal(f"'{name}' does not exist")
    if not path.is_file():
        raise Fatal(f"'{name}' is not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Fatal(
            f"'{name}' is {size / 1_000_000:.1f} MB; a draft is at most {MAX_BYTES // 1_000_000} MB of text — is this the right file?"
        )
    data = path.read_bytes()
    if not data.strip():
        raise Fatal(f"'{name}' is empty; there is nothing to import")
    if data.startswith(b"%PDF"):
        text, notes = _pdf_text(name, path)
        text = PDF_EMBEDDING_RE.sub("", text)
        refuse_hidden_characters(name, text)
        return SourceFile(path, "text", text.encode("utf-8"), notes)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Fatal(f"'{name}' is an old Word .doc file; open it in Word and save it as .docx, then import that")
    if data.startswith(b"PK\x03\x04") or wanted == "docx":
        _check_docx(name, path)
        return SourceFile(path, "docx", data)
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Fatal(f"'{name}' is a binary file, not text; import a .txt, .md or .docx draft")
    try:
        text = _decode(data)
    except UnicodeDecodeError as error:
        raise Fatal(
            f"'{name}' is not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8 and import it again"
        ) from None
    refuse_hidden_characters(name, text)
    if wanted == "markdown" or (wanted is None and path.suffix.lower() in MARKDOWN_SUFFIXES):
        return SourceFile(path, "markdown", data)
    return SourceFile(path, "text", data)


#: Hidden characters a source may hold: the vertical tab and form feed that PDF extraction and
#: Word use between pages and lines.  Every other hidden character of
#: :mod:`zerodraft.characters` (control, bidirectional, zero-width) is refused.
LAYOUT = "\x0b\x0c"

#: The embeddings pdftotext wraps around right-to-left runs (RLE/LRE … PDF): layout, not
#: text — the paragraph files keep Arabic and Hebrew in logical order without them.
PDF_EMBEDDING_RE = re.compile("[\u202a-\u202c]")


def refuse_hidden_characters(name: str, text: str, line: int | None = None) -> None:
    """A :class:`Fatal` naming the first hidden character and its line, if there is one."""
    for found in characters.hidden(text):
        if found.char in LAYOUT:
            continue
        where = line if line is not None else text.count("\n", 0, found.index) + 1
        raise Fatal(
            f"'{name}' line {where} holds the hidden character {found.codepoint}, which no draft should; "
            "remove it and import again"
        )


def _pdf_text(name: str, path: Path) -> tuple[str, tuple[str, ...]]:
    """The text of a PDF, extracted by poppler's ``pdftotext`` (the layout the importer is
    built for) with labels printed apart put back before their text (:mod:`.pdflayout`), run
    without a shell and with a time limit, and what was repaired; a clear refusal without it."""
    program = shutil.which("pdftotext")
    if program is None:
        raise Fatal(
            f"'{name}' is a PDF; extract its text first (pdftotext from poppler-utils: pdftotext '{name}' draft.txt) "
            "or import the Word version"
        )
    try:
        result = subprocess.run(
            [program, "-enc", "UTF-8", "--", str(path), "-"], capture_output=True, timeout=120, check=False
        )
    except subprocess.TimeoutExpired:
        raise Fatal(
            f"'{name}' is a PDF that pdftotext could not read within 2 minutes; import the Word version"
        ) from None
    text = result.stdout.decode("utf-8", errors="replace")
    errors = result.stderr.decode("utf-8", errors="replace")
    if "password" in errors.lower():
        raise Fatal(
            f"'{name}' is a PDF protected by a password; save a copy without the password (or import the Word version)"
        )
    if result.returncode != 0:
        reason = errors.strip().splitlines()[-1:] or [f"pdftotext exit {result.returncode}"]
        raise Fatal(
            f"'{name}' is a PDF from which no text could be extracted ({reason[0][:100]}); import the Word version"
        )
    if not text.strip():
        raise Fatal(
            f"'{name}' is a PDF with no text in it (blank pages, or a scan with no text layer); "
            "import the Word version, or the text of the scan after OCR"
        )
    # the word boxes, once, of the pages with a label alone on a line or a rule above footnotes
    pages = text.split("\f")
    wanted = [n + 1 for n, page in enumerate(pages) if pdflayout.needs_boxes(page) or pdfnotes.has_rule(page)]
    boxes = pdflayout.fetch(program, str(path), wanted, timeout=120) if wanted else {}
    text, repairs = pdflayout.repair(text, boxes)
    text, notes = pdfnotes.arrange(text, boxes)
    return text, pdflayout.describe(repairs) + pdfnotes.describe(notes)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _check_docx(name: str, path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        raise Fatal(f"'{name}' is not a readable Word file (its zip structure is damaged)") from None
    if "word/document.xml" not in names:
        raise Fatal(f"'{name}' is a zip archive but not a Word document (it has no word/document.xml)")
