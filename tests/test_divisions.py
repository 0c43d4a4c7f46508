"""Parts and annexes inserted with bis during a round, renumbered at the release
(:mod:`zerodraft.rounds.divisions`), as a property of any such round: the numbers run on
whole again, the folders keep their order under whole order numbers, every paragraph is
kept, and renumbering the renumbered draft changes nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zerodraft.model import SectionKind
from zerodraft.reader import read
from zerodraft.rounds.articles import relocate, section_files
from zerodraft.rounds.divisions import renumber_divisions
from zerodraft.source import MemoryTree

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI")
SUFFIXES = ("bis", "ter", "quater")
DOCUMENT = b"title: A treaty\ndraft:\n  name: Draft 1\nnumbering:\n  paragraphs: per-article\n"


def treaty(parts: list[int], annexes: list[int]) -> dict[str, bytes]:
    """The files of a treaty whose Part n (of ``len(parts)``) is followed by ``parts[n]``
    Parts inserted during the round (n bis, n ter …), then its annexes likewise, each with one
    paragraph."""
    files = {"outcome/document.yaml": DOCUMENT, "outcome/delegations.yaml": b"delegations: []\n"}
    order = 0
    for kind, inserted in (("part", parts), ("annex", annexes)):
        for index, extra in enumerate(inserted):
            order += 1
            for rank in range(extra + 1):
                number = ROMAN[index] + (f" {SUFFIXES[rank - 1]}" if rank else "")
                prefix = f"{order:02d}" + (SUFFIXES[rank - 1] if rank else "")
                folder = f"outcome/{prefix}-{kind}-{number.replace(' ', '-').lower()}"
                files[f"{folder}/section.yaml"] = f'kind: {kind}\nnumber: "{number}"\n'.encode()
                files[f"{folder}/001.md"] = (
                    f"---\nid: p-{prefix}{kind}\nstatus: open\n---\nText of {number}.\n".encode()
                )
    return files


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 2), min_size=1, max_size=4),
    st.lists(st.integers(0, 2), min_size=0, max_size=3),
)
def test_inserted_parts_and_annexes_run_whole_again(parts: list[int], annexes: list[int]) -> None:
    files = treaty(parts, annexes)
    document = read(MemoryTree(files)).document
    moves = renumber_divisions(document)
    folders = {m.old_path: m.new_path for m in moves}
    assert len(set(folders.values())) == len(folders)
    changed = {**files, **section_files(files, moves)}
    renamed = {relocate(path, folders): data for path, data in changed.items()}
    assert len(renamed) == len(files)  # nothing lost, nothing written over
    after = read(MemoryTree(renamed)).document
    for kind, count in ((SectionKind.PART, sum(parts) + len(parts)), (SectionKind.ANNEX, sum(annexes) + len(annexes))):
        assert [s.number for s in after.sections if s.kind is kind] == list(ROMAN[:count])
    keys = [s.key for s in after.sections]
    assert keys == sorted(keys) and all(key[:2].isdigit() and key[2] == "-" for key in keys)
    assert [int(key[:2]) for key in keys] == list(range(1, len(keys) + 1))
    ids = {p.id: p.text for p in document.paragraphs()}
    assert {p.id: p.text for p in after.paragraphs()} == ids
    assert renumber_divisions(after) == ()  # a renumbered draft stays as it is
