"""Whole documents (``seed_gold.json`` format): actor figures from the graph, event P/R/F1.

Actor figures read the graph's actor nodes (``kind: "actor"`` with ``mentions``). A system
mention *belongs* to the gold actor whose ``mentions`` list holds the same string after
lenient normalisation (exact list membership, not containment: "Kim" must not belong to
"Kim Jong Il"). Pronouns, and strings listed under two gold actors, are ignored.

- ``recall``: share of gold *named* actors (an actor with a capitalised non-pronoun mention;
  in the seed all but "his people/them") that some node has a mention of;
- ``split_actors``: gold actors whose mentions sit on two or more nodes;
- ``merged_nodes``: nodes holding mentions of two or more gold actors;
- ``distinct_pairs_merged``: ``distinct`` pairs that share a node (must be 0).

Events: typed system events (PLOVER type) of the document against gold events other than
STATEMENT, paired when in the same sentence (equal first ten words, punctuation ignored)
and their sides match (a gold actor matches by its label or any non-pronoun mention;
an empty gold recipient matches anything); ``typed`` also needs the same type. Units are
aligned one-to-one; ``mood`` is accuracy over the ``typed`` pairs, choosing among maximum
alignments one that agrees on mood most often.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass
from typing import Any

from kgraph.evaluate.align import (
    PRF,
    GoldEntity,
    Record,
    Unit,
    align,
    describe,
    is_typed,
    side_matches,
    units,
)
from kgraph.evaluate.gold import by_doc, group_by_id
from kgraph.evaluate.text import first_words, is_pronoun, normalise

__all__ = [
    "ActorScores",
    "DocumentScores",
    "actor_figures",
    "document_details",
    "mention_owners",
    "named_actors",
    "score_documents",
]


@dataclass(frozen=True, slots=True)
class ActorScores:
    """Actor figures of whole documents (counts)."""

    named: int
    found: int
    split_actors: int
    merged_nodes: int
    distinct_pairs_merged: int

    @property
    def recall(self) -> float:
        return self.found / self.named if self.named else 0.0

    def __add__(self, other: ActorScores) -> ActorScores:
        return ActorScores(*(a + b for a, b in zip(astuple(self), astuple(other))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "recall": round(self.recall, 4), "named": self.named, "found": self.found,
            "split_actors": self.split_actors, "merged_nodes": self.merged_nodes,
            "distinct_pairs_merged": self.distinct_pairs_merged,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocumentScores:
    """Actor figures, event P/R/F1 (untyped and typed) and mood accuracy."""

    actors: ActorScores
    untyped: PRF
    typed: PRF
    mood_correct: int

    @property
    def mood_accuracy(self) -> float:
        return self.mood_correct / self.typed.matched if self.typed.matched else 0.0

    def __add__(self, other: DocumentScores) -> DocumentScores:
        return DocumentScores(self.actors + other.actors, self.untyped + other.untyped, self.typed + other.typed,
                              self.mood_correct + other.mood_correct)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": self.actors.to_dict(),
            "events": {
                "untyped": self.untyped.to_dict(), "typed": self.typed.to_dict(),
                "mood_accuracy": round(self.mood_accuracy, 4), "mood_correct": self.mood_correct,
            },
        }  # fmt: skip


def mention_owners(actors: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Normalised mention string → gold actor id; pronouns and shared strings left out.

    >>> mention_owners([{"id": "a", "mentions": ["Kim", "he"]}, {"id": "b", "mentions": ["the Kim"]}])
    {}
    >>> mention_owners([{"id": "kp", "mentions": ["North Korea", "the country's"]}])
    {'north korea': 'kp', 'country': 'kp'}
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for text in actor.get("mentions") or ():
            if not is_pronoun(text) and normalise(text):
                owners[normalise(text)].add(actor["id"])
    return {text: next(iter(ids)) for text, ids in owners.items() if len(ids) == 1}


def named_actors(actors: Iterable[Mapping[str, Any]]) -> list[str]:
    """Ids of gold actors with a name: a capitalised mention that is not a pronoun.

    >>> named_actors([{"id": "p", "mentions": ["his people", "them"]}, {"id": "k", "mentions": ["Kim", "He"]}])
    ['k']
    """
    def named(text: str) -> bool:
        return not is_pronoun(text) and any(c.isupper() for c in text)

    return [a["id"] for a in actors if any(named(m) for m in a.get("mentions") or ())]


def _node_owners(node: Mapping[str, Any], doc: str, owners: Mapping[str, str]) -> set[str]:
    found = set()
    for m in node.get("mentions") or ():
        text = m.get("text") or ""
        if m.get("doc", doc) == doc and not is_pronoun(text) and normalise(text) in owners:
            found.add(owners[normalise(text)])
    return found


def actor_figures(gold: Mapping[str, Any], nodes: Sequence[Mapping[str, Any]]) -> ActorScores:
    """Actor recall, splits and merges of one gold document against graph actor nodes.

    >>> gold = {"doc": "d", "distinct": [["a", "b"]], "actors": [{"id": "a", "mentions": ["Kim Jong Un", "Kim"]},
    ...         {"id": "b", "mentions": ["Kim Jong Il"]}]}
    >>> nodes = [{"mentions": [{"doc": "d", "text": "Kim"}, {"doc": "d", "text": "Kim Jong Il"}]},
    ...          {"mentions": [{"doc": "d", "text": "Kim Jong Un"}]}]
    >>> actor_figures(gold, nodes)
    ActorScores(named=2, found=2, split_actors=1, merged_nodes=1, distinct_pairs_merged=1)
    """
    owners = mention_owners(gold.get("actors") or ())
    held = [_node_owners(n, gold["doc"], owners) for n in nodes]
    spread: dict[str, int] = defaultdict(int)
    for ids in held:
        for actor in ids:
            spread[actor] += 1
    named = named_actors(gold.get("actors") or ())
    pairs = {frozenset(p) for p in gold.get("distinct") or ()}
    return ActorScores(
        named=len(named),
        found=sum(1 for a in named if spread[a]),
        split_actors=sum(1 for n in spread.values() if n >= 2),
        merged_nodes=sum(1 for ids in held if len(ids) >= 2),
        distinct_pairs_merged=sum(1 for p in pairs if any(p <= ids for ids in held)),
    )


@dataclass(frozen=True, slots=True)
class _GoldEvent:
    ids: tuple[tuple[str, ...], tuple[str, ...]]
    sentence: str
    words: tuple[str, ...]
    type: str
    mood: str | None
    actor: tuple[GoldEntity, ...]
    recipient: tuple[GoldEntity, ...]


def _entities(ids: Iterable[str], actors: Mapping[str, Mapping[str, Any]]) -> tuple[GoldEntity, ...]:
    out = []
    for actor_id in ids:
        actor = actors.get(actor_id, {"label": actor_id})
        names = [actor.get("label") or actor_id, *(m for m in actor.get("mentions") or () if not is_pronoun(m))]
        out.append(GoldEntity(tuple(names)))
    return tuple(out)


def gold_events(gold: Mapping[str, Any]) -> list[_GoldEvent]:
    """The gold events of a document other than STATEMENT."""
    actors = {a["id"]: a for a in gold.get("actors") or ()}
    return [
        _GoldEvent((tuple(e.get("actor") or ()), tuple(e.get("recipient") or ())), e.get("sentence") or "",
                   first_words(e.get("sentence") or ""), e["type"], e.get("mood"),
                   _entities(e.get("actor") or (), actors), _entities(e.get("recipient") or (), actors))
        for e in gold.get("events") or ()
        if e.get("type") != "STATEMENT"
    ]  # fmt: skip


def _untyped(g: _GoldEvent, u: Unit) -> bool:
    same_sentence = first_words(u.event.get("sentence") or "") == g.words
    return same_sentence and side_matches(g.actor, u.actor) and side_matches(g.recipient, u.recipient)


def _typed(g: _GoldEvent, u: Unit) -> bool:
    return u.event.get("type") == g.type and _untyped(g, u)


def _mood(g: _GoldEvent, u: Unit) -> bool:
    return u.event.get("mood") == g.mood


def _merge(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Pool the actors, distinct pairs and events of gold records sharing a ``doc``."""
    merged: dict[str, Any] = {"doc": records[0]["doc"], "actors": [], "distinct": [], "events": []}
    for record in records:
        for key in ("actors", "distinct", "events"):
            merged[key].extend(record.get(key) or ())
    merged["actors"] = list({a["id"]: a for a in merged["actors"]}.values())
    return merged


