"""The consensus dashboard as an inline SVG chart and a table.

One bar per agenda item, split by consensus label.  Each label has its own fill pattern
(solid, hatched, dotted, cross-hatched, plain) as well as its colour, every segment wide
enough carries its count, and the legend repeats the patterns, so the chart reads in
black and white; the table below holds the same numbers for screen readers and for copying.
"""

from __future__ import annotations

from html import escape

from zerodraft.dashboard import ORDER, Dashboard
from zerodraft.languages.conventions import say
from zerodraft.render import html as draft_html
from zerodraft.vocabulary import Role

# One pattern per role: what is drawn in ink over the label's colour.
_PATTERNS: dict[Role, str] = {
    Role.AGREED: '<rect width="8" height="8" fill="#1b1b1b" fill-opacity="0.55"/>',
    Role.AGREED_AD_REF: '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#1b1b1b" stroke-width="1.6"/>',
    Role.OPEN: "",
    Role.PROPOSED: '<circle cx="4" cy="4" r="1.6" fill="#1b1b1b"/>',
    Role.DELETED: '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#1b1b1b" stroke-width="1"/>',
}

_WIDTH = 720
_LEFT = 96
_RIGHT = 64
_ROW = 30
_BAR = 20


def svg(board: Dashboard) -> str:
    """The chart: ``role="img"`` with a title and a description, patterns and counts."""
    rows = board.rows
    legend_y = 8
    top = 40
    height = top + _ROW * max(len(rows), 1) + 8
    span = _WIDTH - _LEFT - _RIGHT

    def said(key: str, **values: str) -> str:
        return escape(say(board.language, f"dashboard-{key}", **values), quote=False)

    out = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" width="100%" role="img" '
        'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{said("chart-title")}</title>',
        f'<desc id="chart-desc">{said("chart-desc")}</desc>',
        "<defs>",
    ]
    for label in board.labels:
        colour = draft_html.colour(label.colour)
        out.append(
            f'<pattern id="pat-{label.role.value}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{colour}"/>{_PATTERNS[label.role]}</pattern>'
        )
    out.append("</defs>")
    x = 0
    for label in board.labels:
        out.append(
            f'<rect x="{x}" y="{legend_y}" width="16" height="16" fill="url(#pat-{label.role.value})" '
            'stroke="#1b1b1b" stroke-width="1"/>'
        )
        out.append(f'<text x="{x + 21}" y="{legend_y + 13}" class="chart-text">{escape(label.display)}</text>')
        x += 30 + 8 * len(label.display) + 12
    if not rows:
        out.append(f'<text x="0" y="{top + 14}" class="chart-text">{said("no-items")}</text>')
    for index, row in enumerate(rows):
        y = top + index * _ROW
        out.append(f'<text x="0" y="{y + 15}" class="chart-text">{escape(_short(row.short, 11))}</text>')
        total = row.total
        if not total:
            out.append(f'<text x="{_LEFT}" y="{y + 15}" class="chart-text">{said("no-paragraphs")}</text>')
            continue
        x_pos = float(_LEFT)
        for label, count in zip(board.labels, row.counts, strict=True):
            if not count:
                continue
            width = span * count / total
            out.append(
                f'<rect x="{x_pos:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" '
                f'fill="url(#pat-{label.role.value})" stroke="#1b1b1b" stroke-width="1">'
                f"<title>{escape(row.short)}: {count} {escape(label.display)}</title></rect>"
            )
            if width >= 22:  # dark digits on a white halo, legible on every pattern
                out.append(
                    f'<text x="{x_pos + width / 2:.1f}" y="{y + 15}" text-anchor="middle" class="chart-count">'
                    f"{count}</text>"
                )
            x_pos += width
        if row.unknown:
            width = span * row.unknown / total
            out.append(
                f'<rect x="{x_pos:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" fill="#ffffff" '
                f'stroke="#a4000f" stroke-dasharray="3 2"><title>{said("without-label", count=str(row.unknown))}</title></rect>'
            )
        out.append(f'<text x="{_WIDTH - _RIGHT + 6}" y="{y + 15}" class="chart-text">{total}</text>')
    out.append("</svg>")
    return "\n".join(out)


def table(board: Dashboard) -> str:
    """The same numbers as a table, with the full headings."""
    unknown = any(row.unknown for row in (*board.rows, board.total))

    def said(key: str) -> str:
        return escape(say(board.language, f"dashboard-{key}"))

    head = "".join(f'<th scope="col">{escape(label.display)}</th>' for label in board.labels)
    if unknown:
        head += f'<th scope="col">{said("no-known-label")}</th>'
    rows = []
    for row in (*board.rows, board.total):
        cells = "".join(f"<td>{n}</td>" for n in row.counts)
        if unknown:
            cells += f"<td>{row.unknown}</td>"
        name = escape(row.heading)
        tag = "tfoot" if row is board.total else ""
        rows.append((tag, f'<tr><th scope="row">{name}</th>{cells}<td>{row.total}</td></tr>'))
    body = "\n".join(r for tag, r in rows if not tag)
    foot = "\n".join(r for tag, r in rows if tag)
    return (
        f'<div class="table-scroll" tabindex="0" role="region" aria-label="{said("table")}">'
        f'<table class="dashboard">\n<caption>{said("caption")}</caption>\n'
        f'<thead><tr><th scope="col">{said("agenda-item")}</th>{head}<th scope="col">{said("total-column")}</th></tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n<tfoot>\n{foot}\n</tfoot>\n</table></div>"
    )


def section(board: Dashboard) -> str:
    """The dashboard block of the home page."""
    closed = board.total.counts[ORDER.index(Role.AGREED)] + board.total.counts[ORDER.index(Role.AGREED_AD_REF)]
    live = board.total.total - board.total.counts[ORDER.index(Role.DELETED)]
    language = board.language
    summary = say(language, "dashboard-summary", closed=str(closed), live=str(live)) if live else ""
    summary = summary or say(language, "dashboard-empty")
    return (
        '<section class="dashboard-section" aria-labelledby="dashboard-heading">\n'
        f'<h2 id="dashboard-heading">{escape(say(language, "dashboard-heading"))}</h2>\n'
        f"<p>{escape(summary)}</p>\n{svg(board)}\n{table(board)}\n</section>"
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
