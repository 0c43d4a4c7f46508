"""Reading the language files of a document: ``languages:`` in ``document.yaml``, each
paragraph's ``018.fr.md`` and each section's ``section.fr.yaml``.

A translation file holds front matter with the fingerprint of the original text it
translates, then the translated text::

    ---
    translates: 3f2a9c1e7b3d5a08
    ---
    Les États s'engagent à …

Problems are collected, never raised, like everything the reader does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from zerodraft import frontmatter, safeyaml
from zerodraft.languages.records import TAG_RE, HeadingTranslation, Languages, Translation, Translations
from zerodraft.model import Problem

_TAG = r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"
#: ``018.fr.md``, ``018bis.zh.md``, ``000u.ar.md``, ``016.1.es.md``: a paragraph file's stem, a tag.
PARAGRAPH_RE = re.compile(rf"^(?P<stem>\d{{3,5}}[a-z0-9.]*?)\.(?P<tag>{_TAG})\.md$")
#: ``section.fr.yaml`` beside a section's ``section.yaml``; ``document.fr.yaml`` beside
#: ``document.yaml`` (the title in that language).
SECTION_RE = re.compile(rf"^(?:section|document)\.(?P<tag>{_TAG})\.yaml$")
FIELDS = ("translates", "id")
SECTION_FIELDS = ("heading", "title")
DOCUMENT_FIELDS = ("title", "header-note")


def is_translation(name: str) -> bool:
    """True for a translation file's name (``018.fr.md``, ``section.fr.yaml``)."""
    return bool(PARAGRAPH_RE.match(name) or SECTION_RE.match(name))


def languages(path: str, line: int, value: Any, problems: list[Problem]) -> Languages:
    """``languages:`` in ``document.yaml`` (ZD530): ``{original: en, kept: [fr, zh]}``."""

    def report(message: str) -> None:
        problems.append(Problem(path, line, "ZD530", message))

    if value is None:
        return Languages()
    if not isinstance(value, dict) or not isinstance(value.get("original"), str):
        report(
            "'languages' needs 'original:' (the language negotiated in, like en) and 'kept:' (a list, like [fr, es])"
        )
        return Languages()
    for key in value:
        if key not in ("original", "kept"):
            report(f"'languages' has an unknown key '{key}' (known: original, kept)")
    kept = value.get("kept") or []
    if not isinstance(kept, list) or not all(isinstance(k, str) for k in kept):
        report("'languages: kept' must be a list of language codes, like [ar, zh, fr, ru, es]")
        kept = []
    good: list[str] = []
    original = value["original"].strip()
    for tag in (original, *(k.strip() for k in kept)):
        if not TAG_RE.match(tag):
            report(f"'{tag[:40]}' is not a language code (BCP 47: fr, zh, es-419, zh-Hans)")
        elif tag in good:
            report(f"'languages:' lists '{tag}' twice; name each language once")
        else:
            good.append(tag)
    if not good or good[0] != original:
        return Languages()
    return Languages(original, tuple(good[1:]))


def read(texts: Mapping[str, str | None], problems: list[Problem]) -> Translations:
    """The translation files among ``texts`` (path -> decoded text), read into records."""
    paragraphs: list[Translation] = []
    headings: list[HeadingTranslation] = []
    for path in sorted(texts):
        folder, name = path.rsplit("/", 1)
        text = texts[path]
        if text is None:
            continue
        match = PARAGRAPH_RE.match(name)
        if match:
            found = _paragraph(path, f"{folder}/{match['stem']}.md", match["tag"], text, problems)
            if found is not None:
                paragraphs.append(found)
            continue
        match = SECTION_RE.match(name)
        if match:
            heading = _heading(path, folder, match["tag"], text, problems)
            if heading is not None:
                headings.append(heading)
    return Translations(tuple(paragraphs), tuple(headings))


def _paragraph(path: str, original: str, tag: str, text: str, problems: list[Problem]) -> Translation | None:
    try:
        parts = frontmatter.split(text)
    except frontmatter.NoFrontMatter as error:
        problems.append(Problem(path, error.line, "ZD448", f"{error.message}, with 'translates:'"))
        return None
    data, lines = _mapping(path, parts.meta, parts.meta_line, problems)
    for key in data:
        if key not in FIELDS:
            problems.append(
                Problem(
                    path,
                    lines.get(str(key), parts.meta_line),
                    "ZD448",
                    f"front matter has '{key}:', which a translation does not have; its lines are translates: and id:",
                )
            )
    translates = data.get("translates")
    ident = data.get("id", "")
    if not isinstance(translates, str) or not re.fullmatch(r"[0-9a-f]{16}", translates.strip()):
        problems.append(
            Problem(
                path,
                lines.get("translates", parts.meta_line),
                "ZD448",
                "front matter needs 'translates:' with the fingerprint of the original text it translates "
                "(16 hexadecimal digits, written by 'zerodraft import --language')",
            )
        )
        translates = ""
    if not isinstance(ident, str):
        ident = str(ident)
    return Translation(
        language=tag,
        path=path,
        original=original,
        text=parts.body,
        translates=translates.strip(),
        id=ident.strip(),
        text_line=parts.body_line,
        translates_line=lines.get("translates", parts.meta_line),
    )


def _heading(path: str, folder: str, tag: str, text: str, problems: list[Problem]) -> HeadingTranslation | None:
    data, lines = _mapping(path, text, 1, problems)
    values: dict[str, str] = {}
    known = DOCUMENT_FIELDS if path.rsplit("/", 1)[1].startswith("document.") else SECTION_FIELDS
    for key, value in data.items():
        if key not in known:
            problems.append(
                Problem(
                    path,
                    lines.get(str(key), 1),
                    "ZD449",
                    f"has '{key}:', which a translated heading does not have; write "
                    + " or ".join(f"'{k}:'" for k in known),
                )
            )
        elif not isinstance(value, str):
            problems.append(Problem(path, lines.get(str(key), 1), "ZD449", f"'{key}' must be text"))
        else:
            values[str(key)] = value.strip()
    return HeadingTranslation(
        tag, path, folder, values.get("heading", ""), values.get("title", ""), values.get("header-note", "")
    )


def _mapping(path: str, text: str, first: int, problems: list[Problem]) -> tuple[dict[Any, Any], dict[str, int]]:
    try:
        loaded = safeyaml.load(text)
    except safeyaml.YamlProblem as error:
        problems.append(Problem(path, first + error.line - 1, "ZD102", error.message))
        return {}, {}
    if loaded.data is None:
        return {}, {}
    if not isinstance(loaded.data, dict):
        problems.append(Problem(path, first, "ZD102", "must be 'key: value' lines"))
        return {}, {}
    return loaded.data, {k: first + v - 1 for k, v in loaded.key_lines.items()}
