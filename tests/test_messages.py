"""Every rule's message, rendered for a failing fixture into docs/checks.md, so that the
wording is read there as a delegate reads it.  The fixtures are those of
``tests/test_check.py`` (one broken example document per rule), those of
``tests/test_treaty_model.py`` (the small treaty), and more here: the example broken again,
pull requests judged by ``pr-check`` on a real repository, and ``zerodraft import`` of small
sources, and ``zerodraft intake`` of a delegation's Word copy of Draft 2 (built once a session).  The
messages are kept in ``tooling/zerodraft/data/messages.txt``, which ``zerodraft rules
--markdown`` renders.  After a deliberate change: ``ZERODRAFT_REGENERATE=1 .venv/bin/pytest
tests/test_messages.py`` then ``zerodraft rules --markdown > docs/checks.md``, and read the diff."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLE, REPO, git, write_paragraph
from policy_helpers import NAT, edit, with_logins
from test_check import CASES, problems_of
from test_treaty_model import CASES as TREATY_CASES
from treaty_fixtures import write_treaty
from zerodraft.rules import EXAMPLES, RULES, examples

DATA = REPO / "tooling" / "zerodraft" / "data" / EXAMPLES
B = "02-b-international-cooperation"
P7 = f"outcome/{B}/007.md"
PROBLEM_LINE = re.compile(r"[^\s:-][^\s:]*:\d+: (ZD\d{3}) ")
EXTRA = {
    "ZD003": lambda base: (base / "outcome" / B / "008.md").symlink_to("007.md"),
    "ZD204": lambda base: (base / "outcome/01-a-implementation/005.md").rename(base / "outcome" / B / "005.md"),
    "ZD701": lambda base: write_paragraph(
        base / "outcome" / B / "008.md", "p-ref-1", "As set out in paragraph 99 above."
    ),
    "ZD801": lambda base: _write(base / "outcome/concordance/draft-3.yaml", "draft: Draft 3\nparagraphs: nine\n"),
    # languages (docs/languages.md): French kept beside the English original
    "ZD440": lambda base: _kept(base, "[fr]", f"{B}/007.de.md", "Text auf Deutsch."),
    "ZD441": lambda base: _kept(base, "[fr]"),
    "ZD442": lambda base: _kept(base, "[fr]", f"{B}/007.fr.md", "Texte.", translates="0123456789abcdef"),
    "ZD443": lambda base: _kept(base, "[fr]", f"{B}/009.fr.md", "Texte."),
    "ZD444": lambda base: _kept(base, "[fr]", f"{B}/007.fr.md", "Texte.", ident="p-other0000001"),
    "ZD445": lambda base: write_paragraph(
        base / "outcome" / B / "008.md", "p-mixed000001", "Through co\u043eperation."
    ),
    "ZD446": lambda base: _kept(
        base, "[ru]", f"{B}/007.ru.md", "To strengthen international cooperation and assistance, in English."
    ),
    "ZD447": lambda base: _kept(base, "[fr]", f"{B}/007.fr.md", "Renforcer la coopération [internationale]."),
    "ZD448": lambda base: _kept(base, "[fr]", f"{B}/007.fr.md", "Pas de front matter.", front=False),
    "ZD449": lambda base: _kept(base, "[fr]", f"{B}/section.fr.yaml", "titre: Coopération", front=False),
    "ZD530": lambda base: _languages(base, "languages:\n  original: en\n  kept: [fr, fr]\n"),
    # internal references (docs/references.md)
    "ZD702": lambda base: (
        write_paragraph(base / "outcome" / B / "008.md", "p-ref-1", "As set out in paragraph 7 above."),
        _write(base / P7, (base / P7).read_text(encoding="utf-8").replace("agreed-ad-ref", "deleted")),
    ),
    "ZD703": lambda base: (
        _write(base / "outcome" / B / "01-assistance" / "section.yaml", "heading: 1. Assistance\n"),
        write_paragraph(base / "outcome" / B / "01-assistance" / "008.md", "p-assist00001", "Assistance."),
        write_paragraph(base / "outcome/00-preamble/003u.md", "p-ref-1", "As set out in section 1."),
    ),
}
#: The pull-request policy: (the login that opens it, the change on its branch, a change main
#: makes meanwhile or None), judged by ``zerodraft pr-check`` on a real git repository.
PA = "outcome/01-a-implementation"
PB = f"outcome/{B}"
Change = Callable[[Path], object]
POLICY: dict[str, tuple[str, Change, Change | None]] = {
    "ZD901": ("someone-else", lambda base: edit(base / f"{PA}/005.md", "different", "differing"), None),
    "ZD902": ("kenya-mission", lambda base: _write(base / "tooling/check.py", "print('hello')\n"), None),
    "ZD903": (
        "kenya-mission",
        lambda base: edit(base / "outcome/delegations.yaml", "[norway-mission]", "[norway-mission, kenya-deputy]"),
        None,
    ),
    "ZD904": ("kenya-mission", lambda base: edit(base / f"{PA}/004.md", "status: open", "status: agreed"), None),
    "ZD905": ("kenya-mission", lambda base: edit(base / f"{PB}/007.md", "To strengthen", "To enhance"), None),
    "ZD906": (
        "kenya-mission",
        lambda base: edit(base / f"{PA}/004.md", "status: open", "status: open\nsupported-by: [Norway]"),
        None,
    ),
    "ZD907": ("kenya-mission", lambda base: write_paragraph(base / PB / "007bis.md", "p-new000000001", "Text."), None),
    "ZD908": ("kenya-mission", lambda base: (base / f"{PA}/005.md").unlink(), None),
    "ZD909": ("kenya-mission", lambda base: (base / PA / "004bis.md").symlink_to("004.md"), None),
    "ZD911": (
        "kenya-mission",
        lambda base: edit(base / f"{PA}/005.md", "different", "differing"),
        lambda base: edit(base / f"{PA}/005.md", "different", "diverse"),
    ),
    "ZD912": (
        "kenya-mission",
        lambda base: edit(base / f"{PA}/004.md", "status: open", "status: open\nnote: Agreed."),
        None,
    ),
    "ZD913": ("kenya-mission", lambda base: _write(base / f"{PA}/005.md", "---\nid: [unclosed\n---\nText\n"), None),
    "ZD914": ("kenya-mission", lambda base: _write(base / PA / "a\\b.md", "Text.\n"), None),
    "ZD916": (
        "kenya-mission",
        lambda base: edit(base / f"{NAT}/006bis.md", "[strengthen][put in place]", "strengthen"),
        None,
    ),
    "ZD915": (
        "norway-mission",
        lambda base: edit(base / "outcome/delegations.yaml", "[norway-mission]", "[norway-mission, kenya-mission]"),
        None,
    ),
}
#: ``zerodraft import`` of a plain-text source, each breaking one rule of the import.
IMPORTED = {
    "ZD601": "Draft outcome document\n\nI. Introduction\n\nA. Scope\n\nloose words here\n\n1. The States decide to act.\n",
    "ZD602": "Draft outcome document\n\nI. Introduction\n\n1. The States decide to act.\n\n"
    "2. The States further decide to act.\n\n5. The States also decide to report.\n\n"
    "3. The States request a report.\n",
}
#: ``zerodraft import --language fr`` of a French text that lacks the example's paragraphs 4 to 7
#: (ZD660), and of the same text with a control character in it (ZD661).
FRENCH = "Document final\n\n1. Réitérant notre engagement.\n\n2. Deuxième alinéa.\n\n3. Troisième alinéa.\n"
#: Rules of the treaty model (articles, annexes, option blocks), each broken in the small treaty.
TREATY = {code: mutate for code, (mutate, _files) in TREATY_CASES.items()}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _languages(base: Path, languages: str) -> None:
    path = base / "outcome/document.yaml"
    path.write_text(path.read_text(encoding="utf-8") + languages, encoding="utf-8")


def _kept(
    base: Path,
    kept: str,
    relative: str = "",
    text: str = "",
    translates: str = "",
    ident: str = "",
    front: bool = True,
) -> None:
    """Keep the languages ``kept`` beside English and write one translation file ``relative``
    (with front matter naming the fingerprint of its original, unless ``front`` is false)."""
    from zerodraft.languages.records import fingerprint

    _languages(base, f"languages:\n  original: en\n  kept: {kept}\n")
    if not relative:
        return
    if not front:
        _write(base / "outcome" / relative, text + "\n")
        return
    original = base / "outcome" / (relative.split(".", 1)[0] + ".md")
    body = original.read_text(encoding="utf-8").split("---\n", 2)[2] if original.exists() else ""
    head = f"translates: {translates or fingerprint(body)}\n" + (f"id: {ident}\n" if ident else "")
    _write(base / "outcome" / relative, f"---\n{head}---\n{text}\n")


def policy_said(tmp_path: Path) -> dict[str, str]:
    """The first refusal of each policy rule with a fixture, as ``zerodraft pr-check`` prints it:
    one repository, a branch per rule (and a base branch that moves on, for a conflict)."""
    from zerodraft.git import Repository
    from zerodraft.policy.pullrequest import judge

    base = tmp_path / "policy"
    shutil.copytree(EXAMPLE, base / "outcome")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Draft 2")
    with_logins(base)
    repository = Repository(base)
    out: dict[str, str] = {}
    for code, (login, change, meanwhile) in sorted(POLICY.items()):
        git(base, "checkout", "-q", "-b", f"head-{code}", "main")
        change(base)
        git(base, "add", "-A")
        git(base, "commit", "-q", "-m", f"Proposal {code}")
        git(base, "checkout", "-q", "-b", f"base-{code}", "main")
        if meanwhile is not None:
            meanwhile(base)
            git(base, "commit", "-q", "-am", "Meanwhile on main")
        shas = [repository.resolve(f"{side}-{code}") for side in ("base", "head")]
        found = [p for p in judge(repository, shas[0], shas[1], login).problems if p.code == code]
        if found:
            out[code] = str(found[0])
        git(base, "checkout", "-q", "main")
    out["ZD910"] = _said("ZD910", base, "codeowners", "--check")  # the repository has no .github/CODEOWNERS
    return out


def _said(code: str, base: Path, *args: str) -> str:
    """The first line of ``zerodraft -C base args`` (stdout, then stderr) that reports ``code``."""
    return _lines(base, *args)[code]


def _lines(base: Path, *args: str) -> dict[str, str]:
    """The first line reporting each rule, of ``zerodraft -C base args`` (stdout, then stderr)."""
    from zerodraft.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["-C", str(base), *args])
    found: dict[str, str] = {}
    for line in (out.getvalue() + err.getvalue()).splitlines():
        problem = PROBLEM_LINE.match(line)  # path:line: CODE message, as check prints it
        if problem:
            found.setdefault(problem[1], line)
    return found


def intake_said(repo: Path, word_file: Path, tmp_path: Path) -> dict[str, str]:
    """Kenya's Word copy of Draft 2 taken in (``zerodraft intake``) after paragraph 18, which it
    amends, has left the text (ZD631), with paragraph 50's mark lost and its text changed (ZD630)."""
    import intake_helpers as word_edit
    from test_intake import by_number

    paragraphs = by_number(repo)
    word = word_edit.open_word(word_file)
    eighteen = word_edit.paragraph(word, paragraphs["18"].id)
    word_edit.replace(eighteen, "to minimize the risk of diversion", "to prevent the diversion", tracked=True)
    lost = word_edit.paragraph(word, paragraphs["50"].id)
    for start in list(lost.iter(word_edit.q("bookmarkStart"))):
        start.getparent().remove(start)
    word_edit.replace(lost, paragraphs["50"].text.split()[-1], "changed.", tracked=False)
    edited = word_edit.save(word, tmp_path / "kenya.docx")
    (repo / paragraphs["18"].path).unlink()
    git(repo, "commit", "-qam", "Paragraph 18 leaves")
    found = _lines(repo, "intake", str(edited), "--delegation", "Kenya")
    return {code: found[code] for code in ("ZD630", "ZD631")}


