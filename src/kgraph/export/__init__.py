"""Exporters, registered by format name (like rdflib's serializers).

An exporter is a function ``write(kg, stream, *, settings) -> None`` that writes bytes
to a binary stream. Built-in exporters are registered lazily by dotted path, so
``import kgraph`` imports neither rdflib's serializers nor pyvis. :func:`export` resolves
the destination (path, stream or ``None`` for bytes) in one place; :func:`write_exports`
writes many formats into a folder atomically (temporary file, then rename).

>>> sorted(list_exporters())[:3]
['csv', 'csv-actors', 'events']
>>> get_spec("turtle").filename
'graph.ttl'
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Mapping, Protocol

from kgraph.config import Settings
from kgraph.errors import UnknownFormatError

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "DEFAULT_FORMATS",
    "ExportSpec",
    "Exporter",
    "export",
    "get_exporter",
    "get_spec",
    "list_exporters",
    "register_exporter",
    "remove_stale_temporaries",
    "write_exports",
]


class Exporter(Protocol):
    def __call__(self, kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None: ...


@dataclass(frozen=True, slots=True)
class ExportSpec:
    """A registered format: where its writer lives and the file it writes in a build folder."""

    name: str
    target: str  # "module:function"
    filename: str
    description: str
    companions: tuple[str, ...] = ()  # formats written alongside it in a build folder (csv: actors.csv)
    reuses: bool = False  # the writer takes previous= (the file it replaces) and returns its chunk index

    def load(self) -> Exporter:
        module, _, func = self.target.partition(":")
        writer: Exporter = getattr(importlib.import_module(module), func)
        return writer


_REGISTRY: dict[str, ExportSpec] = {}

#: What ``kgraph build`` writes when no ``--format`` is given.
DEFAULT_FORMATS: tuple[str, ...] = ("turtle", "trig", "json", "html", "events")


def register_exporter(
    name: str,
    target: str | Callable[..., None],
    filename: str,
    description: str,
    *,
    companions: tuple[str, ...] = (),
    reuses: bool = False,
) -> None:
    """Register an exporter under ``name``.

    Args:
        name: The format name users pass to ``--format``.
        target: The writer, or its dotted path ``"package.module:function"`` (imported on first use).
        filename: The file it writes in a build folder (``graph.ttl``).
        description: One line for ``kgraph build --help``.
        companions: Other formats :func:`write_exports` writes with this one (multi-file exports).
        reuses: The writer also takes ``previous`` (the path of the file it replaces) and returns
            the bytes of an index that :func:`write_exports` stores beside its file.
    """
    if callable(target):
        module = importlib.import_module(target.__module__)
        setattr(module, target.__name__, target)
        target = f"{target.__module__}:{target.__name__}"
    _REGISTRY[name] = ExportSpec(name, target, filename, description, tuple(companions), reuses)


def list_exporters() -> dict[str, ExportSpec]:
    """Return every registered format by name."""
    return dict(sorted(_REGISTRY.items()))


def get_spec(name: str) -> ExportSpec:
    """Return the registered format ``name``; the error lists the available ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownFormatError.for_name(name, _REGISTRY) from None


def get_exporter(name: str) -> Exporter:
    """Return the writer function of format ``name``."""
    return get_spec(name).load()


def guess_format(path: str | Path) -> str:
    """Return the format whose file name has the same suffix as ``path``.

    >>> guess_format("out/graph.ttl")
    'turtle'
    >>> guess_format("turtle")
    Traceback (most recent call last):
    ...
    kgraph.errors.UnknownFormatError: 'turtle' has no file suffix that names a format (.ttl, .trig, ...): give a file name such as graph.ttl, or format='turtle'
    """
    suffix = "".join(Path(path).suffixes[-1:])
    for spec in _REGISTRY.values():
        if suffix and spec.filename.endswith(suffix):
            return spec.name
    if not suffix:
        hint = f"format={str(path)!r}" if str(path) in _REGISTRY else "format=..."
        raise UnknownFormatError(
            f"{str(path)!r} has no file suffix that names a format (.ttl, .trig, ...): "
            f"give a file name such as graph.ttl, or {hint}"
        )
    raise UnknownFormatError.for_name(suffix, _REGISTRY)


def export(
    kg: KnowledgeGraph,
    dest: str | Path | IO[bytes] | None = None,
    *,
    format: str | None = None,
    settings: Settings | None = None,
) -> bytes | None:
    """Export ``kg`` in ``format`` (guessed from a path's suffix when not given).

    Returns the bytes when ``dest`` is ``None``; otherwise writes to the path (atomically)
    or the binary stream and returns ``None``.
    """
    settings = settings or Settings()
    if format is None:
        if not isinstance(dest, (str, Path)):
            raise UnknownFormatError("The format is required when no file path is given.")
        format = guess_format(dest)
    writer = get_exporter(format)
    if dest is None:
        buffer = io.BytesIO()
        writer(kg, buffer, settings=settings)
        return buffer.getvalue()
    if isinstance(dest, (str, Path)):
        with atomic_write(Path(dest)) as stream:
            writer(kg, stream, settings=settings)
        return None
    writer(kg, dest, settings=settings)
    return None


