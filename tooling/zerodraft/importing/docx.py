"""Word (.docx), read with python-docx.

- **Automatic numbering.** Paragraph numbers in a Word draft usually come from Word's
  numbering (``w:numPr`` on the paragraph or its style), not from the text. They are
  computed here as Word would: a counter per list and level, deeper levels restarting, the
  level's format (``decimal``, ``lowerLetter``, ``lowerRoman`` …) put into its template
  (``%1.``, ``(%2)``), and the result put before the paragraph's text ("18. To ensure …",
  "(a) To …") so that the recogniser sees what a reader of the printed draft sees.
- **Headings** from the ``Heading N`` and ``Title`` styles, or a paragraph set wholly in bold.
- **Footnotes** from ``word/footnotes.xml``: each reference becomes ``[^n]`` and each body a
  footnote block.
- Italics become ``*…*`` (GA-style participles); tracked insertions are read as text, tracked
  deletions are not; tables are not read (the import says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zerodraft.errors import Fatal
from zerodraft.importing import joining
from zerodraft.importing.blocks import Block, Kind, Stream
from zerodraft.importing.plaintext import HEADER_RE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ESCAPE = re.compile(r"([\\*`<])")
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a Word list."""

    start: int
    format: str
    template: str


@dataclass
class _Numbering:
    """Word's numbering definitions, and the counters as the document runs."""

    levels: dict[str, dict[int, Level]]
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        definition = levels[level]
        if definition.format in ("bullet", "none"):
            return ""

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            spec = levels.get(index)
            count = counts.get(index, spec.start if spec else 1)
            return _format(count, spec.format if spec else "decimal")

        return re.sub(r"%([1-9])", value, definition.template)


