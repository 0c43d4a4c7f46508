"""The text of a draft as a site page section: every heading and paragraph of a compiled
draft, each paragraph anchored (``#para-18``, a link a delegate can paste into an e-mail),
with its label in words, its attribution, a link to its history, and the data the filters
read (agenda item, label, delegations).  The filters themselves are in ``site.js``; without
script the page is the plain text.

Paragraph text is rendered by the HTML draft's own functions
(:func:`zerodraft.render.html.inline`), which escape everything and admit only safe links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from zerodraft.dashboard import dashboard
from zerodraft.languages import conventions, version
from zerodraft.render import html as draft_html
from zerodraft.render.layout import CompiledDraft, Heading, Item


def delegations_of(item: Item) -> tuple[str, ...]:
    """Every delegation named on the paragraph, in the order they appear."""
    return item.paragraph.delegations()


def filters(draft: CompiledDraft, language: str = "") -> str:
    """The filter form: hidden until the script shows it (no dead controls without script); in
    the words of ``language`` for a language's page (the script's "Showing 3 of 10 paragraphs."
    then comes from the form's ``data-all`` and ``data-some``)."""
    document = draft.document
    board = dashboard(document)
    items = "".join(
        f'<option value="{escape(row.key)}">{escape(_short(row.heading, 70))}</option>' for row in board.rows
    )
    labels = "".join(
        f'<option value="{escape(label.role.value)}">{escape(label.display)}</option>'
        for label in document.config.vocabulary.labels
    )
    named = sorted({name for item in draft.items() for name in delegations_of(item)}, key=str.casefold)
    delegations = "".join(f'<option value="{escape(name.casefold())}">{escape(name)}</option>' for name in named)

    def said(key: str) -> str:
        return escape(conventions.say(language, f"filter-{key}"))

    every = said("all")
    status = f' data-all="{said("showing-all")}" data-some="{said("showing-some")}"' if language else ""
    return (
        f'<form id="filters" class="filters" role="search" aria-label="{said("form")}" hidden>\n'
        f'<div><label for="f-item">{said("agenda-item")}</label> <select id="f-item" name="item">'
        f'<option value="">{every}</option>{items}</select></div>\n'
        f'<div><label for="f-label">{said("consensus-label")}</label> <select id="f-label" name="label">'
        f'<option value="">{every}</option>{labels}<option value="unknown">{said("no-known-label")}</option></select></div>\n'
        f'<div><label for="f-delegation">{said("delegation")}</label> <select id="f-delegation" name="delegation">'
        f'<option value="">{every}</option>{delegations}</select></div>\n'
        f'<div><label for="f-search">{said("search")}</label> <input id="f-search" name="q" type="search" '
        f'autocomplete="off" placeholder="{said("search-hint")}"></div>\n'
        f'<div><button type="reset">{said("show-all")}</button></div>\n'
        f'<p id="f-status" class="filter-status" role="status" aria-live="polite"{status}></p>\n'
        "</form>"
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def body(draft: CompiledDraft, history: Mapping[str, str], prefix: str = "") -> str:
    """The headings, paragraphs and notes of ``draft``; ``history`` maps a paragraph's id to
    its page (relative to the site root; ``prefix`` leads from this page to the root)."""
    out = ['<div class="text" id="text">']
    language = version.tag(draft.document) if version.declared(draft.document) else ""
    for entry in draft.entries:
        if isinstance(entry, Heading):
            out.append(draft_html.heading(entry))
        else:
            out.append(paragraph(entry, history, prefix, language=language))
    out.append("</div>")
    if draft.footnotes:
        out.append(draft_html.footnotes(draft, element="section", backrefs=False))
    return "\n".join(out)


def paragraph(
    item: Item,
    history: Mapping[str, str],
    prefix: str = "",
    *,
    anchor: bool = True,
    notes: str = "",
    language: str = "",
) -> str:
    """One paragraph, as on the draft pages (``anchor=False``: without ids, for pages that
    show several versions of one paragraph; its footnote marks and internal references then
    lead to the page ``notes``): the HTML draft's paragraph, with the data the filters read
    and a link to its history; the site's words in ``language`` (``""``: English)."""
    words = conventions.of(language or "en")
    p = item.paragraph
    role = item.label.role.value if item.label else "unknown"
    names = "|".join(name.casefold() for name in delegations_of(item))
    data = (
        f' data-para data-item="{escape(p.section[0] if p.section else "")}"'
        f' data-label="{escape(role)}" data-delegations="{escape(names)}"'
    )
    page = history.get(p.id)
    link = ""
    if page:
        if item.number:
            what = words.word("history-of", "History of paragraph {number}").replace("{number}", item.number)
        else:
            what = words.word("history-of-this", "History of this paragraph")
        link = f' <a class="history" href="{prefix}{escape(page)}">{escape(what)}</a>'
    html = draft_html.paragraph(
        item,
        anchor=anchor,
        attributes=data,
        number_note=" (link to paste)" if not language else "",
        link=link,
        paragraph_word=words.word("paragraph", "paragraph"),
        secretariat=words.word("secretariat-note", "Secretariat note"),
    )
    if not anchor:
        html = _FOOTNOTE_ID.sub("", html)
        for kind in ("fn", "para", "sec"):  # footnotes and internal references lead to that page
            html = html.replace(f'href="#{kind}-', f'href="{escape(notes)}#{kind}-')
    return html


_FOOTNOTE_ID = re.compile(r' id="fnref-[0-9]+"')


def title_block(draft: CompiledDraft, heading: str) -> str:
    """The header of a text page: the symbol, the draft line, the title, the meeting."""
    return draft_html.title_block(draft, heading, css_class="draft-title", plain_title=True)
