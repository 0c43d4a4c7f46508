"""Recognising cross-references in English negotiated text: ``paragraph 40 above``,
``paragraphs 18 and 20``, ``article 7, paragraph 2``, ``annex II``, ``article 76 of the
Convention``.

:func:`find` scans a text and returns every :class:`Reference`, internal or external, with
the exact span of each number written, so that a release can rewrite the number and
nothing else.  The grammar is documented, with a table of examples that the tests are made
from, in ``docs/references.md``; in short::

    reference  = head [", " head] {qualifier} [position] {qualifier}
    head       = ("paragraph" | "paragraphs") numbers [subs]
               | ("subparagraph" | "subparagraphs") subs
               | ("article" | "articles") numbers ["(" n ")" | ", paragraph" numbers [subs]]
               | ("annex" | "annexes" | "part" | "parts") romans [", article" numbers …]
               | ("section" | "sections") letters-or-numbers
    numbers    = number {(", " | " and " | ", and " | " or ") number | ("–" | " to ") number}
    qualifier  = " of " ("this" | "the present") WORD          -> internal, scoped
               | (" and " | " or " | " and/or ") the same head, external -> external
               | " of " head                                  -> nested: internal unless it is external
               | " to " ("this" | "the present") WORD         -> internal ("annex I to this Agreement")
               | " of " anything else ("the Convention", "decision 1/CP.21") -> external
    position   = " above" | " below"

``resolution 72/55`` and ``decision 1/CP.21`` are recognised as external on their own, and
so are a convention's lists of Parties: ``Parties not included in annex X``, ``Annex I Parties``.
Nothing here knows the document: :mod:`zerodraft.references.resolve` finds the targets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from enum import Enum

from zerodraft.numbering import SUFFIXES


class Kind(Enum):
    """What a reference names."""

    PARAGRAPH = "paragraph"
    """A numbered paragraph ("paragraph 18 bis")."""
    SUBPARAGRAPH = "subparagraph"
    """A lettered subparagraph of the referring paragraph ("subparagraph (b)")."""
    ARTICLE = "article"
    """An article of a treaty ("article 7")."""
    ANNEX = "annex"
    """An annex ("annex II")."""
    PART = "part"
    """A Part of a treaty ("Part III")."""
    SECTION = "section"
    """A section ("section A", "section 2 of Part XI")."""


class Scope(Enum):
    """What a reference says about where its target is."""

    IMPLICIT = "implicit"
    """Nothing: the nearest enclosing unit ("paragraph 3", "paragraph 40 above")."""
    SELF = "self"
    """"of this article", "of this Annex", "of this Part": the container of the referring text."""
    DOCUMENT = "document"
    """"of this Agreement", "of the present decision": the whole document."""


@dataclass(frozen=True, slots=True)
class Numeral:
    """One number as written in a reference: what a release rewrites."""

    start: int
    """Offset of its first character in the text."""
    end: int
    """Offset just after its last character."""
    written: str
    """The number exactly as written ("18 bis", "18bis", "II", "A")."""
    label: str
    """Its normal form ("18 bis", "II", "A"), as the document numbers things."""


@dataclass(frozen=True, slots=True)
class Target:
    """One thing a reference points at."""

    kind: Kind
    """Paragraph, article, annex …"""
    numeral: Numeral | None
    """Its number as written (``None`` for a lone subparagraph)."""
    subparagraphs: tuple[str, ...] = ()
    """Subparagraph marks inside it, outermost first: ``("c",)`` for "paragraph 4(c)"."""
    within: tuple[tuple[Kind, str], ...] = ()
    """The containers named with it, outermost first: ``((ARTICLE, "7"),)`` for
    "article 7, paragraph 2" and "paragraph 2 of article 7"."""
    through: bool = False
    """True when this target opens a range that the next target closes ("18–20")."""

    @property
    def label(self) -> str:
        """The target's number in normal form (empty for a lone subparagraph)."""
        return self.numeral.label if self.numeral else ""

    def describe(self) -> str:
        """Plain words: ``paragraph 2 of article 7``, ``annex II``, ``subparagraph (b)``."""
        marks = "".join(f"({m})" for m in self.subparagraphs)
        text = f"{self.kind.value} {self.label}{marks}" if self.numeral else f"{self.kind.value} {marks}"
        for kind, label in reversed(self.within):
            text += f" of {kind.value} {label}"
        return text


