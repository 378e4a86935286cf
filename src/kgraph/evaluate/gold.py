"""Reading gold files and system outputs, and the Documents a dev set is run on.

Gold records that share an id are merged (:func:`group_by_id`): PLOVER records become one
sentence with several gold events, CAMEO snippets pool their triplets, attribution articles
pool their attributions, whole documents pool actors, ``distinct`` pairs and events.

>>> group_by_id([{"id": "a", "n": 1}, {"id": "b", "n": 2}, {"id": "a", "n": 3}])
{'a': [{'id': 'a', 'n': 1}, {'id': 'a', 'n': 3}], 'b': [{'id': 'b', 'n': 2}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kgraph.errors import InputError
from kgraph.model import Document

__all__ = [
    "SET_FILES",
    "actor_nodes",
    "by_doc",
    "gold_documents",
    "group_by_id",
    "load_gold",
    "read_json",
    "read_jsonl",
    "seed_document",
]

#: Dev-set name → gold file name inside ``shared/eval``.
SET_FILES: dict[str, str] = {
    "plover": "plover_gsr_dev.jsonl",
    "cameo": "cameo_snippets_dev.jsonl",
    "attribution": "attribution_dev.jsonl",
    "seed": "seed_gold.json",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read one JSON object a line (blank lines skipped).

    Raises:
        InputError: when the file is missing, or naming ``file:line`` when a line is not a JSON object.
    """
    _check_file(path)
    records = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"not JSON ({err.msg}); fix or remove the line", origin=f"{path}:{number}") from err
            if not isinstance(record, dict):
                raise InputError("expected a JSON object on every line", origin=f"{path}:{number}")
            records.append(record)
    return records


def _check_file(path: Path) -> None:
    if not Path(path).is_file():
        raise InputError("no such file; check the path", origin=str(path))


def read_json(path: Path) -> list[dict[str, Any]]:
    """Read a JSON file holding one object or a list of objects (or JSON lines)."""
    if path.suffix in (".jsonl", ".ndjson"):
        return read_jsonl(path)
    _check_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(f"not JSON ({err.msg} at line {err.lineno})", origin=str(path)) from err
    return [data] if isinstance(data, dict) else list(data)


def load_gold(shared: Path, name: str) -> list[dict[str, Any]]:
    """Read the gold records of a dev set (``plover``, ``cameo``, ``attribution`` or ``seed``).

    Raises:
        InputError: when the file is missing or unreadable.
    """
    path = Path(shared) / "eval" / SET_FILES[name]
    if not path.is_file():
        raise InputError("gold file not found; pass --shared DIR (the folder holding eval/)", origin=str(path))
    return read_json(path)


def group_by_id(records: Iterable[Mapping[str, Any]], key: str = "id") -> dict[str, list[Mapping[str, Any]]]:
    """Group records by ``key``, in order of first appearance (gold records sharing an id merge)."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        groups.setdefault(str(record[key]), []).append(record)
    return groups


def by_doc(records: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Group system records by their ``doc`` field.

    >>> list(by_doc([{"doc": "x"}, {"doc": "y"}, {"doc": "x"}]))
    ['x', 'y']
    """
    return group_by_id(records, key="doc")


def gold_documents(name: str, gold: Iterable[Mapping[str, Any]], shared: Path | None = None) -> list[Document]:
    """The Documents kgraph must read to be scored on a dev set, one per distinct id.

    PLOVER and CAMEO snippets have no dates; attribution articles keep their date and
    publisher; whole documents read ``shared/<text_file>`` under the id ``doc``.

    >>> [d.id for d in gold_documents("cameo", [{"id": "s1", "text": "A."}, {"id": "s1", "text": "A."}])]
    ['s1']
    """
    if name == "seed":
        return [seed_document(records[0], shared) for records in group_by_id(gold, "doc").values()]
    docs = []
    for doc_id, records in group_by_id(gold).items():
        first = records[0]
        extra = {"date": first.get("date"), "source": first.get("publisher")} if name == "attribution" else {}
        docs.append(Document(id=doc_id, text=first["text"], origin=f"{SET_FILES[name]}#{doc_id}", **extra))
    return docs


def seed_document(gold: Mapping[str, Any], shared: Path | None) -> Document:
    """The Document of a whole-document gold record: its ``text`` or ``shared/<text_file>``."""
    if "text" in gold:
        text = gold["text"]
    else:
        if shared is None:
            raise InputError(f"gold document {gold['doc']!r} names a text_file; pass the shared folder")
        text = (Path(shared) / gold["text_file"]).read_text(encoding="utf-8")
    return Document(id=gold["doc"], text=text, date=gold.get("date"), origin=gold.get("text_file"))


def actor_nodes(graph: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The actor nodes of ``graph.json`` (networkx node-link data), each with its ``id``.

    >>> actor_nodes({"nodes": [{"id": "actor:x", "kind": "actor"}, {"id": "event:1", "kind": "event"}]})
    [{'id': 'actor:x', 'kind': 'actor'}]
    """
    return [dict(node) for node in graph.get("nodes", ()) if node.get("kind") == "actor"]
