"""The draft as one self-contained, accessible HTML page.

No external requests (a Content-Security-Policy forbids them, and scripts), every paragraph
anchored by its reference (``#para-18bis``), its consensus label printed in words next to
it ("agreed ad ref") and colour-coded with a legend, attribution, bracketed text marked by
more than colour, footnotes numbered through the document, a table of contents, problems
from ``zerodraft check`` at the top, and a print stylesheet.

Every piece of text is escaped here; links come only from :mod:`zerodraft.render.inline`,
which admits http, https, mailto and in-page anchors.
"""

from __future__ import annotations

from html import escape

from zerodraft.languages import conventions, version
from zerodraft.model import Document, SectionKind
from zerodraft.render.inline import Run, plain, safe_link, unmarked
from zerodraft.render.layout import Block, BlockKind, CompiledDraft, Heading, Item
from zerodraft.render.links import linked
from zerodraft.vocabulary import Label

EXTENSION = "html"
MEDIA_TYPE = "text/html"

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --ink: #1b1b1b; --muted: #4a4a4a; --rule: #8a8a8a; --bracket: #fdf1d6; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; color: var(--ink); background: #fff;
  max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; line-height: 1.45; font-size: 1.05rem; }
a { color: #0b4f8a; }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
.draft-header { font-weight: bold; text-transform: none; margin: 0; }
.symbol { float: inline-end; margin: 0; }
.note { font-style: italic; }
h1 { font-size: 1.35rem; text-align: center; margin: 1.5rem 0; }
h2 { font-size: 1.1rem; }
h3, h4 { font-size: 1.05rem; }
main h2, main h3 { font-weight: bold; }
main h4 { font-style: italic; font-weight: normal; }
.problems { border: 2px solid #a4000f; padding: .5rem 1rem; margin: 1rem 0; }
.problems h2 { color: #a4000f; margin-top: .25rem; }
.problems code { font-size: .9rem; }
.heading-num, .heading-title { display: block; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid var(--rule); padding: .15rem .4rem; text-align: start; vertical-align: top; }
nav ul { list-style: none; padding-inline-start: 0; }
nav li { margin: .2rem 0; }
nav .toc-2 { padding-inline-start: 1.5rem; }
nav .toc-3 { padding-inline-start: 3rem; }
.legend ul { list-style: none; padding: 0; }
.legend li { margin: .3rem 0; }
.label { display: inline-block; border: 1px solid var(--rule); border-radius: .2rem; padding: 0 .35rem;
  font-family: Arial, "Liberation Sans", sans-serif; font-size: .8rem; color: var(--ink); white-space: nowrap; }
.para { display: grid; grid-template-columns: 3.75rem 1fr; column-gap: .25rem; margin: .9rem 0;
  padding: .3rem .4rem; border-inline-start: .35rem solid var(--rule); }
.para.unnumbered { grid-template-columns: 1fr; }
.para > .num { grid-column: 1; text-decoration: none; color: var(--ink); }
.para > .body { grid-column: 2; }
.para.unnumbered > .body { grid-column: 1; }
.body p { margin: 0 0 .35rem; }
.body .level-1 { margin-inline-start: 2.5rem; text-indent: -2.5rem; }
.body .level-2 { margin-inline-start: 5rem; text-indent: -2.5rem; }
.body .alternative { margin-inline-start: 0; }
.mark { display: inline-block; min-width: 2.5rem; text-indent: 0; }
.br { background: var(--bracket); text-decoration: underline dotted; text-underline-offset: .2em; }
.meta { font-size: .9rem; color: var(--muted); margin: .25rem 0 0; }
.behind { font-size: .9rem; font-style: italic; color: var(--muted); margin: 0 0 .3rem; }
.para.behind-missing { border-inline-start-style: dashed; }
.secretariat-note { font-size: .9rem; font-style: italic; color: var(--muted); }
.role-deleted .body > p:not(.meta) { text-decoration: line-through; }
sup a { text-decoration: none; }
.footnotes { border-top: 1px solid var(--rule); margin-top: 2rem; font-size: .9rem; }
.footnotes li { overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  nav, .skip, .backref { display: none; }
  a { color: inherit; text-decoration: none; }
  .para { break-inside: avoid; border-inline-start-width: 3pt; }
  h2, h3, h4 { break-after: avoid; }
  .footnotes a[href^="http"]::after { content: " <" attr(href) ">"; }
  @page { margin: 2cm 2.2cm; }
}
"""


def _word(draft: CompiledDraft, key: str, english: str) -> str:
    """A word the page prints, in the document's language (``words:`` in its data file)."""
    document = draft.document
    return version.rules(document).word(key, english) if version.declared(document) else english


def _direction(document: Document) -> str:
    """`` dir="rtl"`` for a right-to-left language (Arabic), else nothing."""
    return ' dir="rtl"' if version.rules(document).rtl else ""


def render(draft: CompiledDraft) -> bytes:
    """The whole page, UTF-8; internal references are links to their targets."""
    draft = linked(draft)
    document = draft.document
    title = plain(draft.title)
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(version.tag(document))}"{_direction(document)}>',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(draft.header)} — {escape(title)}</title>",
        f"<style>{STYLE}{label_styles(draft)}{masthead_style(draft)}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#text">{escape(_word(draft, "skip-to-text", "Skip to the text"))}</a>',
        title_block(draft),
    ]
    if draft.problems:
        parts.append(_problems(draft))
    parts.append(_contents(draft))
    parts.append(_legend(draft))
    parts.append('<main id="text">')
    spoken = _word(draft, "paragraph", "paragraph")
    note = _word(draft, "secretariat-note", "Secretariat note")
    for entry in draft.entries:
        parts.append(
            heading(entry) if isinstance(entry, Heading) else paragraph(entry, paragraph_word=spoken, secretariat=note)
        )
    parts.append("</main>")
    if draft.footnotes:
        parts.append(footnotes(draft))
    if job := draft.masthead.job_number:
        parts.append(f'<footer><p class="masthead-job-number">{escape(job)}</p></footer>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def _label_class(label: Label | None) -> str:
    return f"role-{label.role.value}" if label else "role-unknown"


def label_styles(draft: CompiledDraft) -> str:
    """The CSS of the draft's consensus labels: each label's colour, and a darker rule beside its paragraphs."""
    rules = []
    for label in draft.document.config.vocabulary.labels:
        shade = colour(label.colour)
        rules.append(f".{_label_class(label)} .label, .legend .{_label_class(label)} {{ background: {shade}; }}")
        rules.append(f".para.{_label_class(label)} {{ border-inline-start-color: {_border(shade)}; }}")
    return "\n" + "\n".join(rules) + "\n"


def colour(value: str) -> str:
    """A CSS colour from the vocabulary, or white if it is not a plain ``#rrggbb``."""
    text = value.strip()
    if len(text) in (4, 7) and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:]):
        return text
    return "#ffffff"


