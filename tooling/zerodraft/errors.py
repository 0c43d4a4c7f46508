"""The one kind of failure that is not a :class:`~zerodraft.model.Problem`.

A :class:`Fatal` is raised when the environment, not a file, is wrong — no git repository,
no ``outcome/`` folder, a ref that does not exist — and is printed once, as a single line,
by :mod:`zerodraft.main`.  Anything else escaping a command is a bug.
"""

from __future__ import annotations


class Fatal(Exception):
    """Stop the command with one plain-English line and exit code 2."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
