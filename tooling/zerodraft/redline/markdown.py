"""The redline as Markdown, for pull-request comments and release notes.

Deleted words are struck through (``~~old~~``) and inserted words are bold (``**new**``);
each paragraph starts with its number ("18 (was 17 bis)"), its label change if any, and
whether it was inserted, deleted or moved; the heading of a Part (annex, article …)
inserted or deleted as a whole says so under it.
"""

from __future__ import annotations

from zerodraft.redline import Block, Redline, word
from zerodraft.wordiff import Change


def render(redline: Redline) -> str:
    """The whole redline as one Markdown document, its words in the redline's language."""
    language = redline.language
    struck, bold = f"~~{word(language, 'struck')}~~", f"**{word(language, 'bold')}**"
    lines = [
        f"# {redline.title()}",
        "",
        word(language, "how-markdown", struck=struck, bold=bold) + " " + redline.summary() + ".",
        "",
    ]
    for block in redline.blocks:
        lines += _block(block, language)
    return "\n".join(lines).rstrip("\n") + "\n"


def _block(block: Block, language: str) -> list[str]:
    if block.what == "heading":
        item = block.new or block.old
        assert item is not None
        text = inline(block.changes) if block.kind != "same" else item.text
        said = [f"_({block.whole_words(language)})_", ""] if block.whole else []
        return ["#" * min(item.depth + 2, 6) + " " + text.replace("\n", " "), "", *said]
    number = block.printed_number(language)
    head = [f"**{number}**"] if number else []
    facts = block.facts(language=language)
    if facts:
        head.append("_(" + word(language, "semicolon").join(facts) + ")_")
    if block.kind == "moved-from":
        return [" ".join(head), ""]
    body = inline(block.changes) if block.kind != "same" else (block.new.text if block.new else "")
    return [" ".join(head), "", body, ""]


def inline(changes: tuple[Change, ...] | list[Change]) -> str:
    """Word changes as Markdown: ``~~deleted~~`` and ``**inserted**``, line by line, with the
    marks kept off the white space at either end so that Markdown recognises them."""
    out: list[str] = []
    for change in changes:
        if change.op == "equal":
            out.append(change.text)
            continue
        mark = "~~" if change.op == "delete" else "**"
        pieces = []
        for line in change.text.split("\n"):
            core = line.strip()
            if not core:
                pieces.append(line)
                continue
            lead = line[: len(line) - len(line.lstrip())]
            trail = line[len(line.rstrip()) :]
            pieces.append(f"{lead}{mark}{core}{mark}{trail}")
        out.append("\n".join(pieces))
    return "".join(out)