def _border(colour: str) -> str:
    """A darker shade of the label colour for the rule at the start of the paragraph (left, or
    right in a right-to-left language)."""
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return f"#{red * 3 // 5:02x}{green * 3 // 5:02x}{blue * 3 // 5:02x}"


def _problems(draft: CompiledDraft) -> str:
    count = len(draft.problems)
    items = "\n".join(
        f"<li><code>{escape(p.path)}:{p.line}</code> <strong>{escape(p.code)}</strong> {escape(p.message)}</li>"
        for p in draft.problems
    )
    english = f"This draft has {count} problem{'s' * (count != 1)}"
    said = _word(draft, "problems", english).replace("{count}", str(count))
    found = _word(draft, "problems-found", "zerodraft check found the following; the text below is shown as it stands.")
    return (
        '<section class="problems" aria-labelledby="problems-heading">\n'
        f'<h2 id="problems-heading">{escape(said)}</h2>\n'
        f"<p>{escape(found)}</p>\n"
        f"<ul>\n{items}\n</ul>\n</section>"
    )


def _contents(draft: CompiledDraft) -> str:
    items = []
    for entry in draft.entries:
        if isinstance(entry, Heading):
            items.append(
                f'<li class="toc-{entry.level}"><a href="#{entry.anchor}">{escape(unmarked(entry.one_line()))}</a></li>'
            )
    if not items:
        return ""
    return (
        '<nav aria-labelledby="contents-heading">\n'
        f'<h2 id="contents-heading">{escape(_word(draft, "contents", "Contents"))}</h2>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</nav>"
    )


def _legend(draft: CompiledDraft) -> str:
    rows = [
        f'<li><span class="label {_label_class(label)}">{escape(label.display)}</span> '
        f"<span>{escape(label.description)}</span></li>"
        for label in draft.document.config.vocabulary.labels
    ]
    brackets = _word(draft, "brackets", "Square brackets: text not agreed.")
    sample = _word(draft, "bracket-sample", "[text]")
    rows.append(f'<li><span class="br">{escape(sample)}</span> <span>{escape(brackets)}</span></li>')
    return (
        '<section class="legend" aria-labelledby="legend-heading">\n'
        f'<h2 id="legend-heading">{escape(_word(draft, "consensus-labels", "Consensus labels"))}</h2>\n<ul>\n'
        + "\n".join(rows)
        + "\n</ul>\n</section>"
    )


