from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zerodraft.numbering import SUFFIXES, Number, from_filename, from_order, parse


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
        ("20 ante", Number(20, -1)),
        ("16.1", Number(16, point=1)),
        ("16.3 bis", Number(16, 1, point=3)),
        ("5u", Number(5, unnumbered=1)),
        ("5 u2", Number(5, unnumbered=2)),
    ],
)
def test_parse_as_delegates_write(text: str, expected: Number) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "bis", "18 undecies", "18-bis-x", "A", "1.2.3", "u5"])
def test_parse_rejects_non_numbers(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("018.md", Number(18)),
        ("018bis.md", Number(18, 1)),
        ("006alt.md", Number(6, 0, 1)),
        ("1200.md", Number(1200)),
        ("020ante.md", Number(20, -1)),
        ("016.1.md", Number(16, point=1)),
        ("016.5novies.md", Number(16, 8, point=5)),
        ("000u.md", Number(0, unnumbered=1)),
        ("005bisu2.md", Number(5, 1, unnumbered=2)),
    ],
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
    assert Number(20, -1) < Number(20) < Number(20, 1)  # 20 ante, 20, 20 bis
    # 16.1, 16.2 are parts of 16: an insertion after 16 follows them (the Geneva text's 26 bis after 26.6)
    assert Number(16) < Number(16, point=1) < Number(16, 1, point=1) < Number(16, point=2) < Number(16, 1) < Number(17)
    assert Number(16, -1) < Number(16) < Number(16, unnumbered=1) < Number(16, point=1) < Number(16, point=999)
    assert Number(16, point=999) < Number(16, 1) < Number(16, 1, 1) < Number(16, 1, unnumbered=1) < Number(16, 2)
    assert Number(5) < Number(5, 0, 1) < Number(5, unnumbered=1) < Number(5, unnumbered=2) < Number(5, 1)
    assert Number(0, unnumbered=1) < Number(1)


def test_folder_order_prefixes() -> None:
    assert from_order("05") == Number(5)
    assert from_order("054ter") == Number(54, 2)
    assert from_order("020ante") == Number(20, -1)
    assert [from_order(p) for p in ("5", "05u", "05-", "05bisx", "05.1")] == [None] * 5
    assert Number(54, 2).order_prefix(3) == "054ter"


def test_nothing_is_inserted_after_ante() -> None:
    assert Number(20, -1).next_insertion() is None
    assert Number(16, 0, 0, 3).next_insertion() == Number(16, 1, 0, 3)


def test_next_insertion_runs_through_the_latin_ordinals() -> None:
    number: Number | None = Number(18)
    seen = []
    while number is not None:
        number = number.next_insertion()
        if number:
            seen.append(number.suffix)
    assert seen == list(SUFFIXES)


@given(st.integers(0, 99999), st.integers(-1, 9), st.integers(0, 9), st.integers(0, 999), st.integers(0, 99))
def test_label_and_filename_round_trip(base: int, rank: int, alt: int, point: int, unnumbered: int) -> None:
    number = Number(base, rank, alt, point, unnumbered)
    assert parse(number.label()) == number
    assert from_filename(number.filename()) == number


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(-1, 9), st.integers(0, 3), st.integers(0, 12), st.integers(0, 3))
    )
)
def test_file_names_sort_like_numbers_once_read(fields: list[tuple[int, int, int, int, int]]) -> None:
    numbers = {Number(*f) for f in fields}
    read_back = sorted(from_filename(n.filename()) or Number(-1) for n in numbers)
    assert read_back == sorted(numbers)
    assert [n.sort_key for n in read_back] == sorted(n.sort_key for n in numbers)


@given(st.integers(1, 999), st.integers(1, 998), st.integers(1, 9))
def test_decimals_are_parts_of_their_paragraph(base: int, point: int, rank: int) -> None:
    """N < N.p < N.p bis < N.p+1 < N bis < N ter < N+1, whatever the numbers: an insertion after a
    decimal stays with it, an insertion after the whole number follows all its decimals."""
    assert Number(base) < Number(base, point=point) < Number(base, rank, point=point) < Number(base, point=point + 1)
    assert Number(base, point=point + 1) < Number(base, 1) <= Number(base, rank) < Number(base + 1)
    assert Number(base, -1) < Number(base) < Number(base, unnumbered=1) < Number(base, point=1)
