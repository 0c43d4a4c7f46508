"""The whole model as JSON: the interface other tools rely on.

The layout is published as a JSON Schema in ``zerodraft/data/document.schema.json``
(:func:`schema`); a test validates every build against it.  ``format_version`` changes
only when a field changes meaning or disappears; new fields may be added.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from zerodraft.languages import version
from zerodraft.model import Document, Paragraph, Section
from zerodraft.references.resolve import Index, Resolved
from zerodraft.render.inline import plain
from zerodraft.render.layout import Block, BlockKind, CompiledDraft, Item
from zerodraft.rules import BY_CODE

EXTENSION = "json"
MEDIA_TYPE = "application/json"
FORMAT = "zerodraft-document"
FORMAT_VERSION = 1


def render(draft: CompiledDraft) -> bytes:
    """The whole file, UTF-8, pretty-printed, keys in a stable order."""
    return (json.dumps(model(draft), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of :func:`model`'s output."""
    text = resources.files("zerodraft").joinpath("data/document.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _languages(document: Document) -> dict[str, Any]:
    """The language of this text and the languages kept, for a document that declares them."""
    if not version.declared(document):
        return {}
    languages = document.config.languages
    return {
        "language": version.tag(document),
        "languages": {"original": languages.original, "kept": list(languages.kept)},
    }


def model(draft: CompiledDraft) -> dict[str, Any]:
    """The document as plain JSON data."""
    document = draft.document
    config = document.config
    index = Index(document)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "document": {
            "title": config.title,
            "meeting": config.meeting,
            "symbol": config.symbol,
            "draft": {
                "name": config.draft_name,
                "date": config.draft_date.isoformat() if config.draft_date else None,
                "header": draft.header,
                "released": draft.released,
            },
            "header_note": config.header_note,
            **({"masthead": dict(config.masthead.items())} if config.masthead.items() else {}),
            **_languages(document),
            "numbering": {
                "paragraphs": config.numbering.paragraphs.value,
                "preamble": "numbered" if config.numbering.preamble_numbered else "unnumbered",
            },
            "root": document.root,
        },
        "labels": [
            {
                "role": label.role.value,
                "label": label.label,
                "display": label.display,
                "colour": label.colour,
                "description": label.description,
            }
            for label in config.vocabulary.labels
        ],
        "delegations": [
            {"name": d.name, "kind": d.kind, "code": d.code, "members": list(d.members)}
            for d in document.roster.delegations
        ],
        "sections": [_section(s) for s in document.walk()],
        "paragraphs": [_paragraph(document, item, index) for item in draft.items()],
        "footnotes": [{"number": f.number, "text": plain(f.runs)} for f in draft.footnotes],
        "problems": [
            {"path": p.path, "line": p.line, "code": p.code, "rule": _rule(p.code), "message": p.message}
            for p in draft.problems
        ],
    }


def _rule(code: str) -> str:
    rule = BY_CODE.get(code)
    return rule.name if rule else ""


def _section(section: Section) -> dict[str, Any]:
    parts = section.path.split("/")
    return {
        "key": section.key,
        "id": section.id or None,
        "path": section.path,
        "section": parts[1:],
        "heading": "\n".join(" ".join(line.split()) for line in section.heading.splitlines()),
        "preamble": section.preamble,
        "depth": section.depth,
        "kind": section.kind.value,
        "number": section.number or None,
        "title": section.title or None,
        "bracketed": section.bracketed,
        "numbered": section.numbered,
        "untitled": section.untitled,
    }


def _paragraph(document: Document, item: Item, index: Index) -> dict[str, Any]:
    paragraph: Paragraph = item.paragraph
    number = paragraph.number
    return {
        "id": paragraph.id or None,
        "number": paragraph.label,
        "printed_number": item.number,
        "ref": document.ref(paragraph),
        "anchor": item.anchor,
        "base": number.base,
        "suffix": number.suffix or None,
        "alternative": number.alt,
        "alternative_to": number.principal.label() if number.is_alternative else None,
        "unnumbered": number.is_unnumbered,
        "path": paragraph.path,
        "section": list(paragraph.section),
        "preambular": item.preambular,
        "status": paragraph.status,
        "role": paragraph.role.value if paragraph.role else None,
        "label": item.display,
        "proposed_by": list(paragraph.proposed_by),
        "supported_by": list(paragraph.supported_by),
        "opposed_by": list(paragraph.opposed_by),
        "reservations": list(paragraph.reservations),
        "note": paragraph.note,
        "text": paragraph.text,
        "plain_text": "\n".join(_plain(block) for block in item.blocks),
        "footnotes": [f.number for f in item.footnotes],
        "references": [_reference(r) for r in index.references(paragraph)],
        **_in_language(document, item),
    }


def _in_language(document: Document, item: Item) -> dict[str, Any]:
    """For a document that declares its languages: the number as this language prints it
    ("三、", "3 -"); in a language version, how its translation stands (current, stale, missing)."""
    if not version.declared(document):
        return {}
    out: dict[str, Any] = {"printed_as": item.printed}
    if document.language:
        out["translation"] = item.behind or "current"
    return out


def _plain(block: Block) -> str:
    """A block as plain text: its mark and text, or a table's rows with cells between ``|``."""
    if block.kind is BlockKind.TABLE:
        return "\n".join(" | ".join(plain(cell).replace("\ufffd", "") for cell in row) for row in block.rows)
    return (f"{block.mark} " if block.mark else "") + plain(block.runs).replace("\ufffd", "")


def _reference(resolved: Resolved) -> dict[str, Any]:
    """One cross-reference written in a paragraph: as written, and what it points at."""
    reference = resolved.reference
    return {
        "written": reference.written,
        "external": reference.external,
        "instrument": reference.instrument or None,
        "targets": [
            {
                "kind": r.target.kind.value,
                "number": r.target.label or None,
                "subparagraphs": list(r.target.subparagraphs),
                "status": r.status.value,
                "id": (r.paragraph.id or None) if r.paragraph is not None else None,
                "section": r.section.path if r.section is not None else None,
            }
            for r in resolved.resolutions
        ],
    }
