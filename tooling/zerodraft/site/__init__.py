"""The negotiation as a static web site: ``zerodraft site -o site/``.

A composition of what the other commands already do: the reader (the editor's copy at a
ref, each released draft at its ``draft-*`` tag, read from git objects), the HTML
renderer's layout, escaping and styles, the renderers for the downloads (Word, PDF, Akoma
Ntoso), the redline comparison, the dashboard numbers of ``zerodraft status``, and one pass
over the history for the paragraph pages.

Everything is static with relative links: it works from ``file://`` and from GitHub Pages,
makes no request to any other origin, and its one script (filters and search) is a file of
its own, so the Content-Security-Policy forbids inline script.  The site is written into a
temporary folder beside ``out`` and swapped into place only when complete.
"""

from __future__ import annotations

import functools
import itertools
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from zerodraft import parallel
from zerodraft.errors import Fatal
from zerodraft.git import Git, Repository
from zerodraft.intake.identity import Origin
from zerodraft.output import replace_folder, temporary_folder_beside
from zerodraft.reader import checked
from zerodraft.render import build as render_build
from zerodraft.render.layout import lay_out
from zerodraft.render.links import linked
from zerodraft.rounds import artefacts, editors_copy
from zerodraft.rounds.drafts import draft_tags
from zerodraft.rounds.editors_copy import Standing
from zerodraft.rounds.history import histories
from zerodraft.site import languages as site_languages
from zerodraft.site import layout, pages, redlines
from zerodraft.site.model import Site, Snapshot

#: The file that marks a folder as a site zerodraft built (and so may replace).
MARKER = ".zerodraft-site"
#: Download formats: name -> what the link says.
DOWNLOADS = {"docx": "Word", "pdf": "PDF", "akn": "Akoma Ntoso"}
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def slug(text: str) -> str:
    """A safe file stem for a tag or an id (letters, digits, ``.``, ``_``, ``-``)."""
    return _SLUG.sub("-", text).strip("-.")[:80] or "x"


def collect(
    start: Path,
    *,
    ref: str = "HEAD",
    root: str = "outcome",
    downloads: Sequence[str] = (),
    repo_url: str = "",
    artefact_folders: Sequence[Path] = (),
) -> tuple[Site, Repository]:
    """Read everything the site shows from the repository around ``start``; released drafts'
    files are looked for where their releases recorded them, in ``build/<tag>`` and under
    ``artefact_folders`` (:func:`zerodraft.rounds.artefacts.folders`)."""
    repository = Repository(start)
    notes: list[str] = []
    commit = repository.resolve(ref)
    current = _snapshot(repository, commit, root, "editors-copy", "")
    drafts: list[Snapshot] = []
    used = {"editors-copy", "index"}
    for tag, sha in draft_tags(repository):
        stem = slug(tag)
        while stem in used or stem.startswith(("paragraphs", "assets", "downloads", "redline", "since")):
            stem += "-x"
        used.add(stem)
        try:
            drafts.append(_snapshot(repository, sha, root, stem, tag))
        except Fatal as error:
            notes.append(f"The tag {tag} is left out: {error.message}.")
    paragraph_files = {p.path: p.id for p in current.document.paragraphs() if p.id}
    found = histories(repository, commit, paragraph_files, root).events
    items = {s.slug: {i.paragraph.id: i for i in s.draft.items() if i.paragraph.id} for s in (*drafts, current)}
    pages_of: dict[str, str] = {}
    taken: set[str] = set()
    for snapshot in (current, *reversed(drafts)):
        for ident in items[snapshot.slug]:
            if ident in pages_of:
                continue
            stem = slug(ident)
            while stem.casefold() in taken:
                stem += "-x"
            taken.add(stem.casefold())
            pages_of[ident] = f"paragraphs/{stem}.html"
    wanted = [d for d in downloads if d in DOWNLOADS]
    if "pdf" in wanted and not (shutil.which("soffice") or shutil.which("libreoffice")):
        wanted.remove("pdf")
        notes.append("PDF files are not included: LibreOffice was not installed where this site was built.")
    files = {
        s.slug: tuple((DOWNLOADS[f], f"downloads/{s.slug}.{_extension(f)}") for f in wanted) for s in (*drafts, current)
    }
    site = Site(
        current=current,
        drafts=tuple(drafts),
        items=items,
        histories=found,
        paragraph_pages=pages_of,
        redlines={new.slug: f"redline-{old.slug}-{new.slug}.html" for old, new in itertools.pairwise(drafts)},
        since_last=f"since-{drafts[-1].slug}.html" if drafts else "",
        downloads=files,
        notes=tuple(notes),
        repo_url=repo_url.rstrip("/"),
        releases=_releases(repository, drafts, artefact_folders),
    )
    return site, repository


