"""What changed in the original since a translation was made: ``zerodraft diff --translation
outcome/…/018.fr.md``.

The translation's ``translates:`` fingerprint names the original text it translates; the
original's history (read from git, following renames at each new draft) gives the last commit
whose version of the original has that fingerprint, and the word-level changes from that text
to today's are what the translator has to carry over.
"""

from __future__ import annotations

from pathlib import Path

from zerodraft import frontmatter, reader, wordiff
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.languages.records import fingerprint
from zerodraft.source import WorkingTree


def report(repository: Repository, path: str, root: str) -> str:
    """The changes to the original text since the translation at ``path`` was made, as Markdown
    with ``[-deleted-]`` and ``{+inserted+}`` words."""
    relative = Path(path).resolve().relative_to(repository.root).as_posix() if Path(path).is_absolute() else path
    document = reader.read(WorkingTree(repository.root), root).document
    translation = next((t for t in document.translations.paragraphs if t.path == relative), None)
    if translation is None:
        raise Fatal(f"'{path}' is not a translation file of {root}/ (like {root}/…/018.fr.md)")
    original = next((p for p in document.paragraphs() if p.path == translation.original), None)
    if original is None:
        raise Fatal(f"{translation.original} does not exist: the translation has no original")
    if fingerprint(original.text) == translation.translates:
        return f"{relative} is current: the original text has not changed since it was translated.\n"
    found = _translated(Git(repository), translation.original, translation.translates)
    if found is None:
        raise Fatal(
            f"no version of {translation.original} in the history has the fingerprint {translation.translates}: "
            "compare the translation with the original by hand"
        )
    commit, text = found
    changes = wordiff.compare(text.strip(), original.text.strip())
    marked = "".join(
        c.text if c.op == "equal" else (f"[-{c.text}-]" if c.op == "delete" else f"{{+{c.text}+}}") for c in changes
    )
    return (
        f"# What changed in paragraph {original.label} since {relative} was translated\n\n"
        f"Translated from the text of commit {commit[:12]}; [-deleted-] {{+inserted+}}:\n\n{marked}\n"
    )


def _translated(git: Git, path: str, wanted: str) -> tuple[str, str] | None:
    """The newest (commit, text) of the original whose fingerprint is ``wanted``."""
    log = git.run("log", "--follow", "--format=%x00%H", "--name-only", "--", path)
    for record in log.split("\0")[1:]:
        lines = [line for line in record.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        data = git.show(lines[0], lines[-1])
        if data is None:
            continue
        try:
            body = frontmatter.split(data.decode("utf-8", "replace")).body
        except frontmatter.NoFrontMatter:
            continue
        if fingerprint(body) == wanted:
            return lines[0], body
    return None
