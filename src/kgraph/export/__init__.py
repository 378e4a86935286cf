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

import functools
import importlib
import io
import operator
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from kgraph.config import Settings
from kgraph.errors import UnknownFormatError
from kgraph.export.forked import ForkedWriter, fork_allowed, share
from kgraph.export.staging import atomic_write, remove_stale_temporaries, remove_temporaries_of

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "DEFAULT_FORMATS",
    "ExportSpec",
    "Exporter",
    "atomic_write",
    "export",
    "get_exporter",
    "get_spec",
    "list_exporters",
    "prepare",
    "register_exporter",
    "remove_stale_temporaries",
    "start_exports",
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
    group: str = ""  # formats of one group share work: one process writes them all (see write_exports)
    cost: float = 1.0  # relative time to write, to share a build's files between two processes

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
    group: str = "",
    cost: float = 1.0,
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
        group: Formats of one group share work (a cache on the graph) and are written by one process.
        cost: Relative time to write the file (Turtle: 4), to share files between processes.
    """
    if callable(target):
        module = importlib.import_module(target.__module__)
        setattr(module, target.__name__, target)
        target = f"{target.__module__}:{target.__name__}"
    _REGISTRY[name] = ExportSpec(name, target, filename, description, tuple(companions), reuses, group, cost)


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
    started: Iterable[ForkedWriter] = (),
) -> list[Path]:
    """Write each format's file (and ``extra`` files) into ``out_dir``; return the paths written.

    Turtle and TriG copy the articles that did not change from the files they replace (those
    in ``previous_dir``, by default ``out_dir``), checked by the chunk index written next to
    each (``.graph.ttl.chunks``, see :mod:`kgraph.export.rdf_reuse`).

    Every file is first written in full to a temporary file next to it; only when all are
    written are they renamed over the old ones, one after the other. A build killed at any
    moment (even SIGKILL) therefore leaves every old file intact or replaced by its complete
    new version, never a partial one. Temporary files left by a killed build are removed.

    With ``settings.processes`` above 1, a forked process writes about half of the files (by
    their ``cost``; Turtle and TriG together) while this one writes the others, when it is
    safe and the memory allows (:mod:`kgraph.export.forked`); the files are the same.

    Args:
        kg: The graph.
        out_dir: The folder (created if needed).
        formats: Registered format names; companions of a format are written with it.
        settings: Passed to every exporter.
        extra: More files to write the same way, file name → bytes (``report.json``).
        previous_dir: The folder of the build this one replaces (``kgraph build --update``).
        started: Writers :func:`start_exports` began earlier; their files are renamed with these.

    Example:
        >>> import tempfile
        >>> from kgraph.graph import KnowledgeGraph
        >>> out = tempfile.mkdtemp()
        >>> [p.name for p in write_exports(KnowledgeGraph(), out, ["json"], extra={"note.txt": b"hi"})]
        ['graph.json', 'note.txt']
    """
    settings = settings or Settings()
    out, forked = Path(out_dir), list(started)
    forks, staged = bool(forked), list[atomic_write]()
    try:
        specs = _specs(formats)
        order = [s.filename for s in specs] + [name for writer in forked for name in writer.filenames]
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(out)
        before = Path(previous_dir) if previous_dir is not None else out
        if len(specs) > 1 and fork_allowed(settings):
            theirs, specs = share(specs, _group, operator.attrgetter("cost"))
            forked.append(_fork(theirs, kg, settings, out, before))
            forks = True
        staged += _stage_all(specs, os.getpid(), kg=kg, settings=settings, out=out, before=before)
        for filename, data in (extra or {}).items():
            with _staged(staged, out / filename) as stream:
                stream.write(data)
        while forked:
            staged += forked[0].staged()
            forked.pop(0)
    except BaseException:
        _abandon(staged, forked, out, forks=forks)
        raise
    staged.sort(key=_rank(order))
    for done in staged:
        done.commit()
    return [done.path for done in staged]


def start_exports(
    kg: KnowledgeGraph,
    out_dir: str | Path,
    formats: Iterable[str],
    *,
    settings: Settings | None = None,
    previous_dir: str | Path | None = None,
) -> ForkedWriter | None:
    """Begin writing ``formats`` of ``kg`` in a forked process now, if allowed (else ``None``).

    Pass the writer to :func:`write_exports` (``started=``), which renames its files with the
    others. A build writes ``events.jsonl`` (made from the per-document results) this way
    while it links them.
    """
    settings = settings or Settings()
    if not fork_allowed(settings):
        return None
    out = Path(out_dir)
    before = Path(previous_dir) if previous_dir is not None else out
    return _fork(_specs(formats), kg, settings, out, before)


def prepare(formats: Iterable[str]) -> None:
    """Import the writers of ``formats`` and what they load lazily (a writer module's ``prepare()``), now.

    ``kgraph build --update`` calls it while its workers parse the new articles, so that these
    imports (pyvis, NumPy: about 0.3 s) are no longer on the way once the results arrive.

    >>> prepare(["json"])
    """
    for spec in _specs(formats):
        module = importlib.import_module(spec.target.partition(":")[0])
        getattr(module, "prepare", lambda: None)()


def _specs(formats: Iterable[str]) -> list[ExportSpec]:
    """The specs of ``formats`` and their companions, each once (all validated before any is written)."""
    names = [n for name in formats for n in (name, *get_spec(name).companions)]
    return [get_spec(name) for name in dict.fromkeys(names)]


def _fork(specs: list[ExportSpec], kg: KnowledgeGraph, settings: Settings, out: Path, before: Path) -> ForkedWriter:
    out.mkdir(parents=True, exist_ok=True)
    stage = functools.partial(_stage_all, specs, kg=kg, settings=settings, out=out, before=before)
    return ForkedWriter(stage, [s.filename for s in specs])


def _abandon(staged: list[atomic_write], forked: list[ForkedWriter], out: Path, *, forks: bool) -> None:
    """Remove what a failed :func:`write_exports` staged, here and in its forked writers."""
    for done in staged:
        done.discard()
    for writer in forked:
        writer.cancel()
    if forks:  # a killed child could not remove its files
        remove_temporaries_of(out, os.getpid())


def _stage_all(
    specs: list[ExportSpec], owner: int, *, kg: KnowledgeGraph, settings: Settings, out: Path, before: Path
) -> list[atomic_write]:
    """Stage the files of ``specs`` in ``out`` (named for process ``owner``); on an error none stay."""
    staged: list[atomic_write] = []
    try:
        for spec in specs:
            _write_one(spec, kg, settings, staged, out, before, owner)
    except BaseException:
        for done in staged:
            done.discard()
        raise
    return staged


def _group(spec: ExportSpec) -> str:
    return spec.group or spec.name


def _rank(filenames: list[str]) -> Callable[[atomic_write], int]:
    """Sort key: a staged file's place in ``filenames`` (its chunk index after it; others last)."""
    order = {name: i for i, name in reversed(list(enumerate(filenames)))}

    def rank(done: atomic_write) -> int:
        return order.get(done.path.name.lstrip(".").removesuffix(".chunks"), len(order))

    return rank


def _write_one(
    spec: ExportSpec,
    kg: KnowledgeGraph,
    settings: Settings,
    staged: list[atomic_write],
    out: Path,
    before: Path,
    owner: int | None = None,
) -> None:
    """Stage ``spec``'s file in ``out`` (and its chunk index, for a writer that reuses ``before``'s file)."""
    writer = spec.load()
    with _staged(staged, out / spec.filename, owner) as stream:
        if not spec.reuses:
            writer(kg, stream, settings=settings)
            return
        index = writer(kg, stream, settings=settings, previous=before / spec.filename)  # type: ignore[call-arg,func-returns-value]
    if index is not None:
        from kgraph.export.rdf_reuse import chunk_index_path

        with _staged(staged, chunk_index_path(out / spec.filename), owner) as stream:
            stream.write(index)


def _staged(staged: list[atomic_write], path: Path, owner: int | None = None) -> atomic_write:
    writer = atomic_write(path, commit=False, owner=owner)
    staged.append(writer)
    return writer


def _register_builtins() -> None:
    builtins = [  # name, writer, file, description, cost (seconds per 1,000 articles, measured)
        ("turtle", "kgraph.export.rdf:write_turtle", "graph.ttl", "RDF Turtle, one graph", 4),
        ("trig", "kgraph.export.rdf:write_trig", "graph.trig", "RDF TriG, one named graph per article", 3),
        ("nquads", "kgraph.export.rdf:write_nquads", "graph.nq", "RDF N-Quads, one named graph per article", 4),
        ("jsonld", "kgraph.export.rdf:write_jsonld", "graph.jsonld", "RDF JSON-LD", 8),
        ("json", "kgraph.export.tables:write_node_link", "graph.json", "networkx node-link JSON", 2),
        ("events", "kgraph.export.tables:write_events", "events.jsonl", "event records, one JSON a line", 1),
        ("html", "kgraph.export.html:write_html", "graph.html", "self-contained interactive page", 1.5),
        ("graphml", "kgraph.export.tables:write_graphml", "graph.graphml", "GraphML for Gephi", 2),
        ("gexf", "kgraph.export.tables:write_gexf", "graph.gexf", "GEXF for Gephi", 2),
        ("csv", "kgraph.export.tables:write_csv", "events.csv", "events.csv and actors.csv tables", 1),
        ("csv-actors", "kgraph.export.tables:write_actors_csv", "actors.csv", "actors.csv alone (csv writes it too)", 0.5),
    ]  # fmt: skip
    for name, target, filename, description, cost in builtins:
        turtle = name in ("turtle", "trig")  # one builder (kept on the graph) makes the blocks of both
        register_exporter(
            name, target, filename, description, companions=("csv-actors",) if name == "csv" else (),
            reuses=turtle, group="turtle-blocks" if turtle else "", cost=cost,
        )  # fmt: skip


_register_builtins()
