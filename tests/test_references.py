"""The recogniser of cross-references: the examples table of docs/references.md, the real
corpus texts, and invariants (Hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, UN_CORPUS
from zerodraft.references import find
from zerodraft.references.rewrite import Rewriting

DOC = (REPO / "docs" / "references.md").read_text(encoding="utf-8")
CORPUS = UN_CORPUS


def table(heading: str) -> list[list[str]]:
    """The rows of the first Markdown table after ``heading`` in docs/references.md."""
    section = DOC.split(heading, 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] not in ("as written", "text") and not set(cells[0]) <= {"-", " "}:
                rows.append([c.strip("`") for c in cells])
        elif rows:
            break
    return rows


EXAMPLES = table("### Examples")
LISTS = table("one reading per reference found")
REWRITES = table("## Rewriting at a release")


def test_the_tables_are_there() -> None:
    assert len(EXAMPLES) >= 30
    assert len(LISTS) >= 5
    assert len(REWRITES) >= 4


def reading(reference: object) -> str:
    from zerodraft.references import Reference, Scope

    assert isinstance(reference, Reference)
    if reference.external:
        return f"external ({reference.instrument})" if reference.instrument else "external"
    words = ["internal"]
    if reference.scope is not Scope.IMPLICIT:
        word = {"present": "this"}.get(reference.scope_word, reference.scope_word)
        words.append(f"of this {word}")
    if reference.position:
        words.append(reference.position)
    return ", ".join(words)


@pytest.mark.parametrize(("written", "reads", "targets"), EXAMPLES, ids=[r[0] for r in EXAMPLES])
def test_example(written: str, reads: str, targets: str) -> None:
    text = f"As set out in {written}, States shall act."
    found = find(text)
    assert len(found) == 1, found
    reference = found[0]
    assert reference.written == written
    assert text[reference.start : reference.end] == written
    assert reading(reference) == reads
    assert reference.describe() == targets
    for numeral in reference.numerals:
        assert text[numeral.start : numeral.end] == numeral.written


@pytest.mark.parametrize(("written", "reads"), LISTS, ids=[r[0] for r in LISTS])
def test_a_list_ending_with_another_instrument(written: str, reads: str) -> None:
    found = find(f"Recalling {written}, States shall act.")
    assert "; ".join(reading(r) for r in found) == reads
    assert found[0].start == len("Recalling ")
    assert found[-1].end == len(f"Recalling {written}")


@pytest.mark.parametrize(
    "text", ["part of the marine environment", "this Part", "the paragraph above", "Articles of Agreement"]
)
def test_not_references(text: str) -> None:
    assert find(f"States shall protect {text} in 2030.") == ()


# ---- the real corpus, read as plain text

HEADING = re.compile(r"^(?:Article|ARTICLE|PART|Part|ANNEX|Annex|SECTION|Section)\s+[\dIVXLC]+\b")
MENTION = re.compile(r"\b(?i:paragraphs?|articles?|annex(?:es)?|subparagraphs?)\s+\(?(?:\d+\b|[IVXL]+\b)")


def corpus_lines(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").splitlines()


def references_in(name: str) -> tuple[list[str], list[object]]:
    """The lines of a corpus text (headings' first words cut off) and their references."""
    lines = [HEADING.sub(lambda m: " " * len(m.group()), line) for line in corpus_lines(name)]
    found = [r for line in lines for r in find(line)]
    return lines, found


@pytest.mark.parametrize(
    ("name", "internal_at_least", "external_at_least"),
    [
        ("treaty-bbnj-agreement-2023.en.txt", 100, 8),
        ("treaty-unclos-1982.txt", 600, 20),
        ("treaty-fish-stocks-agreement-1995.txt", 60, 10),
        ("decisions-cma4-2022-1-to-5.txt", 50, 50),
        ("draft-bbnj-chairs-streamlined-non-paper-2017.txt", 15, 30),
    ],
)
def test_corpus_every_mention_is_inside_a_reference(name: str, internal_at_least: int, external_at_least: int) -> None:
    lines, found = references_in(name)
    internal = [r for r in found if not r.external]  # type: ignore[attr-defined]
    external = [r for r in found if r.external]  # type: ignore[attr-defined]
    assert len(internal) >= internal_at_least
    assert len(external) >= external_at_least
    missed = []
    for line in lines:
        spans = [(r.start, r.end) for r in find(line)]
        for mention in MENTION.finditer(line):
            if not any(start <= mention.start() < end for start, end in spans):
                missed.append(line[mention.start() : mention.start() + 40])
    assert missed == []


def test_bbnj_refers_to_the_convention_externally() -> None:
    _, found = references_in("treaty-bbnj-agreement-2023.en.txt")
    of_the_convention = [r for r in found if r.written.endswith("of the Convention")]  # type: ignore[attr-defined]
    assert len(of_the_convention) >= 5
    assert all(r.external for r in of_the_convention)  # type: ignore[attr-defined]
    written = {r.written for r in found}  # type: ignore[attr-defined]
    assert "article 47, paragraph 6 (e)" in written
    assert "paragraph 7 below" in written


def test_another_instruments_name_before_the_reference_makes_it_external() -> None:
    _, found = references_in("draft-bbnj-chairs-streamlined-non-paper-2017.txt")
    external = {r.written: r.instrument for r in found if r.external}  # type: ignore[attr-defined]
    assert external["article 8.1"] == "UNFSA"
    assert external["article 18.1"] == "CBD"


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Official Records, document A/CONF.62/121, annex I.", "A/CONF.62/121"),
        ("See FCCC/CP/2015/10/Add.1, paragraph 3.", "FCCC/CP/2015/10/Add.1"),
    ],
)
def test_a_reference_after_a_documents_symbol_is_that_documents(text: str, instrument: str) -> None:
    (reference,) = find(text)
    assert (reference.external, reference.instrument) == (True, instrument)


def test_unclos_annex_articles_and_part_sections() -> None:
    _, found = references_in("treaty-unclos-1982.txt")
    written = {r.written: r for r in found}  # type: ignore[attr-defined]
    assert "article 1 of this Annex" in written
    assert "Part XI, section 5" in written
    assert written["articles 312 to 315"].targets[0].through  # type: ignore[attr-defined]


# ---- invariants

NUMBER = st.integers(1, 400).map(str) | st.tuples(st.integers(1, 400), st.sampled_from(["bis", "ter"])).map(
    lambda t: f"{t[0]} {t[1]}"
)


@given(st.lists(NUMBER, min_size=1, max_size=5), st.sampled_from(["", " above", " below", " of this article"]))
def test_a_list_of_paragraphs_is_one_reference_with_every_number(numbers: list[str], tail: str) -> None:
    listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    text = f"Recalling {word} {listed}{tail}, States"
    (reference,) = find(text)
    assert [t.label for t in reference.targets] == numbers
    assert reference.written == f"{word} {listed}{tail}"


@given(st.text(st.sampled_from("paragraph article annex 0123 ( ) , and of the this Part IV bis –"), max_size=80))
def test_spans_are_inside_the_text_and_in_order(text: str) -> None:
    found = find(text)
    last = 0
    for reference in found:
        assert last <= reference.start < reference.end <= len(text)
        assert text[reference.start : reference.end] == reference.written
        for numeral in reference.numerals:
            assert reference.start <= numeral.start < numeral.end <= reference.end
        last = reference.end


# ---- rewriting: the second table of docs/references.md, on a real (in-memory) document


def numbered_document(
    text_of_10: str, inserted: tuple[str, ...] = ("018bis", "018ter"), deleted: tuple[str, ...] = ("045",)
) -> dict[str, bytes]:
    """A continuously numbered document of paragraphs 1–50 in one section, with ``inserted``
    (by default 18 bis and 18 ter, the round of the issue) and ``deleted`` (45) labelled
    deleted; paragraph 10 holds ``text_of_10``."""
    example = REPO / "tests" / "data" / "example"
    files = {
        "outcome/document.yaml": (example / "document.yaml").read_bytes(),
        "outcome/delegations.yaml": (example / "delegations.yaml").read_bytes(),
        "outcome/01-a-measures/section.yaml": b"heading: A. Measures\n",
    }
    for number in [f"{n:03d}" for n in range(1, 51)] + list(inserted):
        status = "deleted" if number in deleted else "open"
        text = text_of_10 if number == "010" else f"To act on measure {number}. (a) first; (b) second; (c) third."
        files[f"outcome/01-a-measures/{number}.md"] = f"---\nid: p-{number}\nstatus: {status}\n---\n{text}\n".encode()
    return files


def rewritten(files: dict[str, bytes]) -> Rewriting:
    """What a release rewrites in the document held in ``files`` for its renumbering."""
    from zerodraft import reader
    from zerodraft.references import rewrite
    from zerodraft.rounds import concordance
    from zerodraft.rounds.renumber import renumber
    from zerodraft.source import MemoryTree

    document = reader.read(MemoryTree(files), "outcome").document
    table = concordance.build("Draft 3", renumber(document), document, None)
    return rewrite.plan(document, rewrite.Mapping.from_concordance((e.id, e.new) for e in table.entries), files)


def released_text(files: dict[str, bytes], path: str) -> str:
    """The text at ``path`` after the references are rewritten, as a release does it."""
    return rewritten(files).files.get(path, files[path]).decode("utf-8").split("---\n", 2)[2].rstrip("\n")


@pytest.mark.parametrize(("text", "renumbering", "after"), REWRITES, ids=[r[0] for r in REWRITES])
def test_rewrite_example(text: str, renumbering: str, after: str) -> None:
    assert renumbering == "18 bis, 18 ter inserted; 45 deleted"
    assert released_text(numbered_document(text), "outcome/01-a-measures/010.md") == after