@dataclass(frozen=True, slots=True)
class Reference:
    """A cross-reference found in a text."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset just after its last character."""
    written: str
    """The reference exactly as written ("paragraphs 18 and 20 above")."""
    targets: tuple[Target, ...]
    """What it points at, in the order written."""
    external: bool = False
    """True for a reference to another instrument ("article 76 of the Convention",
    "resolution 72/55"): recognised so that it is never touched."""
    scope: Scope = Scope.IMPLICIT
    """Where it says its targets are."""
    scope_word: str = ""
    """The container named by "of this …" ("article", "annex", "agreement"), lower case."""
    position: str = ""
    """"above", "below" or empty."""
    instrument: str = ""
    """For an external reference, the other instrument as written ("the Convention")."""

    def describe(self) -> str:
        """Its targets in plain words: ``paragraph 18 to paragraph 20; paragraph 22``."""
        parts = [t.describe() + (" to" if t.through else ";") for t in self.targets]
        return " ".join(parts).rstrip(";")

    @property
    def numerals(self) -> tuple[Numeral, ...]:
        """Every number written in it, in text order (targets' and containers')."""
        return tuple(t.numeral for t in self.targets if t.numeral is not None)


# ---- the lexicon

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_ARABIC = rf"(?P<n>\d{{1,4}})(?:(?P<sp>\s?)(?P<suffix>{_SUFFIX})\b)?"
_ROMAN = rf"(?P<n>[IVXLC]{{1,7}}|\d{{1,3}})(?:\s(?P<suffix>{_SUFFIX})\b)?(?![\w/])"  # "annex I bis"
_LETTER = r"(?P<n>[A-Z](?:\.\d{1,2})*|\d{1,3}(?:\.\d{1,2})*)(?![\w/])"
_NUMBER_FORMS: dict[Kind, re.Pattern[str]] = {
    Kind.PARAGRAPH: re.compile(rf"(?P<open>\()?{_ARABIC}(?![\w/]|\.\d)(?(open)\))"),
    Kind.ARTICLE: re.compile(rf"{_ARABIC}(?![\w/])"),
    Kind.ANNEX: re.compile(_ROMAN),
    Kind.PART: re.compile(_ROMAN),
    Kind.SECTION: re.compile(_LETTER),
}
_SUB = re.compile(r"\s?\((?P<m>[a-z]|([a-z])\2|[ivxl]{1,6})\)")
#: The word that heads a reference; never the second half of a hyphenated compound
#: ("sub-section 5 in this section" names a numbered subheading, not section 5).
_HEAD = re.compile(
    r"(?<!-)\b(?P<word>(?:sub)?paragraphs?|articles?|annex(?:es)?|parts?|sections?)(?P<sp>\s+)",
    re.IGNORECASE,
)
_EXTERNAL_ALONE = re.compile(
    r"\b(?:resolutions?|decisions?)\s+(?:\d{1,4}/(?:[A-Z]{2,4}\.)?\d{1,4}|[IVXL]{1,6}\b)"
    r"(?:(?:,\s*|\s+and\s+)\d{1,4}/(?:[A-Z]{2,4}\.)?\d{1,4})*",
    re.IGNORECASE,
)
_LIST = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_RANGE = re.compile(r"(?:\s*[–—-]\s*|\s+(?:to|through)\s+)")
_UNIT_AFTER = re.compile(
    r"\s*(?:%|per\s?cent|nautical|miles?|metres|meters|kilometres|days?|weeks?|months?|years?|hours?|"
    r"members|States|Parties|persons|per\b)",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"\s+(?:of|to|in|under)\s+(?:this|the\s+present)\s+(?P<w>[A-Za-z]+)\b",
)
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)
_OF_AND = re.compile(r"\s+of\s+and\s+")
_NAME = r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*"
_OF_EXTERNAL = re.compile(
    rf"(?P<i>(?:the|its|that|such|any|an?|each|said|those|these)\s+(?:[\w’'-]+\s+){{0,2}}?{_NAME}"
    rf"(?:\s+(?:of\s+)?(?:the\s+)?{_NAME})*"
    r"|(?:General\s+Assembly\s+|Security\s+Council\s+|Council\s+)?(?:resolution|decision)s?\s+[\w/]+(?:\.\w+)*"
    r"|[A-Z][A-Z]{2,}\b)",
)
_ARTICLE_PARAGRAPH = re.compile(r"\s?\((?P<n>\d{1,3})\)|\.(?P<n2>\d{1,3})(?![\d.]\d|\w)")
#: Another instrument named just before the head: "UNCLOS article 76", "CBD, article 18.1",
#: "the Minamata Convention on Mercury, article 14.1", a document by its symbol
#: "A/CONF.62/121, annex I".
_INSTRUMENT_BEFORE = re.compile(
    r"(?<!this )(?<!present )(?P<i>\b[A-Z]{1,8}(?:/[A-Z0-9][\w.-]*)+"
    r"|\b(?![IVXLC]+\b|(?:THE|AND|FOR|PART|ANNEX|SECTION|ARTICLE|CHAPTER)\b)[A-Z]{3,}[A-Za-z]*"
    r"|\b(?:Convention|Agreement|Protocol|Charter|Covenant)(?:\s+(?:on|of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)"
    r"\s*,?\s*$"
)
#: A list of Parties that an annex of a convention establishes: "Parties included in Annex
#: I", "a Party not included in annex X", "Annex II Parties", "non-Annex I Parties", and in
#: a bracketed alternative "[Annex X] Parties".
_PARTIES_BEFORE = re.compile(r"\bPart(?:y|ies)\s+(?:not\s+)?(?:included|listed)\s+(?:in\s+)?$")
_PARTIES_AFTER = re.compile(r"\]?\s+Part(?:y|ies)\b")
#: "Annex I and/or Annex II to the Convention": the same word again, then another instrument.
_AND_AGAIN = re.compile(r"\s*(?:,\s*|\s+)(?:and/or|and|or)\s+")
_TO_OR_COMMA_OF = re.compile(r"\s+to\s+|,\s+of\s+")
#: Between the references of one list: "article 162, paragraph 2 (q), and Annex III, …".
_BETWEEN = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_POSITION = re.compile(r"\s+(?P<p>above|below)\b")
_WORDS = ("paragraph", "article", "annex", "part", "section", "resolution", "decision")
_KIND_OF_WORD = {
    "paragraph": Kind.PARAGRAPH,
    "subparagraph": Kind.SUBPARAGRAPH,
    "article": Kind.ARTICLE,
    "annex": Kind.ANNEX,
    "part": Kind.PART,
    "section": Kind.SECTION,
}


