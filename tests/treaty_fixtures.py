"""Small hand-made documents of the families issue 13 models: a treaty (Parts, articles with
titles and their own numbering, an unnumbered chapeau, a one-paragraph article, a bracketed
article, ``ante`` and decimal numbers, an option block, an annex) and a GA decision with no
numbered paragraph.  Each is written into ``tmp_path`` as ``outcome/``."""

from __future__ import annotations

from pathlib import Path

from conftest import UN_CORPUS, git, write_paragraph

ROSTER = "delegations:\n  - {name: Kenya, kind: member-state, code: KEN}\n  - {name: Norway, kind: member-state, code: NOR}\n"

TREATY_DOCUMENT = """title: Agreement on the conservation of a made-up sea
draft:
  name: Draft 1
  date: 2026-03-01
numbering:
  paragraphs: per-article
  preamble: unnumbered
"""

#: folder -> section.yaml text
TREATY_SECTIONS: dict[str, str] = {
    "00-preamble": "preamble: true\n",
    "01-agreed": "numbered: false\nuntitled: true\n",
    "02-part-i": 'kind: part\nnumber: "I"\ntitle: GENERAL PROVISIONS\n',
    "02-part-i/01-article-1": 'kind: article\nnumber: "1"\ntitle: Use of terms\n',
    "02-part-i/02-article-2": 'kind: article\nnumber: "2"\ntitle: Objective\nnumbered: false\n',
    "02-part-i/02bis-article-2-bis": 'kind: article\nnumber: "2 bis"\ntitle: "[Regional cooperation]"\nbracketed: true\n',
    "02-part-i/03-article-3": 'kind: article\nnumber: "3"\ntitle: Application\n',
    "03-part-ii": 'kind: part\nnumber: "II"\ntitle: MEASURES\n',
    "03-part-ii/04-article-4": 'kind: article\nnumber: "4"\n',
    "03-part-ii/04-article-4/01-options": "kind: options\n",
    "03-part-ii/04-article-4/01-options/01-option-i": 'kind: option\nnumber: "I"\n',
    "03-part-ii/04-article-4/01-options/02-option-ii": 'kind: option\nnumber: "II"\n',
    "04-annex-i": 'kind: annex\nnumber: "I"\ntitle: Criteria\n',
}

#: file -> text (every file gets an id and the label "open")
TREATY_PARAGRAPHS: dict[str, str] = {
    "00-preamble/001.md": "*The States Parties to this Agreement*,",
    "00-preamble/002.md": "*Recalling* the relevant provisions of the Convention,",
    "01-agreed/001.md": "Have agreed as follows:",
    "02-part-i/01-article-1/000u.md": "For the purposes of this Agreement:",
    "02-part-i/01-article-1/001.md": '"Area" means the sea-bed beyond national jurisdiction.',
    "02-part-i/01-article-1/002.md": '"Party" means a State that has consented to be bound.',
    "02-part-i/02-article-2/001.md": "The objective of this Agreement is to ensure conservation.",
    "02-part-i/02bis-article-2-bis/001.md": "[Parties shall cooperate at the regional level.]",
    "02-part-i/03-article-3/001.md": "This Agreement applies to areas beyond national jurisdiction.",
    "02-part-i/03-article-3/002ante.md": "[Nothing in this Agreement shall prejudice the Convention.]",
    "02-part-i/03-article-3/002.md": "This Agreement does not apply to warships.",
    "02-part-i/03-article-3/002.1.md": "Each Party shall ensure that its vessels act consistently.",
    "02-part-i/03-article-3/002.2.md": "| Zone | Regime |\n| --- | --- |\n| Area | common heritage |",
    "03-part-ii/04-article-4/001.md": "Parties shall take measures.",
    "03-part-ii/04-article-4/01-options/01-option-i/001.md": "Measures shall be binding.",
    "03-part-ii/04-article-4/01-options/01-option-i/002.md": "Measures shall be reviewed.",
    "03-part-ii/04-article-4/01-options/02-option-ii/001.md": "Measures shall be voluntary.",
    "04-annex-i/001.md": "Criteria shall include uniqueness.",
    "04-annex-i/002.md": "Criteria shall include rarity.",
}


def write_document(
    base: Path, document: str, sections: dict[str, str], paragraphs: dict[str, str], *, prefix: str = "t"
) -> Path:
    """Write ``outcome/`` under ``base`` from these parts; returns ``base``."""
    outcome = base / "outcome"
    outcome.mkdir(parents=True, exist_ok=True)
    (outcome / "document.yaml").write_text(document, encoding="utf-8")
    (outcome / "delegations.yaml").write_text(ROSTER, encoding="utf-8")
    for folder, text in sections.items():
        (outcome / folder).mkdir(parents=True, exist_ok=True)
        (outcome / folder / "section.yaml").write_text(text, encoding="utf-8")
    for index, (relative, text) in enumerate(paragraphs.items(), 1):
        write_paragraph(outcome / relative, f"{prefix}-{index:04d}", text)
    return base


