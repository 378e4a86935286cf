"""Writing files atomically: a temporary file next to the target, synced, then renamed over it.

:class:`atomic_write` is the one way kgraph writes an output file: a build killed at any
moment (even SIGKILL) leaves every old file intact or replaced by its complete new
version. :func:`remove_stale_temporaries` removes what a killed build left behind.
A file staged in another process (see :mod:`kgraph.export.forked`) is taken over with
:meth:`atomic_write.adopt` and renamed with the others.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "remove_stale_temporaries", "remove_temporaries_of"]


class atomic_write:
    """Context manager: a binary stream to a temporary file renamed over ``path`` on success.

    The temporary file (``.<name>.<pid>.<random>.tmp`` in the same folder) is flushed and
    synced to disk before the rename, and the folder is synced after it, so a crash at any
    moment leaves either the old file or the complete new one (with ``commit=False`` the sync
    runs in a thread while the caller writes its next file). On an exception the
    temporary file is removed and the old file is left alone. With ``commit=False`` the
    rename waits for :meth:`commit` (several files renamed together) or :meth:`discard`.

    Args:
        path: The file to write.
        commit: Rename when the block ends without an exception.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_write(path) as stream:
        ...     _ = stream.write(b"complete")
        >>> path.read_bytes()
        b'complete'
    """

    def __init__(self, path: Path, *, commit: bool = True, owner: int | None = None) -> None:
        self.path = Path(path)
        self._commit = commit
        self._owner = owner  # the process that renames the file (its id is in the temporary name)
        self._tmp: IO[bytes] | None = None
        self._syncing: _Syncing | None = None
        self._name = ""

    @classmethod
    def adopt(cls, path: Path, temporary: str) -> atomic_write:
        """Take over ``temporary``, a complete file on disk another process staged for ``path``.

        :meth:`commit` renames it over ``path``, :meth:`discard` removes it.
        """
        staged = cls(path, commit=False)
        staged._name = temporary
        return staged

    @property
    def temporary(self) -> str:
        """The temporary file's path (empty before the block is entered)."""
        return self._name

    def synced(self) -> None:
        """Wait until the staged file is on disk (raise the sync's error, if any)."""
        if self._syncing is not None:
            self._syncing.wait()

    def __enter__(self) -> IO[bytes]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{self.path.name}.{self._owner or os.getpid()}."
        fd, self._name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, _FILE_MODE)
        self._tmp = os.fdopen(fd, "wb")
        return self._tmp

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self._tmp is None:
            return
        if exc_type is None and not self._commit:  # sync in the background until commit() or discard()
            self._tmp.flush()
            self._syncing = _Syncing(self._tmp)
            return
        try:
            if exc_type is None:
                self._tmp.flush()
                os.fsync(self._tmp.fileno())
        finally:
            self._tmp.close()
        if exc_type is not None:
            self.discard()
        elif self._commit:
            self.commit()

    def commit(self) -> None:
        """Rename the complete temporary file over the target (once it is on disk)."""
        self.synced()
        os.replace(self._name, self.path)
        _fsync_dir(self.path.parent)

    def discard(self) -> None:
        """Remove the temporary file (the target is left as it was)."""
        if self._syncing is not None:
            with contextlib.suppress(OSError):
                self._syncing.wait()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._name)


class _Syncing:
    """Syncs a written file to disk and closes it in a thread, while the next file is written."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream, self._error = stream, None
        self._thread = threading.Thread(target=self._run, name="kgraph-fsync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            os.fsync(self._stream.fileno())
        except OSError as err:
            self._error = err  # type: ignore[assignment]
        finally:
            self._stream.close()

    def wait(self) -> None:
        """Wait until the file is synced and closed; raise the sync's error, if any."""
        self._thread.join()
        if self._error is not None:
            raise self._error


#: Mode of written files (mkstemp would make them private to the user).
_FILE_MODE = 0o644
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp")


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files that a killed :class:`atomic_write` left in ``folder``.

    Only files named by :class:`atomic_write` whose process is gone are removed, so a build
    writing into the same folder at the same time is not disturbed.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".graph.ttl.999999999.abc.tmp").write_bytes(b"partial")
    >>> [p.name for p in remove_stale_temporaries(folder)]
    ['.graph.ttl.999999999.abc.tmp']
    """
    removed = []
    for path in sorted(folder.glob(".*.tmp")):
        match = _TEMP_NAME.fullmatch(path.name)
        if match and not _alive(int(match["pid"])):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def remove_temporaries_of(folder: Path, pid: int) -> list[Path]:
    """Remove the temporary files in ``folder`` named for process ``pid`` (a failed export's).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".graph.ttl.42.abc.tmp").write_bytes(b"partial")
    >>> [p.name for p in remove_temporaries_of(folder, 42)], remove_temporaries_of(folder, 42)
    (['.graph.ttl.42.abc.tmp'], [])
    """
    removed = []
    for path in sorted(folder.glob(f".*.{pid}.*.tmp")):
        match = _TEMP_NAME.fullmatch(path.name)
        if match and int(match["pid"]) == pid:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (not possible on every platform; then a no-op)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
