"""Checks on consensus labels and who stands behind a paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from zerodraft import marks, names
from zerodraft.checks.registry import paragraph_check, problem
from zerodraft.model import DELEGATION_FIELDS, Document, Paragraph, Problem
from zerodraft.vocabulary import Role


@paragraph_check("ZD104")
def label_known(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if paragraph.status and paragraph.role is None:
        from zerodraft.config import hint

        known = document.config.vocabulary.known()
        yield Problem(
            paragraph.path,
            paragraph.line_of("status"),
            "ZD104",
            f"unknown consensus label '{paragraph.status}'{hint(paragraph.status, known)} "
            f"(expected one of: {', '.join(known)})",
        )


@paragraph_check("ZD108")
def delegations_known(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if not document.roster.delegations:
        return  # no roster could be read: that is reported once (ZD502), not on every name
    for key in DELEGATION_FIELDS:
        for name in getattr(paragraph, key.replace("-", "_")):
            if document.roster.find(name) is not None:
                continue
            listed = names.several(document.roster, name)
            if listed:
                message = (
                    f"'{name}' in {key} names {len(listed)} delegations as one; "
                    f"write a list: {key}: [{', '.join(listed)}]"
                )
            else:
                hint = names.hint(document.roster, name) or (
                    f"; write it as {document.root}/delegations.yaml spells it, or ask the secretariat to add it"
                )
                message = f"'{name}' in {key} is not a delegation in {document.root}/delegations.yaml{hint}"
            yield Problem(paragraph.path, paragraph.line_of(key), "ZD108", message)


@paragraph_check("ZD301")
def agreed_has_no_brackets(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if paragraph.role is not None and paragraph.role.is_agreed:
        offset = marks.has_brackets(paragraph.text)
        if offset is not None:
            where = marks.position(paragraph.text, offset)
            label = document.config.vocabulary.of(paragraph.role).label
            yield problem(
                paragraph,
                where.line,
                "ZD301",
                f"paragraph {paragraph.label} is '{label}' but still has square brackets "
                f"(column {where.column}); agreed text has none — remove them or change the label",
            )


@paragraph_check("ZD302")
def agreed_has_no_alternatives(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if paragraph.role is None or not paragraph.role.is_agreed:
        return
    label = document.config.vocabulary.of(paragraph.role).label
    for mark, offset in marks.alternatives(paragraph.text)[:1]:
        where = marks.position(paragraph.text, offset)
        yield problem(
            paragraph,
            where.line,
            "ZD302",
            f"paragraph {paragraph.label} is '{label}' but still offers alternatives ('{mark}'); "
            "keep the agreed one only",
        )
    if not paragraph.number.is_alternative:
        for other in document.alternatives(paragraph):
            yield Problem(
                paragraph.path,
                paragraph.line_of("status"),
                "ZD302",
                f"paragraph {paragraph.label} is '{label}' but alternative {other.label} "
                f"({other.path.rsplit('/', 1)[1]}) still stands; delete it or reopen the paragraph",
            )


@paragraph_check("ZD303")
def proposal_has_proposer(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if paragraph.role is Role.PROPOSED and not paragraph.proposed_by:
        yield Problem(
            paragraph.path,
            paragraph.line_of("status"),
            "ZD303",
            f"paragraph {paragraph.label} is labelled 'proposed' but does not say by whom; "
            "add 'proposed-by: [your delegation]'",
        )


@paragraph_check("ZD304")
def nobody_supports_and_opposes(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    opposed = {name.casefold() for name in paragraph.opposed_by}
    for name in paragraph.supported_by:
        if name.casefold() in opposed:
            yield Problem(
                paragraph.path,
                paragraph.line_of("opposed-by"),
                "ZD304",
                f"'{name}' both supports and opposes paragraph {paragraph.label}; keep one",
            )


@paragraph_check("ZD305")
def reservations_on_ad_ref(document: Document, paragraph: Paragraph) -> Iterator[Problem]:
    if paragraph.reservations and paragraph.role not in (Role.AGREED_AD_REF, None):
        label = document.config.vocabulary.of(Role.AGREED_AD_REF).label
        yield Problem(
            paragraph.path,
            paragraph.line_of("reservations"),
            "ZD305",
            f"paragraph {paragraph.label} lists reservations but is not '{label}'; "
            "a reservation is held on text agreed ad ref — use opposed-by instead",
        )