def read(path: str | Path) -> Stream:
    """The blocks of a Word draft."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise Fatal(f"'{path}' could not be read as a Word document ({error})") from None
    numbering = _numbering(document)
    footnotes = _footnotes(document)
    cited: dict[str, str] = {}
    blocks: list[Block] = []
    for position, paragraph in enumerate(document.paragraphs, 1):
        text = _text(paragraph._p, footnotes, cited)
        if not text:
            continue
        num = _num_pr(paragraph)
        label = numbering.label(*num) if num else ""
        if label:
            text = f"{label} {text}"
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = re.match(r"Heading (\d)", style or "")
        if not any(b.kind is not Kind.HEADING for b in blocks) and HEADER_RE.match(text.strip("*_ ")):
            blocks.append(Block(position, Kind.HEADER, text.strip("*_ ")))
        elif heading or style == "Title":
            level = int(heading.group(1)) if heading else 1
            blocks.append(Block(position, Kind.HEADING, text, level=level))
        elif _all_bold(paragraph) and len(text) <= 300:
            blocks.append(Block(position, Kind.HEADING, text, level=0))
        else:
            blocks.append(Block(position, Kind.PARAGRAPH, text))
    for number, (ident, body) in enumerate(cited.items(), 1):
        del ident
        blocks.append(Block(len(document.paragraphs) + number, Kind.FOOTNOTE, body, label=str(number)))
    words = joining.words(b.text for b in blocks)
    notes = []
    if document.tables:
        count = len(document.tables)
        notes.append(f"{count} table{'s' * (count != 1)} in the Word file {'were' if count != 1 else 'was'} not read")
    return Stream(tuple(blocks), words=words, markup=True, notes=tuple(notes))


def _text(element: Any, footnotes: dict[str, str], cited: dict[str, str]) -> str:
    parts: list[str] = []
    for run in element.iter(f"{W}r"):
        if run.getparent() is not None and run.getparent().tag == f"{W}del":
            continue
        italic = _flag(run, "i")
        bold = _flag(run, "b")
        pieces: list[str] = []
        for child in run:
            if child.tag == f"{W}t":
                pieces.append(_ESCAPE.sub(r"\\\1", child.text or ""))
            elif child.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                pieces.append(" ")
            elif child.tag == f"{W}footnoteReference":
                ident = child.get(f"{W}id", "")
                if ident in footnotes:
                    cited.setdefault(ident, footnotes[ident])
                    pieces.append(f"[^{list(cited).index(ident) + 1}]")
        text = "".join(pieces)
        if text.strip() and italic and not bold and "[^" not in text:
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.DOTALL).groups()  # type: ignore[union-attr]
            text = f"{lead}*{core}*{trail}"
        parts.append(text)
    merged = "".join(parts).replace("**", "")
    return joining.squeeze(merged)


def _flag(run: Any, name: str) -> bool:
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    tag = props.find(f"{W}{name}")
    return tag is not None and tag.get(f"{W}val", "true") not in ("0", "false", "off")


def _all_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The list and level of a paragraph, from itself or its style chain."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for props in sources:
        if props is None or props.numPr is None:
            continue
        num_pr = props.numPr
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id is None or str(num_id) == "0":
            return None
        return str(num_id), int(level)
    return None


def _numbering(document: Any) -> _Numbering:
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return _Numbering({})
    abstract: dict[str, dict[int, Level]] = {}
    links: dict[str, str] = {}  # abstractNumId -> the list style it borrows its levels from
    for node in root.iter(f"{W}abstractNum"):
        ident = node.get(f"{W}abstractNumId", "")
        abstract[ident] = {int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in node.iter(f"{W}lvl")}
        link = node.find(f"{W}numStyleLink")
        if link is not None:
            links[ident] = link.get(f"{W}val", "")
    num_abstract = {
        node.get(f"{W}numId", ""): ref.get(f"{W}val", "")
        for node in root.iter(f"{W}num")
        if (ref := node.find(f"{W}abstractNumId")) is not None
    }
    for ident, style_id in links.items():  # a list style: its levels live where its style points
        target = _style_num_id(document, style_id)
        if target in num_abstract and abstract.get(num_abstract[target]):
            abstract[ident] = abstract[num_abstract[target]]
    nums: dict[str, dict[int, Level]] = {}
    for node in root.iter(f"{W}num"):
        levels = dict(abstract.get(num_abstract.get(node.get(f"{W}numId", ""), ""), {}))
        for override in node.iter(f"{W}lvlOverride"):
            index = int(override.get(f"{W}ilvl", "0"))
            replacement = override.find(f"{W}lvl")
            if replacement is not None:
                levels[index] = _level(replacement)
            start = override.find(f"{W}startOverride")
            if start is not None and index in levels:
                old = levels[index]
                levels[index] = Level(int(start.get(f"{W}val", "1")), old.format, old.template)
        nums[node.get(f"{W}numId", "")] = levels
    return _Numbering(nums)


def _level(lvl: Any) -> Level:
    start = lvl.find(f"{W}start")
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    return Level(
        int(start.get(f"{W}val", "1")) if start is not None else 1,
        fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
        text.get(f"{W}val", "") if text is not None else "",
    )


def _style_num_id(document: Any, style_id: str) -> str:
    """The list a (list) style numbers with."""
    for style in document.styles.element.iter(f"{W}style"):
        if style.get(f"{W}styleId") == style_id:
            num = style.find(f"{W}pPr/{W}numPr/{W}numId")
            return num.get(f"{W}val", "") if num is not None else ""
    return ""


def _footnotes(document: Any) -> dict[str, str]:
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            root = etree.fromstring(part.blob)
            out = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                out[note.get(f"{W}id", "")] = joining.squeeze(" ".join(_text(p, {}, {}) for p in note.iter(f"{W}p")))
            return out
    return {}


def _format(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = count
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out, n = "", count
        for value, numeral in ROMAN:
            while n >= value:
                out += numeral
                n -= value
        return out.upper() if fmt == "upperRoman" else out
    return str(count)
