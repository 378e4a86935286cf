"""The heavier parts of :class:`kgraph.KnowledgeGraph`'s API: rankings, neighbourhoods, tables, SPARQL.

Kept apart from :mod:`kgraph.graph` so the class reads as a list of methods; pandas and
pyoxigraph are imported only by the functions that need them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kgraph.records import FIELDS

if TYPE_CHECKING:
    import pandas as pd

    from kgraph.config import Settings
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "ACTOR_COLUMNS",
    "Tables",
    "neighbourhood_nodes",
    "records_from_graph",
    "save",
    "scores",
    "tables",
]

#: Columns of the actors table (the contract's actor node fields, plus codes and counts).
ACTOR_COLUMNS: tuple[str, ...] = ("id", "label", "type", "country", "aliases", "codes", "mentions", "events")


class Tables(NamedTuple):
    """``kg.to_pandas()``: the events (one row per contract record) and actors DataFrames."""

    events: pd.DataFrame
    actors: pd.DataFrame


# -- structure ---------------------------------------------------------------------------


def neighbourhood_nodes(kg: KnowledgeGraph, start: str, hops: int) -> set[str]:
    """Actors within ``hops`` shared-event steps of ``start``, plus the events that link them."""
    index, seen, frontier = kg.index, {start}, {start}
    events: set[str] = set()
    for _ in range(max(hops, 0)):
        reached: set[str] = set()
        for actor in frontier:
            for event in index.events_of(actor):
                events.add(event)
                reached.update(_participants(kg, event))
        frontier = reached - seen
        seen |= reached
    return seen | events


def _participants(kg: KnowledgeGraph, event: str) -> set[str]:
    import networkx as nx

    return {n for n in nx.all_neighbors(kg.graph, event) if kg.graph.nodes[n].get("kind") == "actor"}


def actor_graph(kg: KnowledgeGraph) -> dict[str, Counter[str]]:
    """Actor → recipient counts over events (speakers point at the event's actors too)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for event, (acting, receiving) in kg.index.participants.items():
        speaker = kg.graph.nodes[event].get("attributed_to")
        for a in acting:
            out[a].update(r for r in receiving if r != a)
        if speaker:
            out[speaker].update(a for a in acting if a != speaker)
    return out


def scores(kg: KnowledgeGraph, by: str) -> dict[str, float]:
    """Score every actor by ``degree``, ``events`` or ``pagerank``."""
    index = kg.index
    if by == "events":
        return {a: float(len(index.events_of(a))) for a in index.actor_ids}
    if by == "degree":
        return {a: float(len(_co_actors(kg, a))) for a in index.actor_ids}
    if by == "pagerank":
        return pagerank(actor_graph(kg), index.actor_ids)
    raise ValueError(f"Unknown ranking {by!r}: use 'degree', 'events' or 'pagerank'.")


def _co_actors(kg: KnowledgeGraph, actor: str) -> set[str]:
    return {other for event in kg.index.events_of(actor) for other in _participants(kg, event)} - {actor}


def pagerank(edges: Mapping[str, Counter[str]], nodes: Iterable[str], damping: float = 0.85) -> dict[str, float]:
    """Weighted PageRank by power iteration (no scipy needed); dangling mass is spread evenly.

    >>> r = pagerank({"a": Counter({"b": 1}), "c": Counter({"b": 2})}, ["a", "b", "c"])
    >>> max(r, key=r.get), round(sum(r.values()), 6)
    ('b', 1.0)
    """
    names = list(nodes)
    if not names:
        return {}
    rank = dict.fromkeys(names, 1.0 / len(names))
    totals = {n: sum(edges.get(n, Counter()).values()) for n in names}
    for _ in range(100):
        dangling = sum(rank[n] for n in names if not totals[n])
        new = dict.fromkeys(names, (1 - damping + damping * dangling) / len(names))
        for n in names:
            for m, w in edges.get(n, Counter()).items():
                if m in new:
                    new[m] += damping * rank[n] * w / totals[n]
        done = sum(abs(new[n] - rank[n]) for n in names) < 1e-10
        rank = new
        if done:
            break
    return rank


# -- records and tables -------------------------------------------------------------------


def records_from_graph(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Contract records rebuilt from event nodes (for graphs loaded without ``events.jsonl``).

    Participants' mention offsets are not in the graph: ``text`` is the actor's label and
    ``start``/``end`` are ``None``.
    """
    out = []
    for event in kg.events():
        for ev in event.evidence or [{}]:
            out.append(_record(kg, event, ev))
    return sorted(out, key=lambda r: (str(r["doc"]), r["start"] or 0, r["trigger"]["start"] or 0, r["id"]))


def _record(kg: KnowledgeGraph, event: Any, ev: Mapping[str, Any]) -> dict[str, Any]:
    data, trigger = event.data, ev.get("trigger") or {}
    speaker = event.attributed_to
    return {
        "doc": ev.get("doc", (event.sources or [None])[0]), "id": ev.get("event", event.id),
        "sentence_index": ev.get("sentence_index"), "sentence": ev.get("sentence"),
        "start": ev.get("start"), "end": ev.get("end"),
        "trigger": {"text": trigger.get("text"), "start": trigger.get("start"), "end": trigger.get("end")},
        "relation": data.get("relation"), "type": data.get("type"), "cameo_root": data.get("cameo_root"),
        "actor": [_entry(kg, a) for a in event.actors], "recipient": [_entry(kg, r) for r in event.recipients],
        "object_text": data.get("object_text"), "date": data.get("date"), "date_text": data.get("date_text"),
        "place": data.get("place"), "mood": data.get("mood"),
        "attributed_to": _entry(kg, speaker) if speaker else None, "confidence": data.get("confidence"),
    }  # fmt: skip


def _entry(kg: KnowledgeGraph, node: str) -> dict[str, Any]:
    data = kg.graph.nodes.get(node, {})
    label = data.get("label") or node.partition(":")[2]
    return {"id": node, "label": label, "text": label, "start": None, "end": None,
            "type": data.get("type"), "country": data.get("country")}  # fmt: skip


def actor_rows(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """One dict per actor with the :data:`ACTOR_COLUMNS`."""
    index = kg.index
    return [
        {"id": a.id, "label": a.label, "type": a.type, "country": a.country, "aliases": list(a.aliases),
         "codes": list(a.codes), "mentions": [dict(m) for m in a.mentions], "events": len(index.events_of(a.id))}
        for a in kg.actors()
    ]  # fmt: skip


def tables(kg: KnowledgeGraph) -> Tables:
    """The events and actors DataFrames (columns: :data:`kgraph.records.FIELDS`, :data:`ACTOR_COLUMNS`)."""
    import pandas as pd

    events = pd.DataFrame(kg.records(), columns=list(FIELDS))
    actors = pd.DataFrame(actor_rows(kg), columns=list(ACTOR_COLUMNS))
    return Tables(events, actors)


# -- saving ----------------------------------------------------------------------


def save(kg: KnowledgeGraph, folder: Path, formats: Iterable[str] | None, settings: Settings | None) -> list[Path]:
    """Write ``formats`` (default: the build defaults) and ``report.json`` into ``folder``."""
    from kgraph.export import DEFAULT_FORMATS, atomic_write, write_exports

    written = write_exports(kg, folder, tuple(formats or DEFAULT_FORMATS), settings=settings)
    with atomic_write(folder / "report.json") as stream:
        stream.write(json.dumps(kg.report, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
    return [*written, folder / "report.json"]
