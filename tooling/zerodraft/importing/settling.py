"""The recognised tree settled into what the format can hold, each change a guess for the
report (never a loss):

- **an annex that holds an instrument**: a resolution's "ANNEX" holding an agreement's
  articles (the resolution itself has none), followed by the agreement's own annex — the
  first is read as a heading above
  the agreement, so that its articles are the document's articles (GA resolution 48/263
  and the Part XI Agreement, a resolution adopting a convention);
- **an option numbered again**: where numbering runs on (not per article), the second and
  later options of a block number their paragraphs again as versions of the first option's
  ("Option II: 31 quater …" after "Option I: 31 quater …"); they are imported unnumbered,
  their printed numbers kept at the start of their text;
- **a number the scheme cannot hold twice**: where numbering runs on (the whole document
  under ``continuous`` — the preamble apart —, each top-level section under ``per-section``, each article, annex
  or appendix under ``per-article``), a paragraph number seen before in the same run (an
  annex inside a COP decision numbered on its own) is imported unnumbered, its printed
  number kept at the start of its text.
"""

from __future__ import annotations

from dataclasses import replace

from zerodraft.importing.tree import Guess, ImportedSection

#: Kinds whose paragraphs are numbered afresh under ``per-article``.
UNITS = ("article", "annex", "appendix", "option")
#: Kinds whose paragraphs are numbered afresh under ``per-section`` as well.
ANNEXED = ("annex", "appendix")


def settle(sections: tuple[ImportedSection, ...], scheme: str, guesses: list[Guess]) -> tuple[ImportedSection, ...]:
    """``sections`` as the format can hold them; what changed is added to ``guesses``."""
    sections = _instrument_annexes(sections, guesses)
    seen: set[tuple[int, int, int]] = set()
    return tuple(
        # the preamble numbers on its own ("PP1" … then "OP1"); per-section, so does each section
        _unique(s, scheme, seen if scheme == "continuous" and not s.preamble else set(), guesses)
        for s in sections
    )


def _instrument_annexes(sections: tuple[ImportedSection, ...], guesses: list[Guess]) -> tuple[ImportedSection, ...]:
    out = list(sections)
    for index, section in enumerate(sections):
        later = any(s.kind == "annex" for s in sections[index + 1 :])
        before = any(s.kind == "article" for top in sections[:index] for s in top.walk())
        articles = sum(1 for s in section.walk() if s.kind == "article")
        if section.kind == "annex" and later and articles >= 2 and not before:
            out[index] = replace(section, kind="heading", number="")
            guesses.append(
                Guess(
                    section.line,
                    f"'{section.heading[:30]}' holds {articles} articles and is followed by their own annex: read as "
                    "a heading above an annexed instrument, not as an annex",
                    section.heading[:80],
                )
            )
    return tuple(out)


def _unique(
    section: ImportedSection,
    scheme: str,
    seen: set[tuple[int, int, int]],
    guesses: list[Guess],
    again: bool = False,
) -> ImportedSection:
    """``again``: a second or later option of a block, whose numbers are the first option's
    numbered again — where numbering runs on (not per article) they are kept in the text."""
    if (scheme == "per-article" and (section.kind in UNITS or section.restarts)) or section.number_prefix:
        seen = set()
    elif scheme == "per-section" and section.kind in ANNEXED:
        seen = set()  # a decision's annex numbers its paragraphs on its own
    paragraphs = []
    for paragraph in section.paragraphs:
        number = paragraph.number
        if number is not None and not number.is_alternative:
            key = (number.base, number.rank, number.point)
            if key in seen or again:
                guesses.append(
                    Guess(
                        paragraph.line,
                        f"paragraph {number.label()} is numbered again where numbering runs on: imported as an "
                        "unnumbered paragraph that keeps its printed number in its text",
                        paragraph.text[:80],
                    )
                )
                printed = paragraph.printed or f"{number.label()}."
                paragraph = replace(paragraph, number=None, text=f"{printed} {paragraph.text}")
            else:
                seen.add(key)
        paragraphs.append(paragraph)
    subsections = tuple(
        _unique(
            sub,
            scheme,
            seen,
            guesses,
            again or (section.kind == "options" and position > 0 and scheme != "per-article"),
        )
        for position, sub in enumerate(section.subsections)
    )
    return replace(section, paragraphs=tuple(paragraphs), subsections=subsections)
