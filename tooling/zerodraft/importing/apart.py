"""Numbers printed apart from their text: where a paragraph's words belong when pdftotext
reads a numbered column ("29." "30." on lines of their own) apart from the text beside it.

Pure functions on lines of text; :mod:`zerodraft.importing.recogniser` applies them.

- A **sentence end** that lets the text be shared out among the numbers is a full stop or
  semicolon, also inside the brackets that close a bracketed sentence (``[2010].]``,
  ``Report.]``), before a capital or an opening bracket.
- **Subparagraphs read under the next number.** A paragraph that introduces subparagraphs
  ("… high-level dialogues that:") is followed in the source by its (a), (b), (c); when the
  next paragraph's number is printed above them ("83." "84." "(a) …"), the subparagraphs are
  the chapeau's, and the numbers' own text starts after them, at the first line that is not a
  subparagraph and follows a finished one.
"""

from __future__ import annotations

import re

from zerodraft.importing import joining

#: Where a sentence ends inside a line and the next begins ("… 2020. The Parties …",
#: "… Report.] [For …").
SENTENCE_RE = re.compile(r"(?:(?<=[.;])|(?<=[.;]\])|(?<=[.;]\]\]))\s+(?=[A-Z“\[])")
#: A line that finishes a sentence: a full stop or semicolon, then closing brackets,
#: parentheses or quotes ("accession.", "[2010].]", "(IPCC).”").
_SENTENCE_END_RE = re.compile(r"[.;][\])”\"’]*$")
#: A lettered subparagraph's label, alone or before its text: "(a)", "(b) Parties …".
_LETTER_RE = re.compile(r"^\(([a-z])\)(?:\s|$)")
_LABEL_ALONE_RE = re.compile(r"^\((?:[a-z]{1,2}|[ivxlc]+)\)$")


def lettered(line: str) -> bool:
    """True for a line that starts with a lettered subparagraph's label: "(b)", "(c) The …"."""
    return bool(_LETTER_RE.match(line))


def sentence_end(line: str) -> bool:
    """True if ``line`` finishes a sentence (``"… thereto;"``, ``"[2010].]"``)."""
    return bool(_SENTENCE_END_RE.search(line))


def chapeau_subparagraphs(chapeau: list[str], holder: list[str]) -> int:
    """How many of ``holder``'s lines after its number (``holder[0]``) are the subparagraphs of
    the paragraph ``chapeau`` before it, printed under ``holder``'s number; 0 if none are.

    They are when ``holder``'s text starts with the subparagraph the chapeau waits for —
    "(a)" after a chapeau that ends with a colon and has none of its own, or the letter after
    the chapeau's last one ("(b)" after its "(a) …") —, and some text of ``holder``'s own follows them (a line
    that is not a subparagraph label, starting with a capital or a bracket, after a line that
    finishes a sentence) — otherwise the source is read as printed.  Never when ``holder``'s
    own first line ends with a colon: the subparagraphs are then its own.
    """
    if not chapeau or len(holder) < 3 or holder[0].rstrip().endswith(":"):
        return 0  # "1. For the purposes of this resolution:" then "(a)": its own chapeau
    letters = [m.group(1) for m in map(_LETTER_RE.match, chapeau) if m]
    if not letters:
        wanted = "a" if chapeau[-1].rstrip().endswith(":") else ""
    else:
        wanted = chr(ord(letters[-1]) + 1) if letters[-1] < "z" else ""
    found = _LETTER_RE.match(holder[1])
    if not wanted or found is None or found.group(1) != wanted:
        return 0
    for index in range(2, len(holder)):
        line, before = holder[index], holder[index - 1]
        if joining.starts_own_line(line) or _LABEL_ALONE_RE.match(before):
            continue
        if sentence_end(before) and (line[:1].isupper() or line[:1] in "[“"):
            return index - 1
    return 0
