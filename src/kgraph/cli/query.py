"""``kgraph query ACTOR --graph DIR``: an actor's aliases, its events by type and date, its neighbours."""

from __future__ import annotations

import argparse
import json
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph
    from kgraph.views import ActorView, EventView

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("actor", metavar="ACTOR", help="actor name, alias or id (\"Kim\", \"actor:kim-jong-un\")")
    parser.add_argument("--graph", type=Path, default=Path("exports"), help="build folder or graph file (default: %(default)s)")
    parser.add_argument("--type", action="append", dest="types", metavar="TYPE", help="only events of this type (repeatable)")
    parser.add_argument("--since", help="only events on or after this ISO date")
    parser.add_argument("--until", help="only events on or before this ISO date")
    parser.add_argument("--limit", type=int, default=10, help="neighbours to show (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    from kgraph.load import load

    kg = load(args.graph)
    actor = kg.actor(args.actor)
    events = kg.events(involving=actor.id, type=args.types, since=args.since, until=args.until)
    neighbours = kg.neighbours(actor.id)[: args.limit]
    if args.json:
        print(json.dumps(_as_json(kg, actor, events, neighbours), indent=1, ensure_ascii=False))
    else:
        print("\n".join(_as_text(kg, actor, events, neighbours)))
    return 0


def _label(kg: KnowledgeGraph, node: str) -> str:
    return str(kg.graph.nodes[node].get("label") or node)


def _event_line(kg: KnowledgeGraph, e: EventView) -> str:
    names = lambda ids: ", ".join(_label(kg, i) for i in ids) or "-"
    extra = f" [{e.mood}]" if e.mood != "asserted" else ""
    return f"    {e.date or 'undated':<10}  {names(e.actors)} -> {names(e.recipients)}: {e.relation}{extra}  ({e.corroboration} src)"


def _as_text(kg: KnowledgeGraph, actor: ActorView, events: list[EventView], neighbours: list[tuple[ActorView, int]]) -> list[str]:
    lines = [f"{actor.label}  {actor.id}  type={actor.type} country={actor.country or '-'}"]
    lines.append("aliases: " + ("; ".join(actor.aliases) or "-"))
    lines.append(f"events: {len(events)}")
    by_type = sorted(events, key=lambda e: (e.type or "~untyped", e.date or "~", e.id))
    for kind, group in groupby(by_type, key=lambda e: e.type or "untyped"):
        items = list(group)
        lines.append(f"  {kind} ({len(items)})")
        lines += [_event_line(kg, e) for e in items]
    lines.append("neighbours: " + ("; ".join(f"{a.label} ({n})" for a, n in neighbours) or "-"))
    return lines


def _as_json(kg: KnowledgeGraph, actor: ActorView, events: list[EventView], neighbours: list[tuple[ActorView, int]]) -> dict[str, Any]:
    return {
        "id": actor.id, "label": actor.label, "type": actor.type, "country": actor.country,
        "aliases": list(actor.aliases),
        "events": [{"id": e.id, "type": e.type, "relation": e.relation, "date": e.date, "mood": e.mood,
                    "actors": list(e.actors), "recipients": list(e.recipients), "sources": list(e.sources)}
                   for e in events],
        "neighbours": [{"id": a.id, "label": a.label, "shared_events": n} for a, n in neighbours],
    }  # fmt: skip
