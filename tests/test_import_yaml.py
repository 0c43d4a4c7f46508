"""The importer writes ``section.yaml`` and ``document.yaml`` as ruamel.yaml would, through a
fast path for flat mappings of plain words: the two must give the same bytes, and the YAML
must read back as the data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from zerodraft.importing import writer

KEYS = st.sampled_from(["kind", "number", "title", "heading", "restarts", "bracketed", "job-number"])
WORDS = st.text(alphabet="AaBbIiVvXxYyNnOo019 ,.’()-:#'\"\n[]&*!|>%@`", min_size=1, max_size=30)
LINES = st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.’()-]{0,20}", fullmatch=True), min_size=1, max_size=3)
VALUES = st.one_of(
    st.booleans(),
    WORDS,
    LINES.map("\n".join),
    st.integers(0, 20000).map(str),
    st.sampled_from(["GENERAL PROVISIONS", "Use of terms", "II", "yes", "No", "null", "54 ter", "16.1", "007"]),
)


@settings(max_examples=500)
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=5))
def test_the_fast_path_writes_what_ruamel_writes(data: dict[str, object]) -> None:
    assert writer._yaml(data) == writer._ruamel_yaml(data)
    assert YAML(typ="safe").load(writer._yaml(data)) == data


def test_the_fast_path_is_taken_for_a_treaty_heading() -> None:
    data = {"kind": "part", "number": "XV", "title": "SETTLEMENT OF DISPUTES", "restarts": True}
    assert writer._plain_yaml(data) == "kind: part\nnumber: XV\ntitle: SETTLEMENT OF DISPUTES\nrestarts: true\n"
    assert writer._plain_yaml({"number": "1"}) == "number: '1'\n"  # quoted, as ruamel quotes what reads as a number
    assert writer._plain_yaml({"heading": "Article 7\nUse of terms"}) == 'heading: "Article 7\\nUse of terms"\n'
    assert writer._plain_yaml({"title": "Article 4: Use of terms"}) is None  # ruamel decides


def test_a_long_heading_is_decided_at_once() -> None:
    """A long title that is not plain (it ends in a colon) falls back at once (the pattern
    never backtracks), as UNCLOS's 500 headings must."""
    title = " ".join(["CONSERVATION AND MANAGEMENT OF THE LIVING RESOURCES"] * 20) + ":"
    assert writer._plain_yaml({"title": title}) is None
    assert writer._plain_yaml({"title": "A" * 5000 + ":"}) is None
