"""Across documents: merge per-document results into one :class:`KnowledgeGraph`.

Actors with the same id are one node (mentions, aliases and codes pooled); a bare surname
scoped to its article joins the one full name in the corpus with that surname
(:func:`kgraph.link.merge.surname_links`); reports of one event are one event node with every
source (:func:`kgraph.link.merge.group_events`). Every merge is in ``graph.graph["merges"]``
with its rule and evidence, and ``graph.graph["largest_merges"]`` lists the biggest actor
nodes with the reasons they were formed. The result does not depend on the input order.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from kgraph.compact import gc_paused
from kgraph.config import Settings
from kgraph.graph import KnowledgeGraph
from kgraph.link.merge import group_events, surname_links
from kgraph.link.tables import load_tables
from kgraph.model import DocResult, Event

__all__ = ["document_order", "largest_merges", "link"]


def link(
    results: Iterable[DocResult], *, settings: Settings | None = None, report: dict[str, Any] | None = None
) -> KnowledgeGraph:
    """Return the graph of actors and events of ``results``.

    Args:
        results: Per-document results, in any order.
        settings: Options (``event_window_days``, ``aliases``, ``actor_dictionaries``).
        report: The run report; ``largest_merges`` is added to it.

    >>> link([]).graph.number_of_nodes()
    0
    """
    with gc_paused():  # many new objects, no cycles: a collection would walk every result again
        return _link(results, settings or Settings(), report)


def document_order(results: Iterable[DocResult]) -> tuple[DocResult, ...]:
    """``results`` in the order the graph keeps them (``KnowledgeGraph.results``): by document id.

    >>> from kgraph.model import Document
    >>> [r.document.id for r in document_order([DocResult(Document("b", "")), DocResult(Document("a", ""))])]
    ['a', 'b']
    """
    return tuple(sorted(results, key=lambda r: r.document.id))


def _link(results: Iterable[DocResult], settings: Settings, report: dict[str, Any] | None) -> KnowledgeGraph:
    ordered = document_order(results)
    canon, cross = surname_links((a for r in ordered for a in r.actors), load_tables(settings))
    graph = nx.MultiDiGraph()
    graph.graph["documents"] = {r.document.id: _doc_meta(r) for r in ordered}
    graph.graph["merges"] = [_canon_entry(m, canon) for r in ordered for m in r.merges] + cross
    graph.add_nodes_from(_actor_nodes(ordered, canon).items())
    edges: list[Any] = []
    for events in group_events(ordered, window_days=settings.event_window_days, canon=canon):
        _add_event(graph, events, canon, edges)
    _add_edges(graph, edges)
    graph.graph["largest_merges"] = largest_merges(graph)
    if report is not None:
        report["largest_merges"] = graph.graph["largest_merges"]
    return KnowledgeGraph(graph, results=ordered, report=report)


def _doc_meta(result: DocResult) -> dict[str, Any]:
    d = result.document
    return {"title": d.title, "date": d.date, "source": d.source, "url": d.url, "origin": d.origin}


def _canon_entry(entry: Mapping[str, str], canon: Mapping[str, str]) -> dict[str, str]:
    out = dict(entry)
    out["actor"] = canon.get(out.get("actor", ""), out.get("actor", ""))
    return out


def _actor_nodes(ordered: tuple[DocResult, ...], canon: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Actor node id → attributes: actors with one id pooled (aliases, mentions, codes, country)."""
    nodes: dict[str, dict[str, Any]] = {}
    for result in ordered:
        for actor in result.actors:
            node = canon.get(actor.id, actor.id)
            mentions = [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in actor.mentions]
            data = nodes.get(node)
            if data is None:
                nodes[node] = {
                    "kind": "actor", "label": actor.label, "type": actor.type, "country": actor.country,
                    "aliases": set(actor.aliases), "mentions": mentions, "codes": set(actor.codes),
                }  # fmt: skip
                continue
            data["aliases"].update(actor.aliases)
            data["mentions"].extend(mentions)  # results come in document order: mentions stay sorted
            data["codes"].update(actor.codes)
            data["country"] = data["country"] or actor.country
    for data in nodes.values():
        data["aliases"], data["codes"] = sorted(data["aliases"]), sorted(data["codes"])
    return nodes


def _evidence(event: Event) -> dict[str, Any]:
    e = event.evidence
    trigger = {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end}
    return {
        "doc": e.doc,
        "sentence_index": e.sentence_index,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "trigger": trigger,
        "event": event.id,
    }


