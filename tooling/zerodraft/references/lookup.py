"""What a diplomat types to name a part of the draft, found in it: the one resolver behind
``propose``, ``history`` and ``diff``.

``"18 bis"``, ``"OP18bis"``, ``"pp3"`` or a stable id name a paragraph; ``"Article 7(2)"``,
``"article 7, paragraph 2"``, ``"paragraph 2 of article 7"`` and, in a document numbered per
article, ``"7.2"`` name paragraph 2 of article 7; ``"Article 5"``, ``"Article 54 ter"``,
``"Annex I"``, ``"Part II"`` name a section.  A Part, chapter, section, annex or appendix
is named as diplomats write it, in any case and in Roman numerals or digits: ``"Part II"``,
``"part ii"``, ``"Part 2"``, ``"annex 2"``, ``"Chapter IV"``, ``"Section 2 of Part XI"``; one
the draft does not have is refused with the list of those it has (ZD212).  The words are read by the same grammar as
cross-references in the text (:mod:`zerodraft.references.grammar`) and found by the same
index (:mod:`zerodraft.references.resolve`), so that "article 7, paragraph 2" means one thing
wherever it is written.  A name that could mean two things is refused with both, never
guessed.
"""

from __future__ import annotations

import re

from zerodraft import numbering
from zerodraft.errors import Fatal
from zerodraft.model import DIVISIONS, Document, Paragraph, Section, SectionKind
from zerodraft.references.grammar import find
from zerodraft.references.resolve import Index, Status
from zerodraft.rounds.divisions import same_number

_SUFFIX = "|".join((numbering.ANTE, *numbering.SUFFIXES))
_DIVISION = re.compile(
    rf"^(?P<word>{'|'.join(k.value for k in DIVISIONS)})\s+(?P<n>[A-Za-z]{{1,7}}|\d{{1,4}})(?:\s*(?P<s>{_SUFFIX}))?\.?$",
    re.IGNORECASE,
)
"""A division as written: ``Part II``, ``part ii``, ``Annex 2``, ``Chapter IV bis``."""
UNKNOWN_DIVISION = "ZD212"
"""The code of a division named that the draft does not have (or has twice)."""
_PLURAL = {
    SectionKind.PART: "Parts",
    SectionKind.CHAPTER: "chapters",
    SectionKind.SECTION: "sections",
    SectionKind.ANNEX: "annexes",
    SectionKind.APPENDIX: "appendices",
}

Found = Paragraph | Section


def lookup(document: Document, name: str) -> Found:
    """The paragraph or section ``name`` means; :class:`Fatal`, in plain words, when there
    is none or it could mean more than one."""
    written = " ".join(name.split())
    if not written:
        raise Fatal(
            "name a paragraph or an article in the current draft: its number (18, 18 bis, Article 7(2)) or its id"
        )
    paragraph = document.find(written)
    if paragraph is not None:
        return paragraph
    found = _by_words(document, written)
    if found is None:
        found = _by_division(document, written)
    if found is None:
        found = _by_number(document, written)
    if found is None:
        raise Fatal(
            f"there is no paragraph '{written[:80]}' in the current draft: give its number (18, 18 bis), "
            "an article and paragraph (Article 7(2), article 7, paragraph 2), an article (Article 5) or an id"
        )
    return found


def lookup_paragraph(document: Document, name: str) -> Paragraph:
    """Like :func:`lookup`, for where only a paragraph will do."""
    found = lookup(document, name)
    if isinstance(found, Section):
        raise Fatal(f"'{name}' is {describe(document, found)}, not a paragraph; name one of its paragraphs")
    return found


def describe(document: Document, found: Found) -> str:
    """``Article 7`` / ``paragraph 2 of Article 7`` / ``paragraph 18 bis``, for messages."""
    if isinstance(found, Section):
        return " ".join(found.heading.splitlines()[:1]) or found.key
    section = document.section_of(found)
    label = f"paragraph {found.label}" if document.is_printed_numbered(found) else f"the paragraph {found.label}"
    article = next((s for s in reversed(document.ancestors(section)) if s.numbers_own), None)
    if article is not None:
        return f"{label} of {describe(document, article)}"
    return label


