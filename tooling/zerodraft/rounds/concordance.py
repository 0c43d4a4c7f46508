"""The concordance of a new draft: for each paragraph its new number, its old number, its
stable id, its consensus label in the previous draft and now, and the delegations whose
proposals it carries (as UNFCCC publishes them as addenda).

A release writes it twice: as data in the repository (``outcome/concordance/draft-3.yaml``,
beside the text it describes, so every clone and every later tool has it; ``zerodraft
history`` follows paragraphs across renumberings with it) and as a table in the release
notes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from zerodraft.model import Document, Paragraph, SectionKind
from zerodraft.rounds.articles import ArticleMove, relocate
from zerodraft.rounds.renumber import Renumbering

FOLDER = "concordance"
"""The folder under ``outcome/`` holding one concordance file per released draft."""
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FILE_RE = re.compile(r"^draft-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the concordance."""

    id: str
    """The paragraph's stable id."""
    new: str
    """Its number in the new draft ("18"); empty when it left (deleted)."""
    old: str
    """Its number in the round just closed ("17 bis")."""
    new_path: str
    """Its file in the new draft (empty when it left)."""
    old_path: str
    """Its file before the release."""
    label_before: str
    """Its consensus label in the previous draft; empty for a paragraph new in this round."""
    label_after: str
    """Its consensus label in the new draft (as it stood when it left, for deleted ones)."""
    delegations: tuple[str, ...]
    """The delegations whose proposals it carries."""
    old_article: str = ""
    """The number of the article that held it before the release ("8", "5 bis"); empty
    outside articles."""
    new_article: str = ""
    """The number of that article in the new draft ("9"); empty outside articles and for a
    paragraph that left."""

    printed: bool = True
    """False when it is printed without a number (an article's chapeau, the text of a
    one-paragraph article); not written to the data file, whose numbers say it."""

    def cited(self, number: str, article: str) -> str:
        """``number`` as a diplomat cites it: ``9(2)`` inside Article 9, ``9 (unnumbered)``
        for text printed there without a number, ``18`` elsewhere."""
        if not (article and number):
            return number
        return f"{article}({number})" if self.printed else f"{article} (unnumbered)"


