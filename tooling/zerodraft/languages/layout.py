"""Where a translation's PDF prints the title of each heading: the lines centred under it.

The checked texts of the Chinese and Arabic BBNJ Agreement run an article's title into its
first paragraph ("第一条用语为本协定的目的：", "المادة 1 استخدام المصطلحات لأغراض هذا الاتفاق"),
and neither script has capitals to tell them apart.  The PDF does tell them apart: it prints
the heading ("第一条") and the title ("用语") each on a line of its own, centred, above the
text.  Its text layer may be unreadable (display fonts whose glyphs map to the wrong characters
or to none: the Chinese PDF gives "ㅢжᶗ" for "第一条", the Arabic one drops letters), so what is
read from it is only the *shape* of each title: how many characters it has (a font that maps
each glyph to one wrong character keeps the count) and which letters survive (a font that drops
some keeps the others).  :func:`zerodraft.languages.align` then cuts the title from the checked
text with that shape, never copying text from the PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from zerodraft.errors import Fatal
from zerodraft.languages.conventions import Conventions
from zerodraft.languages.skeleton import Unit

_MARKS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PAGE_NUMBER = re.compile(r"^[\s\-–—\d]*$")
_TATWEEL = "\u0640"
#: Letters a display font draws with its Persian look-alike: Farsi yeh "ی" for yeh "ي", keheh
#: "ک" for kaf "ك" (the Arabic BBNJ PDF's "ﯿ").
_FOLD = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})
#: How many centred blocks past the last heading found the next heading may be (the text
#: between two headings holds a few: a centred formula, a short last line of a paragraph).
_LOOKAHEAD = 30


@dataclass(frozen=True, slots=True)
class TitleShape:
    """What the PDF's layout says of one title, without trusting its characters."""

    glyphs: int
    """How many characters (spaces excluded) the title's lines hold in the PDF's text layer."""
    letters: Counter[str]
    """The letters among them, in their plain forms (Arabic presentation forms unfolded)."""
    dropped: bool
    """True where the font drops glyphs but keeps the others right (the headings were found by
    their letters): the title is told by its letters; False where it maps each glyph to a wrong
    character (found character for character): the title is told by its length."""


def letters(text: str) -> Counter[str]:
    """The letters of ``text`` in their plain forms ("ﻟ" is "ل"), marks and tatweel left out."""
    plain = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return Counter(c for c in plain if unicodedata.category(c).startswith("L") and c != _TATWEEL)


def read(path: Path) -> str:
    """The PDF's text as ``pdftotext -layout`` lays it out, one page per form feed."""
    program = shutil.which("pdftotext")
    if program is None:
        raise Fatal(
            f"reading the layout of '{path.name}' needs pdftotext (poppler-utils); install it or leave out --layout"
        )
    if not path.is_file() or not path.read_bytes()[:5].startswith(b"%PDF"):
        raise Fatal(f"--layout takes the translation's PDF; '{path.name}' is not a PDF")
    try:
        result = subprocess.run(
            [program, "-layout", "-enc", "UTF-8", "--", str(path), "-"], capture_output=True, timeout=120, check=False
        )
    except subprocess.TimeoutExpired:
        raise Fatal(f"pdftotext could not read the layout of '{path.name}' within 2 minutes") from None
    if result.returncode != 0:
        raise Fatal(f"pdftotext could not read the layout of '{path.name}' (exit {result.returncode})")
    return result.stdout.decode("utf-8", errors="replace")


def blocks(layout: str) -> list[list[str]]:
    """The runs of centred lines of each page, in order (a heading and its title lines);
    page numbers left out.  A title too long to be centred fills the lines right under its
    heading, up to the blank line before the text: a heading alone takes them."""
    out: list[list[str]] = []
    for page in layout.split("\f"):
        lines = [_MARKS.sub("", line).rstrip() for line in page.split("\n")]
        ends = sorted(len(line) for line in lines if line.strip())
        if not ends:
            continue
        width = ends[int(len(ends) * 0.9)]
        current: list[str] = []
        wide = False  # the block took a line across the page: it runs to the next blank line
        for line in lines:
            content = line.strip()
            if content and _PAGE_NUMBER.match(line):
                continue
            left = len(line) - len(line.lstrip())
            centred = bool(content) and left >= 0.15 * width and width - len(line) >= 0.1 * width
            if content and (centred or wide or len(current) == 1):
                if current or centred:
                    wide = wide or not centred
                    current.append(content)
                continue
            if current:
                out.append(current)
            current, wide = [], False
        if current:
            out.append(current)
    return out


class _Glyphs:
    """What the headings found so far say of a font that maps each glyph to a wrong character:
    which character stands for which ("ㅢ" for "第"), learnt as headings are matched, so that a
    heading of the right length but other characters is not taken for the next one."""

    def __init__(self) -> None:
        self.read: dict[str, str] = {}
        self.wrote: dict[str, str] = {}
        self.dropped = 0

    def fits(self, line: str, expected: str) -> bool:
        """Whether a PDF line may be the printed heading ``expected`` ("第一条", "المادة 12"): the
        same digits, and its letters among the heading's (a font that drops glyphs), or else
        character for character consistent with what the headings before taught."""
        digits = re.findall(r"\d+", line)
        if digits != re.findall(r"\d+", expected):
            return False
        found, wanted = letters(line), letters(expected)
        if found and not found - wanted and sum(found.values()) >= 0.4 * sum(wanted.values()):
            self.dropped += 1
            return True
        shown, meant = line.replace(" ", ""), expected.replace(" ", "")
        if len(shown) != len(meant):
            return False
        pairs = set(zip(shown, meant, strict=True))
        if any(self.read.get(a, b) != b or self.wrote.get(b, a) != a for a, b in pairs):
            # pdftotext may read a heading's glyphs out of order ("第十六五条"): the same
            # characters, each read as learnt, are enough, and teach nothing new
            return all(c in self.read for c in shown) and sorted(self.read[c] for c in shown) == sorted(meant)
        if len({a for a, _ in pairs}) != len(pairs) or len({b for _, b in pairs}) != len(pairs):
            return False
        for a, b in pairs:
            self.read[a], self.wrote[b] = b, a
        return True


def titles(layout: str, units: tuple[Unit, ...], target: Conventions) -> dict[str, TitleShape]:
    """The shape of each titled unit's title, by the unit's path: the centred lines under the
    centred line that is its heading, matched in document order."""
    found = blocks(layout)
    glyphs = _Glyphs()
    titled: dict[str, str] = {}
    position = 0
    for unit in units:
        if not unit.title or unit.number is None or not unit.kind:
            continue
        expected = target.heading(unit.kind, unit.number)
        if not expected:
            continue
        for index in range(position, min(position + _LOOKAHEAD, len(found))):
            block = found[index]
            if len(block) > 1 and glyphs.fits(block[0], expected):
                titled[unit.path] = " ".join(block[1:])
                position = index + 1
                break
    dropped = glyphs.dropped * 2 > len(titled)
    return {path: TitleShape(len(title.replace(" ", "")), letters(title), dropped) for path, title in titled.items()}