def kind_of(word: str) -> Kind:
    """The kind named by ``word``: ``"Paragraphs" -> PARAGRAPH``, ``"annexes" -> ANNEX``."""
    key = word.casefold()
    key = key[:-2] if key.endswith("exes") else key.rstrip("s")
    return _KIND_OF_WORD[key]


def find(text: str) -> tuple[Reference, ...]:
    """Every cross-reference in ``text``, in order, internal and external alike.

    Remembered for the last texts read: a release reads each paragraph's references for the
    check, the rewriting and the check of the planned draft."""
    lowered = text.casefold()
    if not any(word in lowered for word in _WORDS):
        return ()
    return _find(text)


@functools.lru_cache(maxsize=8192)
def _find(text: str) -> tuple[Reference, ...]:
    return tuple(_of_one_instrument(text, _scan(text)))


def _of_one_instrument(text: str, found: list[Reference]) -> list[Reference]:
    """A list of articles, annexes or Parts that ends with another instrument's name is all
    that instrument's: in "article 162, paragraph 2 (q), and Annex III, article 6, of the
    Convention" each reference is the Convention's.  A list naming a paragraph on its own,
    or saying "above", "below" or "of this …", keeps it internal ("paragraphs 18 and 20 above
    and article 6 of the Programme of Action")."""
    shared = list(found)
    named_after = [r.external and bool(r.instrument) and r.written.endswith(r.instrument) for r in found]
    for i in range(len(shared) - 2, -1, -1):
        here, later = shared[i], shared[i + 1]
        if not named_after[i + 1] or here.external or here.position or here.scope is not Scope.IMPLICIT:
            continue
        if not here.targets or here.targets[0].kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH):
            continue
        if _BETWEEN.fullmatch(text, here.end, later.start) is not None:
            shared[i] = replace(here, external=True, instrument=later.instrument)
            named_after[i] = True
    return shared


