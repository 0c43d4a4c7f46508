"""Invariants of the policy, on in-memory records (``policy.review`` is a pure function of
what changed): a delegation may add or remove only itself; only agreed labels need a
facilitator; the secretariat is never refused."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zerodraft.git import FileChange
from zerodraft.model import Delegation, Paragraph, Roster
from zerodraft.numbering import Number
from zerodraft.policy import Author, Change, review
from zerodraft.vocabulary import Role, Vocabulary

NAMES = ["Kenya", "Norway", "European Union", "Belgium", "Iran (Islamic Republic of)"]
ROSTER = Roster(tuple(Delegation(n, "member-state", n[:3].upper()) for n in NAMES))
PATH = "outcome/01-a-implementation/005.md"
LABELS = [label.label for label in Vocabulary.default().labels]
names = st.lists(st.sampled_from(NAMES), unique=True, max_size=4).map(tuple)


def paragraph(status: str, text: str, attributions: tuple[tuple[str, ...], ...]) -> Paragraph:
    proposed, supported, opposed, reservations = attributions
    return Paragraph(
        id="p-1",
        number=Number(5),
        path=PATH,
        section=("01-a-implementation",),
        status=status,
        role=Vocabulary.default().role_of(status),
        text=text,
        proposed_by=proposed,
        supported_by=supported,
        opposed_by=opposed,
        reservations=reservations,
    )


def modified(before: Paragraph, after: Paragraph) -> Change:
    file = FileChange("modified", PATH, PATH, "file", "file", "a" * 40, "b" * 40, 100)
    return Change(file, before=before, after=after)


attributions = st.tuples(names, names, names, names)


@given(attributions, attributions, st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True))
def test_a_delegation_changes_only_its_own_attributions(
    old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...], own: list[str]
) -> None:
    author = Author("someone", delegations=tuple(own))
    change = modified(paragraph("open", "Text.", old), paragraph("open", "Text.", new))
    problems = review(author, [change], ROSTER)
    touched = set()
    for was, now in zip(old, new, strict=True):
        touched |= set(was) ^ set(now)
    assert {p.code for p in problems} <= {"ZD906"}
    assert bool(problems) == bool(touched - set(own))


@given(st.sampled_from(LABELS), st.sampled_from(LABELS), st.booleans())
def test_labels(before: str, after: str, facilitator: bool) -> None:
    author = Author("someone", delegations=("Kenya",), facilitates=("outcome/01-a-implementation",) * facilitator)
    nothing = ((), (), (), ())
    problems = review(author, [modified(paragraph(before, "T.", nothing), paragraph(after, "T.", nothing))], ROSTER)
    vocabulary = Vocabulary.default()
    allowed = facilitator or before == after or vocabulary.role_of(after) is Role.DELETED
    agreed_before = vocabulary.role_of(before) in (Role.AGREED, Role.AGREED_AD_REF)
    if vocabulary.role_of(after) is Role.DELETED and agreed_before and not facilitator:
        allowed = False
    assert bool(problems) == (not allowed)
    assert {p.code for p in problems} <= {"ZD904"}


@given(st.sampled_from(LABELS), st.sampled_from(LABELS), attributions, attributions, st.text(max_size=20))
def test_the_secretariat_is_never_refused(
    before: str, after: str, old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...], text: str
) -> None:
    change = modified(paragraph(before, "T.", old), paragraph(after, text, new))
    assert review(Author("unoda", secretariat=True), [change], ROSTER) == []


@given(st.text(min_size=1, max_size=30))
def test_an_unknown_author_gets_one_problem(login: str) -> None:
    (problem,) = review(Author(login), [], ROSTER)
    assert problem.code == "ZD901" and problem.path == "outcome/delegations.yaml"
