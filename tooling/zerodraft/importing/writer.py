"""The imported tree written as a document folder, all at once or not at all.

Everything is written into a temporary folder next to the target and moved into place with
:func:`os.replace` only when complete, so a failed import leaves the target as it was.  A
non-empty target is replaced only when asked (``--force``); its ``delegations.yaml`` and
``README.md`` are kept, and so are the keys of its ``document.yaml`` that the import does
not set (meeting, secretariat, facilitators, consensus labels).
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zerodraft import frontmatter, safeyaml
from zerodraft.errors import Fatal
from zerodraft.importing.tree import ImportedDocument, ImportedSection
from zerodraft.model import AS_PRINTED_CODES, Document, Problem
from zerodraft.output import replace_folder, temporary_folder_beside
from zerodraft.vocabulary import Role, Vocabulary

KEPT_FILES = ("delegations.yaml", "README.md")
IMPORTED_KEYS = ("title", "draft", "header-note", "numbering", "masthead")
EMPTY_ROSTER = (
    "# The roster: every delegation and group taking part (see docs/format.md).\n"
    "# The import leaves it empty; the secretariat fills it in.\n"
    "delegations: []\n"
)
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "consideration",
        "for",
        "from",
        "in",
        "including",
        "its",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def write(
    document: ImportedDocument,
    into: Path,
    *,
    force: bool = False,
    new_id: Callable[[], str] | None = None,
    progress: Callable[[], None] | None = None,
) -> list[str]:
    """Write ``document`` as the folder ``into``; return the paths written, relative to it.

    ``new_id`` makes paragraph ids (random by default); ``progress`` is called after each
    paragraph file."""
    into = Path(os.path.abspath(into))
    if into.is_symlink() or (into.exists() and not into.is_dir()):
        raise Fatal(f"'{into}' exists and is not a folder; choose another --into")
    existing = into.is_dir() and any(into.iterdir())
    if existing and not force:
        raise Fatal(f"'{into}' is not empty; import into a new folder, or add --force to replace it")
    if existing:
        _replaceable(into)
    into.parent.mkdir(parents=True, exist_ok=True)
    old_config = _old_config(into) if existing else {}
    vocabulary = Vocabulary.default()
    temporary = temporary_folder_beside(into)
    try:
        written = _write_tree(document, temporary, old_config, vocabulary, _Files(new_id or _new_id, progress))
        for name in KEPT_FILES:
            if existing and (into / name).is_file():
                shutil.copyfile(into / name, temporary / name)
            elif name == "delegations.yaml":
                (temporary / name).write_text(EMPTY_ROSTER, encoding="utf-8")
        _sound(temporary, into.name)
        replace_folder(temporary, into)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return written


#: Problems that mean the importer misread the source's structure (files, front matter,
#: numbering, configuration), as opposed to the Chair's own text (brackets, footnotes …).
STRUCTURAL = ("ZD0", "ZD1", "ZD2", "ZD5")


def _sound(folder: Path, name: str) -> None:
    """Refuse to put in place a tree whose structure ``zerodraft check`` would reject: that is
    the importer's misreading, and nobody should have to repair it by hand."""
    from zerodraft import checks, reader
    from zerodraft.source import WorkingTree

    reading = reader.read(WorkingTree(folder.parent), folder.name)
    problems = checks.run(reading.document)
    found = [p for p in (*reading.problems, *problems) if p.code.startswith(STRUCTURAL)]
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        said = f"{found[0].path}: {found[0].code} {found[0].message}".replace(folder.name, name)
        raise Fatal(
            f"the source's structure was not understood; the result would fail the check — {said}{more}; "
            "nothing was written"
        )
    _record_as_printed(folder, reading.document, problems)


def _record_as_printed(folder: Path, document: Document, problems: list[Problem]) -> None:
    """The source's own slips — a reference to a part it does not have, a bracket it never
    closes — recorded under ``as-printed:`` in document.yaml, so that ``check`` knows them
    and reports only new ones (docs/import.md)."""
    from zerodraft.checks import asprinted

    ids = {p.path: p.id for p in document.paragraphs()}
    records = [
        {"paragraph": ids[p.path], "code": p.code, "what": asprinted.what_of(p)}
        for p in problems
        if p.code in AS_PRINTED_CODES and p.path in ids and asprinted.what_of(p)
    ]
    if records:
        path = folder / "document.yaml"
        text = path.read_text(encoding="utf-8")
        note = "# the source's own slips, kept as printed: check knows them (docs/import.md)\n"
        _write(path, text + note + _yaml({"as-printed": records}))


