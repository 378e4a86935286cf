"""The HTML exporter: one self-contained, offline ``graph.html`` for analysts.

pyvis 0.3.2 sits behind this small adapter. kgraph builds a pyvis ``Network`` with
``cdn_resources="in_line"`` and renders it with :meth:`Network.generate_html` through
its own template (``html_assets/graph.html.j2``), never ``write_html`` (which copies
``lib/`` into the working directory). The page:

* inlines vis-network and loads nothing from the network (a Content-Security-Policy
  with ``default-src 'none'`` and script hashes makes sure of it);
* carries the graph as JSON in ``<script type="application/json">`` blocks with ``<``,
  ``>``, ``&`` and U+2028/U+2029 escaped, so article text can never close the tag;
* is driven by ``html_assets/app.js``, which inserts every piece of article text with
  ``textContent`` (tooltips are DOM elements, never HTML strings);
* above :data:`PHYSICS_LIMIT` nodes gets its layout from Python and no physics, and keeps
  only the ``settings.html_max_nodes`` most active nodes, saying in the page what was left out.

>>> from kgraph.graph import KnowledgeGraph
>>> html = to_html(KnowledgeGraph())
>>> html.startswith("<!DOCTYPE html>") and 'src="http' not in html
True
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from kgraph.config import Settings
from kgraph.export.html_layout import SEED, event_actors, layout

if TYPE_CHECKING:
    from jinja2 import Environment
    from pyvis.network import Network

    from kgraph.graph import KnowledgeGraph

__all__ = ["ACTOR_COLOURS", "MOOD_COLOURS", "PHYSICS_LIMIT", "escape_json", "to_html", "write_html"]

#: Fill colour of actor nodes by actor type.
ACTOR_COLOURS: dict[str, str] = {
    "PERSON": "#4e79a7", "ORGANIZATION": "#f28e2b", "COUNTRY": "#59a14f",
    "GROUP": "#b07aa1", "LOCATION": "#9c755f", "OTHER": "#bab0ac",
}  # fmt: skip
#: Fill colour of event nodes by mood.
MOOD_COLOURS: dict[str, str] = {
    "asserted": "#555555", "negated": "#e15759", "future": "#76b7b2",
    "hypothetical": "#edc948", "reported": "#ff9da7",
}  # fmt: skip
#: Above this many nodes the layout is computed in Python and physics is off.
PHYSICS_LIMIT = 1000
_VIS = "lib/vis-9.1.2/"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True, slots=True)
class _Selection:
    """The nodes that go into the page, most active first, and what was left out."""

    actors: list[str]
    events: list[str]
    total_actors: int
    total_events: int

    @property
    def omitted(self) -> int:
        return self.total_actors + self.total_events - len(self.actors) - len(self.events)


def write_html(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write the interactive page of ``kg`` to a binary stream, UTF-8 encoded.

    Args:
        kg: The graph.
        stream: Where the bytes go.
        settings: ``settings.html_max_nodes`` caps the nodes shown (``None`` or 0: all).

    >>> import io
    >>> from kgraph.graph import KnowledgeGraph
    >>> buf = io.BytesIO()
    >>> write_html(KnowledgeGraph(), buf, settings=Settings())
    >>> b"vis.Network" in buf.getvalue()
    True
    """
    stream.write(to_html(kg, settings=settings).encode("utf-8"))


def to_html(kg: KnowledgeGraph, *, settings: Settings | None = None) -> str:
    """Return the self-contained HTML page of ``kg``.

    Args:
        kg: The graph.
        settings: Run settings; ``html_max_nodes`` caps the nodes shown (``None`` or 0: all).

    >>> from kgraph.graph import KnowledgeGraph
    >>> "kg-nodes" in to_html(KnowledgeGraph())
    True
    """
    settings = settings or Settings()
    activity = _activity(kg.graph)
    selection = _select(kg, activity, settings.html_max_nodes)
    net = _network(kg, selection, activity)
    net.templateEnv = _environment(_meta(kg, selection))
    net.path = "graph.html.j2"
    return str(net.generate_html())


# -- choosing and describing the nodes ----------------------------------------------------------


