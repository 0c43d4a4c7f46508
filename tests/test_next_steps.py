"""The next step a message gives is one a delegate can follow: done as the message says, the
problem is gone.  Each case breaks the example document, reads the message ``zerodraft check``
prints, does what it says (mechanically, from the message's own words) and checks again."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import write_paragraph
from test_check import problems_of

B = "02-b-international-cooperation"


def only(base: Path, code: str) -> str:
    """The message of the one problem ``code`` reported."""
    [problem] = [p for p in problems_of(base) if p.code == code]
    return problem.message


def test_an_ambiguous_reference_is_named_as_the_message_suggests(document: Path) -> None:
    outcome = document / "outcome"
    (outcome / B / "01-assistance").mkdir()
    (outcome / B / "01-assistance" / "section.yaml").write_text("heading: 1. Assistance\n", encoding="utf-8")
    write_paragraph(outcome / B / "01-assistance" / "008.md", "p-assist00001", "Assistance.")
    referring = write_paragraph(outcome / "00-preamble" / "003u.md", "p-ref-1", "As set out in section 1.")
    message = only(document, "ZD703")
    assert "('1. At the national level' in section A, '1. Assistance' in section B)" in message
    suggested = re.search(r"e\.g\. '([^']+)'$", message)
    assert suggested, message
    write_paragraph(referring, "p-ref-1", f"As set out in {suggested.group(1)}.")
    assert [p for p in problems_of(document) if p.code.startswith("ZD70")] == []


def test_a_missing_id_is_written_as_the_message_prints_it(document: Path) -> None:
    path = document / "outcome" / B / "008.md"
    path.write_text("---\nstatus: proposed\nproposed-by: [Kenya]\n---\nTo act.\n", encoding="utf-8")
    line = re.search(r"add the line '(id: [^']+)'", only(document, "ZD103"))
    assert line
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\n{line.group(1)}\n", 1), "utf-8")
    assert problems_of(document) == []


def test_an_id_is_written_like_the_example(document: Path) -> None:
    path = write_paragraph(document / "outcome" / B / "008.md", "p 1!", "To act.", "proposed", proposed_by=["Kenya"])
    example = re.search(r"like '([^']+)'$", only(document, "ZD109"))
    assert example
    write_paragraph(path, example.group(1), "To act.", "proposed", proposed_by=["Kenya"])
    assert problems_of(document) == []


def test_a_misnamed_file_is_renamed_as_told(document: Path) -> None:
    path = write_paragraph(document / "outcome" / B / "8.md", "p-eight", "To act.", "proposed", proposed_by=["Kenya"])
    name = re.search(r"should be named '([^']+)': rename it$", only(document, "ZD006"))
    assert name
    path.rename(path.with_name(name.group(1)))
    assert problems_of(document) == []
