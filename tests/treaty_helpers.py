"""A test-only splitter: the English BBNJ Agreement cut into the treaty structure of
docs/format.md (Parts, articles with numbered and unnumbered paragraphs, annexes) without the
importer, so that the aligner is tested on the six real texts on its own.

It knows the layout of that one text file and nothing else; it is not a recogniser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from conftest import UN_CORPUS
from zerodraft.languages.skeleton import Slot, Unit
from zerodraft.numbering import Number

CORPUS = UN_CORPUS
BBNJ = {tag: CORPUS / f"treaty-bbnj-agreement-2023.{tag}.txt" for tag in ("en", "fr", "es", "ru", "zh", "ar")}
_HEADED = re.compile(r"^(?P<kind>PART|Article|ANNEX) (?P<number>\d+|[IVX]+)$")
_NUMBERED = re.compile(r"^(\d+)\. (.*)$")
_TEXT_STARTS = re.compile(r" (?=[A-Z])")
_PARTICIPLE = re.compile(r"(?<=,) (?=[A-Z][a-z]+(?:ing|ed)\b)")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class _Open:
    path: str
    kind: str
    number: int
    title: str
    slots: list[list[object]] = field(default_factory=list)

    def freeze(self) -> Unit:
        slots = tuple(Slot(str(p), n if isinstance(n, Number) else None, str(t)) for p, n, t in self.slots)
        return Unit(self.path, self.kind, Number(self.number), self.title, slots)


def english_units(root: str = "outcome") -> tuple[Unit, ...]:
    """The English BBNJ Agreement as units, with the paths the treaty layout gives them."""
    lines = [line.strip() for line in BBNJ["en"].read_text(encoding="utf-8").split("\n") if line.strip()]
    preamble = _PARTICIPLE.split(lines[1].removeprefix("PREAMBLE ").strip())
    folder = f"{root}/00-preamble"
    units: list[Unit] = [
        Unit(
            folder,
            "preamble",
            None,
            "",
            tuple(Slot(f"{folder}/{i:03d}.md", None, p) for i, p in enumerate(preamble, 1)),
        )
    ]
    opened: list[_Open] = []
    part = root
    index = 2
    while index < len(lines):
        headed = _HEADED.match(lines[index])
        if headed is None:
            _add_line(opened[-1], lines[index])
            index += 1
            continue
        kind, label = headed["kind"].lower(), headed["number"]
        number = int(label) if label.isdigit() else _ROMAN.index(label) + 1
        title_line = lines[index + 1]
        index += 2
        if kind == "part":
            part = f"{root}/{number:02d}-part-{label.lower()}"
            opened.append(_Open(part, "part", number, title_line))
            continue
        path = (
            f"{part}/{number:03d}-article-{number}"
            if kind == "article"
            else f"{root}/{90 + number}-annex-{label.lower()}"
        )
        next_numbered = index < len(lines) and _NUMBERED.match(lines[index]) is not None
        split = _TEXT_STARTS.search(title_line)
        unit = _Open(path, kind, number, title_line)
        if split and (not next_numbered or title_line.endswith(":")):
            unit.title = title_line[: split.start()]
            unit.slots.append([f"{path}/000u.md", None, title_line[split.end() :]])
        opened.append(unit)
    return (*units, *(u.freeze() for u in opened))


def _add_line(unit: _Open, line: str) -> None:
    numbered = _NUMBERED.match(line)
    if numbered and unit.kind == "article":
        number = int(numbered[1])
        unit.slots.append([f"{unit.path}/{number:03d}.md", Number(number), numbered[2]])
    elif unit.slots:
        unit.slots[-1][2] = f"{unit.slots[-1][2]}\n\n{line}"
    else:
        unit.slots.append([f"{unit.path}/000u.md", None, line])


def write_tail(base: Path, first: int = 73) -> Path:
    """The English BBNJ Agreement from Article ``first`` to the end (articles 73–76 and both
    annexes), written as a document in today's layout: one top-level folder per article or
    annex, paragraphs numbered per section.  Returns the document folder."""
    text = BBNJ["en"].read_text(encoding="utf-8")
    lines = [line.strip() for line in text[text.index(f"\nArticle {first}\n") :].split("\n") if line.strip()]
    root = base / "outcome"
    root.mkdir(parents=True)
    (root / "document.yaml").write_text(
        "title: Agreement under the United Nations Convention on the Law of the Sea (BBNJ)\n"
        "draft:\n  name: Draft 1\n  date: 2023-06-19\n"
        "numbering:\n  paragraphs: per-section\n  preamble: numbered\n"
        "languages:\n  original: en\n",
        encoding="utf-8",
    )
    (root / "delegations.yaml").write_text("delegations:\n  - name: Kenya\n    kind: member-state\n", encoding="utf-8")
    folder: Path | None = None
    paragraphs: list[str] = []

    def flush() -> None:
        for number, body in enumerate(paragraphs, 1):
            ident = f"{folder.name}-{number}" if folder else f"p{number}"
            (folder / f"{number:03d}.md").write_text(f"---\nid: {ident}\nstatus: open\n---\n{body}\n", encoding="utf-8")  # type: ignore[operator]
        paragraphs.clear()

    order = 0
    for index, line in enumerate(lines):
        headed = _HEADED.match(line)
        if headed is not None:
            flush()
            order += 1
            folder = root / f"{order:02d}-{headed['kind'].lower()}-{headed['number'].lower()}"
            folder.mkdir()
            (folder / "section.yaml").write_text(f"heading: {line}\n", encoding="utf-8")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        numbered = _NUMBERED.match(line)
        if numbered:
            paragraphs.append(numbered[2])
        elif paragraphs:
            paragraphs[-1] += f"\n\n{line}"
        elif _HEADED.match(lines[index - 1]) and (_NUMBERED.match(following) or following.startswith("(")):
            continue  # the title, on the line after the heading
        else:
            paragraphs.append(line)  # a title that runs into the only paragraph: kept as printed
    flush()
    return root
