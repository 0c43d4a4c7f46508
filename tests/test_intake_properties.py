"""Invariants of Word intake, over generated edits (Hypothesis).

- Bookmark names are always names Word accepts, and read back to the block they mark.
- Any change of words in any paragraph of Draft 2 is read as exactly that amendment, the same
  whether it was made with Track Changes or without.
"""

from __future__ import annotations

import functools
import io
import re

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

import intake_helpers as word_edit
from conftest import REPO
from zerodraft.intake import edits, identity, package, wordfile
from zerodraft.model import Document
from zerodraft.reader import read
from zerodraft.render import docx as word_renderer
from zerodraft.render.layout import CompiledDraft, lay_out
from zerodraft.source import WorkingTree


@given(st.text(min_size=1, max_size=80), st.integers(min_value=0, max_value=30))
def test_bookmark_names_are_words(ident: str, block: int) -> None:
    name = identity.bookmark(ident, block)
    assert len(name) <= 40 and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name)
    parsed = identity.parse(name)
    assert parsed is not None and parsed[1] == block
    assert parsed[0] == identity.bookmark(ident)[3:]


@functools.cache
def _draft() -> tuple[Document, CompiledDraft, bytes, wordfile.WordFile]:
    document = read(WorkingTree(REPO), "outcome").document
    draft = lay_out(document)
    data = word_renderer.render(draft)
    return document, draft, data, wordfile.read(package.read_package(data, "draft.docx"))


WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ,;()[]*'-éüç", min_size=1, max_size=12),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=114), st.data(), WORDS)
def test_any_word_change_is_that_amendment_tracked_or_not(index: int, data: st.DataObject, new: str) -> None:
    document, draft, published, pristine = _draft()
    paragraph = list(document.paragraphs())[index]
    words = paragraph.text.split()
    start = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    length = data.draw(st.integers(min_value=1, max_value=min(4, len(words) - start)))
    old = " ".join(words[start : start + length])
    readings = []
    for tracked in (True, False):
        word = docx.Document(io.BytesIO(published))
        word_edit.replace(word_edit.paragraph(word, paragraph.id), old, new, tracked=tracked)
        buffer = io.BytesIO()
        word.save(buffer)
        edited = wordfile.read(package.read_package(buffer.getvalue(), "kenya.docx"))
        readings.append(edits.compare(draft, pristine, edited))
    tracked_reading, plain_reading = readings
    assert tracked_reading.edits == plain_reading.edits
    expected = " ".join(paragraph.text.replace(old, new, 1).split())
    if expected == " ".join(paragraph.text.split()):
        assert tracked_reading.edits == ()
    else:
        (amendment,) = tracked_reading.edits
        assert amendment.kind is edits.Kind.AMEND and amendment.paragraph == paragraph
        assert " ".join(re.sub(r"\\([*(])", r"\1", amendment.text).split()) == expected  # escaped, not markup
