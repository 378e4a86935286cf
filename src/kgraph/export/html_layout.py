"""Where each node of ``graph.html`` goes when the page is too big for live physics.

Positions are computed once in Python, deterministically (seeded), so the page opens laid
out: each group of actors that share events is laid out on its own by ``nx.spring_layout``,
events go round their actors, and the groups are packed in rows, largest first.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("actor:a", {"kind": "actor"}), ("actor:b", {"kind": "actor"}), ("event:e", {"kind": "event"})])
>>> _ = g.add_edge("actor:a", "event:e", key="actor"); _ = g.add_edge("event:e", "actor:b", key="recipient")
>>> sorted(layout(g, ["actor:a", "actor:b"], ["event:e"]))
['actor:a', 'actor:b', 'event:e']
"""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx

__all__ = ["BACKBONE", "SEED", "event_actors", "layout"]

#: At most this many actors are laid out by ``spring_layout`` (dense solver, no SciPy needed).
BACKBONE = 400
#: The seed of every random choice of the layout (and of vis-network's own).
SEED = 7


def event_actors(graph: nx.MultiDiGraph, event: str, kinds: dict[str, str | None] | None = None) -> set[str]:
    """Return the actors linked to ``event`` in any role (``kinds``: node → kind, if at hand)."""
    kind = kinds.__getitem__ if kinds is not None else (lambda n: graph.nodes[n].get("kind"))
    return {n for n in itertools.chain(graph.succ[event], graph.pred[event]) if kind(n) == "actor"}


def layout(graph: nx.MultiDiGraph, actors: list[str], events: list[str]) -> dict[str, tuple[float, float]]:
    """Return deterministic positions (pixels) for ``actors`` (most active first) and ``events``.

    Each connected group of actors (actors that share events) is laid out on its own:
    ``nx.spring_layout`` with a fixed seed for its :data:`BACKBONE` most active actors, the
    others near their placed neighbours; events go round their actors (see :func:`_place_events`).
    The groups are then packed in rows, largest first, so that no group hides another.
    """
    rng = random.Random(SEED)
    projection = _projection(graph, actors, events)
    order = {a: i for i, a in enumerate(actors)}
    members = {
        e: sorted((a for a in event_actors(graph, e) if a in order), key=order.__getitem__) for e in events
    }
    owner: dict[str, list[str]] = {}
    for event, group in members.items():
        owner.setdefault(group[0] if group else "", []).append(event)
    groups = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(projection)),
                    key=lambda c: (-len(c), order[c[0]]))  # fmt: skip
    blocks = []
    for group in groups:
        pos = _group_layout(projection, group, rng)
        _place_events(pos, [e for a in group for e in owner.get(a, [])], members, rng)
        blocks.append(pos)
    blocks.append(_grid(owner.get("", [])))
    return _pack([b for b in blocks if b])


def _projection(graph: nx.MultiDiGraph, actors: list[str], events: list[str]) -> nx.Graph:
    """Return the actor graph: actors joined when they share an event (weight = shared events)."""
    projection = nx.Graph()
    projection.add_nodes_from(actors)
    for event in events:
        members = sorted(a for a in event_actors(graph, event) if a in projection)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                weight = projection.get_edge_data(a, b, {"weight": 0})["weight"]
                projection.add_edge(a, b, weight=weight + 1)
    return projection


def _group_layout(
    projection: nx.Graph, group: list[str], rng: random.Random
) -> dict[str, tuple[float, float]]:
    """Lay out one connected group of actors (most active first) around (0, 0)."""
    if len(group) == 1:
        return {group[0]: (0.0, 0.0)}
    scale = 90 * math.sqrt(len(group))
    backbone = nx.Graph()  # built in `group` order: a subgraph view would iterate a set (hash-seed order)
    backbone.add_nodes_from(group[:BACKBONE])
    backbone.add_edges_from(
        sorted((a, b, d) for a, b, d in projection.edges(group[:BACKBONE], data=True) if b in backbone)
    )
    found = nx.spring_layout(backbone, seed=SEED, iterations=50, scale=scale)
    pos = {n: (float(x), float(y)) for n, (x, y) in found.items()}
    for actor in group[BACKBONE:]:  # in activity order, so most have a placed neighbour
        near = [pos[n] for n in sorted(projection[actor]) if n in pos] or [(0.0, 0.0)]
        pos[actor] = _jitter(_mean(near), rng, 60)
    return pos


def _place_events(
    pos: dict[str, tuple[float, float]], events: list[str], members: dict[str, list[str]], rng: random.Random
) -> None:
    """Place relations near the middle of their actors (seeded jitter keeps parallel events
    apart) and one-actor events on a sunflower spiral round their actor."""
    turns: dict[str, int] = {}
    for event in events:
        group = members[event]
        if len(group) > 1:
            pos[event] = _jitter(_mean([pos[a] for a in group]), rng, 40)
            continue
        i = turns[group[0]] = turns.get(group[0], 0) + 1
        x, y = pos[group[0]]
        radius, angle = 30 + 14 * math.sqrt(i), i * 2.39996
        pos[event] = (round(x + radius * math.cos(angle), 1), round(y + radius * math.sin(angle), 1))


def _grid(nodes: list[str], step: float = 40.0) -> dict[str, tuple[float, float]]:
    """Place nodes on a square grid (events with no actor)."""
    side = max(1, math.ceil(math.sqrt(len(nodes))))
    return {n: (step * (i % side), step * (i // side)) for i, n in enumerate(nodes)}


def _pack(blocks: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Shift each block (largest first) into rows of a roughly square sheet; return all positions."""
    if not blocks:
        return {}
    boxes = []
    for pos in blocks:
        cx, cy = _mean(list(pos.values()))
        radius = 40 + max(math.hypot(x - cx, y - cy) for x, y in pos.values())
        boxes.append((pos, cx, cy, radius))
    width = max(max(2 * b[3] for b in boxes), 1.1 * math.sqrt(sum((2 * b[3]) ** 2 for b in boxes)))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for pos, cx, cy, radius in boxes:
        if x and x + 2 * radius > width:
            x, y, row = 0.0, y + row, 0.0
        dx, dy = x + radius - cx, y + radius - cy
        placed.update({n: (round(px + dx, 1), round(py + dy, 1)) for n, (px, py) in pos.items()})
        x, row = x + 2 * radius, max(row, 2 * radius)
    return placed


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the mean of ``points``."""
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _jitter(point: tuple[float, float], rng: random.Random, radius: float) -> tuple[float, float]:
    """Return ``point`` moved by a seeded offset of length between radius/2 and radius."""
    angle, length = rng.uniform(0, 2 * math.pi), rng.uniform(radius / 2, radius)
    return (round(point[0] + length * math.cos(angle), 1), round(point[1] + length * math.sin(angle), 1))