@dataclass(frozen=True, slots=True)
class Concordance:
    """The concordance of one draft."""

    draft: str
    """The new draft's name ("Draft 3")."""
    previous: str
    """The previous draft's name, or empty for the first release."""
    entries: tuple[Entry, ...]
    """Rows in document order: the paragraphs that stay, then those that left."""
    articles: tuple[ArticleMove, ...] = ()
    """The articles renumbered (Article 6 bis → 7), in document order; the mapping that
    rewrites "article 7, paragraph 2" as "article 8, paragraph 2"."""
    left: tuple[tuple[str, str], ...] = ()
    """The articles that left (every paragraph deleted): their number and folder."""
    sections: tuple[ArticleMove, ...] = ()
    """The Parts, chapters, sections, annexes and appendices renumbered (Part II bis → III)
    or whose folder takes a whole order number again, in document order
    (:mod:`zerodraft.rounds.divisions`)."""

    sections_left: tuple[tuple[str, str, str], ...] = ()
    """The divisions that left (every paragraph deleted): their kind ("part"), number and folder."""

    def folders(self) -> dict[str, str]:
        """Every folder the release renames, to its new name beside it (before the others move)."""
        return {m.old_path: m.new_path for m in (*self.articles, *self.sections)}

    def as_data(self) -> dict[str, Any]:
        """JSON/YAML-ready data (``articles`` only when some are renumbered or leave)."""
        data: dict[str, Any] = {
            "draft": self.draft,
            "previous": self.previous or None,
            "paragraphs": [
                {
                    "id": e.id,
                    "new": e.new or None,
                    "old": e.old,
                    "new-path": e.new_path or None,
                    "old-path": e.old_path,
                    "label-before": e.label_before or None,
                    "label-after": e.label_after,
                    "delegations": list(e.delegations),
                    **({"old-article": e.old_article, "new-article": e.new_article or None} if e.old_article else {}),
                }
                for e in self.entries
            ],
        }
        folders = self.folders()
        if self.articles or self.left:
            data["articles"] = [
                {"new": a.new, "old": a.old, "new-path": relocate(a.old_path, folders), "old-path": a.old_path}
                for a in self.articles
            ] + [{"new": None, "old": number, "new-path": None, "old-path": path} for number, path in self.left]
        if self.sections or self.sections_left:
            data["sections"] = [
                {
                    "kind": m.kind.value,
                    "new": m.new,
                    "old": m.old,
                    "new-path": relocate(m.old_path, folders),
                    "old-path": m.old_path,
                }
                for m in self.sections
            ] + [
                {"kind": kind, "new": None, "old": number, "new-path": None, "old-path": path}
                for kind, number, path in self.sections_left
            ]
        return data

    def to_yaml(self) -> str:
        """The data file written into the repository."""
        header = f"# Concordance of {self.draft}: written by 'zerodraft release'; do not edit.\n"
        body = yaml.dump(self.as_data(), Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=4096)
        return header + body

    def to_markdown(self) -> str:
        """The table for the release notes."""
        previous = self.previous or "the previous round"
        lines = [
            f"| {self.draft} | {previous} | id | label before | label now | proposals by |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for e in self.entries:
            cells = (
                e.cited(e.new, e.new_article) or "deleted",
                e.cited(e.old, e.old_article),
                f"`{e.id}`",
                e.label_before or "new",
                e.label_after,
            )
            lines.append("| " + " | ".join(cells) + " | " + ", ".join(e.delegations) + " |")
        if self.articles:
            lines += ["", f"| article in {self.draft} | in {previous} | folder |", "| --- | --- | --- |"]
            lines += [f"| {a.new} | {a.old} | `{a.new_path}` |" for a in self.articles]
        if self.left:
            if not self.articles:
                lines += ["", f"| article in {self.draft} | in {previous} | folder |", "| --- | --- | --- |"]
            lines += [f"| deleted | {number} | `{path}` |" for number, path in self.left]
        if self.sections or self.sections_left:
            folders = self.folders()
            lines += ["", f"| in {self.draft} | in {previous} | folder |", "| --- | --- | --- |"]
            lines += [
                f"| {m.kind.word} {m.new} | {m.kind.word} {m.old} | `{relocate(m.old_path, folders)}` |"
                for m in self.sections
            ]
            lines += [
                f"| deleted | {SectionKind(kind).word} {number} | `{path}` |"
                for kind, number, path in self.sections_left
            ]
        return "\n".join(lines) + "\n"


def build(
    draft: str,
    renumbering: Renumbering,
    current: Document,
    previous: Document | None,
    previous_name: str = "",
    articles: tuple[ArticleMove, ...] = (),
    left: tuple[tuple[str, str], ...] = (),
    sections: tuple[ArticleMove, ...] = (),
    sections_left: tuple[tuple[str, str, str], ...] = (),
) -> Concordance:
    """The concordance for ``renumbering`` (and the renumbering of ``articles``) of
    ``current``, labels compared with ``previous``; paths are where files are after both."""
    moved = {a.old_path: a.new_path for a in (*articles, *sections)}
    renumbered = {a.old_path: a.new for a in articles}
    before = {p.id: p for p in previous.paragraphs()} if previous else {}
    entries = [
        _entry(current, m.paragraph, before.get(m.id), m.new.label(), relocate(m.new_path, moved), renumbered)
        for m in renumbering.moves
    ]
    entries += [_entry(current, p, before.get(p.id), "", "", renumbered) for p in renumbering.removed]
    return Concordance(draft, previous_name, tuple(entries), articles, left, sections, sections_left)


@functools.lru_cache(maxsize=256)  # the same released concordance is read at every later draft
def validate(text: str) -> tuple[int, str] | None:
    """``None`` when ``text`` has the shape :meth:`Concordance.to_yaml` writes, else the line
    and what is wrong (rule ZD801).  Reads libyaml's events only — no objects are built, no
    alias is followed — so that ``zerodraft check`` stays fast with many released drafts."""
    try:
        events = iter(yaml.parse(text, Loader=_LOADER))
        return _Shape(events).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return (mark.line + 1 if mark else 1, f"is not valid YAML ({error.problem or error.context})")
    except yaml.YAMLError as error:
        return (1, f"is not valid YAML ({error})")


class _Shape:
    """Walks the events of a concordance file, checking its shape."""

    def __init__(self, events: Iterator[yaml.Event]) -> None:
        self.events = events

    def next(self) -> yaml.Event:
        event = next(self.events)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) or getattr(event, "tag", None):
            raise _Wrong(event, "holds an alias, anchor or tag; it must be plain data")
        return event

    def document(self) -> tuple[int, str] | None:
        try:
            self.next()  # stream start
            if isinstance(start := self.next(), yaml.StreamEndEvent):
                raise _Wrong(start, "is empty")
            top = self.next()
            if not isinstance(top, yaml.MappingStartEvent):
                raise _Wrong(top, "must be keys: 'draft', 'previous' and 'paragraphs'")
            seen = set()
            while not isinstance(key := self.next(), yaml.MappingEndEvent):
                if not isinstance(key, yaml.ScalarEvent) or key.value not in _TOP_KEYS:
                    raise _Wrong(
                        key, "has a key other than 'draft', 'previous', 'paragraphs', 'articles' and 'sections'"
                    )
                seen.add(key.value)
                if key.value == "paragraphs":
                    self.rows()
                elif key.value == "articles":
                    self.rows("article", _ARTICLE_KEYS, "old")
                elif key.value == "sections":
                    self.rows("section", ("kind", *_ARTICLE_KEYS), "old")
                elif not isinstance(value := self.next(), yaml.ScalarEvent):
                    raise _Wrong(value, f"'{key.value}' must be a name")
            if not {"draft", "previous", "paragraphs"} <= seen:
                raise _Wrong(top, "needs 'draft', 'previous' and 'paragraphs'")
            self.next()  # document end
            if not isinstance(end := self.next(), yaml.StreamEndEvent):
                raise _Wrong(end, "holds more than one YAML document")
        except _Wrong as wrong:
            return wrong.line, wrong.message
        return None

    def rows(self, what: str = "paragraph", known: tuple[str, ...] = (), required: str = "id") -> None:
        known = known or _ROW_KEYS
        start = self.next()
        if not isinstance(start, yaml.SequenceStartEvent):
            raise _Wrong(start, f"'{what}s' must be a list")
        while not isinstance(row := self.next(), yaml.SequenceEndEvent):
            if not isinstance(row, yaml.MappingStartEvent):
                raise _Wrong(row, f"each {what} must be a set of keys")
            keys = set()
            while not isinstance(key := self.next(), yaml.MappingEndEvent):
                if not isinstance(key, yaml.ScalarEvent) or key.value not in known:
                    raise _Wrong(key, f"a {what} has an unknown key (known: {', '.join(known)})")
                keys.add(key.value)
                value = self.next()
                if isinstance(value, yaml.SequenceStartEvent) and key.value == "delegations":
                    while not isinstance(name := self.next(), yaml.SequenceEndEvent):
                        if not isinstance(name, yaml.ScalarEvent):
                            raise _Wrong(name, "'delegations' must be a list of names")
                elif not isinstance(value, yaml.ScalarEvent):
                    raise _Wrong(value, f"'{key.value}' must be a single value")
            if required not in keys:
                raise _Wrong(row, f"a {what} has no '{required}'")


