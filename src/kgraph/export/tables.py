"""Graph and table exports: node-link JSON, ``events.jsonl``, CSV tables, GraphML and GEXF.

Output is deterministic: keys sorted, nodes and links in id order, rows in record order.

* ``graph.json``: networkx node-link data (read back with :func:`kgraph.load`).
* ``events.jsonl``: the contract records of ``shared/eval/README.md``.
* ``events.csv`` and ``actors.csv`` (format ``csv``): flat tables for spreadsheets and pandas.
  In ``events.csv`` the ``actor``, ``recipient`` and ``attributed_to`` columns hold labels
  (several joined by ``"; "``) and ``*_id`` columns the actor ids; ``trigger`` is its text.
* ``graph.graphml`` and ``graph.gexf``: for Gephi (see :mod:`kgraph.export.gephi`).

>>> import io
>>> from kgraph.graph import KnowledgeGraph
>>> kg = KnowledgeGraph(); kg.graph.add_node("actor:un", kind="actor", label="UN", aliases=["UN", "U.N."])
>>> buf = io.BytesIO(); write_actors_csv(kg, buf, settings=Settings())
>>> buf.getvalue().decode().splitlines()
['id,label,type,country,aliases,codes,mentions,events', 'actor:un,UN,,,UN; U.N.,,0,0']
"""

from __future__ import annotations

import csv
import io
import json
import operator
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from kgraph.config import Settings
from kgraph.export.gephi import write_gexf, write_graphml

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "ACTOR_CSV_COLUMNS",
    "EVENT_CSV_COLUMNS",
    "event_row",
    "node_link",
    "write_actors_csv",
    "write_csv",
    "write_events",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]

#: Columns of ``events.csv``: the contract's fields, flattened, with actor ids alongside labels.
EVENT_CSV_COLUMNS: tuple[str, ...] = (
    "doc", "id", "sentence_index", "sentence", "start", "end", "trigger", "trigger_start", "trigger_end",
    "relation", "type", "cameo_root", "actor", "actor_id", "recipient", "recipient_id", "object_text",
    "date", "date_text", "place", "mood", "attributed_to", "attributed_to_id", "confidence",
)  # fmt: skip
#: Columns of ``actors.csv``.
ACTOR_CSV_COLUMNS: tuple[str, ...] = ("id", "label", "type", "country", "aliases", "codes", "mentions", "events")

#: One encoder each (``json.dumps`` with options makes a new one per call).
_SORTED = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_PLAIN = json.JSONEncoder(ensure_ascii=False)
#: Edges ``(u, v, key, data)`` in order of ``(u, v, key)``.
_EDGE_ORDER = operator.itemgetter(0, 1, 2)


def node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    """Return networkx node-link data of the graph, nodes and links sorted."""
    g = kg.graph
    nodes = [{"id": n, **g.nodes[n]} for n in sorted(g.nodes)]
    links = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in sorted(g.edges(keys=True, data=True), key=_EDGE_ORDER)]
    return {"directed": True, "multigraph": True, "graph": dict(sorted(g.graph.items())), "nodes": nodes, "links": links}


def prepare() -> None:
    """Import what the writers load lazily (the event records): see :func:`kgraph.export.prepare`."""
    import kgraph.records  # noqa: F401


