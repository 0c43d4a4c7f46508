"""Reading YAML that delegations wrote: fast, and data only.

zerodraft reads thousands of small front matters on every check, so reading uses PyYAML's
C parser (libyaml) with the safe constructor, further restricted:

- no aliases or merge keys (``*name``, ``<<``): they are how "YAML bombs" blow up, and no
  paragraph needs them;
- no custom tags (``!!python/object``): refused by the safe constructor;
- duplicate keys are an error, not "last one wins";
- YAML 1.2 booleans only (``true``/``false``), so ``NO`` stays the string "NO";
- no hidden or control character written as an escape in a quoted value (``"\\u001b"``,
  ``"\\u202e"``): the checks of :mod:`zerodraft.decode` read the file as written and would
  not see it, yet a title or a note would carry it into every output.

Most front matter is a handful of ``key: value`` and ``key: [a, b]`` lines, and building a
full YAML loader for each costs more than reading the file.  :func:`load` therefore first
tries :func:`_simple`, which accepts only that flat form, with values that YAML itself
resolves to strings (it asks the same resolver), one-line quoted strings with no escape but
``\\n``, ``\\"`` and ``\\\\`` (the headings and numbers of ``section.yaml``), and ``true``/``false``,
and gives up — falling back to libyaml — on anything else: comments after values, other
escapes, nesting, duplicate keys, numbers, dates.
A property test checks that whenever it accepts a text, the result equals libyaml's.

Writing (``--fix``, proposals, releases) goes through ruamel.yaml, which keeps comments and
key order; see :mod:`zerodraft.frontmatter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from zerodraft import characters

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """YAML a user must fix; ``line`` is 1-based within the text given to :func:`load`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed YAML document and where its top-level keys are."""

    data: Any
    """The value: dicts, lists, strings, numbers, booleans, dates, None."""
    key_lines: dict[str, int]
    """For a mapping at the top, the 1-based line of each key."""


class _Loader(_Base):  # type: ignore[misc]
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.key_lines: dict[str, int] = {}
        self.text = stream

    def construct_scalar(self, node: Node) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str) and getattr(node, "style", None) == '"' and characters.has_hidden(value):
            written = self.text[node.start_mark.index : node.end_mark.index]
            escaped = next((f for f in characters.hidden(value) if f.char not in written), None)
            if escaped is not None:  # a hidden character written as written is decode's (ZD005, ZD009, ZD010)
                raise YamlProblem(
                    node.start_mark.line + 1,
                    f"writes {escaped.codepoint}, a hidden or control character, as an escape in a quoted value; "
                    "delete the escape",
                )
        return value

    def construct_document(self, node: Node) -> Any:
        if isinstance(node, MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, ScalarNode):
                    self.key_lines.setdefault(key_node.value, key_node.start_mark.line + 1)
        return super().construct_document(node)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem(
                node.start_mark.line + 1,
                "uses a YAML alias (*name); write the value out in full instead",
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: Node, deep: bool = False) -> Any:
        seen: dict[str, int] = {}
        assert isinstance(node, MappingNode)
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(line, "uses a YAML merge key (<<); write the keys out in full")
            if isinstance(key_node, ScalarNode):
                if key_node.value in seen:
                    raise YamlProblem(
                        line,
                        f"has '{key_node.value}:' on two lines; keep one of them",
                    )
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


_bool = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _bool, list("tTfF"))


def load(text: str) -> Loaded:
    """Parse one YAML document, or raise :class:`YamlProblem` with a plain message."""
    simple = _simple(text)
    if simple is not None:
        return simple
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(*_plain(error, text)) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml always marks errors
        raise YamlProblem(1, f"is not valid YAML ({error})") from None
    except RecursionError:
        raise YamlProblem(1, "is nested too deeply to read") from None
    finally:
        loader.dispose()
    return Loaded(data, loader.key_lines)


def _plain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line at fault and what to write there, in the words of the file rather than the
    parser's ("while scanning a simple key could not find expected ':'" is a missing space
    after 'status:' on the line before)."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or ""
    if "could not determine a constructor" in problem or "tag" in problem:
        tag = problem.split("tag", 1)[-1].strip(" '")
        return line, f"uses the YAML tag {tag}; tags are not allowed, write plain values"
    lines = text.split("\n")
    context = error.context or ""

    def back(wanted: Callable[[str], bool]) -> int:
        """The nearest line at or above the error that ``wanted`` accepts (1-based), or 0."""
        for number in range(min(line, len(lines)), 0, -1):
            if wanted(lines[number - 1]):
                return number
        return 0

    if "simple key" in context:
        found = back(lambda raw: bool(raw.strip()) and ": " not in raw and not raw.lstrip().startswith("#"))
        raw = lines[found - 1].strip() if found else ""
        glued = _GLUED.match(raw)
        if glued:
            return found, f"needs a space after '{glued.group(1)}:' — write '{glued.group(1)}: {glued.group(2)}'"
        if found and ":" not in raw:
            return found, f"has a line without ':' ('{_short(raw)}'); write each field as 'key: value'"
    if "flow" in context or "end of stream" in problem or "<stream end>" in problem:
        found = back(lambda raw: raw.count("[") > raw.count("]"))
        if found:
            raw = lines[found - 1].rstrip().rstrip(",")
            return found, f"has a list without its closing ']' — write '{_short(raw)}]'"
    if "flow mapping" in context:
        found = back(lambda raw: "{" in raw)
        if found:
            return (
                found,
                "has a '{' without its closing '}'; a list of names is written in square brackets: [Kenya, Norway]",
            )
    if "quoted scalar" in context:
        found = back(lambda raw: raw.count('"') % 2 == 1 or raw.count("'") % 2 == 1)
        if found:
            quote = '"' if lines[found - 1].count('"') % 2 else "'"
            return found, f"has a value that opens a quote ({quote}) and never closes it; add the closing {quote}"
    raw = lines[line - 1] if 0 < line <= len(lines) else ""
    if "mapping values are not allowed" in problem:
        if raw[:1].isspace():
            return (
                line,
                f"has a line that starts with spaces ('{_short(raw.strip())}'); start each field at the beginning of the line",
            )
        key, _, value = raw.partition(":")
        if value.strip():
            return (
                line,
                f"has ': ' inside the value of '{key.strip()}'; put the value in quotes: {key.strip()}: \"{_short(value.strip())}\"",
            )
    if "tab" in problem:
        return line, "has a tab; indent with spaces, or start the line at the beginning"
    if "cannot start any token" in problem and mark is not None and 0 <= mark.column < len(raw):
        key, _, value = raw.partition(":")
        return (
            line,
            f"has a value that starts with '{raw[mark.column]}'; put it in quotes: {key.strip()}: \"{_short(value.strip())}\"",
        )
    return line, (
        "is not valid YAML here; write each field as 'key: value', a list as [Kenya, Norway], "
        "and put a value holding ':' or '#' in quotes"
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_GLUED = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(\S.*)$")


_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*$")
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^:#,\[\]{}]|:(?=\S)|(?<=\S)#)*$")
_STR = "tag:yaml.org,2002:str"


class _Resolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


_resolver = _Resolver()


@lru_cache(maxsize=4096)
def _string(value: str) -> bool:
    return (
        value.isprintable()
        and bool(_PLAIN.match(value))
        and not value.endswith(":")
        and _resolver.resolve(ScalarNode, value, (True, False)) == _STR  # type: ignore[no-untyped-call]
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_SINGLE = re.compile(r"^'((?:[^']|'')*)'$")
_DOUBLE = re.compile(r'^"((?:[^"\\]|\\[n"\\])*)"$')
_ESCAPES = {"n": "\n", '"': '"', "\\": "\\"}
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _quoted(value: str) -> str | None:
    """A one-line quoted scalar's string — ``'it''s'``, ``"Article 7\\nUse of terms"`` with
    only the escapes ``\\n``, ``\\"`` and ``\\\\`` — or ``None`` for anything else."""
    if not value.isprintable():
        return None
    single = _SINGLE.match(value)
    if single:
        return single.group(1).replace("''", "'")
    double = _DOUBLE.match(value)
    if double:
        return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], double.group(1))
    return None


def _simple(text: str) -> Loaded | None:
    """The flat ``key: value`` / ``key: [a, b]`` form, or ``None`` to use libyaml."""
    if _CONTROL.search(text):
        return None  # control characters: let libyaml refuse them
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.isprintable():  # control characters, tabs: libyaml decides (str.strip eats \x1c-\x1f)
            return None
        if not line or line.isspace():
            continue
        match = _KEY_LINE.match(line)
        if not match or match.group(1) in data:
            return None
        key, value = match.group(1), match.group(2)
        if not value:
            parsed: Any = None
        elif value[0] == "[" and value[-1] == "]":
            inner = value[1:-1].strip(" \t")  # YAML's white space only: "\xa0" is data
            items = [item.strip(" \t") for item in inner.split(",")] if inner else []
            if not all(_string(item) for item in items):
                return None
            parsed = items
        elif _string(value):
            parsed = value
        elif (quoted := _quoted(value)) is not None:
            parsed = quoted
        elif value in _BOOLEANS:
            parsed = _BOOLEANS[value]
        else:
            return None
        data[key] = parsed
        lines[key] = number
    return Loaded(data or None, lines)
