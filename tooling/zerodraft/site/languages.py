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
from zerodraft.site import redlines, text
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


def language_path(base: str, language: str) -> str:
    """The page of one language beside the original's: ``redline-draft-1-draft-2.fr.html``,
    ``paragraphs/p-1.fr.html``; the original's own for ``""``."""
    return f"{base.removesuffix('.html')}.{language}.html" if language else base


_ITEMS: dict[tuple[int, str, str], dict[str, Item]] = {}


def items_in(snapshot: Snapshot, language: str) -> dict[str, Item]:
    """The paragraphs of ``snapshot`` as laid out in ``language``, by id (laid out once per text
    and language, for the paragraph pages)."""
    key = (id(snapshot), snapshot.slug, language)
    if key not in _ITEMS:
        draft = translated(snapshot, language).draft
        _ITEMS[key] = {item.paragraph.id: item for item in draft.items() if item.paragraph.id}
    return _ITEMS[key]


def paragraph_switcher(site: Site, page_path: str, language: str) -> str:
    """On a paragraph's page in ``language``: links to the same page in every other language."""
    base = page_path.removesuffix(f".{language}.html") + ".html" if language else page_path
    links = []
    for tag in ("", *site.current.document.config.languages.kept):
        rules = conventions.of(tag or version.tag(site.current.document))
        attributes = f'lang="{escape(rules.code)}"' + (' dir="rtl"' if rules.rtl else "")
        if tag == language:
            links.append(f"<strong {attributes}>{escape(rules.name)}</strong>")
        else:
            target = language_path(base, tag).rsplit("/", 1)[-1]
            links.append(
                f'<a href="{escape(target)}" hreflang="{escape(rules.code)}" {attributes}>{escape(rules.name)}</a>'
            )
    words = escape(conventions.of(language).word("languages", "Languages"))
    return f'<p class="languages" id="languages">{words}: {" · ".join(links)}</p>'


def _before(site: Site, snapshot: Snapshot) -> tuple[Snapshot, str] | None:
    """The text ``snapshot`` is compared with on the site and the original's redline page:
    the draft before it, or for the editor's copy the last draft; ``None`` for the first draft."""
    if snapshot is site.current:
        return (site.drafts[-1], site.since_last) if site.drafts else None
    index = site.drafts.index(snapshot)
    return (site.drafts[index - 1], site.redlines[snapshot.slug]) if index else None


def redline_of(site: Site, snapshot: Snapshot, language: str) -> str:
    """The redline page of ``snapshot`` in ``language``, or ``""`` where there is none (the draft
    before it did not keep that language)."""
    before = _before(site, snapshot)
    if before is None or language not in before[0].document.config.languages.kept:
        return ""
    return language_path(before[1], language)


def switcher(snapshot: Snapshot, here: str, redline: str = "") -> str:
    """Links to the text in every language it is kept in, each named in itself, to the
    side-by-side pages, and to ``redline`` (the changes in this language); the words in the
    language of the page ``here``; ``""`` for a one-language text."""
    kept = snapshot.document.config.languages.kept
    if not kept:
        return ""
    words = conventions.of(here or version.tag(snapshot.document))
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
    changes = f' — <a href="{escape(redline)}">{escape(words.word("changes", "Changes"))}</a>' if redline else ""
    languages, side = escape(words.word("languages", "Languages")), escape(words.word("side-by-side", "side by side"))
    return f'<p class="languages" id="languages">{languages}: {" · ".join(links)} — {side}: {pairs}{changes}</p>'


def jobs(site: Site) -> list[Callable[[], Page]]:
    """The language pages of every text that keeps languages: the text, the side-by-side page
    and, where the text before it kept the language too, the redline in that language."""
    out: list[Callable[[], Page]] = []
    for snapshot in (site.current, *site.drafts):
        for language in snapshot.document.config.languages.kept:
            out.append(functools.partial(language_page, site, snapshot, language))
            out.append(functools.partial(side_by_side_page, site, snapshot, language))
            if redline_of(site, snapshot, language):
                out.append(functools.partial(language_redline_page, site, snapshot, language))
    return out


def language_redline_page(site: Site, snapshot: Snapshot, language: str) -> Page:
    """The changes to ``snapshot`` in ``language`` since the text before it (the draft before,
    or for the editor's copy the last draft), paragraphs paired by id as in the original's redline."""
    before = _before(site, snapshot)
    assert before is not None  # only called where redline_of found one
    old, new = translated(before[0], language), translated(snapshot, language)
    words = conventions.of(language)
    names = {"old": version.draft_name(old.document), "new": version.draft_name(new.document)}
    if snapshot is site.current:
        title = words.word("changes-since", "Changes since {old}: the editor's copy")
        names["new"] = words.word("editors-copy", "Editor's copy")
    else:
        title = words.word("changes-from", "Changes from {old} to {new}")
    for key, value in names.items():
        title = title.replace("{" + key + "}", value)
    links = (path(before[0], language), path(snapshot, language))
    return redlines.redline_page(
        redline_of(site, snapshot, language),
        old,
        new,
        title,
        language=language,
        links=links,
        editors_copy=path(site.current, language),
    )


def language_page(site: Site, snapshot: Snapshot, language: str) -> Page:
    """The text in ``language``, with the switcher."""
    version_of = translated(snapshot, language)
    rules = conventions.of(language)
    where = path(snapshot, language)
    parts = [
        text.title_block(version_of.draft, version_of.draft.header),
        switcher(snapshot, language, redline_of(site, snapshot, language)),
        text.filters(version_of.draft, language),
    ]
    history = {ident: language_path(page, language) for ident, page in site.paragraph_pages.items()}
    parts.append(text.body(version_of.draft, history))
    title = " ".join(version_of.document.config.title.split())[:80]
    return page(
        where,
        f"{redlines.snapshot_name(snapshot, language)} ({rules.name}) — {title}",
        "\n".join(parts),
        script=True,
        language=rules.code,
        direction=rules.direction,
        current=path(site.current, language) if snapshot is site.current else "",
        editors_copy=path(site.current, language),
        home=language_path("index.html", language),
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
            history = {ident: language_path(page, language) for ident, page in site.paragraph_pages.items()}
            b = text.paragraph(theirs, history, anchor=False, notes=path(snapshot, language), language=language)
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
