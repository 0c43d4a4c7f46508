"""The frame every page of the site shares: the head with its Content-Security-Policy, the
site navigation, and the one stylesheet and script (separate files: no inline script is
allowed, and nothing is fetched from another origin).

Every string from the document, the roster or git is escaped here or by
:func:`zerodraft.render.html.inline`; nothing a delegation writes becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from zerodraft.languages import conventions
from zerodraft.render import html as draft_html
from zerodraft.render.layout import CompiledDraft

#: No inline script, no other origin, no plugins, no forms posting anywhere; the stylesheet
#: and the script come from the site itself ('self' also holds under file://).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)

_CURRENT = ' aria-current="page"'
_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the site."""

    path: str
    """Where it goes, relative to the site's root (``index.html``, ``paragraphs/p-1.html``)."""
    html: str
    """The whole page."""


def up(path: str) -> str:
    """The relative way from ``path`` back to the site's root (``""`` or ``"../"``)."""
    return "../" * path.count("/")


_RTL = ' dir="rtl"'


def page(
    path: str,
    title: str,
    body: str,
    *,
    current: str = "",
    script: bool = False,
    language: str = "en",
    direction: str = "ltr",
    editors_copy: str = "editors-copy.html",
    home: str = "index.html",
) -> Page:
    """A whole page at ``path``: ``title`` (plain text, escaped here), ``body`` (HTML), in
    ``language`` (``dir="rtl"`` for a right-to-left one); the navigation leads to ``home`` and
    ``editors_copy`` (a language's pages to its home page and the editor's copy in that language)."""
    root = up(path)
    words = conventions.of(language)  # the site's own words in the page's language (data/languages/*.yaml)
    nav = [
        (home, words.word("home", "Home")),
        (editors_copy, words.word("editors-copy", "Editor's copy")),
    ]
    links = "".join(
        f'<li><a href="{root}{href}"{_CURRENT if href == current else ""}>{text}</a></li>' for href, text in nav
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}"{_RTL if direction == "rtl" else ""}>',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title>",
        '<link rel="icon" href="data:,">',
        f'<link rel="stylesheet" href="{root}assets/site.css">',
    ]
    if script:
        parts.append(f'<script src="{root}assets/site.js" defer></script>')
    parts += [
        "</head>",
        "<body>",
        f'<a class="skip" href="#content">{escape(words.word("skip-to-content", "Skip to the content"))}</a>',
        f'<nav class="site-nav" aria-label="{escape(words.word("site-navigation", "Site"))}"><ul>{links}</ul></nav>',
        f'<main id="content">\n{body}\n</main>',
        "</body>",
        "</html>",
        "",
    ]
    return Page(path, "\n".join(parts))


def stylesheet(draft: CompiledDraft) -> str:
    """The site's stylesheet: the HTML draft's own styles and label colours, then the site's."""
    extra = (_DATA / "site.css").read_text(encoding="utf-8")
    return draft_html.STYLE + draft_html.label_styles(draft) + extra


def script() -> str:
    """The site's one script: filters and search on the text pages."""
    return (_DATA / "site.js").read_text(encoding="utf-8")


def date_words(iso: str) -> str:
    """``2 July 2021`` for ``2021-07-02`` (English, whatever the locale); other text as is."""
    from zerodraft.render.layout import MONTHS

    try:
        year, month, day = (int(x) for x in iso[:10].split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso
