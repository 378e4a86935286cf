"""What changed between two builds: actors and events added, removed or changed.

Nodes are matched by id. Actor ids come from canonical names and event ids from the
document and trigger, so a rebuilt article keeps its ids and a changed type, mood, date or
participant shows as a change of the same event.

>>> from kgraph.graph import KnowledgeGraph
>>> old, new = KnowledgeGraph(), KnowledgeGraph()
>>> old.graph.add_node("actor:un", kind="actor", label="UN", type="OTHER")
>>> new.graph.add_node("actor:un", kind="actor", label="UN", type="ORGANIZATION")
>>> new.graph.add_node("actor:iran", kind="actor", label="Iran", type="COUNTRY")
>>> d = diff(old, new)
>>> d.actors_added, d.actors_changed[0].fields
(('actor:iran',), {'type': ('OTHER', 'ORGANIZATION')})
>>> print(format_text(d, old, new))
actors: +1 -0 ~1; events: +0 -0 ~0
+ actor actor:iran  Iran (COUNTRY)
~ actor actor:un  UN: type OTHER -> ORGANIZATION
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgraph.graph import KnowledgeGraph
from kgraph.views import ActorView, EventView

__all__ = ["ACTOR_FIELDS", "EVENT_FIELDS", "Change", "GraphDiff", "diff", "format_text"]

#: What is compared on actors (``mentions`` by count).
ACTOR_FIELDS: tuple[str, ...] = ("label", "type", "country", "aliases", "codes", "mentions")
#: What is compared on events.
EVENT_FIELDS: tuple[str, ...] = (
    "relation", "type", "cameo_root", "date", "place", "mood", "actors", "recipients", "attributed_to", "sources",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Change:
    """One node present in both builds with different values: ``field → (old, new)``."""

    id: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GraphDiff:
    """Node ids added and removed, and changes, for actors and events (each sorted by id)."""

    actors_added: tuple[str, ...] = ()
    actors_removed: tuple[str, ...] = ()
    actors_changed: tuple[Change, ...] = ()
    events_added: tuple[str, ...] = ()
    events_removed: tuple[str, ...] = ()
    events_changed: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        """True when anything differs."""
        return any(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form: changes as ``{id, fields: {name: {old, new}}}``."""
        out: dict[str, Any] = {}
        for kind in ("actors", "events"):
            out[kind] = {
                "added": list(getattr(self, f"{kind}_added")),
                "removed": list(getattr(self, f"{kind}_removed")),
                "changed": [
                    {"id": c.id, "fields": {k: {"old": o, "new": n} for k, (o, n) in c.fields.items()}}
                    for c in getattr(self, f"{kind}_changed")
                ],
            }
        return out


def _actor_values(view: ActorView) -> dict[str, Any]:
    values = {name: getattr(view, name) for name in ACTOR_FIELDS}
    values["aliases"], values["codes"] = list(view.aliases), list(view.codes)
    values["mentions"] = len(view.mentions)
    return values


def _event_values(view: EventView) -> dict[str, Any]:
    values = {name: getattr(view, name) for name in EVENT_FIELDS}
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def _compare(old: dict[str, Any], new: dict[str, Any], values: Callable[[Any], dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
    added = tuple(sorted(new.keys() - old.keys()))
    removed = tuple(sorted(old.keys() - new.keys()))
    changes = []
    for node in sorted(old.keys() & new.keys()):
        before, after = values(old[node]), values(new[node])
        fields = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        if fields:
            changes.append(Change(node, fields))
    return added, removed, tuple(changes)  # type: ignore[return-value]


def _graph(value: KnowledgeGraph | str | Path) -> KnowledgeGraph:
    if isinstance(value, KnowledgeGraph):
        return value
    from kgraph.load import load

    return load(value)


def diff(old: KnowledgeGraph | str | Path, new: KnowledgeGraph | str | Path) -> GraphDiff:
    """Compare two graphs (or builds, loaded with :func:`kgraph.load`).

    Args:
        old: The earlier graph or build path.
        new: The later graph or build path.

    Returns:
        The :class:`GraphDiff`; it is falsy when the graphs have the same actors and events.
    """
    a, b = _graph(old), _graph(new)
    actors = _compare({v.id: v for v in a.actors()}, {v.id: v for v in b.actors()}, _actor_values)
    events = _compare({v.id: v for v in a.events()}, {v.id: v for v in b.events()}, _event_values)
    return GraphDiff(*actors, *events)  # type: ignore[arg-type]


def _describe(kg: KnowledgeGraph, node: str) -> str:
    data = kg.graph.nodes[node]
    if data.get("kind") == "actor":
        return f"{data.get('label')} ({data.get('type')})"
    view = kg.event(node)
    names = lambda ids: ", ".join(str(kg.graph.nodes[i].get("label")) for i in ids) or "?"
    when = f" {view.date}" if view.date else ""
    return f"{view.type or '-'} '{view.relation}' {names(view.actors)} -> {names(view.recipients)}{when}"


def format_text(d: GraphDiff, old: KnowledgeGraph, new: KnowledgeGraph) -> str:
    """Render a diff as text: a summary line, then ``+``/``-``/``~`` lines per node."""
    counts = [f"{kind}: +{len(getattr(d, f'{kind}_added'))} -{len(getattr(d, f'{kind}_removed'))} "
              f"~{len(getattr(d, f'{kind}_changed'))}" for kind in ("actors", "events")]  # fmt: skip
    lines = ["; ".join(counts)]
    for kind in ("actor", "event"):
        lines += [f"+ {kind} {n}  {_describe(new, n)}" for n in getattr(d, f"{kind}s_added")]
        lines += [f"- {kind} {n}  {_describe(old, n)}" for n in getattr(d, f"{kind}s_removed")]
        for change in getattr(d, f"{kind}s_changed"):
            what = "; ".join(f"{k} {_short(o)} -> {_short(n)}" for k, (o, n) in change.fields.items())
            label = new.graph.nodes[change.id].get("label") or new.graph.nodes[change.id].get("relation")
            lines.append(f"~ {kind} {change.id}  {label}: {what}")
    return "\n".join(lines)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
