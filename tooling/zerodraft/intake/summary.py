"""The pull-request description intake prints: what the delegation proposes, why (its Word
comments), and what was not written.  Untrusted text from the file (comments, authors) was
cleaned when read; here it is also quoted so that it cannot pose as the description's own
structure."""

from __future__ import annotations

from zerodraft.intake.edits import Reading
from zerodraft.intake.plan import Plan
from zerodraft.intake.wordfile import Comment, WordFile
from zerodraft.model import Problem


def describe(plan: Plan, reading: Reading, word: WordFile, source: str) -> str:
    """Markdown for the pull request: a title line, then the sections."""
    count = len(plan.proposals)
    lines = [
        f"# {plan.delegation}: {count} proposal{'s' * (count != 1)} from {_code(word.name)}",
        "",
        f"Read by `zerodraft intake` from the Word file {_code(word.name)}, compared with {source}.",
    ]
    if word.tracked:
        lines.append("Tracked changes by: " + ", ".join(_quote(a) or "(no name)" for a in word.tracked) + ".")
    lines.append("")
    if plan.proposals:
        lines += ["## Proposals", ""]
        for proposal in plan.proposals:
            paths = ", ".join(f"`{w.path}`" for c in proposal.changes for w in c.writes())
            lines.append(f"- **{proposal.summary}** ({paths})")
            for change in proposal.changes[:1]:
                if proposal.edit.text and change.content:
                    first = proposal.edit.text.strip().splitlines()[0] if proposal.edit.text.strip() else ""
                    lines.append(f"  > {_quote(first)[:400]}")
            lines += _rationale(proposal.edit.comments)
        lines.append("")
    if plan.comments:
        lines += ["## Comments without a change", ""]
        for edit in plan.comments:
            lines.append(f"- on {edit.paragraph.label}:")
            lines += _rationale(edit.comments)
        lines.append("")
    if reading.comments:
        lines += ["## Other comments", ""]
        lines += [f"- {_quote(c.author)}: {_quote(c.text)}" for c in reading.comments]
        lines.append("")
    if plan.warnings:
        lines += ["## Written, with a warning", ""]
        lines += [f"- {_problem(p)}" for p in plan.warnings]
        lines.append("")
    if plan.problems:
        lines += ["## Not written", ""]
        lines += [f"- {_problem(p)}" for p in plan.problems]
        lines.append("")
    if reading.aside:
        n = len(reading.aside)
        lines += [
            "## Left aside",
            "",
            f"- {n} paragraph{'s' * (n != 1)} above the draft (a cover note), not part of the text: "
            f"“{_quote(reading.aside[0])[:120]}”",
            "",
        ]
    if not plan.proposals and not plan.problems:
        lines += ["Nothing in the Word file differs from the draft.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _rationale(comments: tuple[Comment, ...]) -> list[str]:
    return [f"  - Rationale ({_quote(c.author) or 'comment'}): {_quote(c.text)}" for c in comments]


def _quote(text: str) -> str:
    """One line of untrusted text, with Markdown and HTML markup shown as typed."""
    flat = " ".join(text.split())
    for char in "\\`*_[]<>#|":
        flat = flat.replace(char, "\\" + char)
    return flat


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def _problem(problem: Problem) -> str:
    return _quote(str(problem))