def score_documents(
    system: Iterable[Record], nodes: Sequence[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]]
) -> DocumentScores:
    """Score whole documents: graph actor nodes and system records against document gold.

    Args:
        system: ``events.jsonl`` records.
        nodes: The graph's actor nodes (``mentions: [{doc, start, end, text}]``).
        gold: Whole-document gold records (``doc``, ``actors``, ``distinct``, ``events``).

    >>> gold = {"doc": "d", "actors": [{"id": "ru", "label": "Russia", "mentions": ["Russia"]}],
    ...         "distinct": [], "events": [{"actor": ["ru"], "type": "ASSAULT", "recipient": [],
    ...         "mood": "asserted", "sentence": "Russia attacked."}]}
    >>> rec = {"doc": "d", "type": "ASSAULT", "sentence": "Russia attacked.", "mood": "future",
    ...        "actor": [{"text": "Russia", "start": 0, "end": 6}], "recipient": []}
    >>> s = score_documents([rec], [], [gold])
    >>> s.typed.f1, s.mood_accuracy, s.actors.recall
    (1.0, 0.0, 0.0)
    """
    typed = by_doc(r for r in system if is_typed(r))
    total = DocumentScores(ActorScores(0, 0, 0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0), 0)
    for records in group_by_id(gold, "doc").values():
        doc = _merge(records)
        total += _score_document(doc, typed.get(doc["doc"], []), nodes)
    return total


