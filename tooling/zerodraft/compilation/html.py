"""The compilation of proposals as one self-contained HTML page.

Negotiated text is escaped and marked up with ``<del>``/``<ins>``; rationales are Markdown
rendered by markdown-it-py with raw HTML disabled.  Conflicting proposals on one paragraph
sit side by side in a table.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from zerodraft.compilation.languages import kind, kinds, paragraph_heading, positions, say, word
from zerodraft.compilation.model import Compilation, Entry, Proposal
from zerodraft.languages import conventions
from zerodraft.wordiff import Change

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("strikethrough")
_STYLE = """
body { font-family: "Times New Roman", serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }
del { color: #a00; } ins { color: #060; text-decoration: underline; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #333; }
table.side-by-side { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.side-by-side tr > th:first-child { width: 7em; text-align: start; }
table.side-by-side th, table.side-by-side td { border: 1px solid #bbb; padding: .4em; vertical-align: top; }
.kind { font-weight: bold; } .ref { font-family: monospace; font-size: 85%; color: #555; }
"""


def redline(changes: tuple[Change, ...]) -> str:
    """Escaped text with ``<del>`` and ``<ins>``; line breaks as ``<br>``."""
    out = []
    for change in changes:
        text = escape(change.text).replace("\n", "<br>\n")
        if change.op == "delete":
            out.append(f"<del>{text}</del>")
        elif change.op == "insert":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out)


EXTENSION = "html"
MEDIA_TYPE = "text/html"


def render(compilation: Compilation) -> bytes:
    """The whole page (UTF-8)."""
    return _page(compilation).encode("utf-8")


def _page(compilation: Compilation) -> str:
    """The whole page."""
    shown = {
        "sources": escape(compilation.sources()),
        "base": f"<code>{escape(compilation.base)}</code>",
        "deleted": f"<del>{escape(say(compilation, 'deleted'))}</del>",
        "inserted": f"<ins>{escape(say(compilation, 'inserted'))}</ins>",
        "kinds": escape(kinds(compilation)),
    }
    explanation = conventions.fill(escape(say(compilation, "explanation"), quote=False), shown)
    parts = [
        "<!DOCTYPE html>",
        f'<html{_language(compilation.language)}><head><meta charset="utf-8">',
        f"<title>{escape(word(compilation, 'compilation', 'Compilation of proposals'))} — {escape(compilation.draft)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(word(compilation, 'compilation', 'Compilation of proposals'))} — {escape(compilation.draft)}</h1>",
        f"<p>{escape(compilation.title)}</p>",
        f"<p>{explanation}</p>",
    ]
    if not compilation.entries:
        parts.append(f"<p>{escape(word(compilation, 'none-pending', 'No proposals are pending.'))}</p>")
    heading: tuple[str, ...] = ()
    for entry in compilation.entries:
        if entry.section != heading:
            heading = entry.section
            parts.append(f"<h2>{escape(' / '.join(entry.heading or heading))}</h2>")
        parts.append(_entry(entry, compilation))
    if compilation.skipped:
        parts.append(f"<h2>{escape(word(compilation, 'left-out', 'Branches and pull requests left out'))}</h2><ul>")
        parts += [
            f"<li><code>{escape(left.ref)}</code>: {escape(left.reason_in(compilation.language))}</li>"
            for left in compilation.skipped
        ]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _language(tag: str) -> str:
    """The page's ``lang`` (and ``dir`` for a right-to-left language): English, or the compilation's language."""
    if not tag:
        return ' lang="en"'
    rules = conventions.of(tag)
    return f' lang="{escape(tag)}"' + (' dir="rtl"' if rules.rtl else "")


#: Around the original's words in a compilation in another language (screen readers switch).
_ORIGINAL = ' lang="en" dir="ltr"'


def _head(proposal: Proposal, compilation: Compilation) -> str:
    language = compilation.language
    who, where = escape(proposal.credited_in(language)), escape(proposal.source_in(language))
    return f'<span class="kind">{escape(kind(compilation, proposal))}</span> — {who} <span class="ref">{where}</span>'


def _positions(proposal: Proposal, compilation: Compilation) -> str:
    return escape(positions(compilation, proposal))


def _entry(entry: Entry, compilation: Compilation) -> str:
    def said(key: str, english: str) -> str:
        return escape(word(compilation, key, english))

    heading = escape(paragraph_heading(compilation, entry))
    parts = [f'<section><h3>{heading} <span class="ref">{escape(entry.path)}</span></h3>']
    if entry.current is not None:
        if entry.note:
            parts.append(f'<p class="behind"><em>{escape(entry.note)}</em></p>')
        shown = escape(entry.current.strip()).replace(chr(10), "<br>" + chr(10))
        parts.append(f"<blockquote{_ORIGINAL if entry.untranslated else ''}>{shown}</blockquote>")
    if entry.conflicting:
        heads = "".join(f"<th>{_head(p, compilation)}</th>" for p in entry.proposals)
        texts = "".join(f"<td>{redline(p.redline)}</td>" for p in entry.proposals)
        whys = "".join(f"<td>{_MD.render(p.rationale)}</td>" for p in entry.proposals)
        parts.append(
            f'<p>{said("conflicting", "Conflicting proposals, side by side:")}</p><table class="side-by-side">'
            f"<tr><th></th>{heads}</tr><tr><th>{said('text', 'Text')}</th>{texts}</tr>"
        )
        if any(p.positions for p in entry.proposals):
            parts.append(
                f"<tr><th>{said('positions', 'Positions')}</th>"
                + "".join(f"<td>{_positions(p, compilation)}</td>" for p in entry.proposals)
            )
            parts.append("</tr>")
        parts.append(f"<tr><th>{said('rationale', 'Rationale')}</th>{whys}</tr></table>")
    else:
        for proposal in entry.proposals:
            parts.append(f"<p>{_head(proposal, compilation)}</p>")
            if proposal.note:
                parts.append(f'<p class="behind"><em>{escape(proposal.note)}</em></p>')
            if proposal.kind != "NOC":
                parts.append(f"<p{_ORIGINAL if proposal.note else ''}>{redline(proposal.redline)}</p>")
            if proposal.positions:
                parts.append(f"<p><em>{_positions(proposal, compilation)}</em></p>")
            if proposal.rationale:
                parts.append(f"<div><em>{said('rationale', 'Rationale')}:</em> {_MD.render(proposal.rationale)}</div>")
    parts.append("</section>")
    return "\n".join(parts)
