"""Which references a document can hold, by family: a resolution or decision has no articles
or Parts of its own, and a treaty with a Final Act appended numbers two runs of annexes
(docs/references.md, "What a reference points at"); on made-up documents and on the real
corpus texts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from test_references import CORPUS, numbered_document
from zerodraft import checks, reader
from zerodraft.source import MemoryTree


def problems(files: dict[str, bytes]) -> list[str]:
    """The ZD7xx problems ``zerodraft check`` reports on the document held in ``files``."""
    document = reader.read(MemoryTree(files), "outcome").document
    return [f"{p.code} {p.message}" for p in checks.run(document) if p.code.startswith("ZD7")]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Recalling that, pursuant to article 47, paragraph 2, of the Agreement, the Conference shall meet.", []),
        ("Noting the Agreement relating to the implementation of Part XI.", []),
        ("Recalling Articles 9–11 and Article 4, paragraph 11.", []),
        ("Recalling paragraph 99 above.", ["ZD701"]),
        ("Recalling annex II.", ["ZD701"]),
        ("Recalling section B.", ["ZD701"]),
    ],
)
def test_a_document_with_no_article_or_part_refers_to_another_instruments(text: str, codes: list[str]) -> None:
    assert [p.split()[0] for p in problems(numbered_document(text))] == codes


def treaty_with_final_act(text: str, inside: str = "") -> dict[str, bytes]:
    """A treaty of one article and annexes I–III, then a Final Act's annexes I and II (the
    numbering starts again); the article holds ``text``, the Final Act's annex I ``inside``."""
    files = {
        "outcome/document.yaml": b"title: A made-up convention\nnumbering:\n  paragraphs: per-article\n",
        "outcome/delegations.yaml": b"delegations:\n  - {name: Kenya, kind: member-state, code: KEN}\n",
        "outcome/01-article-1/section.yaml": b'kind: article\nnumber: "1"\n',
        "outcome/01-article-1/001.md": f"---\nid: p-a1\nstatus: open\n---\n{text}\n".encode(),
    }
    for folder, number, words in [
        ("02-annex-i", "I", "Species."),
        ("03-annex-ii", "II", "The commission."),
        ("04-annex-iii", "III", "Conditions."),
        ("05-annex-i", "I", inside or "Resolution I."),
        ("06-annex-ii", "II", "A statement."),
    ]:
        files[f"outcome/{folder}/section.yaml"] = f'kind: annex\nnumber: "{number}"\nheading: ANNEX {number}\n'.encode()
        files[f"outcome/{folder}/001.md"] = f"---\nid: p-{folder}\nstatus: open\n---\n{words}\n".encode()
    return files


def targets(files: dict[str, bytes], paragraph: str) -> list[str]:
    from zerodraft.references.resolve import Index

    document = reader.read(MemoryTree(files), "outcome").document
    index = Index(document)
    (found,) = (p for p in document.paragraphs() if p.id == paragraph)
    return [r.section.path if r.section else r.status.value for x in index.references(found) for r in x.resolutions]


def test_annexes_numbered_again_belong_to_the_text_they_follow() -> None:
    files = treaty_with_final_act("As set out in Annex II.", inside="As set out in annex II.")
    assert problems(files) == []  # the headings "ANNEX I" name themselves, twice, and are not ambiguous
    assert targets(files, "p-a1") == ["outcome/03-annex-ii"]
    assert targets(files, "p-05-annex-i") == ["outcome/06-annex-ii"]


def test_annexes_numbered_alike_at_different_levels_stay_ambiguous() -> None:
    files = treaty_with_final_act("As set out in Annex II.")
    files["outcome/03-annex-ii/002-annex-ii/section.yaml"] = b'kind: annex\nnumber: "II"\n'
    files["outcome/03-annex-ii/002-annex-ii/001.md"] = b"---\nid: p-inner\nstatus: open\n---\nText.\n"
    assert [p.split()[0] for p in problems(files)] == ["ZD703"]


def corpus_problems(tmp_path: Path, name: str) -> list[str]:
    """The ZD7xx lines of ``zerodraft check`` on the real corpus file ``name``, imported."""
    zerodraft = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "zerodraft"
    run = [str(zerodraft) if zerodraft.exists() else "zerodraft"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(
        [*run, "import", str(CORPUS / name), "--into", "outcome"], cwd=tmp_path, check=True, capture_output=True
    )
    result = subprocess.run([*run, "check"], cwd=tmp_path, capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if " ZD7" in line]


@pytest.mark.skipif(
    not (CORPUS / "resolution-ga-78-272.pdf").is_file(), reason="the corpus is not beside the repository"
)
@pytest.mark.parametrize(
    "name", ["resolution-ga-78-272.pdf", "resolution-ga-80-107.pdf", "decisions-cma4-2022-1-to-5.txt"]
)
def test_resolutions_and_decisions_citing_a_treatys_articles_check_clean(tmp_path: Path, name: str) -> None:
    assert corpus_problems(tmp_path, name) == []


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "treaty-unclos-1982.pdf").is_file(), reason="the corpus is not beside the repository")
def test_unclos_annexes_are_the_conventions_not_the_final_acts(tmp_path: Path) -> None:
    assert [line for line in corpus_problems(tmp_path, "treaty-unclos-1982.pdf") if "refers to annex" in line] == []
