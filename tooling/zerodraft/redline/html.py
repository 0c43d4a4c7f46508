"""The redline as one accessible HTML page.

Text is rendered from Markdown with markdown-it-py with raw HTML disabled, so nothing in a
paragraph can inject markup.  Insertions and deletions are ``<ins>`` and ``<del>`` elements
(underlined and struck through, not colour alone), announced to screen readers by visually
hidden words ("insertion", "deletion"), and every paragraph says in words whether it is new,
deleted, moved or amended; the heading of a Part (annex, article …) inserted or deleted as a
whole says so in the paragraph under it.
"""

from __future__ import annotations

import html

from zerodraft.languages import conventions
from zerodraft.redline import Block, Redline, word
from zerodraft.wordiff import Change

# Private-use characters mark where changes start and end while markdown-it renders the text;
# they cannot occur in a paragraph (the checker refuses private-use code points in none, so
# any that do occur are removed first).
_MARKS = {"ins": ("\ue000", "\ue001"), "del": ("\ue002", "\ue003")}
_TAGS = {
    "\ue000": ("<ins>", "insertion", ""),
    "\ue001": ("", "end-of-insertion", "</ins>"),
    "\ue002": ("<del>", "deletion", ""),
    "\ue003": ("", "end-of-deletion", "</del>"),
}
"""Each mark's element, and the words (in the redline's language) that announce it to screen readers."""

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; line-height: 1.5; padding: 0 1rem; }
ins { text-decoration: underline; background: #e6f4ea; color: #0b3d1a; }
del { text-decoration: line-through; background: #fde8e8; color: #5c0b0b; }
.number { font-weight: bold; margin-inline-end: 0.5em; }
.facts { font-style: italic; color: #333; }
.paragraph { margin: 1em 0; }
.paragraph.deleted, .paragraph.moved-from { opacity: 0.9; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"""


def _direction(tag: str) -> str:
    """`` dir="rtl"`` for a right-to-left language, else nothing."""
    return ' dir="rtl"' if tag and conventions.of(tag).rtl else ""


def render(redline: Redline, lang: str = "en") -> str:
    """The whole redline as one HTML page; a language version's in its language (``lang``,
    and ``dir="rtl"`` for Arabic)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table")
    title = redline.title()
    counts = redline.summary()
    language = redline.language
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(redline.language or lang)}"{_direction(redline.language)}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{how(language)} {html.escape(counts)}.</p>",
    ]
    parts.append(summary(redline))
    for block in redline.blocks:
        parts.append(block_html(md, block, language))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def how(language: str, template: str = "how") -> str:
    """ "Inserted text is <ins>underlined</ins>; deleted text is <del>struck through</del>.", as
    HTML, in ``language`` (``template``: the data file's ``redline-<template>``, whose
    ``{underlined}`` and ``{struck}`` are shown as they say)."""
    shown = {
        "underlined": f"<ins>{html.escape(word(language, 'underlined'), quote=False)}</ins>",
        "struck": f"<del>{html.escape(word(language, 'struck'), quote=False)}</del>",
    }
    return conventions.fill(html.escape(word(language, template), quote=False), shown)


def summary(redline: Redline, heading_id: str = "") -> str:
    """A list of links to every paragraph that changed, to jump from change to change
    (``heading_id``: an id for its heading, for a page that points to it), in the redline's language."""
    language = redline.language
    links = []
    renumbered = 0
    for block in redline.blocks:
        item = block.item
        found = block.classes()
        if block.whole is not None:  # a Part (annex, article …) inserted or deleted as a whole
            label = f"{' — '.join(item.text.splitlines())} ({block.whole_words(language)})"
            links.append(f'<li><a href="#{_anchor(block)}">{html.escape(label)}</a></li>')
            continue
        if not found or not item.id:
            continue
        if found == ("renumbered only",):
            renumbered += 1
            continue
        facts = block.facts(language=language)[: len(found)]
        label = f"{block.printed_number(language) or item.id} ({word(language, 'semicolon').join(facts)})"
        links.append(f'<li><a href="#{html.escape(item.id)}">{html.escape(label)}</a></li>')
    many = word(language, "renumbered-one" if renumbered == 1 else "renumbered-many", count=str(renumbered))
    also = f"<p>{html.escape(many, quote=False)}</p>" if renumbered else ""
    if not links:
        return f"<p>{html.escape(word(language, 'no-change'), quote=False)}</p>" + also
    own = f' id="{html.escape(heading_id)}"' if heading_id else ""
    changes = html.escape(word(language, "changes"))
    return (
        f'<nav aria-label="{changes}"><h2{own}>{changes}</h2>\n<ul>\n' + "\n".join(links) + "\n</ul>" + also + "</nav>"
    )


def block_html(md: object, block: Block, language: str = "") -> str:
    """One block of the redline (a heading or a paragraph, marked up), rendered with ``md``, its
    words in ``language`` (``""``: the original's)."""
    from markdown_it import MarkdownIt

    assert isinstance(md, MarkdownIt)
    item = block.new or block.old
    assert item is not None
    if block.kind == "same":
        source = item.text
    elif block.kind == "moved-from":
        source = ""
    else:
        source = marked(block.changes)
    if block.what == "heading":
        level = min(item.depth + 2, 6)
        inner = _restore(md.renderInline(source.replace("\n", " ")), language)
        if block.whole is None:
            return f"<h{level}>{inner}</h{level}>"
        said = html.escape(block.whole_words(language))
        return f'<h{level} id="{_anchor(block)}">{inner}</h{level}>\n<p class="facts whole">({said})</p>'
    facts = block.facts(language=language)
    number = block.printed_number(language)
    head = f'<span class="number">{html.escape(number)}</span>' if number else ""
    if facts:
        head += f'<span class="facts">({html.escape(word(language, "semicolon").join(facts))})</span>'
    ident = f' id="{html.escape(item.id)}"' if item.id and block.kind != "moved-from" else ""
    body = _render_body(md, source, language) if source else ""
    return f'<section class="paragraph {block.kind}"{ident}>\n<p>{head}</p>\n{body}</section>'


def _anchor(block: Block) -> str:
    """The id of a whole division's heading, escaped: its kind and folder (``deleted-outcome/04-part-iv``),
    so that a Part deleted and one inserted in the same folder are told apart."""
    return html.escape(f"{block.kind}-{block.item.id}")


def _render_body(md: object, source: str, language: str) -> str:
    """The paragraph as HTML; when a change cuts across Markdown emphasis or a link so that
    the marks would not nest, the text is shown escaped, line by line, instead."""
    from markdown_it import MarkdownIt

    assert isinstance(md, MarkdownIt)
    rendered = _restore(md.render(source), language)
    if well_nested(rendered):
        return rendered
    lines = html.escape(source, quote=False).split("\n")
    return "<p>" + _restore("<br>\n".join(lines), language) + "</p>\n"


_VOID = {"br", "hr", "img", "input", "meta", "link"}


def well_nested(fragment: str) -> bool:
    """True when every element in ``fragment`` closes in the order it opened."""
    from html.parser import HTMLParser

    stack: list[str] = []
    ok = [True]

    class Nesting(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in _VOID:
                stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if not stack or stack.pop() != tag:
                ok[0] = False

    Nesting().feed(fragment)
    return ok[0] and not stack


def marked(changes: tuple[Change, ...] | list[Change]) -> str:
    """The Markdown source with change marks around each inserted or deleted run, line by
    line so that marks never span a line break."""
    out: list[str] = []
    for change in changes:
        text = _clean(change.text)
        if change.op == "equal":
            out.append(text)
            continue
        start, end = _MARKS["ins" if change.op == "insert" else "del"]
        out.append("\n".join(f"{start}{line}{end}" if line.strip() else line for line in text.split("\n")))
    return "".join(out)


def _clean(text: str) -> str:
    return "".join(c for c in text if not "\ue000" <= c <= "\ue003")


def _restore(rendered: str, language: str = "") -> str:
    for mark, (opening, key, closing) in _TAGS.items():
        if mark in rendered:
            said = html.escape(word(language, key), quote=False)
            rendered = rendered.replace(mark, f'{opening}<span class="sr">{said}</span>{closing}')
    return rendered
