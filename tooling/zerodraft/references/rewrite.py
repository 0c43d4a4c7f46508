"""Rewriting internal references when a release renumbers: "paragraph 40 above" becomes
"paragraph 42 above" when 18 bis and 18 ter have become 19 and 20.

The mapping comes from the release's concordance and nothing else (:meth:`Mapping.from_concordance`):
each target is resolved in the draft *before* renumbering, to a stable id, and the
concordance says that id's new number.  Only the numbers are replaced; every other
character of the text, square brackets included, stays as written.  References to other
instruments are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field

from zerodraft import frontmatter
from zerodraft.languages.records import name
from zerodraft.model import Document, Paragraph
from zerodraft.references.grammar import Kind, find
from zerodraft.references.resolve import Index, Resolution, Resolved, Status


@dataclass(frozen=True, slots=True)
class Mapping:
    """Old place to new number, for everything a release renumbers."""

    paragraphs: MappingType[str, str]
    """Paragraph id to its number in the new draft ("42"); empty when it leaves."""
    sections: MappingType[str, str] = field(default_factory=dict)
    """Section folder (before the release) to its new number ("8" for an article), for
    releases that renumber articles."""

    @classmethod
    def from_concordance(cls, rows: Iterable[tuple[str, str]], articles: Iterable[tuple[str, str]] = ()) -> Mapping:
        """The mapping a concordance records: its paragraph rows as ``(id, new number)``,
        its article rows as ``(old folder, new number)``."""
        return cls(dict(rows), dict(articles))


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One reference a release rewrote."""

    path: str
    """The file it is written in, before the release."""
    old: str
    """The referring paragraph's number before the release ("30", "1 of article 12"); for a
    heading, the section's folder."""
    new: str
    """Its number after the release ("32", "1 of article 13"); for a heading, the section's
    folder."""
    before: str
    """The reference as it was written ("paragraph 40 above")."""
    after: str
    """The reference as it now reads ("paragraph 42 above")."""
    heading: bool = False
    """True when the reference is in a section heading."""
    language: str = ""
    """For a reference in a translation, its language (``fr``); ``""`` in the original."""

    @property
    def where(self) -> str:
        """Where it is, in words: ``paragraph 32 (was 30)``, ``the heading of 02-b-…``,
        ``paragraph 32 (was 30), French (fr)``."""
        if self.heading:
            return f"the heading of {self.new}"
        place = f"paragraph {self.new}" + (f" (was {self.old})" if self.old != self.new else "")
        return f"{place}, {name(self.language)}" if self.language else place


def rewrite(text: str, found: Iterable[Resolved], mapping: Mapping) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each number of an internal reference whose target is renumbered
    replaced by its new number, and each reference changed as ``(before, after)``."""
    replacements: list[tuple[int, int, str]] = []
    changed: list[tuple[str, str]] = []
    for resolved in found:
        reference = resolved.reference
        if reference.external:
            continue
        inside: list[tuple[int, int, str]] = []
        for resolution in resolved.resolutions:
            numeral = resolution.target.numeral
            if numeral is None or numeral.end <= numeral.start or resolution.status is not Status.FOUND:
                continue
            new = _new_number(resolution.target.kind, resolution, mapping)
            if new and new != numeral.label:
                inside.append((numeral.start, numeral.end, new))
        if not inside:
            continue
        inside.sort()
        before = reference.written
        after = before
        for start, end, new in reversed(inside):
            after = after[: start - reference.start] + new + after[end - reference.start :]
        changed.append((before, after))
        replacements.extend(inside)
    for start, end, new in sorted(set(replacements), reverse=True):
        text = text[:start] + new + text[end:]
    return text, changed


def _new_number(kind: Kind, resolution: Resolution, mapping: Mapping) -> str:
    if kind is Kind.PARAGRAPH and resolution.paragraph is not None:
        return mapping.paragraphs.get(resolution.paragraph.id, "")
    if resolution.section is not None:
        return mapping.sections.get(resolution.section.path, "")
    return ""


@dataclass(frozen=True, slots=True)
class Rewriting:
    """What a release changes in the text because of its renumbering."""

    files: dict[str, bytes]
    """The files whose text changed, by their path before the release, new content."""
    rewrites: tuple[Rewrite, ...]
    """Every reference rewritten, in document order."""


def plan(document: Document, mapping: Mapping, files: MappingType[str, bytes]) -> Rewriting:
    """The rewritten files of ``document`` (as read from ``files``) under ``mapping``;
    paragraphs that leave (no new number) are not rewritten."""
    index = Index(document)
    changed: dict[str, bytes] = {}
    rewrites: list[Rewrite] = []
    for paragraph in document.paragraphs():
        new = mapping.paragraphs.get(paragraph.id, "")
        if not new:
            continue  # leaves in this release
        data = files.get(paragraph.path)
        if data is None:
            continue
        result = _rewrite_file(index, paragraph, data.decode("utf-8"), mapping)
        if result is None:
            continue
        content, pairs = result
        changed[paragraph.path] = content.encode("utf-8")
        old = paragraph.label
        article = index.article_of(paragraph)
        if article is not None:  # "1 of article 13 (was 1 of article 12)"
            number = index.addresses[article.path][1]
            old, new = f"{old} of article {number}", f"{new} of article {mapping.sections.get(article.path, number)}"
        rewrites += [Rewrite(paragraph.path, old, new, b, a) for b, a in pairs]
    for section in document.walk():
        path = f"{section.path}/section.yaml"
        if path not in files or not index.in_heading(section, section.heading):  # "Article 7" alone: nothing
            continue
        text = files[path].decode("utf-8")
        changes: dict[str, str] = {}
        for key in ("heading", "title"):  # as written; a heading made from kind and number is not
            written = frontmatter.yaml_value(text, key)
            if isinstance(written, str):
                new_text, pairs = rewrite(written, index.in_heading(section, written), mapping)
                if pairs:
                    changes[key] = new_text
                    rewrites += [Rewrite(path, section.key, section.key, b, a, heading=True) for b, a in pairs]
        if changes:
            changed[path] = frontmatter.update_yaml(text, changes).encode("utf-8")
    return Rewriting(changed, tuple(rewrites))


def _rewrite_file(
    index: Index, paragraph: Paragraph, content: str, mapping: Mapping
) -> tuple[str, list[tuple[str, str]]] | None:
    """The file with its text rewritten, or ``None`` when nothing changes."""
    body = frontmatter.split(content).body
    references = find(body)
    if not references:
        return None
    text, pairs = rewrite(body, (index.resolve(paragraph, r) for r in references), mapping)
    if not pairs:
        return None
    return content[: len(content) - len(body)] + text, pairs