def write_node_link(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``graph.json`` (networkx node-link data; read back with :func:`kgraph.load`).

    One node or link a line, keys sorted, non-ASCII kept: a diff of two builds shows the
    nodes that changed, ``grep`` finds one, and each line is encoded by ``json``'s C encoder
    (an indented file has none and took several times longer). The text of a large graph is
    never held whole.

    >>> import io, networkx as nx
    >>> from kgraph.graph import KnowledgeGraph
    >>> g = nx.MultiDiGraph(); g.add_node("actor:a", kind="actor", label="Ä"); g.add_edge("actor:a", "actor:a")
    0
    >>> out = io.BytesIO(); write_node_link(KnowledgeGraph(g), out, settings=None)  # type: ignore[arg-type]
    >>> print(out.getvalue().decode())
    {"directed": true, "graph": {}, "links": [
    {"key": 0, "source": "actor:a", "target": "actor:a"}
    ], "multigraph": true, "nodes": [
    {"id": "actor:a", "kind": "actor", "label": "Ä"}
    ]}
    <BLANKLINE>
    """
    g = kg.graph
    nodes = ({"id": n, **g.nodes[n]} for n in sorted(g.nodes))
    edges = sorted(g.edges(keys=True, data=True), key=_EDGE_ORDER)
    links = ({"source": u, "target": v, "key": k, **d} for u, v, k, d in edges)
    graph = _dumps(dict(sorted(g.graph.items())))
    stream.write(f'{{"directed": true, "graph": {graph}, "links": ['.encode())
    _lines(links, stream)
    stream.write(b'], "multigraph": true, "nodes": [')
    _lines(nodes, stream)
    stream.write(b"]}\n")


def _dumps(value: Any) -> str:
    return _SORTED.encode(value)


def _lines(items: Iterable[Any], stream: IO[bytes], flush: int = 4096) -> None:
    """Write ``items`` as the lines of a JSON list body: newline, one item a line, commas between.

    >>> import io; out = io.BytesIO(); _lines(range(5), out, flush=2); out.getvalue()
    b'\\n0,\\n1,\\n2,\\n3,\\n4\\n'
    """
    out: list[str] = []
    lead = "\n"
    for item in items:
        out.append(_dumps(item))
        if len(out) >= flush:
            stream.write((lead + ",\n".join(out)).encode("utf-8"))
            out.clear()
            lead = ",\n"
    if out:
        stream.write((lead + ",\n".join(out)).encode("utf-8"))
    stream.write(b"\n")


def write_events(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write one contract record per extracted event (``events.jsonl``), a record at a time."""
    from kgraph.records import event_records

    lines: list[bytes] = []
    for record in event_records(kg.results) if kg.results else kg.records():
        lines.append(_PLAIN.encode(record).encode("utf-8") + b"\n")
        if len(lines) >= 4096:
            stream.write(b"".join(lines))
            lines.clear()
    stream.write(b"".join(lines))


def _join(entries: Iterable[Mapping[str, Any] | None], key: str) -> str:
    return "; ".join(str(e.get(key) or "") for e in entries if e)


def event_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten one contract record into an ``events.csv`` row.

    >>> row = event_row({"trigger": {"text": "met", "start": 3, "end": 6},
    ...                  "actor": [{"id": "actor:a", "label": "A"}, {"id": "actor:b", "label": "B"}]})
    >>> row["trigger"], row["actor"], row["actor_id"], row["recipient"]
    ('met', 'A; B', 'actor:a; actor:b', '')
    """
    trigger, speaker = record.get("trigger") or {}, record.get("attributed_to")
    row = {k: record.get(k) for k in EVENT_CSV_COLUMNS}
    row.update(trigger=trigger.get("text"), trigger_start=trigger.get("start"), trigger_end=trigger.get("end"))
    for side in ("actor", "recipient"):
        row[side], row[f"{side}_id"] = _join(record.get(side) or (), "label"), _join(record.get(side) or (), "id")
    row["attributed_to"], row["attributed_to_id"] = _join([speaker], "label"), _join([speaker], "id")
    return row


def _write_csv(stream: IO[bytes], columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    text.detach()


def write_csv(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``events.csv``: one flat row per contract record (columns :data:`EVENT_CSV_COLUMNS`).

    In a build folder the ``csv`` format also writes ``actors.csv`` (:func:`write_actors_csv`).
    """
    _write_csv(stream, EVENT_CSV_COLUMNS, (event_row(r) for r in kg.records()))


def write_actors_csv(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``actors.csv``: one row per actor; aliases and codes joined by ``"; "``, counts of mentions and events."""
    from kgraph.graph_analysis import actor_rows

    rows = [
        {**row, "aliases": "; ".join(row["aliases"]), "codes": "; ".join(row["codes"]), "mentions": len(row["mentions"])}
        for row in actor_rows(kg)
    ]
    _write_csv(stream, ACTOR_CSV_COLUMNS, rows)
