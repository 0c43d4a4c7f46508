"""``zerodraft check --fix``: the few mechanical repairs that cannot change what a text says.

A fix is registered for one problem code and returns the file's new content, or ``None`` when
it cannot be sure.  Only two are safe enough: removing a byte-order mark (ZD008), and writing a
consensus label in its canonical form when it was plainly meant (``Agreed ad ref``,
``agreed_ad_ref`` → ``agreed-ad-ref``; ZD104).  One more repair is no problem at all: a
delegation written by another name the roster knows ("Iran", "UK", "kenya") is written back
as the roster's name ("Iran (Islamic Republic of)"); a code ("KEN") is left as written.  Front matter is edited with ruamel.yaml, so
comments and key order stay.  Each file is written to a temporary file beside it and moved
into place, so a file is either fixed or untouched, never half-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zerodraft import frontmatter
from zerodraft.decode import BOM
from zerodraft.model import DELEGATION_FIELDS, Document, Problem
from zerodraft.output import write_atomically

#: A fixer: the document, the problem, the file's current text → its new text, or None.
Fixer = Callable[[Document, Problem, str], str | None]

FIXERS: dict[str, Fixer] = {}


def fixer(code: str) -> Callable[[Fixer], Fixer]:
    def register(func: Fixer) -> Fixer:
        FIXERS[code] = func
        return func

    return register


@dataclass(frozen=True, slots=True)
class Fixed:
    """A file rewritten, and the problems the rewrite repaired."""

    path: str
    """The file, relative to the repository root."""
    problems: tuple[Problem, ...]
    """The problems the rewrite repaired."""
    renamed: tuple[tuple[str, str], ...] = ()
    """Delegations written back as the roster's name: (as written, the roster's name)."""


@fixer("ZD008")
def drop_byte_order_mark(document: Document, problem: Problem, text: str) -> str | None:
    return text.removeprefix(BOM)


def _squash(label: str) -> str:
    return re.sub(r"[\s_-]+", "-", label.strip().casefold())


@fixer("ZD104")
def canonical_label(document: Document, problem: Problem, text: str) -> str | None:
    paragraph = next((p for p in document.paragraphs() if p.path == problem.path), None)
    if paragraph is None:
        return None
    wanted = _squash(paragraph.status)
    matches = {
        entry.label
        for entry in document.config.vocabulary.labels
        if wanted in (_squash(entry.label), _squash(entry.display))
    }
    if len(matches) != 1:
        return None
    return frontmatter.update(text.removeprefix(BOM), {"status": matches.pop()})


def fix(
    base: Path, document: Document, problems: Iterable[Problem], within: Callable[[str], bool] = lambda path: True
) -> list[Fixed]:
    """Apply every fix that applies to the files ``within`` accepts; return what was rewritten."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.code in FIXERS and within(problem.path):
            by_file.setdefault(problem.path, []).append(problem)
    spellings = {path: found for path, found in _spellings(document).items() if within(path)}
    done = []
    for path in sorted(by_file.keys() | spellings.keys()):
        target = base / path
        raw = target.read_bytes()
        text = raw.decode("utf-8").replace("\r\n", "\n")
        repaired = []
        for problem in by_file.get(path, []):
            new = FIXERS[problem.code](document, problem, text)
            if new is not None and new != text:
                text = new
                repaired.append(problem)
        renamed: list[tuple[str, str]] = []
        if path in spellings:
            new = _roster_names(document, text, spellings[path])
            if new is not None and new != text:
                text = new
                renamed = spellings[path]
        if repaired or renamed:
            write_atomically(target, text, keep_mode=True, sync=True)
            done.append(Fixed(path, tuple(repaired), tuple(renamed)))
    return done


def _spellings(document: Document) -> dict[str, list[tuple[str, str]]]:
    """For each paragraph file, the delegations it writes by another name than the roster's
    (not by code): (as written, the roster's name)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for paragraph in document.paragraphs():
        for key in DELEGATION_FIELDS:
            for written in getattr(paragraph, key.replace("-", "_")):
                found = document.roster.find(written)
                if found is not None and written not in (found.name, found.code):
                    pair = (written, found.name)
                    if pair not in out.get(paragraph.path, []):
                        out.setdefault(paragraph.path, []).append(pair)
    return out


def _roster_names(document: Document, text: str, pairs: list[tuple[str, str]]) -> str | None:
    """The file with every delegation field written by the roster's names; a field written as
    one name stays one name, a list stays a list."""
    from zerodraft import safeyaml

    try:
        data = safeyaml.load(frontmatter.split(text.removeprefix(BOM)).meta).data
    except (frontmatter.NoFrontMatter, safeyaml.YamlProblem):
        return None
    if not isinstance(data, dict):
        return None
    wanted = dict(pairs)
    changes: dict[str, str | list[str]] = {}
    for key in DELEGATION_FIELDS:
        value = data.get(key)
        if isinstance(value, str) and value.strip() in wanted:
            changes[key] = wanted[value.strip()]
        elif isinstance(value, list) and any(isinstance(v, str) and v.strip() in wanted for v in value):
            changes[key] = [wanted.get(v.strip(), v) if isinstance(v, str) else v for v in value]
    return frontmatter.update(text, changes) if changes else None
