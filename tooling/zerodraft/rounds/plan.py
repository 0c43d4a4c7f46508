"""What a release is asked to do (:class:`Request`) and everything it will do, worked out
before anything is touched (:class:`Plan`).

These records are shared by the planning (:mod:`zerodraft.rounds.release`), the steps that
carry a plan out (:mod:`zerodraft.rounds.steps`) and what a release publishes
(:mod:`zerodraft.rounds.notes`); they import nothing of those, so the three form no cycle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.model import Document, SectionKind
from zerodraft.references.rewrite import Rewrite
from zerodraft.rounds.concordance import Concordance
from zerodraft.rounds.renumber import Renumbering


@dataclass(frozen=True, slots=True)
class Request:
    """What the secretariat asked for."""

    name: str
    """The new draft's name ("Draft 3")."""
    date: dt.date
    """The new draft's date."""
    sign: bool = False
    """Sign the tag with the secretariat's GPG key (``git tag -s``)."""
    output: Path | None = None
    """Where the artefacts go (default: ``build/<tag>`` in the repository)."""
    expect_head: str | None = None
    """Refuse unless HEAD is this commit (what the secretariat reviewed)."""
    root: str = "outcome"
    """The document folder."""
    formats: tuple[str, ...] | None = None
    """The render formats to publish the draft in (``None``: every format there is)."""
    branch: str = "main"
    """The branch drafts are released from."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a release will do, worked out before anything is touched."""

    request: Request
    tag: str
    """The annotated tag to create (``draft-3``)."""
    head: str
    """The commit released from."""
    branch: str
    """The branch released on."""
    renumbering: Renumbering
    concordance: Concordance
    concordance_path: str
    """Where the concordance data file goes (``outcome/concordance/draft-3.yaml``)."""
    concordance_yaml: str
    """Its content."""
    document_yaml: bytes
    """The new ``document.yaml``."""
    current: Document
    """The draft as it stands before renumbering."""
    document: Document
    """The new draft, as it will be committed."""
    previous: Document | None
    """The previous released draft, if there is one."""
    previous_tag: str | None
    output: Path
    """Where the artefacts go."""
    rewrites: tuple[Rewrite, ...] = ()
    """Every internal reference the renumbering rewrites, in document order."""
    rewritten: dict[str, bytes] = field(default_factory=dict, compare=False)
    """The files whose references are rewritten, and the ``section.yaml`` of each renumbered
    article, by their path after renumbering."""
    notes: str = field(default="", compare=False)
    """The release notes (Markdown)."""
    artefacts: tuple[str, ...] = field(default=(), compare=False)
    """The files the artefacts folder will hold (:func:`zerodraft.rounds.notes.artefact_names`)."""

    def describe(self) -> str:
        """What the release does, for ``--dry-run`` and the end of a real run."""
        lines = [f"{self.request.name} ({self.request.date.isoformat()}), tag {self.tag}, from {self.head[:10]}"]
        if self.previous_tag:
            lines.append(f"previous draft: {self.previous_tag}")
        else:
            lines.append("first release: there is no previous draft, so no redline")
        renames = self.renumbering.renames
        lines.append(
            f"renumbering: {len(renames)} renumbered, {len(self.renumbering.removed)} deleted paragraphs leave"
        )
        lines += [f"  {m.old.label()} -> {m.new.label()}  {m.old_path} -> {m.new_path}" for m in renames]
        lines += [f"  {p.label} leaves (deleted)  {p.path}" for p in self.renumbering.removed]
        if self.concordance.articles:
            lines.append(f"articles renumbered: {len(self.concordance.articles)}")
            lines += [f"  Article {a.old} -> {a.new}  {a.old_path} -> {a.new_path}" for a in self.concordance.articles]
        if self.concordance.sections:
            lines.append(f"divisions renumbered: {len(self.concordance.sections)}")
            lines += [
                f"  {m.kind.word} {m.old} -> {m.new}  {m.old_path} -> {m.new_path}" for m in self.concordance.sections
            ]
        lines += [
            f"  {SectionKind(kind).word} {number} leaves (deleted)  {path}"
            for kind, number, path in self.concordance.sections_left
        ]
        lines.append(f"references rewritten: {len(self.rewrites)}")
        lines += [f"  {r.where}: {r.before} -> {r.after}" for r in self.rewrites]
        lines.append(f"concordance: {self.concordance_path}")
        lines.append(f"artefacts into {self.output}: {', '.join(self.artefacts)}")
        return "\n".join(lines)


def tag_for(name: str) -> str:
    """The tag of a draft: ``"Draft 3" -> "draft-3"``, ``"Zero draft" -> "draft-zero-draft"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if not slug or len(name) > 100 or any(not c.isprintable() for c in name):
        raise Fatal(f"'{name}' cannot name a draft: use words and numbers, like \"Draft 3\"")
    return slug if slug.startswith("draft-") else f"draft-{slug}"
