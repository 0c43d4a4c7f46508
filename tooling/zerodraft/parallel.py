"""Spread a pure function over the machine's cores, for the few jobs big enough to gain.

Reading 10,000 paragraph files is the one place where zerodraft does enough independent work
to be worth a second process.  :func:`split_map` forks once (no interpreter start-up, no
re-import: the child inherits the data) and takes the results back through a pipe with
:mod:`marshal`, which carries only plain values — nothing in it can run code.  Any failure in
the child, or a platform without ``fork``, falls back to doing the work here: the result is
always the same list, only the time differs.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

#: Below this many items a second process costs more than it saves.
THRESHOLD = 2_000


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def split_map(func: Callable[[Sequence[T]], list[Any]], items: Sequence[T], threshold: int | None = None) -> list[Any]:
    """``func(items)``, computed in two halves at once when ``items`` is large.

    ``func`` must be pure and return a list of plain values (``marshal``-able: str, int,
    tuples, lists, None …).
    """
    if len(items) < (THRESHOLD if threshold is None else threshold) or cores() < 2 or not hasattr(os, "fork"):
        return func(items)
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute the second half, send it, leave without clean-up
        status = 1
        try:
            os.close(read_end)
            data = marshal.dumps(func(items[half:]))
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    pipe = os.fdopen(read_end, "rb")
    try:
        mine = func(items[:half])
        data = pipe.read()
    finally:
        pipe.close()  # on an error here, a child still writing gets a broken pipe and leaves
        _, status = os.waitpid(pid, 0)
    if status != 0:
        return mine + func(items[half:])
    theirs: list[Any] = marshal.loads(data)
    return mine + theirs
