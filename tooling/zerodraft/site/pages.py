"""The pages of the site: home, the editor's copy, each released draft, and one page per
paragraph with its text in every draft, its numbers over time and every change.

Each function takes the :class:`~zerodraft.site.model.Site` (everything read from git) and
returns :class:`~zerodraft.site.layout.Page` records; nothing here reads git or writes files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from zerodraft.dashboard import dashboard
from zerodraft.languages import conventions, version
from zerodraft.render.layout import Item
from zerodraft.site import chart, text
from zerodraft.site import languages as site_languages
from zerodraft.site.layout import Page, date_words, page
from zerodraft.site.model import Site, Snapshot
from zerodraft.site.redlines import snapshot_name


def home(site: Site, language: str = "") -> Page:
    """The meeting, the current text, the released drafts with their dates, the dashboard; with
    ``language``, the home page of that language (``index.fr.html``): its words, its title and
    links to the texts in it (the dashboard stays on the original's home page)."""
    current = site.current
    document = version.in_language(current.document, language) if language else current.document
    config = document.config

    def said(key: str, **values: str) -> str:
        return conventions.say(language, f"home-{key}", **values)

    def link(href: str, key: str, **values: str) -> str:
        return f'<a href="{escape(href)}">{escape(said(key, **values), quote=False)}</a>'

    parts = [f"<h1>{escape(' '.join(config.title.split()))}</h1>"]
    if language:
        parts.append(home_switcher(site, language))
    if config.meeting:
        parts.append(f'<p class="meeting">{escape(" ".join(config.meeting.split()))}</p>')
    if config.symbol:
        parts.append(f'<p class="symbol-line">{escape(said("symbol", symbol=config.symbol))}</p>')
    parts.append(
        f'<section aria-labelledby="current-heading">\n<h2 id="current-heading">{escape(said("current-text"))}</h2>'
    )
    date = escape(said("date", date=_date(current.date, language))) if current.date else ""
    shown = {
        "link": link(site_languages.path(current, language), "editors-copy"),
        "standing": escape(_standing(current, language)),
        "commit": f"<code>{escape(current.commit[:10])}</code>",
        "date": date,
    }
    parts.append(f"<p>{conventions.fill(escape(said('current'), quote=False), shown)}</p>")
    if site.drafts and site.since_last:
        since = site.since_last
        if language and language in site.drafts[-1].document.config.languages.kept:
            since = site_languages.language_path(since, language)
        since_link = link(since, "since-link", name=snapshot_name(site.drafts[-1], language))
        parts.append(f"<p>{conventions.fill(escape(said('since'), quote=False), {'link': since_link})}</p>")
    parts.append("</section>")
    parts.append(drafts_table(site, language))
    parts.append(chart.section(dashboard(document)))
    if site.notes and not language:
        parts.append('<section aria-labelledby="notes-heading"><h2 id="notes-heading">About this site</h2><ul>')
        parts.extend(f"<li>{escape(note)}</li>" for note in site.notes)
        parts.append("</ul></section>")
    title = said("title", title=" ".join(config.title.split())[:120])
    where = site_languages.language_path("index.html", language)
    if not language:
        return page(where, title, "\n".join(parts), current=where)
    rules = conventions.of(language)
    return page(
        where,
        title,
        "\n".join(parts),
        current=where,
        language=rules.code,
        direction=rules.direction,
        editors_copy=site_languages.path(current, language),
        home=where,
    )


def home_switcher(site: Site, language: str) -> str:
    """On a language's home page: the home page in every other language, each named in itself."""
    links = []
    for tag in ("", *home_languages(site)):
        rules = conventions.of(tag or version.tag(site.current.document))
        attributes = f'lang="{escape(rules.code)}"' + (' dir="rtl"' if rules.rtl else "")
        if tag == language:
            links.append(f"<strong {attributes}>{escape(rules.name)}</strong>")
        else:
            target = site_languages.language_path("index.html", tag)
            links.append(f'<a href="{target}" hreflang="{escape(rules.code)}" {attributes}>{escape(rules.name)}</a>')
    words = escape(conventions.of(language).word("languages", "Languages"))
    return f'<p class="languages" id="languages">{words}: {" · ".join(links)}</p>'


def home_languages(site: Site) -> tuple[str, ...]:
    """The languages with a home page of their own: every language the editor's copy or a
    released draft keeps."""
    found = dict.fromkeys(site.current.document.config.languages.kept)
    for snapshot in site.drafts:
        found.update(dict.fromkeys(snapshot.document.config.languages.kept))
    return tuple(found)


def _date(iso: str, language: str) -> str:
    """``2 July 2021`` for ``2021-07-02``, in ``language`` ("2 juillet 2021"); other text as is."""
    if not language:
        return date_words(iso)
    try:
        return version.date_in(language, dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def drafts_table(site: Site, language: str = "") -> str:
    """The released drafts, oldest first, with their dates, pages, redlines and downloads (in
    the words of ``language``, its pages linked where a draft keeps it)."""

    def said(key: str, **values: str) -> str:
        return escape(conventions.say(language, f"home-{key}", **values), quote=False)

    head = f'<section aria-labelledby="drafts-heading">\n<h2 id="drafts-heading">{said("released-drafts")}</h2>'
    if not site.drafts:
        command = '<code>zerodraft release "Draft 1"</code>'
        return f"{head}\n<p>{conventions.fill(said('no-draft'), {'command': command})}</p>\n</section>"
    rows = []
    for index, snapshot in enumerate(site.drafts):
        kept = language and language in snapshot.document.config.languages.kept
        redline = site.redlines.get(snapshot.slug, "")
        if language:
            redline = site_languages.redline_of(site, snapshot, language) or redline
        previous = snapshot_name(site.drafts[index - 1], language) if index else ""
        change = (
            f'<a href="{escape(redline)}">{said("changes-from", name=previous)}</a>'
            if redline
            else (said("first-draft") if not index else "")
        )
        files = " ".join(
            f'<a href="{escape(path)}" download>{escape(kind)}</a>'
            for kind, path in site.downloads.get(snapshot.slug, ())
        )
        target = site_languages.path(snapshot, language if kept else "")
        rows.append(
            f'<tr><th scope="row"><a href="{escape(target)}">{escape(snapshot_name(snapshot, language))}</a></th>'
            f"<td>{escape(_date(snapshot.date, language)) if snapshot.date else said('no-date')}</td>"
            f"<td>{sum(1 for _ in snapshot.document.paragraphs(alternatives=False))}</td>"
            f"<td>{change}</td><td>{files or said('no-files')}</td></tr>"
        )
    rows.reverse()  # newest first, as delegates look for the latest
    count = len(site.drafts)
    caption = said("caption-one" if count == 1 else "caption-many", count=str(count))
    columns = "".join(
        f'<th scope="col">{said(f"column-{k}")}</th>' for k in ("draft", "date", "paragraphs", "redline", "downloads")
    )
    return (
        f'{head}\n<table class="drafts">\n<caption>{caption}</caption>\n'
        f"<thead><tr>{columns}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</section>"
    )


def editors_copy(site: Site) -> Page:
    """The text as it stands on the main line, with filters and search."""
    current = site.current
    name = current.document.config.draft_name
    if not current.draft.released:
        heading = current.draft.header
    else:
        heading = f"EDITOR'S COPY, the text of {site.drafts[-1].name}" if site.drafts else f"EDITOR'S COPY ({name})"
    intro = (
        '<p class="intro">The text as it stands now, with every change merged so far. '
        "Each paragraph number is a link you can copy and paste into an e-mail.</p>"
    )
    links = []
    if site.since_last and site.drafts:
        links.append(f'<a href="{escape(site.since_last)}">What changed since {escape(site.drafts[-1].name)}</a>')
    links += [
        f'<a href="{escape(path)}" download>{escape(kind)}</a>' for kind, path in site.downloads.get(current.slug, ())
    ]
    extra = f'<p class="links">{" · ".join(links)}</p>' if links else ""
    extra += site_languages.switcher(current, "")
    return _text_page(site, current, "editors-copy.html", heading, intro + extra, "Editor's copy")


def draft_page(site: Site, snapshot: Snapshot, index: int) -> Page:
    """A released draft as tagged."""
    previous = site.drafts[index - 1] if index else None
    links = []
    redline = site.redlines.get(snapshot.slug)
    if previous and redline:
        links.append(f'<a href="{escape(redline)}">Changes from {escape(previous.name)}</a>')
    links += [
        f'<a href="{escape(path)}" download>{escape(kind)}</a>' for kind, path in site.downloads.get(snapshot.slug, ())
    ]
    intro = (
        f'<p class="intro">{escape(snapshot.name)} as released (tag <code>{escape(snapshot.tag)}</code>, '
        f"commit <code>{escape(snapshot.commit[:10])}</code>).</p>"
    )
    if links:
        intro += f'<p class="links">{" · ".join(links)}</p>'
    intro += site_languages.switcher(snapshot, "")
    return _text_page(site, snapshot, f"{snapshot.slug}.html", snapshot.draft.header, intro, snapshot.name)


def _text_page(site: Site, snapshot: Snapshot, path: str, heading: str, intro: str, title: str) -> Page:
    draft = snapshot.draft
    parts = [text.title_block(draft, heading), intro]
    if snapshot.problems:
        count = len(snapshot.problems)
        parts.append(
            f'<p class="problems-note">zerodraft check finds {count} problem{"s" * (count != 1)} in this text; '
            "it is shown as it stands.</p>"
        )
    parts.append(text.filters(draft))
    parts.append(text.body(draft, site.paragraph_pages))
    plain_title = " ".join(draft.document.config.title.split())[:80]
    return page(path, f"{title} — {plain_title}", "\n".join(parts), current=path, script=True)


def paragraph_page(site: Site, ident: str, path: str, language: str = "") -> Page:
    """One paragraph: its numbers over time, its text in every draft, every change; with
    ``language``, the page of that language (``paragraphs/p-1.fr.html``): the text of each draft
    in that language (marked where a translation is missing or stale), the page's words in it,
    links to the texts in it."""
    words = conventions.of(language or "en")

    def said(key: str, english: str) -> str:
        return words.word(key, english)

    def items(snapshot: Snapshot) -> dict[str, Item] | Mapping[str, Item]:
        return site_languages.items_in(snapshot, language) if language else site.items[snapshot.slug]

    versions: list[tuple[Snapshot, Item | None]] = [
        (snapshot, items(snapshot).get(ident)) for snapshot in (*site.drafts, site.current)
    ]
    present = [(s, i) for s, i in versions if i is not None]
    latest = present[-1][1] if present else None
    number = latest.number if latest and latest.number else ""
    name = said("paragraph-title", "Paragraph {number}").replace("{number}", number).strip() if number else ""
    name = name or said("paragraph", "paragraph").capitalize()
    parts = [f'<h1>{escape(name)} <span class="ident">(id <code>{escape(ident)}</code>)</span></h1>']
    if site.current.document.config.languages.kept:
        parts.append(site_languages.paragraph_switcher(site, path, language))
    if latest is not None and versions[-1][1] is None:
        gone = said("no-longer", "This paragraph is no longer in the editor's copy.")
        parts.append(f"<p>{escape(gone)}</p>")
    rows = []
    for snapshot, item in versions:
        target = f"../{site_languages.path(snapshot, language)}"
        where = escape(snapshot_name(snapshot, language))
        if item is None:
            cells = f"<td>{escape(said('not-in-text', 'not in this text'))}</td><td></td>"
        else:
            shown = escape(item.number) if item.number else escape(said("unnumbered", "unnumbered"))
            cells = (
                f'<td><a href="{escape(target)}#{escape(item.anchor)}">{shown}</a></td><td>{escape(item.display)}</td>'
            )
        rows.append(f'<tr><th scope="row">{where}</th>{cells}</tr>')
    columns = "".join(f'<th scope="col">{escape(said(k, e))}</th>' for k, e in _COLUMNS)
    parts.append(
        '<section aria-labelledby="numbers-heading">'
        f'<h2 id="numbers-heading">{escape(said("numbers-over-time", "Numbers over time"))}</h2>\n'
        f'<table class="numbers"><thead><tr>{columns}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></section>"
    )
    parts.append(
        '<section aria-labelledby="texts-heading">'
        f'<h2 id="texts-heading">{escape(said("texts-in-drafts", "The text in each draft"))}</h2>'
    )
    before = None
    for snapshot, item in present:
        number = (
            ", " + said("paragraph-numbered", "paragraph {number}").replace("{number}", item.number)
            if item.number
            else ""
        )
        parts.append(f'<h3 class="version">{escape(snapshot_name(snapshot, language))}{escape(number)}</h3>')
        key = (item.paragraph.text, item.display, item.attributions, item.behind)
        if key == before:
            parts.append(f"<p>{escape(said('same-as-before', 'The same text and label as in the draft before.'))}</p>")
        else:
            notes = f"../{site_languages.path(snapshot, language)}"
            parts.append(text.paragraph(item, {}, anchor=False, notes=notes, language=language))
        before = key
    parts.append("</section>")
    parts.append(_changes(site, ident, language))
    title = f"{name} — {said('history', 'history')}"
    if not language:
        return page(path, title, "\n".join(parts))
    return page(
        path,
        title,
        "\n".join(parts),
        language=words.code,
        direction=words.direction,
        editors_copy=site_languages.path(site.current, language),
        home=site_languages.language_path("index.html", language),
    )


#: The columns of a paragraph page's table of numbers: (word in the data files, English).
_COLUMNS = (("text", "Text"), ("number", "Number"), ("label", "Label"))


def _changes(site: Site, ident: str, language: str) -> str:
    """Every commit that changed the paragraph (of the original: its words as committed), in the
    words of ``language`` (the commits' own subjects and authors stay as committed)."""
    words = conventions.of(language or "en")
    events = site.histories.get(ident, ())
    every = escape(words.word("every-change", "Every change"))
    head = f'<section aria-labelledby="changes-heading"><h2 id="changes-heading">{every}</h2>'
    if not events:
        none = escape(words.word("no-change", "No change to this paragraph is recorded on the main line."))
        return f"{head}\n<p>{none}</p></section>"
    items = []
    for event in events:
        commit = escape(event.commit[:10])
        if site.repo_url:
            commit = f'<a href="{escape(site.repo_url)}/commit/{escape(event.commit)}">{commit}</a>'
        via = escape(conventions.say(language, "history-via", merge=event.merged_by)) if event.merged_by else ""
        shown = {"what": escape(_what(event.what, language)), "commit": f"<code>{commit}</code>"}
        what = conventions.fill(escape(conventions.say(language, "history-what")), shown)
        items.append(
            f'<li><time datetime="{escape(event.date)}">{escape(event.date[:10])}</time> — '
            f"<strong>{escape(event.who(language))}</strong>: {escape(event.subject)}{via} "
            f'<span class="what">{what}</span></li>'
        )
    newest = escape(words.word("newest-first", "Newest first."))
    return f'{head}\n<p>{newest}</p>\n<ol class="changes" reversed>\n' + "\n".join(items) + "\n</ol></section>"


def _what(what: str, language: str) -> str:
    """What a commit did to the paragraph's file ("changed", "renamed 006bis.md → 007.md"), in
    the words of ``language``; the file names and a release's numbers stay as they are."""
    verb, space, rest = what.partition(" ")
    if verb in ("changed", "added", "removed", "renamed", "moved"):
        return conventions.say(language, f"history-{verb}") + space + rest
    return what


def _standing(current: Snapshot, language: str = "") -> str:
    """``not a released draft: after Draft 2, 3 changes`` (or the draft it is exactly), in the
    words of ``language``."""
    standing = current.standing

    def said(key: str, **values: str) -> str:
        return conventions.say(language, f"home-{key}", **values)

    if not standing.released:
        since = ""
        if standing.after:
            changes = said("change-one" if standing.changes == 1 else "change-many", count=str(standing.changes))
            since = said("after", draft=_named(current, standing.after, language), changes=changes)
        return said("not-released", since=since)
    if standing.after:
        return said("text-of", draft=_named(current, standing.after, language))
    return said("working-on", draft=_named(current, current.document.config.draft_name, language))


def _named(current: Snapshot, name: str, language: str) -> str:
    """A draft's name ("Draft 2") in ``language`` ("Projet 2"); as it is for the original."""
    return version.named(name, current.document.config.languages.original or "en", language) if language else name