def slips(into: Path) -> list[tuple[str, str, str]]:
    """The source's own slips an import recorded under ``as-printed:`` in ``into``'s
    document.yaml, as (paragraph file within ``into``, code, what), for the import report."""
    if "as-printed:" not in (into / "document.yaml").read_text(encoding="utf-8"):
        return []
    from zerodraft import reader
    from zerodraft.source import WorkingTree

    document = reader.read(WorkingTree(into.parent), into.name).document
    files = {p.id: p.path.split("/", 1)[-1] for p in document.paragraphs()}
    return [(files.get(r.paragraph, r.paragraph), r.code, r.what) for r in document.config.as_printed]


def _replaceable(into: Path) -> None:
    """Refuse to replace anything but a document folder: not the current folder or one
    above it, not a git repository, not a folder without ``document.yaml``."""
    here = Path(os.path.abspath(Path.cwd()))
    if into == here or into in here.parents:
        raise Fatal(f"'{into}' holds the current folder; import into a document folder such as 'outcome'")
    if (into / ".git").exists():
        raise Fatal(f"'{into}' is a git repository, not a document folder; import into its 'outcome' folder")
    if not (into / "document.yaml").is_file():
        raise Fatal(f"'{into}' holds no document.yaml, so it is not a document folder; --force will not replace it")


def _write_tree(
    document: ImportedDocument, root: Path, old: Mapping[str, Any], vocabulary: Vocabulary, files: _Files
) -> list[str]:
    written: list[str] = []
    config: dict[str, Any] = {"title": document.title}
    draft: dict[str, Any] = {"name": document.draft_name}
    if document.draft_date:
        draft["date"] = document.draft_date
    config["draft"] = draft
    if document.symbol:
        config["symbol"] = document.symbol
    if document.header_note:
        config["header-note"] = document.header_note
    config["numbering"] = {
        "paragraphs": document.scheme if _reader_knows_kinds() or document.scheme != "per-article" else "per-section",
        "preamble": "numbered" if document.preamble_numbered else "unnumbered",
    }
    masthead = {key: value for key, value in document.masthead if value}
    if masthead:
        config["masthead"] = masthead
    for key, value in old.items():
        if key not in IMPORTED_KEYS and key not in config:
            config[key] = value
    _write(root / "document.yaml", _yaml(config))
    written.append("document.yaml")
    numbers = [p.number.base for p in document.paragraphs() if p.number is not None]
    width = max(3, len(str(max(numbers, default=0))))
    articles = [s.number for top in document.sections for s in top.walk() if s.kind == "article"]
    layout = _Layout(
        width,
        max([2, *(len(n.split()[0]) for n in articles if n.split()[0].isdigit())]),
        document.scheme,
        ["0" * width],
    )
    written += _write_children(document.sections, root, "", vocabulary, layout, files, preamble_first=True)
    return written


def _reader_knows_kinds() -> bool:
    """Whether this zerodraft's reader knows the section kinds of docs/format.md (``kind:``,
    ``number:`` …, issue 13's model half); until it does, the import writes only what the
    reader accepts (headings as printed, per-section numbering, folders in order)."""
    from zerodraft import config

    return "kind" in config.SECTION_KEYS


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int
    """Digits of a paragraph file's number (at least 3)."""
    article_width: int
    """Digits of an article folder's order prefix (at least 2; 3 for 320 articles)."""
    scheme: str
    """The document's numbering scheme (where numbering starts again)."""
    stem: list[str]
    """The file stem of the last numbered paragraph in the numbering that runs, then how many
    unnumbered paragraphs followed it (carried across folders): an unnumbered paragraph is
    named after it (``005u.md``, ``005u2.md``)."""


def _write_children(
    sections: tuple[ImportedSection, ...],
    parent: Path,
    prefix: str,
    vocabulary: Vocabulary,
    layout: _Layout,
    files: _Files,
    preamble_first: bool = False,
) -> list[str]:
    """The folders of ``sections`` under ``parent``; an article's order prefix is its number
    (``007-article-7``, ``054ter-article-54-ter``) when all its siblings are articles."""
    written: list[str] = []
    by_number = _reader_knows_kinds()
    start = 0 if preamble_first and sections and sections[0].preamble else 1
    digits = max(2, len(str(len(sections) + start)))
    for position, section in enumerate(sections, start):
        restarts = (
            section.kind in ("article", "annex", "appendix", "option") or section.restarts
        ) and layout.scheme == "per-article"
        stem = list(layout.stem)
        if restarts or section.number_prefix or (not prefix and layout.scheme == "per-section"):
            layout.stem[:] = ["0" * layout.width]
        order = (_article_order(section, layout) if by_number else "") or f"{position:0{digits}d}"
        if section.number_prefix and position == 1 and any(s.kind == "article" for s in sections):
            order = "0" * digits  # a draft agreement's labelled preamble, before its Article 1 (01-article-1)
        name = f"{order}-{_slug(section)}"
        written += [f"{prefix}{w}" for w in _write_section(section, parent, name, vocabulary, layout, files)]
        if section.number_prefix:
            layout.stem[:] = stem  # a labelled preamble numbers on its own: the numbering around it runs on
    return written


