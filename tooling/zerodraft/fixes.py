"""``zerodraft check --fix``: the few mechanical repairs that cannot change what a text says.

A fix is registered for one problem code and returns the file's new content, or ``None`` when
it cannot be sure.  Only two are safe enough: removing a byte-order mark (ZD008), and writing a
consensus label in its canonical form when it was plainly meant (``Agreed ad ref``,
``agreed_ad_ref`` → ``agreed-ad-ref``; ZD104).  Front matter is edited with ruamel.yaml, so
comments and key order stay.  Each file is written to a temporary file beside it and moved
into place, so a file is either fixed or untouched, never half-written.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zerodraft import frontmatter
from zerodraft.decode import BOM
from zerodraft.model import Document, Problem

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
    problems: tuple[Problem, ...]


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


def fix(base: Path, document: Document, problems: Iterable[Problem]) -> list[Fixed]:
    """Apply every fix that applies; return what was rewritten."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.code in FIXERS:
            by_file.setdefault(problem.path, []).append(problem)
    done = []
    for path, found in sorted(by_file.items()):
        target = base / path
        raw = target.read_bytes()
        text = raw.decode("utf-8").replace("\r\n", "\n")
        repaired = []
        for problem in found:
            new = FIXERS[problem.code](document, problem, text)
            if new is not None and new != text:
                text = new
                repaired.append(problem)
        if repaired:
            _replace(target, text.encode("utf-8"))
            done.append(Fixed(path, tuple(repaired)))
    return done


def _replace(target: Path, data: bytes) -> None:
    mode = target.stat().st_mode & 0o777
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
