"""``zerodraft import SOURCE --language fr --into outcome``: add a language version to an
existing document, aligned to its structure; the original is never touched.

Writes ``018.fr.md`` beside each ``018.md`` it found a text for, ``section.fr.yaml`` beside
each ``section.yaml`` whose title it found, ``document.fr.yaml`` with the title, and adds the
language to ``languages: kept`` in ``document.yaml``.  Every file is written whole or not at
all.  What could not be aligned is listed with its source line (ZD660) and later reported by
``zerodraft check`` as a missing translation (ZD441), so nothing is lost silently.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from zerodraft import characters, frontmatter, reader
from zerodraft.errors import Fatal
from zerodraft.git import find_root, source_at
from zerodraft.importing import sourcefile
from zerodraft.languages import conventions, skeleton
from zerodraft.languages import layout as pdflayout
from zerodraft.languages.align import Alignment, align
from zerodraft.languages.records import TAG_RE, fingerprint, name
from zerodraft.model import Problem
from zerodraft.output import write_atomically

_CONTROL = re.compile(f"[{characters.CONTROL}]")  # the one definition (zerodraft.characters)


def run(source_path: Path, language: str, into: str, *, force: bool, dry_run: bool, layout: Path | None = None) -> int:
    """Align ``source_path`` as the ``language`` version of the document in ``into``; ``layout``,
    the translation's PDF, tells where titles end in a script without capitals."""
    if not TAG_RE.match(language):
        raise Fatal(f"'{language[:40]}' is not a language code (BCP 47: fr, zh, es-419, zh-Hans)")
    base = find_root(Path.cwd())
    root = _relative(base, Path(into))
    reading = reader.read(source_at(base, None), root)
    document = reading.document
    languages = document.config.languages
    if not languages.original:
        raise Fatal(
            f"{root}/document.yaml does not say which language the text is negotiated in; add "
            "'languages: {original: en, kept: []}' first (docs/languages.md)"
        )
    if language == languages.original:
        raise Fatal(f"'{language}' is the original language of {root}/; import the original without --language")
    target = conventions.of(language)
    if language.split("-")[0].lower() not in conventions.known():
        raise Fatal(
            f"zerodraft does not know how {name(language)} prints headings and numbers; add "
            f"tooling/zerodraft/data/languages/{language}.yaml (docs/languages.md), then import again"
        )
    existing = [t.path for t in document.translations.paragraphs if t.language == language]
    if existing and not force and not dry_run:
        raise Fatal(
            f"{root}/ already has {len(existing)} {name(language)} paragraph files; add --force to replace them"
        )
    text, noise = _source_text(source_path)
    units = skeleton.of(document, conventions.of(languages.original))
    shapes = pdflayout.titles(pdflayout.read(layout), units, target) if layout is not None else None
    alignment = align(units, text, target, str(source_path), shapes)
    for problem in sorted((*noise, *alignment.problems)):
        print(problem)
    found = len(alignment.paragraphs)
    sure = sum(1 for a in alignment.paragraphs if a.certain)
    verb = "would write" if dry_run else "wrote"
    print(
        f"{name(language)}: {verb} {found} of {alignment.total} paragraphs ({sure / max(1, alignment.total):.1%} "
        f"aligned by their numbers, {found - sure} shared out by length and listed above) and "
        f"{len(alignment.headings)} headings into {root}/"
    )
    if dry_run:
        print("dry run: nothing was written")
    else:
        _write(base, root, alignment, text, bool(document.config.header_note))
    return 0 if found == alignment.total else 1


def _source_text(path: Path) -> tuple[str, list[Problem]]:
    """The translation's text, and the control characters a font mapping left in it (the
    Russian BBNJ text has U+0012 for "/"), each replaced by U+FFFD and listed for a human.
    Bidirectional overrides are refused, as in every import."""
    if path.is_file() and path.stat().st_size <= sourcefile.MAX_BYTES and not path.read_bytes().startswith(b"%PDF"):
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raw = None
        if raw is not None:
            problems = [
                Problem(
                    str(path),
                    raw.count("\n", 0, m.start()) + 1,
                    "ZD661",
                    f"replaced an invisible control character (U+{ord(m.group()):04X}) with the mark '\ufffd': "
                    "compare that word with the printed text and correct it in the translation",
                )
                for m in _CONTROL.finditer(raw)
            ]
            path_text = _CONTROL.sub("\ufffd", raw)
            sourcefile.refuse_hidden_characters(str(path), path_text)
            return path_text.replace("\r\n", "\n"), problems
    source = sourcefile.open_source(path)
    if source.format == "docx":
        raise Fatal("a translation is aligned from its text: give the PDF or the text, not the Word file")
    return source.text(), []


def _write(base: Path, root: str, alignment: Alignment, text: str, note: bool) -> None:
    language = alignment.language
    for aligned in alignment.paragraphs:
        path = base / (aligned.slot.path.removesuffix(".md") + f".{language}.md")
        body = aligned.text.strip() + "\n"
        write_atomically(path, frontmatter.render({"translates": fingerprint(aligned.slot.text)}, body))
    for heading in alignment.headings:
        fields = {key: value for key, value in (("heading", heading.heading), ("title", heading.title)) if value}
        if fields:
            write_atomically(base / heading.unit.path / f"section.{language}.yaml", _yaml(fields))
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    fields = {"title": title} if title else {}
    if note and alignment.front:  # the original keeps the text before its first heading as its note
        fields["header-note"] = alignment.front
    if fields:
        write_atomically(base / root / f"document.{language}.yaml", _yaml(fields))
    path = base / root / reader.DOCUMENT
    write_atomically(path, _kept(path.read_text(encoding="utf-8"), language))


def _yaml(data: dict[str, str]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _kept(text: str, language: str) -> str:
    """``document.yaml`` with ``language`` added to ``languages: kept`` (comments kept)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    content = yaml.load(text)
    kept = content["languages"].setdefault("kept", [])
    if kept is None:
        kept = content["languages"]["kept"] = []
    if language not in kept:
        kept.append(language)
    out = io.StringIO()
    yaml.dump(content, out)
    return out.getvalue()


def _relative(base: Path, into: Path) -> str:
    folder = (Path.cwd() / into).resolve()
    try:
        relative = folder.relative_to(base)
    except ValueError:
        raise Fatal(f"'{into}' is not inside the repository at {base}") from None
    if not (folder / reader.DOCUMENT).is_file():
        raise Fatal(f"'{into}' holds no document ({reader.DOCUMENT}); import the original first")
    return relative.as_posix()
