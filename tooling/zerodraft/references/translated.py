"""References inside translations, rewritten at a release like the original's.

The English grammar (:mod:`zerodraft.references.grammar`) reads the original.  A translation
refers to the same articles and paragraphs in its own words: "l’article 12", "paragraphe 6 de
l’article 47", "статьи 12", "第十四条第六款", "الفقرة 6 من المادة 14".  Each language's data file
(``data/languages/<code>.yaml``, ``references:``) gives those shapes as regular expressions
with placeholders — ``{n}`` a number or a list of them ("35 et 36"), ``{a}`` and ``{p}`` an
article's and a paragraph's number, ``{mark}`` a subparagraph mark that may stand between them
("6 e)") — and what makes a reference point at another instrument (``external``: "de la
Convention" after it, ``external-before``: "《公约》" before it).

A reference is resolved in the original document as it stands before the release (an article
by its number, a paragraph within the article named or, failing that, the one the translation
is in) and its numbers are replaced through the same concordance as the original's
(:class:`~zerodraft.references.rewrite.Mapping`), printed in the language's numerals (Chinese
"第十五条").  Nothing else in the text changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from collections.abc import Mapping as MappingType
from dataclasses import dataclass

from zerodraft import frontmatter
from zerodraft.languages import conventions, numerals
from zerodraft.languages.conventions import Conventions
from zerodraft.languages.records import fingerprint
from zerodraft.model import Document, Paragraph, Section
from zerodraft.references.grammar import Kind
from zerodraft.references.resolve import Index
from zerodraft.references.rewrite import Mapping, Rewrite, Rewriting

_DIGITS = "[0-9]+"
_HAN = "[〇一二三四五六七八九十百]+"
#: A subparagraph mark between a paragraph's number and its article: "6 e)", "6 (هـ)", "6 е".
_MARK = r"(?:\s*\(?[^\s()0-9]{1,3}\)?)?"


@dataclass(frozen=True, slots=True)
class Mention:
    """One number of a reference in a translation."""

    start: int
    """Where the number starts in the text."""
    end: int
    """Where it ends."""
    kind: Kind
    """An article or a paragraph."""
    number: int
    """The number as written (12 for "第十二条")."""
    article: int | None = None
    """For a paragraph, the article named with it ("paragraphe 6 de l’article 47": 47); ``None``
    for "paragraphe 3 ci-dessus", the paragraph's own article."""
    external: bool = False
    """True for a reference to another instrument ("l’article 76 de la Convention"): never rewritten."""


@dataclass(frozen=True, slots=True)
class _Shapes:
    """One language's compiled reference patterns."""

    number: str
    patterns: tuple[tuple[re.Pattern[str], Kind], ...]
    """The shapes to look for, the longest first: a paragraph with its article, an article, a paragraph."""
    external: re.Pattern[str] | None
    external_before: re.Pattern[str] | None


@functools.cache
def _shapes(rules: Conventions) -> _Shapes:
    data = rules.references
    number = _HAN if rules.script == "Han" else _DIGITS
    listed = rf"{number}(?:\s*(?:,|،|、|{data.get('and', 'and')})\s*{number})*"

    def compiled(key: str) -> re.Pattern[str] | None:
        shape = data.get(key)
        if not shape:
            return None
        shape = shape.replace("{n}", f"(?P<n>{listed})").replace("{a}", f"(?P<a>{number})")
        shape = shape.replace("{p}", f"(?P<p>{number})").replace("{mark}", _MARK)
        return re.compile(shape)

    external = data.get("external")
    before = data.get("external-before")
    keys = (
        ("paragraph-of-article", Kind.PARAGRAPH),
        ("article-paragraph", Kind.PARAGRAPH),
        ("article", Kind.ARTICLE),
        ("paragraph", Kind.PARAGRAPH),
    )
    return _Shapes(
        number,
        tuple((pattern, kind) for key, kind in keys if (pattern := compiled(key)) is not None),
        re.compile(rf"\s*(?:{external})") if external else None,
        re.compile(rf"(?:{before})\s*$") if before else None,
    )


def find(text: str, language: str) -> tuple[Mention, ...]:
    """Every number of a reference to an article or paragraph in ``text``, in order, as the
    data file of ``language`` describes them; ``()`` for a language without ``references:``."""
    shapes = _shapes(conventions.of(language))
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for pattern, kind in shapes.patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            external = _external(shapes, text, match.start(), match.end())
            found += _mentions(shapes, match, kind, text, external)
    return tuple(sorted(found, key=lambda m: m.start))


def _external(shapes: _Shapes, text: str, start: int, end: int) -> bool:
    after = shapes.external is not None and shapes.external.match(text, end) is not None
    before = shapes.external_before is not None and shapes.external_before.search(text[max(0, start - 12) : start])
    return after or bool(before)


def _mentions(shapes: _Shapes, match: re.Match[str], kind: Kind, text: str, external: bool) -> Iterator[Mention]:
    groups = match.groupdict()
    if groups.get("a") is not None and groups.get("p") is not None:
        article = _value(match.group("a"))
        yield Mention(match.start("p"), match.end("p"), Kind.PARAGRAPH, _value(match.group("p")), article, external)
        yield Mention(match.start("a"), match.end("a"), Kind.ARTICLE, article, None, external)
        return
    if groups.get("n") is None:
        return
    for number in re.finditer(shapes.number, text[match.start("n") : match.end("n")]):
        start = match.start("n") + number.start()
        yield Mention(start, start + len(number.group()), kind, _value(number.group()), None, external)


