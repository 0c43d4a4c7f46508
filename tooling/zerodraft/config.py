"""``document.yaml``, ``delegations.yaml`` and each folder's ``section.yaml``, read into
records.  Problems are collected, never raised: a broken configuration still lets the
paragraphs be checked, with defaults in its place.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from typing import Any

from zerodraft import names, safeyaml
from zerodraft.model import (
    Delegation,
    DocumentConfig,
    Facilitator,
    Numbering,
    Problem,
    Roster,
    Scheme,
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
)
KINDS = ("member-state", "observer", "group")


def hint(key: str, known: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'status'?)`` for a near miss, else ``""``."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_yaml(path: str, text: str, code: str, problems: list[Problem]) -> safeyaml.Loaded | None:
    """Parse YAML, reporting a syntax problem under ``ZD102`` and returning ``None``."""
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
            report(str(key), f"has an unknown key '{key}'{hint(str(key), DOCUMENT_KEYS)}")
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
    )


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
            report("numbering", f"'numbering' has an unknown key '{key}'")
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


SECTION_KEYS = ("heading", "preamble", "id", "untitled")


def section(path: str, text: str | None, problems: list[Problem]) -> tuple[str, bool, str]:
    """Read a folder's ``section.yaml``: its heading, whether it is the preamble, its id."""
    if text is None:
        return "", False, ""
    loaded = load_yaml(path, text, "ZD503", problems)
    if loaded is None:
        return "", False, ""
    data, lines = loaded.data, loaded.key_lines
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "ZD503", "must hold 'heading: <the heading as printed>'"))
        return "", False, ""
    for key in data:
        if key not in SECTION_KEYS:
            problems.append(
                Problem(
                    path, lines.get(str(key), 1), "ZD503", f"has an unknown key '{key}'{hint(str(key), SECTION_KEYS)}"
                )
            )
    heading = data.get("heading", "")
    preamble = data.get("preamble", False)
    ident = data.get("id", "")
    if heading is None:
        heading = ""
    if not isinstance(heading, str):
        problems.append(Problem(path, lines.get("heading", 1), "ZD503", "'heading' must be text"))
        heading = str(heading)
    if not isinstance(preamble, bool):
        problems.append(Problem(path, lines.get("preamble", 1), "ZD503", "'preamble' must be true or false"))
        preamble = False
    if not isinstance(ident, str):
        problems.append(Problem(path, lines.get("id", 1), "ZD503", "'id' must be text"))
        ident = ""
    untitled = data.get("untitled", False)
    if not isinstance(untitled, bool):
        problems.append(Problem(path, lines.get("untitled", 1), "ZD503", "'untitled' must be true or false"))
        untitled = False
    # `untitled: true`: a part printed without a heading, like a resolution's operative part.
    if not heading.strip() and not preamble and not untitled:
        problems.append(Problem(path, 1, "ZD503", "needs 'heading:' with the heading as printed"))
    return heading.strip(), preamble, ident
