"""Read ``outcome/`` from a :class:`~zerodraft.source.Source` into a
:class:`~zerodraft.model.Document`, collecting every problem met on the way.

Reading never stops at the first problem and never raises for bad files: a paragraph whose
front matter is broken is still placed (by its file name) so that numbering checks see it,
with an empty id and label.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zerodraft import cache, checks, config, conflicts, frontmatter, numbering, parallel, safeyaml
from zerodraft.decode import decode
from zerodraft.errors import Fatal
from zerodraft.languages import files as language_files
from zerodraft.model import DELEGATION_FIELDS, Document, DocumentConfig, Paragraph, Problem, Roster, Section
from zerodraft.rounds import concordance
from zerodraft.source import MAX_FILE_BYTES, Entry, Source

DOCUMENT = "document.yaml"
ROSTER = "delegations.yaml"
SECTION = "section.yaml"
ROOT_FILES = (DOCUMENT, ROSTER, "README.md")
FOLDER_RE = re.compile(r"^(?P<order>\d{2,5}[a-z]*)-[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
FIELDS = ("id", "status", *DELEGATION_FIELDS, "note")
_FIELD_SET = frozenset(FIELDS)


@dataclass(frozen=True, slots=True)
class Reading:
    """A document and the problems met while reading it."""

    document: Document
    """The document read."""
    problems: tuple[Problem, ...]
    """Every problem met while reading it, sorted."""
    recall: checks.Recall | None = None
    """Where the paragraph checks' findings of each top-level part are kept, when the
    document was read with a :class:`~zerodraft.cache.Memo`."""


def checked(source: Source, root: str = "outcome", memo: cache.Memo | None = None) -> Reading:
    """Read the document under ``root`` and run every check on it: the document and every
    problem, those met while reading and those the checks find, once each and sorted (what
    ``check``, ``build``, ``release`` and the site show).  With ``memo``, what it keeps of
    unchanged files is used instead of reading and checking them again (the same problems)."""
    reading = read(source, root, memo)
    found = checks.run(reading.document, recall=reading.recall)
    return Reading(reading.document, tuple(sorted(set(reading.problems) | set(found))), reading.recall)


def read(source: Source, root: str = "outcome", memo: cache.Memo | None = None) -> Reading:
    """Read the document under ``root``; raise :class:`Fatal` only if there is none.  With
    ``memo``, a paragraph file whose path and bytes it has met is not parsed again (see
    :mod:`zerodraft.cache`)."""
    entries = source.entries(root)
    if not entries:
        raise Fatal(f"there is no '{root}/' folder in {source.label}; nothing to read")
    problems: list[Problem] = []
    entries, concordances = _without_concordance(entries, root, problems)
    _check_concordances(source, concordances, problems)
    children: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        children[entry.path.rsplit("/", 1)[0]].append(entry)
    wanted = []
    for entry in entries:
        if entry.kind in ("symlink", "other"):
            what = "a symbolic link" if entry.kind == "symlink" else "not a regular file"
            problems.append(Problem(entry.path, 1, "ZD003", f"is {what}; replace it with a plain file or remove it"))
        elif entry.kind == "file":
            if entry.size > MAX_FILE_BYTES:
                problems.append(
                    Problem(
                        entry.path,
                        1,
                        "ZD004",
                        f"is {entry.size:,} bytes; a file may be at most {MAX_FILE_BYTES:,}: shorten it, or split its text into "
                        "several paragraph files",
                    )
                )
            else:
                wanted.append(entry.path)
    numbers: dict[str, numbering.Number] = {}
    for path in wanted:
        folder, name = path.rsplit("/", 1)
        number = numbering.from_filename(name) if folder != root else None
        if number is not None:
            numbers[path] = number
    paragraph_files = list(numbers)
    texts: dict[str, str | None] = {}
    for path, data in source.read([p for p in wanted if p not in numbers]).items():
        decoded = decode(path, data)
        problems.extend(decoded.problems)
        texts[path] = decoded.text
    keys: dict[str, str] = {}
    if memo is not None:
        keys, records = _recalled(source, paragraph_files, memo)
    elif source.forkable:  # each process reads its own half of the files too
        records = parallel.split_map(lambda paths: _load(source, paths), paragraph_files)
    else:
        raw = source.read(paragraph_files)
        records = parallel.split_map(_parse_all, [(path, raw[path]) for path in paragraph_files])
    parsed = dict(zip(paragraph_files, records, strict=True))
    cfg = config.document_config(f"{root}/{DOCUMENT}", texts.get(f"{root}/{DOCUMENT}"), problems)
    if f"{root}/{DOCUMENT}" not in texts:
        problems.append(Problem(f"{root}/{DOCUMENT}", 1, "ZD501", "is missing: every document needs one"))
    roster = config.roster(f"{root}/{ROSTER}", texts.get(f"{root}/{ROSTER}"), problems)
    if f"{root}/{ROSTER}" not in texts:
        problems.append(Problem(f"{root}/{ROSTER}", 1, "ZD502", "is missing: the roster of delegations is needed"))
    walker = _Walker(root, children, texts, parsed, numbers, cfg, roster, problems)
    for entry in children[root]:
        name = entry.path.rsplit("/", 1)[1]
        if entry.kind == "file" and name not in ROOT_FILES and not language_files.SECTION_RE.match(name):
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "ZD001",
                    "does not belong at the top of the document: paragraphs go in section folders",
                )
            )
    sections = walker.sections(root, ())
    translated = {p: t for p, t in texts.items() if language_files.is_translation(p.rsplit("/", 1)[1])}
    translations = language_files.read(translated, problems)
    document = Document(cfg, roster, sections, root, translations)
    recall = None
    if memo is not None:
        settings = (texts.get(f"{root}/{DOCUMENT}"), texts.get(f"{root}/{ROSTER}"))
        by_part: dict[str, list[str]] = defaultdict(list)
        for path in paragraph_files:
            by_part[checks.part_of(path, root)].append(keys[path])
        recall = checks.Recall(
            memo, {part: cache.part_key(root, settings, sorted(found)) for part, found in by_part.items()}
        )
    return Reading(document, tuple(sorted(set(problems))), recall)


def _recalled(source: Source, paths: list[str], memo: cache.Memo) -> tuple[dict[str, str], list[_Record]]:
    """The record key and record of each paragraph file: from ``memo`` when it has met the
    same path and bytes, parsed (and kept) otherwise.  A source that knows its files' blob
    ids (a commit) is read only for the files ``memo`` has not met; files on disk are read,
    hashed and, when new, parsed by two processes for a large document, as without a memo."""
    known = getattr(source, "blob_id", None)
    if known is not None:
        keys = [cache.record_key(path, known(path)) for path in paths]
        missing = [path for path, key in zip(paths, keys, strict=True) if _kept(memo, key) is None]
        raw = source.read(missing)
        parsed = iter(parallel.split_map(_parse_all, [(path, raw[path]) for path in missing]))
        found = [(key, next(parsed) if path in raw else None) for path, key in zip(paths, keys, strict=True)]
    elif source.forkable:  # each process reads and hashes its own half of the files
        found = parallel.split_map(lambda half: _recall(source, half, memo), paths)
    else:
        found = _recall(source, paths, memo)
    records: list[_Record] = []
    for path, (key, record) in zip(paths, found, strict=True):
        kept = _kept(memo, key) if record is None else None
        if kept is None:  # new (or, should the memo have changed under a child, parsed again here)
            kept = tuple(record) if record is not None else _parse(path, source.read([path])[path])
            memo.remember(key, kept)
        records.append(kept)
    return dict(zip(paths, (key for key, _ in found), strict=True)), records


def _recall(source: Source, paths: Sequence[str], memo: cache.Memo) -> list[tuple[str, _Record | None]]:
    """Each file's record key, and its record when ``memo`` does not have it (``None`` when
    it does): in plain values, so that a forked process can send them back."""
    raw = source.read(paths)
    out: list[tuple[str, _Record | None]] = []
    for path in paths:
        data = raw[path]
        key = cache.record_key(path, cache.blob_id(data))
        out.append((key, None if _kept(memo, key) is not None else _parse(path, data)))
    return out


def _kept(memo: cache.Memo, key: str) -> _Record | None:
    """The record ``memo`` keeps under ``key``, if it has the shape of one."""
    found = memo.record(key)
    return found if isinstance(found, tuple) and len(found) == _RECORD_FIELDS else None


def read_paragraph(
    path: str, data: bytes, cfg: DocumentConfig, roster: Roster, root: str = "outcome"
) -> tuple[Paragraph | None, tuple[Problem, ...]]:
    """Read one paragraph file on its own (for tools that look only at what a pull request
    changed); ``None`` if its name is not a paragraph number or it is not text."""
    number = numbering.from_filename(path.rsplit("/", 1)[-1])
    if number is None or not path.startswith(root + "/"):
        return None, ()
    decoded = decode(path, data)
    if decoded.text is None:
        return None, decoded.problems
    problems: list[Problem] = []
    trail = tuple(path[len(root) + 1 :].split("/")[:-1])
    walker = _Walker(root, defaultdict(list), {}, {path: _parse(path, data)}, {path: number}, cfg, roster, problems)
    return walker.paragraph(path, number, trail), tuple(problems)


class _Walker:
    def __init__(
        self,
        root: str,
        children: dict[str, list[Entry]],
        texts: dict[str, str | None],
        parsed: dict[str, _Record],
        numbers: dict[str, numbering.Number],
        cfg: DocumentConfig,
        roster: Roster,
        problems: list[Problem],
    ) -> None:
        self.root = root
        self.children = children
        self.texts = texts
        self.parsed = parsed
        self.numbers = numbers
        self.cfg = cfg
        self.roster = roster
        self.problems = problems

    def sections(self, folder: str, trail: tuple[str, ...]) -> tuple[Section, ...]:
        folders = sorted((e for e in self.children[folder] if e.kind == "dir"), key=lambda e: _folder_order(e.path))
        out = []
        orders: dict[numbering.Number, str] = {}
        for entry in folders:
            name = entry.path.rsplit("/", 1)[1]
            order = _order_of(name)
            if order is None:
                self.problems.append(
                    Problem(
                        entry.path,
                        1,
                        "ZD006",
                        f"folder '{name}' should be named like '02-b-cooperation' or '054ter-article-54-ter': "
                        "an order number (maybe with bis, ter … or ante), a hyphen, lower-case words",
                    )
                )
            else:
                if order in orders:
                    self.problems.append(
                        Problem(
                            entry.path,
                            1,
                            "ZD206",
                            f"has the same order number as '{orders[order]}'; give each folder its own",
                        )
                    )
                orders[order] = name
            out.append(self.section(entry.path, (*trail, name)))
        preambles = [i for i, s in enumerate(out) if s.preamble]
        for index in preambles:
            if trail or index != 0:
                self.problems.append(
                    Problem(
                        f"{out[index].path}/{SECTION}",
                        1,
                        "ZD206",
                        "only the first top-level folder may be the preamble",
                    )
                )
        return tuple(out)

    def section(self, folder: str, trail: tuple[str, ...]) -> Section:
        section_file = f"{folder}/{SECTION}"
        if section_file not in self.texts:
            self.problems.append(
                Problem(
                    section_file, 1, "ZD503", "is missing: each section folder needs a section.yaml with 'heading:'"
                )
            )
        described = config.section(section_file, self.texts.get(section_file), self.problems)
        paragraphs = []
        for entry in self.children[folder]:
            if entry.kind != "file":
                continue
            name = entry.path.rsplit("/", 1)[1]
            if name == SECTION or language_files.is_translation(name):
                continue
            number = self.numbers.get(entry.path) or numbering.from_filename(name)
            if number is None:
                self.problems.append(Problem(entry.path, 1, *_bad_name(name)))
                continue
            if entry.path in self.parsed:
                paragraphs.append(self.paragraph(entry.path, number, trail))
        paragraphs.sort(key=_order)
        return Section(
            key=trail[-1],
            path=folder,
            heading=described.heading,
            preamble=described.preamble,
            id=described.id,
            paragraphs=tuple(paragraphs),
            subsections=self.sections(folder, trail),
            depth=len(trail) - 1,
            kind=described.kind,
            number=described.number,
            title=described.title,
            bracketed=described.bracketed,
            restarts=described.restarts,
            number_prefix=described.number_prefix,
            numbered=described.numbered,
            untitled=described.untitled,
        )

    def paragraph(self, path: str, number: numbering.Number, trail: tuple[str, ...]) -> Paragraph:
        (ident, status, text, text_line, proposed, supported, opposed, reservations, note, lines, problems) = (
            self.parsed[path]
        )
        self.problems.extend(Problem(*problem) for problem in problems)
        return Paragraph(
            id=ident,
            number=number,
            path=path,
            section=trail,
            status=status,
            role=self.cfg.vocabulary.role_of(status) if status else None,
            text=text,
            text_line=text_line,
            proposed_by=proposed,
            supported_by=supported,
            opposed_by=opposed,
            reservations=reservations,
            note=note,
            field_lines=lines,
        )


# What stage 1 makes of one paragraph file, in plain values so that it can cross from a
# worker process (see zerodraft.parallel): id, status, text, text line, proposed-by,
# supported-by, opposed-by, reservations, note, field lines, problems (as tuples).
_Record = tuple[Any, ...]
_RECORD_FIELDS = 11


def _load(source: Source, paths: Sequence[str]) -> list[_Record]:
    data = source.read(paths)
    return [_parse(path, data[path]) for path in paths]


def _parse_all(files: Sequence[tuple[str, bytes]]) -> list[_Record]:
    return [_parse(path, data) for path, data in files]


def _parse(path: str, data: bytes) -> _Record:
    """Stage 1 for one paragraph file: bytes to fields, with every problem met."""
    problems: list[tuple[str, int, str, str]] = []
    decoded = decode(path, data)
    problems.extend((p.path, p.line, p.code, p.message) for p in decoded.problems)
    if decoded.text is None:
        return _blank("", 1, problems)
    conflict = conflicts.markers(decoded.text)
    if conflict:
        problems.append((path, conflict[0], "ZD110", conflicts.message(conflict)))
        return _blank("", 1, problems)
    try:
        parts = frontmatter.split(decoded.text)
    except frontmatter.NoFrontMatter as error:
        problems.append((path, error.line, "ZD101", error.message))
        return _blank("", 1, problems)
    try:
        loaded = safeyaml.load(parts.meta)
    except safeyaml.YamlProblem as error:
        problems.append((path, parts.meta_line + error.line - 1, "ZD102", f"front matter {error.message}"))
        return _blank(parts.body, parts.body_line, problems)
    data_ = loaded.data
    if data_ is None:
        data_ = {}
    if not isinstance(data_, dict):
        problems.append((path, parts.meta_line, "ZD102", "front matter must be 'key: value' lines"))
        data_ = {}
    lines = {k: parts.meta_line + v - 1 for k, v in loaded.key_lines.items()}

    def report(key: str, code: str, message: str) -> None:
        problems.append((path, lines.get(key, parts.meta_line), code, message))

    if not _FIELD_SET.issuperset(data_):
        for key in data_:
            if key not in _FIELD_SET:
                report(
                    str(key),
                    "ZD106",
                    f"front matter has '{key}:', which a paragraph file does not have"
                    f"{config.hint(str(key), FIELDS) or '; its lines are ' + ', '.join(f'{f}:' for f in FIELDS)}",
                )
    values: dict[str, Any] = {}
    for key in ("id", "status", "note"):
        value = data_.get(key)
        if value is None:
            if key == "id":
                report(
                    key,
                    "ZD103",
                    f"front matter needs 'id:'; add the line 'id: {fresh_id(path, parts.body)}' (an id made for this file)",
                )
            elif key == "status":
                report(
                    key, "ZD103", "front matter needs 'status:', the consensus label (new text is 'status: proposed')"
                )
            values[key] = ""
        elif not isinstance(value, str):
            report(key, "ZD105", f"'{key}' must be text, not {_kind(value)}; put it in quotes")
            values[key] = ""
        else:
            values[key] = value.strip()
    if values["id"] and not ID_RE.match(values["id"]):
        report(
            "id",
            "ZD109",
            f"id '{values['id'][:70]}' may only hold letters, digits, '-' and '_' (at most 64): write it with those "
            "alone, like 'p-7c41e09b2d58'",
        )
    names = [_names(key, data_.get(key), report) for key in DELEGATION_FIELDS]
    return (
        values["id"],
        values["status"],
        parts.body,
        parts.body_line,
        *names,
        values["note"],
        tuple(lines.items()),
        tuple(problems),
    )


def fresh_id(path: str, text: str) -> str:
    """An id for a paragraph file that has none: ``p-`` and 12 hexadecimal digits, the same
    for the same file and text (so the message does not change between runs), different for
    different files."""
    import hashlib

    return "p-" + hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()[:12]


def _blank(text: str, text_line: int, problems: list[tuple[str, int, str, str]]) -> _Record:
    """A paragraph whose front matter could not be read: placed by its file name only."""
    return ("", "", text, text_line, (), (), (), (), "", (), tuple(problems))


def _names(key: str, value: Any, report: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(key, "ZD105", f"'{key}' must be a delegation name or a list of them, like [Kenya, European Union]")
        return ()
    return tuple(v.strip() for v in value)


def _order(paragraph: Paragraph) -> tuple[int, int, int, int, int]:
    # A plain tuple: sorting by the record's comparisons is several times slower.
    return paragraph.number.sort_key


def _without_concordance(entries: list[Entry], root: str, problems: list[Problem]) -> tuple[list[Entry], list[str]]:
    """Set aside ``outcome/concordance/``: the concordance files of released drafts
    (``draft-3.yaml``), which are records of releases, not part of the text; returns the
    other entries and the concordance files."""
    folder = f"{root}/{concordance.FOLDER}"
    if not any(e.path == folder and e.kind == "dir" for e in entries):
        return entries, []
    kept = []
    files = []
    for entry in entries:
        if entry.path == folder:
            continue
        if not entry.path.startswith(folder + "/"):
            kept.append(entry)
            continue
        name = entry.path[len(folder) + 1 :]
        if entry.kind in ("symlink", "other"):
            problems.append(Problem(entry.path, 1, "ZD003", "is not a regular file; remove it"))
        elif entry.kind != "file" or not concordance.FILE_RE.match(name):
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "ZD001",
                    "does not belong here: outcome/concordance/ holds only the concordance files "
                    "'zerodraft release' writes (draft-3.yaml)",
                )
            )
        elif entry.size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "ZD004",
                    f"is {entry.size:,} bytes; a file may be at most {MAX_FILE_BYTES:,}: shorten it, or split its text into "
                    "several paragraph files",
                )
            )
        else:
            files.append(entry.path)
    return kept, files


def _check_concordances(source: Source, paths: list[str], problems: list[Problem]) -> None:
    """Each concordance file is UTF-8 and has the shape 'zerodraft release' writes (ZD801)."""
    for path, data in source.read(paths).items():
        decoded = decode(path, data)
        problems.extend(decoded.problems)
        if decoded.text is None:
            continue
        wrong = concordance.validate(decoded.text)
        if wrong is not None:
            line, message = wrong
            problems.append(
                Problem(
                    path,
                    line,
                    "ZD801",
                    f"{message}; a concordance is written by 'zerodraft release', never by hand: put back the file "
                    f"the release wrote (git checkout {path.rsplit('/', 1)[-1].removesuffix('.yaml')} -- {path})",
                )
            )


def _order_of(name: str) -> numbering.Number | None:
    """The order of a section folder: ``05-…`` 5, ``05bis-…`` 5 bis, ``020ante-…`` 20 ante."""
    match = FOLDER_RE.match(name)
    return numbering.from_order(match.group("order")) if match else None


def _folder_order(path: str) -> tuple[tuple[int, ...], str]:
    name = path.rsplit("/", 1)[1]
    order = _order_of(name)
    return (order.sort_key if order else (10**6,), name)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    return type(value).__name__


def _bad_name(name: str) -> tuple[str, str]:
    guess = numbering.parse(name.removesuffix(".md").replace("_", " ").replace("-", " "))
    if guess is not None and name.lower().endswith(".md"):
        return "ZD006", f"paragraph file '{name}' should be named '{guess.filename()}': rename it"
    if name.lower().endswith(".md"):
        return "ZD006", f"'{name}' is not a paragraph file name; name it by its number, like 018.md or 018bis.md"
    return "ZD001", f"'{name}' has no place here: a section folder holds section.yaml and paragraph files (018.md)"