def title_block(
    draft: CompiledDraft, header: str | None = None, *, css_class: str = "", plain_title: bool = False
) -> str:
    """The head of a text: the symbol, the draft line (``header``, else the draft's own:
    "DRAFT 3, 19 July 2021"), the note above the title, the title, the meeting.  The site
    gives its pages a ``css_class`` and a ``plain_title`` (without links or marks)."""
    config = draft.document.config
    parts = [f'<header class="{escape(css_class)}">' if css_class else "<header>"]
    parts += masthead(draft)
    if config.symbol and not config.masthead.symbol:
        parts.append(f'<p class="symbol">{escape(config.symbol)}</p>')
    parts.append(f'<p class="draft-header">{escape(draft.header if header is None else header)}</p>')
    if draft.note:
        parts.append(f'<p class="note">{inline(draft.note)}</p>')
    number = draft.masthead.number
    lead = f'<span class="resolution-number">{escape(number)}</span> ' if number else ""
    parts.append(f"<h1>{lead}{escape(plain(draft.title)) if plain_title else inline(draft.title)}</h1>")
    if config.meeting:
        parts.append(f'<p class="meeting">{escape(" ".join(config.meeting.split()))}</p>')
    parts.append("</header>")
    return "\n".join(parts)


def masthead(draft: CompiledDraft) -> list[str]:
    """The UN masthead as the head of the page: the organ on the left, the symbol, "Distr.:
    General" and the date on the right, ruled off, then the session, agenda item and
    "Resolution adopted by …" (styled by :data:`MASTHEAD_STYLE`); nothing without ``masthead:``."""
    organ, corner = draft.masthead.organ, draft.masthead.corner
    parts: list[str] = []
    if organ or corner:
        left = "<br>".join(escape(line) for line in organ)
        right = "<br>".join(f'<span class="{escape(line.key)}">{escape(line.text)}</span>' for line in corner)
        parts.append(f'<div class="masthead"><p class="organ">{left}</p><p class="corner">{right}</p></div>')
    parts += [f'<p class="masthead-{escape(line.key)}">{escape(line.text)}</p>' for line in draft.masthead.lines]
    return parts


def masthead_style(draft: CompiledDraft) -> str:
    """:data:`MASTHEAD_STYLE` for a document with a masthead, else nothing (so a page
    without one is as it always was)."""
    return MASTHEAD_STYLE if draft.masthead else ""


MASTHEAD_STYLE = """
.masthead { display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem;
  border-bottom: 3px solid var(--ink); margin-bottom: .75rem; }
.masthead p { margin: 0 0 .3rem; }
.masthead .organ { font-family: Arial, "Liberation Sans", sans-serif; font-size: 1.2rem; font-weight: bold; }
.masthead .corner { text-align: end; }
.masthead .corner .symbol { font-size: 1.2rem; font-weight: bold; }
.masthead-session, .masthead-committee, .masthead-agenda-item, .masthead-sponsors { margin: 0; }
.masthead-adopted { font-weight: bold; margin: .75rem 0; }
"""


def heading(entry: Heading) -> str:
    """A heading of the text (``<h2>`` for an agenda item), with its anchor; an article's
    or Part's number and title on two lines ("Article 7" over "Use of terms")."""
    level = entry.level + 1
    kind = entry.section.kind
    classes = "" if kind is SectionKind.HEADING else f' class="kind-{kind.value}"'
    text = inline(entry.runs)
    if entry.title:
        text = f'<span class="heading-num">{text}</span><span class="heading-title">{inline(entry.title)}</span>'
    return f'<h{level} id="{escape(entry.anchor)}"{classes}>{text}</h{level}>'


def _dir(tag: str) -> str:
    """``rtl`` or ``ltr``: the direction of language ``tag``."""
    return "rtl" if conventions.of(tag).rtl else "ltr"


