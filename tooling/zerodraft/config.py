"""``document.yaml``, ``delegations.yaml`` and each folder's ``section.yaml``, read into
records.  Problems are collected, never raised: a broken configuration still lets the
paragraphs be checked, with defaults in its place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zerodraft import conflicts, names, safeyaml
from zerodraft.languages import files
from zerodraft.model import (
    AS_PRINTED_CODES,
    MASTHEAD_KEYS,
    AsPrinted,
    Delegation,
    DocumentConfig,
    Facilitator,
    Masthead,
    Numbering,
    Problem,
    Roster,
    Scheme,
    SectionKind,
    printed_heading,
)
from zerodraft.vocabulary import Role, Vocabulary

Report = Callable[[int, str], None]

DOCUMENT_KEYS = (
    "title",
    "meeting",
    "symbol",
    "draft",
    "header-note",
    "numbering",
    "secretariat",
    "facilitators",
    "consensus-labels",
    "masthead",
    "languages",
    "as-printed",
)
KINDS = ("member-state", "observer", "group")


def hint(key: str, known: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'status'?)`` for a near miss, else ``""``."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_yaml(path: str, text: str, code: str, problems: list[Problem]) -> safeyaml.Loaded | None:
    """Parse YAML, reporting a syntax problem under ``ZD102`` (merge-conflict markers under
    ``ZD110``) and returning ``None``."""
    lines = conflicts.markers(text)
    if lines:
        problems.append(Problem(path, lines[0], "ZD110", conflicts.message(lines)))
        return None
    try:
        return safeyaml.load(text)
    except safeyaml.YamlProblem as error:
        problems.append(Problem(path, error.line, "ZD102", error.message))
        return None


def document_config(path: str, text: str | None, problems: list[Problem]) -> DocumentConfig:
    """Read ``document.yaml``; on any problem, report it and fall back to defaults."""
    fallback = DocumentConfig(title="(untitled)", draft_name="(no draft name)")
    if text is None:
        return fallback
    loaded = load_yaml(path, text, "ZD501", problems)
    if loaded is None:
        return fallback
    data, lines = loaded.data, loaded.key_lines

    def report(key: str, message: str) -> None:
        problems.append(Problem(path, lines.get(key, 1), "ZD501", message))

    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "ZD501", "must be a set of 'key: value' lines"))
        return fallback
    for key in data:
        if key not in DOCUMENT_KEYS:
            report(str(key), f"has '{key}:', which document.yaml does not have{hint(str(key), DOCUMENT_KEYS)}")
    title = _text(data, "title", report, required=True) or fallback.title
    draft = data.get("draft")
    draft_name, draft_date = fallback.draft_name, None
    if not isinstance(draft, dict) or not isinstance(draft.get("name"), str):
        report("draft", "needs 'draft:' with a 'name:' (\"Draft 2\") and a 'date:' (2021-07-02)")
    else:
        draft_name = draft["name"]
        raw_date = draft.get("date")
        if isinstance(raw_date, dt.date):
            draft_date = raw_date
        elif raw_date is not None:
            report("draft", f"has a draft date '{raw_date}' that is not a date like 2021-07-02")
    return DocumentConfig(
        title=title,
        draft_name=draft_name,
        draft_date=draft_date,
        meeting=_text(data, "meeting", report),
        symbol=_text(data, "symbol", report),
        header_note=_text(data, "header-note", report),
        numbering=_numbering(data.get("numbering"), report),
        secretariat=_logins(data.get("secretariat"), "secretariat", report),
        facilitators=_facilitators(data.get("facilitators"), report),
        vocabulary=_vocabulary(data.get("consensus-labels"), report),
        masthead=_masthead(data.get("masthead"), report),
        languages=files.languages(path, lines.get("languages", 1), data.get("languages"), problems),
        as_printed=_as_printed(data.get("as-printed"), report),
    )


def _as_printed(value: Any, report: Callable[[str, str], None]) -> tuple[AsPrinted, ...]:
    """``as-printed:``: a list of ``{paragraph: id, code: ZD701, what: …}``, as the import writes it."""
    if value is None:
        return ()
    wanted = "'as-printed' must be a list of '- {paragraph: <id>, code: <ZD401, ZD701 or ZD703>, what: <text>}'"
    if not isinstance(value, list):
        report("as-printed", wanted)
        return ()
    found: list[AsPrinted] = []
    for entry in value:
        fields = entry if isinstance(entry, dict) else {}
        texts = [fields.get(k) for k in ("paragraph", "code", "what")]
        if set(fields) != {"paragraph", "code", "what"} or not all(isinstance(t, str) for t in texts):
            report("as-printed", wanted)
            continue
        paragraph, code, what = (str(t) for t in texts)
        if code not in AS_PRINTED_CODES:
            report("as-printed", f"'as-printed' records only {', '.join(AS_PRINTED_CODES)}, not '{code}'")
            continue
        found.append(AsPrinted(paragraph, code, what))
    return tuple(found)


def _masthead(value: Any, report: Callable[[str, str], None]) -> Masthead:
    """``masthead:``: text values under the known keys (dates kept as printed)."""
    if value is None:
        return Masthead()
    known = dict(MASTHEAD_KEYS)
    if not isinstance(value, dict):
        report("masthead", f"'masthead' must be a set of 'key: value' lines ({', '.join(known)})")
        return Masthead()
    fields: dict[str, str] = {}
    for key, text in value.items():
        if key not in known:
            takes = hint(str(key), tuple(known)) or f" (it takes {', '.join(f'{k}:' for k in known)})"
            report("masthead", f"'masthead:' has '{key}:', which it does not take{takes}")
        elif isinstance(text, (str, int, dt.date)):
            fields[known[key]] = str(text).strip()
        else:
            report("masthead", f"'masthead: {key}' must be text")
    return Masthead(**fields)


def _text(data: dict[str, Any], key: str, report: Callable[[str, str], None], required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            report(key, f"needs '{key}:'")
        return ""
    if not isinstance(value, str):
        report(key, f"'{key}' must be text")
        return ""
    return value.strip()


def _numbering(value: Any, report: Callable[[str, str], None]) -> Numbering:
    if value is None:
        return Numbering()
    schemes = [s.value for s in Scheme]
    if not isinstance(value, dict):
        report("numbering", "'numbering' needs 'paragraphs:' and 'preamble:'")
        return Numbering()
    paragraphs = value.get("paragraphs", "continuous")
    preamble = value.get("preamble", "numbered")
    if paragraphs not in schemes:
        report("numbering", f"'numbering: paragraphs' must be one of: {', '.join(schemes)}")
        paragraphs = "continuous"
    if preamble not in ("numbered", "unnumbered"):
        report("numbering", "'numbering: preamble' must be 'numbered' or 'unnumbered'")
        preamble = "numbered"
    for key in value:
        if key not in ("paragraphs", "preamble"):
            report(
                "numbering", f"'numbering:' has '{key}:', which it does not take (it takes paragraphs: and preamble:)"
            )
    return Numbering(Scheme(paragraphs), preamble == "numbered")


def _logins(value: Any, key: str, report: Callable[[str, str], None]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, dict):
        value = value.get("logins", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(key, f"'{key}' needs 'logins:' with a list of GitHub logins")
        return ()
    return tuple(value)


def _facilitators(value: Any, report: Callable[[str, str], None]) -> tuple[Facilitator, ...]:
    if value is None:
        return ()
    out = []
    if not isinstance(value, list):
        report("facilitators", "'facilitators' must be a list of {section, delegation, logins}")
        return ()
    for entry in value:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("section"), str)
            or not isinstance(entry.get("delegation"), str)
        ):
            report("facilitators", "each facilitator needs 'section:' (a folder) and 'delegation:'")
            continue
        logins = _logins(entry.get("logins", []), "facilitators", report)
        out.append(Facilitator(entry["section"], entry["delegation"], logins))
    return tuple(out)


def _vocabulary(value: Any, report: Callable[[str, str], None]) -> Vocabulary:
    default = Vocabulary.default()
    if value is None:
        return default
    roles = [r.value for r in Role]
    good = []
    if not isinstance(value, list):
        report("consensus-labels", "'consensus-labels' must be a list of {role, label, display}")
        return default
    for entry in value:
        if not isinstance(entry, dict) or entry.get("role") not in roles:
            report("consensus-labels", f"each consensus label needs a 'role:', one of: {', '.join(roles)}")
            continue
        bad = [k for k in entry if k not in ("role", "label", "display", "colour", "description")]
        if bad or not all(isinstance(v, str) for v in entry.values()):
            report(
                "consensus-labels",
                f"the label for '{entry['role']}' may only set label, display, colour, description (as text)",
            )
            continue
        good.append(entry)
    vocabulary = default.overridden(good)
    if len(set(vocabulary.known())) != len(vocabulary.known()):
        report("consensus-labels", "two roles have the same label")
        return default
    return vocabulary


def roster(path: str, text: str | None, problems: list[Problem]) -> Roster:
    """Read ``delegations.yaml``; entries with problems are reported and skipped."""
    if text is None:
        return Roster()
    loaded = load_yaml(path, text, "ZD502", problems)
    if loaded is None:
        return Roster()
    data = loaded.data
    entries = data.get("delegations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append(Problem(path, 1, "ZD502", "needs 'delegations:' with a list of delegations"))
        return Roster()
    out: list[Delegation] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, 1):
        where = f"entry {index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(Problem(path, 1, "ZD502", f"{where} needs a 'name:'"))
            continue
        name, kind = entry["name"], entry.get("kind")
        code = entry.get("code", "")
        if kind not in KINDS:
            problems.append(Problem(path, 1, "ZD502", f"'{name}' needs 'kind:', one of: {', '.join(KINDS)}"))
            continue
        if not isinstance(code, str):
            code = str(code)
        members = entry.get("members", []) or []
        logins = entry.get("logins", []) or []
        also = entry.get("also", []) or []
        if not all(isinstance(x, str) for x in (*members, *logins, *also)) or not all(
            isinstance(x, list) for x in (members, logins, also)
        ):
            problems.append(Problem(path, 1, "ZD502", f"'{name}': members, logins and also must be lists of text"))
            continue
        for written in (name, code, *also):
            key = names.key(written)
            if key and key in seen:
                problems.append(
                    Problem(path, 1, "ZD502", f"'{written}' is listed twice (as a name, a code or another name)")
                )
            seen.add(key)
        out.append(Delegation(name, kind, code, tuple(members), tuple(logins), tuple(also)))
    result = Roster(tuple(out))
    for delegation in out:
        for member in delegation.members:
            if result.find(member) is None:
                problems.append(
                    Problem(path, 1, "ZD502", f"group '{delegation.name}' lists '{member}', who is not in the roster")
                )
    return result


SECTION_KEYS = (
    "heading",
    "preamble",
    "id",
    "untitled",
    "kind",
    "number",
    "title",
    "bracketed",
    "numbered",
    "restarts",
    "number-prefix",
)
SECTION_KINDS = tuple(kind.value for kind in SectionKind)


@dataclass(frozen=True, slots=True)
class SectionConfig:
    """A folder's ``section.yaml``, read."""

    heading: str = ""
    """The heading exactly as printed: ``heading:``, or generated from kind, number and
    title (``Article 7`` / ``Use of terms``); empty for the preamble and untitled parts."""
    kind: SectionKind = SectionKind.HEADING
    """``kind:`` (``preamble: true`` means kind preamble)."""
    number: str = ""
    """``number:`` as printed after the kind's word ("II", "54 ter"); empty if unnumbered."""
    title: str = ""
    """``title:``; empty if none."""
    bracketed: bool = False
    """``bracketed: true``: the whole section is in square brackets."""
    numbered: bool = True
    """``numbered: false``: its own paragraphs are printed without numbers."""
    untitled: bool = False
    """``untitled: true``: printed without any heading."""
    restarts: bool = False
    """``restarts: true``: under ``per-article`` its paragraphs are numbered from 1 on their own,
    as an article's are (the Sections of an annex that number their paragraphs afresh)."""
    id: str = ""
    """``id:``, an optional stable identifier."""
    number_prefix: str = ""
    """``number-prefix:``, the letters printed before each of its own paragraphs' numbers
    ("Pp" prints paragraph 1 as "Pp1", as negotiating texts label preambular paragraphs); its
    paragraphs are then numbered on their own, in every numbering scheme."""

    @property
    def preamble(self) -> bool:
        """True for the preamble."""
        return self.kind is SectionKind.PREAMBLE


