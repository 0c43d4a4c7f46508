"""A treaty's preamble flattened onto one line, put back into its paragraphs.

A text extracted from a PDF and flattened ("one paragraph a line", as corpora and web pages
keep treaties) can run the whole preamble into one line::

    PREAMBLE The Parties to this Agreement, Recalling the relevant provisions …, Stressing
    the need …, Recognizing also that …, Have agreed as follows:

Printed, that is the heading "PREAMBLE", the chapeau "The Parties to this Agreement," and one
paragraph for each participle.  Such a line is split into those pieces, each a block of its
own at the same source line, so that the recogniser reads it as it reads the printed layout:
a preamble whose paragraphs are unnumbered (``preambular`` in the JSON export).  A participle
starts a paragraph only where it is capitalised after a comma or semicolon ("…, Recognizing
also that …"); inside a preambular paragraph participles are in lower case.  Nothing is
dropped: the pieces, joined with a space, are the line.

Such a source may also run a heading into its title and text, one heading a line (UNCLOS as
corpora keep it): "PART XI THE AREA", "Article 2 Legal status of the territorial sea …
subsoil 1. The sovereignty of a coastal State …".  :func:`headings` cuts such a line as a
page prints it: the label ("PART XI", "Article 2"), then a title in capitals, then the text;
an article's title is cut from its text where its paragraph 1 starts ("… subsoil" / "1. The
sovereignty …"; a title run into unnumbered text is the recogniser's to find), and the next
article's heading run into the end of an article ("… of the Tribunal. Article 31 Request to
intervene 1. …") starts a line of its own.  A line that
already reads as a heading ("SECTION 1. GENERAL PROVISIONS", "Article 5") is left whole.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from zerodraft.importing.blocks import Block, Kind
from zerodraft.importing.labels import ARTICLE_RE, INSERTION, OCR_DIGITS, PART_RE, PARTICIPLE_RE, RESOLUTION_RE

#: "PREAMBLE The Parties to this Agreement, Recalling …": a heading word (optional), a
#: chapeau ending in a comma, then a participle.
FLATTENED_RE = re.compile(
    r"^(?:(?P<heading>PREAMBLE|Preamble)\s+)?(?P<chapeau>(?:The|Les?|La|El|Los)\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,10},)"
    r"\s+(?P<rest>\S.*)$"
)
#: Where a new preambular paragraph starts inside the line: after a comma or semicolon, a
#: capitalised participle.
BOUNDARY_RE = re.compile(r"(?<=[,;])\s+(?=[A-Z*])")


def split(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every flattened preamble split into its heading, chapeau and paragraphs."""
    out: list[Block] = []
    for block in blocks:
        pieces = _pieces(block.text) if block.kind in (Kind.LINE, Kind.PARAGRAPH) else None
        if pieces is None:
            out.append(block)
            continue
        for position, piece in enumerate(pieces):
            out.append(replace(block, text=piece, gap=block.gap or position > 0))
    return out


def _pieces(text: str) -> list[str] | None:
    """The heading, chapeau and paragraphs of a flattened preamble, or None if ``text`` is
    not one (fewer than two participles)."""
    match = FLATTENED_RE.match(text)
    if match is None or not PARTICIPLE_RE.match(match.group("rest")):
        return None
    paragraphs: list[str] = []
    for piece in BOUNDARY_RE.split(match.group("rest")):
        if paragraphs and not PARTICIPLE_RE.match(piece):
            paragraphs[-1] = f"{paragraphs[-1]} {piece}"
        else:
            paragraphs.append(piece)
    if len(paragraphs) < 2:
        return None
    heading = [match.group("heading")] if match.group("heading") else []
    return [*heading, match.group("chapeau"), *paragraphs]


#: "Article 2 Legal status …": an article's label, then more on the same line.
ARTICLE_LINE_RE = re.compile(
    rf"^(?P<label>(?:Article|ARTICLE)\s+(?=[\dlIO]*\d)[\dlIO]{{1,3}}(?:\s+(?:{INSERTION})\b)?)\s+(?P<rest>[A-Z“\"(\[].*)$"
)
#: "PART XI THE AREA", "SECTION 3. INNOCENT PASSAGE": a Part's (chapter's, section's, annex's
#: …) label, then more on the same line.
DIVISION_LINE_RE = re.compile(
    r"^(?P<label>(?:PART|Part|CHAPTER|Chapter|SECTION|Section|SUBSECTION|Subsection|ANNEX|Annex|APPENDIX|Appendix)"
    r"\s+(?:[IVXLC]{1,7}|\d{1,3}|[A-Z])\.?)\s+(?P<rest>[A-Z].*)$"
)
#: An article's title, then its paragraph 1: "Use of terms and scope 1. For the purposes …".
TITLE_THEN_ONE_RE = re.compile(r"^(?P<title>[A-Z][^.;:]{2,250}?)\s+(?P<one>1\.(?:\s+[A-Z“\"(\[].*)?)$")


def headings(blocks: list[Block]) -> list[Block]:
    """``blocks`` (of a flattened source) with every heading run into its title and text cut
    as a page prints them (see the module's docstring)."""
    out: list[Block] = []
    article = 0
    for block in blocks:
        if block.kind is not Kind.LINE:
            out.append(block)
            continue
        lines = _next_articles(block.text, article)
        for index, line in enumerate(lines):
            pieces = _heading_pieces(line) or [line]
            for position, piece in enumerate(pieces):
                gap = block.gap if index == 0 and position == 0 else False
                out.append(replace(block, text=piece, gap=gap) if piece != block.text else block)
                label = ARTICLE_RE.match(piece)
                if label is not None and label.group("n").isdigit():
                    article = int(label.group("n"))
    return out


def _scanned(number: int) -> str:
    """A pattern for ``number`` as a scan may print it: "31" or "3l" (l or I for 1, O for 0)."""
    return "".join("[1lI]" if c == "1" else "[0O]" if c == "0" else c for c in str(number))


def _next_articles(text: str, article: int) -> list[str]:
    """``text`` cut before the next article's heading run into it after a full stop ("… the
    members of the Tribunal. Article 31 Request to intervene 1. Should …"): only the number
    after the article's own, then a capitalised title."""
    own = ARTICLE_LINE_RE.match(text)
    current = int(own.group("label").split()[1].translate(OCR_DIGITS)) if own else article
    lines: list[str] = []
    while True:
        found = re.search(rf"(?<=[.;:])\s+(?=Article\s+{_scanned(current + 1)}\s+[A-Z])", text)
        if found is None or current == 0:
            return [*lines, text]
        lines.append(text[: found.start()])
        text = text[found.end() :]
        current += 1


def _heading_pieces(text: str) -> list[str] | None:
    if ARTICLE_RE.match(text) or PART_RE.match(text):
        return None
    article = ARTICLE_LINE_RE.match(text)
    if article is not None:
        rest = article.group("rest")
        titled = TITLE_THEN_ONE_RE.match(rest)
        if titled is not None and len(titled.group("title").split()) <= 40:
            return [article.group("label"), titled.group("title"), titled.group("one")]
        return [article.group("label"), rest]
    division = DIVISION_LINE_RE.match(text)
    if division is None:
        return None
    words = division.group("rest").split()
    capitals = list(itertools.takewhile(lambda w: not any(c.islower() for c in w), words))
    if not capitals or RESOLUTION_RE.match(" ".join(capitals[:2])):
        return [division.group("label"), division.group("rest")] if capitals else None
    title, after = " ".join(capitals), " ".join(words[len(capitals) :])
    return [division.group("label"), title, *([after] if after else [])]