def paragraph(
    item: Item,
    *,
    anchor: bool = True,
    attributes: str = "",
    number_note: str = "",
    link: str = "",
    paragraph_word: str = "paragraph",
    secretariat: str = "Secretariat note",
) -> str:
    """A paragraph: its number (a link to itself), its blocks, its label and attribution,
    the secretariat's note.  ``anchor=False`` leaves out its id (for a page showing several
    versions of it); ``attributes`` (already escaped) go on its ``div``; ``number_note`` is
    added to the number's spoken label; ``link`` (HTML) ends the line of its label."""
    classes = ["para", _label_class(item.label)]
    if item.preambular:
        classes.append("preambular")
    if not item.number:
        classes.append("unnumbered")
    ident = escape(item.anchor)
    own = f' id="{ident}"' if anchor else ""
    out = [f'<div class="{" ".join(classes)}"{own}{attributes}>']
    if item.behind:
        classes.append(f"behind-{item.behind}")
    if item.number and anchor:
        spoken = f"{escape(paragraph_word.capitalize())} {escape(item.number)}{escape(number_note)}"
        out.append(f'<a class="num" href="#{ident}" aria-label="{spoken}">{escape(item.printed)}</a>')
    elif item.number:
        out.append(f'<span class="num">{escape(item.printed)}</span>')
    out[0] = f'<div class="{" ".join(classes)}"{own}{attributes}>'
    if item.behind_note:
        out.append(f'<p class="behind">{escape(item.behind_note)}</p>')
    # The original's words in a language version: screen readers switch to the original's language.
    direction = (
        "" if not item.text_language else f' lang="{escape(item.text_language)}" dir="{_dir(item.text_language)}"'
    )
    out.append(f'<div class="body"{direction}>')
    out.extend(block(b) for b in item.blocks)
    by = "; ".join(
        f'<span class="by">{escape(a.verb.capitalize())}: {escape(", ".join(a.delegations))}</span>'
        for a in item.attributions
    )
    out.append(f'<p class="meta"><span class="label">{escape(item.display)}</span> {by}{link}'.rstrip() + "</p>")
    if item.paragraph.note:
        out.append(f'<p class="secretariat-note">{escape(secretariat)}: {escape(item.paragraph.note)}</p>')
    out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def table(entry: Block) -> str:
    """A table block as an HTML table, the first row as its header."""
    head, *body = entry.rows
    cells = "".join(f'<th scope="col">{inline(c)}</th>' for c in head)
    out = ["<table>", "<thead>", f"<tr>{cells}</tr>", "</thead>"]
    if body:
        out.append("<tbody>")
        out += ["<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in body]
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def block(entry: Block) -> str:
    """One block of a paragraph: its lead text, a subparagraph, an alternative or a table."""
    if entry.kind is BlockKind.TABLE:
        return table(entry)
    text = inline(entry.runs)
    if entry.kind is BlockKind.SUBPARAGRAPH:
        return f'<p class="level-{entry.level}"><span class="mark">{escape(entry.mark)}</span>{text}</p>'
    if entry.kind is BlockKind.ALTERNATIVE:
        return f'<p class="alternative"><strong>{escape(entry.mark)}</strong> {text}</p>'
    return f"<p>{text}</p>"


def footnotes(draft: CompiledDraft, *, element: str = "footer", backrefs: bool = True) -> str:
    """The draft's notes, numbered as in the text, each with a link back to its mark."""
    parts = [
        f'<{element} class="footnotes" aria-labelledby="notes-heading">',
        f'<h2 id="notes-heading">{escape(_word(draft, "notes", "Notes"))}</h2>',
        "<ol>",
    ]
    english = "Back to note {number} in the text"
    back_to = _word(draft, "back-to-note", "") + " {number}" if version.declared(draft.document) else english
    for note in draft.footnotes:
        spoken = escape(back_to.replace("{number}", str(note.number)))
        back = f' <a class="backref" href="#fnref-{note.number}" aria-label="{spoken}">↩</a>' if backrefs else ""
        parts.append(f'<li id="fn-{note.number}" value="{note.number}">{inline(note.runs)}{back}</li>')
    parts += ["</ol>", f"</{element}>"]
    return "\n".join(parts)


def inline(runs: tuple[Run, ...]) -> str:
    """Runs as escaped HTML: emphasis, checked links, footnote marks, bracketed text in
    ``<span class="br">``."""
    out: list[str] = []
    seen: set[int] = set()
    for run in runs:
        if run.footnote is not None:
            number = run.footnote
            ident = f' id="fnref-{number}"' if number not in seen else ""
            seen.add(number)
            out.append(f'<sup><a{ident} href="#fn-{number}" aria-label="Note {number}">{number}</a></sup>')
            continue
        text = escape(run.text)
        if run.code:
            text = f"<code>{text}</code>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.href and safe_link(run.href):
            rel = "" if run.href.startswith("#") else ' rel="noopener noreferrer nofollow"'
            text = f'<a href="{escape(run.href)}"{rel}>{text}</a>'
        if run.bracketed:
            text = f'<span class="br">{text}</span>'
        out.append(text)
    return "".join(out)