def write_exports(
    kg: KnowledgeGraph,
    out_dir: str | Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    *,
    settings: Settings | None = None,
    extra: Mapping[str, bytes] | None = None,
    previous_dir: str | Path | None = None,
) -> list[Path]:
    """Write each format's file (and ``extra`` files) into ``out_dir``; return the paths written.

    Turtle and TriG copy the articles that did not change from the files they replace (those
    in ``previous_dir``, by default ``out_dir``), checked by the chunk index written next to
    each (``.graph.ttl.chunks``, see :mod:`kgraph.export.rdf_reuse`).

    Every file is first written in full to a temporary file next to it; only when all are
    written are they renamed over the old ones, one after the other. A build killed at any
    moment (even SIGKILL) therefore leaves every old file intact or replaced by its complete
    new version, never a partial one. Temporary files left by a killed build are removed.

    Args:
        kg: The graph.
        out_dir: The folder (created if needed).
        formats: Registered format names; companions of a format are written with it.
        settings: Passed to every exporter.
        extra: More files to write the same way, file name → bytes (``report.json``).
        previous_dir: The folder of the build this one replaces (``kgraph build --update``).

    Example:
        >>> import tempfile
        >>> from kgraph.graph import KnowledgeGraph
        >>> out = tempfile.mkdtemp()
        >>> [p.name for p in write_exports(KnowledgeGraph(), out, ["json"], extra={"note.txt": b"hi"})]
        ['graph.json', 'note.txt']
    """
    settings = settings or Settings()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = [n for name in formats for n in (name, *get_spec(name).companions)]
    specs = [get_spec(name) for name in dict.fromkeys(names)]  # validate all before writing any
    remove_stale_temporaries(out)
    staged: list[atomic_write] = []
    before = Path(previous_dir) if previous_dir is not None else out
    try:
        for spec in specs:
            _write_one(spec, kg, settings, staged, out, before)
        for filename, data in (extra or {}).items():
            with _staged(staged, out / filename) as stream:
                stream.write(data)
    except BaseException:
        for done in staged:
            done.discard()
        raise
    for done in staged:
        done.commit()
    return [done.path for done in staged]


def _write_one(
    spec: ExportSpec, kg: KnowledgeGraph, settings: Settings, staged: list[atomic_write], out: Path, before: Path
) -> None:
    """Stage ``spec``'s file in ``out`` (and its chunk index, for a writer that reuses ``before``'s file)."""
    writer = spec.load()
    with _staged(staged, out / spec.filename) as stream:
        if not spec.reuses:
            writer(kg, stream, settings=settings)
            return
        index = writer(kg, stream, settings=settings, previous=before / spec.filename)  # type: ignore[call-arg,func-returns-value]
    if index is not None:
        from kgraph.export.rdf_reuse import chunk_index_path

        with _staged(staged, chunk_index_path(out / spec.filename)) as stream:
            stream.write(index)


def _staged(staged: list[atomic_write], path: Path) -> atomic_write:
    writer = atomic_write(path, commit=False)
    staged.append(writer)
    return writer


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

    def __init__(self, path: Path, *, commit: bool = True) -> None:
        self.path = Path(path)
        self._commit = commit
        self._tmp: IO[bytes] | None = None
        self._syncing: _Syncing | None = None
        self._name = ""

    def __enter__(self) -> IO[bytes]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{self.path.name}.{os.getpid()}."
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
        if self._syncing is not None:
            self._syncing.wait()
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


def _register_builtins() -> None:
    builtins = [
        ("turtle", "kgraph.export.rdf:write_turtle", "graph.ttl", "RDF Turtle, one graph"),
        ("trig", "kgraph.export.rdf:write_trig", "graph.trig", "RDF TriG, one named graph per article"),
        ("nquads", "kgraph.export.rdf:write_nquads", "graph.nq", "RDF N-Quads, one named graph per article"),
        ("jsonld", "kgraph.export.rdf:write_jsonld", "graph.jsonld", "RDF JSON-LD"),
        ("json", "kgraph.export.tables:write_node_link", "graph.json", "networkx node-link JSON"),
        ("events", "kgraph.export.tables:write_events", "events.jsonl", "event records, one JSON a line"),
        ("html", "kgraph.export.html:write_html", "graph.html", "self-contained interactive page"),
        ("graphml", "kgraph.export.tables:write_graphml", "graph.graphml", "GraphML for Gephi"),
        ("gexf", "kgraph.export.tables:write_gexf", "graph.gexf", "GEXF for Gephi"),
        ("csv", "kgraph.export.tables:write_csv", "events.csv", "events.csv and actors.csv tables"),
        ("csv-actors", "kgraph.export.tables:write_actors_csv", "actors.csv", "actors.csv alone (csv writes it too)"),
    ]
    for name, target, filename, description in builtins:
        companions = ("csv-actors",) if name == "csv" else ()
        register_exporter(name, target, filename, description, companions=companions, reuses=name in ("turtle", "trig"))


_register_builtins()