def _value(written: str) -> int:
    return int(written) if written.isdigit() else (numerals.from_chinese(written) or 0)


@dataclass(frozen=True, slots=True)
class Change:
    """One number of a reference a release rewrote in a translation."""

    before: str
    """The reference's number as written ("12", "十二")."""
    after: str
    """As it now reads ("13", "十三")."""
    context: str
    """The words around it as they now read, for the release notes ("… à l’article 13 ci-dessous")."""
    before_context: str
    """The same words as they read before ("… à l’article 12 ci-dessous")."""


def rewrite(
    document: Document, index: Index, original: Paragraph, text: str, language: str, mapping: Mapping
) -> tuple[str, tuple[Change, ...]]:
    """``text``, the ``language`` version of ``original``, with the number of each reference to
    a renumbered article or paragraph replaced by its new one, and what changed."""
    rules = conventions.of(language)
    replacements: list[tuple[int, int, str]] = []
    for mention in find(text, language):
        if mention.external:
            continue
        new = _new(index, original, mention, mapping)
        if not new or not new.isdigit() or int(new) == mention.number:
            continue
        replacements.append((mention.start, mention.end, numerals.chinese(int(new)) if rules.script == "Han" else new))
    changes = []
    for start, end, new in sorted(replacements, reverse=True):
        head, tail = text[max(0, start - 20) : start], text[end : end + 12]
        context, before = " ".join(f"{head}{new}{tail}".split()), " ".join(f"{head}{text[start:end]}{tail}".split())
        changes.append(Change(text[start:end], new, context, before))
        text = text[:start] + new + text[end:]
    return text, tuple(reversed(changes))


def _new(index: Index, original: Paragraph, mention: Mention, mapping: Mapping) -> str:
    """The new number of what ``mention`` names, or ``""`` where it is not renumbered or not found."""
    if mention.kind is Kind.ARTICLE:
        article = _article(index, mention.number)
        return mapping.sections.get(article.path, "") if article is not None else ""
    container = _article(index, mention.article) if mention.article is not None else index.article_of(original)
    if mention.article is not None and container is None:
        return ""
    target = _paragraph(index, original, container, mention.number)
    return mapping.paragraphs.get(target.id, "") if target is not None and target.id else ""


def _article(index: Index, number: int) -> Section | None:
    """The article numbered ``number`` in the main text (an annex's article only where there is no other)."""
    found = index.by_address.get((Kind.ARTICLE, str(number)), [])
    main = [s for s in found if not index.annex_of.get(s.path)]
    return main[0] if main else (found[0] if found else None)


def _paragraph(index: Index, original: Paragraph, article: Section | None, number: int) -> Paragraph | None:
    """Paragraph ``number`` of ``article``, or of the numbering unit ``original`` is in."""
    label = str(number)
    if article is not None:
        return next((p for p in article.paragraphs if p.label == label and not p.number.is_alternative), None)
    unit = index.unit_of.get(original.path)
    candidates = index.units[unit].get(label, []) if unit is not None else []
    return candidates[0] if len(candidates) == 1 else None


def plan(
    document: Document, mapping: Mapping, files: MappingType[str, bytes], originals: MappingType[str, bytes]
) -> Rewriting:
    """The translation files a release changes: their references rewritten through ``mapping``,
    and the ``translates:`` of each translation that was current brought to the original's new
    fingerprint where the release rewrote the original's references (``originals``: the
    original files the release rewrote), so that renumbering alone never makes a translation
    stale.  Paragraphs that leave are not rewritten."""
    index = Index(document)
    by_path = {p.path: p for p in document.paragraphs()}
    changed: dict[str, bytes] = {}
    rewrites: list[Rewrite] = []
    for translation in document.translations.paragraphs:
        original = by_path.get(translation.original)
        data = files.get(translation.path)
        new_number = mapping.paragraphs.get(original.id, "") if original is not None else ""
        if original is None or data is None or not new_number:
            continue
        content = data.decode("utf-8")
        try:
            parts = frontmatter.split(content)
        except frontmatter.NoFrontMatter:  # reported by check (ZD448); a release needs a clean check
            continue
        body, changes = rewrite(document, index, original, parts.body, translation.language, mapping)
        meta = parts.meta
        if translation.original in originals:
            rewritten = frontmatter.split(originals[translation.original].decode("utf-8")).body
            if translation.translates == fingerprint(original.text):
                meta = _TRANSLATES.sub(f"translates: {fingerprint(rewritten)}", meta, count=1)
        if body == parts.body and meta == parts.meta:
            continue
        changed[translation.path] = f"{frontmatter.DELIMITER}\n{meta}\n{frontmatter.DELIMITER}\n{body}".encode()
        label = original.label
        rewrites += [
            Rewrite(translation.path, label, new_number, c.before_context, c.context, language=translation.language)
            for c in changes
        ]
    return Rewriting(changed, tuple(rewrites))


_TRANSLATES = re.compile(r"(?m)^translates:[ \t]*\S*")
