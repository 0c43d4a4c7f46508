"""The redline pages: each released draft against the one before, and the editor's copy
against the last released draft ("since the last draft").

The comparison is :func:`zerodraft.redline.compare` (paragraphs paired by stable id, so a
renumbering is not a change) and each change is rendered by the HTML redline's own
functions; the page around it is the site's.  Markdown in the redline is rendered inline
only in spirit: raw HTML, images, headings and code blocks are switched off, so a
paragraph cannot bring markup, a remote picture or a page heading into the site.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import TYPE_CHECKING

from zerodraft.languages import conventions, version
from zerodraft.redline import Redline, class_word, compare, word
from zerodraft.redline import html as redline_html
from zerodraft.render.inline import safe_link
from zerodraft.site.layout import Page, page
from zerodraft.site.model import Snapshot

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    class Safe(MarkdownIt):
        """Links as in the drafts: https, http, mailto and ``#`` only (markdown-it itself
        admits ``data:image/…``)."""

        def validateLink(self, url: str) -> bool:
            return safe_link(url)

    md = Safe("commonmark", {"html": False}).enable("strikethrough").enable("table")
    md.disable(["image", "heading", "lheading", "hr", "fence", "code", "html_block", "html_inline", "blockquote"])
    return md


def comparison(old: Snapshot, new: Snapshot) -> Redline:
    """The redline from ``old`` to ``new``."""
    return compare(old.document, new.document, old.name, new.name)


def snapshot_name(snapshot: Snapshot, language: str) -> str:
    """What the page calls ``snapshot``: its name, in ``language`` for a language's page
    ("Projet 2", "Copie de travail du secrétariat")."""
    if not language:
        return snapshot.name
    if not snapshot.tag:
        return conventions.of(language).word("editors-copy", snapshot.name)
    return version.draft_name(snapshot.document, language)


def redline_page(
    path: str,
    old: Snapshot,
    new: Snapshot,
    title: str,
    *,
    language: str = "",
    links: tuple[str, str] = ("", ""),
    editors_copy: str = "editors-copy.html",
) -> Page:
    """One redline page at ``path``: a summary with links to every change, then the text;
    ``language`` for the redline of one language version (``old`` and ``new`` are then that
    language's: :func:`zerodraft.site.languages.translated`), ``links`` the pages of the two texts
    (by default the originals'), ``editors_copy`` the page the navigation leads to."""
    redline = comparison(old, new)
    counts = redline.counts()
    redline = redline.changes_only()
    said = word(language, "comma").join(
        word(language, "count", count=str(n), what=class_word(language, what))
        for what, n in counts.items()
        if n and what != "renumbered only"
    )
    said = said or word(language, "none-changed")
    if counts["renumbered only"]:
        said += word(language, "renumbered-listed", count=str(counts["renumbered only"]))
    md = _markdown()
    shown = {
        "old": f'<a href="{escape(links[0] or old.slug + ".html")}">{escape(snapshot_name(old, language))}</a>',
        "new": f'<a href="{escape(links[1] or new.slug + ".html")}">{escape(snapshot_name(new, language))}</a>',
        "underlined": f"<ins>{escape(word(language, 'underlined'), quote=False)}</ins>",
        "struck": f"<del>{escape(word(language, 'struck'), quote=False)}</del>",
        "said": escape(said),
    }
    parts = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="intro">{conventions.fill(escape(word(language, "intro"), quote=False), shown)}</p>',
        redline_html.summary(redline, heading_id="changes-heading"),
        '<div class="redline">',
    ]
    parts.extend(redline_html.block_html(md, block, language) for block in redline.blocks)
    parts.append("</div>")
    if not language:
        return page(path, title, "\n".join(parts))
    rules = conventions.of(language)
    return page(
        path,
        title,
        "\n".join(parts),
        language=rules.code,
        direction=rules.direction,
        editors_copy=editors_copy,
        home=f"index.{language}.html",
    )
