"""The two-process split gives exactly the serial result, whatever happens to the child."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zerodraft import cache, checks, parallel, reader
from zerodraft.source import WorkingTree


def _square_all(items: list[int]) -> list[int]:
    return [i * i for i in items]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(), max_size=60))
def test_split_map_equals_serial(items: list[int]) -> None:
    assert parallel.split_map(_square_all, items, threshold=2) == _square_all(items)


def test_a_failing_child_falls_back_to_serial() -> None:
    parent = os.getpid()

    def fails_in_child(items: list[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("child fails")
        return _square_all(items)

    assert parallel.split_map(fails_in_child, list(range(100)), threshold=2) == _square_all(list(range(100)))


def test_reading_in_two_processes_gives_the_same_document(document: Path, make_paragraph: Callable[..., Path]) -> None:
    make_paragraph("01-a-implementation/005bis.md", "p-broken", "[unbalanced", status="agred")
    (document / "outcome" / "01-a-implementation" / "005ter.md").write_bytes(b"\xff\xfe not utf-8")
    source = WorkingTree(document)
    serial = reader.read(source)
    saved = parallel.THRESHOLD
    parallel.THRESHOLD = 1
    try:
        split = reader.read(source)
        split_problems = checks.run(split.document)
    finally:
        parallel.THRESHOLD = saved
    assert split.document == serial.document
    assert split.problems == serial.problems
    assert split_problems == checks.run(serial.document)
    assert {p.code for p in (*split.problems, *split_problems)} >= {"ZD002", "ZD104", "ZD401"}


def test_reading_with_the_cache_in_two_processes_gives_the_same_document(
    document: Path, make_paragraph: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a memo, each process reads, hashes and (when new) parses its half: the same
    document and problems as one process without it, cold and warm."""
    make_paragraph("01-a-implementation/005bis.md", "p-broken", "[unbalanced", status="agred")
    (document / "outcome" / "01-a-implementation" / "005ter.md").write_bytes(b"\xff\xfe not utf-8")
    source = WorkingTree(document)
    serial = reader.checked(source)
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    memo = cache.Memo()
    for _ in range(2):  # the first fills the memo, the second reads from it
        split = reader.checked(source, memo=memo)
        assert split.document == serial.document
        assert split.problems == serial.problems
    assert len(memo.records) == sum(1 for _ in serial.document.paragraphs())  # one record per paragraph file
