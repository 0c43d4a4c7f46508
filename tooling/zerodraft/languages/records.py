"""The records of a many-language document, and the fingerprint that makes staleness computed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

#: A language tag as BCP 47 writes it (RFC 5646, well-formed subset): ``fr``, ``zh-Hans``,
#: ``es-419``, ``sr-Latn-RS``.
TAG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[a-z0-9]{5,8})*$")
#: The six official languages of the United Nations.
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
#: What an amendment or insertion in the original leaves for the translators (missing and stale
#: versions): a proposal is written with a warning, not refused, for these.
FOLLOW_UPS = frozenset({"ZD441", "ZD442"})
_ENGLISH_NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}


def name(tag: str) -> str:
    """The language as messages name it: "French (fr)"; the tag alone for other languages."""
    base = tag.split("-")[0]
    return f"{_ENGLISH_NAMES[base]} ({tag})" if base in _ENGLISH_NAMES else f"'{tag}'"


def fingerprint(text: str) -> str:
    """The fingerprint of an original paragraph's text, recorded by each translation.

    SHA-256 of the text with line ends and trailing spaces normalised, first 16 hex digits:
    ``fingerprint("To x.") == fingerprint("To x.\\n")``; any change of a word changes it.
    Only the negotiated text counts: a change of status or attribution leaves translations current.
    """
    normal = _TRAILING.sub("", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Languages:
    """``languages:`` in ``document.yaml``."""

    original: str = ""
    """The language the text is negotiated in (``en``); empty for a one-language document."""
    kept: tuple[str, ...] = ()
    """The other languages every paragraph is kept in, in the order given (``[ar, zh, fr, ru, es]``)."""

    @property
    def all(self) -> tuple[str, ...]:
        """The original first, then the languages kept."""
        return (self.original, *self.kept) if self.original else ()

    def declares(self, tag: str) -> bool:
        """True if ``tag`` is the original or a kept language."""
        return tag in self.all


@dataclass(frozen=True, slots=True)
class Translation:
    """One language version of one paragraph: ``018.fr.md`` beside ``018.md``."""

    language: str
    """Its language tag, from the file name (``fr``)."""
    path: str
    """The file, relative to the repository root."""
    original: str
    """The original paragraph's file (``…/018.md``)."""
    text: str
    """The translated text, in Markdown, without front matter."""
    translates: str
    """The fingerprint of the original text it translates (see :func:`fingerprint`)."""
    id: str = ""
    """The paragraph id, if the file repeats it (it must then be the original's)."""
    text_line: int = 1
    """The line of the file on which the text starts."""
    translates_line: int = 2
    """The line of ``translates:``, to point problems at it."""


@dataclass(frozen=True, slots=True)
class HeadingTranslation:
    """A section's heading and title in one language: ``section.fr.yaml`` beside ``section.yaml``."""

    language: str
    """Its language tag, from the file name."""
    path: str
    """The file, relative to the repository root."""
    section: str
    """The section folder."""
    heading: str = ""
    """The heading exactly as printed in that language, when it is not generated from the
    language's conventions ("Article premier" is generated; "A. Examen de …" is written)."""
    title: str = ""
    """The title in that language ("Emploi des termes")."""
    note: str = ""
    """For ``document.fr.yaml``: the note printed above the text (``header-note``) in that language."""


@dataclass(frozen=True, slots=True)
class Translations:
    """Every translation file of a document."""

    paragraphs: tuple[Translation, ...] = ()
    """Paragraph translations, in path order."""
    headings: tuple[HeadingTranslation, ...] = ()
    """Section heading translations, in path order."""
    _by_original: dict[tuple[str, str], Translation] = field(init=False, repr=False, compare=False)
    _by_section: dict[tuple[str, str], HeadingTranslation] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_original", {(t.original, t.language): t for t in self.paragraphs})
        object.__setattr__(self, "_by_section", {(h.section, h.language): h for h in self.headings})

    def of(self, original: str, language: str) -> Translation | None:
        """The ``language`` version of the paragraph file ``original``, or ``None``."""
        return self._by_original.get((original, language))

    def heading_of(self, section: str, language: str) -> HeadingTranslation | None:
        """The ``language`` heading of the section folder ``section``, or ``None``."""
        return self._by_section.get((section, language))

    def languages(self) -> tuple[str, ...]:
        """Every language that has at least one file, sorted."""
        return tuple(sorted({t.language for t in self.paragraphs} | {h.language for h in self.headings}))
