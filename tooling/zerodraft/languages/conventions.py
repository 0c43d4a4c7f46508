"""How each language prints a UN text, from one data file per language.

``zerodraft/data/languages/fr.yaml`` says that French prints Article 1 as "Article premier",
Part II as "PARTIE II", paragraphs as "1." and subparagraphs as "a)"; ``zh.yaml`` that Chinese
prints Article 12 as "第十二条" and (a) as "（一）"; ``ar.yaml`` that Arabic is written right to
left with the digits 0–9 and letters its subparagraphs "(أ)", "(ب)".  The aligner reads the
patterns to find structure in a translation; the renderers read them to print it.  These files
were learnt from the six language versions of the BBNJ Agreement; a language without a file
falls back to the plainest layout (digits, no words) and says so.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from zerodraft import safeyaml
from zerodraft.errors import Fatal
from zerodraft.languages import numerals
from zerodraft.numbering import SUFFIXES, Number

#: The kinds of headings a data file may spell out.
_HAN_DIGITS = "〇一二三四五六七八九十百千"
HEADING_KINDS = ("article", "part", "annex", "annexes", "preamble", "chapter", "section", "option")


@dataclass(frozen=True, slots=True, eq=False)
class Conventions:
    """One language's printing conventions (a ``data/languages/<code>.yaml`` file)."""

    code: str
    """The language tag the file is for (``fr``)."""
    name: str
    """The language's name in itself ("français")."""
    alpha3: str = ""
    """Its ISO 639-2 code (``fra``), for Akoma Ntoso's ``FRBRlanguage``."""
    script: str = "Latin"
    """Its script: Latin, Cyrillic, Han, Arabic …"""
    direction: str = "ltr"
    """``ltr`` or ``rtl``."""
    font: str = "Times New Roman"
    """The font family for Word and PDF."""
    headings: dict[str, str] = field(default_factory=dict)
    """Heading templates by kind (``article: "Article {number}"``, ``article-1: "Article premier"``)."""
    paragraph: str = "{number}."
    """How a paragraph number is printed before its text."""
    paragraph_variants: tuple[str, ...] = ()
    """Other shapes of the paragraph number met in extracted text (OCR)."""
    paragraph_fallback: tuple[str, ...] = ()
    """Shapes tried only in a unit where no paragraph number has the usual shape (Chinese
    numbers the definitions of Article 1 "（一）" instead of "一、")."""
    clause_break: str = "capital"
    """Where a run of unnumbered paragraphs may be cut: ``capital`` (after a comma, before a
    capital: "…, Recalling"), or ``any`` (after any comma or clause punctuation)."""
    preamble_openings: tuple[str, ...] = ()
    """The words that open a preambular paragraph where capitals do not tell it ("回顾",
    "وإذ", "ссылаясь"), and the closing formula ("兹商定如下"): a preamble is cut before them."""
    subparagraph: str = "({letter})"
    """How a subparagraph (a) is printed."""
    subparagraph_variants: tuple[str, ...] = ()
    """Other shapes of (a) the texts use in places."""
    subsubparagraph: str = "({roman-lower})"
    """How a subparagraph (i) is printed."""
    letters: tuple[str, ...] = ()
    """The letters of subparagraphs in order; empty where they are counted (Chinese)."""
    ordinals: tuple[str, ...] = ()
    """Ordinal words for ``{ordinal}`` (Arabic "الأول", "الثاني" …)."""
    suffixes: tuple[str, ...] = SUFFIXES
    """The words for bis, ter … in this language."""
    heading_word_optional: tuple[str, ...] = ()
    """Heading kinds whose word may be missing in extracted text (the number alone opens the line)."""
    title_split: str = "capital"
    """``capital``: a title that runs into the text ends before the first capitalised word;
    ``none``: the script has no capitals, the two cannot be told apart."""
    ocr_noise: bool = False
    """True where the corpus text of this language comes from OCR: stray page numbers after a
    paragraph number and paragraph numbers displaced past a heading are removed (and listed)."""
    words: dict[str, str] = field(default_factory=dict)
    """The words renderers print: ``draft``, ``proposed-by`` …"""
    months: tuple[str, ...] = ()
    """Month names, January first."""
    references: dict[str, str] = field(default_factory=dict)
    """How the text refers to its own articles and paragraphs, as regular expressions
    (``article: "articles?"``, ``paragraph: "paragraphes?"``, ``of: "de l[’']"`` …): what
    :mod:`zerodraft.references.translated` reads to rewrite them at a release."""
    date: str = "{day} {month} {year}"
    """How a date is printed."""

    @property
    def rtl(self) -> bool:
        """True for a right-to-left language."""
        return self.direction == "rtl"

    def number_text(self, template: str, number: Number) -> str:
        """``template`` with its placeholder filled for ``number`` (suffix included)."""
        base = number.base
        ordinal = self.ordinals[base - 1] if 0 < base <= len(self.ordinals) else str(base)
        letter = self.letters[base - 1] if 0 < base <= len(self.letters) else numerals.chinese(base)
        values = {
            "number": str(base),
            "roman": numerals.roman(base),
            "roman-lower": numerals.roman(base).lower(),
            "chinese": numerals.chinese(base),
            "ordinal": ordinal,
            "letter": letter,
        }
        text = re.sub(r"\{([a-z-]+)\}", lambda m: values.get(m.group(1), m.group()), template)
        if number.rank:
            suffix = self.suffixes[number.rank - 1] if number.rank <= len(self.suffixes) else number.suffix
            text += suffix if self.script == "Han" else f" {suffix}"
        return text

    def heading(self, kind: str, number: Number | None) -> str:
        """The heading of a numbered section as printed: ``heading("article", 12)`` is
        "Article 12" in English, "第十二条" in Chinese, "المادة 12" in Arabic; ``""`` for a
        kind the file does not spell out."""
        if number is None:
            return self.headings.get(kind, "").replace("{number}", "").strip()
        special = self.headings.get(f"{kind}-{number.base}") if not number.rank else None
        template = special or self.headings.get(kind, "")
        return self.number_text(template, number) if template else ""

    def paragraph_number(self, number: Number) -> str:
        """The number of a paragraph as printed before its text: "3." in English, "3 -" in
        Arabic, "三、" in Chinese; a suffix goes with the number ("18 bis.", "十八之二、").  A
        number with no shape of its own in the language (16.1, 6 alt, 20 ante) keeps its
        written form in the language's punctuation ("16.1、")."""
        if number.point or number.alt or number.unnumbered or number.rank < 0:
            return re.sub(r"\{[a-z-]+\}", number.label(), self.paragraph, count=1)
        plain = Number(number.base)
        suffix = ""
        if number.rank:
            word = self.suffixes[number.rank - 1] if number.rank <= len(self.suffixes) else number.suffix
            suffix = word if self.script == "Han" else f" {word}"
        return re.sub(r"\{[a-z-]+\}", lambda m: self.number_text(m.group(), plain) + suffix, self.paragraph, count=1)

    def marks(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Every subparagraph mark the language prints, mapped to its meanings: level (1 for
        "(a)", 2 for "(i)") and index (1 for (a) and for (i)); "a)" and "i)" in French, "(أ)" in
        Arabic, "（一）" and "1．" in Chinese.  French "i)" has two meanings (the letter i, the
        numeral i).  A mark with no punctuation (Arabic prints (i) as a bare "1") is left out: it
        cannot be told from a number opening a sentence."""
        return _marks(self)

    def word(self, key: str, default: str = "") -> str:
        """A word renderers print (``draft``), or ``default``."""
        return self.words.get(key, default)

    def heading_pattern(self, kind: str, base: int) -> re.Pattern[str] | None:
        """A pattern for the heading of ``kind`` ``base`` in extracted text, not matching a
        longer number (Article 7 is not Article 70), or ``None`` if the file has no template."""
        number = Number(base)
        shapes = [self.heading(kind, number)]
        if f"{kind}-{base}" in self.headings:
            shapes.append(self.number_text(self.headings[kind], number))
        shapes = [s for s in shapes if s]
        if not shapes:
            return None
        alternatives = []
        for shape in shapes:
            words = [re.escape(w) for w in shape.split()]
            body = r"\s+".join(words)
            if kind in self.heading_word_optional and len(words) > 1:
                body = rf"(?:{words[0]}\s+)?" + r"\s+".join(words[1:])
            alternatives.append(body + _guard(shape))
        return re.compile("|".join(f"(?:{a})" for a in alternatives))

    def paragraph_pattern(self, base: int, fallback: bool = False) -> re.Pattern[str]:
        """A pattern for the number of paragraph ``base`` opening a paragraph in extracted text
        (with ``fallback``, in the fallback shapes)."""
        number = Number(base)
        templates = self.paragraph_fallback if fallback else (self.paragraph, *self.paragraph_variants)
        shapes = [self.number_text(t, number) for t in templates]
        body = "|".join(r"\s*".join(re.escape(part) for part in s.split()) + _guard(s) for s in shapes)
        return re.compile(rf"(?<![0-9〇一二三四五六七八九十百（(])(?:{body})")

    def subparagraph_count(self, text: str) -> int:
        """How many first-level subparagraphs ``text`` holds: the last of (a), (b) … found in
        order at the start of a line (a reference "paragraph 3 (a)" is not one); up to two
        missing in a row are passed over: OCR loses a marker, not a letter."""
        pattern, indices, roman = _subparagraph_markers(self)
        last = 0
        for match in pattern.finditer(text):
            marker = match.group(1)
            index = indices[marker]
            # "(i)" after "(g)" is the first of the (i), (ii) … below it, not a gap before (i)
            if index == last + 1 or (last < index <= last + 3 and marker not in roman):
                last = index
        return last


@functools.cache
def _subparagraph_markers(rules: Conventions) -> tuple[re.Pattern[str], dict[str, int], frozenset[str]]:
    """One pattern for every first-level subparagraph marker of a language at the start of a
    line, the index (1 for (a)) of each marker, and the markers that are also second-level
    ones ("(i)", "(v)")."""
    indices: dict[str, int] = {}
    for index in range(60, 0, -1):  # the first shape of a marker wins
        for shape in (*rules.subparagraph_variants[::-1], rules.subparagraph):
            indices[rules.number_text(shape, Number(index))] = index
    alternatives = "|".join(re.escape(m) for m in sorted(indices, key=len, reverse=True))
    roman = frozenset(rules.number_text(rules.subsubparagraph, Number(n)) for n in range(1, 40))
    return re.compile(rf"(?m)^[ \t]*({alternatives})"), indices, roman


@functools.cache
def _marks(rules: Conventions) -> dict[str, tuple[tuple[int, int], ...]]:
    """:meth:`Conventions.marks`, computed once per language."""
    found: dict[str, tuple[tuple[int, int], ...]] = {}
    for level, shapes in ((1, (rules.subparagraph, *rules.subparagraph_variants)), (2, (rules.subsubparagraph,))):
        for shape in shapes:
            last = len(rules.letters) if "{letter}" in shape and rules.letters else 60
            for index in range(1, last + 1):
                mark = rules.number_text(shape, Number(index))
                if not mark.isalnum() and (level, index) not in found.get(mark, ()):
                    found[mark] = (*found.get(mark, ()), (level, index))
    return found


def _guard(shape: str) -> str:
    """Where a printed number ends the shape, a longer number must not match it: Article 7 is
    not Article 70, 第七条 is not 第七十条; where a word follows ("第一条用语"), nothing is needed."""
    if shape[-1:].isdigit():
        return "(?![0-9])"
    if shape[-1:] in _HAN_DIGITS:
        return f"(?![{_HAN_DIGITS}])"
    return ""


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with each ``{placeholder}`` that ``values`` names replaced, in one pass (a
    value holding braces is left as it is); the others kept."""
    return re.sub(r"\{([a-z-]+)\}", lambda m: values.get(m.group(1), m.group()), template)


def say(tag: str, key: str, **values: str) -> str:
    """The word ``key`` of language ``tag`` (``""``: the original's words, English), or the
    English one where its file has none, with its ``{placeholders}`` filled from ``values``:
    ``say("fr", "redline-was", old="17 bis")`` is "(anciennement 17 bis)"."""
    return fill(of(tag or "en").word(key) or of("en").word(key), values)


def known() -> tuple[str, ...]:
    """The languages with a data file, sorted."""
    folder = resources.files("zerodraft") / "data" / "languages"
    return tuple(sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")))


@functools.cache
def of(tag: str) -> Conventions:
    """The conventions for language ``tag`` (``zh-Hans`` falls back to ``zh``); a language
    without a data file gets digits and no words, in its own name."""
    for candidate in (tag.lower(), tag.split("-")[0].lower()):
        if candidate in known():
            return _load(candidate)
    return Conventions(code=tag, name=tag)


def _load(code: str) -> Conventions:
    path = resources.files("zerodraft") / "data" / "languages" / f"{code}.yaml"
    try:
        data: Any = safeyaml.load(path.read_text(encoding="utf-8")).data
    except safeyaml.YamlProblem as error:  # pragma: no cover - the package's own data
        raise Fatal(f"the conventions for '{code}' are broken: {error.message}") from error
    return Conventions(
        code=code,
        name=str(data.get("name", code)),
        alpha3=str(data.get("alpha3", "")),
        script=str(data.get("script", "Latin")),
        direction=str(data.get("direction", "ltr")),
        font=str(data.get("font", "Times New Roman")),
        headings={str(k): str(v) for k, v in (data.get("headings") or {}).items()},
        paragraph=str(data.get("paragraph", "{number}.")),
        paragraph_variants=tuple(str(v) for v in data.get("paragraph-variants") or ()),
        paragraph_fallback=tuple(str(v) for v in data.get("paragraph-fallback") or ()),
        clause_break=str(data.get("clause-break", "capital")),
        preamble_openings=tuple(str(v) for v in data.get("preamble-openings") or ()),
        subparagraph=str(data.get("subparagraph", "({letter})")),
        subparagraph_variants=tuple(str(v) for v in data.get("subparagraph-variants") or ()),
        subsubparagraph=str(data.get("subsubparagraph", "({roman-lower})")),
        letters=tuple(str(v) for v in data.get("letters") or ()),
        ordinals=tuple(str(v) for v in data.get("ordinals") or ()),
        suffixes=tuple(str(v) for v in data.get("suffixes") or SUFFIXES),
        heading_word_optional=tuple(str(v) for v in data.get("heading-word-optional") or ()),
        title_split=str(data.get("title-split", "capital")),
        ocr_noise=data.get("ocr-noise") is True,
        words={str(k): str(v) for k, v in (data.get("words") or {}).items()},
        months=tuple(str(v) for v in data.get("months") or ()),
        references={str(k): str(v) for k, v in (data.get("references") or {}).items()},
        date=str(data.get("date", "{day} {month} {year}")),
    )