def section(path: str, text: str | None, problems: list[Problem]) -> SectionConfig:
    """Read a folder's ``section.yaml``; every problem is reported (ZD503 for the file's
    shape, ZD504–ZD507 for kinds, numbers and flags) and a default put in its place."""
    if text is None:
        return SectionConfig()
    loaded = load_yaml(path, text, "ZD503", problems)
    if loaded is None:
        return SectionConfig()
    data, lines = loaded.data, loaded.key_lines
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "ZD503", "must hold 'heading: <the heading as printed>'"))
        return SectionConfig()

    def report(key: str, code: str, message: str) -> None:
        problems.append(Problem(path, lines.get(key, 1), code, message))

    for key in data:
        if key not in SECTION_KEYS:
            report(str(key), "ZD503", f"has '{key}:', which a section.yaml does not have{hint(str(key), SECTION_KEYS)}")
    flags = {key: _flag(data, key, default, report) for key, default in _FLAGS.items()}
    heading = _section_text(data, "heading", report)
    ident = _section_text(data, "id", report) if isinstance(data.get("id", ""), str | None) else ""
    title = _section_text(data, "title", report)
    kind = _kind(data.get("kind"), flags["preamble"], report)
    known = kind is not None
    kind = kind or SectionKind.HEADING
    number = data.get("number", "")
    if number is None:
        number = ""
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)  # `number: 7` is as good as `number: "7"`
    if not isinstance(number, str):
        report(
            "number", "ZD505", 'writes \'number:\' as a number; write it in quotes as printed, like "54 ter" or "II"'
        )
        number = ""
    number = " ".join(number.split())
    if number and not _NUMBER_TEXT.match(number):
        report("number", "ZD505", f'\'number: {number[:40]}\' is not a number as printed ("7", "54 ter", "II", "A")')
        number = ""
    if number and known and kind in (SectionKind.PREAMBLE, SectionKind.OPTIONS, SectionKind.HEADING):
        report("number", "ZD505", f"a section of kind '{kind.value}' has no number; put it in 'heading:'")
        number = ""
    generated = printed_heading(kind, number, title, flags["bracketed"])
    needs_heading = known and kind not in (SectionKind.PREAMBLE, SectionKind.OPTIONS) and not flags["untitled"]
    if not heading.strip() and not generated and needs_heading:
        problems.append(Problem(path, 1, "ZD503", "needs 'heading:' with the heading as printed"))
    printed = heading.strip() or ("" if flags["untitled"] else generated)
    prefix = _section_text(data, "number-prefix", report).strip()
    if prefix and not NUMBER_PREFIX.match(prefix):
        report(
            "number-prefix",
            "ZD503",
            f"'number-prefix: {prefix[:20]}' is not a label printed before a number (letters, maybe a full stop: "
            '"Pp", "PP.", "OP")',
        )
        prefix = ""
    return SectionConfig(
        heading=printed,
        kind=kind,
        number=number,
        title=title.strip(),
        bracketed=flags["bracketed"],
        numbered=flags["numbered"],
        untitled=flags["untitled"],
        restarts=flags["restarts"],
        id=ident,
        number_prefix=prefix,
    )