def _article_order(section: ImportedSection, layout: _Layout) -> str:
    """``54 ter`` → ``054ter`` (for an article numbered in digits), else ``""``."""
    if section.kind != "article":
        return ""
    match = re.fullmatch(r"(\d{1,4})(?:\s+([a-z]+))?", section.number)
    if not match:
        return ""
    return f"{int(match.group(1)):0{layout.article_width}d}{match.group(2) or ''}"


def _write_section(
    section: ImportedSection, parent: Path, name: str, vocabulary: Vocabulary, layout: _Layout, files: _Files
) -> list[str]:
    folder = parent / name
    folder.mkdir()
    config: dict[str, Any] = {}
    if _reader_knows_kinds():
        if section.kind not in ("heading", "preamble"):
            config["kind"] = section.kind
        if section.number and section.kind != "heading":
            config["number"] = section.number
        if section.title and section.kind != "heading":
            config["title"] = section.title
        if section.bracketed:
            config["bracketed"] = True
        if section.restarts and layout.scheme == "per-article":
            config["restarts"] = True
        if section.number_prefix:
            config["number-prefix"] = section.number_prefix
    config["heading"] = section.heading
    if section.preamble:
        config["preamble"] = True
    elif not section.heading:
        config["untitled"] = True  # printed without a heading: a resolution's operative part
    # an option numbered again where numbering runs on names its paragraphs after the number
    # before them (033u.md), so that "paragraph 25" in them is read in that numbering
    runs_on = section.kind == "option" and layout.scheme != "per-article" and layout.stem[0].strip("0") != ""
    numbered = section.preamble or runs_on or any(p.number is not None for p in section.paragraphs)
    if not numbered and section.paragraphs and _reader_knows_kinds():
        config["numbered"] = False
    _write(folder / "section.yaml", _yaml(config))
    written = [f"{name}/section.yaml"]
    files_of = paragraph_files(section, layout.width, layout.stem, runs_on=runs_on)
    for paragraph, file in zip(section.paragraphs, files_of, strict=True):
        status = vocabulary.of(Role(paragraph.status)).label
        _write(folder / file, paragraph_file(files.new_id(), status, paragraph.text))
        if files.progress is not None:
            files.progress()
        written.append(f"{name}/{file}")
    written += _write_children(section.subsections, folder, f"{name}/", vocabulary, layout, files)
    return written


def paragraph_files(
    section: ImportedSection, width: int, stem: list[str] | None = None, *, runs_on: bool = False
) -> list[str]:
    """The file names of a section's paragraphs, in order (see docs/format.md).

    Numbered paragraphs are named after their number (``018bis.md``); in a section with
    no numbered paragraph (and in an unnumbered preamble) files are positional
    (``001.md``, ``002.md``); otherwise an unnumbered paragraph is named after the numbered
    one it follows with ``u``, ``u2`` … (``000u.md`` before paragraph 1, ``005u.md`` after 5).
    ``stem`` holds the last numbered paragraph's stem where numbering runs on from the
    folders before, and is updated; ``runs_on`` names even a folder without a numbered
    paragraph so (an option numbered again, whose numbers are kept in its text)."""
    last = stem if stem is not None else ["0" * width]
    if not runs_on and not any(p.number is not None for p in section.paragraphs):
        return [f"{position:0{width}d}.md" for position in range(1, len(section.paragraphs) + 1)]
    names: list[str] = []
    # unnumbered paragraphs after the same number in folders before count on (057.2u, then 057.2u2)
    count = int(last[1]) if len(last) > 1 else 0
    for paragraph in section.paragraphs:
        if paragraph.number is not None:
            names.append(paragraph.number.filename(width))
            if not paragraph.number.is_alternative:
                last[0], count = names[-1][: -len(".md")], 0
        else:
            count += 1
            names.append(f"{last[0]}u{count if count > 1 else ''}.md")
    last[1:] = [str(count)]
    return names


