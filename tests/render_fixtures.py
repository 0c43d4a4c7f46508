"""A richer document for the renderer tests: the example plus every drafting mark."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import write_paragraph

B = "02-b-international-cooperation"


def enrich(base: Path) -> Path:
    """Add subparagraphs, footnotes, alternatives, a reservation, a deletion, emphasis and
    links to the example copied at ``base/outcome``; the result passes ``zerodraft check``."""
    outcome = base / "outcome"
    heading = yaml.safe_load((outcome / B / "section.yaml").read_text(encoding="utf-8"))["heading"]
    (outcome / B / "section.yaml").write_text(  # a heading that cites a footnote
        yaml.safe_dump({"heading": f"{heading}[^h]\n\n[^h]: As the provisional agenda words it."}), encoding="utf-8"
    )
    write_paragraph(
        outcome / B / "007.md",
        "p-a1b2c3d4e508",
        "To strengthen international cooperation and assistance, including capacity-building, "
        "in accordance with the needs of States.",
        "agreed-ad-ref",
        reservations=["Iran (Islamic Republic of)"],
    )
    write_paragraph(
        outcome / B / "008.md",
        "p-b1b2c3d4e509",
        "To encourage States, on a voluntary basis, to:\n"
        "(a) *Exchange* information on [national][relevant] practices;[^a]\n"
        "(b) Report on:\n"
        "(i) stockpile management, see [the PoA](https://www.un.org/disarmament/convarms/salw/);\n"
        "(ii) marking under the **International Tracing Instrument**;\n"
        "(c) Consider \\[square brackets\\] typed literally.\n"
        "\n"
        "[^a]: https://smallarms.un-arm.org/",
        "open",
        supported_by=["Kenya"],
    )
    write_paragraph(
        outcome / B / "008alt.md",
        "p-b1b2c3d4e510",
        "To [urge][invite] States to exchange information on national practices.",
        "proposed",
        proposed_by=["Kenya"],
    )
    write_paragraph(
        outcome / B / "009.md",
        "p-b1b2c3d4e511",
        "Alt 1: To establish an open-ended technical expert group.[^x]\n"
        "Alt 2: To convene a meeting of experts in 2024.\n"
        "\n"
        "[^x]: As proposed in A/CONF.192/BMS/2018/WP.1.",
        "open",
    )
    write_paragraph(outcome / B / "010.md", "p-b1b2c3d4e512", "To welcome the report.", "deleted")
    config = outcome / "document.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text
        + "header-note: >-\n  The provisionally agreed agenda for BMS7 provides guidance for the draft outcome.[^1]\n\n"
        "  [^1]: A/CONF.192/BMS/2021/1\n",
        encoding="utf-8",
    )
    from zerodraft import checks
    from zerodraft.reader import read
    from zerodraft.source import WorkingTree

    reading = read(WorkingTree(base))
    assert not reading.problems and not checks.run(reading.document), "the rich fixture must pass check"
    return base
