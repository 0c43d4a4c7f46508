"""Resolving internal references against a :class:`~zerodraft.model.Document`: which
paragraph "paragraph 40 above" means, which section "article 7" or "annex II" means.

The rules, in plain words (``docs/references.md`` has them with examples):

- "paragraph N" with nothing more means paragraph N of the numbering unit the referring
  paragraph is numbered in (the whole document when numbering is continuous; its article
  when paragraphs are numbered per article).  From an unnumbered GA-style preamble it means
  the operative paragraph N.
- "paragraph N of article M" and "article M, paragraph N" mean paragraph N inside article M;
  "paragraph N of this article" paragraph N inside the article holding the reference.
- "article M", "annex II", "Part III", "section A" mean the section of that kind and number
  in the innermost container of the referring paragraph that holds one: from inside an
  annex with its own articles, "article 3" is the annex's article 3.  Two candidates at the
  same level are *ambiguous*: reported, never guessed.
- A section's kind and number come from its heading as printed ("Article 7", "ANNEX II",
  "PART III", "SECTION 2", "A. Consideration of …").
- An article, annex, Part or section the document does not have, named in a paragraph that
  names another instrument ("an Annex VII arbitral tribunal" in a paragraph on "the
  Convention"), is read as that instrument's (status ``outside``): not reported.  So is an
  article or Part in a document that numbers none (a resolution citing "article 47 of the
  Agreement").
- Annexes numbered again at one level (a Final Act's after a treaty's) are runs of their
  own: a text means its own run's annex, else the first run after it.
- A lone "subparagraph (b)" is a subparagraph of the referring paragraph: it is never
  renumbered by a release and not resolved further.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from zerodraft import numbering
from zerodraft.model import DIVISIONS, Document, Paragraph, Section, SectionKind
from zerodraft.references.grammar import Kind, Numeral, Reference, Scope, Target, find
from zerodraft.rounds.articles import leaves
from zerodraft.vocabulary import Role

_LEAVING = frozenset((SectionKind.ARTICLE, *DIVISIONS))
"""The kinds of section that leave at a release when every paragraph in them is deleted
(:mod:`zerodraft.rounds.articles`, :mod:`zerodraft.rounds.divisions`)."""


class Status(Enum):
    """What became of one target."""

    FOUND = "found"
    """It exists and is not deleted."""
    MISSING = "missing"
    """Nothing in the document has that kind and number."""
    DELETED = "deleted"
    """It is a paragraph labelled deleted, or an article (Part, chapter, section, annex,
    appendix) all of whose paragraphs are: it leaves at the next release."""
    AMBIGUOUS = "ambiguous"
    """Two or more things could be meant; the reference must say which."""
    OUTSIDE = "outside"
    """An article, annex, Part or section the document does not have, named in a paragraph
    that names another instrument ("an Annex VII arbitral tribunal" beside "the
    Convention"): read as that instrument's, never reported and never rewritten."""
    UNRESOLVED = "unresolved"
    """Not resolved against the document: a lone subparagraph, or a target whose container
    ("article 9" in "paragraph 3 of article 9") is itself missing or ambiguous."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """One target of a reference, found (or not) in the document."""

    target: Target
    """The target as the grammar read it."""
    status: Status
    """Found, missing, deleted, ambiguous."""
    paragraph: Paragraph | None = None
    """The paragraph meant, for a paragraph target."""
    section: Section | None = None
    """The section meant, for an article, annex, Part or section target."""
    candidates: tuple[str, ...] = ()
    """For an ambiguous target, the places it could mean (paths)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A reference in one paragraph, with each of its targets resolved."""

    paragraph: Paragraph
    """The paragraph in which it is written."""
    reference: Reference
    """The reference as recognised."""
    resolutions: tuple[Resolution, ...]
    """One per target, in the order of ``reference.targets`` (empty when external)."""


_ANOTHER_INSTRUMENT = re.compile(r"\b(?:the|that)\s+(?:Convention|Covenant|Charter|Statute|Protocol)\b")
_HEADING_ADDRESS = re.compile(
    r"^\W*(?P<word>article|annex|part|section|chapter)\s+(?P<n>[IVXLC]{1,7}|\d{1,4}(?:\s?[a-z]+)?|[A-Z])\b",
    re.IGNORECASE,
)
_LETTERED_HEADING = re.compile(r"^\W*(?P<n>[A-Z]|\d{1,2}|[IVX]{1,5})\.\s")


_TREATY_KINDS = frozenset({Kind.ARTICLE, Kind.PART})
"""Kinds of section that only a treaty (or a draft of one) has: a document holding none of
them cannot be referring to its own."""

_KINDS = {
    SectionKind.ARTICLE: Kind.ARTICLE,
    SectionKind.ANNEX: Kind.ANNEX,
    SectionKind.PART: Kind.PART,
    SectionKind.SECTION: Kind.SECTION,
}


def address(section: Section) -> tuple[Kind, str] | None:
    """A section's kind and number as references name it: from ``kind:`` and ``number:``
    in its section.yaml when it has them (``article``, ``"54 ter"``), else read from its
    heading: ``"Article 54 ter" -> (ARTICLE, "54 ter")``, ``"ANNEX II" -> (ANNEX, "II")``,
    ``"A. Consideration of …" -> (SECTION, "A")``, ``"1. At the national level" ->
    (SECTION, "1")``; ``None`` for an unnumbered heading or the preamble."""
    kind = _KINDS.get(section.kind)
    if kind is not None and section.number:
        parsed = numbering.parse(section.number) if kind is Kind.ARTICLE else None
        return kind, parsed.label() if parsed is not None else section.number
    heading = section.heading.strip().lstrip("[")
    if section.preamble or not heading:
        return None
    match = _HEADING_ADDRESS.match(heading)
    if match is not None:
        word = match.group("word").casefold()
        if word == "chapter":
            return None
        kind = Kind(word)
        number = match.group("n")
        if kind is Kind.ARTICLE:
            parsed = numbering.parse(number)
            if parsed is None:
                return None
            number = parsed.label()
        elif kind is not Kind.SECTION:
            number = number.upper()
        return kind, number
    lettered = _LETTERED_HEADING.match(heading)
    if lettered is not None:
        return Kind.SECTION, lettered.group("n")
    return None


class Index:
    """What references can point at in one document, looked up fast."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.parents: dict[str, Section | None] = {}
        self.addresses: dict[str, tuple[Kind, str]] = {}
        self.sections: dict[str, Section] = {}
        self.by_address: dict[tuple[Kind, str], list[Section]] = {}
        self.annex_of: dict[str, str] = {}
        """Each section's nearest enclosing annex (a folder), or ``""``."""
        self.order: dict[str, int] = {}
        """Each section's place in document order."""
        self.run_of: dict[str, tuple[str, int]] = {}
        """Each numbered annex's run: the annexes of one level numbered I, II … and, when the
        numbering starts again (a Final Act's annexes after a treaty's), the next run."""
        for top in document.sections:
            self._enter(top, None, "")
        self._number_runs()
        self.kinds = frozenset(kind for kind, _ in self.by_address)
        """The kinds of section the document numbers (article, annex, Part, section)."""
        self.unit_of: dict[str, int] = {}
        self.units: list[dict[str, list[Paragraph]]] = []
        self.numbered: list[bool] = []
        for number, unit in enumerate(document.units()):
            table: dict[str, list[Paragraph]] = {}
            numbered = False
            for paragraph in unit:
                self.unit_of[paragraph.path] = number
                if not paragraph.number.is_alternative:
                    table.setdefault(paragraph.label, []).append(paragraph)
                    numbered = numbered or bool(document.printed_number(paragraph))
            self.units.append(table)
            self.numbered.append(numbered)

    def _number_runs(self) -> None:
        seen: dict[str, set[str]] = {}
        runs: dict[str, int] = {}
        for section in self.document.walk():
            found = self.addresses.get(section.path)
            if found is None or found[0] is not Kind.ANNEX:
                continue
            parent = self.parents[section.path]
            level = parent.path if parent is not None else ""
            if found[1] in seen.setdefault(level, set()):
                seen[level] = set()
                runs[level] = runs.get(level, 0) + 1
            seen[level].add(found[1])
            self.run_of[section.path] = (level, runs.get(level, 0))

    def _enter(self, section: Section, parent: Section | None, annex: str) -> None:
        self.order[section.path] = len(self.order)
        self.parents[section.path] = parent
        self.sections[section.path] = section
        self.annex_of[section.path] = annex
        found = address(section)
        if found is not None:
            self.addresses[section.path] = found
            self.by_address.setdefault(found, []).append(section)
            if found[0] is Kind.ANNEX:
                annex = section.path
        for sub in section.subsections:
            self._enter(sub, section, annex)

    def ancestors(self, folder: str) -> Iterator[Section]:
        """The section at ``folder`` and every section around it, innermost first."""
        section = self.sections.get(folder)
        while section is not None:
            yield section
            section = self.parents.get(section.path)

    def article_of(self, paragraph: Paragraph) -> Section | None:
        """The article holding ``paragraph``, or ``None``."""
        folder = paragraph.path.rsplit("/", 1)[0]
        return next((s for s in self.ancestors(folder) if self.addresses.get(s.path, (None,))[0] is Kind.ARTICLE), None)

    def references(self, paragraph: Paragraph) -> tuple[Resolved, ...]:
        """Every reference written in ``paragraph``, resolved."""
        return tuple(self.resolve(paragraph, r) for r in find(paragraph.text))

    def in_heading(self, section: Section, text: str) -> tuple[Resolved, ...]:
        """The references in ``text``, the heading or title of ``section``, read as from its
        first paragraph; the words that name the section itself ("Article 7", "Annex I")
        are its heading, not a reference.  Empty for a section holding no paragraph."""
        first = next((p for s in section.walk() for p in s.paragraphs), None)
        if first is None:
            return ()
        found = (self.resolve(first, r) for r in find(text))
        return tuple(
            r for r in found if not any(x.section is section or section.path in x.candidates for x in r.resolutions)
        )

    def resolve(self, paragraph: Paragraph, reference: Reference) -> Resolved:
        """Each target of ``reference``, written in ``paragraph``, found in the document."""
        if reference.external:
            return Resolved(paragraph, reference, ())
        folder = paragraph.path.rsplit("/", 1)[0]
        containers: dict[tuple[tuple[Kind, str], ...], Resolution] = {}
        resolutions: list[Resolution] = []
        for target in reference.targets:
            if target.kind is Kind.SUBPARAGRAPH:
                resolutions.append(Resolution(target, Status.UNRESOLVED, paragraph=paragraph))
                continue
            within = self._within(folder, target, containers, reference)
            if isinstance(within, Resolution):
                resolutions.append(within)
                continue
            if target.kind is Kind.PARAGRAPH:
                found = self._paragraph(paragraph, target, within)
            else:
                found = self._section(folder, target, within, reference)
                if found.status is Status.MISSING and self._outside(paragraph, target):
                    found = Resolution(target, Status.OUTSIDE)
                containers[(*target.within, (target.kind, target.label))] = found
            resolutions.append(found)
        return Resolved(paragraph, reference, tuple(resolutions))

    def _outside(self, paragraph: Paragraph, target: Target) -> bool:
        """Whether a missing article, annex, Part or section is read as another instrument's:
        the paragraph names one ("the Convention"), or the document numbers no article (no
        Part) at all, so that "article 47" or "Part XI" cannot be its own (a resolution or a
        decision has none: they are the articles and Parts of the treaty it is about)."""
        if _ANOTHER_INSTRUMENT.search(paragraph.text):
            return True
        return target.kind in _TREATY_KINDS and target.kind not in self.kinds

    def _within(
        self,
        folder: str,
        target: Target,
        containers: dict[tuple[tuple[Kind, str], ...], Resolution],
        reference: Reference,
    ) -> Section | Resolution | None:
        """The section a target must be inside, or a failed resolution when its container
        is itself missing or ambiguous; ``None`` when nothing narrows it."""
        if target.within:
            known = containers.get(target.within)
            if known is None:
                kind, label = target.within[-1]
                outer = Target(kind, Numeral(0, 0, label, label), (), target.within[:-1])
                known = self._section(
                    folder, outer, self._container_of(folder, outer, containers, reference), reference
                )
                containers[target.within] = known
            if known.status is not Status.FOUND:  # the container is reported itself
                return Resolution(target, Status.UNRESOLVED)
            return known.section
        if reference.scope is Scope.SELF:
            wanted = Kind(reference.scope_word) if reference.scope_word in {k.value for k in Kind} else None
            for section in self.ancestors(folder):
                if wanted is not None and self.addresses.get(section.path, (None, ""))[0] is wanted:
                    return section
        return None

    def _paragraph(self, referrer: Paragraph, target: Target, within: Section | None) -> Resolution:
        if within is not None:
            matches = [
                p
                for s in within.walk()
                for p in s.paragraphs
                if p.label == target.label and not p.number.is_alternative
            ]
        else:
            unit = self.unit_of.get(referrer.path, 0)
            if not self.numbered[unit]:  # from an unnumbered preamble: the operative paragraphs
                unit = next((i for i in range(unit + 1, len(self.units)) if self.numbered[i]), unit)
            matches = self.units[unit].get(target.label, []) if self.units else []
        if not matches:
            return Resolution(target, Status.MISSING)
        if len(matches) > 1:
            return Resolution(target, Status.AMBIGUOUS, candidates=tuple(p.path for p in matches))
        found = matches[0]
        status = Status.DELETED if found.role is Role.DELETED else Status.FOUND
        return Resolution(target, status, paragraph=found)

    def _container_of(
        self,
        folder: str,
        target: Target,
        containers: dict[tuple[tuple[Kind, str], ...], Resolution],
        reference: Reference,
    ) -> Section | None:
        """For a container that is itself inside another ("article 5 of annex VI"), that one."""
        within = self._within(folder, target, containers, reference) if target.within else None
        return within if isinstance(within, Section) else None

    def _section(self, folder: str, target: Target, within: Section | None, reference: Reference) -> Resolution:
        wanted = (target.kind, target.label)
        levels: list[Section | None]
        if within is not None:
            levels = [within]
        elif reference.scope is Scope.DOCUMENT:
            levels = [None]
        else:
            levels = [*self.ancestors(folder), None]
        for level in levels:
            matches = self._sections_under(level, wanted)
            if len(matches) > 1 and target.kind is Kind.ANNEX:
                matches = self._of_its_run(folder, matches)
            if len(matches) == 1:
                gone = matches[0].kind in _LEAVING and leaves(matches[0])
                status = Status.DELETED if gone else Status.FOUND
                return Resolution(target, status, section=matches[0])
            if len(matches) > 1:
                return Resolution(target, Status.AMBIGUOUS, candidates=tuple(s.path for s in matches))
        return Resolution(target, Status.MISSING)

    def _of_its_run(self, folder: str, annexes: list[Section]) -> list[Section]:
        """Of annexes numbered alike in different runs (a treaty's Annex VI, then the Final
        Act's), the one a text at ``folder`` means: its own run's when it is in an annex,
        else the first run after it (annexes follow the text they belong to), else the last
        before it.  Of annexes at different levels, none inside an annex (a treaty's at the
        top, a Final Act's inside its heading), a text outside them all means the outer ones
        (the inner are found from inside, at their level).  Annexes of one run, or one inside
        another, stay ambiguous."""
        runs = {self.run_of[a.path] for a in annexes}
        levels = {level for level, _ in runs}
        if len(levels) > 1 and not any(self._in_annex(level) for level in levels):
            outer = min(levels, key=lambda level: (level.count("/") + bool(level), level))
            annexes = [a for a in annexes if self.run_of[a.path][0] == outer]
            runs = {self.run_of[a.path] for a in annexes}
        if len(runs) < len(annexes) or len({level for level, _ in runs}) > 1:
            return annexes
        own = next(
            (self.run_of[s.path] for s in self.ancestors(folder) if s.path in self.run_of),
            None,
        )
        mine = [a for a in annexes if self.run_of.get(a.path) == own]
        if own is not None and mine:
            return mine
        here = self.order.get(folder, -1)
        after = [a for a in annexes if self.order[a.path] > here]
        return after[:1] or annexes[-1:]

    def _in_annex(self, folder: str) -> bool:
        """Whether the section at ``folder`` is an annex or inside one (``""``: the document)."""
        return bool(folder) and (self.addresses.get(folder, (None, ""))[0] is Kind.ANNEX or bool(self.annex_of[folder]))

    def _sections_under(self, level: Section | None, wanted: tuple[Kind, str]) -> list[Section]:
        """Sections with address ``wanted`` under ``level`` (the document when ``None``),
        not looking inside annexes below the level (they number their own)."""
        found: list[Section] = []
        for section in self.by_address.get(wanted, ()):
            if level is not None and not section.path.startswith(level.path + "/"):
                continue
            annex = self.annex_of[section.path]
            crossed = bool(annex) and (level is None or not (level.path + "/").startswith(annex + "/"))
            if wanted[0] is Kind.ANNEX or not crossed:
                found.append(section)
        return found