def _score_document(doc: Mapping[str, Any], typed: Sequence[Record], nodes: Sequence[Mapping[str, Any]]) -> DocumentScores:
    events, system_units = gold_events(doc), units(typed)
    untyped = len(align(events, system_units, _untyped))
    pairs = align(events, system_units, _typed, bonus=_mood)
    return DocumentScores(
        actors=actor_figures(doc, nodes),
        untyped=PRF(untyped, len(system_units), len(events)),
        typed=PRF(len(pairs), len(system_units), len(events)),
        mood_correct=sum(1 for i, j in pairs if _mood(events[i], system_units[j])),
    )


def _actor_details(doc: Mapping[str, Any], nodes: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    owners = mention_owners(doc.get("actors") or ())
    held = {str(n.get("id")): _node_owners(n, doc["doc"], owners) for n in nodes}
    where: dict[str, list[str]] = defaultdict(list)
    for node_id, ids in held.items():
        for actor in ids:
            where[actor].append(node_id)
    return {
        "missing": [a for a in named_actors(doc.get("actors") or ()) if a not in where],
        "split": {a: sorted(n) for a, n in where.items() if len(n) >= 2},
        "merged": {n: sorted(ids) for n, ids in held.items() if len(ids) >= 2},
    }


def document_details(
    system: Iterable[Record], nodes: Sequence[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Yield, per gold document, the actor problems and the event errors of the ``typed`` alignment.

    >>> gold = {"doc": "d", "actors": [{"id": "ru", "label": "Russia", "mentions": ["Russia"]}], "events": []}
    >>> next(document_details([], [], [gold]))["actors"]["missing"]
    ['ru']
    """
    typed = by_doc(r for r in system if is_typed(r))
    for records in group_by_id(gold, "doc").values():
        doc = _merge(records)
        events, system_units = gold_events(doc), units(typed.get(doc["doc"], []))
        pairs = align(events, system_units, _typed, bonus=_mood)
        matched_gold, matched_units = {i for i, _ in pairs}, {j for _, j in pairs}
        yield {
            "set": "seed", "doc": doc["doc"], "actors": _actor_details(doc, nodes),
            "missed": [{"type": g.type, "actor": list(g.ids[0]), "recipient": list(g.ids[1]), "sentence": g.sentence}
                       for i, g in enumerate(events) if i not in matched_gold],
            "spurious": [describe(u) for j, u in enumerate(system_units) if j not in matched_units],
            "mood_errors": [{"gold": events[i].mood, "system": system_units[j].event.get("mood"), **describe(system_units[j])}
                            for i, j in pairs if not _mood(events[i], system_units[j])],
        }  # fmt: skip
