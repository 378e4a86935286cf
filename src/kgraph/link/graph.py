"""Across documents: merge per-document results into one :class:`KnowledgeGraph`.

Actors with the same id are one node (their mentions and aliases are pooled). Typed events
with the same type, actors and recipients whose dates are equal (or unknown) are one event
node with every source; the others stay apart. The result does not depend on the order of
the results given.
"""

from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from kgraph.config import Settings
from kgraph.graph import KnowledgeGraph
from kgraph.model import Actor, DocResult, Event

__all__ = ["event_key", "link"]


def link(results: Iterable[DocResult], *, settings: Settings | None = None, report: dict[str, Any] | None = None) -> KnowledgeGraph:
    """Return the graph of actors and events of ``results``.

    >>> link([]).graph.number_of_nodes()
    0
    """
    ordered = tuple(sorted(results, key=lambda r: r.document.id))
    graph = nx.MultiDiGraph()
    graph.graph["documents"] = {r.document.id: _doc_meta(r) for r in ordered}
    graph.graph["merges"] = [dict(m) for r in ordered for m in r.merges]
    for result in ordered:
        for actor in result.actors:
            _add_actor(graph, actor)
    groups: dict[tuple[Any, ...], list[Event]] = {}
    for result in ordered:
        for event in result.events:
            groups.setdefault(event_key(event), []).append(event)
    for events in groups.values():
        _add_event(graph, events)
    return KnowledgeGraph(graph, results=ordered, report=report)


def _doc_meta(result: DocResult) -> dict[str, Any]:
    d = result.document
    return {"title": d.title, "date": d.date, "source": d.source, "url": d.url, "origin": d.origin}


def event_key(event: Event) -> tuple[Any, ...]:
    """Events with the same key are reports of one event (untyped ones are never merged)."""
    if event.type is None or event.type == "STATEMENT":
        return ("single", event.id)
    actors = tuple(sorted({p.actor or "" for p in event.actor}))
    recipients = tuple(sorted({p.actor or "" for p in event.recipient}))
    return (event.type, actors, recipients, event.date or "")


def _add_actor(graph: nx.MultiDiGraph, actor: Actor) -> None:
    mentions = [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in actor.mentions]
    if actor.id not in graph:
        graph.add_node(
            actor.id, kind="actor", label=actor.label, type=actor.type, country=actor.country,
            aliases=sorted(actor.aliases), mentions=mentions, codes=sorted(actor.codes),
        )
        return
    node = graph.nodes[actor.id]
    node["aliases"] = sorted(set(node["aliases"]) | set(actor.aliases))
    node["mentions"] = node["mentions"] + mentions
    node["codes"] = sorted(set(node["codes"]) | set(actor.codes))
    node["country"] = node["country"] or actor.country


def _evidence(event: Event) -> dict[str, Any]:
    e = event.evidence
    trigger = {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end}
    return {"doc": e.doc, "sentence_index": e.sentence_index, "sentence": e.sentence,
            "start": e.start, "end": e.end, "trigger": trigger, "event": event.id}  # fmt: skip


def _add_event(graph: nx.MultiDiGraph, events: list[Event]) -> None:
    first = min(events, key=lambda e: e.id)
    sources = sorted({e.doc for e in events})
    speaker = next((e.attributed_to.actor for e in events if e.attributed_to), None)
    graph.add_node(
        first.id, kind="event", relation=first.relation, type=first.type, cameo_root=first.cameo_root,
        date=first.date, date_text=first.date_text, place=first.place.text if first.place else None,
        mood=first.mood, confidence=max(e.confidence for e in events), sources=sources,
        corroboration=len(sources), attributed_to=speaker,
        evidence=[_evidence(e) for e in sorted(events, key=lambda e: (e.doc, e.evidence.start))], rule=first.rule,
    )
    for actor in sorted({p.actor for e in events for p in e.actor if p.actor}):
        _edge(graph, actor, first.id, "actor")
    for recipient in sorted({p.actor for e in events for p in e.recipient if p.actor}):
        _edge(graph, first.id, recipient, "recipient")
    if speaker:
        _edge(graph, speaker, first.id, "source")


def _edge(graph: nx.MultiDiGraph, u: str, v: str, role: str) -> None:
    if u in graph and v in graph and not graph.has_edge(u, v, key=role):
        graph.add_edge(u, v, key=role, role=role)
