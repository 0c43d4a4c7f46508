"""The site in every language: each text (the editor's copy and each released draft) as it reads
in each language kept, a switcher between them, and a side-by-side page of the original and
each language, paragraph by paragraph under the same numbers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from html import escape

from zerodraft.languages import conventions, version
from zerodraft.render.layout import Item, lay_out
from zerodraft.render.links import linked
from zerodraft.site import text
from zerodraft.site.layout import Page, page
from zerodraft.site.model import Site, Snapshot


def stem(snapshot: Snapshot) -> str:
    """The page of a text in the original: ``editors-copy`` or the draft's slug."""
    return "editors-copy" if not snapshot.tag else snapshot.slug


def path(snapshot: Snapshot, language: str) -> str:
    """The page of a text in ``language`` (``""``: the original): ``draft-2.fr.html``."""
    return f"{stem(snapshot)}.{language}.html" if language else f"{stem(snapshot)}.html"


def side_by_side_path(snapshot: Snapshot, language: str) -> str:
    """The page showing the original and ``language`` side by side: ``draft-2.en-fr.html``."""
    return f"{stem(snapshot)}.{version.tag(snapshot.document)}-{language}.html"


def translated(snapshot: Snapshot, language: str) -> Snapshot:
    """``snapshot`` as it reads in ``language``."""
    document = version.in_language(snapshot.document, language)
    draft = linked(lay_out(document, snapshot.problems, snapshot.standing.header()))
    return replace(snapshot, document=document, draft=draft)


def switcher(snapshot: Snapshot, here: str) -> str:
    """Links to the text in every language it is kept in, each named in itself, and to the
    side-by-side pages; ``""`` for a one-language text."""
    kept = snapshot.document.config.languages.kept
    if not kept:
        return ""
    links = []
    for language in ("", *kept):
        rules = conventions.of(language or version.tag(snapshot.document))
        label = escape(rules.name)
        attributes = f'lang="{escape(rules.code)}"' + (' dir="rtl"' if rules.rtl else "")
        if language == here:
            links.append(f"<strong {attributes}>{label}</strong>")
        else:
            links.append(
                f'<a href="{escape(path(snapshot, language))}" hreflang="{escape(rules.code)}" {attributes}>{label}</a>'
            )
    pairs = " · ".join(
        f'<a href="{escape(side_by_side_path(snapshot, language))}">{escape(version.tag(snapshot.document))} | {escape(language)}</a>'
        for language in kept
    )
    return f'<p class="languages" id="languages">Languages: {" · ".join(links)} — side by side: {pairs}</p>'


def jobs(site: Site) -> list[Callable[[], Page]]:
    """The language pages of every text that keeps languages."""
    out: list[Callable[[], Page]] = []
    for snapshot in (site.current, *site.drafts):
        for language in snapshot.document.config.languages.kept:
            out.append(functools.partial(language_page, site, snapshot, language))
            out.append(functools.partial(side_by_side_page, site, snapshot, language))
    return out


def language_page(site: Site, snapshot: Snapshot, language: str) -> Page:
    """The text in ``language``, with the switcher."""
    version_of = translated(snapshot, language)
    rules = conventions.of(language)
    where = path(snapshot, language)
    parts = [text.title_block(version_of.draft, version_of.draft.header), switcher(snapshot, language)]
    parts.append(text.body(version_of.draft, site.paragraph_pages))
    title = " ".join(version_of.document.config.title.split())[:80]
    return page(
        where,
        f"{snapshot.name} ({rules.name}) — {title}",
        "\n".join(parts),
        script=True,
        language=rules.code,
        direction=rules.direction,
    )


def side_by_side_page(site: Site, snapshot: Snapshot, language: str) -> Page:
    """The original and ``language``, one row per heading and paragraph, under the same numbers."""
    other = translated(snapshot, language)
    left, right = conventions.of(version.tag(snapshot.document)), conventions.of(language)
    where = side_by_side_path(snapshot, language)

    def cell(rules: conventions.Conventions, html: str) -> str:
        direction = ' dir="rtl"' if rules.rtl else ""
        return f'<div class="side" lang="{escape(rules.code)}"{direction}>{html}</div>'

    rows = []
    for mine, theirs in zip(snapshot.draft.entries, other.draft.entries, strict=True):
        if isinstance(mine, Item) and isinstance(theirs, Item):
            a = text.paragraph(mine, site.paragraph_pages, anchor=False, notes=path(snapshot, ""))
            b = text.paragraph(theirs, site.paragraph_pages, anchor=False, notes=path(snapshot, language))
        else:
            a = f"<h3>{escape(' '.join(r.text for r in getattr(mine, 'runs', ())))}</h3>"
            b = f"<h3>{escape(' '.join(r.text for r in getattr(theirs, 'runs', ())))}</h3>"
        rows.append(f'<div class="pair">{cell(left, a)}{cell(right, b)}</div>')
    body = [
        f"<h1>{escape(snapshot.name)}: {escape(left.name)} | {escape(right.name)}</h1>",
        switcher(snapshot, ""),
        '<div class="side-by-side">',
        *rows,
        "</div>",
    ]
    return page(where, f"{snapshot.name}: {left.name} | {right.name}", "\n".join(body))
