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
import math
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from typing import IO, TYPE_CHECKING, Any, Iterable, Mapping

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


def node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    """Return networkx node-link data of the graph, nodes and links sorted."""
    g = kg.graph
    nodes = [{"id": n, **g.nodes[n]} for n in sorted(g.nodes)]
    links = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
    return {"directed": True, "multigraph": True, "graph": dict(sorted(g.graph.items())), "nodes": nodes, "links": links}


def write_node_link(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``graph.json`` (networkx node-link data; read back with :func:`kgraph.load`).

    The bytes are those of ``json.dumps(node_link(kg), ensure_ascii=False, sort_keys=True,
    indent=1)`` plus a newline, written a node or link at a time: the text of a large graph
    is never held whole, and :func:`_indented` writes it about 2.5 times faster than ``json``
    does with ``indent`` (which has no C encoder for it).
    """
    g = kg.graph
    nodes = ({"id": n, **g.nodes[n]} for n in sorted(g.nodes))
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    links = ({"source": u, "target": v, "key": k, **d} for u, v, k, d in edges)
    out = ['{\n "directed": true,\n "graph": ']
    _indented(dict(sorted(g.graph.items())), "\n ", out)
    out.append(',\n "links": ')
    _indented_list(links, stream, out)
    out.append(',\n "multigraph": true,\n "nodes": ')
    _indented_list(nodes, stream, out)
    out.append("\n}\n")
    stream.write("".join(out).encode("utf-8"))


def _indented_list(items: Iterable[Any], stream: IO[bytes], out: list[str], flush: int = 20_000) -> None:
    """Append the indented JSON of a list of ``items`` (at depth 1) to ``out``, flushing it to ``stream``."""
    sep = "[\n  "
    for item in items:
        out.append(sep)
        _indented(item, "\n  ", out)
        sep = ",\n  "
        if len(out) > flush:
            stream.write("".join(out).encode("utf-8"))
            out.clear()
    out.append("[]" if sep.startswith("[") else "\n ]")


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _indented(value: Any, pad: str, out: list[str]) -> None:
    """Append the text ``json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)`` gives
    at the indentation ``pad`` (a newline and the spaces of the current depth) to ``out``.

    >>> value, out = {"b": [1, 2.5, None], "a": {}, "c": "é\\n"}, []
    >>> _indented(value, "\\n", out)
    >>> "".join(out) == json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    True
    """
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None or value is True or value is False:
        out.append(_CONSTANTS[value])
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and math.isfinite(value):
        out.append(float.__repr__(value))
    elif isinstance(value, dict) and value and all(type(k) is str for k in value):
        inner, sep = pad + " ", "{"
        for key, item in sorted(value.items()):
            _item(f"{sep}{inner}{_string(key)}: ", item, inner, out)
            sep = ","
        out.append(pad + "}")
    elif isinstance(value, (list, tuple)) and value:
        inner, sep = pad + " ", "["
        for item in value:
            _item(sep + inner, item, inner, out)
            sep = ","
        out.append(pad + "]")
    else:  # numbers, booleans, None, empty or unusual containers: as json writes them
        out.append(json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", pad))


def _item(head: str, item: Any, pad: str, out: list[str]) -> None:
    """Append ``head`` and the indented JSON of ``item`` (strings and ints, the most common, at once)."""
    kind = type(item)
    if kind is str:
        out.append(head + _string(item))
    elif kind is int:
        out.append(head + int.__repr__(item))
    else:
        out.append(head)
        _indented(item, pad, out)


def write_events(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write one contract record per extracted event (``events.jsonl``), a record at a time."""
    from kgraph.records import event_records

    lines: list[bytes] = []
    for record in event_records(kg.results) if kg.results else kg.records():
        lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
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
