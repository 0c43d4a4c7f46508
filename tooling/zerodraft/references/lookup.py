"""What a diplomat types to name a part of the draft, found in it: the one resolver behind
``propose``, ``history`` and ``diff``.

``"18 bis"``, ``"OP18bis"``, ``"pp3"`` or a stable id name a paragraph; ``"Article 7(2)"``,
``"article 7, paragraph 2"``, ``"paragraph 2 of article 7"`` and, in a document numbered per
article, ``"7.2"`` name paragraph 2 of article 7; ``"Article 5"``, ``"Article 54 ter"``,
``"Annex I"``, ``"Part II"`` name a section.  The words are read by the same grammar as
cross-references in the text (:mod:`zerodraft.references.grammar`) and found by the same
index (:mod:`zerodraft.references.resolve`), so that "article 7, paragraph 2" means one thing
wherever it is written.  A name that could mean two things is refused with both, never
guessed.
"""

from __future__ import annotations

from zerodraft import numbering
from zerodraft.errors import Fatal
from zerodraft.model import Document, Paragraph, Section
from zerodraft.references.grammar import find
from zerodraft.references.resolve import Index, Status

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