def _scan(text: str) -> list[Reference]:
    found: list[Reference] = []
    position = 0
    while True:
        head = _HEAD.search(text, position)
        alone = _EXTERNAL_ALONE.search(text, position)
        if alone is not None and (head is None or alone.start() < head.start()):
            found.append(_instrument_first(text, alone))
            position = found[-1].end
            continue
        if head is None:
            return found
        reference = _Parser(text, position).reference(head)
        if reference is None:
            position = head.end()
        else:
            found.append(reference)
            position = reference.end
        if position >= len(text):
            return found


@dataclass(frozen=True, slots=True)
class _Container:
    """What follows " of " in a reference: the containers it names and how it ends."""

    targets: tuple[Target, ...]
    """The containers ("article 7" in "paragraph 2 of article 7"), outermost last."""
    end: int
    """Where the reference ends."""
    scope: Scope = Scope.IMPLICIT
    """"of this Annex" after the container."""
    scope_word: str = ""
    """The word after "of this"."""
    instrument: str = ""
    """Another instrument after the container ("the Convention"): the reference is external."""


def _scope(word: str) -> Scope:
    """ "of this article" is the article holding the reference; "of this Agreement" the document."""
    return Scope.SELF if word in _KIND_OF_WORD else Scope.DOCUMENT


def _instrument_first(text: str, alone: re.Match[str]) -> Reference:
    """ "resolution 72/55", or with what follows it: "decision 1/CP.21, paragraph 17"."""
    after = re.compile(r",\s*").match(text, alone.end())
    head = _HEAD.match(text, after.end()) if after else None
    inner = _Parser(text).reference(head) if head else None
    if inner is None:
        return Reference(alone.start(), alone.end(), alone.group(), (), external=True)
    written = text[alone.start() : inner.end]
    return Reference(alone.start(), inner.end, written, inner.targets, True, instrument=alone.group())


