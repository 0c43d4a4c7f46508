"""The one registry of rules: every problem zerodraft reports has a stable code here.

Codes never change meaning once published; a retired rule keeps its code reserved.  The
reference in ``docs/checks.md`` is generated from this table (``zerodraft rules
--markdown``), and a test keeps the two in step and checks that every code the package
emits is listed here.

Groups: ZD0xx files, ZD1xx front matter, ZD2xx numbering, ZD3xx consensus rules,
ZD4xx text, ZD5xx configuration (document.yaml, delegations.yaml, section.yaml), ZD6xx import
(problems in a source being imported), ZD7xx internal references ("paragraph 40 above",
"article 7, paragraph 2"; see ``docs/references.md``), ZD8xx the records of negotiation rounds (concordance
files), ZD9xx the pull-request policy (``zerodraft pr-check``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule a document must keep."""

    code: str
    """Stable code, e.g. ``ZD104``."""
    name: str
    """Short kebab-case name, e.g. ``unknown-label``."""
    summary: str
    """One line saying what the rule requires, for the reference and ``--help``."""


RULES: tuple[Rule, ...] = (
    # ---- files
    Rule(
        "ZD001",
        "unexpected-file",
        "Only paragraph files, section folders with their section.yaml, document.yaml, delegations.yaml, README.md and the concordance files of released drafts (concordance/draft-3.yaml) belong under outcome/.",
    ),
    Rule("ZD002", "not-utf8", "Files are UTF-8 text."),
    Rule("ZD003", "symlink", "No symbolic links (or other special files) under outcome/."),
    Rule("ZD004", "too-large", "A file is at most 1 MiB."),
    Rule(
        "ZD005",
        "bidi-override",
        "No bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069); the marks Arabic and Hebrew text need (U+200E, U+200F, U+061C) are fine.",
    ),
    Rule(
        "ZD006",
        "bad-file-name",
        "Paragraph files are named by their number, zero-padded: 018.md, 018bis.md, 006alt.md; section folders by an order number and a name: 02-b-international-cooperation.",
    ),
    Rule("ZD007", "empty-file", "A file is not empty."),
    Rule("ZD008", "byte-order-mark", "Files do not start with a byte-order mark."),
    Rule("ZD009", "control-character", "Text holds no control characters other than line breaks and tabs."),
    Rule(
        "ZD010",
        "zero-width-character",
        "Text holds no zero-width or invisible characters (zero-width space, joiners outside the scripts that need them, word joiner, soft hyphen …) that change the words without showing.",
    ),
    # ---- front matter
    Rule("ZD101", "no-front-matter", "A paragraph file starts with front matter between two '---' lines."),
    Rule(
        "ZD102",
        "yaml-syntax",
        "Front matter and configuration are plain YAML: no syntax errors, no line given twice, no aliases, merge keys or tags.",
    ),
    Rule("ZD103", "missing-field", "Front matter has the required fields 'id' and 'status'."),
    Rule("ZD104", "unknown-label", "'status' is one of the consensus labels in force."),
    Rule(
        "ZD105",
        "wrong-type",
        "Each field has the right type: text for id, status and note; a name or a list of names for delegations.",
    ),
    Rule(
        "ZD106",
        "unknown-key",
        "Front matter has no lines other than id:, status:, proposed-by:, supported-by:, opposed-by:, reservations: and note:.",
    ),
    Rule("ZD107", "duplicate-id", "Every paragraph has its own id."),
    Rule("ZD108", "unknown-delegation", "Delegations named in a paragraph are in outcome/delegations.yaml."),
    Rule("ZD109", "bad-id", "An id is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit."),
    Rule(
        "ZD110",
        "conflict-markers",
        "No file holds the markers of an unfinished merge ('<<<<<<<', '=======', '>>>>>>>'); such a file is not read further.",
    ),
    # ---- numbering
    Rule("ZD201", "numbering-gap", "Paragraph numbers run without gaps under the numbering scheme."),
    Rule("ZD202", "duplicate-number", "No two paragraphs share a number within a numbering unit."),
    Rule(
        "ZD203",
        "insertion-sequence",
        "bis, ter … follow their base paragraph in sequence (18, 18 bis, 18 ter; 18, 18.1, 18.2, 18 bis).",
    ),
    Rule(
        "ZD204", "out-of-order", "Numbers increase in document order: a later folder does not hold an earlier number."
    ),
    Rule("ZD205", "orphan-alternative", "An alternative (006alt.md) belongs to a paragraph that exists (006.md)."),
    Rule("ZD206", "section-order", "Sibling section folders have distinct order numbers and the preamble comes first."),
    Rule(
        "ZD207",
        "ante-placement",
        "A paragraph numbered 'ante' (020ante.md) stands right before its base paragraph (020.md).",
    ),
    Rule(
        "ZD208",
        "unnumbered-placement",
        "An unnumbered paragraph is named after the numbered paragraph it follows and stands right after it (005u.md after 005.md, then 005u2.md; 000u.md before paragraph 1).",
    ),
    Rule("ZD209", "decimal-sequence", "Decimal paragraph numbers run on from their whole number: 16, 16.1, 16.2 …"),
    Rule(
        "ZD210",
        "article-sequence",
        "Articles are numbered 1, 2, 3 … without gaps or duplicates, bis/ter after their base, in the document and in each annex.",
    ),
    Rule(
        "ZD211",
        "article-folder",
        "An article's folder is ordered by its number: Article 54 ter is in '054ter-article-54-ter/'.",
    ),
    Rule(
        "ZD212",
        "unknown-division",
        "A Part, chapter, section, annex or appendix named to a command ('propose delete \"Part IX\"') is one the draft has; the message lists those it has.",
    ),
    # ---- consensus rules
    Rule("ZD301", "agreed-with-brackets", "Agreed and agreed-ad-ref text holds no square brackets."),
    Rule(
        "ZD302",
        "agreed-with-alternatives",
        "Agreed and agreed-ad-ref text holds no alternatives (Alt 1, Option A …) and has no alternative files.",
    ),
    Rule("ZD303", "proposed-without-proposer", "A paragraph labelled 'proposed' names who proposed it."),
    Rule("ZD304", "supports-and-opposes", "No delegation both supports and opposes a paragraph."),
    Rule("ZD305", "reservation-not-ad-ref", "Reservations are held only on agreed-ad-ref text."),
    # ---- text
    Rule(
        "ZD401",
        "unbalanced-brackets",
        "Square brackets are balanced: within a paragraph, or opened in one paragraph (or a heading) and closed in a later one of the same top-level part (a bracketed run of paragraphs or articles, a bracketed section).",
    ),
    Rule("ZD402", "subparagraph-sequence", "Subparagraphs run (a), (b), (c) … and (i), (ii), (iii) … without gaps."),
    Rule("ZD403", "undefined-footnote", "Every footnote reference [^n] has a definition in the same paragraph."),
    Rule("ZD404", "unused-footnote", "Every footnote definition is referenced in the text."),
    Rule("ZD405", "empty-text", "A paragraph that is not deleted has text."),
    Rule(
        "ZD406",
        "heading-in-text",
        "Paragraph text holds no Markdown headings ('# …', or a line underlined with === or ---); headings belong in section.yaml.",
    ),
    Rule("ZD407", "html-in-text", "Paragraph text holds no HTML; it would be shown as typed, never run."),
    Rule(
        "ZD408",
        "unsafe-link",
        "Links point only to https:, http:, mailto: or a paragraph anchor (#para-18); no images.",
    ),
    # ---- languages (docs/languages.md)
    Rule(
        "ZD440",
        "translation-language",
        "A translation file (018.fr.md, section.fr.yaml) is in a language that document.yaml keeps ('languages: kept').",
    ),
    Rule("ZD441", "translation-missing", "Every paragraph of the original has a translation in each language kept."),
    Rule(
        "ZD442",
        "translation-stale",
        "A translation translates the original text as it is now: its 'translates:' fingerprint is the original's.",
    ),
    Rule("ZD443", "translation-orphan", "A translation stands beside an original paragraph file of the same number."),
    Rule("ZD444", "translation-id", "A translation that repeats the paragraph id repeats the original's id."),
    Rule(
        "ZD445",
        "mixed-script-word",
        "No word mixes letters of two scripts (a Cyrillic 'а' inside a Latin word looks the same and reads differently).",
    ),
    Rule("ZD446", "translation-script", "A translation is written mostly in its language's script."),
    Rule(
        "ZD447",
        "translation-structure",
        "A translation has the original's subparagraphs and square brackets: the same number of each.",
    ),
    Rule(
        "ZD448",
        "translation-front-matter",
        "A paragraph translation starts with front matter holding 'translates:' (the original's fingerprint) and at most 'id:'.",
    ),
    Rule("ZD449", "heading-translation", "A section.fr.yaml holds only 'heading:' and 'title:', as text."),
    # ---- configuration
    Rule(
        "ZD501",
        "document-config",
        "outcome/document.yaml exists and has a title, the current draft and a valid numbering scheme.",
    ),
    Rule(
        "ZD502",
        "roster",
        "outcome/delegations.yaml lists delegations with a name and kind; names and codes are unique; group members are listed delegations.",
    ),
    Rule("ZD503", "section-config", "Every section folder has a section.yaml with its heading."),
    Rule(
        "ZD504",
        "section-kind",
        "A section's 'kind' is one of preamble, part, chapter, section, article, annex, appendix, options, option, heading.",
    ),
    Rule(
        "ZD505",
        "section-number",
        'A section\'s \'number\' is written as printed ("7", "54 ter", "II", "A"), and only kinds that are numbered have one.',
    ),
    Rule(
        "ZD506",
        "option-block",
        "An option block (kind: options) holds only options (kind: option), and every option is in an option block.",
    ),
    Rule(
        "ZD530",
        "languages-config",
        "'languages:' in document.yaml names the original and the languages kept, each a BCP 47 code, each once.",
    ),
    # ---- import (zerodraft import; reported against the source file)
    Rule(
        "ZD601",
        "unplaced-line",
        "zerodraft import places every line of the source as a heading, a paragraph or part of one, a footnote, or a "
        "removed page number or running header; a line it cannot place is imported as an unnumbered paragraph where "
        "it stood and reported (never dropped, never refused).",
    ),
    Rule(
        "ZD602",
        "import-numbering",
        "zerodraft import finds the paragraph numbers of the source in sequence; one out of sequence is imported as an "
        "unnumbered paragraph keeping its printed number, and reported.",
    ),
    Rule(
        "ZD630",
        "intake-unmapped",
        "zerodraft intake places every paragraph of a delegation's Word file; text it cannot place (a paragraph that lost its mark and changed, new text right under a heading) is listed, never guessed.",
    ),
    Rule(
        "ZD631",
        "intake-not-proposable",
        "Every change in a delegation's Word file can be made as a proposal on the current text (its paragraph still exists; a free bis number remains).",
    ),
    Rule(
        "ZD660",
        "translation-unaligned",
        "zerodraft import --language finds every heading and paragraph of the original in the translation, in order.",
    ),
    Rule(
        "ZD661",
        "translation-noise",
        "A translation's source has no stray page numbers or displaced paragraph numbers (the noise of OCR); what was removed is listed.",
    ),
    # ---- internal references (zerodraft.references)
    Rule(
        "ZD701",
        "reference-missing",
        "An internal reference ('paragraph 40 above', 'article 7, paragraph 2', 'annex II') points at a paragraph, article, annex, Part or section the document has.",
    ),
    Rule(
        "ZD702",
        "reference-deleted",
        "An internal reference does not point at a paragraph labelled deleted; a release refuses until the reference is changed or the paragraph kept.",
    ),
    Rule(
        "ZD703",
        "reference-ambiguous",
        "An internal reference says which place it means when several could be meant ('section 1' under two Parts, or under sections A and B): add 'of Part II', 'of section A', 'of annex II' …; it is never guessed.",
    ),
    # ---- rounds: releases and their records
    Rule(
        "ZD801",
        "concordance-file",
        "A concordance file (outcome/concordance/draft-3.yaml) is plain YAML in the shape 'zerodraft release' writes: the draft, the previous draft, and a list of paragraphs each with its id.",
    ),
    # ---- pull-request policy (zerodraft pr-check)
    Rule(
        "ZD901",
        "unknown-author",
        "The author of a pull request speaks for a delegation (a login in outcome/delegations.yaml), facilitates an agenda item or is the secretariat.",
    ),
    Rule(
        "ZD902",
        "secretariat-only-file",
        "Only the secretariat changes files outside outcome/ (tooling/, .github/, .pre-commit-config.yaml, CODEOWNERS …), document.yaml and section headings.",
    ),
    Rule("ZD903", "roster-of-others", "A delegation changes only its own logins in outcome/delegations.yaml."),
    Rule(
        "ZD904",
        "consensus-label",
        "A delegation does not mark text agreed or agreed ad ref, nor change a label except to propose a deletion; facilitators set labels in their agenda item.",
    ),
    Rule(
        "ZD905",
        "agreed-text",
        "Text labelled agreed or agreed ad ref is edited only by its facilitator or the secretariat.",
    ),
    Rule(
        "ZD906",
        "attribution",
        "A delegation adds or removes only itself in proposed-by, supported-by, opposed-by and reservations.",
    ),
    Rule(
        "ZD907",
        "new-paragraph",
        "A new paragraph is an insertion (018bis.md) or an alternative (006alt.md), labelled 'proposed', with its author's delegation as proposer.",
    ),
    Rule(
        "ZD908",
        "renumbering",
        "Existing paragraphs are not renamed, renumbered, removed or given a new id; the secretariat renumbers at each draft.",
    ),
    Rule(
        "ZD909",
        "unsafe-file",
        "A pull request holds no symbolic links, submodules or special files, and no file over 1 MiB.",
    ),
    Rule(
        "ZD910",
        "codeowners",
        ".github/CODEOWNERS is generated from outcome/document.yaml (secretariat and facilitators) and kept in step.",
    ),
    Rule(
        "ZD911",
        "merge-conflict",
        "A pull request merges into its base without conflicts; two proposals of one new number take the next free one (18 ter after 18 bis).",
    ),
    Rule(
        "ZD912",
        "secretariat-field",
        "A delegation writes only the text, the label 'deleted' and its own attributions; 'note' and every other front-matter field are the secretariat's or the facilitator's.",
    ),
    Rule("ZD913", "unreadable-paragraph", "A pull request leaves every paragraph file it changes readable."),
    Rule(
        "ZD914",
        "unsafe-path",
        "Every part of every path in a pull request is a plain name: no '.', '..', empty part, backslash or '.git'.",
    ),
    Rule(
        "ZD915",
        "roster-unique",
        "Roster entries stay unique by name and code, and a delegation cannot give another delegation's login to its own entry.",
    ),
    Rule(
        "ZD916",
        "amender-credited",
        "A delegation that amends another delegation's proposal adds itself to its proposed-by, so the amended words are credited to the delegation that wrote them.",
    ),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def markdown() -> str:
    """The reference of every rule, as a Markdown table (``docs/checks.md``)."""
    lines = [
        "# Check codes",
        "",
        "Generated by `zerodraft rules --markdown` from `tooling/zerodraft/rules.py`;"
        " a test fails if this file and the code disagree.",
        "",
        "Every problem is printed as `path:line: CODE message`. Codes are stable.",
        "",
        "| code | name | rule |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {r.code} | {r.name} | {r.summary} |" for r in RULES]
    said = examples()
    lines += [
        "",
        "## What each message says",
        "",
        "The message zerodraft prints for a failing example of each rule, exactly as printed (the",
        "examples are the failing fixtures of the tests; `tests/test_messages.py` renders them",
        "and fails when a message changes without this page). Read them as a delegate would.",
        "",
        "| code | message for a failing example |",
        "| --- | --- |",
    ]
    for rule in RULES:
        example = said.get(rule.code)
        shown = f"`{example.replace('`', chr(39))}`".replace("|", "\\|") if example else "(no example yet)"
        lines.append(f"| {rule.code} | {shown} |")
    return "\n".join(lines) + "\n"


EXAMPLES = "messages.txt"
"""The package data file of example messages: one ``CODE<TAB>message as printed`` a line."""


def examples() -> dict[str, str]:
    """The example message of each rule that has one (:data:`EXAMPLES`)."""
    from importlib import resources

    text = resources.files("zerodraft").joinpath("data", EXAMPLES).read_text(encoding="utf-8")
    pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {code: message for code, message in pairs}
