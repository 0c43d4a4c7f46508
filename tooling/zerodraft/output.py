"""Writing results whole or not at all: into a temporary place on the same file system,
then moved into place with :func:`os.replace`, so a reader never sees half a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def temporary_folder_beside(path: Path) -> Path:
    """An empty folder on the same file system as ``path``, to build into before moving."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))


def move_folder_into_place(built: Path, path: Path) -> None:
    """Replace ``path`` (absent or an empty folder) by the folder ``built``."""
    path = path.resolve()
    if path.exists() and any(path.iterdir()):
        shutil.rmtree(built, ignore_errors=True)
        raise FileExistsError(f"{path} is not empty")
    if path.exists():
        path.rmdir()
    os.replace(built, path)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
