"""The redline as one accessible HTML page.

Text is rendered from Markdown with markdown-it-py with raw HTML disabled, so nothing in a
paragraph can inject markup.  Insertions and deletions are ``<ins>`` and ``<del>`` elements
(underlined and struck through, not colour alone), announced to screen readers by visually
hidden words ("insertion", "deletion"), and every paragraph says in words whether it is new,
deleted, moved or amended.
"""

from __future__ import annotations

import html

from zerodraft.redline import Block, Redline
from zerodraft.wordiff import Change

# Private-use characters mark where changes start and end while markdown-it renders the text;
# they cannot occur in a paragraph (the checker refuses private-use code points in none, so
# any that do occur are removed first).
_MARKS = {"ins": ("\ue000", "\ue001"), "del": ("\ue002", "\ue003")}
_TAGS = {
    "\ue000": '<ins><span class="sr">insertion: </span>',
    "\ue001": '<span class="sr"> (end of insertion)</span></ins>',
    "\ue002": '<del><span class="sr">deletion: </span>',
    "\ue003": '<span class="sr"> (end of deletion)</span></del>',
}

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
    from zerodraft.languages import conventions

    return ' dir="rtl"' if tag and conventions.of(tag).rtl else ""


def render(redline: Redline, lang: str = "en") -> str:
    """The whole redline as one HTML page; a language version's in its language (``lang``,
    and ``dir="rtl"`` for Arabic)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table")
    title = f"Comparison of {redline.new_name} with {redline.old_name}"
    counts = redline.summary()
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
        f"<p>Inserted text is <ins>underlined</ins>; deleted text is <del>struck through</del>. "
        f"{html.escape(counts)}.</p>",
    ]
    parts.append(summary(redline))
    for block in redline.blocks:
        parts.append(block_html(md, block))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def summary(redline: Redline, heading_id: str = "") -> str:
    """A list of links to every paragraph that changed, to jump from change to change
    (``heading_id``: an id for its heading, for a page that points to it)."""
    links = []
    renumbered = 0
    for block in redline.blocks:
        item = block.item
        found = block.classes()
        if not found or not item.id:
            continue
        if found == ("renumbered only",):
            renumbered += 1
            continue
        label = f"{block.number or item.id} ({'; '.join(block.facts()[: len(found)])})"
        links.append(f'<li><a href="#{html.escape(item.id)}">{html.escape(label)}</a></li>')
    also = (
        f"<p>{renumbered} paragraph{'s' * (renumbered != 1)} renumbered only, not listed here: "
        "the draft's concordance gives every old and new number.</p>"
        if renumbered
        else ""
    )
    if not links:
        return "<p>No paragraph changed.</p>" + also
    own = f' id="{html.escape(heading_id)}"' if heading_id else ""
    return f'<nav aria-label="Changes"><h2{own}>Changes</h2>\n<ul>\n' + "\n".join(links) + "\n</ul>" + also + "</nav>"


def block_html(md: object, block: Block) -> str:
    """One block of the redline (a heading or a paragraph, marked up), rendered with ``md``."""
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
        inner = _restore(md.renderInline(source.replace("\n", " ")))
        return f"<h{level}>{inner}</h{level}>"
    facts = block.facts()
    head = f'<span class="number">{html.escape(block.number)}</span>' if block.number else ""
    if facts:
        head += f'<span class="facts">({html.escape("; ".join(facts))})</span>'
    ident = f' id="{html.escape(item.id)}"' if item.id and block.kind != "moved-from" else ""
    body = _render_body(md, source) if source else ""
    return f'<section class="paragraph {block.kind}"{ident}>\n<p>{head}</p>\n{body}</section>'


def _render_body(md: object, source: str) -> str:
    """The paragraph as HTML; when a change cuts across Markdown emphasis or a link so that
    the marks would not nest, the text is shown escaped, line by line, instead."""
    from markdown_it import MarkdownIt

    assert isinstance(md, MarkdownIt)
    rendered = _restore(md.render(source))
    if well_nested(rendered):
        return rendered
    lines = html.escape(source, quote=False).split("\n")
    return "<p>" + _restore("<br>\n".join(lines)) + "</p>\n"


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


def _restore(rendered: str) -> str:
    for mark, tag in _TAGS.items():
        rendered = rendered.replace(mark, tag)
    return rendered