def _releases(repository: Repository, drafts: Sequence[Snapshot], given: Sequence[Path]) -> dict[str, tuple[Path, ...]]:
    """Draft slug → the folders that may hold its release's files."""
    found = artefacts.records_under(given)
    git_dir = Git(repository).git_dir()
    return {d.slug: artefacts.folders(repository.root, git_dir, d.tag, found) for d in drafts}


def _extension(name: str) -> str:
    from zerodraft.render import renderer

    return renderer(name).EXTENSION


def _snapshot(repository: Repository, sha: str, root: str, stem: str, tag: str) -> Snapshot:
    """The text at commit ``sha``: a released draft (``tag``) or the editor's copy."""
    reading = checked(repository.tree(sha), root)
    document = reading.document
    problems = reading.problems
    config = document.config
    standing = Standing()
    if tag:
        date = config.draft_date.isoformat() if config.draft_date else ""
        name = config.draft_name
    else:
        date = repository.commit_date(sha)
        name = "Editor's copy"
        standing = editors_copy.standing(repository.root, repository.tree(sha), document, sha, root)
    draft = linked(lay_out(document, problems, standing.header()))
    return Snapshot(stem, tag, name, date, sha, document, draft, problems, standing)


def render(site: Site) -> list[layout.Page]:
    """Every page of the site (rendered on two cores when there are many)."""
    jobs = _jobs(site)

    def some(indices: Sequence[int]) -> list[tuple[str, str]]:
        return [(page.path, page.html) for page in (jobs[i]() for i in indices)]

    balanced = [*range(0, len(jobs), 2), *range(1, len(jobs), 2)]  # each half gets its share of redlines
    return [layout.Page(path, html) for path, html in parallel.split_map(some, balanced, threshold=200)]


def _jobs(site: Site) -> list[Callable[[], layout.Page]]:
    jobs: list[Callable[[], layout.Page]] = [lambda: pages.home(site), lambda: pages.editors_copy(site)]
    jobs += [functools.partial(pages.draft_page, site, snapshot, index) for index, snapshot in enumerate(site.drafts)]
    for old, new in itertools.pairwise(site.drafts):
        title = f"Changes from {old.name} to {new.name}"
        jobs.append(functools.partial(redlines.redline_page, site.redlines[new.slug], old, new, title))
    if site.drafts:
        title = f"Changes since {site.drafts[-1].name}: the editor's copy"
        jobs.append(functools.partial(redlines.redline_page, site.since_last, site.drafts[-1], site.current, title))
    jobs += [functools.partial(pages.paragraph_page, site, ident, path) for ident, path in site.paragraph_pages.items()]
    jobs += site_languages.jobs(site)
    jobs += [functools.partial(pages.home, site, language) for language in pages.home_languages(site)]
    for language in site.current.document.config.languages.kept:  # each paragraph's page in each language
        jobs += [
            functools.partial(pages.paragraph_page, site, ident, site_languages.language_path(path, language), language)
            for ident, path in site.paragraph_pages.items()
        ]
    return jobs