def _add_event(graph: nx.MultiDiGraph, events: list[Event], canon: Mapping[str, str], edges: list[Any]) -> None:
    """Add the node of one event (its reports ``events``); its role edges go to ``edges``."""
    first = min(events, key=lambda e: e.id)
    sources = sorted({e.doc for e in events})
    speakers = sorted(
        {
            canon.get(e.attributed_to.actor, e.attributed_to.actor)
            for e in events
            if e.attributed_to and e.attributed_to.actor
        }
    )
    graph.add_node(
        first.id,
        kind="event",
        relation=first.relation,
        type=first.type,
        cameo_root=first.cameo_root,
        date=first.date,
        date_text=first.date_text,
        place=first.place.text if first.place else None,
        mood=first.mood,
        confidence=max(e.confidence for e in events),
        sources=sources,
        corroboration=len(sources),
        attributed_to=speakers[0] if speakers else None,
        evidence=[_evidence(e) for e in sorted(events, key=lambda e: (e.doc, e.evidence.start, e.id))],
        rule=first.rule,
    )
    if len(events) > 1:
        graph.graph["merges"].append(_event_entry(first.id, events))
    for actor in sorted({canon.get(p.actor, p.actor) for e in events for p in e.actor if p.actor}):
        edges.append((actor, first.id, "actor", {"role": "actor"}))
    for recipient in sorted({canon.get(p.actor, p.actor) for e in events for p in e.recipient if p.actor}):
        edges.append((first.id, recipient, "recipient", {"role": "recipient"}))
    edges.extend((speaker, first.id, "source", {"role": "source"}) for speaker in speakers)


def _event_entry(node: str, events: list[Event]) -> dict[str, str]:
    docs = sorted({e.doc for e in events})
    evidence = (
        f"{len(events)} reports of {events[0].type} with the same actors and recipients"
        f" within the date window: {', '.join(docs)}"
    )
    return {
        "event": node,
        "rule": "same-event",
        "evidence": evidence,
        "merged": ", ".join(sorted(e.id for e in events)),
    }


def _add_edges(graph: nx.MultiDiGraph, edges: list[tuple[str, str, str, dict[str, str]]]) -> None:
    """Add the role edges ``(u, v, role, attributes)`` whose ends are both nodes, in order (one call)."""
    graph.add_edges_from(e for e in edges if e[0] in graph and e[1] in graph)


def largest_merges(graph: nx.MultiDiGraph, n: int = 20) -> list[dict[str, Any]]:
    """Return the ``n`` actor nodes that hold the most mentions, with why they were formed.

    Each row has the node, its label, mention and document counts, up to ten aliases, the
    merge rules that built it with their counts (``same-id`` counts articles joined by one
    canonical id) and a few evidence strings to review.

    >>> g = nx.MultiDiGraph(merges=[{"actor": "actor:x", "rule": "surname", "evidence": "'X' is ..."}])
    >>> g.add_node("actor:x", kind="actor", label="X Y", aliases=["X", "X Y"],
    ...            mentions=[{"doc": "a", "start": 0, "end": 1, "text": "X"},
    ...                      {"doc": "b", "start": 0, "end": 3, "text": "X Y"}])
    >>> row = largest_merges(g)[0]
    >>> row["reasons"], row["documents"]
    ({'same-id': 1, 'surname': 1}, 2)
    """
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for entry in graph.graph.get("merges", []):
        actor = entry.get("actor")
        if actor:
            rules[actor][entry.get("rule", "")] += 1
            if len(examples[actor]) < 5 and entry.get("rule") != "pronoun":
                examples[actor].append(f"{entry.get('rule')}: {entry.get('evidence')}")
    counts = (
        (len(data.get("mentions", [])), node)
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "actor"
    )
    top = heapq.nsmallest(n, counts, key=lambda c: (-c[0], c[1]))
    return [_merge_row(graph, node, rules.get(node, Counter()), examples.get(node, [])) for _, node in top]


def _merge_row(graph: nx.MultiDiGraph, node: str, rules: Counter[str], examples: list[str]) -> dict[str, Any]:
    """One row of :func:`largest_merges`."""
    data = graph.nodes[node]
    docs = {m["doc"] for m in data.get("mentions", [])}
    reasons = Counter(rules)
    if len(docs) > 1:
        reasons["same-id"] += len(docs) - 1
    return {
        "actor": node,
        "label": data.get("label"),
        "mentions": len(data.get("mentions", [])),
        "documents": len(docs),
        "aliases": list(data.get("aliases", []))[:10],
        "reasons": dict(sorted(reasons.items())),
        "examples": examples,
    }
