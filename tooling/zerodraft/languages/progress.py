"""How far each language version has kept up: per language, how many paragraphs of the original
are current, stale or missing (``zerodraft status --languages``, and the site)."""

from __future__ import annotations

from dataclasses import dataclass

from zerodraft.languages.records import fingerprint, name
from zerodraft.model import Document


@dataclass(frozen=True, slots=True)
class LanguageProgress:
    """One language kept, counted over the original's paragraphs."""

    language: str
    """The language tag."""
    current: int
    """Paragraphs whose translation translates the original as it is now."""
    stale: int
    """Paragraphs whose translation translates an older original text."""
    missing: int
    """Paragraphs with no translation in this language."""

    @property
    def total(self) -> int:
        """The original's paragraphs."""
        return self.current + self.stale + self.missing


def progress(document: Document) -> tuple[LanguageProgress, ...]:
    """Every language kept, in the order ``document.yaml`` gives them."""
    paragraphs = list(document.paragraphs())
    prints = {p.path: fingerprint(p.text) for p in paragraphs}
    out = []
    for language in document.config.languages.kept:
        current = stale = missing = 0
        for paragraph in paragraphs:
            translation = document.translations.of(paragraph.path, language)
            if translation is None:
                missing += 1
            elif translation.translates == prints[paragraph.path]:
                current += 1
            else:
                stale += 1
        out.append(LanguageProgress(language, current, stale, missing))
    return tuple(out)


def table(rows: tuple[LanguageProgress, ...]) -> str:
    """A plain-text table: language, current, stale, missing, total."""

    header = ("language", "current", "stale", "missing", "total")
    lines = [header] + [(name(r.language), str(r.current), str(r.stale), str(r.missing), str(r.total)) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line))
        for line in lines
    )
