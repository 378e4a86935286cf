"""Lookup indexes and filters behind :class:`kgraph.KnowledgeGraph`'s query methods.

The index is built lazily, in one pass over the graph, the first time a query needs it, and
rebuilt when nodes are added or removed (or on ``kg.refresh()``). It maps normalised names and aliases to
actor ids and actors to their events by role, so ``kg.events(actor="Kim")`` touches only that
actor's events.

>>> normalise("the U.N. Security Council's")
'un security council'
>>> date_bounds("2016-03")
('2016-03-01', '2016-03-31')
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kgraph.errors import KGraphError

__all__ = ["GraphIndex", "UnknownActorError", "date_bounds", "normalise", "overlaps"]

ROLES: tuple[str, ...] = ("actor", "recipient", "source")
_LEADING = re.compile(r"^(the|a|an|mr|mrs|ms|dr)\s+")
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


class UnknownActorError(KGraphError, KeyError):
    """No actor has that id, name or alias."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def normalise(name: str) -> str:
    """Lower-case ``name``, drop a leading article or title, a trailing 's and punctuation.

    >>> normalise("Kim Jong-Un")
    'kim jong un'
    """
    text = name.strip().lower().replace("\u2019", "'")
    text = text.removesuffix("'s")
    text = _LEADING.sub("", text.replace(".", ""))
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


def date_bounds(value: str | dt.date | None) -> tuple[str, str] | None:
    """Return the first and last day an ISO (partial) date can mean, as ISO strings.

    >>> date_bounds("2016"), date_bounds(dt.date(2016, 3, 5))
    (('2016-01-01', '2016-12-31'), ('2016-03-05', '2016-03-05'))
    """
    if value is None:
        return None
    text = value.isoformat()[:10] if isinstance(value, dt.date) else str(value)[:10]
    parts = text.split("-")
    if not parts[0].isdigit():
        return None
    lo = "-".join([*parts, *["01"] * (3 - len(parts))])
    hi = "-".join([*parts, *["12", "31"][len(parts) - 1 :]]) if len(parts) < 3 else text
    return lo, hi


def overlaps(date: str | None, since: tuple[str, str] | None, until: tuple[str, str] | None) -> bool:
    """Whether an event ``date`` may fall between ``since`` and ``until`` (both inclusive).

    A partial date is a span ("2016-03" is the whole of March); events without a date never
    match a bounded query.

    >>> overlaps("2016-03", date_bounds("2016-03-15"), None), overlaps(None, date_bounds("2016"), None)
    (True, False)
    """
    if since is None and until is None:
        return True
    span = date_bounds(date)
    if span is None:
        return False
    return (since is None or span[1] >= since[0]) and (until is None or span[0] <= until[1])


@dataclass
class GraphIndex:
    """Names → actor ids, actor → events by role, event → participants."""

    signature: tuple[int, int]
    names: dict[str, Counter[str]] = field(default_factory=dict)
    roles: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(dict))
    participants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    actor_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    order: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: nx.MultiDiGraph) -> GraphIndex:
        """Index ``graph`` in one pass over its nodes and edges."""
        index = cls(signature=signature(graph))
        for node, data in graph.nodes(data=True):
            kind = data.get("kind")
            if kind == "actor":
                index.actor_ids.append(node)
                index._add_names(node, data)
            elif kind == "event":
                index.event_ids.append(node)
        index.actor_ids.sort()
        index.event_ids.sort()
        index._add_roles(graph)
        index._add_order(graph)
        return index

    def _add_order(self, graph: nx.MultiDiGraph) -> None:
        """Rank every event by (undated last, date, id): sorting a result is then sorting ints."""
        nodes = graph.nodes
        dates = {e: nodes[e].get("date") for e in self.event_ids}
        ranked = sorted(self.event_ids, key=lambda e: (dates[e] is None, str(dates[e] or ""), e))
        self.order = {e: i for i, e in enumerate(ranked)}

    def _add_names(self, node: str, data: dict[str, Any]) -> None:
        counts = Counter(normalise(str(m.get("text", ""))) for m in data.get("mentions") or ())
        names = {normalise(str(data.get("label") or "")), *(normalise(a) for a in data.get("aliases") or ())}
        for name in names - {""}:
            self.names.setdefault(name, Counter())[node] += 1 + counts.get(name, 0)

    def _add_roles(self, graph: nx.MultiDiGraph) -> None:
        sides: dict[str, dict[str, list[str]]] = {"actor": defaultdict(list), "recipient": defaultdict(list)}
        roles = self.roles
        for u, targets in graph.succ.items():  # the adjacency itself: faster than the edge view
            for v, keys in targets.items():
                for key in keys:
                    role = str(key)
                    actor, event = (v, u) if role == "recipient" else (u, v)
                    roles[actor].setdefault(role, set()).add(event)
                    if role in sides:
                        sides[role][event].append(actor)
        for event in self.event_ids:
            acting, receiving = sides["actor"].get(event, ()), sides["recipient"].get(event, ())
            self.participants[event] = (tuple(sorted(acting)), tuple(sorted(receiving)))

    def resolve(self, name: str, graph: nx.MultiDiGraph) -> str:
        """Return the id of the actor named ``name`` (an id, label or alias, matched leniently).

        When several actors share an alias, the one mentioned most often under it wins.

        Raises:
            UnknownActorError: No actor has that name; the message suggests close names.
        """
        if graph.nodes.get(name, {}).get("kind") == "actor":
            return name
        found = self.names.get(normalise(name))
        if found:
            return min(found, key=lambda node: (-found[node], node))
        raise UnknownActorError(self._unknown(name))

    def _unknown(self, name: str) -> str:
        import difflib

        close = difflib.get_close_matches(normalise(name), list(self.names), n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(repr(c) for c in close)}?" if close else ""
        return f"No actor is named {name!r} (by id, label or alias).{hint} List them with kg.actors()."

    def events_of(self, actor: str, roles: Iterable[str] = ROLES) -> set[str]:
        """Ids of the events ``actor`` takes part in, in any of ``roles``."""
        by_role = self.roles.get(actor, {})
        return set().union(*(by_role.get(role, set()) for role in roles))


def signature(graph: nx.MultiDiGraph) -> tuple[int, int]:
    """What a built index is checked against before use: the graph object and its node count.

    Both are O(1) to read (networkx counts edges by walking every node, which would cost more
    than a lookup). Changes that keep the node count, such as adding an edge between existing
    nodes or editing aliases, need :meth:`kgraph.KnowledgeGraph.refresh`.
    """
    return (id(graph), len(graph))
