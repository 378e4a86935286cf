"""Graph and table exports: node-link JSON and the ``events.jsonl`` records.

Output is deterministic: keys sorted, nodes and links in id order.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from kgraph.config import Settings
from kgraph.records import event_records

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = ["node_link", "write_events", "write_node_link"]


def node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    """Return networkx node-link data of the graph, nodes and links sorted."""
    g = kg.graph
    nodes = [{"id": n, **g.nodes[n]} for n in sorted(g.nodes)]
    links = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
    return {"directed": True, "multigraph": True, "graph": dict(sorted(g.graph.items())), "nodes": nodes, "links": links}


def write_node_link(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``graph.json`` (networkx node-link data; read back with ``nx.node_link_graph(..., edges="links")``)."""
    stream.write(json.dumps(node_link(kg), ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8"))
    stream.write(b"\n")


def write_events(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write one contract record per extracted event (``events.jsonl``)."""
    for record in event_records(kg.results):
        stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