@given(
    st.lists(
        st.sampled_from(["1", "17", "18", "18 bis", "18 ter", "19", "30", "44", "46", "50"]), min_size=1, max_size=4
    ),
    st.text(st.sampled_from("abc [](),;"), max_size=10),
)
def test_rewriting_changes_only_the_numbers(numbers: list[str], noise: str) -> None:
    listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    text = f"{noise}Recalling [{word} {listed} above]{noise}"
    after = released_text(numbered_document(text), "outcome/01-a-measures/010.md")
    new = {"18 bis": "19", "18 ter": "20", "44": "46", "46": "47", "50": "51", "19": "21", "30": "32"}
    expected_list = [new.get(n, n) for n in numbers]
    expected = expected_list[0] if len(numbers) == 1 else ", ".join(expected_list[:-1]) + " and " + expected_list[-1]
    assert after == f"{noise}Recalling [{word} {expected} above]{noise}"


def test_a_reference_in_a_heading_is_rewritten_and_the_file_keeps_its_comments() -> None:
    files = numbered_document("To act.")
    path = "outcome/01-a-measures/section.yaml"
    files[path] = b"# the agenda item\nheading: A. Measures under [paragraph 46 below]\n"
    result = rewritten(files)
    assert result.files[path] == b"# the agenda item\nheading: A. Measures under [paragraph 47 below]\n"
    (change,) = result.rewrites
    assert (change.heading, change.where, change.before, change.after) == (
        True,
        "the heading of 01-a-measures",
        "paragraph 46 below",
        "paragraph 47 below",
    )


INSERTABLE = st.sampled_from([f"{n:03d}{s}" for n in (3, 9, 10, 18, 30, 49) for s in ("bis", "ter")])


@given(
    st.sets(INSERTABLE, max_size=5),
    st.sets(st.sampled_from(["002", "005", "012", "020", "033", "045"]), max_size=3),
    st.lists(st.integers(0, 200), min_size=1, max_size=4),
)
def test_after_a_release_every_reference_points_at_the_same_paragraph(
    inserted: set[str], deleted: set[str], picks: list[int]
) -> None:
    from zerodraft import reader
    from zerodraft.references.resolve import Index
    from zerodraft.rounds.renumber import apply, renumber
    from zerodraft.source import MemoryTree

    inserted = {i for i in inserted if i.endswith("bis") or i.replace("ter", "bis") in inserted}
    files = numbered_document("", tuple(sorted(inserted)), tuple(deleted))
    staying = sorted(path.rsplit("/", 1)[1][:-3] for path in files if path.endswith(".md"))
    staying = [n for n in staying if n not in deleted and n != "010"]
    chosen = [staying[i % len(staying)] for i in picks]
    labels = [f"{int(n[:3])}{' ' + n[3:] if n[3:] else ''}" for n in chosen]
    text = "Recalling " + "; ".join(f"paragraph {label} above" for label in labels) + "."
    files = numbered_document(text, tuple(sorted(inserted)), tuple(deleted))
    document = reader.read(MemoryTree(files), "outcome").document
    result = rewritten(files)
    planned = apply({**files, **result.files}, renumber(document))
    after = reader.read(MemoryTree(planned), "outcome").document
    (referring,) = (p for p in after.paragraphs() if p.id == "p-010")
    targets = [r.paragraph.id for found in Index(after).references(referring) for r in found.resolutions if r.paragraph]
    assert targets == [f"p-{n}" for n in chosen]


def test_a_heading_referring_to_nothing_is_a_check_problem_naming_its_file() -> None:
    from zerodraft import checks, reader
    from zerodraft.source import MemoryTree

    files = numbered_document("To act.")
    files["outcome/01-a-measures/section.yaml"] = b"heading: A. Measures under paragraph 99\n"
    document = reader.read(MemoryTree(files), "outcome").document
    problems = [str(p) for p in checks.run(document) if p.code.startswith("ZD7")]
    assert problems == [
        "outcome/01-a-measures/section.yaml:1: ZD701 the heading of 01-a-measures refers to paragraph 99 "
        "('paragraph 99'), which is not in the document: correct the reference"
    ]


def test_an_article_title_is_rewritten_but_its_own_number_is_not_a_reference() -> None:
    from zerodraft import reader
    from zerodraft.references import rewrite
    from zerodraft.references.resolve import Index
    from zerodraft.source import MemoryTree

    files = numbered_document("To act.")
    path = "outcome/01-a-measures/section.yaml"
    files[path] = b'kind: article\nnumber: "1"\ntitle: Measures under paragraph 46\n'
    document = reader.read(MemoryTree(files), "outcome").document
    (section,) = document.sections
    assert [r.reference.written for r in Index(document).in_heading(section, section.heading)] == ["paragraph 46"]
    result = rewrite.plan(document, rewrite.Mapping({"p-046": "47"}), files)
    assert result.files[path] == b'kind: article\nnumber: "1"\ntitle: Measures under paragraph 47\n'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("Disputes go to an Annex VII arbitral tribunal under the Convention.", 0),
        ("Disputes go to an Annex VII arbitral tribunal.", 1),
        ("Under the Convention, as set out in paragraph 99 above.", 1),
    ],
)
def test_a_missing_annex_beside_another_instrument_is_that_instruments(text: str, problems: int) -> None:
    from zerodraft import checks, reader
    from zerodraft.source import MemoryTree

    document = reader.read(MemoryTree(numbered_document(text)), "outcome").document
    assert len([p for p in checks.run(document) if p.code == "ZD701"]) == problems
