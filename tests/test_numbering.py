from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zerodraft.numbering import SUFFIXES, Number, from_filename, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18", Number(18)),
        ("18 bis", Number(18, 1)),
        ("18bis", Number(18, 1)),
        ("OP18ter", Number(18, 2)),
        ("PP5 quater", Number(5, 3)),
        ("6 alt", Number(6, 0, 1)),
        ("6alt2", Number(6, 0, 2)),
        ("12 decies", Number(12, 9)),
        ("paragraph 7", Number(7)),
    ],
)
def test_parse_as_delegates_write(text: str, expected: Number) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "bis", "18 undecies", "18-bis-x", "A", "1.2"])
def test_parse_rejects_non_numbers(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("018.md", Number(18)), ("018bis.md", Number(18, 1)), ("006alt.md", Number(6, 0, 1)), ("1200.md", Number(1200))],
)
def test_file_names(name: str, expected: Number) -> None:
    assert from_filename(name) == expected
    assert expected.filename() == name


@pytest.mark.parametrize("name", ["18.md", "018 bis.md", "018BIS.md", "018.txt", "../018.md", "018bis"])
def test_bad_file_names(name: str) -> None:
    assert from_filename(name) is None


def test_document_order() -> None:
    assert Number(18) < Number(18, 1) < Number(18, 2) < Number(19)
    assert Number(6) < Number(6, 0, 1) < Number(6, 1)


def test_next_insertion_runs_through_the_latin_ordinals() -> None:
    number: Number | None = Number(18)
    seen = []
    while number is not None:
        number = number.next_insertion()
        if number:
            seen.append(number.suffix)
    assert seen == list(SUFFIXES)


@given(st.integers(1, 99999), st.integers(0, 9), st.integers(0, 9))
def test_label_and_filename_round_trip(base: int, rank: int, alt: int) -> None:
    number = Number(base, rank, alt)
    assert parse(number.label()) == number
    assert from_filename(number.filename()) == number