def _activity(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Return actor id → number of distinct events it takes part in (any role)."""
    kinds = dict(graph.nodes(data="kind"))
    return {
        node: len({n for n in itertools.chain(graph.succ[node], graph.pred[node]) if kinds[n] == "event"})
        for node, kind in kinds.items()
        if kind == "actor"
    }


def _select(kg: KnowledgeGraph, activity: dict[str, int], max_nodes: int | None) -> _Selection:
    """Keep the most active part of the graph: at most ``max_nodes`` nodes.

    The most active actors are kept (at least a third of the room, more if all their events
    fit); then events whose actors are all kept, in :func:`_event_order`.
    """
    actors = sorted(activity, key=lambda a: (-activity[a], a))
    events = sorted(n for n, kind in kg.graph.nodes(data="kind") if kind == "event")
    if not max_nodes or len(actors) + len(events) <= max_nodes:  # None or 0: keep every node
        return _Selection(actors, events, len(actors), len(events))
    kinds = dict(kg.graph.nodes(data="kind"))
    members = {e: event_actors(kg.graph, e, kinds) for e in events}
    kept = actors[: _actor_room(actors, members, max_nodes)]
    ordered = _event_order(kg.graph, kept, members)
    return _Selection(kept, ordered[: max(0, max_nodes - len(kept))], len(actors), len(events))


def _actor_room(actors: list[str], members: dict[str, set[str]], max_nodes: int) -> int:
    """Return how many top actors to keep: all whose events fit, and at least a third of the room."""
    rank = {a: i + 1 for i, a in enumerate(actors)}
    per_rank = [0] * (len(actors) + 1)
    for group in members.values():
        if group:
            per_rank[max(rank[a] for a in group)] += 1
    best, fitting = 0, 0
    for k in range(1, len(actors) + 1):
        fitting += per_rank[k]
        if k + fitting > max_nodes:
            break
        best = k
    return min(len(actors), max(best, max_nodes // 3))


def _event_order(graph: nx.MultiDiGraph, kept: list[str], members: dict[str, set[str]]) -> list[str]:
    """Order the candidate events: relations between kept actors first (most corroborated,
    most confident), then one-actor events taken in turn from each actor, then actorless ones."""

    def weight(e: str) -> tuple[int, float, str]:
        data = graph.nodes[e]
        return (-int(data.get("corroboration") or 1), -float(data.get("confidence") or 0.0), e)

    kept_set = set(kept)
    relations = sorted((e for e, g in members.items() if len(g) > 1 and g <= kept_set), key=weight)
    by_actor: dict[str, list[str]] = {a: [] for a in kept}
    for e, group in members.items():
        if len(group) == 1 and group <= kept_set:
            by_actor[next(iter(group))].append(e)
    queues = [sorted(q, key=weight) for q in by_actor.values()]
    in_turn = [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]
    return relations + in_turn + sorted(e for e, g in members.items() if not g)


def _actor_node(node: str, data: dict[str, Any], activity: int) -> dict[str, Any]:
    """Return the vis node options and kgraph fields of an actor."""
    kind = data.get("type") or "OTHER"
    return {
        "label": str(data.get("label") or node),
        "shape": "dot",
        "color": ACTOR_COLOURS.get(kind, ACTOR_COLOURS["OTHER"]),
        "size": round(min(45.0, 9 + 4 * math.sqrt(activity)), 1),
        "kg": {
            "kind": "actor", "type": kind, "country": data.get("country"), "activity": activity,
            "aliases": list(data.get("aliases") or ()), "codes": list(data.get("codes") or ()),
        },
    }  # fmt: skip


def _event_node(node: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return the vis node options and kgraph fields of an event."""
    mood = data.get("mood") or "asserted"
    relation = str(data.get("relation") or data.get("type") or node)
    evidence = [
        {"doc": ev.get("doc"), "sentence": ev.get("sentence"), "sentence_index": ev.get("sentence_index")}
        for ev in data.get("evidence") or ()
    ]
    return {
        "label": relation if len(relation) <= 32 else relation[:31] + "…",
        "shape": "diamond",
        "color": MOOD_COLOURS.get(mood, MOOD_COLOURS["asserted"]),
        "size": 9,
        "font": {"size": 11},
        "kg": {
            "kind": "event", "relation": relation, "type": data.get("type"), "mood": mood,
            "date": data.get("date"), "date_text": data.get("date_text"), "place": data.get("place"),
            "confidence": data.get("confidence"), "sources": list(data.get("sources") or ()),
            "attributed_to": data.get("attributed_to"), "evidence": evidence,
        },
    }  # fmt: skip


# -- pyvis ---------------------------------------------------------------------------------------


def prepare() -> None:
    """Import what this writer loads lazily (pyvis, Jinja, NumPy for the layout), now.

    See :func:`kgraph.export.prepare`.
    """
    import jinja2  # noqa: F401
    import markupsafe  # noqa: F401
    import numpy.random  # noqa: F401 - networkx's spring_layout imports it
    import pyvis.network  # noqa: F401


def _network(kg: KnowledgeGraph, selection: _Selection, activity: dict[str, int]) -> Network:
    """Build the pyvis ``Network`` (directed, inline resources) of the selected nodes."""
    from pyvis.network import Network  # lazy: pyvis imports IPython

    graph = kg.graph
    big = len(selection.actors) + len(selection.events) > PHYSICS_LIMIT
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.node_ids = _IdList()
    pos = layout(graph, selection.actors, selection.events)
    for actor in selection.actors:
        net.add_node(
            actor, **_actor_node(actor, graph.nodes[actor], activity[actor]), x=pos[actor][0], y=pos[actor][1]
        )
    for event in selection.events:
        net.add_node(event, **_event_node(event, graph.nodes[event]), x=pos[event][0], y=pos[event][1])
    kept = set(selection.actors) | set(selection.events)
    for u, v, key in sorted(graph.edges(keys=True)):
        if u in kept and v in kept:
            net.add_edge(u, v, id=f"{u}|{key}|{v}", **_edge_style(str(key)))
    net.options = _options(big)
    return net


class _IdList(list):  # type: ignore[type-arg]
    """pyvis keeps node ids in a list and searches it for every node and edge it adds
    (quadratic: minutes for 30,000 nodes); this list answers ``in`` from a set."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[object] = set()

    def append(self, item: object) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _edge_style(role: str) -> dict[str, Any]:
    """Return vis edge options for a role edge (the speaker edge is dashed)."""
    colour = {"actor": "#7a8ca5", "recipient": "#c96b4b", "source": "#999999"}.get(role, "#999999")
    return {"color": colour, "dashes": role == "source", "width": 1.2, "kg": {"role": role}}


def _options(big: bool) -> dict[str, Any]:
    """Return vis-network options: bounded physics for small graphs, none for big ones."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, sans-serif"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False if big else {"type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": not big,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "multiselect": False},
    }