def write(site: Site, out: Path) -> Path:
    """Write the site into ``out``, whole or not at all: built in a temporary folder beside
    it, then swapped in.  An existing ``out`` is replaced only if it is empty or a site built
    by zerodraft (it holds :data:`MARKER`); anything else is refused."""
    out = out.resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise Fatal(f"'{out}' exists and is not a site built by zerodraft; choose an empty or new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = temporary_folder_beside(out)
    try:
        for item in render(site):
            target = staging / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.html, encoding="utf-8")
        assets = staging / "assets"
        assets.mkdir(exist_ok=True)
        (assets / "site.css").write_text(layout.stylesheet(site.current.draft), encoding="utf-8")
        (assets / "site.js").write_text(layout.script(), encoding="utf-8")
        _downloads(site, staging)
        (staging / ".nojekyll").write_text("", encoding="utf-8")
        (staging / MARKER).write_text("built by zerodraft site\n", encoding="utf-8")
        replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def _downloads(site: Site, staging: Path) -> None:
    """Word, PDF and Akoma Ntoso files of every text, by the renderers, on two cores."""
    folder = staging / "downloads"
    jobs = []
    for snapshot in (*site.drafts, site.current):
        formats = [name for name, kind in DOWNLOADS.items() if any(k == kind for k, _ in site.downloads[snapshot.slug])]
        formats = [name for name in formats if not _reused(site, snapshot, name, folder)]
        if formats:
            jobs.append((snapshot, formats))

    def make(chunk: Sequence[tuple[Snapshot, list[str]]]) -> list[str]:
        """The files of some texts; their PDFs from their Word files, in one LibreOffice run."""
        from zerodraft.render.pdf import convert_files

        written: list[str] = []
        word: list[Path] = []
        with tempfile.TemporaryDirectory(prefix="zerodraft-site-") as scratch:
            for snapshot, formats in chunk:
                direct = [f for f in formats if f != "pdf"]
                if "pdf" in formats and "docx" not in formats:
                    direct.append("docx")
                paths = render_build(
                    snapshot.document,
                    direct,
                    folder,
                    problems=snapshot.problems,
                    basename=snapshot.slug,
                    origin=Origin(snapshot.commit, snapshot.tag),
                )
                for path in paths:
                    if path.suffix == ".docx" and "pdf" in formats:
                        if "docx" not in formats:
                            path = path.rename(Path(scratch) / path.name)
                        word.append(path)
                    if path.parent == folder.resolve():
                        written.append(path.name)
            written += [path.name for path in convert_files(word, folder.resolve())]
        return written

    parallel.split_map(make, jobs, threshold=2)


def _reused(site: Site, snapshot: Snapshot, name: str, folder: Path) -> bool:
    """Copy the file ``name`` of a released draft from its release into ``folder``, if the
    release proves it is that draft's; say whether it did."""
    places = site.releases.get(snapshot.slug, ())
    if not places or not snapshot.tag:
        return False
    extension = _extension(name)
    data = artefacts.reuse_from(places, snapshot.tag, snapshot.commit, f"{snapshot.tag}.{extension}")
    if data is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{snapshot.slug}.{extension}").write_bytes(data)
    return True


def build(
    start: Path,
    out: Path,
    *,
    ref: str = "HEAD",
    root: str = "outcome",
    downloads: Sequence[str] = tuple(DOWNLOADS),
    repo_url: str = "",
    artefact_folders: Sequence[Path] = (),
) -> Site:
    """Read the repository around ``start`` and write its site into ``out``; released
    drafts' files proven theirs are taken from their releases (see :func:`collect`)."""
    for folder in artefact_folders:
        if not folder.is_dir():
            raise Fatal(f"'{folder}' is not a folder; give --artefacts the folder that holds the released files")
    if repo_url and not re.fullmatch(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~-]+)*/?", repo_url):
        raise Fatal(f"'{repo_url}' is not a plain https:// address of a repository")
    site, _repository = collect(
        start, ref=ref, root=root, downloads=downloads, repo_url=repo_url, artefact_folders=artefact_folders
    )
    write(site, out)
    return site


__all__ = ["DOWNLOADS", "MARKER", "build", "collect", "render", "slug", "write"]