def _by_words(document: Document, written: str) -> Found | None:
    references = [r for r in find(written) if not r.external]
    if len(references) != 1 or references[0].start > 0 or references[0].end < len(written.rstrip(".")):
        return None
    reference = references[0]
    if not reference.targets:
        return None
    target = max(reference.targets, key=lambda t: len(t.within))
    referrer = Paragraph("", numbering.Number(0), f"{document.root}/-", (), "", None, "")
    single = type(reference)(reference.start, reference.end, reference.written, (target,), scope=reference.scope)
    if target.kind.value == "paragraph" and not target.within:
        return None  # "paragraph 18": by number, below
    (resolution,) = Index(document).resolve(referrer, single).resolutions
    if resolution.status is Status.AMBIGUOUS:
        places = ", ".join(resolution.candidates[:4])
        raise Fatal(f"'{written}' could mean more than one part of the draft ({places}); say which")
    if resolution.status not in (Status.FOUND, Status.DELETED):
        return None
    return resolution.paragraph or resolution.section


def _by_division(document: Document, written: str) -> Section | None:
    """The Part, chapter, section, annex or appendix ``written`` names ("Part 2", "Chapter
    IV", "Section 2 of Part XI"); ``None`` when it is not written as one; :class:`Fatal`
    (ZD212, with those the draft has) when the draft has no such division, or two."""
    names = [_DIVISION.match(piece) for piece in re.split(r"\s+of\s+|,\s+", written, flags=re.IGNORECASE)]
    if not names or not all(names):
        return None
    candidates = list(document.walk())
    for match in reversed(names):  # the outermost last: "Section 2 of Part XI"
        assert match is not None
        kind = SectionKind(match["word"].casefold())
        number = match["n"] + (f" {match['s']}" if match["s"] else "")
        found = [s for s in candidates if s.kind is kind and s.number and same_number(number, s.number)]
        if not found:
            raise Fatal(_no_division(document, kind, f"{kind.word.capitalize()} {_shown(number)}", candidates))
        candidates = [inner for s in found for inner in s.walk() if inner is not s]
    if len(found) > 1:
        places = "; ".join(_path_name(document, s) for s in found[:4])
        raise Fatal(
            f"{UNKNOWN_DIVISION} '{written}' could mean {len(found)} divisions of the draft ({places}); say which"
        )
    return found[0]


def _no_division(document: Document, kind: SectionKind, name: str, among: list[Section]) -> str:
    """ZD212: the draft has no division ``name``; the ones of that kind it has, or its divisions."""
    have = [s for s in among if s.kind is kind and s.number]
    if have:
        listed = ", ".join(_path_name(document, s) for s in have[:30]) + (" …" if len(have) > 30 else "")
        return f"{UNKNOWN_DIVISION} there is no {name} in the current draft; its {_PLURAL[kind]} are: {listed}"
    others = [s for s in document.walk() if s.kind in DIVISIONS and s.number]
    listed = ", ".join(_path_name(document, s) for s in others[:30]) + (" …" if len(others) > 30 else "")
    return f"{UNKNOWN_DIVISION} there is no {name} in the current draft: it has no {_PLURAL[kind]}" + (
        f"; its divisions are: {listed}" if listed else ""
    )


def _path_name(document: Document, section: Section) -> str:
    """``Part II``, ``Section 1 of Part XI``: a division named so that it is one of a kind."""
    chain = [s for s in document.ancestors(section) if s.kind in DIVISIONS and s.number]
    return " of ".join(f"{s.kind.word.capitalize()} {s.number}" for s in reversed(chain))


def _shown(number: str) -> str:
    """A division's number as typed, as a draft prints it: ``"ix" -> "IX"``, ``"2 bis"``."""
    base, *rest = number.split()
    return " ".join((base.upper(), *rest))[:20]


def _by_number(document: Document, written: str) -> Paragraph | None:
    text = written.removeprefix("paragraph ").removeprefix("Paragraph ")
    number = numbering.parse(text)
    if number is None:
        return None
    matches = [p for p in document.paragraphs() if p.number == number]
    printed = [p for p in matches if document.is_printed_numbered(p)] or matches
    if len(printed) > 1:
        places = "; ".join(describe(document, p) for p in printed[:4])
        raise Fatal(f"there are {len(printed)} paragraphs {number.label()} ({places}); say which, e.g. 'Article 7(2)'")
    return printed[0] if printed else None
