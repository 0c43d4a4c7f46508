"""Checks across the language versions: every paragraph in every language kept, none stale,
none orphaned, the same structure in each, and no word that mixes scripts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from zerodraft.checks.registry import document_check, paragraph_check, problem
from zerodraft.languages import conventions
from zerodraft.languages.records import HeadingTranslation, Translation, fingerprint, name
from zerodraft.model import Document, Paragraph, Problem

_LATIN = "A-Za-z\u00c0-\u024f"
_OTHER = "\u0370-\u03ff\u0400-\u04ff"  # Greek, Cyrillic: the look-alikes of Latin letters
_MIXED = re.compile(
    rf"[{_LATIN}]+[{_OTHER}]|[{_OTHER}]+[{_LATIN}]|[\u0370-\u03ff]+[\u0400-\u04ff]|[\u0400-\u04ff]+[\u0370-\u03ff]"
)
_LOOK_ALIKE = re.compile(f"[{_OTHER}]")
_SCRIPTS = {
    "Latin": re.compile(f"[{_LATIN}]"),
    "Cyrillic": re.compile("[\u0400-\u04ff]"),
    "Greek": re.compile("[\u0370-\u03ff]"),
    "Han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "Arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
}
_LETTER = re.compile(r"[^\W\d_]")


@document_check("ZD440")
def undeclared(document: Document) -> Iterator[Problem]:
    """Translation files in a language that document.yaml does not keep."""
    languages = document.config.languages
    kept = ", ".join(languages.kept) or "none"
    items: list[Translation | HeadingTranslation] = [*document.translations.paragraphs, *document.translations.headings]
    for item in items:
        if item.language == languages.original:
            yield Problem(
                item.path,
                1,
                "ZD440",
                f"is in {name(item.language)}, the original language: the original is the file without a language code",
            )
        elif item.language not in languages.kept:
            yield Problem(
                item.path,
                1,
                "ZD440",
                f"is in {name(item.language)}, which document.yaml does not keep (languages kept: {kept}); "
                "add it to 'languages: kept' or remove the file",
            )


@document_check("ZD441")
def missing(document: Document) -> Iterator[Problem]:
    """Paragraphs without a translation in a language kept."""
    kept = document.config.languages.kept
    if not kept:
        return
    translations = document.translations
    for paragraph in document.paragraphs():
        absent = [tag for tag in kept if translations.of(paragraph.path, tag) is None]
        if absent:
            where = paragraph.path.rsplit("/", 1)[0]
            files = ", ".join(paragraph.path.rsplit("/", 1)[1].removesuffix(".md") + f".{t}.md" for t in absent)
            yield Problem(
                paragraph.path,
                1,
                "ZD441",
                f"paragraph {paragraph.label} has no translation in {', '.join(name(t) for t in absent)}: add {files} in {where}/",
            )


@document_check("ZD442")
def stale(document: Document) -> Iterator[Problem]:
    """Translations of an older original text; also orphans (ZD443) and ids (ZD444)."""
    originals = {p.path: p for p in document.paragraphs()}
    for translation in document.translations.paragraphs:
        original = originals.get(translation.original)
        if original is None:
            yield Problem(
                translation.path,
                1,
                "ZD443",
                f"is a {name(translation.language)} translation of {translation.original.rsplit('/', 1)[1]}, "
                "which does not exist here; move it beside its original or remove it",
            )
            continue
        if translation.id and original.id and translation.id != original.id:
            yield Problem(
                translation.path,
                1,
                "ZD444",
                f"has id '{translation.id}' but paragraph {original.label} is '{original.id}'; every language keeps the original's id",
            )
        now = fingerprint(original.text)
        if translation.translates and translation.translates != now:
            yield Problem(
                translation.path,
                translation.translates_line,
                "ZD442",
                f"the {name(translation.language)} translation of paragraph {original.label} is stale: the "
                f"{name(document.config.languages.original or 'en')} text changed since it was translated "
                f"('zerodraft diff --translation {translation.path}' shows how); update the translation "
                f"and set 'translates: {now}'",
            )


@paragraph_check("ZD445")
def mixed_script(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    """A word in the original that mixes scripts."""
    yield from _mixed(paragraph.text, lambda line, message: problem(paragraph, line, "ZD445", message))


@document_check("ZD446")
def translated_text(document: Document) -> Iterator[Problem]:
    """Per translation: mixed-script words (ZD445), the wrong script (ZD446), a different
    structure from the original (ZD447)."""
    originals = {p.path: p for p in document.paragraphs()}
    source = conventions.of(document.config.languages.original or "en")
    for translation in document.translations.paragraphs:

        def at(line: int, message: str, code: str = "ZD445", t: Translation = translation) -> Problem:
            return Problem(t.path, t.text_line + line - 1, code, message)

        yield from _mixed(translation.text, at)
        target = conventions.of(translation.language)
        letters = _LETTER.findall(translation.text)
        script = _SCRIPTS.get(target.script)
        if script is not None and len(letters) >= 20:
            share = len(script.findall(translation.text)) / len(letters)
            if share < 0.5:
                yield at(
                    1,
                    f"is meant to be {name(translation.language)} but only {share:.0%} of its letters are in "
                    f"the {target.script} script: check that the file holds the {name(translation.language)} text",
                    "ZD446",
                )
        original = originals.get(translation.original)
        if original is None:
            continue
        for what, theirs, ours in (
            ("subparagraphs", source.subparagraph_count(original.text), target.subparagraph_count(translation.text)),
            ("opening square brackets", original.text.count("["), translation.text.count("[")),
        ):
            if theirs != ours:
                yield at(
                    1,
                    f"the {what} differ from paragraph {original.label} of the original: {ours} here, {theirs} "
                    "there; give the translation the original's structure",
                    "ZD447",
                )


def _mixed(text: str, report: Callable[[int, str], Problem]) -> Iterator[Problem]:
    if not _LOOK_ALIKE.search(text) or not _MIXED.search(text):
        return
    for number, line in enumerate(text.split("\n"), 1):
        for match in _MIXED.finditer(line):
            start = line.rfind(" ", 0, match.start()) + 1
            end = line.find(" ", match.end())
            word = line[start : end if end >= 0 else len(line)][:40]
            yield report(
                number, f"the word '{word}' mixes letters of two scripts (Latin, Cyrillic, Greek); retype it in one"
            )
            break
