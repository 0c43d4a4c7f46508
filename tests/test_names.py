"""Names people use: the roster's other names ("Iran", "UK", "South Korea") are accepted in
files and on the command line, ``check --fix`` writes them back as the roster's name, and
suggestions come from the names delegates write, never from edit distance alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, git, write_paragraph
from zerodraft import config, names
from zerodraft.main import main
from zerodraft.model import Problem, Roster

FULL = REPO / "outcome" / "delegations.yaml"
TYPED = {
    "Iran": "Iran (Islamic Republic of)",
    "UK": "United Kingdom of Great Britain and Northern Ireland",
    "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
    "Russia": "Russian Federation",
    "South Korea": "Republic of Korea",
    "North Korea": "Democratic People's Republic of Korea",
    "Syria": "Syrian Arab Republic",
    "Venezuela": "Venezuela (Bolivarian Republic of)",
    "Bolivia": "Bolivia (Plurinational State of)",
    "Tanzania": "United Republic of Tanzania",
    "Moldova": "Republic of Moldova",
    "Laos": "Lao People's Democratic Republic",
    "DRC": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Congo",
    "Vietnam": "Viet Nam",
    "Türkiye": "Türkiye",
    "Turkey": "Türkiye",
    "Turkiye": "Türkiye",
    "US": "United States of America",
    "USA": "United States of America",
    "U.S.": "United States of America",
    "Palestine": "State of Palestine",
    "Holy See": "Holy See",
    "Vatican": "Holy See",
    "Cote d’Ivoire": "Côte d'Ivoire",
    "The Gambia": "Gambia",
    "St. Lucia": "Saint Lucia",
    "G-77": "Group of 77 and China",
}
NATIONAL = "outcome/01-a-implementation/01-national-level"


@pytest.fixture(scope="module")
def roster() -> Roster:
    problems: list[Problem] = []
    result = config.roster("outcome/delegations.yaml", FULL.read_text(encoding="utf-8"), problems)
    assert problems == []
    return result


@pytest.fixture
def negotiation(repo: Path) -> Path:
    """The example document with the real roster, committed on main."""
    shutil.copy(FULL, repo / "outcome" / "delegations.yaml")
    git(repo, "commit", "-q", "-am", "the full roster")
    return repo


@pytest.mark.parametrize(("written", "name"), sorted(TYPED.items()))
def test_names_delegates_type_are_found(roster: Roster, written: str, name: str) -> None:
    found = roster.find(written)
    assert found is not None and found.name == name


@given(st.data())
def test_every_name_is_found_however_it_is_cased_or_dotted(data: st.DataObject) -> None:
    roster = config.roster("x", FULL.read_text(encoding="utf-8"), [])
    delegation = data.draw(st.sampled_from(roster.delegations))
    written = data.draw(st.sampled_from((delegation.name, delegation.code, *delegation.also)))
    cased = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in written)
    assert roster.find(f"  {cased} ") == delegation


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Kenia", ("Kenya",)),
        ("Keny", ("Kenya",)),
        ("Norwey", ("Norway",)),
        ("Rusia", ("Russian Federation",)),
        ("Columbia", ("Colombia",)),
        ("Phillipines", ("Philippines",)),
        ("Bolivarian", ("Venezuela (Bolivarian Republic of)",)),
        ("Korea", ("Democratic People's Republic of Korea", "Republic of Korea")),
        ("Irak", ("Iran (Islamic Republic of)", "Iraq")),  # as near to both: both are named
        ("Xyzzy", ()),
    ],
)
def test_suggestions(roster: Roster, written: str, meant: tuple[str, ...]) -> None:
    assert names.suggestions(roster, written) == meant


def test_a_known_name_never_suggests_its_neighbour(roster: Roster) -> None:
    """Edit distance alone says "Iran" → "Iraq", "Russia" → "Tunisia", "Syria" → "Serbia"."""
    for written, name in TYPED.items():
        assert roster.find(written).name == name  # type: ignore[union-attr]
        assert names.several(roster, written) == ()


def test_several_names_written_as_one(roster: Roster) -> None:
    assert names.several(roster, "Kenya, Norway") == ("Kenya", "Norway")
    assert names.several(roster, "Kenya and UK") == ("Kenya", "United Kingdom of Great Britain and Northern Ireland")
    assert names.several(roster, "Trinidad and Tobago") == ()
    assert names.several(roster, "Kenya, Narnia") == ()


def test_check_accepts_and_fix_writes_back_the_roster_name(
    negotiation: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = write_paragraph(
        negotiation / NATIONAL / "006ter.md",
        "p-names-1",
        "To act now.",
        "proposed",
        proposed_by=["Iran", "kenya", "EU"],
        supported_by="UK",
    )
    assert main(["-C", str(negotiation), "check"]) == 0
    capsys.readouterr()
    assert main(["-C", str(negotiation), "check", "--fix"]) == 0
    err = capsys.readouterr().err
    assert "wrote 'Iran' as 'Iran (Islamic Republic of)', its name in the roster" in err
    assert "wrote 'UK' as 'United Kingdom of Great Britain and Northern Ireland'" in err
    text = target.read_text(encoding="utf-8")
    assert "proposed-by: [Iran (Islamic Republic of), Kenya, EU]\n" in text  # a code stays as written
    assert "supported-by: United Kingdom of Great Britain and Northern Ireland\n" in text
    git(negotiation, "add", "-A")
    assert git(negotiation, "status", "--porcelain").splitlines() == [f"A  {NATIONAL}/006ter.md"]


def test_messages_for_names_not_in_the_roster(negotiation: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_paragraph(
        negotiation / NATIONAL / "006ter.md",
        "p-names-2",
        "To act now.",
        "proposed",
        proposed_by=["Kenia"],
        supported_by="Kenya, Norway",
    )
    assert main(["-C", str(negotiation), "check"]) == 1
    out = capsys.readouterr().out
    assert (
        f"{NATIONAL}/006ter.md:4: ZD108 'Kenia' in proposed-by is not a delegation in outcome/delegations.yaml (did you mean 'Kenya'?)"
        in out
    )
    assert (
        f"{NATIONAL}/006ter.md:5: ZD108 'Kenya, Norway' in supported-by names 2 delegations as one; "
        "write a list: supported-by: [Kenya, Norway]" in out
    )
    assert "Norway'?" not in out


def test_propose_on_a_branch_by_a_short_name(negotiation: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["-C", str(negotiation), "propose", "insert-after", "6", "--text", "To act now.", "--new-branch"]
    assert main([*args, "--delegation", "Iran"]) == 0
    branch = git(negotiation, "branch", "--show-current").strip()
    assert branch.startswith("iran") and branch != "main"
    made = git(negotiation, "show", "--format=", "--name-only", "HEAD").split()
    assert "proposed-by: [Iran (Islamic Republic of)]" in git(negotiation, "show", f"HEAD:{made[0]}")
    git(negotiation, "switch", "-q", "main")
    capsys.readouterr()
    assert main([*args, "--delegation", "Kenia"]) == 2
    err = capsys.readouterr().err
    assert "'Kenia' is not a delegation in outcome/delegations.yaml (did you mean 'Kenya'?)" in err
    assert git(negotiation, "branch", "--show-current").strip() == "main"


def test_roster_refuses_another_name_taken_twice() -> None:
    problems: list[Problem] = []
    text = (
        "delegations:\n"
        "  - {name: Namibia, kind: member-state, code: NAM}\n"
        "  - {name: Non-Aligned Movement, kind: group, code: NON-ALIGNED, also: [nam]}\n"
    )
    config.roster("outcome/delegations.yaml", text, problems)
    assert [p.message for p in problems] == ["'nam' is listed twice (as a name, a code or another name)"]
