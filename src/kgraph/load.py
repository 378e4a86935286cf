"""``kgraph.load(path)``: a :class:`KnowledgeGraph` from a build folder, ``graph.json`` or RDF.

What is read, by what ``path`` is:

* a build folder (``kgraph build -o DIR``): ``graph.json``, plus ``events.jsonl`` (the contract
  records) and ``report.json`` when present; a folder without ``graph.json`` falls back to
  ``graph.trig`` or ``graph.nq``;
* ``graph.json`` (networkx node-link data);
* TriG or N-Quads (``.trig``, ``.nq``), or an on-disk pyoxigraph store folder: the graph is
  rebuilt from the RDF through kgraph's ontology terms (:mod:`kgraph.rdf_load`).

>>> import tempfile, pathlib
>>> kg = KnowledgeGraph(); kg.graph.add_node("actor:un", kind="actor", label="UN")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = kg.export(folder / "graph.json")
>>> load(folder).actor("UN").id
'actor:un'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.errors import InputError
from kgraph.graph import KnowledgeGraph

__all__ = ["load", "load_node_link"]

_RDF_SUFFIXES = (".trig", ".nq", ".nquads")


def load(path: str | Path) -> KnowledgeGraph:
    """Load a knowledge graph written by kgraph.

    Args:
        path: A build folder, a ``graph.json`` file, a TriG/N-Quads file or a pyoxigraph store folder.

    Returns:
        The graph, with its records and report when the build folder has them.

    Raises:
        InputError: The path does not exist or holds nothing kgraph can read.
    """
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    if not path.exists():
        raise InputError("no such file or folder; give a build folder, graph.json, .trig or .nq", origin=str(path))
    if path.suffix.lower() in _RDF_SUFFIXES:
        from kgraph.rdf_load import load_rdf

        return load_rdf(path)
    return KnowledgeGraph(load_node_link(path))


def _load_folder(folder: Path) -> KnowledgeGraph:
    if (folder / "graph.json").is_file():
        graph = load_node_link(folder / "graph.json")
    elif rdf := next((folder / n for n in ("graph.trig", "graph.nq") if (folder / n).is_file()), None):
        from kgraph.rdf_load import load_rdf

        graph = load_rdf(rdf).graph
    elif _is_store(folder):
        from kgraph.rdf_load import load_rdf

        return load_rdf(folder)
    else:
        raise InputError("not a kgraph build: no graph.json, graph.trig or graph.nq in it", origin=str(folder))
    return KnowledgeGraph(graph, records=_read_records(folder / "events.jsonl"), report=_read_report(folder))


def _is_store(folder: Path) -> bool:
    return (folder / "CURRENT").is_file() or any(folder.glob("*.sst")) or any(folder.glob("OPTIONS-*"))


def load_node_link(path: Path) -> nx.MultiDiGraph:
    """Read networkx node-link JSON (``graph.json``) into a ``MultiDiGraph``.

    Raises:
        InputError: The file is not node-link JSON.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"not networkx node-link JSON ({err}); expected kgraph's graph.json", origin=str(path)) from None
    return graph


def _read_records(path: Path) -> list[dict[str, Any]] | None:
    if not path.is_file():
        return None
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError as err:
                    raise InputError(f"not a JSON line ({err})", origin=f"{path}:{number}") from None
    return records


def _read_report(folder: Path) -> dict[str, Any] | None:
    path = folder / "report.json"
    if not path.is_file():
        return None
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return report
