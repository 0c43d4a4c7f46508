"""The pages of the site: home, the editor's copy, each released draft, and one page per
paragraph with its text in every draft, its numbers over time and every change.

Each function takes the :class:`~zerodraft.site.model.Site` (everything read from git) and
returns :class:`~zerodraft.site.layout.Page` records; nothing here reads git or writes files.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from zerodraft.dashboard import dashboard
from zerodraft.languages import conventions
from zerodraft.render.layout import Item
from zerodraft.site import chart, text
from zerodraft.site import languages as site_languages
from zerodraft.site.layout import Page, date_words, page
from zerodraft.site.model import Site, Snapshot
from zerodraft.site.redlines import snapshot_name


def home(site: Site) -> Page:
    """The meeting, the current text, the released drafts with their dates, the dashboard."""
    current = site.current
    config = current.document.config
    parts = [f"<h1>{escape(' '.join(config.title.split()))}</h1>"]
    if config.meeting:
        parts.append(f'<p class="meeting">{escape(" ".join(config.meeting.split()))}</p>')
    if config.symbol:
        parts.append(f'<p class="symbol-line">Symbol: {escape(config.symbol)}</p>')
    parts.append('<section aria-labelledby="current-heading">\n<h2 id="current-heading">The current text</h2>')
    parts.append(
        f'<p><a href="editors-copy.html">The editor\'s copy</a>: the text as it stands now'
        f" ({escape(_standing(current))}, commit <code>{escape(current.commit[:10])}</code>"
        f"{', ' + escape(date_words(current.date)) if current.date else ''}), with every paragraph's label, "
        "who stands behind it, and its history.</p>"
    )
    if site.drafts and site.since_last:
        parts.append(
            f'<p><a href="{escape(site.since_last)}">What changed since {escape(site.drafts[-1].name)}</a> '
            "(the redline of the editor's copy against the last released draft).</p>"
        )
    parts.append("</section>")
    parts.append(drafts_table(site))
    parts.append(chart.section(dashboard(current.document)))
    if site.notes:
        parts.append('<section aria-labelledby="notes-heading"><h2 id="notes-heading">About this site</h2><ul>')
        parts.extend(f"<li>{escape(note)}</li>" for note in site.notes)
        parts.append("</ul></section>")
    return page("index.html", f"{' '.join(config.title.split())[:120]} — home", "\n".join(parts), current="index.html")


def drafts_table(site: Site) -> str:
    """The released drafts, oldest first, with their dates, pages, redlines and downloads."""
    head = '<section aria-labelledby="drafts-heading">\n<h2 id="drafts-heading">Released drafts</h2>'
    if not site.drafts:
        return (
            f"{head}\n<p>No draft has been released yet. When the secretariat releases one "
            '(<code>zerodraft release "Draft 1"</code>), it appears here with its date, '
            "its text, what changed and its Word, PDF and Akoma Ntoso files.</p>\n</section>"
        )
    rows = []
    for index, snapshot in enumerate(site.drafts):
        redline = site.redlines.get(snapshot.slug, "")
        previous = site.drafts[index - 1].name if index else ""
        change = (
            f'<a href="{escape(redline)}">Changes from {escape(previous)}</a>'
            if redline
            else ("first draft" if not index else "")
        )
        files = " ".join(
            f'<a href="{escape(path)}" download>{escape(kind)}</a>'
            for kind, path in site.downloads.get(snapshot.slug, ())
        )
        rows.append(
            f'<tr><th scope="row"><a href="{escape(snapshot.slug)}.html">{escape(snapshot.name)}</a></th>'
            f"<td>{escape(date_words(snapshot.date)) if snapshot.date else 'no date'}</td>"
            f"<td>{sum(1 for _ in snapshot.document.paragraphs(alternatives=False))}</td>"
            f"<td>{change}</td><td>{files or 'none'}</td></tr>"
        )
    rows.reverse()  # newest first, as delegates look for the latest
    return (
        f'{head}\n<table class="drafts">\n<caption>{len(site.drafts)} released draft'
        f"{'s' * (len(site.drafts) != 1)}, newest first</caption>\n"
        '<thead><tr><th scope="col">Draft</th><th scope="col">Date</th><th scope="col">Paragraphs</th>'
        '<th scope="col">Redline</th><th scope="col">Downloads</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</section>"
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


def _standing(current: Snapshot) -> str:
    """``not a released draft: after Draft 2, 3 changes`` (or the draft it is exactly)."""
    standing = current.standing
    if not standing.released:
        return f"not a released draft: {standing.since()}"
    if standing.after:
        return f"the text of {standing.after}, no change since"
    return f"working on {current.document.config.draft_name}"
