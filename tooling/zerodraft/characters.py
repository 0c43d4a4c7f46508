"""Hidden characters: the one definition, and how each output cleans them.

A negotiated text must say what it shows.  Four classes of character do not show, or make
text show something else:

- **control** characters: C0 (except tab, line feed and carriage return), DEL and C1; an
  ESC starts the sequences that drive a terminal;
- **bidirectional** embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
  "Trojan Source" characters that reorder what a reader sees;
- **zero-width** and other invisible characters (zero-width space, word joiner, soft hyphen,
  invisible operators, fillers …) that change a word without showing; the zero-width
  non-joiner and joiner are text after a letter of a script that needs them (Arabic, Persian,
  Indic scripts, Mongolian) or an emoji, and hidden anywhere else;
- **XML-illegal** characters (C0 controls, lone surrogates, U+FFFE, U+FFFF), which a Word or
  Akoma Ntoso file cannot hold at all.

The marks right-to-left scripts need — LEFT-TO-RIGHT MARK U+200E, RIGHT-TO-LEFT MARK
U+200F and ARABIC LETTER MARK U+061C — are ordinary text and are never touched.

Checks find them with :func:`hidden` (ZD005, ZD009, ZD010).  Outputs clean them: a terminal
gets ``\\u001b`` written out (:func:`for_terminal`); Markdown, HTML, JSON and XML get each
hidden character as U+FFFD REPLACEMENT CHARACTER, so a reader sees that something was there
(:func:`visible`, under the names :func:`for_markdown`, :func:`for_html`, :func:`for_json` and
:func:`for_xml`); untrusted one-line metadata — commit subjects, branch names, author names —
goes through :func:`one_line`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["control", "bidi", "zero-width", "not-xml"]

CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f"
"""C0 controls except tab, line feed and carriage return; DEL; C1 controls."""
BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidirectional embeddings, overrides and isolates."""
ZERO_WIDTH = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\U0001d173-\U0001d17a"
)
"""Invisible characters always hidden (the joiners are handled by :data:`JOINERS`)."""
JOINERS = "\u200c\u200d"
"""ZERO WIDTH NON-JOINER and JOINER: text after a letter of :data:`JOINING_SCRIPTS`."""
JOINING_SCRIPTS = "\u0600-\u08ff\u0900-\u0dff\u1800-\u18af\ufb50-\ufdff\ufe70-\ufefc\u2600-\u27bf\U0001f000-\U0001faff"
"""Arabic, Syriac, Thaana, N'Ko; the Indic scripts; Mongolian; Arabic presentation forms; emoji."""
NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
"""What XML 1.0 cannot hold."""
RIGHT_TO_LEFT_MARKS = "\u200e\u200f\u061c"
"""LRM, RLM and ALM: text, never hidden."""

_JOINER = f"(?<![{JOINING_SCRIPTS}])[{JOINERS}]"
_HIDDEN = re.compile(f"[{CONTROL}{BIDI}{ZERO_WIDTH}\ud800-\udfff\ufffe\uffff]|{_JOINER}")
_SUSPECT = re.compile(f"[{CONTROL}{BIDI}{ZERO_WIDTH}{JOINERS}\ud800-\udfff\ufffe\uffff]")  # no look-behind: fast
_CONTROL = re.compile(f"[{CONTROL}]")
_BIDI = re.compile(f"[{BIDI}]")
_TERMINAL = re.compile(f"[\t\n\r{CONTROL}{BIDI}{ZERO_WIDTH}\ud800-\udfff\ufffe\uffff]|{_JOINER}")
_NOT_XML = re.compile(f"[{NOT_XML}]")
_SPACES = re.compile(r"\s+")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True, slots=True)
class Found:
    """One hidden character in a text."""

    index: int
    """Its position in the text."""
    char: str
    """The character."""
    kind: Kind
    """Which class it belongs to (the first that applies: control, bidi, zero-width, not-xml)."""

    @property
    def codepoint(self) -> str:
        """``U+200B``."""
        return f"U+{ord(self.char):04X}"


def hidden(text: str) -> Iterator[Found]:
    """Every hidden character of ``text``, in order."""
    for match in _HIDDEN.finditer(text):
        yield Found(match.start(), match.group(), _kind(match.group()))


def _kind(char: str) -> Kind:
    if _CONTROL.match(char):
        return "control"
    if _BIDI.match(char):
        return "bidi"
    if char in JOINERS or re.match(f"[{ZERO_WIDTH}]", char):
        return "zero-width"
    return "not-xml"


def has_hidden(text: str) -> bool:
    """True when ``text`` holds any hidden character."""
    return _SUSPECT.search(text) is not None and _HIDDEN.search(text) is not None


def visible(text: str) -> str:
    """``text`` with every hidden character shown as U+FFFD; tabs and line ends kept (a
    carriage return before a line feed is dropped; a lone one is hidden)."""
    text = text.replace("\r\n", "\n")
    if _SUSPECT.search(text) is None:
        return text.replace("\r", REPLACEMENT)
    return _HIDDEN.sub(REPLACEMENT, text).replace("\r", REPLACEMENT)


for_markdown = visible
"""Hidden characters for a Markdown output (its own escaping of ``*``, ``[`` … is the renderer's)."""
for_html = visible
"""Hidden characters for an HTML output (``<`` and ``&`` are escaped by the renderer)."""
for_json = visible
"""Hidden characters for a JSON output (the encoder escapes quotes; a reader's screen needs this)."""


def for_xml(text: str) -> str:
    """``text`` that an XML document (WordprocessingML, Akoma Ntoso) can hold and that shows
    what it says: :func:`visible`, which also replaces every XML-illegal character."""
    return visible(text)


def xml_legal(text: str) -> str:
    """Only the characters XML cannot hold replaced by U+FFFD; everything else kept (for text
    that ``check`` has already passed, where a hidden character has been reported)."""
    return _NOT_XML.sub(REPLACEMENT, text)


def for_terminal(text: str) -> str:
    """``text`` safe to print on a terminal on one line: control characters (line ends and tabs
    too), bidirectional and zero-width characters written out as ``\\u001b``."""
    return _TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str, limit: int = 200) -> str:
    """Untrusted metadata (a commit subject, a branch, an author's name, a pull request's
    title) as one line for any output: hidden characters shown as U+FFFD, runs of white space
    (line ends included) as one space, at most ``limit`` characters."""
    line = _SPACES.sub(" ", visible(text)).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"
