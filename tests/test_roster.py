"""The roster in ``outcome/delegations.yaml``: every UN member state and observer state, and
the usual groups, checked by count and by membership."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zerodraft import config
from zerodraft.model import Delegation, Problem, Roster

ROSTER = Path(__file__).resolve().parents[1] / "outcome" / "delegations.yaml"
REGIONAL = (
    "African Group",
    "Asia-Pacific Group",
    "Eastern European Group",
    "Latin American and Caribbean Group",
    "Western European and other States Group",
)


@pytest.fixture(scope="module")
def roster() -> Roster:
    problems: list[Problem] = []
    result = config.roster("outcome/delegations.yaml", ROSTER.read_text(encoding="utf-8"), problems)
    assert problems == []
    return result


def kind(roster: Roster, name: str) -> list[Delegation]:
    return [d for d in roster.delegations if d.kind == name]


def members(roster: Roster, group: str) -> list[str]:
    found = roster.find(group)
    assert found is not None and found.kind == "group", group
    names = []
    for member in found.members:
        delegation = roster.find(member)
        assert delegation is not None, f"{group} lists {member}, not in the roster"
        names.append(delegation.name)
    assert len(set(names)) == len(names), f"{group} lists a member twice"
    return names


def test_member_states_and_observers(roster: Roster) -> None:
    assert len(kind(roster, "member-state")) == 193
    assert sorted(d.name for d in kind(roster, "observer")) == ["Holy See", "State of Palestine"]


def test_codes_are_iso_alpha3_for_states(roster: Roster) -> None:
    states = kind(roster, "member-state") + kind(roster, "observer")
    assert all(re.fullmatch(r"[A-Z]{3}", d.code) for d in states)
    assert len({d.code for d in states}) == len(states)
    assert {roster.find(c).name for c in ("KEN", "IRN", "TUR", "KIR", "USA", "VAT", "PSE")} == {  # type: ignore[union-attr]
        "Kenya",
        "Iran (Islamic Republic of)",
        "Türkiye",
        "Kiribati",
        "United States of America",
        "Holy See",
        "State of Palestine",
    }


def test_group_sizes(roster: Roster) -> None:
    assert len(members(roster, "European Union")) == 27
    assert len(members(roster, "CARICOM")) == 14
    assert len(members(roster, "African Group")) == 54
    assert len(members(roster, "Eastern European Group")) == 23
    assert len(members(roster, "GRULAC")) == 33
    assert len(members(roster, "WEOG")) == 28
    assert len(members(roster, "Non-Aligned Movement")) == 120
    assert "China" in members(roster, "Group of 77 and China")


def test_group_members_are_states(roster: Roster) -> None:
    for group in kind(roster, "group"):
        for name in members(roster, group.name):
            assert roster.find(name).kind in ("member-state", "observer"), (group.name, name)  # type: ignore[union-attr]
    caricom = members(roster, "CARICOM")
    assert all(roster.find(n).kind == "member-state" for n in caricom)  # type: ignore[union-attr]


def test_regional_groups_partition_the_membership(roster: Roster) -> None:
    seen: dict[str, str] = {}
    for group in REGIONAL:
        for name in members(roster, group):
            assert name not in seen, f"{name} is in both {seen[name]} and {group}"
            seen[name] = group
    states = {d.name for d in kind(roster, "member-state")}
    assert states - set(seen) == {"United States of America"}, "only the US is in no regional group"
    assert seen["Kiribati"] == "Asia-Pacific Group"
    assert seen["Türkiye"] == "Western European and other States Group"
    assert seen["State of Palestine"] == "Asia-Pacific Group"
    assert "Holy See" not in seen


def test_united_states_observer_note_in_weog() -> None:
    text = ROSTER.read_text(encoding="utf-8")
    weog = text.index('name: "Western European and other States Group"')
    assert "United States attends WEOG meetings as an observer" in text[weog - 400 : weog]


def codes(text: str) -> set[str]:
    return set(text.split())


COUNCIL_OF_EUROPE = codes(
    "ALB AND ARM AUT AZE BEL BIH BGR HRV CYP CZE DNK EST FIN FRA GEO DEU GRC HUN ISL IRL ITA LVA LIE LTU LUX MLT "
    "MDA MCO MNE NLD MKD NOR POL PRT ROU SMR SRB SVK SVN ESP SWE CHE TUR UKR GBR"
)
OECD = codes(
    "AUS AUT BEL CAN CHL COL CRI CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ISR ITA JPN KOR LVA LTU LUX MEX NLD NZL "
    "NOR POL PRT SVK SVN ESP SWE CHE TUR GBR USA"
)
CIS = codes("ARM AZE BLR KAZ KGZ MDA RUS TJK UZB")


def test_group_of_77_follows_its_membership_rule(roster: Roster) -> None:
    """Every UN member and the State of Palestine, except members of the Council of Europe
    (but Bosnia and Herzegovina), of the OECD (but Chile, Colombia, Costa Rica), of the CIS
    (but Tajikistan), Palau and Tuvalu: 134 with China."""
    assert len(COUNCIL_OF_EUROPE) == 46 and len(OECD) == 38
    states = {d.code for d in kind(roster, "member-state")} | {"PSE"}
    expected = (
        states - (COUNCIL_OF_EUROPE - {"BIH"}) - (OECD - {"CHL", "COL", "CRI"}) - (CIS - {"TJK"}) - {"PLW", "TUV"}
    )
    g77 = {roster.find(name).code for name in members(roster, "G77")}  # type: ignore[union-attr]
    assert g77 == expected
    assert len(g77) == 134