class _Parser:
    """A small recursive-descent reader over one text, from one head word."""

    def __init__(self, text: str, floor: int = 0) -> None:
        self.text = text
        self.floor = floor
        """Where the text not yet read begins: a reference never starts before it."""

    def reference(self, head: re.Match[str]) -> Reference | None:
        parsed = self.head(head.group("word"), head.end(), ())
        if parsed is None:
            return None
        targets, end = parsed
        if not targets:
            return None
        external = False
        scope = Scope.IMPLICIT
        scope_word = ""
        position = ""
        instrument = ""
        while True:
            if not position and (match := _POSITION.match(self.text, end)):
                position = match.group("p")
                end = match.end()
                continue
            if scope is Scope.IMPLICIT and (match := _SELF.match(self.text, end)):
                scope_word = match.group("w").casefold()
                scope = _scope(scope_word)
                end = match.end()
                continue
            if scope is Scope.IMPLICIT and not external and (match := _TO_OR_COMMA_OF.match(self.text, end)):
                outside = _OF_EXTERNAL.match(self.text, match.end())
                if outside is not None:  # "Annex IX to the Convention", "and article 7, of the Convention"
                    external, instrument = True, outside.group("i")
                    end = outside.end()
                    continue
            if scope is Scope.IMPLICIT and not external and (match := _OF_AND.match(self.text, end)):
                other = _HEAD.match(self.text, match.end())
                later = self.reference(other) if other else None
                if later is not None and later.external:  # "Part XV of and Annexes V … to the Convention"
                    targets += later.targets
                    external, instrument, end = True, later.instrument, later.end
                    continue
            if scope is Scope.IMPLICIT and not external and (match := _AND_AGAIN.match(self.text, end)):
                other = _HEAD.match(self.text, match.end())
                same = other is not None and kind_of(other.group("word")) is kind_of(head.group("word"))
                later = self.reference(other) if other is not None and same else None
                if later is not None and later.external:  # "Annex I and Annex II to the Convention"
                    targets += later.targets
                    external, instrument, end = True, later.instrument, later.end
                    continue
            if scope is Scope.IMPLICIT and not external and (match := _OF.match(self.text, end)):
                nested = self.container(match.end())
                if nested is not None:
                    targets = tuple(_within(t, nested.targets) for t in targets) + nested.targets
                    end = nested.end
                    if nested.instrument:
                        external, instrument = True, nested.instrument
                    elif nested.scope is not Scope.IMPLICIT:
                        scope, scope_word = nested.scope, nested.scope_word
                    continue
                outside = _OF_EXTERNAL.match(self.text, match.end())
                if outside is not None:
                    external, instrument = True, outside.group("i")
                    end = outside.end()
                    continue
            break
        if not external and scope is Scope.IMPLICIT and not head.group("word").isupper():
            before = _INSTRUMENT_BEFORE.search(self.text, max(0, head.start() - 80), head.start())
            if before is not None:
                external, instrument = True, before.group("i")
        start = head.start()
        if not external and scope is Scope.IMPLICIT and targets[0].kind is Kind.ANNEX:
            listed = _PARTIES_BEFORE.search(self.text, max(self.floor, start - 40), start)
            parties = _PARTIES_AFTER.match(self.text, end)
            if listed is not None or parties is not None:  # a convention's list of Parties
                external = True
                start = listed.start() if listed is not None else start
                end = parties.end() if parties is not None else end
        return Reference(
            start,
            end,
            self.text[start:end],
            tuple(sorted(targets, key=_text_order)),
            external,
            scope,
            scope_word,
            position,
            instrument,
        )

    def container(self, start: int) -> _Container | None:
        """After " of ": another head ("article 7", "annex II of this Agreement",
        "article 5 of annex VI", "article 76 of the Convention")."""
        head = _HEAD.match(self.text, start)
        if head is None:
            return None
        parsed = self.head(head.group("word"), head.end(), ())
        if parsed is None or not parsed[0] or parsed[0][0].kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH):
            return None
        targets, end = parsed
        if match := _SELF.match(self.text, end):
            word = match.group("w").casefold()
            return _Container(targets, match.end(), scope=_scope(word), scope_word=word)
        if match := _OF.match(self.text, end):
            deeper = self.container(match.end())
            if deeper is not None:
                placed = tuple(_within(t, deeper.targets) for t in targets) + deeper.targets
                return replace(deeper, targets=placed)
            outside = _OF_EXTERNAL.match(self.text, match.end())
            if outside is not None:
                return _Container(targets, outside.end(), instrument=outside.group("i"))
        return _Container(targets, end)

    def head(
        self, word: str, start: int, within: tuple[tuple[Kind, str], ...]
    ) -> tuple[tuple[Target, ...], int] | None:
        """The targets after a head word, and where they end."""
        kind = kind_of(word)
        if kind is Kind.SUBPARAGRAPH:
            subs = self.subs_list(start)
            if subs is None:
                return None
            marks, end = subs
            return tuple(Target(kind, None, (m,), within) for m in marks), end
        listed = self.numbers(kind, start, within)
        if listed is None:
            return None
        targets, end = listed
        # "article 7, paragraph 2" / "Annex III, article 14" / "Part XI, section 2"
        inner = re.compile(r",?\s+(?P<word>paragraphs?|articles?|sections?)\s+", re.IGNORECASE).match(self.text, end)
        if inner is not None and len(targets) == 1 and kind is not Kind.PARAGRAPH:
            inner_kind = kind_of(inner.group("word"))
            if _deeper(kind, inner_kind):
                container = (*within, (kind, targets[0].label))
                nested = self.head(inner.group("word"), inner.end(), container)
                if nested is not None:
                    more, nested_end = nested
                    if self.text[nested_end : nested_end + 1] == ",":  # "article 162, paragraph 2, of …"
                        nested_end += 1 if _OF.match(self.text, nested_end + 1) else 0
                    return (*targets, *more), nested_end
        if kind is Kind.ARTICLE and len(targets) == 1:  # "Article 7(2)", "article 7.2"
            match = _ARTICLE_PARAGRAPH.match(self.text, end)
            if match is not None:
                group = "n" if match.group("n") else "n2"
                numeral = Numeral(match.start(group), match.end(group), match.group(group), match.group(group))
                container = (*within, (kind, targets[0].label))
                subs = self.subs(match.end())
                marks, sub_end = subs if subs else ((), match.end())
                return (*targets, Target(Kind.PARAGRAPH, numeral, marks, container)), sub_end
        return targets, end

    def numbers(
        self, kind: Kind, start: int, within: tuple[tuple[Kind, str], ...]
    ) -> tuple[tuple[Target, ...], int] | None:
        """A list or range of numbers of ``kind``, each maybe with subparagraph marks:
        "18", "18 bis (c)", "18, 20 and 22", "18–20", "312 to 315"."""
        form = _NUMBER_FORMS[kind]
        targets: list[Target] = []
        position = start
        end = start
        through = False
        while (match := form.match(self.text, position)) is not None:
            if targets and _UNIT_AFTER.match(self.text, match.end()):
                break  # "paragraph 3 and 200 nautical miles": the list ended before "and"
            if through:
                targets[-1] = replace(targets[-1], through=True)
            end = match.end()
            marks: tuple[str, ...] = ()
            if kind is Kind.PARAGRAPH and (subs := self.subs(end)):
                marks, end = subs
            targets.append(Target(kind, _numeral(match), marks, within))
            separator = _RANGE.match(self.text, end)
            through = separator is not None
            separator = separator or _LIST.match(self.text, end)
            if separator is None:
                break
            position = separator.end()
        return (tuple(targets), end) if targets else None

    def subs(self, start: int) -> tuple[tuple[str, ...], int] | None:
        """Subparagraph marks right after a number: "(c)", " (a)(ii)", " (o) (ii)"."""
        marks: list[str] = []
        end = start
        while match := _SUB.match(self.text, end):
            marks.append(match.group("m"))
            end = match.end()
        return (tuple(marks), end) if marks else None

    def subs_list(self, start: int) -> tuple[tuple[str, ...], int] | None:
        """Lone subparagraphs: "(b)", "(a), (b), (c) and (d)", "(a) to (e)"."""
        marks: list[str] = []
        position = end = start
        while (match := _SUB.match(self.text, position)) is not None:
            marks.append(match.group("m"))
            end = match.end()
            separator = _LIST.match(self.text, end) or _RANGE.match(self.text, end)
            if separator is None:
                break
            position = separator.end()
        return (tuple(marks), end) if marks else None


def _within(target: Target, containers: tuple[Target, ...]) -> Target:
    """``target`` placed inside the (first) container named after "of"."""
    if not containers:
        return target
    outer = containers[0]
    chain = (*outer.within, (outer.kind, outer.label))
    return replace(target, within=(*chain, *target.within))


def _deeper(outer: Kind, inner: Kind) -> bool:
    order = (Kind.ANNEX, Kind.PART, Kind.SECTION, Kind.ARTICLE, Kind.PARAGRAPH)
    return outer in order and inner in order and order.index(inner) > order.index(outer)


def _numeral(match: re.Match[str]) -> Numeral:
    number = match.group("n")
    suffix = match.groupdict().get("suffix")
    base = str(int(number)) if number.isdigit() else number
    label = f"{base} {suffix.lower()}" if suffix else base
    start = match.start("n")
    end = match.end("suffix") if suffix else match.end("n")
    return Numeral(start, end, match.string[start:end], label)


def _text_order(target: Target) -> int:
    return target.numeral.start if target.numeral else -1
