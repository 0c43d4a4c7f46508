"""Properties of the whole toolkit over generated documents (Hypothesis).

Generated rounds come from tests/test_renumber.py (``rounds()``: bis/ter insertions,
alternatives, deleted placeholders, both numbering schemes); generated Chair's drafts from
``drafts()`` below.  Each property names its promise in docs/security.md.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import IDENTITY, git
from test_import_properties import WORDS
from test_renumber import ROSTER, document_yaml, paragraph, rounds
from zerodraft import checks, redline, render
from zerodraft.commands import diff
from zerodraft.main import main
from zerodraft.reader import read
from zerodraft.source import MemoryTree, WorkingTree

QUICK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def quiet(*args: str) -> tuple[int, str, str]:
    """Run the command in-process; its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


# ---- check never crashes

HOSTILE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            ["---\n", "id: x\n", "status: open\n", "- a\n", "&a [*a]\n", "!!python/name:os\n", "[", "]", "\0"]
        ),
        max_size=12,
    ).map(lambda parts: "".join(parts).encode()),
)


@QUICK
@given(rounds(), st.data())
def test_check_never_crashes(files: dict[str, bytes], data: st.DataObject) -> None:
    """Any bytes in any file of a document: `check` reports problems, never raises."""
    names = sorted(files)
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from([*names, "outcome/01-s0/007quater.md", "outcome/99-x/section.yaml"]))
        files[name] = data.draw(HOSTILE_BYTES)
    reading = read(MemoryTree(files))
    problems = sorted(set(reading.problems) | set(checks.run(reading.document)))
    assert all(p.path and p.line >= 1 and re.fullmatch(r"ZD\d{3}", p.code) for p in problems)


# ---- render (md, txt) -> import keeps the words


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text)


@st.composite
def drafts(draw: st.DrawFn) -> dict[str, bytes]:
    """A Chair's draft as a document folder: one to three agenda items of open paragraphs."""
    files = {"outcome/document.yaml": document_yaml(), "outcome/delegations.yaml": ROSTER}
    number = 0
    for s, letter in enumerate("ABC"[: draw(st.integers(1, 3))]):
        folder = f"outcome/{s + 1:02d}-{letter.lower()}"
        files[f"{folder}/section.yaml"] = f"heading: {letter}. Consideration of item {letter.lower()}\n".encode()
        for _ in range(draw(st.integers(1, 5))):
            number += 1
            text = "To " + " ".join(draw(st.lists(WORDS, min_size=1, max_size=30))) + "."
            files[f"{folder}/{number:03d}.md"] = paragraph(f"p{number}", "open", text)
    return files


@QUICK
@given(drafts(), st.sampled_from(["md", "txt"]))
def test_render_then_import_keeps_the_words(files: dict[str, bytes], fmt: str) -> None:
    document = read(MemoryTree(files)).document
    with tempfile.TemporaryDirectory() as tmp:
        [path] = render.build(document, [fmt], Path(tmp) / "out", basename="draft")
        code, _, err = quiet("import", str(path), "--into", str(Path(tmp) / "outcome"))
        assert code == 0, err
        imported = read(WorkingTree(Path(tmp))).document
    assert [_tokens(p.text) for p in imported.paragraphs()] == [_tokens(p.text) for p in document.paragraphs()]
    headings = [s.heading for s in imported.sections if s.heading]
    assert headings == [s.heading for s in document.sections if s.heading]


# ---- diff A A is empty


@QUICK
@given(rounds())
def test_diff_of_a_draft_with_itself_is_empty(files: dict[str, bytes]) -> None:
    document = read(MemoryTree(files)).document
    comparison = redline.compare(document, document, "A", "A")
    assert all(block.kind == "same" for block in comparison.blocks)
    assert comparison.changes_only().blocks == ()
    assert set(comparison.counts().values()) == {0}
    empty = "0 text amended, 0 label changed, 0 positions changed, 0 moved, 0 new, 0 deleted, 0 renumbered only"
    assert json.loads(str(diff.render(comparison.changes_only(), "json")))["blocks"] == []
    assert empty in str(diff.render(comparison, "md")) and empty in str(diff.render(comparison, "html"))
    assert "~~" not in str(diff.render(comparison, "md")).split(empty, 1)[1]


# ---- release followed by check is clean


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_release_then_check_is_clean(files: dict[str, bytes]) -> None:
    """A round that checks clean, released in a real repository: the new draft checks clean,
    keeps every id that was not deleted, and has no bis, ter or deleted paragraph left."""
    before = read(MemoryTree(files)).document
    kept = [p.id for p in before.paragraphs() if p.status != "deleted"]
    with tempfile.TemporaryDirectory() as tmp, _environment(tmp):
        root = Path(tmp) / "repo"
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Round")
        code, _, err = quiet(
            "-C", str(root), "release", "--formats", "md", "Draft 3", "--date", "2021-07-19", "-o", f"{tmp}/out"
        )
        assert code == 0, err
        code, out, err = quiet("-C", str(root), "check")
        assert code == 0, out + err
        after = read(WorkingTree(root)).document
        assert [p.id for p in after.paragraphs()] == kept
        assert all(p.number.rank == 0 and p.status != "deleted" for p in after.paragraphs())
        assert git(root, "status", "--porcelain") == ""
        assert git(root, "tag", "--list") == "draft-3\n"
        shutil.rmtree(root)


@contextlib.contextmanager
def _environment(home: str):  # type: ignore[no-untyped-def]
    import os

    saved = {k: os.environ.get(k) for k in [*IDENTITY, "HOME"]}
    os.environ.update({**IDENTITY, "HOME": home})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
