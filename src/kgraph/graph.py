"""The :class:`KnowledgeGraph`: a networkx ``MultiDiGraph`` of actors and events, and its query API.

The node and edge schema is documented in ``docs/ARCHITECTURE.md``. The graph also keeps
the per-document results it was built from (needed by ``events.jsonl``) and the run report.
Lookups go through a lazily built index (:mod:`kgraph.graph_index`): names and aliases to
actor ids, actors to their events.

>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("actor:kim-jong-un", kind="actor", label="Kim Jong Un", type="PERSON",
...                   aliases=["Kim", "Kim Jong Un"])
>>> kg.graph.add_node("actor:un", kind="actor", label="UN", type="ORGANIZATION", country="IGO")
>>> kg.graph.add_node("event:1", kind="event", type="SANCTION", date="2016-03", sources=["a", "b"])
>>> kg.graph.add_edge("actor:un", "event:1", key="actor", role="actor")
'actor'
>>> kg.graph.add_edge("event:1", "actor:kim-jong-un", key="recipient", role="recipient")
'recipient'
>>> kg.actor("Kim").label
'Kim Jong Un'
>>> [e.id for e in kg.events(recipient="Kim Jong Un", since="2016-03-10", min_sources=2)]
['event:1']
>>> [a.id for a in kg.actors(country="IGO")]
['actor:un']
>>> kg.path("UN", "Kim")
['actor:un', 'event:1', 'actor:kim-jong-un']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import networkx as nx

from kgraph.graph_index import GraphIndex, date_bounds, normalise, overlaps, signature
from kgraph.views import ActorView, EventView, readonly

if TYPE_CHECKING:
    from kgraph.config import Settings
    from kgraph.graph_analysis import Tables
    from kgraph.model import DocResult
    from kgraph.sparql import Result

__all__ = ["KnowledgeGraph"]

NodeData = dict[str, Any]
DateLike = str | dt.date | None
Choice = str | Iterable[str] | None
RankBy = Literal["degree", "pagerank", "events"]


def _choice(value: Choice) -> frozenset[str | None] | None:
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


class KnowledgeGraph:
    """Actors and events read from news, with their evidence.

    Args:
        graph: The underlying graph (a new empty one by default).
        results: The per-document results the graph was linked from.
        report: The run report (documents processed and skipped, counts).
        records: The ``events.jsonl`` contract records, when the graph was loaded from a
            build without its per-document results.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph | None = None,
        *,
        results: tuple[DocResult, ...] = (),
        report: dict[str, Any] | None = None,
        records: list[dict[str, Any]] | None = None,
    ) -> None:
        self.graph: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph()
        self.results = results
        self.report: dict[str, Any] = report if report is not None else {}
        self._records = records
        self._index: GraphIndex | None = None
        self._sparql_store: Any = None  # (key, pyoxigraph Store), see kgraph.graph_sparql
        self._turtle_blocks: Any = None  # (key, builder, formats written), see kgraph.export.rdf_text

    def __repr__(self) -> str:
        kinds = [d.get("kind") for _, d in self.graph.nodes(data=True)]  # no index built for a repr
        return f"<KnowledgeGraph {kinds.count('actor')} actors, {kinds.count('event')} events>"

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is a node id or an actor's name or alias."""
        return isinstance(name, str) and (name in self.graph or normalise(name) in self.index.names)

    @property
    def index(self) -> GraphIndex:
        """The lookup index, built on first use and rebuilt when nodes were added or removed."""
        if self._index is None or self._index.signature != signature(self.graph):
            self._index = GraphIndex.build(self.graph)
        return self._index

    def refresh(self) -> KnowledgeGraph:
        """Drop cached indexes after changing edges or names in place (node additions are noticed).

        >>> kg = KnowledgeGraph(); kg.graph.add_node("actor:x", kind="actor", label="X")
        >>> kg.graph.nodes["actor:x"]["aliases"] = ["Ex"]
        >>> kg.refresh().actor("Ex").id
        'actor:x'
        """
        self._index = self._sparql_store = self._turtle_blocks = None
        return self

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """Document id → metadata (title, date, source, url, origin)."""
        docs: dict[str, dict[str, Any]] = self.graph.graph.setdefault("documents", {})
        return docs

    # -- actors ---------------------------------------------------------------------------

    def actors(self, *, type: Choice = None, country: Choice = None, name: str | None = None) -> list[ActorView]:
        """Return the actors, in id order, optionally filtered.

        Args:
            type: Keep actors of this type (or any of these types): PERSON, ORGANIZATION, COUNTRY...
            country: Keep actors of this ISO alpha-3 code (or ``"IGO"``), or any of several.
            name: Keep actors whose label or an alias contains these words (matched leniently).

        Returns:
            :class:`~kgraph.views.ActorView` tuples; ``for node, data in kg.actors()`` works too.

        >>> kg = KnowledgeGraph(); kg.graph.add_node("actor:iran", kind="actor", label="Iran", type="COUNTRY")
        >>> kg.actors(type="COUNTRY", name="iran")
        [ActorView('actor:iran', label='Iran', type='COUNTRY', country=None)]
        """
        types, countries = _choice(type), _choice(country)
        wanted = normalise(name) if name else None
        views = (self._actor_view(node) for node in self.index.actor_ids)
        return [
            a for a in views
            if (types is None or a.type in types) and (countries is None or a.country in countries)
            and (wanted is None or _names_contain(a, wanted))
        ]  # fmt: skip

    def actor(self, name_or_alias: str) -> ActorView:
        """Return the actor with this id, label or alias ("Kim" and "Kim Jong Un" give the same actor).

        Raises:
            UnknownActorError: No actor has that name (a ``KeyError``); the message suggests close names.

        >>> kg = KnowledgeGraph(); kg.graph.add_node("actor:un", kind="actor", label="United Nations", aliases=["U.N."])
        >>> kg.actor("the UN").id
        'actor:un'
        """
        return self._actor_view(self.index.resolve(name_or_alias, self.graph))

    def _actor_view(self, node: str) -> ActorView:
        return ActorView(node, readonly(self.graph.nodes[node]))

    # -- events ---------------------------------------------------------------------------

    def event_nodes(self) -> Iterator[tuple[str, NodeData]]:
        """Yield ``(id, data)`` of every event node, in id order."""
        nodes = self.graph.nodes
        return ((node, nodes[node]) for node in self.index.event_ids)

    def event(self, event_id: str) -> EventView:
        """Return the event with this id.

        Raises:
            KeyError: No event has that id.
        """
        if self.graph.nodes.get(event_id, {}).get("kind") != "event":
            raise KeyError(f"No event has the id {event_id!r}.")
        return self._event_view(event_id)

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        involving: str | None = None,
        type: Choice = None,
        mood: Choice = None,
        since: DateLike = None,
        until: DateLike = None,
        min_sources: int = 1,
    ) -> list[EventView]:
        """Return the events that pass every filter given, by date (undated last), then id.

        Args:
            actor: Name, alias or id of an actor who acts in the event.
            recipient: Name, alias or id of an actor the event is directed at.
            involving: Name, alias or id of an actor in any role (actor, recipient, or speaker).
            type: An event type (``"SANCTION"``) or several; ``None`` in a collection keeps untyped ones.
            mood: A mood (``"asserted"``) or several.
            since: Earliest date (ISO string, partial allowed, or ``datetime.date``), inclusive.
            until: Latest date, inclusive. A partial event date matches when its span overlaps;
                undated events never match a date filter.
            min_sources: Keep events reported by at least this many documents.

        Raises:
            UnknownActorError: An actor name matches no actor.

        >>> KnowledgeGraph().events(type="SANCTION", since="2024")
        []
        """
        ids = self._candidates(actor, recipient, involving)
        types, moods = _choice(type), _choice(mood)
        lo, hi = date_bounds(since), date_bounds(until)
        if types is not None or moods is not None or lo or hi or min_sources > 1:
            data = self.graph.nodes
            ids = [
                e for e in ids
                if (types is None or data[e].get("type") in types) and (moods is None or data[e].get("mood") in moods)
                and overlaps(data[e].get("date"), lo, hi) and _sources(data[e]) >= min_sources
            ]  # fmt: skip
        return self._event_views(ids)

    def _candidates(self, actor: str | None, recipient: str | None, involving: str | None) -> Iterable[str]:
        index = self.index
        sets = [
            index.events_of(index.resolve(name, self.graph), roles)
            for name, roles in ((actor, ("actor",)), (recipient, ("recipient",)), (involving, ("actor", "recipient", "source")))
            if name is not None
        ]  # fmt: skip
        return set.intersection(*sets) if sets else index.event_ids

    def _event_view(self, node: str) -> EventView:
        acting, receiving = self.index.participants.get(node, ((), ()))
        return EventView(node, readonly(self.graph.nodes[node]), acting, receiving)

    def _event_views(self, ids: Iterable[str]) -> list[EventView]:
        """Views of ``ids`` by date (undated last), then id."""
        index, data = self.index, self.graph.nodes
        ranked = sorted(ids, key=index.order.__getitem__)
        both = index.participants
        return [EventView(e, readonly(data[e]), *both[e]) for e in ranked]

    def timeline(self, actor: str) -> list[EventView]:
        """Return every event ``actor`` takes part in (any role), by date; undated events last."""
        return self.events(involving=actor)

    def between(self, a: str, b: str) -> list[EventView]:
        """Return the events both actors take part in (in any role, either direction), by date."""
        index = self.index
        first, second = (index.resolve(name, self.graph) for name in (a, b))
        return self._event_views(index.events_of(first) & index.events_of(second))

    # -- structure ------------------------------------------------------------------------

    def neighbours(self, actor: str) -> list[tuple[ActorView, int]]:
        """Return the actors that share events with ``actor`` and how many, most shared first."""
        node = self.index.resolve(actor, self.graph)
        counts: Counter[str] = Counter()
        for event in self.index.events_of(node):
            counts.update({other for other in nx.all_neighbors(self.graph, event) if other != node})
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(self._actor_view(other), n) for other, n in ranked]

    def neighbourhood(self, actor: str, hops: int = 1) -> KnowledgeGraph:
        """Return the subgraph of ``actor``, the actors within ``hops`` shared events, and those events.

        Args:
            actor: Name, alias or id.
            hops: How many actor-to-actor steps (each through a shared event) to follow.
        """
        from kgraph.graph_analysis import neighbourhood_nodes

        nodes = neighbourhood_nodes(self, self.index.resolve(actor, self.graph), hops)
        sub = self.graph.subgraph(nodes).copy()
        return KnowledgeGraph(sub, report=dict(self.report))

    def path(self, a: str, b: str) -> list[str]:
        """Return a shortest chain of node ids linking two actors (actor, event, actor, ...), or ``[]``."""
        first, second = (self.index.resolve(name, self.graph) for name in (a, b))
        try:
            return list(nx.shortest_path(self.graph.to_undirected(as_view=True), first, second))
        except nx.NetworkXNoPath:
            return []

    def rank(self, by: RankBy = "degree", *, top: int | None = None) -> list[tuple[ActorView, float]]:
        """Return actors with their score, highest first.

        Args:
            by: ``"degree"`` (distinct actors shared events with), ``"events"`` (events taken part in)
                or ``"pagerank"`` (on the actor → recipient graph weighted by events).
            top: Keep only the first ``top``.
        """
        from kgraph.graph_analysis import scores

        ranked = sorted(scores(self, by).items(), key=lambda item: (-item[1], item[0]))[:top]
        return [(self._actor_view(node), score) for node, score in ranked]

    # -- out ------------------------------------------------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """Return the underlying networkx graph (not a copy)."""
        return self.graph

    def records(self) -> list[dict[str, Any]]:
        """Return the ``events.jsonl`` contract records (one per event report)."""
        from kgraph.graph_analysis import records_from_graph
        from kgraph.records import event_records

        if self.results:
            return list(event_records(self.results))
        if self._records is not None:
            return list(self._records)
        return records_from_graph(self)

    def to_pandas(self) -> Tables:
        """Return ``(events, actors)`` pandas DataFrames with the contract's fields (needs pandas).

        ``events`` has one row per contract record (``events.jsonl``); ``actors`` one row per actor.
        """
        from kgraph.graph_analysis import tables

        return tables(self)

    def sparql(self, query: str, **bindings: Any) -> Result:
        """Run a SPARQL query on the graph's RDF; keyword arguments are bound to ``?variables``.

        Values are bound by :mod:`kgraph.sparql` as RDF terms (never formatted into the query
        text): node ids (``"actor:kim-jong-un"``) become IRIs, numbers numbers, other strings
        literals. ``query`` may also name a shipped query (``"actor-timeline"``).

        Returns:
            A :class:`kgraph.sparql.Result` (``.rows``, ``.records()``, ``.boolean``, ``.to_table()``).

        >>> kg = KnowledgeGraph(); kg.graph.add_node("actor:un", kind="actor", label="UN")
        >>> kg.sparql("SELECT ?label WHERE { ?a rdfs:label ?label }", a="actor:un").rows
        [('UN',)]
        """
        from kgraph.graph_sparql import query_graph

        return query_graph(self, query, bindings)

    def export(
        self, dest: str | Path | IO[bytes] | None = None, *, format: str | None = None, settings: Settings | None = None
    ) -> bytes | None:
        """Export in a registered format (see :func:`kgraph.export.export`); bytes when ``dest`` is ``None``."""
        from kgraph.export import export

        return export(self, dest, format=format, settings=settings)

    def save(self, folder: str | Path, formats: Iterable[str] | None = None, *, settings: Settings | None = None) -> list[Path]:
        """Write a build folder (default exports plus ``report.json``) that :func:`kgraph.load` reads."""
        from kgraph.graph_analysis import save

        return save(self, Path(folder), formats, settings)


def _names_contain(actor: ActorView, wanted: str) -> bool:
    names = (normalise(n) for n in (actor.label, *actor.aliases))
    return any(f" {wanted} " in f" {n} " for n in names)


def _sources(data: NodeData) -> int:
    return int(data.get("corroboration") or len(data.get("sources") or ()) or 1)
