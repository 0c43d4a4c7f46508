"""The house in order: no import cycle anywhere in the package (imports inside functions and
under ``TYPE_CHECKING`` counted too), the rounds and the compilation in their packages, and
one place for the attributions and for "read and check"."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from conftest import EXAMPLE, REPO
from zerodraft import checks
from zerodraft.model import DELEGATION_FIELDS
from zerodraft.reader import checked, read
from zerodraft.source import WorkingTree

PACKAGE = REPO / "tooling" / "zerodraft"


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Module → the package's modules it imports, wherever in the file the import stands."""
    modules = {_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name in modules}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    stem = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*stem, base] if base else stem)
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    found.add(target if target in modules else base)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph`` (its strongly connected components of two or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle() -> None:
    graph = imports()
    assert len(graph) > 100
    assert cycles(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_rounds_and_compilation_are_packages() -> None:
    top = {path.stem for path in PACKAGE.glob("*.py")}
    gone = {"release", "release_steps", "release_notes", "renumber", "concordance", "proposal", "history"}
    assert not top & (gone | {"compilation", "compile", "compilation_markdown", "compilation_html", "compilation_word"})
    assert {"plan", "steps", "notes", "release", "drafts", "history"} <= {
        p.stem for p in (PACKAGE / "rounds").glob("*.py")
    }
    assert {"model", "md", "html", "docx"} <= {p.stem for p in (PACKAGE / "compilation").glob("*.py")}
    assert not (PACKAGE / "site" / "changes.py").exists()


def test_attributions_in_one_place(tmp_path: Path) -> None:
    document = read(WorkingTree(EXAMPLE.parent), EXAMPLE.name).document
    for paragraph in document.paragraphs():
        keys = tuple(key for key, _names in paragraph.attributions())
        assert keys == DELEGATION_FIELDS
        named = [name for _key, names in paragraph.attributions() for name in names]
        assert paragraph.delegations() == tuple(dict.fromkeys(named))
    assert any(p.delegations() for p in document.paragraphs())


def test_checked_is_read_then_every_check(tmp_path: Path) -> None:
    (tmp_path / "outcome").mkdir()
    for path in EXAMPLE.rglob("*"):
        target = tmp_path / "outcome" / path.relative_to(EXAMPLE)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(path.read_bytes())
    six = tmp_path / "outcome/01-a-implementation/01-national-level/006.md"
    six.write_text(six.read_text(encoding="utf-8").replace("status: open", "status: opne") + "[unclosed\n", "utf-8")
    source = WorkingTree(tmp_path)
    reading = read(source, "outcome")
    both = checked(source, "outcome")
    assert both.problems == tuple(sorted(set(reading.problems) | set(checks.run(reading.document))))
    assert len(both.problems) >= 2 and list(both.problems) == sorted(both.problems)


def test_the_registry_attaches_the_code() -> None:
    """A check says where and what; the code is the rule's, attached by the registry."""
    from zerodraft.checks import registry, text
    from zerodraft.model import Problem

    document = read(WorkingTree(EXAMPLE.parent), EXAMPLE.name).document
    paragraph = next(iter(document.paragraphs()))
    check = next(c for c in registry.PARAGRAPH_CHECKS if c.func is text.has_text)
    finding = registry.at(paragraph, 2, "paragraph 1 has no text")
    assert check.attach(finding) == Problem(paragraph.path, paragraph.text_line + 1, "ZD405", "paragraph 1 has no text")
    whole = Problem(paragraph.path, 3, "ZD301", "an older check's own problem")
    assert check.attach(whole) is whole
    empty = dataclasses.replace(paragraph, text=" ")
    assert [check.attach(found).code for found in check.func(document, empty)] == ["ZD405"]
