"""Writing results whole or not at all: into a temporary place on the same file system,
then moved into place with :func:`os.replace`, so a reader never sees half a file and a
failure (or Ctrl-C) leaves what was there.

The one place for it: a file (:func:`write_atomically`), several files of one folder that
appear together (:class:`Staged`), a folder built beside its place
(:func:`temporary_folder_beside`) and moved into an empty place
(:func:`move_folder_into_place`) or over an older one (:func:`replace_folder`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from zerodraft.errors import Fatal


def write_atomically(
    path: Path, data: str | bytes, *, make_folder: bool = True, keep_mode: bool = False, sync: bool = False
) -> None:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was.

    ``make_folder=False`` refuses (:class:`Fatal`) a folder that does not exist instead of
    making it; ``keep_mode`` gives the new file the permissions of the one it replaces
    (otherwise those the umask allows); ``sync`` flushes it to disk before the move."""
    if not make_folder and not path.parent.is_dir():
        raise Fatal(f"there is no folder '{path.parent}' to write {path.name} into")
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if keep_mode and path.exists() else 0o666 & ~_umask()
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Staged:
    """Files of one folder written beside their places and moved in together at the end::

    with Staged(folder) as staged:
        staged.write("draft-2.html", html)
        staged.write("draft-2.docx", docx)
    # both are in place here; after a failure inside the block, neither is (nor any temporary)
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._files: list[tuple[str, Path]] = []

    def write(self, name: str, data: bytes) -> Path:
        """Stage ``data`` as the file ``name`` of the folder; return where it will be."""
        target = self.folder / name
        if target.parent != self.folder:
            raise Fatal(f"'{name}' is not a plain file name")
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{target.name}.", suffix=".part")
        self._files.append((temporary, target))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        return target

    def __enter__(self) -> Staged:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is None:
                for temporary, target in self._files:
                    os.replace(temporary, target)
        finally:
            for temporary, _target in self._files:
                Path(temporary).unlink(missing_ok=True)

    @property
    def paths(self) -> list[Path]:
        """The files, in the order they were written."""
        return [target for _temporary, target in self._files]


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


def replace_folder(built: Path, path: Path) -> None:
    """Put the folder ``built`` where ``path`` is, replacing what is there: the old folder
    is moved aside, the new one moved in (the old one put back if that fails, Ctrl-C
    included), then the old one removed.  A reader sees the old folder or the new one."""
    path = Path(os.path.abspath(path))
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        if path.exists():
            path.rmdir()
        os.replace(built, path)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.replaced-", dir=path.parent))
    try:
        os.replace(path, aside / path.name)
        try:
            os.replace(built, path)
        except BaseException:
            os.replace(aside / path.name, path)
            raise
    finally:
        if path.is_dir():  # the new folder, or the old one back: nothing to keep aside
            shutil.rmtree(aside, ignore_errors=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
