"""zerodraft.characters: the one definition of hidden characters, and each output's cleaning,
as properties over any text (Hypothesis) and on the cases that matter to real drafts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from zerodraft import characters

#: Any text, with the troublesome characters made likely.
TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                *"\x00\x07\x1b\x7f\x85\x9b\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202e\u2066\u2069\ufeff\u00ad",
                *("\ufffe", "\uffff", "\r", "\n", "\t", "س", "क"),
            ]
        ),
    )
)
MARKS = "\u200e\u200f\u061c"


@given(TEXT)
def test_visible_leaves_nothing_hidden_and_keeps_every_other_character(text: str) -> None:
    shown = characters.visible(text)
    assert not characters.has_hidden(shown)
    assert list(characters.hidden(shown)) == []
    assert characters.visible(shown) == shown
    assert shown.count("\n") == text.replace("\r\n", "\n").count("\n")
    for mark in MARKS:
        assert shown.count(mark) == text.count(mark)


@given(TEXT)
def test_for_terminal_is_one_line_without_raw_controls(text: str) -> None:
    line = characters.for_terminal(text)
    assert "\n" not in line and "\r" not in line
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line)
    assert not characters.has_hidden(line)


@given(TEXT)
def test_for_xml_is_always_xml(text: str) -> None:
    node = etree.Element("t")
    node.text = characters.for_xml(text)  # lxml refuses what XML cannot hold
    assert etree.fromstring(etree.tostring(node)).text in (node.text, None)
    node.text = characters.xml_legal(text)


@given(TEXT)
def test_one_line_and_json(text: str) -> None:
    line = characters.one_line(text)
    assert "\n" not in line and len(line) <= 200 and not characters.has_hidden(line)
    assert json.loads(json.dumps(characters.for_json(text))) == characters.for_json(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("agree\u200bd", ["zero-width"]),
        ("x\u200dy", ["zero-width"]),  # a joiner between Latin letters hides a change
        ("می\u200cخواهم", []),  # Persian needs the non-joiner
        ("क्\u200dष", []),  # Devanagari the joiner
        ("مرحبا\u200f (PoA)\u200e \u061c", []),  # the marks right-to-left text needs
        ("a\u202eb\u2066c", ["bidi", "bidi"]),
        ("\x1b[31m\x85", ["control", "control"]),
        ("\ufffe", ["not-xml"]),
        ("soft\u00adhyphen", ["zero-width"]),
    ],
)
def test_the_classes(text: str, kinds: list[str]) -> None:
    assert [found.kind for found in characters.hidden(text)] == kinds
