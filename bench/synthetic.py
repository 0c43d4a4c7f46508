"""A synthetic outcome document of N paragraphs: real-looking text, labels, brackets,
bis paragraphs, attribution and subparagraphs.  Used by the benchmarks in this folder."""

from __future__ import annotations

import random
from pathlib import Path

PARTICIPLES = ["Reaffirming", "Recognizing", "Noting", "Emphasizing", "Acknowledging", "Welcoming"]
VERBS = ["To strengthen", "To ensure", "To promote", "To enhance", "To support", "To consider"]
OBJECTS = [
    "national controls over the entire life cycle of small arms and light weapons",
    "international cooperation and assistance, including capacity-building",
    "the marking, record-keeping and tracing of small arms and light weapons",
    "the [full and effective] implementation of the Programme of Action",
    "measures to prevent the diversion and the illicit international transfer of [weapons][arms]",
    "the participation of women in policymaking, planning and implementation processes",
]
STATES = ["Kenya", "European Union", "Mexico", "Japan", "Nigeria", "Brazil", "Canada", "Indonesia"]
STATUSES = ["open"] * 6 + ["agreed-ad-ref"] * 2 + ["agreed", "proposed", "deleted"]

ROSTER = "delegations:\n" + "".join(f"  - {{name: {s}, kind: member-state, logins: []}}\n" for s in STATES)
DOCUMENT = """title: Outcome of a synthetic meeting
draft: {name: Draft 2, date: 2021-07-02}
numbering: {paragraphs: continuous, preamble: numbered}
"""


def paragraph_text(rng: random.Random, preamble: bool, agreed: bool) -> str:
    lead = rng.choice(PARTICIPLES) if preamble else rng.choice(VERBS)
    text = f"{lead} {rng.choice(OBJECTS)}, in line with {rng.choice(OBJECTS)}."
    if not preamble and rng.random() < 0.2:
        text += "\n\n(a) " + rng.choice(OBJECTS) + ";\n(b) " + rng.choice(OBJECTS) + "."
    if agreed:
        text = text.replace("[", "").replace("]", "")
    return text


def make(root: Path, count: int = 10_000, seed: int = 7, sections: int = 20) -> Path:
    """Write ``root/outcome`` with ``count`` paragraphs; returns ``root``."""
    rng = random.Random(seed)
    outcome = root / "outcome"
    outcome.mkdir(parents=True)
    (outcome / "document.yaml").write_text(DOCUMENT)
    (outcome / "delegations.yaml").write_text(ROSTER)
    per = max(1, count // sections)
    number = 0
    for s in range(sections):
        folder = outcome / (f"{s:02d}-preamble" if s == 0 else f"{s:02d}-section-{s}")
        folder.mkdir()
        if s == 0:
            (folder / "section.yaml").write_text('heading: ""\npreamble: true\n')
        else:
            (folder / "section.yaml").write_text(f"heading: {chr(64 + s % 26 or 26)}. Consideration of item {s}\n")
        for _ in range(per if s < sections - 1 else count - number):
            number += 1
            status = rng.choice(STATUSES)
            fields = [f"id: p-{number:012x}", f"status: {status}"]
            if status == "proposed" or rng.random() < 0.1:
                fields.append(f"proposed-by: [{rng.choice(STATES)}]")
            if rng.random() < 0.1:
                fields.append(f"opposed-by: [{rng.choice(STATES)}]")
            text = paragraph_text(rng, s == 0, status in ("agreed", "agreed-ad-ref"))
            (folder / f"{number:05d}.md").write_text("---\n" + "\n".join(fields) + "\n---\n" + text + "\n")
    return root
