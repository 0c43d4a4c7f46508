"""The fast path for flat front matter must agree with libyaml whenever it answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zerodraft import frontmatter, safeyaml

KEYS = st.sampled_from(["id", "status", "proposed-by", "note", "a", "x_y", "1bad", "key "])
SCALARS = st.one_of(
    st.sampled_from(
        [
            "open",
            "p-4f2a9c1e7b3d",
            "yes",
            "NO",
            "null",
            "~",
            "true",
            "1",
            "0x1f",
            "2021-07-02",
            "1e3",
            ".inf",
            "Côte d'Ivoire",
            "Iran (Islamic Republic of)",
            "a: b",
            "a #b",
            "x#y",
            "-x",
            "'q'",
            '"q"',
            "&a",
            "*a",
            "!tag",
            "a,b",
            "[x]",
            "{y}",
            "http://x.org/a?b=c#d",
            "",
            " ",
            "a:",
            "% x",
            "@x",
            "`x`",
            "|",
            ">",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"))
LINES = st.lists(st.tuples(KEYS, VALUES), max_size=6)


def _full(text: str) -> object:
    loader = safeyaml._Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@settings(max_examples=2000)
@given(LINES, st.sampled_from(["\n", "\n\n"]))
def test_fast_path_agrees_with_libyaml(lines: list[tuple[str, str]], sep: str) -> None:
    text = sep.join(f"{key}: {value}" for key, value in lines)
    fast = safeyaml._simple(text)
    if fast is None:
        return
    assert fast.data == _full(text)
    for key, line in fast.key_lines.items():
        assert text.split("\n")[line - 1].startswith(f"{key}:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: p-1\nstatus: open\n", {"id": "p-1", "status": "open"}),
        ("code: NO", {"code": "NO"}),  # YAML 1.2 booleans only: Norway stays Norway
        ("answer: yes", {"answer": "yes"}),
        ("flag: true", {"flag": True}),
        ("date: 2021-07-02", {"date": dt.date(2021, 7, 2)}),
        ("names: [Kenya, Côte d'Ivoire]", {"names": ["Kenya", "Côte d'Ivoire"]}),
    ],
)
def test_values(text: str, expected: object) -> None:
    assert safeyaml.load(text).data == expected


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\na: 2", 2, "has 'a:' on two lines"),
        ("a: &x 1\nb: *x", 1, "alias"),
        ("<<: {a: 1}", 1, "merge key"),
        ("a: !!python/object/apply:os.system [ls]", 1, "tag"),
        ("a: [", 1, "has a list without its closing ']'"),
        ('kind: part\ntitle: "EVIL\\u001b[2J"', 2, "writes U+001B, a hidden or control character, as an escape"),
        ('note: "a\\u202eb"', 1, "writes U+202E"),
        ('note: "a\\x00b"', 1, "writes U+0000"),
        ('note: "a\\u200bb"', 1, "writes U+200B"),
        ('names: ["Kenya", "Nor\\u202eway"]', 1, "writes U+202E"),
    ],
)
def test_refusals(text: str, line: int, words: str) -> None:
    with pytest.raises(safeyaml.YamlProblem) as caught:
        safeyaml.load(text)
    assert caught.value.line == line
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: p-1\nstatus:open\nproposed-by: [Kenya]\n", 2, "needs a space after 'status:' — write 'status: open'"),
        (
            "id: p-1\nproposed-by: [Kenya, Norway\nstatus: open\n",
            2,
            "has a list without its closing ']' — write 'proposed-by: [Kenya, Norway]'",
        ),
        ('id: p-1\nnote: "to be reviewed\nstatus: open\n', 2, 'opens a quote (") and never closes it'),
        ("id: p-1\nnote: Kenya: to review\n", 2, 'put the value in quotes: note: "Kenya: to review"'),
        ("id: p-1\n  status: open\n", 2, "has a line that starts with spaces ('status: open')"),
        ("id: p-1\nstatus open\n", 2, "has a line without ':' ('status open'); write each field as 'key: value'"),
        ("id: p-1\nnote: @kenya\n", 2, "has a value that starts with '@'; put it in quotes: note: \"@kenya\""),
        ("id: p-1\nproposed-by: {Kenya\n", 2, "a list of names is written in square brackets"),
        ("id: p-1\n\tstatus: open\n", 2, "has a tab"),
    ],
)
def test_syntax_errors_in_the_words_of_the_file(text: str, line: int, message: str) -> None:
    """What is wrong, on the line where it is wrong, never the parser's "while scanning a simple key"."""
    with pytest.raises(safeyaml.YamlProblem) as caught:
        safeyaml.load(text)
    assert (caught.value.line, message in caught.value.message) == (line, True), caught.value.message
    assert "scanning" not in caught.value.message and "expected" not in caught.value.message


QUOTABLE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=14)


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@settings(max_examples=2000)
@given(
    st.lists(
        st.tuples(
            KEYS,
            st.one_of(
                QUOTABLE.map(_single),
                QUOTABLE.map(_double),
                QUOTABLE.map(lambda t: _double(t)[:-1]),  # an unclosed quote: never accepted
                st.sampled_from(["true", "False", "TRUE", "'a' b", '"a" #c', '"\\x41"', "'a''", "''", '""']),
            ),
        ),
        max_size=5,
    )
)
def test_fast_path_agrees_with_libyaml_on_quoted_values(lines: list[tuple[str, str]]) -> None:
    """Quoted headings and numbers (``heading: "Article 7\\nUse of terms"``, ``number: '1'``), as
    the importer writes section.yaml, are read by the fast path exactly as libyaml reads them."""
    text = "\n".join(f"{key}: {value}" for key, value in lines)
    fast = safeyaml._simple(text)
    if fast is None:
        return
    assert fast.data == _full(text)


FILE_LINES = st.lists(
    st.sampled_from(
        ["---", "--- ", "---\t", " ---", "----", "-- -", "id: p-1", "", "text [a]", "---x", "\u2003", "---\u2003"]
    ),
    max_size=8,
)


@settings(max_examples=1500)
@given(FILE_LINES, st.booleans())
def test_the_quick_front_matter_split_agrees_with_the_line_by_line_one(lines: list[str], newline_at_end: bool) -> None:
    """frontmatter.split finds the closing '---' without cutting the file into lines when it
    starts with '---'; it must cut exactly where reading line by line does, or fail alike."""
    text = "\n".join(lines) + ("\n" if newline_at_end else "")

    def outcome(split: Callable[[str], object]) -> object:
        try:
            return split(text)
        except frontmatter.NoFrontMatter as error:
            return (error.line, error.message)

    assert outcome(frontmatter.split) == outcome(frontmatter._split)


def test_ordinary_escapes_are_read_and_a_hidden_character_as_written_is_left_to_decode() -> None:
    assert safeyaml.load('title: "C\\u00f4te d\\u2019Ivoire \\"x\\" \\t"').data == {
        "title": 'Côte d\u2019Ivoire "x" \t'
    }
    # written as it is (libyaml reads it: the comment), it is decode's to report (ZD005)
    assert safeyaml.load('title: "a\u202eb"  # a comment\nx: [1]').data == {"title": "a\u202eb", "x": [1]}
