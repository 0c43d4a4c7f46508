"""Opening a delegation's Word file safely: it is untrusted input.

A .docx is a zip of XML parts.  Before anything is parsed: the file is at most
:data:`MAX_FILE_BYTES`; an OLE compound file (a password-protected .docx, or an old .doc) is
named as such; the zip is read part by part with every part's uncompressed size bounded
(:data:`MAX_PART_BYTES`, :data:`MAX_TOTAL_BYTES`) by counting what is actually inflated, not
by trusting the sizes the zip claims, so a zip bomb stops at the limit.  XML is parsed by lxml
with entities left unresolved, no network, no DTD loading and ``huge_tree`` off; a part with
any DOCTYPE at all is refused (Word and LibreOffice never write one), which closes entity
expansion and external references.  Each failure is one :class:`~zerodraft.errors.Fatal`
line (exit 2) naming the file and what to do; nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from zerodraft.errors import Fatal

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest Word file accepted (a 1,000-page draft is a few MB)."""
MAX_PART_BYTES = 64 * 1024 * 1024
"""The largest uncompressed XML part read."""
MAX_TOTAL_BYTES = 128 * 1024 * 1024
"""The most uncompressed bytes read from one file, all parts together."""
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_PARTS = (
    "word/document.xml",
    "word/comments.xml",
    "word/footnotes.xml",
    "word/_rels/document.xml.rels",
    "docProps/custom.xml",
)


@dataclass(frozen=True, slots=True)
class Package:
    """The parts of a Word file that intake reads, parsed (``None`` where a part is absent)."""

    name: str
    """The file's name as the user gave it (for messages)."""
    document: Any
    """``word/document.xml``, parsed."""
    comments: Any
    """``word/comments.xml``, parsed, or ``None``."""
    footnotes: Any
    """``word/footnotes.xml``, parsed, or ``None``."""
    relationships: Any
    """``word/_rels/document.xml.rels`` (hyperlink targets), parsed, or ``None``."""
    properties: Any
    """``docProps/custom.xml`` (zerodraft's stamp), parsed, or ``None``."""


def open_word_file(path: Path, name: str | None = None) -> Package:
    """The parsed parts of the Word file at ``path``; :class:`Fatal` for anything else."""
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Fatal(
                f"{shown} is {size:,} bytes; a Word draft is at most {MAX_FILE_BYTES:,} bytes — save it "
                "without embedded pictures or fonts (the draft needs none) and send it again"
            )
        data = path.read_bytes()
    except OSError as error:
        raise Fatal(f"{shown} cannot be read ({error.strerror or error})") from None
    return read_package(data, shown)


def read_package(data: bytes, shown: str) -> Package:
    """The parsed parts of a Word file given as bytes (see :func:`open_word_file`)."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise Fatal(
                f"{shown} is protected with a password; remove it (File ▸ Info ▸ Protect Document ▸ Encrypt "
                "with Password, leave it empty), save, and send it again"
            )
        raise Fatal(f"{shown} is an old Word 97–2003 file (.doc); open it in Word, save as .docx, and send it again")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise Fatal(f"{shown} is not a Word file (.docx); send the Word file of the draft, edited")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise Fatal(f"{shown} is a zip file but not a Word document (it has no word/document.xml)")
        budget = [MAX_TOTAL_BYTES]
        parts = {part: _parse(archive, part, shown, budget) if part in names else None for part in _PARTS}
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as error:
        raise Fatal(f"{shown} is a damaged Word file ({error}); save it again in Word and resend") from None
    return Package(
        shown,
        parts["word/document.xml"],
        parts["word/comments.xml"],
        parts["word/footnotes.xml"],
        parts["word/_rels/document.xml.rels"],
        parts["docProps/custom.xml"],
    )


def _parse(archive: zipfile.ZipFile, part: str, shown: str, budget: list[int]) -> Any:
    limit = min(MAX_PART_BYTES, budget[0])
    with archive.open(part) as stream:
        raw = stream.read(limit + 1)  # inflates at most limit + 1 bytes, whatever the header claims
    if len(raw) > limit:
        raise Fatal(f"{shown}: {part} unpacks to more than {limit:,} bytes; this is not a draft (possibly a zip bomb)")
    budget[0] -= len(raw)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise Fatal(
            f"{shown}: {part} is not well-formed XML (line {error.lineno}); the file is damaged — "
            "open it in Word, save it again and resend"
        ) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise Fatal(
            f"{shown}: {part} declares a DOCTYPE (entities or external references), which no Word file has; "
            "it was not read"
        )
    return root
