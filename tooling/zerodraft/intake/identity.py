"""How a published Word file knows its paragraphs and the draft it was built from.

Every Word file zerodraft writes marks each paragraph of the draft with bookmarks, and
carries document properties saying which document and draft it is.  This module is the one
place for both: :mod:`zerodraft.render.docx` writes them, :mod:`zerodraft.intake` reads them.

- **Bookmarks**, one around each Word paragraph (block) of a draft paragraph: ``zd_<id>``
  on its first block, ``zd2_<id>``, ``zd3_<id>`` … on the next (``-``, which Word refuses in a
  name, becomes ``_``; an id with other characters, or too long for Word's 40, is hashed).
  Headings, the title and the note carry ``zdh_…`` bookmarks, so that text typed by a
  delegation is told apart from the Chair's.  Bookmarks, unlike content controls, survive a
  save by LibreOffice (which drops a content control's tag) and stay invisible in the text.
- **Custom document properties** (File ▸ Properties ▸ Custom): ``zerodraft-document`` (the
  symbol, or the title), ``zerodraft-draft`` ("Draft 2"), ``zerodraft-date``,
  ``zerodraft-tag`` and ``zerodraft-commit`` (what it was built from, when known), and
  ``zerodraft-language`` (the language of a language version; empty for the original).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

PREFIX = "zd"
"""Every bookmark zerodraft writes starts with this (``zd_…``, ``zd2_…``, ``zdh_…``)."""
CUSTOM_URI = "/docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAME_RE = re.compile(r"^zd(h|\d*)_([A-Za-z0-9_]+)$")
_MAX_NAME = 40  # Word's limit for a bookmark name
_MAX_BODY = _MAX_NAME - len("zd999_")  # the id's part, the same in every block's name


@dataclass(frozen=True, slots=True)
class Origin:
    """What a Word file was built from, as far as the builder knows."""

    commit: str = ""
    """The full commit id, or empty (the working tree)."""
    tag: str = ""
    """The draft's tag (``draft-2``), or empty."""


UNKNOWN = Origin()
"""Built from the working tree: no commit, no tag."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """The document properties zerodraft puts in a Word file, as read back."""

    document: str = ""
    """The document's symbol (or title when it has none)."""
    draft: str = ""
    """The draft's name ("Draft 2")."""
    date: str = ""
    """The draft's date (ISO), or empty."""
    tag: str = ""
    """The draft's tag, or empty."""
    commit: str = ""
    """The commit it was built from, or empty."""
    language: str = ""
    """The language tag of a language version (``fr``); empty for the original."""

    @property
    def present(self) -> bool:
        """True if the file carries zerodraft's properties at all."""
        return bool(self.document or self.draft)


def bookmark(paragraph_id: str, block: int = 0) -> str:
    """The bookmark name of block ``block`` (0 first) of the paragraph with this id.

    ``p-2baf0d49c9cc`` → ``zd_p_2baf0d49c9cc``; its second block → ``zd2_p_2baf0d49c9cc``."""
    head = PREFIX + (str(block + 1) if block else "") + "_"
    body = paragraph_id.replace("-", "_")
    if not re.fullmatch(rf"[A-Za-z0-9-]{{1,{_MAX_BODY}}}", paragraph_id):
        body = "x" + hashlib.sha1(paragraph_id.encode("utf-8")).hexdigest()[: _MAX_BODY - 1]  # one name per id
    return head + body


def heading_bookmark(key: str) -> str:
    """The bookmark of a heading, the title or the note: ``zdh_`` and a short hash of ``key``."""
    return f"{PREFIX}h_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse(name: str) -> tuple[str, int] | None:
    """``("p_2baf0d49c9cc", 1)`` for ``zd2_p_2baf0d49c9cc``; ``("h", -1)``-style for a heading
    (the key is ``h:<hash>``); ``None`` for a bookmark that is not zerodraft's."""
    match = _NAME_RE.match(name)
    if match is None:
        return None
    kind, body = match.groups()
    if kind == "h":
        return f"h:{body}", -1
    return body, int(kind) - 1 if kind else 0


def mark(first: Any, last: Any, name: str, number: int) -> None:
    """Put bookmark ``name`` (Word id ``number``) around the content of paragraph element
    ``first`` … ``last`` (the same element for a one-block paragraph)."""
    start = first.makeelement(f"{{{_W}}}bookmarkStart", {f"{{{_W}}}id": str(number), f"{{{_W}}}name": name})
    properties = first.find(f"{{{_W}}}pPr")
    if properties is not None:
        properties.addnext(start)
    else:
        first.insert(0, start)
    last.append(last.makeelement(f"{{{_W}}}bookmarkEnd", {f"{{{_W}}}id": str(number)}))


def properties_xml(document: str, draft: str, date: str, origin: Origin, language: str = "") -> bytes:
    """The ``docProps/custom.xml`` part."""
    values = {
        "zerodraft-document": document,
        "zerodraft-draft": draft,
        "zerodraft-date": date,
        "zerodraft-tag": origin.tag,
        "zerodraft-commit": origin.commit,
        "zerodraft-language": language,
    }
    fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    items = "".join(
        f'<property fmtid="{fmtid}" pid="{pid}" name="{name}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(values.items(), 2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>'
    ).encode()


def read_properties(root: Any) -> Stamp:
    """The :class:`Stamp` in a parsed ``docProps/custom.xml`` (an empty one if ``root`` is None)."""
    if root is None:
        return Stamp()
    found: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        name = prop.get("name", "")
        if name.startswith("zerodraft-"):
            found[name.removeprefix("zerodraft-")] = "".join(prop.itertext()).strip()[:500]
    return Stamp(
        document=found.get("document", ""),
        draft=found.get("draft", ""),
        date=found.get("date", ""),
        tag=found.get("tag", ""),
        commit=found.get("commit", "") if re.fullmatch(r"[0-9a-f]{40}", found.get("commit", "")) else "",
        language=found.get("language", "")[:20],
    )
