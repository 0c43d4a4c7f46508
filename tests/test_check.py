"""`zerodraft check` on the example document and on one broken fixture per rule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import write_paragraph
from zerodraft.commands.check import check
from zerodraft.model import Problem
from zerodraft.rules import RULES
from zerodraft.source import WorkingTree

A = "01-a-implementation"
NAT = f"{A}/01-national-level"
B = "02-b-international-cooperation"


def problems_of(base: Path) -> list[Problem]:
    return check(WorkingTree(base))


def codes_at(base: Path) -> set[tuple[str, int, str]]:
    return {(p.path, p.line, p.code) for p in problems_of(base)}


def test_example_is_clean(document: Path) -> None:
    assert problems_of(document) == []


def test_repository_outcome_is_clean() -> None:
    repo = Path(__file__).resolve().parents[1]
    assert problems_of(repo) == [], "outcome/ in this repository must pass zerodraft check"


# Each case breaks the example in one way and names the problems it must produce:
# (path, line, code); nothing else may be reported.
Mutation = Callable[[Path], None]


def _para(
    rel: str, text: str, status: str = "open", ident: str = "p-new000000001", **fields: str | list[str]
) -> Mutation:
    return lambda base: write_paragraph(base / "outcome" / rel, ident, text, status, **fields) and None


def _raw(rel: str, data: bytes) -> Mutation:
    def write(base: Path) -> None:
        path = base / "outcome" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return write


def _remove(rel: str) -> Mutation:
    return lambda base: (base / "outcome" / rel).unlink()


FM = "---\nid: p-new000000001\nstatus: open\n---\n"
CASES: dict[str, tuple[Mutation, list[tuple[str, int, str]]]] = {
    "ZD001": (_raw(f"{A}/notes.txt", b"a note\n"), [(f"outcome/{A}/notes.txt", 1, "ZD001")]),
    "ZD002": (_raw(f"{B}/008.md", FM.encode() + b"caf\xe9\n"), [(f"outcome/{B}/008.md", 5, "ZD002")]),
    "ZD004": (_raw(f"{B}/008.md", FM.encode() + b"x" * 1_100_000), [(f"outcome/{B}/008.md", 1, "ZD004")]),
    "ZD005": (_para(f"{B}/008.md", "Text \u202eevil\u202c text."), [(f"outcome/{B}/008.md", 5, "ZD005")]),
    "ZD006": (_para(f"{B}/8.md", "Text."), [(f"outcome/{B}/8.md", 1, "ZD006")]),
    "ZD007": (_raw(f"{B}/008.md", b""), [(f"outcome/{B}/008.md", 1, "ZD007")]),
    "ZD008": (_raw(f"{B}/008.md", b"\xef\xbb\xbf" + FM.encode() + b"Text.\n"), [(f"outcome/{B}/008.md", 1, "ZD008")]),
    "ZD009": (_raw(f"{B}/008.md", FM.encode() + b"Te\x07xt.\n"), [(f"outcome/{B}/008.md", 5, "ZD009")]),
    "ZD010": (_para(f"{B}/008.md", "Text agree\u200bd."), [(f"outcome/{B}/008.md", 5, "ZD010")]),
    "ZD101": (_raw(f"{B}/008.md", b"Text without front matter.\n"), [(f"outcome/{B}/008.md", 1, "ZD101")]),
    "ZD102": (
        _raw(f"{B}/008.md", b"---\nid: p-x\nid: p-y\nstatus: open\n---\nText.\n"),
        [(f"outcome/{B}/008.md", 3, "ZD102")],
    ),
    "ZD103": (_raw(f"{B}/008.md", b"---\nid: p-new000000001\n---\nText.\n"), [(f"outcome/{B}/008.md", 2, "ZD103")]),
    "ZD104": (_para(f"{B}/008.md", "Text.", status="agred"), [(f"outcome/{B}/008.md", 3, "ZD104")]),
    "ZD105": (_raw(f"{B}/008.md", b"---\nid: 12\nstatus: open\n---\nText.\n"), [(f"outcome/{B}/008.md", 2, "ZD105")]),
    "ZD106": (_para(f"{B}/008.md", "Text.", proposd_by="Kenya"), [(f"outcome/{B}/008.md", 4, "ZD106")]),
    "ZD107": (_para(f"{B}/008.md", "Text.", ident="p-a1b2c3d4e508"), [(f"outcome/{B}/008.md", 2, "ZD107")]),
    "ZD108": (_para(f"{B}/008.md", "Text.", supported_by=["Narnia"]), [(f"outcome/{B}/008.md", 4, "ZD108")]),
    "ZD109": (_para(f"{B}/008.md", "Text.", ident="'p 1!'"), [(f"outcome/{B}/008.md", 2, "ZD109")]),
    "ZD110": (
        _raw(f"{B}/008.md", FM.encode() + b"<<<<<<< HEAD\nTo act.\n=======\nTo act now.\n>>>>>>> kenya/amend-8\n"),
        [(f"outcome/{B}/008.md", 5, "ZD110")],
    ),
    "ZD201": (_para(f"{B}/009.md", "Text."), [(f"outcome/{B}/009.md", 1, "ZD201")]),
    "ZD202": (_para(f"{B}/007.md".replace(B, NAT), "Text."), [(f"outcome/{B}/007.md", 1, "ZD202")]),
    "ZD203": (_para(f"{B}/007ter.md", "Text."), [(f"outcome/{B}/007ter.md", 1, "ZD203")]),
    "ZD205": (_para(f"{B}/009alt.md", "Text."), [(f"outcome/{B}/009alt.md", 1, "ZD205")]),
    "ZD206": (
        lambda base: (
            (base / "outcome" / "02-c-other").mkdir()
            or (base / "outcome/02-c-other/section.yaml").write_text("heading: C. Other\n")
        ),
        [("outcome/02-c-other", 1, "ZD206")],
    ),
    "ZD301": (
        _para(f"{B}/008.md", "To [strengthen] cooperation.", status="agreed"),
        [(f"outcome/{B}/008.md", 5, "ZD301")],
    ),
    "ZD302": (_para(f"{B}/008.md", "Alt 1: To cooperate.", status="agreed"), [(f"outcome/{B}/008.md", 5, "ZD302")]),
    "ZD303": (_para(f"{B}/008.md", "Text.", status="proposed"), [(f"outcome/{B}/008.md", 3, "ZD303")]),
    "ZD304": (
        _para(f"{B}/008.md", "Text.", supported_by=["Kenya"], opposed_by=["Kenya"]),
        [(f"outcome/{B}/008.md", 5, "ZD304")],
    ),
    "ZD305": (_para(f"{B}/008.md", "Text.", reservations=["Kenya"]), [(f"outcome/{B}/008.md", 4, "ZD305")]),
    "ZD401": (_para(f"{B}/008.md", "To [strengthen cooperation.\n(a) first"), [(f"outcome/{B}/008.md", 5, "ZD401")]),
    "ZD402": (_para(f"{B}/008.md", "States:\n(a) one;\n(c) three."), [(f"outcome/{B}/008.md", 7, "ZD402")]),
    "ZD403": (_para(f"{B}/008.md", "Text.[^1]"), [(f"outcome/{B}/008.md", 5, "ZD403")]),
    "ZD404": (_para(f"{B}/008.md", "Text.\n\n[^1]: A note."), [(f"outcome/{B}/008.md", 7, "ZD404")]),
    "ZD405": (_para(f"{B}/008.md", ""), [(f"outcome/{B}/008.md", 5, "ZD405")]),
    "ZD406": (_para(f"{B}/008.md", "Text.\n\n## Adopted"), [(f"outcome/{B}/008.md", 7, "ZD406")]),
    "ZD407": (_para(f"{B}/008.md", "Text <b onclick=x>b</b>."), [(f"outcome/{B}/008.md", 5, "ZD407")]),
    "ZD408": (
        _para(f"{B}/008.md", "See [a](https://un.org), [b](#para-7),\n[c](vbscript:x) and ![d](e.png)."),
        [(f"outcome/{B}/008.md", 5, "ZD408")],
    ),
    "ZD501": (_raw("document.yaml", b"title: T\ndraft: Draft 2\n"), [("outcome/document.yaml", 2, "ZD501")]),
    "ZD502": (
        _raw("delegations.yaml", b"delegations:\n  - {name: Kenya}\n"),
        [("outcome/delegations.yaml", 1, "ZD502")],
    ),
    "ZD503": (_remove(f"{B}/section.yaml"), [(f"outcome/{B}/section.yaml", 1, "ZD503")]),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_rule_has_a_failing_fixture(document: Path, code: str) -> None:
    mutate, expected = CASES[code]
    mutate(document)
    found = codes_at(document)
    if code == "ZD502":  # the roster lost every delegation the example names
        found = {f for f in found if f[2] != "ZD108"}
    assert found == set(expected)


def test_out_of_order(document: Path) -> None:
    # Paragraph 5 moved to section B, after 6 and 6 bis: numbers go backwards.
    (document / "outcome" / A / "005.md").rename(document / "outcome" / B / "005.md")
    found = codes_at(document)
    assert (f"outcome/{B}/005.md", 1, "ZD204") in found


#: The rules on articles, annexes, options and the new numbers, exercised in test_treaty_model.py.
TREATY_CODES = {"ZD207", "ZD208", "ZD209", "ZD210", "ZD211", "ZD504", "ZD505", "ZD506"}


def test_every_rule_is_exercised() -> None:
    exercised = set(CASES) | {"ZD003", "ZD204"} | TREATY_CODES  # ZD003: test_bad_input.py; ZD204: test_out_of_order
    exercised |= {f"ZD44{n}" for n in range(10)} | {"ZD530"}  # test_languages.py
    exercised |= {"ZD212"}  # a division a command names that the draft has not: test_division_rounds.py
    assert {rule.code for rule in RULES} <= exercised | {r for r in _emitted_elsewhere()}


def _emitted_elsewhere() -> set[str]:
    return {r.code for r in RULES if r.code.startswith(("ZD6", "ZD7", "ZD8", "ZD9"))}


def test_problems_are_reported_all_at_once(document: Path) -> None:
    _para(f"{B}/008.md", "To [strengthen cooperation.", status="agred")(document)
    _raw(f"{A}/notes.txt", b"x\n")(document)
    found = {p.code for p in problems_of(document)}
    assert {"ZD104", "ZD401", "ZD001"} <= found


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "tooling"))
    return subprocess.run([sys.executable, "-m", "zerodraft", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_cli_text_output_and_exit_codes(document: Path) -> None:
    clean = run_cli(document, "check")
    assert (clean.returncode, clean.stdout, clean.stderr) == (
        0,
        "No problems in outcome/ (8 paragraphs in the document).\n",
        "",
    )
    _para(f"{B}/008.md", "Text.", status="agred")(document)
    broken = run_cli(document, "check")
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[0] == (
        f"outcome/{B}/008.md:3: ZD104 unknown consensus label 'agred' (did you mean 'agreed'?) "
        "(expected one of: proposed, open, agreed-ad-ref, agreed, deleted)"
    )
    assert "Traceback" not in broken.stderr


def test_cli_json_output(document: Path) -> None:
    _para(f"{B}/008.md", "Text.", status="agred")(document)
    result = run_cli(document, "check", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert data["ok"] is False
    assert data["problems"] == [
        {
            "path": f"outcome/{B}/008.md",
            "line": 3,
            "code": "ZD104",
            "rule": "unknown-label",
            "message": "unknown consensus label 'agred' (did you mean 'agreed'?) "
            "(expected one of: proposed, open, agreed-ad-ref, agreed, deleted)",
        }
    ]


def test_cli_paths_limit_the_report(document: Path) -> None:
    _para(f"{B}/008.md", "Text.", status="agred")(document)
    _raw(f"{A}/notes.txt", b"x\n")(document)
    result = run_cli(document, "check", f"outcome/{A}")
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == [f"outcome/{A}/notes.txt"]


def test_renamed_label_is_accepted_without_code_change(document: Path) -> None:
    config = document / "outcome" / "document.yaml"
    config.write_text(
        config.read_text() + "consensus-labels:\n  - role: agreed-ad-ref\n    label: ad-ref\n    display: ad ref\n"
    )
    assert {p.code for p in problems_of(document)} == {"ZD104"}  # 007.md still says agreed-ad-ref
    path = document / "outcome" / B / "007.md"
    path.write_text(path.read_text().replace("status: agreed-ad-ref", "status: ad-ref"))
    assert problems_of(document) == []
