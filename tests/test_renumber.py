"""Renumbering at a new draft: examples, then properties over generated rounds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zerodraft import checks
from zerodraft.model import Document
from zerodraft.numbering import Number
from zerodraft.reader import read
from zerodraft.rounds.renumber import apply, renumber
from zerodraft.source import MemoryTree, WorkingTree

ROSTER = b"delegations:\n  - {name: Kenya, kind: member-state, code: KEN}\n"


def document_yaml(scheme: str = "continuous", preamble: str = "numbered") -> bytes:
    return (
        f"title: T\ndraft:\n  name: Draft 2\n  date: 2021-07-02\n"
        f"numbering:\n  paragraphs: {scheme}\n  preamble: {preamble}\n"
    ).encode()


def paragraph(ident: str, status: str, text: str = "To act.") -> bytes:
    extra = "proposed-by: [Kenya]\n" if status == "proposed" else ""
    return f"---\nid: {ident}\nstatus: {status}\n{extra}---\n{text}\n".encode()


def load(files: dict[str, bytes]) -> Document:
    return read(MemoryTree(files)).document


def test_example_round(document: Path) -> None:
    doc = read(WorkingTree(document)).document
    plan = renumber(doc)
    moved = {m.old.label(): m.new.label() for m in plan.moves}
    assert moved == {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6": "6", "6 bis": "7", "7": "8"}
    assert [m.new_path for m in plan.renames] == [
        "outcome/01-a-implementation/01-national-level/007.md",
        "outcome/02-b-international-cooperation/008.md",
    ]
    assert plan.removed == ()


def test_deleted_leave_and_alternative_takes_the_place() -> None:
    files = {
        "outcome/document.yaml": document_yaml(),
        "outcome/delegations.yaml": ROSTER,
        "outcome/01-a/section.yaml": b"heading: A\n",
        "outcome/01-a/001.md": paragraph("a", "open"),
        "outcome/01-a/002.md": paragraph("b", "deleted"),
        "outcome/01-a/002alt.md": paragraph("c", "proposed"),
        "outcome/01-a/002alt2.md": paragraph("d", "proposed"),
        "outcome/01-a/002bis.md": paragraph("e", "deleted"),
        "outcome/01-a/003.md": paragraph("f", "open"),
        "outcome/01-a/003alt.md": paragraph("g", "deleted"),
    }
    plan = renumber(load(files))
    assert {m.id: m.new.label() for m in plan.moves} == {"a": "1", "c": "2", "d": "2 alt", "f": "3"}
    assert [p.id for p in plan.removed] == ["b", "e", "g"]
    after = apply(files, plan)
    assert sorted(p for p in after if p.endswith(".md")) == [
        "outcome/01-a/001.md",
        "outcome/01-a/002.md",
        "outcome/01-a/002alt.md",
        "outcome/01-a/003.md",
    ]
    assert after["outcome/01-a/002.md"] == files["outcome/01-a/002alt.md"]
    assert checks.run(load(after)) == []


def test_per_section_and_unnumbered_preamble() -> None:
    files = {
        "outcome/document.yaml": document_yaml("per-section", "unnumbered"),
        "outcome/delegations.yaml": ROSTER,
        "outcome/00-preamble/section.yaml": b"heading: ''\npreamble: true\n",
        "outcome/00-preamble/001.md": paragraph("p1", "open", "Recalling."),
        "outcome/00-preamble/001bis.md": paragraph("p2", "open", "Noting."),
        "outcome/01-article-one/section.yaml": b"heading: Article 1\n",
        "outcome/01-article-one/001.md": paragraph("a1", "deleted"),
        "outcome/01-article-one/002.md": paragraph("a2", "open"),
        "outcome/02-article-two/section.yaml": b"heading: Article 2\n",
        "outcome/02-article-two/001.md": paragraph("b1", "open"),
        "outcome/02-article-two/001bis.md": paragraph("b2", "open"),
    }
    plan = renumber(load(files))
    assert {m.id: m.new.label() for m in plan.moves} == {"p1": "1", "p2": "2", "a2": "1", "b1": "1", "b2": "2"}
    assert checks.run(load(apply(files, plan))) == []


def test_wide_documents_get_wider_file_names() -> None:
    files = {
        "outcome/document.yaml": document_yaml(),
        "outcome/delegations.yaml": ROSTER,
        "outcome/01-a/section.yaml": b"heading: A\n",
    }
    for n in range(1, 1001):
        files[f"outcome/01-a/{Number(n).filename()}"] = paragraph(f"p{n}", "open")
    files["outcome/01-a/010bis.md"] = paragraph("x", "open")
    plan = renumber(load(files))
    after = apply(files, plan)
    assert "outcome/01-a/1001.md" in after
    assert "outcome/01-a/0011.md" in after
    assert checks.run(load(after)) == []


# ---- properties over generated rounds

STATUSES = st.sampled_from(["open", "open", "proposed", "deleted"])


@st.composite
def rounds(draw: st.DrawFn) -> dict[str, bytes]:
    """A document in the middle of a round: numbered 1…n, with bis/ter insertions,
    alternatives and deleted placeholders, over one to three sections."""
    scheme = draw(st.sampled_from(["continuous", "per-section"]))
    preamble = draw(st.sampled_from(["none", "numbered", "unnumbered"]))
    files = {
        "outcome/document.yaml": document_yaml(scheme, "unnumbered" if preamble == "unnumbered" else "numbered"),
        "outcome/delegations.yaml": ROSTER,
    }
    ident = 0
    counter = 0
    folders = [f"outcome/{s + 1:02d}-s{s}" for s in range(draw(st.integers(1, 3)))]
    if preamble != "none":
        folders.insert(0, "outcome/00-preamble")
    for s, folder in enumerate(folders):
        is_preamble = folder.endswith("preamble")
        files[f"{folder}/section.yaml"] = b"heading: ''\npreamble: true\n" if is_preamble else b"heading: S\n"
        own_unit = scheme == "per-section" or preamble == "unnumbered"
        if scheme == "per-section" or (s == 1 and own_unit and folders[0].endswith("preamble")):
            counter = 0
        for _ in range(draw(st.integers(0, 6))):
            counter += 1
            for rank in range(draw(st.integers(0, 2)) + 1):
                number = Number(counter, rank)
                for alt in range(draw(st.integers(0, 1)) + 1 if rank == 0 else 1):
                    ident += 1
                    files[f"{folder}/{Number(counter, rank, alt).filename()}"] = paragraph(
                        f"p{ident}", draw(STATUSES), f"Text {ident} of {number.label()}."
                    )
    return files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_renumbering_properties(files: dict[str, bytes]) -> None:
    before = load(files)
    assert checks.run(before) == []
    plan = renumber(before)
    after_files = apply(files, plan)
    after = load(after_files)
    # the result checks clean
    assert checks.run(after) == []
    # every id that is not deleted is kept, with its file content unchanged
    kept = {p.id for p in before.paragraphs() if p.status != "deleted"}
    assert {p.id for p in after.paragraphs()} == kept
    assert all(after_files[m.new_path] == files[m.old_path] for m in plan.moves)
    # no bis/ter remain and no paragraph is deleted
    assert all(p.number.rank == 0 and p.status != "deleted" for p in after.paragraphs())
    # document order is kept
    assert [p.id for p in after.paragraphs()] == [m.id for m in plan.moves]
    # idempotent
    again = renumber(after)
    assert not again.removed and not again.renames  # nothing to rename, nothing leaves
    assert [(m.old, m.new) for m in again.moves] == [(m.new, m.new) for m in plan.moves]
