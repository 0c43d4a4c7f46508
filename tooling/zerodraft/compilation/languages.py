"""The compilation of proposals in one language kept: ``zerodraft compile --language fr``.

Proposals are negotiated in the original: a branch amends ``018.md``.  Where the branch also
carries the translation (``018.fr.md``, the secretariat's French of the amendment), the French
compilation shows it, compared word by word with the French on the base; where it does not,
the original's proposal is shown as it is, marked in French ("[Original anglais ; traduction
en attente]").  The paragraph's current text is the base's translation (marked likewise where
it is missing or stale), the headings and the title are the language's
(:func:`zerodraft.languages.version.in_language`).
"""

from __future__ import annotations

from dataclasses import replace

from zerodraft import characters, frontmatter, wordiff
from zerodraft.compilation import model
from zerodraft.compilation.model import Compilation, Entry, Proposal
from zerodraft.errors import Fatal
from zerodraft.git import Repository
from zerodraft.languages import conventions, version
from zerodraft.languages.records import fingerprint
from zerodraft.reader import read


def in_language(repository: Repository, compilation: Compilation, root: str, language: str) -> Compilation:
    """``compilation`` as it reads in ``language``; :class:`Fatal` for a language the base does not keep."""
    base_sha = repository.resolve(compilation.base)
    original = read(repository.tree(base_sha), root).document
    version.wanted(original, language)  # refuses a language the document does not keep
    if not language or language == original.config.languages.original:
        return compilation
    document = version.in_language(original, language)
    headings = {section.path: " — ".join(section.heading.splitlines()) for section in document.walk()}
    rules = conventions.of(language)
    untranslated = rules.word(f"untranslated-{original.config.languages.original or 'en'}") or rules.word(
        "untranslated", "[original; translation pending]"
    )
    stale = rules.word("stale", "[translation of an earlier version]")
    paragraphs = {p.path: p for p in original.paragraphs()}
    entries = []
    for entry in compilation.entries:
        path = _translation_path(entry.path, language)
        base_text = _text(repository.file_at(base_sha, path))
        note = ""
        current = entry.current
        missing = entry.current is not None and base_text is None
        if entry.current is not None:
            if base_text is None:
                note = untranslated
            else:
                current = characters.visible(base_text)
                translation = original.translations.of(entry.path, language)
                known = paragraphs.get(entry.path)
                if translation is not None and known is not None and translation.translates != fingerprint(known.text):
                    note = stale
        proposals = tuple(
            _proposal(repository, proposal, path, base_text, untranslated) for proposal in entry.proposals
        )
        folders = entry.path.split("/")[:-1]
        heading = tuple(headings.get("/".join(folders[:depth]), "") for depth in range(2, len(folders) + 1))
        entries.append(
            replace(
                entry,
                current=current,
                note=note,
                untranslated=missing,
                proposals=proposals,
                heading=heading if all(heading) else entry.heading,
            )
        )
    return replace(
        compilation,
        title=document.config.title,
        draft=version.draft_name(document),
        entries=tuple(entries),
        language=language,
    )


def word(compilation: Compilation, key: str, english: str) -> str:
    """A word the compilation prints, in its language (``data/languages/*.yaml``), or ``english``
    for a compilation in the original."""
    return conventions.of(compilation.language).word(key, english) if compilation.language else english


def say(compilation: Compilation, key: str, **values: str) -> str:
    """The compilation's word ``compilation-<key>`` in its language (English for the original),
    its ``{placeholders}`` filled from ``values``."""
    return conventions.say(compilation.language, f"compilation-{key}", **values)


def kind(compilation: Compilation, proposal: Proposal) -> str:
    """The proposal's kind as the compilation prints it: "ADD" in English, "AJOUT" in French."""
    return say(compilation, f"kind-{proposal.kind}")


def kinds(compilation: Compilation) -> str:
    """Every kind and what it is, in the compilation's language: "ADD new text; MOD amended text; …"."""
    listed = model.kinds(compilation.language).items()
    return say(compilation, "kinds-separator").join(say(compilation, "kind-about", kind=k, about=v) for k, v in listed)


def positions(compilation: Compilation, proposal: Proposal) -> str:
    """The proposal's attribution changes: "supported-by: Kenya, Norway" ("appuyé par : …" in French)."""
    return "; ".join(
        say(compilation, "positions", field=word(compilation, key, key), names=", ".join(names))
        for key, names in proposal.positions
    )


def paragraph_heading(compilation: Compilation, entry: Entry) -> str:
    """ "Paragraph 18 bis (new)", in the compilation's language ("第18段（新）")."""
    title = word(compilation, "paragraph-title", "Paragraph {number}").replace("{number}", entry.label)
    if entry.current is not None:
        return title
    new = word(compilation, "new-paragraph", "(new)")
    return f"{title}{'' if new.startswith('（') else ' '}{new}"


def _translation_path(path: str, language: str) -> str:
    """``…/018.md`` → ``…/018.fr.md``."""
    return f"{path.removesuffix('.md')}.{language}.md"


def _text(data: bytes | None) -> str | None:
    """The text of a translation file, or ``None`` where there is none (or it cannot be read)."""
    if data is None:
        return None
    try:
        return frontmatter.split(data.decode("utf-8", "replace")).body.strip("\n")
    except frontmatter.NoFrontMatter:
        return None


def _proposal(
    repository: Repository, proposal: Proposal, path: str, base_text: str | None, untranslated: str
) -> Proposal:
    """The proposal in the language: the branch's translation compared with the base's, or the
    original's proposal marked."""
    if proposal.kind == "NOC":
        return proposal
    try:
        sha = repository.resolve(proposal.ref)
    except Fatal:
        sha = ""
    theirs = _text(repository.file_at(sha, path)) if sha else None
    if proposal.kind == "SUP" and base_text is not None:
        return replace(proposal, redline=tuple(wordiff.compare(characters.visible(base_text), "")))
    if theirs is None or theirs == base_text:
        return replace(proposal, note=untranslated)
    old = characters.visible(base_text or "")
    return replace(proposal, redline=tuple(wordiff.compare(old, characters.visible(theirs))))
