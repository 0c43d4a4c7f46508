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
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zerodraft import frontmatter, safeyaml
from zerodraft.errors import Fatal
from zerodraft.importing.tree import ImportedDocument, ImportedSection
from zerodraft.vocabulary import Role, Vocabulary

KEPT_FILES = ("delegations.yaml", "README.md")
IMPORTED_KEYS = ("title", "draft", "header-note", "numbering")
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
    temporary = Path(tempfile.mkdtemp(prefix=f".{into.name}.import-", dir=into.parent))
    try:
        written = _write_tree(document, temporary, old_config, vocabulary, _Files(new_id or _new_id, progress))
        for name in KEPT_FILES:
            if existing and (into / name).is_file():
                shutil.copyfile(into / name, temporary / name)
            elif name == "delegations.yaml":
                (temporary / name).write_text(EMPTY_ROSTER, encoding="utf-8")
        _sound(temporary, into.name)
        if existing:
            aside = Path(tempfile.mkdtemp(prefix=f".{into.name}.replaced-", dir=into.parent))
            try:
                os.replace(into, aside / into.name)
                try:
                    os.replace(temporary, into)
                except BaseException:  # a failure or Ctrl-C between the two moves: put the old one back
                    os.replace(aside / into.name, into)
                    raise
            finally:
                if into.is_dir():  # the new folder, or the old one back: nothing to keep aside
                    shutil.rmtree(aside, ignore_errors=True)
        else:
            if into.is_dir():
                into.rmdir()
            os.replace(temporary, into)
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
    found = [p for p in (*reading.problems, *checks.run(reading.document)) if p.code.startswith(STRUCTURAL)]
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        said = f"{found[0].path}: {found[0].code} {found[0].message}".replace(folder.name, name)
        raise Fatal(
            f"the source's structure was not understood; the result would fail the check — {said}{more}; "
            "nothing was written"
        )


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
        "paragraphs": document.numbering.paragraphs.value,
        "preamble": "numbered" if document.numbering.preamble_numbered else "unnumbered",
    }
    for key, value in old.items():
        if key not in IMPORTED_KEYS and key not in config:
            config[key] = value
    _write(root / "document.yaml", _yaml(config))
    written.append("document.yaml")
    width = max(3, len(str(max((p.number.base for p in document.paragraphs()), default=0))))
    order = 0 if document.sections and document.sections[0].preamble else 1
    for section in document.sections:
        written += _write_section(section, root, f"{order:02d}-{_slug(section)}", vocabulary, width, files)
        order += 1
    return written


def _write_section(
    section: ImportedSection, parent: Path, name: str, vocabulary: Vocabulary, width: int, files: _Files
) -> list[str]:
    folder = parent / name
    folder.mkdir()
    config: dict[str, Any] = {"heading": section.heading}
    if section.preamble:
        config["preamble"] = True
    elif not section.heading:
        config["untitled"] = True  # printed without a heading: a resolution's operative part
    _write(folder / "section.yaml", _yaml(config))
    written = [f"{name}/section.yaml"]
    for paragraph in section.paragraphs:
        status = vocabulary.of(Role(paragraph.status)).label
        file = paragraph.number.filename(width)
        _write(folder / file, paragraph_file(files.new_id(), status, paragraph.text))
        if files.progress is not None:
            files.progress()
        written.append(f"{name}/{file}")
    for order, sub in enumerate(section.subsections, 1):
        written += [
            f"{name}/{w}" for w in _write_section(sub, folder, f"{order:02d}-{_slug(sub)}", vocabulary, width, files)
        ]
    return written


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
    if not section.heading:
        return "operative"
    heading = section.heading
    label = section.label
    prefix: list[str] = []
    if label and not label.isdigit():
        prefix = _words(label)
        if len(prefix) > 1:  # "Article 4 bis", "Part II": the label says it all
            return "-".join(prefix)
        heading = heading[len(label) :] if heading.startswith(label) else heading
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
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(dict(data), out)
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