_TOP_KEYS = ("draft", "previous", "paragraphs", "articles", "sections")
_ROW_KEYS = (
    "id",
    "new",
    "old",
    "new-path",
    "old-path",
    "label-before",
    "label-after",
    "delegations",
    "old-article",
    "new-article",
)
_ARTICLE_KEYS = ("new", "old", "new-path", "old-path")


class _Wrong(Exception):
    def __init__(self, event: yaml.Event, message: str) -> None:
        super().__init__(message)
        self.line = event.start_mark.line + 1 if event.start_mark else 1
        self.message = message


def load(text: str, only: str = "") -> dict[str, dict[str, Any]]:
    """A concordance file's rows keyed by id (for ``history``); empty if unreadable.

    With ``only``, just that id's row is wanted: the file is written by :meth:`to_yaml`, one
    row per ``- id:`` item, so that item alone is parsed (2,000 rows take PyYAML a second)."""
    if only:
        start = text.find(f"\n- id: {only}\n")
        if start >= 0:
            end = text.find("\n- id: ", start + 1)
            chunk = text[start + 1 : end if end >= 0 else len(text)]
            rows = yaml.load(chunk, Loader=_LOADER)
            if isinstance(rows, list) and rows and isinstance(rows[0], dict) and str(rows[0].get("id")) == only:
                return {only: rows[0]}
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError:
        return {}
    rows = data.get("paragraphs") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return {}
    return {str(r["id"]): r for r in rows if isinstance(r, dict) and "id" in r}


def _entry(
    document: Document,
    paragraph: Paragraph,
    before: Paragraph | None,
    new: str,
    new_path: str,
    renumbered: dict[str, str],
) -> Entry:
    vocabulary = document.config.vocabulary
    article = document.article_of(paragraph)

    def label(p: Paragraph) -> str:
        return vocabulary.of(p.role).display if p.role else p.status

    return Entry(
        id=paragraph.id,
        new=new,
        old=paragraph.label,
        new_path=new_path,
        old_path=paragraph.path,
        label_before=label(before) if before else "",
        label_after=label(paragraph),
        delegations=paragraph.proposed_by,
        printed=document.is_printed_numbered(paragraph),
        old_article=article.number if article else "",
        new_article=renumbered.get(article.path, article.number) if article and new else "",
    )