# -- the template --------------------------------------------------------------------------------


def _meta(kg: KnowledgeGraph, selection: _Selection) -> dict[str, Any]:
    """Return what the page needs besides nodes and edges: documents, legend, counts."""
    documents = {
        str(doc): {k: meta.get(k) for k in ("title", "date", "source", "url")}
        for doc, meta in sorted(kg.documents.items())
    }
    shown = len(selection.actors) + len(selection.events)
    note = ""
    if selection.omitted:
        note = (
            f"Showing the {shown:,} most active of {shown + selection.omitted:,} nodes "
            f"({len(selection.actors):,} of {selection.total_actors:,} actors, "
            f"{len(selection.events):,} of {selection.total_events:,} events); "
            f"{selection.omitted:,} less active nodes were left out. Raise --max-nodes to see more."
        )
    return {
        "documents": documents,
        "actorColours": ACTOR_COLOURS,
        "moodColours": MOOD_COLOURS,
        "counts": {"actors": selection.total_actors, "events": selection.total_events, "shown": shown,
                   "omitted": selection.omitted},
        "omittedNote": note,
        "physics": shown <= PHYSICS_LIMIT,
    }  # fmt: skip


def escape_json(text: str) -> str:
    """Escape JSON text so that it is safe inside a ``<script>`` element.

    >>> escape_json('{"a": "</script><b>&"}')
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def _to_json(value: Any) -> str:
    """Dump ``value`` as compact JSON that is safe inside a ``<script>`` element."""
    if isinstance(value, str):  # pyvis hands the options over as JSON text already
        value = json.loads(value)
    return escape_json(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def _asset(name: str) -> str:
    """Return the text of a file in ``kgraph/export/html_assets``."""
    return (resources.files("kgraph.export") / "html_assets" / name).read_text(encoding="utf-8")


def _script_hash(code: str) -> str:
    """Return the CSP source expression (``'sha256-…'``) of an inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment(meta: dict[str, Any]) -> Environment:
    """Return the Jinja environment pyvis renders with: our template, pyvis's inline vis-network."""
    import pyvis
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
    from markupsafe import Markup

    pyvis_templates = FileSystemLoader(str(resources.files(pyvis) / "templates"))
    env = Environment(
        loader=ChoiceLoader([DictLoader({"graph.html.j2": _asset("graph.html.j2")}), pyvis_templates]),
        autoescape=True,
    )
    vis_js = pyvis_templates.get_source(env, _VIS + "vis-network.min.js")[0]
    app_js = _asset("app.js")
    for code in (vis_js, app_js):
        if "</script" in code.lower():
            raise ValueError("an inline script contains '</script': it would end the page's script tag")
    env.filters["kg_json"] = lambda value: Markup(_to_json(value))
    env.globals.update(
        kg_meta=Markup(_to_json(meta)),
        vis_js=Markup(vis_js),
        vis_css=Markup(pyvis_templates.get_source(env, _VIS + "vis-network.css")[0]),
        app_js=Markup(app_js),
        app_css=Markup(_asset("app.css")),
        script_hashes=" ".join(_script_hash(code) for code in (vis_js, app_js)),
    )
    return env
