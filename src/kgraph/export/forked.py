"""Sharing a build's exports between this process and a forked one.

After linking, the graph is only read. A child made by ``fork`` sees it without a copy, so
with two cores the child writes some files (Turtle and TriG) while this process writes the
others (JSON, HTML): :func:`kgraph.export.write_exports` does so when :func:`fork_allowed`.
``kgraph build`` also starts ``events.jsonl`` (made from the per-document results alone) in a
child before it links (:func:`kgraph.export.start_exports`).

* Only when it is safe: on Linux (where ``fork`` is the multiprocessing default and memory
  is shared page by page), from a process that runs one thread (a fork
  copies no other thread, and a lock another thread held would stay held in the child).
* Only when it is cheap: the child shares this process's memory until either writes to it,
  and reading a Python object writes its reference count, so the child may come to copy as
  much memory as the graph takes. Processes above ``Settings.export_fork_limit_mb`` (640 MiB,
  builds of about 6,000 articles) write every file themselves (the 34,626-article build stays
  under its memory target).

The child stages its files with :class:`~kgraph.export.staging.atomic_write` (temporary names
carry this process's id, so they are not taken for a killed build's while it lives), syncs them,
and sends their names through a pipe. This process adopts them and renames them with its own:
the folder is still replaced as a whole. A child that fails removes its files and sends the
error; this process then discards everything and raises :class:`~kgraph.errors.ExportError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import resource
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from kgraph import errors
from kgraph.config import Settings
from kgraph.errors import ExportError, KGraphError
from kgraph.export.staging import atomic_write

__all__ = ["ForkedWriter", "fork_allowed", "share"]

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1  # linux/prctl.h

#: Staging work run in the child: takes the id of the process that will rename the files.
Stage = Callable[[int], list[atomic_write]]


def fork_allowed(settings: Settings) -> bool:
    """Whether exports may be shared with a forked process (see the module docstring).

    >>> fork_allowed(Settings())  # one process asked for
    False
    """
    if settings.processes < 2 or settings.export_fork_limit_mb <= 0:
        return False
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    return _peak_rss_mb() < settings.export_fork_limit_mb


def _peak_rss_mb() -> float:
    """The most memory this process has held so far, in MiB (Linux counts KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10


def share(items: Sequence[T], group: Callable[[T], str], cost: Callable[[T], float]) -> tuple[list[T], list[T]]:
    """Split ``items`` in two lists of about equal total ``cost``; items of one ``group`` stay together.

    Groups are placed heaviest first, each on the lighter side (ties: the first side); each
    list keeps the order of ``items``. The first list holds the heaviest group.

    >>> costs = {"turtle": 4, "trig": 3, "json": 2, "html": 1.5}
    >>> share(list(costs), lambda n: "rdf" if n in ("turtle", "trig") else n, costs.__getitem__)
    (['turtle', 'trig'], ['json', 'html'])
    """
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    first: set[str] = set()
    loads = [0.0, 0.0]
    for name in sorted(groups, key=lambda g: -sum(map(cost, groups[g]))):  # heaviest first
        side = 0 if loads[0] <= loads[1] else 1
        loads[side] += sum(map(cost, groups[name]))
        if side == 0:
            first.add(name)
    return [x for x in items if group(x) in first], [x for x in items if group(x) not in first]


class ForkedWriter:
    """A forked child that runs ``stage`` and hands its staged files to this process.

    Call :meth:`staged` to wait for them, or :meth:`cancel` to stop the child and remove them.
    """

    def __init__(self, stage: Stage, filenames: Sequence[str]) -> None:
        self.filenames = list(filenames)
        self.names = ", ".join(filenames)
        owner = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read)
            _run_child(stage, owner, write)
        os.close(write)
        self._pid: int | None = pid
        self._read = read

    def staged(self) -> list[atomic_write]:
        """The child's staged files, adopted by this process (wait for them).

        Raises:
            ExportError: when the child failed or was killed (its files are removed).
        """
        report, status = self._finish()
        if "staged" not in report or status != 0:
            kind = getattr(errors, str(report.get("kind")), None)
            if isinstance(kind, type) and issubclass(kind, errors.KGraphError):
                raise kind(str(report["error"]))  # what writing in this process would have raised
            reason = report.get("error") or f"it ended with status {status}"
            raise ExportError(f"writing {self.names} in a second process failed: {reason}")
        return [atomic_write.adopt(Path(path), temporary) for path, temporary in report["staged"]]

    def cancel(self) -> None:
        """Stop the child (if it runs) and remove the files it staged."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGTERM)
        report, _ = self._finish()
        for path, temporary in report.get("staged", ()):
            atomic_write.adopt(Path(path), temporary).discard()

    def _finish(self) -> tuple[dict[str, Any], int]:
        """Read the child's report and reap it: (report, exit code)."""
        chunks = []
        while chunk := os.read(self._read, 1 << 16):
            chunks.append(chunk)
        os.close(self._read)
        _, status = os.waitpid(self._pid, 0)  # type: ignore[arg-type]
        self._pid = None
        try:
            report = json.loads(b"".join(chunks) or b"{}")
        except ValueError:
            report = {}
        return report, os.waitstatus_to_exitcode(status)


def _run_child(stage: Stage, owner: int, fd: int) -> NoReturn:
    """The child's whole life: stage the files, report them (or the error) on ``fd``, exit."""
    code, report, staged = 1, dict[str, Any](), list[atomic_write]()
    try:
        gc.disable()  # the graph is frozen; a collection would only copy its pages
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent cancels this child
        signal.signal(signal.SIGTERM, _stop)
        _stop_with_parent(owner)
        staged = stage(owner)
        for done in staged:
            done.synced()
        report, code = {"staged": [[str(done.path), done.temporary] for done in staged]}, 0
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which raises
        report = {"error": str(err) if isinstance(err, KGraphError) else f"{type(err).__name__}: {err}"}
        report["kind"] = type(err).__name__
        for done in staged:
            done.discard()
    finally:
        with contextlib.suppress(OSError):
            _write_all(fd, json.dumps(report).encode("utf-8"))
        os._exit(code)  # no atexit handlers, no flush of the parent's buffers


def _stop_with_parent(parent: int) -> None:
    """Have the kernel send SIGTERM to this process when ``parent`` dies (a killed build's child
    then removes its files instead of writing on for nobody)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it died before that
        raise SystemExit(1)


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