#: A ``number-prefix:``: up to four letters, maybe a full stop ("Pp", "PP.", "OP").
NUMBER_PREFIX = re.compile(r"^[A-Za-z]{1,4}\.?$")
_FLAGS = {"preamble": False, "untitled": False, "bracketed": False, "numbered": True, "restarts": False}
#: A section number as printed: digits or a Roman numeral or one capital letter, then
#: insertion suffixes ("54 ter", "20 ante", "II", "A", "3.2").
_NUMBER_TEXT = re.compile(
    r"^(?:\d{1,5}(?:\.\d{1,3})*|[IVXLCDM]{1,8}|[A-Z]{1,2}|[ivxlc]{1,8}|[a-z])(?: ?(?:ante|bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?$"
)


def _flag(data: dict[str, Any], key: str, default: bool, report: Callable[[str, str, str], None]) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        report(key, "ZD503", f"'{key}' must be true or false")
        return default
    return value


def _section_text(data: dict[str, Any], key: str, report: Callable[[str, str, str], None]) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        report(key, "ZD503", f"'{key}' must be text")
        return str(value)
    return value


def _kind(value: Any, preamble: bool, report: Callable[[str, str, str], None]) -> SectionKind | None:
    """The section's kind; ``None`` (reported) when it is not one."""
    if value is None:
        return SectionKind.PREAMBLE if preamble else SectionKind.HEADING
    if value not in SECTION_KINDS:
        report(
            "kind",
            "ZD504",
            f"has an unknown kind '{str(value)[:40]}'{hint(str(value), SECTION_KINDS)}; the kinds are {', '.join(SECTION_KINDS)}",
        )
        return SectionKind.PREAMBLE if preamble else None
    kind = SectionKind(value)
    if preamble and kind is not SectionKind.PREAMBLE:
        report("preamble", "ZD504", f"says both 'preamble: true' and 'kind: {kind.value}'; keep one")
    return kind
