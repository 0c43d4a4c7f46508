"""What a release publishes: the release notes and the artefacts folder.

The folder holds the draft in every format the renderers offer (when
:mod:`zerodraft.render` is installed), the redline against the previous draft (Word with
tracked changes, HTML, Markdown), the concordance (YAML and a Markdown table) and the
release notes.  It is built into a temporary folder and moved into place whole.
"""

from __future__ import annotations

import json
from pathlib import Path

from zerodraft import redline
from zerodraft.redline import docx as redline_docx
from zerodraft.redline import html as redline_html
from zerodraft.redline import markdown as redline_markdown
from zerodraft.rounds.artefacts import record_name
from zerodraft.rounds.plan import Plan


def notes(plan: Plan) -> str:
    """The release notes, in Markdown."""
    request = plan.request
    count = sum(1 for _ in plan.document.paragraphs(alternatives=False))
    lines = [
        f"# {request.name}",
        "",
        f"{plan.document.config.title}",
        "",
        f"- Date: {request.date.isoformat()}",
        f"- Tag: `{plan.tag}`, released from commit `{plan.head[:10]}` on `{plan.branch}`",
        f"- Paragraphs: {count}",
        f"- Renumbered: {len(plan.renumbering.renames)}; deleted paragraphs removed: {len(plan.renumbering.removed)}",
    ]
    if plan.previous is not None:
        lines.append(f"- Previous draft: {plan.previous.config.draft_name} (`{plan.previous_tag}`)")
    else:
        lines.append("- First release: there is no previous draft, so there is no redline.")
    lines += ["", "## References rewritten", ""]
    if plan.rewrites:
        lines += ["| where | before | after |", "| --- | --- | --- |"]
        lines += [f"| {r.where} | {_cell(r.before)} | {_cell(r.after)} |" for r in plan.rewrites]
    else:
        lines.append("No internal reference points at a renumbered paragraph.")
    lines += ["", "## Concordance", "", plan.concordance.to_markdown(), "## Artefacts", ""]
    lines += [f"- `{name}`" for name in artefact_names(plan)]
    return "\n".join(lines) + "\n"


def artefact_names(plan: Plan) -> list[str]:
    """The files the artefacts folder will hold."""
    base = plan.tag
    names = [f"{base}-release-notes.md", f"{base}-concordance.yaml", f"{base}-concordance.md", record_name(base)]
    if plan.previous is not None:
        names += [f"{base}-redline.docx", f"{base}-redline.html", f"{base}-redline.md", f"{base}-redline.json"]
    names += [f"{base}.{extension}" for extension in _extensions(plan)]
    return names


def build_artefacts(plan: Plan, folder: Path) -> None:
    """Write every artefact into ``folder`` (an empty temporary folder)."""
    base = plan.tag
    (folder / f"{base}-release-notes.md").write_text(plan.notes, encoding="utf-8")
    (folder / f"{base}-concordance.yaml").write_text(plan.concordance_yaml, encoding="utf-8")
    (folder / f"{base}-concordance.md").write_text(plan.concordance.to_markdown(), encoding="utf-8")
    from zerodraft.languages import version

    for language in ("", *plan.document.config.languages.kept):  # every language, one numbering
        stem = f"{base}.{language}" if language else base  # draft-3.fr.html
        tail = f".{language}" if language else ""  # draft-3-redline.fr.html
        document = version.in_language(plan.document, language)
        previous = plan.previous
        if previous is not None and (not language or language in previous.config.languages.kept):
            import datetime as dt

            comparison = redline.compare(
                version.in_language(previous, language),
                document,
                f"{previous.config.draft_name} ({plan.previous_tag})",
                f"{plan.request.name} ({plan.tag})",
            )
            day = plan.request.date
            when = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
            (folder / f"{base}-redline{tail}.docx").write_bytes(redline_docx.render(comparison, date=when))
            (folder / f"{base}-redline{tail}.html").write_text(redline_html.render(comparison), encoding="utf-8")
            (folder / f"{base}-redline{tail}.md").write_text(redline_markdown.render(comparison), encoding="utf-8")
            (folder / f"{base}-redline{tail}.json").write_text(
                json.dumps(comparison.as_data(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        formats = render_formats(plan.request.formats)
        if formats:
            from zerodraft import render
            from zerodraft.intake.identity import Origin

            render.build(document, formats, folder, problems=(), basename=stem, origin=Origin(tag=plan.tag))


def render_formats(wanted: tuple[str, ...] | None) -> tuple[str, ...]:
    """The render formats a release publishes: those asked for (checked), or all."""
    from zerodraft import render

    if wanted is None:
        return tuple(render.FORMATS)
    for name in wanted:
        render.renderer(name)  # Fatal for an unknown format
    return wanted


def _extensions(plan: Plan) -> list[str]:
    from zerodraft import render

    return [render.renderer(name).EXTENSION for name in render_formats(plan.request.formats)]


def _cell(text: str) -> str:
    """A reference as a Markdown table cell (quoted as code)."""
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"