@dataclass(frozen=True, slots=True)
class _Files:
    new_id: Callable[[], str]
    progress: Callable[[], None] | None


def paragraph_file(ident: str, status: str, text: str) -> str:
    """A new paragraph file; the same bytes as :func:`zerodraft.frontmatter.render` gives
    for these two plain fields (a test holds them equal), without its cost per file."""
    if not (_PLAIN.match(ident) and _PLAIN.match(status)):
        return frontmatter.render({"id": ident, "status": status}, text)
    return f"---\nid: {ident}\nstatus: {status}\n---\n{text.strip(chr(10))}\n"


_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$", re.IGNORECASE)


def _slug(section: ImportedSection) -> str:
    """A short folder name: ``a-implementation-programme-action``, ``national-level``, ``article-4-bis``.

    The label and up to three words of the heading that are not filler ("of", "the",
    "consideration"), in ASCII lower case; articles and parts by their label alone.
    """
    if section.preamble:
        return "preamble"
    if section.kind == "options":
        return "options"
    if section.kind == "option" and section.number:
        return f"option-{section.number.lower()}"
    if not section.heading and section.number_prefix:
        return "preambular"  # a labelled preamble printed without its chapeau ("Pp1 Recalling …")
    if not section.heading:
        return "operative" if any(p.number is not None for p in section.paragraphs) else "text"
    if section.kind in ("article", "part", "chapter", "section", "annex", "appendix") and section.label:
        return "-".join(_words(section.label)) or "section"
    heading = re.sub(r"\[\^[^\]]+\]", "", section.heading.split("\n\n[^", 1)[0])  # without its footnotes
    label = section.label
    prefix: list[str] = []
    if label and not label.isdigit():
        prefix = _words(label)
        if len(prefix) > 1:  # "Article 4 bis", "Part II": the label says it all
            return "-".join(prefix)
        heading = heading[len(label) :] if heading.lower().startswith(label.lower()) else heading
    elif label:
        heading = re.sub(rf"^{re.escape(label)}\.\s*", "", heading)
    words = [w for w in _words(heading) if w not in _STOP][:3]
    return "-".join(prefix + words) or "section"


def _words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", ascii_text)


def _new_id() -> str:
    return "p-" + os.urandom(6).hex()


def _old_config(into: Path) -> dict[str, Any]:
    path = into / "document.yaml"
    if not path.is_file():
        return {}
    try:
        data = safeyaml.load(path.read_text(encoding="utf-8")).data
    except (safeyaml.YamlProblem, UnicodeDecodeError):
        return {}
    return dict(data) if isinstance(data, dict) else {}


def _yaml(data: Mapping[str, Any]) -> str:
    """``data`` as YAML, as ruamel.yaml writes it; a flat mapping of plain words and flags
    (most ``section.yaml`` files: kind, number, title) is written directly, byte for byte
    what ruamel would write (a test holds the two equal), and 20 times faster."""
    fast = _plain_yaml(data)
    return fast if fast is not None else _ruamel_yaml(data)


def _ruamel_yaml(data: Mapping[str, Any]) -> str:
    """``data`` as ruamel.yaml writes it (block style, no line folding)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(dict(data), out)
    return out.getvalue()


#: A string YAML reads back as itself when written without quotes: words of letters and
#: digits with inner spaces and a few marks, starting with a letter; never a word YAML reads
#: as a flag or null.
_PLAIN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[ ,.’()-]+[A-Za-z0-9]+)*[.)]?$")  # each run once: linear
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _plain_yaml(data: Mapping[str, Any]) -> str | None:
    lines = []
    for key, value in data.items():
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z-]*", key):
            return None
        if isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, str) and _PLAIN_RE.fullmatch(value) and value.lower() not in _RESERVED:
            lines.append(f"{key}: {value}")
        elif isinstance(value, str) and re.fullmatch(r"[1-9]\d{0,3}", value):
            lines.append(f"{key}: '{value}'")  # a number as text ("7"), as ruamel quotes it
        elif isinstance(value, str) and "\n" in value and all(_PLAIN_RE.match(line) for line in value.split("\n")):
            escaped = value.replace("\n", "\\n")
            lines.append(f'{key}: "{escaped}"')  # "Article 7\nUse of terms", as ruamel quotes it
        else:
            return None
    return "".join(f"{line}\n" for line in lines) if lines else None


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
