"""Running dev sets: gold → Documents → system records (and actor nodes) → scores → table.

:func:`evaluate_set` runs any extractor (a callable ``documents -> records``) on a dev set's
texts and scores it; :class:`KGraphSystem` is kgraph's own extractor. :func:`score_set`
scores records that already exist (``events.jsonl`` and ``graph.json``).

>>> gold = [{"id": "s", "triplets": [{"subject": "Iran", "object": "Iraq", "cameo_root": "19"}]}]
>>> record = {"doc": "s", "type": "ASSAULT", "cameo_root": "19", "actor": [{"text": "Iranian forces"}],
...           "recipient": [{"text": "Iraq"}]}
>>> score_set("cameo", [record], gold).to_dict()["typed"]["f1"]
0.0
>>> score_set("cameo", [dict(record, actor=[{"text": "Iran's army"}])], gold).to_dict()["typed"]["f1"]
1.0
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kgraph.evaluate.attribution import attribution_details, score_attribution
from kgraph.evaluate.cameo import cameo_details, score_cameo
from kgraph.evaluate.document import document_details, score_documents
from kgraph.evaluate.gold import SET_FILES, gold_documents, group_by_id, load_gold
from kgraph.evaluate.plover import plover_details, score_plover
from kgraph.model import Document

if TYPE_CHECKING:
    from kgraph.config import Settings

__all__ = [
    "SETS",
    "ActorNodes",
    "ExtractRecords",
    "KGraphSystem",
    "Scores",
    "SetRun",
    "actor_nodes_from_records",
    "details_set",
    "evaluate_set",
    "fold_doc_ids",
    "format_table",
    "run_set",
    "score_set",
]

#: The dev sets, in report order.
SETS: tuple[str, ...] = tuple(SET_FILES)

Record = Mapping[str, Any]
ExtractRecords = Callable[[Sequence[Document]], Iterable[Record]]
ActorNodes = Callable[[Sequence[Document]], Sequence[Record]]


class Scores(Protocol):
    """Any score object of this package: it has ``to_dict()``."""

    def to_dict(self) -> dict[str, Any]: ...


_COPY = re.compile(r"~\d+$")


def fold_doc_ids(records: Iterable[Record], gold_ids: set[str]) -> list[Record]:
    """Read ``id~2`` (ingest's name for a repeated id) as ``id`` when only ``id`` is gold.

    >>> [r["doc"] for r in fold_doc_ids([{"doc": "a~2"}, {"doc": "b"}], {"a"})]
    ['a', 'b']
    """
    out = []
    for record in records:
        doc = str(record.get("doc"))
        base = _COPY.sub("", doc)
        out.append({**record, "doc": base} if doc not in gold_ids and base in gold_ids else record)
    return out


def actor_nodes_from_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Approximate graph actor nodes from records' entries (when no ``graph.json`` is given).

    Entries with the same actor ``id`` form one node; an entry without an id is its own node.

    >>> nodes = actor_nodes_from_records([{"doc": "d", "actor": [{"id": "actor:k", "label": "Kim",
    ...     "text": "Kim", "start": 0, "end": 3}], "recipient": [], "attributed_to": None}])
    >>> nodes[0]["mentions"]
    [{'doc': 'd', 'start': 0, 'end': 3, 'text': 'Kim'}]
    """
    nodes: dict[str, dict[str, Any]] = {}
    for record in records:
        entries = [*(record.get("actor") or ()), *(record.get("recipient") or ()), record.get("attributed_to")]
        for e in filter(None, entries):
            key = e.get("id") or f"mention:{record.get('doc')}:{e.get('start')}:{e.get('end')}"
            node = nodes.setdefault(key, {"id": key, "kind": "actor", "label": e.get("label"), "mentions": []})
            mention = {"doc": record.get("doc"), "start": e.get("start"), "end": e.get("end"), "text": e.get("text")}
            if mention not in node["mentions"]:
                node["mentions"].append(mention)
    return list(nodes.values())


def _prepare(
    name: str, system: Iterable[Record], gold: Sequence[Record], actor_nodes: Sequence[Record] | None
) -> tuple[list[Record], Sequence[Record]]:
    if name not in SETS:
        raise ValueError(f"unknown dev set {name!r}; choose from {', '.join(SETS)}")
    records = fold_doc_ids(system, set(group_by_id(gold, "doc" if name == "seed" else "id")))
    if actor_nodes is None:
        actor_nodes = actor_nodes_from_records(records) if name == "seed" else []
    return records, actor_nodes


def score_set(
    name: str, system: Iterable[Record], gold: Sequence[Record], *, actor_nodes: Sequence[Record] | None = None
) -> Scores:
    """Score system records on one dev set (``plover``, ``cameo``, ``attribution``, ``seed``).

    Args:
        name: The dev set.
        system: ``events.jsonl`` records (documents outside the gold are ignored).
        gold: The set's gold records.
        actor_nodes: Graph actor nodes, for ``seed``; derived from the records when omitted.

    Raises:
        ValueError: for an unknown set name.
    """
    records, nodes = _prepare(name, system, gold, actor_nodes)
    if name == "seed":
        return score_documents(records, nodes, gold)
    scorer = {"plover": score_plover, "cameo": score_cameo, "attribution": score_attribution}[name]
    return scorer(records, gold)  # type: ignore[no-any-return]


def details_set(
    name: str, system: Iterable[Record], gold: Sequence[Record], *, actor_nodes: Sequence[Record] | None = None
) -> list[dict[str, Any]]:
    """Error analysis of one dev set: what was missed and what was spurious, per document.

    >>> details_set("cameo", [], [{"id": "s", "triplets": [{"subject": "Iran", "object": "Iraq",
    ...             "cameo_root": "19"}]}])[0]["doc"]
    's'
    """
    records, nodes = _prepare(name, system, gold, actor_nodes)
    if name == "seed":
        return list(document_details(records, nodes, gold))
    explain = {"plover": plover_details, "cameo": cameo_details, "attribution": attribution_details}[name]
    return list(explain(records, gold))


@dataclass(frozen=True)
class SetRun:
    """A dev set's gold records and what a system produced for its documents."""

    name: str
    gold: list[dict[str, Any]]
    records: list[Record]
    actor_nodes: Sequence[Record] | None = None

    def scores(self) -> Scores:
        """The set's scores."""
        return score_set(self.name, self.records, self.gold, actor_nodes=self.actor_nodes)

    def details(self) -> list[dict[str, Any]]:
        """The set's error analysis (see :func:`details_set`)."""
        return details_set(self.name, self.records, self.gold, actor_nodes=self.actor_nodes)


def run_set(
    name: str,
    shared: Path,
    extract_records: ExtractRecords,
    *,
    actor_nodes: ActorNodes | None = None,
    limit: int | None = None,
) -> SetRun:
    """Run an extractor on a dev set's texts (see :func:`evaluate_set`) and keep its output."""
    gold = load_gold(shared, name)
    documents = gold_documents(name, gold, shared)[:limit]
    keep = {d.id for d in documents}
    gold = [g for g in gold if str(g["doc" if name == "seed" else "id"]) in keep]
    records = list(extract_records(documents))
    nodes = actor_nodes(documents) if actor_nodes and name == "seed" else None
    return SetRun(name, gold, records, nodes)


def evaluate_set(
    name: str,
    shared: Path,
    extract_records: ExtractRecords,
    *,
    actor_nodes: ActorNodes | None = None,
    limit: int | None = None,
) -> Scores:
    """Run an extractor on a dev set's texts and score it.

    Args:
        name: The dev set.
        shared: The ``shared`` folder (holding ``eval/`` and the seed's ``text_file``).
        extract_records: ``documents -> events.jsonl records``.
        actor_nodes: ``documents -> graph actor nodes`` (seed only; else derived from records).
        limit: Score only the first ``limit`` documents of the set.

    >>> from kgraph.config import Settings
    >>> system = KGraphSystem(Settings())
    >>> scores = evaluate_set("seed", Path("../shared"), system.records, actor_nodes=system.actor_nodes)  # doctest: +SKIP
    >>> scores.to_dict()["actors"]["recall"]  # doctest: +SKIP
    0.923
    """
    return run_set(name, shared, extract_records, actor_nodes=actor_nodes, limit=limit).scores()


@dataclass
class KGraphSystem:
    """kgraph as the system under test: records and actor nodes of one shared run.

    The last run is remembered, so asking for records and then actor nodes of the same
    documents parses them once.

    Args:
        settings: Extraction settings.

    >>> from kgraph.config import Settings
    >>> KGraphSystem(Settings()).records([Document("d", "Russia attacked Ukraine.")])[0]["type"]  # doctest: +SKIP
    'ASSAULT'
    """

    settings: Settings
    _last: tuple[tuple[str, ...], list[dict[str, Any]], list[dict[str, Any]]] | None = field(
        default=None, init=False, repr=False
    )

    def _run(self, documents: Sequence[Document]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        key = tuple(d.id for d in documents)
        if self._last is None or self._last[0] != key:
            from kgraph.link import link
            from kgraph.pipeline import process
            from kgraph.records import event_records

            results = list(process(documents, settings=self.settings))
            kg = link(results, settings=self.settings)
            self._last = (key, list(event_records(results)), [{"id": n, **d} for n, d in kg.actors()])
        return self._last[1], self._last[2]

    def records(self, documents: Sequence[Document]) -> list[dict[str, Any]]:
        """The ``events.jsonl`` records kgraph extracts from ``documents``."""
        return self._run(documents)[0]

    def actor_nodes(self, documents: Sequence[Document]) -> list[dict[str, Any]]:
        """The actor nodes of the graph kgraph builds from ``documents``."""
        return self._run(documents)[1]


def _rows(name: str, scores: Mapping[str, Any]) -> list[tuple[str, str]]:
    def prf(d: Mapping[str, Any]) -> str:
        return f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  ({d['matched']}/{d['system']} sys, {d['gold']} gold)"

    if name == "plover":
        return [(f"plover {k}", f"{scores[k]:.3f}  ({scores['counts'][k.replace('_recall', '')]}/{scores['gold']})")
                for k in ("type_recall", "dyad_recall", "full_recall", "top1_full")]  # fmt: skip
    if name == "cameo":
        return [(f"cameo {k}", prf(scores[k])) for k in ("dyad", "typed", "coded_dyad", "coded_typed")]
    if name == "attribution":
        return [("attribution speaker", prf(scores))]
    a, e = scores["actors"], scores["events"]
    return [
        ("seed actors", f"recall {a['recall']:.3f} ({a['found']}/{a['named']})  split {a['split_actors']}  "
                        f"merged {a['merged_nodes']}  distinct_pairs_merged {a['distinct_pairs_merged']}"),
        ("seed events untyped", prf(e["untyped"])),
        ("seed events typed", prf(e["typed"])),
        ("seed mood accuracy", f"{e['mood_accuracy']:.3f}  ({e['mood_correct']}/{e['typed']['matched']})"),
    ]  # fmt: skip


def format_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    """Render ``{set name: scores.to_dict()}`` as a two-column text table.

    >>> from kgraph.evaluate.align import PRF
    >>> print(format_table({"attribution": PRF(matched=1, system=2, gold=2).to_dict()}))
    attribution speaker  P 0.500  R 0.500  F1 0.500  (1/2 sys, 2 gold)
    """
    rows = [row for name, scores in results.items() for row in _rows(name, scores)]
    width = max((len(label) for label, _ in rows), default=0)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)
