"""The source's own slips, kept as printed: what ``as-printed:`` in document.yaml records
(written by ``zerodraft import``, docs/import.md) is known, not reported again.

Each record stands for one problem of one paragraph (by its id, so it follows the paragraph
through renumbering): a bracket the source never closes (ZD401, ``what: "]"``) or a reference
to a part the source does not have (ZD701/ZD703, ``what:`` the reference as printed).  Any
other problem — a new dangling reference, a second stray bracket, the same reference in
another paragraph — is reported as before.
"""

from __future__ import annotations

from collections import Counter

from zerodraft.model import Document, Problem


def excuse(document: Document, problems: list[Problem]) -> list[Problem]:
    """``problems`` without those ``as-printed:`` records, each record at most once."""
    records = document.config.as_printed
    if not records:
        return problems
    ids = {p.id: p.path for p in document.paragraphs()}
    left = Counter((ids.get(r.paragraph, ""), r.code, r.what) for r in records)
    kept: list[Problem] = []
    for problem in problems:
        key = next((k for k in _keys(problem) if left[k] > 0), None)
        if key is None:
            kept.append(problem)
        else:
            left[key] -= 1
    return kept


def what_of(problem: Problem) -> str:
    """What a record says for ``problem``: its bracket, or the reference as printed."""
    if problem.code == "ZD401":
        return problem.message[len("unmatched '") :][:1] if problem.message.startswith("unmatched '") else ""
    start = problem.message.find("('")
    end = problem.message.find("')", start + 2)
    return problem.message[start + 2 : end] if start >= 0 and end > start else ""


def _keys(problem: Problem) -> list[tuple[str, str, str]]:
    what = what_of(problem)
    return [(problem.path, problem.code, what)] if what else []
