"""The draft as PDF: the Word file converted by LibreOffice headless.

The page header (draft name and symbol) and the page number come from the Word file, so
they are on every page; the PDF is tagged (structure for screen readers) and carries the
title in its metadata.  Each run uses its own throw-away LibreOffice profile, so builds
never share state and never touch the user's profile.  LibreOffice (Debian package
``libreoffice-writer-nogui``) must be installed; if it is not, the build stops with one
clear line and writes nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.render import docx
from zerodraft.render.layout import CompiledDraft

EXTENSION = "pdf"
MEDIA_TYPE = "application/pdf"
TIMEOUT_SECONDS = 300
#: A tagged PDF, so that screen readers follow headings and paragraphs (LibreOffice 7.4+).
EXPORT_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def soffice() -> str:
    """The LibreOffice program, or :class:`Fatal` saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise Fatal(
        "PDF needs LibreOffice: install it (apt-get install libreoffice-writer-nogui) or leave pdf out of --format"
    )


def render(draft: CompiledDraft) -> bytes:
    """The whole PDF file."""
    return convert(docx.render(draft))


def convert(data: bytes) -> bytes:
    """A .docx file's bytes converted to PDF by LibreOffice headless."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="zerodraft-pdf-") as folder:
        work = Path(folder)
        source = work / "draft.docx"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            EXPORT_FILTER,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        environment = {**os.environ, "HOME": str(work)}
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, env=environment, check=False
            )
        except subprocess.TimeoutExpired:
            raise Fatal(f"LibreOffice did not finish converting to PDF within {TIMEOUT_SECONDS} s") from None
        target = work / "out" / "draft.pdf"
        if result.returncode != 0 or not target.exists():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise Fatal("LibreOffice could not convert the Word file to PDF" + (f": {detail[-1]}" if detail else ""))
        return target.read_bytes()


def convert_files(sources: list[Path], out: Path) -> list[Path]:
    """Several Word files converted to PDF by one LibreOffice run, so that its start-up is
    paid once (``zerodraft site`` converts every draft); ``a.docx`` becomes ``out/a.pdf``.
    Returns the PDF files, in the order of ``sources``."""
    if not sources:
        return []
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="zerodraft-pdf-") as folder:
        work = Path(folder)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            EXPORT_FILTER,
            "--outdir",
            str(out),
            *(str(source) for source in sources),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS * len(sources),
                env={**os.environ, "HOME": str(work)},
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise Fatal(f"LibreOffice did not finish converting {len(sources)} files to PDF in time") from None
    targets = [out / f"{source.stem}.pdf" for source in sources]
    missing = [target.name for target in targets if not target.exists()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise Fatal(
            f"LibreOffice could not convert {', '.join(missing) or 'the Word files'} to PDF"
            + (f": {detail[-1]}" if detail else "")
        )
    return targets
