"""PLOVER sentences: one gold event a record, scored by recall over typed system events.

For every gold event of a sentence (records sharing an id are one sentence), over the
*typed* system events of that document (PLOVER type, not STATEMENT):

- ``type_recall``: some typed event has the gold type;
- ``dyad_recall``: some typed event matches actor and recipient;
- ``full_recall``: actor, recipient and type;
- ``top1_full``: the most confident typed event matches fully (ties broken by position,
  then id, so the choice does not depend on record order).

Each figure aligns gold events with ``(event, actor entry, recipient entry)`` units
one-to-one. A side matches by lenient text/label or by state code (old CAMEO codes read as
ISO); an empty gold side (recipient, or the one actor-less gold record) matches anything.

>>> gold = [{"id": "s", "type": "AGREE", "actor": [{"text": "Hungarian", "code": "HUN"}], "recipient": []}]
>>> sys = [{"doc": "s", "type": "AGREE", "confidence": 0.9, "actor": [{"text": "Senior Hungarian officials"}],
...         "recipient": []}]
>>> score_plover(sys, gold).to_dict()["full_recall"]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass
from typing import Any

from kgraph.evaluate.align import GoldEntity, Record, Unit, align, describe, is_typed, side_matches, units
from kgraph.evaluate.gold import by_doc, group_by_id

__all__ = ["PloverGold", "PloverScores", "plover_details", "plover_gold", "score_plover"]


@dataclass(frozen=True, slots=True)
class PloverGold:
    """One gold PLOVER event: its type and its two sides."""

    type: str
    actor: tuple[GoldEntity, ...]
    recipient: tuple[GoldEntity, ...]


@dataclass(frozen=True, slots=True)
class PloverScores:
    """Counts of gold events credited under each PLOVER figure."""

    gold: int
    type: int
    dyad: int
    full: int
    top1_full: int

    def __add__(self, other: PloverScores) -> PloverScores:
        return PloverScores(*(a + b for a, b in zip(astuple(self), astuple(other))))

    def to_dict(self) -> dict[str, Any]:
        """The four recalls (rounded to 4 places) and their counts."""
        def rate(n: int) -> float:
            return round(n / self.gold, 4) if self.gold else 0.0

        return {
            "gold": self.gold,
            "type_recall": rate(self.type), "dyad_recall": rate(self.dyad),
            "full_recall": rate(self.full), "top1_full": rate(self.top1_full),
            "counts": {"type": self.type, "dyad": self.dyad, "full": self.full, "top1_full": self.top1_full},
        }  # fmt: skip


def _entities(side: Iterable[Mapping[str, Any]]) -> tuple[GoldEntity, ...]:
    return tuple(GoldEntity((e.get("text") or "",), e.get("code")) for e in side)


def plover_gold(records: Iterable[Record]) -> list[PloverGold]:
    """The distinct gold events of one sentence's records.

    >>> len(plover_gold([{"type": "AID", "actor": [], "recipient": []}] * 2))
    1
    """
    items = (PloverGold(r["type"], _entities(r.get("actor") or ()), _entities(r.get("recipient") or ())) for r in records)
    return list(dict.fromkeys(items))


def _dyad(g: PloverGold, u: Unit) -> bool:
    return side_matches(g.actor, u.actor) and side_matches(g.recipient, u.recipient)


def _type(g: PloverGold, u: Unit) -> bool:
    return u.event.get("type") == g.type


def _full(g: PloverGold, u: Unit) -> bool:
    return _type(g, u) and _dyad(g, u)


def top_event(records: Sequence[Record]) -> Record | None:
    """The most confident record (ties: earliest trigger, then smallest id).

    >>> top_event([{"id": "b", "confidence": 0.5}, {"id": "a", "confidence": 0.5}])["id"]
    'a'
    """
    def key(r: Record) -> tuple[float, int, str]:
        trigger = r.get("trigger") or {}
        return (-float(r.get("confidence") or 0.0), int(trigger.get("start") or 0), str(r.get("id")))

    return min(records, key=key, default=None)


def _score_sentence(gold: list[PloverGold], typed: list[Record]) -> PloverScores:
    all_units = units(typed)
    top = top_event(typed)
    return PloverScores(
        gold=len(gold),
        type=len(align(gold, all_units, _type)),
        dyad=len(align(gold, all_units, _dyad)),
        full=len(align(gold, all_units, _full)),
        top1_full=len(align(gold, units([top]), _full)) if top else 0,
    )


def score_plover(system: Iterable[Record], gold: Iterable[Record]) -> PloverScores:
    """Score system records against PLOVER gold records (``plover_gsr_dev.jsonl``).

    Args:
        system: ``events.jsonl`` records; only typed ones of gold documents are read.
        gold: Gold records (``id``, ``type``, ``actor[]``, ``recipient[]``).

    Returns:
        Counts of credited gold events; ``to_dict()`` gives the recalls.
    """
    typed = by_doc(r for r in system if is_typed(r))
    total = PloverScores(0, 0, 0, 0, 0)
    for doc_id, records in group_by_id(gold).items():
        total += _score_sentence(plover_gold(records), typed.get(doc_id, []))
    return total


def plover_details(system: Iterable[Record], gold: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Yield one entry per gold event not credited by ``full_recall``, with the typed units.

    >>> gold = [{"id": "s", "type": "AID", "actor": [{"text": "UN", "code": "IGO"}], "recipient": []}]
    >>> [(d["doc"], d["type_ok"], d["system"]) for d in plover_details([], gold)]
    [('s', False, [])]
    """
    typed = by_doc(r for r in system if is_typed(r))
    for doc_id, records in group_by_id(gold).items():
        items, sys_units = plover_gold(records), units(typed.get(doc_id, []))
        credited = {name: {i for i, _ in align(items, sys_units, pred)} for name, pred in
                    (("type", _type), ("dyad", _dyad), ("full", _full))}  # fmt: skip
        for i, g in enumerate(items):
            if i not in credited["full"]:
                yield {
                    "set": "plover", "doc": doc_id, "type": g.type,
                    "actor": [e.names[0] for e in g.actor], "recipient": [e.names[0] for e in g.recipient],
                    "type_ok": i in credited["type"], "dyad_ok": i in credited["dyad"],
                    "system": [describe(u) for u in sys_units],
                }  # fmt: skip
