"""The document as it reads in one language: what ``build --language fr`` renders.

Each paragraph keeps its number, id, status and attribution (the original's) and takes the text
of its translation; each numbered section's heading is printed by the language's conventions
("Article premier", "第十二条", "المادة 12") with its title from ``section.fr.yaml``; the
document's title comes from ``document.fr.yaml``.  A paragraph with no translation keeps the
original text (``check`` reports it, ZD441, and the build lists the problem at the top).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from zerodraft.errors import Fatal
from zerodraft.languages import conventions
from zerodraft.languages.conventions import HEADING_KINDS, Conventions
from zerodraft.languages.records import fingerprint
from zerodraft.languages.skeleton import parse_heading, parse_number
from zerodraft.model import Document, Section
from zerodraft.vocabulary import Vocabulary

#: :attr:`Document.behind`: a paragraph with no translation, shown in the original's words.
MISSING = "missing"
#: :attr:`Document.behind`: a translation of an earlier text of the original.
STALE = "stale"


def tag(document: Document) -> str:
    """The language a document record is in: its ``language``, else the original's, else ``en``."""
    return document.language or document.config.languages.original or "en"


def declared(document: Document) -> bool:
    """True for a document that declares its languages (``languages:``) or is a language version:
    only those say their language in the output, so a one-language draft renders as it always has."""
    return bool(document.language or document.config.languages.original)


def rules(document: Document) -> Conventions:
    """The printing conventions of the language ``document`` is in."""
    return conventions.of(tag(document))


def date_text(document: Document, date: dt.date) -> str:
    """``date`` as the document's language writes it (``data/languages/*.yaml``: ``date:``,
    ``months:``): "2 July 2021", "2 juillet 2021", "2021年7月2日"."""
    return date_in(tag(document), date)


def date_in(language: str, date: dt.date) -> str:
    """``date`` as ``language`` writes it (:func:`date_text`)."""
    rules_ = conventions.of(language)
    month = rules_.months[date.month - 1] if len(rules_.months) == 12 else str(date.month)
    values = {"day": str(date.day), "month": month, "month-number": str(date.month), "year": str(date.year)}
    return re.sub(r"\{([a-z-]+)\}", lambda m: values.get(m.group(1), m.group()), rules_.date)


def draft_name(document: Document, language: str = "") -> str:
    """The draft's name in the document's language (or in ``language``): "Draft 2" is "Projet
    2" in French, "草案 2" in Chinese (the original's word for a draft replaced by the language's)."""
    name = document.config.draft_name
    language = language or document.language
    return named(name, document.config.languages.original or "en", language) if language else name


def named(name: str, original: str, language: str) -> str:
    """A draft's name in the language ``original`` ("Draft 2") as ``language`` says it ("Projet
    2"): the original's word for a draft replaced by the language's; other names as they are."""
    was, word = conventions.of(original).word("draft"), conventions.of(language).word("draft")
    if was and word and name.casefold().startswith(was.casefold()):
        return word + name[len(was) :]
    return name


def behind_note(document: Document, path: str) -> str:
    """What a language version prints on a paragraph whose translation has not kept up, in the
    reader's language: "[Texte original en anglais ; traduction en attente]" where the original's
    text is shown, "[traduction d'une version antérieure]" for a stale one; ``""`` otherwise."""
    state = document.behind.get(path, "")
    if not state:
        return ""
    words = rules(document)
    if state == STALE:
        return words.word("stale", "[translation of an earlier version]")
    original = document.config.languages.original or "en"
    return words.word(f"untranslated-{original}") or words.word("untranslated", "[original; translation pending]")


def text_language(document: Document, path: str) -> str:
    """The language the text of paragraph ``path`` is shown in, where it is not the document's
    (the original's tag for a paragraph with no translation); ``""`` otherwise."""
    if document.behind.get(path) == MISSING:
        return document.config.languages.original or "en"
    return ""


def wanted(document: Document, value: str | None) -> list[str]:
    """The languages ``--language`` names: one tag, ``all`` (the original first), or none
    given (the original only, as ``[""]``); :class:`Fatal` for a language the document does not keep."""
    languages = document.config.languages
    if value is None or value == languages.original:
        return [""]
    if value == "all":
        return ["", *languages.kept]
    if value not in languages.kept:
        kept = ", ".join(languages.all) or "only its original language (document.yaml has no 'languages:')"
        raise Fatal(f"the document is not kept in '{value[:40]}'; it is kept in {kept}")
    return [value]


def in_language(document: Document, language: str) -> Document:
    """``document`` as it reads in ``language`` (``""`` or the original: itself)."""
    if not language or language == document.config.languages.original:
        return document
    target = conventions.of(language)
    behind: dict[str, str] = {}
    sections = tuple(_section(document, section, language, target, behind) for section in document.sections)
    heading = document.translations.heading_of(document.root, language)
    # The title and the note above the text in that language (document.fr.yaml); never the original's.
    config = replace(
        document.config,
        title=heading.title if heading is not None and heading.title else document.config.title,
        header_note=heading.note if heading is not None else "",
        vocabulary=_labels(document.config.vocabulary, target),
    )
    return replace(document, config=config, sections=sections, language=language, behind=behind)


def _labels(vocabulary: Vocabulary, target: Conventions) -> Vocabulary:
    """The consensus labels as the language prints them (``label-agreed-ad-ref:`` in its data
    file), where the conference has not spelt them its own way in ``document.yaml``; what a
    delegate writes after ``status:`` stays the original's."""
    default = Vocabulary.default()
    labels = []
    for label in vocabulary.labels:
        standard = default.of(label.role)
        display = target.word(f"label-{label.role.value}") if label.display == standard.display else ""
        about = target.word(f"about-{label.role.value}") if label.description == standard.description else ""
        labels.append(replace(label, display=display or label.display, description=about or label.description))
    return Vocabulary(tuple(labels))


def _section(
    document: Document, section: Section, language: str, target: Conventions, behind: dict[str, str]
) -> Section:
    translations = document.translations
    paragraphs = []
    for paragraph in section.paragraphs:
        translation = translations.of(paragraph.path, language)
        if translation is None:
            behind[paragraph.path] = MISSING
            paragraphs.append(paragraph)
        else:
            if translation.translates != fingerprint(paragraph.text):
                behind[paragraph.path] = STALE
            paragraphs.append(replace(paragraph, text=translation.text, text_line=translation.text_line))
    found = translations.heading_of(section.path, language)
    title = found.title if found is not None else ""  # never the original's title in another language
    heading = section.heading
    kind = section.kind.value
    number = parse_number(section.number) if section.number else None
    if number is None and not section.preamble:  # a heading written as printed: "Article 75"
        kind, number, _rest = parse_heading(section.heading, conventions.of(document.config.languages.original or "en"))
    if found is not None and found.heading:
        heading = found.heading
    elif kind in HEADING_KINDS and number is not None and target.heading(kind, number):
        label = target.heading(kind, number)
        heading = "\n".join(line for line in (f"[{label}]" if section.bracketed else label, title) if line)
    elif found is not None and found.title:
        heading = found.title
    subsections = tuple(_section(document, sub, language, target, behind) for sub in section.subsections)
    return replace(section, heading=heading, title=title, paragraphs=tuple(paragraphs), subsections=subsections)