def imported_said(tmp_path: Path) -> dict[str, str]:
    """The problem each source of ``IMPORTED`` makes ``zerodraft import`` report."""
    out: dict[str, str] = {}
    for code, source in sorted(IMPORTED.items()):
        base = tmp_path / code
        _write(base / "source.txt", source)
        out[code] = _said(code, base, "import", "source.txt", "--into", "outcome")
    for code, french in (("ZD660", FRENCH), ("ZD661", FRENCH.replace("notre", "notre\x07"))):
        base = tmp_path / code
        shutil.copytree(EXAMPLE, base / "outcome")
        _languages(base, "languages:\n  original: en\n  kept: []\n")
        _write(base / "fr.txt", french)
        out[code] = _said(code, base, "import", "fr.txt", "--language", "fr", "--into", "outcome")
    return out


def rendered(tmp_path: Path) -> dict[str, str]:
    """The first message of each rule with a fixture, as ``zerodraft check`` prints it."""
    out: dict[str, str] = {}
    fixtures = [
        *((c, m, False) for c, (m, _) in CASES.items()),
        *((c, m, False) for c, m in EXTRA.items()),
        *((c, m, True) for c, m in TREATY.items()),
    ]
    for code, mutate, treaty in sorted(fixtures, key=lambda fixture: fixture[0]):
        base = tmp_path / code
        if treaty:
            write_treaty(base)
        else:
            shutil.copytree(EXAMPLE, base / "outcome")
        mutate(base)
        found = [p for p in problems_of(base) if p.code == code]
        if found:
            out[code] = str(found[0])
    return {**out, **policy_said(tmp_path), **imported_said(tmp_path / "import")}


