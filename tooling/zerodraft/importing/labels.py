"""The printed labels of UN drafts, as patterns: paragraph numbers ("18.", "18 bis.",
"PP3"), headings ("A. …", "II. …", "Article 4 bis", "Part II"), participles, status marks
("agreed ad ref", "Deleted."), and the draft header's name and date.

Pure data and functions; :mod:`zerodraft.importing.recogniser` decides what to do with them.
"""

from __future__ import annotations

import datetime as dt
import re

from zerodraft import numbering

SUFFIX = "|".join(sorted(numbering.SUFFIXES, key=len, reverse=True))
NUMBERED_RE = re.compile(
    rf"^(?P<open>\[)?(?:(?P<prefix>(?:OP|PP|Op|Pp)\.?|op|pp)\s*)?(?P<base>\d{{1,5}})(?:\.(?P<point>[1-9]\d?)(?=[\s.]|$))?(?:\s*(?P<suffix>{SUFFIX}))?"
    rf"(?:\s*(?P<alt>alt[2-9]?))?(?(prefix)\.?|(?(point)\.?|\.))(?:(?:\s+|(?<=\.)(?=\[))(?P<rest>\S.*))?$"
)
INSERTION = rf"{SUFFIX}|ante"
#: "Article 4", "Article 54 ter", "[Article 8 bis]", "Article 1.", "ARTICLE 20 ante",
#: "Article 1 (DEFINITIONS)", "Article 4: Use of terms".
ARTICLE_RE = re.compile(
    rf"^(?P<open>\[\s*)?(?P<word>Article|ARTICLE|Art\.)\s+(?P<n>\d{{1,3}}|[IVXLC]{{1,7}})(?:\s*(?P<suffix>{INSERTION})\b)?\.?"
    rf"(?P<close>\s*\])?(?:\s*[.:–—-]\s*(?P<rest>\S.*)|\s+\((?P<paren>[^()]+)\))?$"
)
#: An article's heading whose number a scan misread, a letter for a digit: "Article 3l",
#: "Article l2", "Article 1O" (l or I for 1, O for 0).  Read as an article only where the
#: digits make the next article's number.
OCR_ARTICLE_RE = re.compile(r"^(?P<word>Article|ARTICLE)\s+(?P<n>(?=[\dlIO]*\d)(?=[\dlIO]*[lIO])[\dlIO]{2,3})\.?$")
#: Paragraph 1 whose digit a scan read as the letter l: "l. The instrument of formal
#: confirmation …" (taken only where paragraph 1 is expected).
SCANNED_ONE_RE = re.compile(r"^l\.\s+[A-Z“\"(\[]")
#: The digits a scan reads as letters.
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})
#: "PART II", "Part XI.", "SECTION 1. GENERAL PROVISIONS", "SUBSECTION A.", "Chapter 3",
#: "ANNEX VI.", "Annex", "APPENDIX II", "[Part III]".
PART_RE = re.compile(
    r"^(?P<open>\[\s*)?(?P<word>Part|PART|Chapter|CHAPTER|Section|SECTION|Subsection|SUBSECTION|Annex|ANNEX|Appendix|APPENDIX)"
    r"(?:\s+(?P<n>[IVXLC]{1,7}|\d{1,3}|[A-Z]))?\.?(?P<close>\s*\])?(?:\s*[.:–—-]\s*(?P<rest>\S.*))?$"
)
#: "Decision 1/CMA.4", "Decision 2/CP.27": one decision of several in a COP/CMA report.
DECISION_RE = re.compile(r"^(?P<word>Decision|DECISION)\s+(?P<n>\d{1,3}/(?:CMA|CP|CMP)\.\d{1,2})$")
#: "RESOLUTION I", "Resolution 2": one of the resolutions a conference adopted with its
#: treaty (a Final Act's annex holds them), on a line of its own; its title follows.
RESOLUTION_RE = re.compile(r"^(?P<word>Resolution|RESOLUTION)\s+(?P<n>[IVXLC]{1,7}|\d{1,3})\.?$")
#: "Final Act of the Third United Nations Conference on", "FINAL ACT": the conference's own
#: instrument printed after its treaty, with its own annexes and resolutions.
FINAL_ACT_RE = re.compile(r"^(?:Final Act|FINAL ACT)(?:\s+(?:of|OF)\s+(?:the|THE)\s+\S.*)?$")
#: "1 Coastal States shall …": a paragraph number printed without its full stop (taken only
#: where that number is expected next; see the recogniser's ``unstopped_number``).
UNSTOPPED_RE = re.compile(r"^(?P<base>[1-9]\d?)\s+(?P<rest>[A-Z][a-z]+\b.*)$")
#: A dot leader and a page number at the end of a table of contents' line ("Reefs . . . . 23").
LEADER_RE = re.compile(r"(?:\s*\.){3,}\s*(?P<page>\d{1,4})\s*$")
#: The heading of a table of contents.
CONTENTS_RE = re.compile(r"^(?:table\s+of\s+)?contents$", re.IGNORECASE)
#: The section kind each label word opens.
PART_KINDS = {
    "part": "part",
    "chapter": "chapter",
    "section": "section",
    "subsection": "subsection",
    "annex": "annex",
    "appendix": "appendix",
}
#: A heading's letter or roman numeral alone on its line ("C.", "IV.").
LABEL_ONLY_RE = re.compile(r"^(?:[A-Z]|[IVXLC]{1,7})\.$")
LETTER_RE = re.compile(r"^(?P<n>[A-Z])\.\s+(?P<rest>\S.*)$")
ROMAN_RE = re.compile(r"^(?P<n>[IVXLC]{1,7})\.\s+(?P<rest>\S.*)$")
PREAMBLE_HEADING_RE = re.compile(r"^(?:preamble|preambular\s+(?:part|paragraphs?|section))$", re.IGNORECASE)
#: A line holding only an option's label: "Option 1:", "OPTION II", "[Alt 2:]".
OPTION_LABEL_RE = re.compile(r"^\[?(?:Option|OPTION|Alt|ALT|Alternative)\s+[0-9A-Za-z]{1,4}\s*[:.]?\]?$")
PLACEHOLDER_RE = re.compile(r"^[-–—…]+$")
STATUS_RE = re.compile(r"^[\[(]\s*agreed\s+ad\s+ref(?:erendum)?\.?\s*[\])]\.?$", re.IGNORECASE)
TRAILING_STATUS_RE = re.compile(r"\s*[\[(]\s*agreed\s+ad\s+ref(?:erendum)?\.?\s*[\])]\.?$", re.IGNORECASE)
DELETED_RE = re.compile(r"^\[?\s*deleted\s*\.?\s*\]?\.?$", re.IGNORECASE)
PREAMBLE_CHAPEAU_RE = re.compile(r"^(?:The|Les?|La|El|Los)\s+[A-Z][\w ,’'-]{3,80},$")
PARTICIPLE_RE = re.compile(
    r"^\*?(?:(?!United\b|Limited\b)[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Convinced|Deeply|Gravely|Further|Also|Have|"
    r"Desirous|Determined|Alarmed|Concerned|Resolved|Reaffirming)\b\*?"
)
#: The verb that opens an operative paragraph of a decision or resolution, in the third
#: person ("Requests the SBSTA …", "Also decides …", "Further invites …").
OPERATIVE_RE = re.compile(
    r"^\[?(?:(?:Also|Further|Further also|Strongly|Once again|Again|Kindly)\s+)?(?:[Dd]ecides|[Rr]equests|[Ii]nvites|[Uu]rges|"
    r"[Ee]ncourages|[Rr]ecommends|[Nn]otes|[Ww]elcomes|[Aa]cknowledges|[Rr]ecognizes|[Ee]mphasizes|[Rr]eaffirms|[Aa]grees|"
    r"[Aa]dopts|[Ee]xpresses|[Ss]tresses|[Rr]eiterates|[Rr]esolves|[Aa]uthorizes|[Aa]pproves|[Ee]ndorses|[Cc]alls\s+upon|"
    r"[Cc]alls\s+on|[Tt]akes\s+note|[Ee]stablishes|[Ll]aunches|[Rr]ecalls|[Uu]nderscores|[Cc]ommends|[Aa]ffirms|[Ss]upports)\b"
)
#: A line that ends a sentence or clause, also inside the brackets or quotes that close it
#: ("thereto;", "[2010].]", "mechanism;]", "outcome.1", "(IPCC).”").
TERMINATED_RE = re.compile(r"[.;:!?][\])]*\s*(?:\[\^\w+\]|\d{1,3})?[\])]*[”\"’]?[\])]*$")
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI")
MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
}


def heading_like(text: str, strict: bool = True) -> bool:
    """True if ``text`` can be a heading: it starts with a capital (or bracket, quote, digit)
    and, when ``strict``, does not end like a sentence or a clause (". ; , :")."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0] in "[“\"'(" or text[0].isdigit()):
        return False
    return not (strict and re.search(r"[.;,:]\s*(?:\d{1,3})?\s*$", text))


def draft_name_and_date(header: str) -> tuple[str, dt.date | None]:
    """``"DRAFT 2, 2 July 2021"`` → ``("Draft 2", 2021-07-02)``; no header → ``("Imported draft", None)``."""
    if not header:
        return "Imported draft", None
    name = re.split(r"\s*[,–—]\s*|\s+-\s+", header, maxsplit=1)[0].strip()
    if name.isupper():
        name = name.capitalize()
    date = None
    match = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", header)
    if match and match.group(2).lower() in MONTHS:
        try:
            date = dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        except ValueError:
            date = None
    return name or "Imported draft", date


#: The record of the meeting that adopted a resolution, printed under its last paragraph
#: ("95th plenary meeting", then the date).
MEETING_RE = re.compile(r"^\d{1,4}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$")
