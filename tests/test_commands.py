"""The command line as a whole: the generated reference (docs/commands.md), the options every
command shares (one spelling, one help text), and the old spellings kept for one release."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from zerodraft.commands import _options
from zerodraft.commands.help import command_parser, markdown
from zerodraft.errors import Fatal
from zerodraft.main import COMMANDS, main, parser


def test_docs_commands_is_generated_from_the_parser() -> None:
    assert (REPO / "docs" / "commands.md").read_text(encoding="utf-8") == markdown(), (
        "docs/commands.md is stale: run `zerodraft help --markdown > docs/commands.md`"
    )


def test_reference_names_every_command_and_every_option() -> None:
    text = markdown()
    for name in COMMANDS:
        assert f"## zerodraft {name}\n" in text
        assert f"usage: zerodraft {name} " in text
    assert "--formats" not in text  # old spellings work but are not taught


def test_help_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help", "release"]) == 0
    assert capsys.readouterr().out == command_parser("release").format_help()
    assert main(["help"]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in COMMANDS)
    assert main(["help", "relase"]) == 2
    assert "there is no command 'relase'" in capsys.readouterr().err


def _options_named(option: str) -> dict[str, argparse.Action]:
    """For each command with ``option``, the parser's action for it."""
    found = {}
    for name in COMMANDS:
        for action in command_parser(name)._actions:
            if option in action.option_strings and action.help != argparse.SUPPRESS:
                found[name] = action
    return found


def test_root_is_one_option_everywhere() -> None:
    roots = _options_named("--root")
    assert len(roots) >= 12
    assert {(a.metavar, a.default, a.help) for a in roots.values()} == {
        ("DIR", "outcome", "the document folder (default: outcome)")
    }


def test_ref_and_output_read_the_same_everywhere() -> None:
    refs = _options_named("--ref")
    assert set(refs) == {"build", "status", "site"}
    assert all(a.metavar == "REF" and "a commit" in str(a.help) for a in refs.values())
    outputs = _options_named("-o")
    assert {"build", "release", "site", "diff", "compile"} <= set(outputs)
    assert all(a.option_strings == ["-o", "--output"] and a.metavar in {"FILE", "DIR"} for a in outputs.values())


def test_report_formats_are_one_vocabulary() -> None:
    for name, action in _options_named("--format").items():
        if action.choices is None or name in {"diff", "labels", "compile"}:  # file formats, not reports
            continue
        assert set(action.choices) <= set(_options.REPORT_FORMATS), name


@pytest.mark.parametrize(
    ("argv", "dest", "value", "note"),
    [
        (["release", "--formats", "none", "Draft 3"], "format", "none", "--formats is now --format"),
        (
            ["propose", "amend", "6", "--delegation", "Kenya", "--branch"],
            "new_branch",
            "",
            "--branch is now --new-branch",
        ),
        (
            ["propose", "amend", "6", "--delegation", "Kenya", "--branch", "kenya/x"],
            "new_branch",
            "kenya/x",
            "--branch",
        ),
        (["import", "draft.txt", "--into", "outcome", "--format", "docx"], "source_format", "docx", "--source-format"),
        (["compile", "--format", "word"], "format", "docx", "--format word is now --format docx"),
        (["compile", "--format", "markdown"], "format", "md", "--format markdown is now --format md"),
    ],
)
def test_old_spellings_still_work_with_a_note(
    argv: list[str], dest: str, value: str, note: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parser(argv[0]).parse_args(argv)
    assert getattr(args, dest) == value
    err = capsys.readouterr().err
    assert note in err and "removed in the next release" in err


@pytest.mark.parametrize(
    ("argv", "dest", "value"),
    [
        (["release", "Draft 3"], "format", "all"),
        (["propose", "amend", "6", "--delegation", "Kenya"], "new_branch", None),
        (["import", "draft.txt", "--into", "outcome"], "source_format", None),
    ],
)
def test_new_spellings_and_defaults_say_nothing(
    argv: list[str], dest: str, value: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert getattr(parser(argv[0]).parse_args(argv), dest) == value
    assert capsys.readouterr().err == ""


KNOWN = ["md", "txt", "html", "docx"]


def test_format_list() -> None:
    assert _options.format_list("all", KNOWN) == KNOWN
    assert _options.format_list(" NONE ", KNOWN) == []
    assert _options.format_list("html, md,html", KNOWN) == ["html", "md"]
    for bad, shown in [("md,doc", "'doc'"), ("", "''"), (",", "','"), ("all,md", "'all'")]:
        with pytest.raises(Fatal) as raised:
            _options.format_list(bad, KNOWN)
        assert f"unknown format {shown}; choose from md,txt,html,docx, all or none" == raised.value.message


@given(st.lists(st.sampled_from(KNOWN), min_size=1))
def test_format_list_keeps_the_order_given(names: list[str]) -> None:
    assert _options.format_list(",".join(names), KNOWN) == list(dict.fromkeys(names))


def test_dates() -> None:
    assert _options.date(None) is None
    assert str(_options.date("2021-07-19")) == "2021-07-19"
    with pytest.raises(Fatal, match="'19 July' is not a date like 2021-07-19"):
        _options.date("19 July")


def test_check_reports_as_github_annotations(
    document: Path, make_paragraph: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --format github``: the same problems as ``--format json``, each as a workflow
    command GitHub shows on the file's line."""
    make_paragraph("01-a-implementation/009.md", "op-new", "To act.", status="agred")
    assert main(["-C", str(document), "check", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert problems
    assert main(["-C", str(document), "check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(problems)
    for line, problem in zip(lines, problems, strict=True):
        assert line.startswith(f"::error file={problem['path']},line={problem['line']},title={problem['code']}::")
