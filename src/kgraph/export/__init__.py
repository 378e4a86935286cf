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

import importlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Protocol

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

    def load(self) -> Exporter:
        module, _, func = self.target.partition(":")
        writer: Exporter = getattr(importlib.import_module(module), func)
        return writer


_REGISTRY: dict[str, ExportSpec] = {}

#: What ``kgraph build`` writes when no ``--format`` is given.
DEFAULT_FORMATS: tuple[str, ...] = ("turtle", "trig", "json", "html", "events")


def register_exporter(
    name: str, target: str | Callable[..., None], filename: str, description: str, *, companions: tuple[str, ...] = ()
) -> None:
    """Register an exporter under ``name``.

    Args:
        name: The format name users pass to ``--format``.
        target: The writer, or its dotted path ``"package.module:function"`` (imported on first use).
        filename: The file it writes in a build folder (``graph.ttl``).
        description: One line for ``kgraph build --help``.
        companions: Other formats :func:`write_exports` writes with this one (multi-file exports).
    """
    if callable(target):
        module = importlib.import_module(target.__module__)
        setattr(module, target.__name__, target)
        target = f"{target.__module__}:{target.__name__}"
    _REGISTRY[name] = ExportSpec(name, target, filename, description, tuple(companions))


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
    """Return the format whose file name has the same suffix as ``path``."""
    suffix = "".join(Path(path).suffixes[-1:])
    for spec in _REGISTRY.values():
        if suffix and spec.filename.endswith(suffix):
            return spec.name
    raise UnknownFormatError.for_name(suffix or str(path), _REGISTRY)


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
    kg: KnowledgeGraph, out_dir: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *, settings: Settings | None = None
) -> list[Path]:
    """Write each format's file into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = [n for name in formats for n in (name, *get_spec(name).companions)]
    specs = [get_spec(name) for name in dict.fromkeys(names)]  # validate all before writing any
    written = []
    for spec in specs:
        path = out / spec.filename
        export(kg, path, format=spec.name, settings=settings)
        written.append(path)
    return written


class atomic_write:
    """Context manager: a binary stream to a temporary file renamed over ``path`` on success.

    A crash at any moment leaves either the old file or the complete new one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: IO[bytes] | None = None
        self._name = ""

    def __enter__(self) -> IO[bytes]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp, self._name = os.fdopen(fd, "wb"), name
        return self._tmp

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self._tmp is None:
            return
        name = self._name
        if exc_type is None:
            self._tmp.flush()
            os.fsync(self._tmp.fileno())
        self._tmp.close()
        if exc_type is None:
            os.replace(name, self.path)
        else:
            os.unlink(name)


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
        register_exporter(name, target, filename, description, companions=("csv-actors",) if name == "csv" else ())


_register_builtins()
