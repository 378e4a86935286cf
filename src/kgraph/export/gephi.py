"""GraphML and GEXF for Gephi, yEd and Cytoscape: the graph with attributes flattened.

Those formats allow only scalar attributes, so :func:`flat_graph` turns a copy of the graph
into one that they accept: lists and dicts become JSON strings, ``None`` values are dropped,
dates stay ISO strings, and every node gets a ``label`` (event nodes: type or relation and
date). Node ids, edges (one per role, keyed by the role) and their counts are unchanged, so
``nx.read_graphml(path, force_multigraph=True)`` gives back as many nodes and edges.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={"d": {"title": "T"}})
>>> g.add_node("event:1", kind="event", type="SANCTION", date="2016-03", sources=["d"], place=None)
>>> flat = flat_graph(g)
>>> flat.nodes["event:1"]["sources"], "place" in flat.nodes["event:1"], flat.nodes["event:1"]["label"]
('["d"]', False, 'SANCTION 2016-03')
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from kgraph.config import Settings

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = ["flat_graph", "flat_value", "write_gexf", "write_graphml"]

_SCALARS = (str, bool, int, float)
_TODAY = re.compile(rb' lastmodifieddate="[^"]*"')


def flat_value(value: Any) -> Any:
    """Return a GraphML/GEXF-safe value: scalars unchanged, lists and dicts as JSON, ``None`` as ``None``.

    >>> flat_value(["a", "b"]), flat_value(3), flat_value(None)
    ('["a", "b"]', 3, None)
    """
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def flat_attrs(data: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten every attribute of a node, edge or graph, dropping ``None`` values."""
    flat = {str(k): flat_value(v) for k, v in data.items()}
    return {k: v for k, v in sorted(flat.items()) if v is not None}


def _label(node: str, data: Mapping[str, Any]) -> str:
    if data.get("label"):
        return str(data["label"])
    head = data.get("type") or data.get("relation") or node
    return f"{head} {data['date']}" if data.get("date") else str(head)


def flat_graph(graph: nx.MultiDiGraph, *, graph_attrs: bool = True) -> nx.MultiDiGraph:
    """Return a flattened copy of ``graph`` in node and edge id order (the input is not changed)."""
    flat = nx.MultiDiGraph(**(flat_attrs(graph.graph) if graph_attrs else {}))
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        flat.add_node(node, **{**flat_attrs(data), "label": _label(node, data)})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        flat.add_edge(u, v, key=key, **flat_attrs(data))
    return flat


def write_graphml(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``graph.graphml``: every node and edge with flattened attributes (types inferred)."""
    nx.write_graphml(flat_graph(kg.graph), stream, encoding="utf-8", infer_numeric_types=True)


def write_gexf(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``graph.gexf`` (GEXF 1.2) for Gephi: flattened node and edge attributes, node labels.

    The optional ``lastmodifieddate`` (today's date) is left out so the output is deterministic.
    """
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(kg.graph, graph_attrs=False), buffer, encoding="utf-8", version="1.2draft")
    stream.write(_TODAY.sub(b"", buffer.getvalue(), count=1))  # same input, same bytes, any day
