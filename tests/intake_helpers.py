"""Editing a published Word draft as a delegation would, with python-docx and lxml: tracked
changes (``w:ins``/``w:del`` with author and date, deleted and inserted paragraph marks),
the same edits untracked, and comments."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from zerodraft.intake import identity

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = "Jane Doe (Kenya)"
DATE = "2021-07-13T10:00:00Z"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def open_word(path: Path) -> Any:
    return docx.Document(str(path))


def paragraph(word: Any, ident: str, block: int = 0) -> Any:
    """The ``w:p`` that holds block ``block`` of the paragraph with id ``ident``."""
    name = identity.bookmark(ident, block)
    for start in word.element.body.iter(q("bookmarkStart")):
        if start.get(q("name")) == name:
            return start.getparent()
    raise AssertionError(f"no bookmark {name}")


def paragraph_after_bookmark(word: Any, ident: str) -> Any:
    """The ``w:p`` that a bookmark standing between paragraphs (in the body) marks: the next one."""
    name = identity.bookmark(ident)
    for start in word.element.body.iter(q("bookmarkStart")):
        if start.get(q("name")) == name:
            return start.getnext()
    raise AssertionError(f"no bookmark {name}")


def _run(text: str, deleted: bool = False, bold: bool = False) -> Any:
    run = etree.Element(q("r"))
    if bold:
        etree.SubElement(etree.SubElement(run, q("rPr")), q("b"))
    node = etree.SubElement(run, q("delText" if deleted else "t"))
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _tracked(kind: str, number: int) -> Any:
    return etree.Element(q(kind), {q("id"): str(number), q("author"): AUTHOR, q("date"): DATE})


def replace(p: Any, old: str, new: str, *, tracked: bool, number: int = 900) -> None:
    """Replace ``old`` by ``new`` in the run that holds it (a deletion and an insertion if tracked)."""
    for t in p.iter(q("t")):
        if t.text and old in t.text:
            run = t.getparent()
            before, after = t.text.split(old, 1)
            if not tracked:
                t.text = before + new + after
                return
            t.text = before
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            deletion = _tracked("del", number)
            deletion.append(_run(old, deleted=True))
            insertion = _tracked("ins", number + 1)
            insertion.append(_run(new))
            tail = copy.deepcopy(run)
            for node in tail.findall(q("t")):
                node.text = after
            run.addnext(deletion)
            deletion.addnext(insertion)
            insertion.addnext(tail)
            return
    raise AssertionError(f"{old!r} is not in the paragraph")


def insert_after(p: Any, text: str, *, tracked: bool, number: int = 910) -> Any:
    """A new paragraph typed after ``p`` (its mark and runs marked inserted if tracked)."""
    new = etree.Element(q("p"))
    properties = p.find(q("pPr"))
    if properties is not None:
        new.append(copy.deepcopy(properties))
    if tracked:
        pr = new.find(q("pPr"))
        if pr is None:
            pr = etree.SubElement(new, q("pPr"))
        mark = pr.find(q("rPr"))
        if mark is None:
            mark = etree.SubElement(pr, q("rPr"))
        mark.append(_tracked("ins", number))
        insertion = _tracked("ins", number + 1)
        insertion.append(_run(text))
        new.append(insertion)
    else:
        new.append(_run(text))
    p.addnext(new)
    return new


def delete(p: Any, *, tracked: bool, number: int = 920) -> None:
    """Delete the whole paragraph: its runs and its mark (tracked), or remove it."""
    if not tracked:
        p.getparent().remove(p)
        return
    for run in [r for r in p if r.tag == q("r")]:
        for t in run.findall(q("t")):
            t.tag = q("delText")
        deletion = _tracked("del", number)
        number += 1
        run.addprevious(deletion)
        deletion.append(run)
    pr = p.find(q("pPr"))
    if pr is None:
        pr = etree.Element(q("pPr"))
        p.insert(0, pr)
    mark = pr.find(q("rPr"))
    if mark is None:
        mark = etree.SubElement(pr, q("rPr"))
    mark.append(_tracked("del", number))


def embolden(p: Any) -> None:
    """A formatting-only change: every run of the paragraph in bold."""
    for run in p.iter(q("r")):
        properties = run.find(q("rPr"))
        if properties is None:
            properties = etree.Element(q("rPr"))
            run.insert(0, properties)
        if properties.find(q("b")) is None:
            properties.insert(0, etree.Element(q("b")))


def comment(word: Any, p: Any, text: str) -> None:
    """A Word comment anchored on the paragraph's first run with text."""
    from docx.text.paragraph import Paragraph

    runs = [r for r in Paragraph(p, word.part).runs if r.text.strip()]
    word.add_comment(runs[-1], text=text, author=AUTHOR, initials="JD")


def save(word: Any, path: Path) -> Path:
    buffer = io.BytesIO()
    word.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def libreoffice_save(path: Path, folder: Path) -> Path:
    """``path`` opened and saved again as .docx by LibreOffice (headless)."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "profile"
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / path.name
