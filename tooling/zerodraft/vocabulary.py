"""The consensus labels: five roles the tooling understands, spelled as a conference likes.

The default spelling lives in ``data/vocabulary.yaml``; ``outcome/document.yaml`` may
override the ``label``/``display``/``colour``/``description`` of any role under
``consensus-labels:``.  Code only ever compares :class:`Role` values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import yaml


class Role(Enum):
    """What a consensus label means to the tooling."""

    PROPOSED = "proposed"
    OPEN = "open"
    AGREED_AD_REF = "agreed-ad-ref"
    AGREED = "agreed"
    DELETED = "deleted"

    @property
    def is_agreed(self) -> bool:
        """True for agreed and agreed ad ref: closed text, no brackets allowed."""
        return self in (Role.AGREED, Role.AGREED_AD_REF)


@dataclass(frozen=True, slots=True)
class Label:
    """One consensus label as a conference spells it."""

    role: Role
    """What it means."""
    label: str
    """What a delegate writes after ``status:``."""
    display: str
    """What the published draft prints ("agreed ad ref")."""
    colour: str = "#ffffff"
    """Background colour for pages and dashboards (never the only cue)."""
    description: str = ""
    """One line for legends and the docs."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The labels in force, one per role, in the order of the roles."""

    labels: tuple[Label, ...]

    @classmethod
    def default(cls) -> Vocabulary:
        """The labels shipped with zerodraft (``data/vocabulary.yaml``)."""
        return _default()

    def role_of(self, label: str) -> Role | None:
        """The role a written label stands for, or ``None`` if unknown."""
        for entry in self.labels:
            if entry.label == label:
                return entry.role
        return None

    def of(self, role: Role) -> Label:
        """The label for a role."""
        for entry in self.labels:
            if entry.role is role:
                return entry
        raise KeyError(role)

    def known(self) -> tuple[str, ...]:
        """The written labels, for messages ("expected one of: …")."""
        return tuple(entry.label for entry in self.labels)

    def overridden(self, entries: list[dict[str, Any]]) -> Vocabulary:
        """A copy with the given per-role overrides applied (already validated)."""
        labels = list(self.labels)
        for entry in entries:
            role = Role(entry["role"])
            index = next(i for i, old in enumerate(labels) if old.role is role)
            changes: dict[str, Any] = {k: str(v) for k, v in entry.items() if k in _FIELDS}
            labels[index] = replace(labels[index], **changes)
        return Vocabulary(tuple(labels))


_FIELDS = ("label", "display", "colour", "description")


@cache
def _default() -> Vocabulary:
    text = (Path(__file__).parent / "data" / "vocabulary.yaml").read_text("utf-8")
    entries = yaml.safe_load(text)["consensus-labels"]
    labels = tuple(Label(role=Role(e["role"]), **{k: str(e[k]) for k in _FIELDS if k in e}) for e in entries)
    return Vocabulary(labels)
