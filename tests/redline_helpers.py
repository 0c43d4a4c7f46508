"""Word's "Accept all changes" and "Reject all changes", as XML transforms over a .docx,
to prove what a tracked-changes redline does when a delegate steps through it."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml.ns import qn


def accept_all(data: bytes) -> list[str]:
    """The paragraph texts after accepting every tracked change."""
    return _resolve(data, keep="w:ins", drop="w:del")


def reject_all(data: bytes) -> list[str]:
    """The paragraph texts after rejecting every tracked change."""
    return _resolve(data, keep="w:del", drop="w:ins")


def _resolve(data: bytes, *, keep: str, drop: str) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for element in list(body.iter(qn(drop))):
        parent = element.getparent()
        if parent is not None and parent.tag == qn("w:rPr"):
            continue  # a paragraph mark, handled below
        parent.remove(element)
    for element in list(body.iter(qn(keep))):
        parent = element.getparent()
        if parent is None or parent.tag == qn("w:rPr"):
            continue
        index = parent.index(element)
        for child in list(element):
            for deleted_text in child.iter(qn("w:delText")):
                deleted_text.tag = qn("w:t")
            parent.insert(index, child)
            index += 1
        parent.remove(element)
    paragraphs: list[Any] = list(body.iter(qn("w:p")))
    for position, p in enumerate(paragraphs):
        marks = p.findall(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn(drop)}")
        for mark in p.findall(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn(keep)}"):
            mark.getparent().remove(mark)
        if not marks:
            continue
        # the paragraph mark goes: what is left of this paragraph joins the next one
        content = [c for c in p if c.tag != qn("w:pPr")]
        following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
        if following is not None:
            anchor = following.find(qn("w:pPr"))
            index = 0 if anchor is None else following.index(anchor) + 1
            for child in content:
                following.insert(index, child)
                index += 1
        p.getparent().remove(p)
    out = io.BytesIO()
    document.save(out)
    paragraphs = docx.Document(io.BytesIO(out.getvalue())).paragraphs
    return [p.text for p in paragraphs if p.style.name != "Title"]  # the title says what is compared