def write_treaty(base: Path) -> Path:
    """The small treaty under ``base/outcome``; returns ``base``."""
    return write_document(base, TREATY_DOCUMENT, TREATY_SECTIONS, TREATY_PARAGRAPHS)


DECISION_DOCUMENT = """title: Decision on the revitalization of the work of the General Assembly
draft:
  name: Draft 1
  date: 2026-03-01
numbering:
  paragraphs: continuous
  preamble: unnumbered
"""


def write_decision(base: Path) -> Path:
    """A GA decision with no numbered paragraph: one ``numbered: false`` untitled section."""
    return write_document(
        base,
        DECISION_DOCUMENT,
        {"01-decision": "numbered: false\nuntitled: true\n"},
        {
            "01-decision/001.md": "The General Assembly decided to include the item in its provisional agenda.",
            "01-decision/002.md": "The General Assembly also decided to defer consideration of the item.",
        },
        prefix="d",
    )


def write_articles(base: Path, count: int = 12) -> Path:
    """A treaty of ``count`` articles in two Parts, each article with two numbered paragraphs
    (Article 4 with an unnumbered chapeau), and an annex with its own articles 1 and 2."""
    sections = {
        "00-preamble": "preamble: true\n",
        "01-part-i": 'kind: part\nnumber: "I"\ntitle: GENERAL PROVISIONS\n',
        "02-part-ii": 'kind: part\nnumber: "II"\ntitle: INSTITUTIONS\n',
        "03-annex-i": 'kind: annex\nnumber: "I"\ntitle: Procedures\n',
    }
    paragraphs = {"00-preamble/001.md": "*The Parties to this Agreement*,"}
    for n in range(1, count + 1):
        part = "01-part-i" if n <= count // 2 else "02-part-ii"
        folder = f"{part}/{n:02d}-article-{n}"
        sections[folder] = f'kind: article\nnumber: "{n}"\ntitle: Subject {n}\nheading: "Article {n}\\nSubject {n}"\n'
        if n == 4:
            paragraphs[f"{folder}/000u.md"] = "Each Party shall:"
        paragraphs[f"{folder}/001.md"] = f"Article {n}, first paragraph."
        paragraphs[f"{folder}/002.md"] = f"Article {n}, second paragraph."
    for n in (1, 2):
        folder = f"03-annex-i/{n:02d}-article-{n}"
        sections[folder] = f'kind: article\nnumber: "{n}"\n'
        paragraphs[f"{folder}/001.md"] = f"Annex article {n}."
    return write_document(base, TREATY_DOCUMENT, sections, paragraphs, prefix="a")


def released_bbnj(repo: Path) -> Path:
    """The BBNJ Agreement imported from its English text into ``repo`` (a new git repository,
    Kenya and Norway its delegations), checked and released as Draft 1: where a test's round
    starts.  Skips the test when the shared corpus is not here."""
    import pytest

    from zerodraft.main import main

    source = UN_CORPUS / "treaty-bbnj-agreement-2023.en.txt"
    if not source.exists():
        pytest.skip("the shared corpus is not here")
    assert main(["import", str(source), "--into", str(repo / "outcome")]) == 0
    (repo / "outcome/delegations.yaml").write_text(ROSTER)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "outcome")
    git(repo, "commit", "-q", "-m", "BBNJ Agreement, imported")
    assert main(["-C", str(repo), "check"]) == 0
    assert main(["-C", str(repo), "release", "--format", "none", "Draft 1", "--date", "2026-03-01"]) == 0
    return repo


def merge_and_release(secretariat: Path, branches: list[str]) -> str:
    """In the secretariat's clone: merge the delegations' pushed ``branches``, check, push and
    release Draft 2 (no artefacts but the release notes); what the release printed."""
    import contextlib
    import io

    from zerodraft.main import main

    git(secretariat, "fetch", "-q")
    for branch in branches:
        git(secretariat, "merge", "-q", "--no-ff", f"origin/{branch}", "-m", f"Merge {branch}")
    assert main(["-C", str(secretariat), "check"]) == 0
    git(secretariat, "push", "-q")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        released = main(["-C", str(secretariat), "release", "--format", "none", "Draft 2", "--date", "2026-04-01"])
    assert released == 0, printed.getvalue()
    return printed.getvalue()