def test_every_message_with_a_fixture_is_in_the_reference(tmp_path: Path, intake_repo: Path, word_file: Path) -> None:
    said = {**rendered(tmp_path), **intake_said(intake_repo, word_file, tmp_path)}
    text = "".join(f"{code}\t{message}\n" for code, message in sorted(said.items()))
    if os.environ.get("ZERODRAFT_REGENERATE"):
        DATA.write_text(text, encoding="utf-8")
    assert examples() == said, "a message changed: regenerate (see this module's docstring) and read docs/checks.md"
    covered = {
        code for code in [*CASES, *EXTRA, *TREATY] if code[:3] in ("ZD0", "ZD1", "ZD2", "ZD3", "ZD4", "ZD5", "ZD7")
    }
    covered |= {*POLICY, *IMPORTED, "ZD660", "ZD661", "ZD910"}
    assert covered <= set(said), sorted(covered - set(said))  # every fixture of test_check.py shows its message


def test_the_reference_shows_them() -> None:
    page = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert "## What each message says" in page
    for code, message in examples().items():
        assert f"| {code} | `" in page and message.split(": ", 1)[0] in page, code
    without = [r.code for r in RULES if r.code not in examples()]
    print(f"rules without an example message yet: {' '.join(without)}")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("ZD103", "needs 'status:', the consensus label"),
        ("ZD108", "is not a delegation"),
        ("ZD110", "still holds the markers of a merge conflict"),
        ("ZD303", "does not say by whom"),
    ],
)
def test_messages_in_plain_words(code: str, words: str) -> None:
    assert words in examples()[code]
