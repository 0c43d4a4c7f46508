"""Paragraph files: YAML front matter between ``---`` lines, then the text in Markdown.

::

    ---
    id: p-4f2a9c1e7b3d
    status: open
    proposed-by: [European Union]
    ---
    To ensure adequate national controls …

Reading is :func:`split` plus :func:`zerodraft.safeyaml.load`.  Writing is
:func:`render` / :func:`update`, which go through ruamel.yaml so that an existing file keeps
its comments and key order when the tooling changes one field.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml import YAML


DELIMITER = "---"


@dataclass(frozen=True, slots=True)
class Split:
    """A paragraph file cut into its two parts."""

    meta: str
    """The YAML between the delimiters (without them)."""
    meta_line: int
    """The line of the file on which the YAML starts (2 for a well-formed file)."""
    body: str
    """The Markdown text after the closing delimiter."""
    body_line: int
    """The line of the file on which the text starts."""


class NoFrontMatter(Exception):
    """The file does not start with front matter; ``line`` says where reading stopped."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def split(text: str) -> Split:
    """Cut a file into front matter and text, or raise :class:`NoFrontMatter`."""
    if text.startswith("---\n"):  # nearly every file: find the closing line without cutting all
        at = 3
        while (at := text.find("\n---", at)) != -1:
            end = text.find("\n", at + 4)
            line = text[at + 1 :] if end == -1 else text[at + 1 : end]
            if line.rstrip() == DELIMITER:
                body = "" if end == -1 else text[end + 1 :]
                return Split(text[4:at], 2, body, text.count("\n", 0, at + 1) + 2)
            at += 1
        raise NoFrontMatter(text.count("\n") + 1, "has no closing '---' line after the front matter")
    return _split(text)


def _split(text: str) -> Split:
    """:func:`split` line by line, for any first line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        raise NoFrontMatter(1, "does not start with front matter: the first line must be '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == DELIMITER:
            meta = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return Split(meta, 2, body, index + 2)
    raise NoFrontMatter(len(lines), "has no closing '---' line after the front matter")


def _yaml() -> YAML:
    from ruamel.yaml import YAML  # imported here: reading never needs it

    yaml = YAML()  # round-trip: keeps comments, key order and quoting
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.default_flow_style = None
    return yaml


def render(meta: Mapping[str, Any], body: str) -> str:
    """A new paragraph file from its fields and text (lists written inline)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = CommentedMap()
    data.fa.set_block_style()
    for key, value in meta.items():
        if isinstance(value, list | tuple):
            seq = CommentedSeq(value)
            seq.fa.set_flow_style()
            data[key] = seq
        else:
            data[key] = value
    return _assemble(data, body)


def update(text: str, changes: Mapping[str, Any], body: str | None = None) -> str:
    """The file with some fields changed (``None`` removes one), comments kept."""
    parts = split(text)
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = _yaml().load(parts.meta) or CommentedMap()
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        elif isinstance(value, list | tuple):
            seq = CommentedSeq(value)
            seq.fa.set_flow_style()
            data[key] = seq
        else:
            data[key] = value
    return _assemble(data, parts.body if body is None else body)


def update_yaml(text: str, changes: Mapping[str, Any]) -> str:
    """A whole YAML file (``section.yaml``) with some top-level keys set, comments, key
    order and quoting kept."""
    yaml = _yaml()
    yaml.preserve_quotes = True
    data = yaml.load(text)
    for key, value in changes.items():
        data[key] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def yaml_value(text: str, key: str) -> Any:
    """The value of top-level ``key`` in a YAML file already read clean, or ``None``."""
    import yaml  # libyaml's safe loader: reading a value needs no round trip

    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data.get(key) if isinstance(data, dict) else None


def _assemble(data: Any, body: str) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    body = body.strip("\n")
    return f"{DELIMITER}\n{out.getvalue()}{DELIMITER}\n{body}\n"
