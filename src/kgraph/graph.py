"""The :class:`KnowledgeGraph`: a networkx ``MultiDiGraph`` of actors and events.

The node and edge schema is documented in ``docs/ARCHITECTURE.md``. The graph also
keeps the per-document results it was built from (needed by ``events.jsonl``) and
the run report.

>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("actor:x", kind="actor", label="X")
>>> [n for n, _ in kg.actors()]
['actor:x']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx

if TYPE_CHECKING:
    from kgraph.model import DocResult

__all__ = ["KnowledgeGraph"]

NodeData = dict[str, Any]


class KnowledgeGraph:
    """Actors and events read from news, with their evidence.

    Args:
        graph: The underlying graph (a new empty one by default).
        results: The per-document results the graph was linked from.
        report: The run report (documents processed and skipped, counts).
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph | None = None,
        *,
        results: tuple[DocResult, ...] = (),
        report: dict[str, Any] | None = None,
    ) -> None:
        self.graph: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph()
        self.results = results
        self.report: dict[str, Any] = report if report is not None else {}

    def __repr__(self) -> str:
        n_actors = sum(1 for _ in self.actors())
        n_events = sum(1 for _ in self.event_nodes())
        return f"<KnowledgeGraph {n_actors} actors, {n_events} events>"

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """Document id → metadata (title, date, source, url, origin)."""
        docs: dict[str, dict[str, Any]] = self.graph.graph.setdefault("documents", {})
        return docs

    def actors(self) -> Iterator[tuple[str, NodeData]]:
        """Yield ``(id, data)`` of every actor node, in id order."""
        return self._nodes("actor")

    def event_nodes(self) -> Iterator[tuple[str, NodeData]]:
        """Yield ``(id, data)`` of every event node, in id order."""
        return self._nodes("event")

    def _nodes(self, kind: str) -> Iterator[tuple[str, NodeData]]:
        for node in sorted(self.graph.nodes):
            data = self.graph.nodes[node]
            if data.get("kind") == kind:
                yield node, data

    def to_networkx(self) -> nx.MultiDiGraph:
        """Return the underlying networkx graph (not a copy)."""
        return self.graph
