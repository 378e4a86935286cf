"""Units, side matching and one-to-one alignment shared by every scorer.

A system event with ``n`` actor entries and ``m`` recipient entries is ``n × m`` *units*
``(event, actor entry, recipient entry)`` (an empty side gives one ``None`` entry), the
dyadic events an event coder would write for a compound event. Gold items are aligned
with units one-to-one by a maximum bipartite matching, so a compound event can cover each
of its dyads but one broad event cannot take credit for many gold items, and the result
does not depend on the order of records.

>>> rec = {"type": "AGREE", "actor": [{"text": "Hungary"}, {"text": "Romania"}], "recipient": []}
>>> [(u.actor["text"], u.recipient) for u in units([rec])]
[('Hungary', None), ('Romania', None)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from kgraph.evaluate.codes import same_state
from kgraph.evaluate.text import match
from kgraph.model import PLOVER_TYPES

__all__ = [
    "PRF",
    "GoldEntity",
    "Record",
    "Unit",
    "align",
    "describe",
    "entity_matches",
    "is_typed",
    "side_matches",
    "units",
]

Record = Mapping[str, Any]
G = TypeVar("G")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold participant: its surface strings and, for PLOVER, its CAMEO code.

    Attributes:
        names: Strings any of which may match a system entry's ``text`` or ``label``.
        code: A CAMEO country or category code (PLOVER records only).
    """

    names: tuple[str, ...]
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """One dyad of a system event: the event record, one actor entry, one recipient entry."""

    event: Record
    index: int
    actor: Record | None
    recipient: Record | None


def units(records: Iterable[Record]) -> list[Unit]:
    """Expand system records into ``(event, actor entry, recipient entry)`` units.

    ``Unit.index`` is the record's position in ``records``.

    >>> len(units([{"actor": [{"text": "A"}, {"text": "B"}], "recipient": [{"text": "C"}, {"text": "D"}]}]))
    4
    >>> units([{"actor": [], "recipient": []}])[0].actor is None
    True
    """
    return [
        Unit(rec, i, actor, recipient)
        for i, rec in enumerate(records)
        for actor in (rec.get("actor") or [None])
        for recipient in (rec.get("recipient") or [None])
    ]


def describe(unit: Unit) -> dict[str, Any]:
    """A short summary of a unit for error analysis (``--details``).

    >>> describe(units([{"id": "event:1", "type": "AID", "actor": [{"text": "UN"}], "recipient": []}])[0])
    {'event': 'event:1', 'type': 'AID', 'cameo_root': None, 'trigger': None, 'actor': 'UN', 'recipient': None}
    """
    trigger = unit.event.get("trigger") or {}
    return {
        "event": unit.event.get("id"), "type": unit.event.get("type"), "cameo_root": unit.event.get("cameo_root"),
        "trigger": trigger.get("text"), "actor": unit.actor.get("text") if unit.actor else None,
        "recipient": unit.recipient.get("text") if unit.recipient else None,
    }  # fmt: skip


def is_typed(record: Record) -> bool:
    """Tell whether a record's ``type`` is one of the 16 PLOVER types (not null, not STATEMENT).

    >>> is_typed({"type": "ASSAULT"}), is_typed({"type": "STATEMENT"}), is_typed({"type": None})
    (True, False, False)
    """
    return record.get("type") in PLOVER_TYPES


def entity_matches(gold: GoldEntity, entry: Record | None) -> bool:
    """Tell whether a gold entity matches a system entry by text, label or state code.

    >>> entity_matches(GoldEntity(("Japanese",), "JAP"), {"text": "Tokyo", "country": "JPN"})
    True
    >>> entity_matches(GoldEntity(("UN",), "IGO"), {"text": "NATO", "country": "IGO"})
    False
    """
    if entry is None:
        return False
    texts = (entry.get("text"), entry.get("label"))
    if any(match(name, text) for name in gold.names for text in texts):
        return True
    return same_state(gold.code, entry.get("country"))


def side_matches(gold: Sequence[GoldEntity], entry: Record | None) -> bool:
    """Tell whether one side of a unit matches a gold side (an empty gold side matches anything).

    >>> side_matches([], None), side_matches([GoldEntity(("Iraq",))], None)
    (True, False)
    """
    return not gold or any(entity_matches(g, entry) for g in gold)


def align(
    gold: Sequence[G],
    system: Sequence[Unit],
    matches: Callable[[G, Unit], bool],
    *,
    bonus: Callable[[G, Unit], bool] | None = None,
) -> list[tuple[int, int]]:
    """Align gold items with units one-to-one, maximising the number of pairs.

    Args:
        gold: Gold items.
        system: System units (or any items the predicate accepts).
        matches: Whether a gold item may be paired with a unit.
        bonus: Among maximum alignments, prefer pairs for which this holds (mood agreement).

    Returns:
        Sorted ``(gold index, unit index)`` pairs.

    >>> len(align(["a", "b"], ["ab"], lambda g, u: g in u))
    1
    >>> sorted(j for _, j in align(["a", "b"], ["ab", "b"], lambda g, u: g in u))
    [0, 1]
    """
    import networkx as nx

    graph = nx.Graph()
    for i, g in enumerate(gold):
        for j, u in enumerate(system):
            if matches(g, u):
                graph.add_edge(("g", i), ("s", j), weight=2 if bonus and bonus(g, u) else 1)
    pairs = nx.max_weight_matching(graph, maxcardinality=True)
    return sorted((a[1], b[1]) if a[0] == "g" else (b[1], a[1]) for a, b in pairs)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts.

    Attributes:
        matched: Aligned pairs (true positives; each counts once on both sides).
        system: System items (units or speakers) scored.
        gold: Gold items scored.

    >>> PRF(matched=2, system=4, gold=2).to_dict()
    {'matched': 2, 'system': 4, 'gold': 2, 'precision': 0.5, 'recall': 1.0, 'f1': 0.6667}
    """

    matched: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.matched + other.matched, self.system + other.system, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        """Counts and the three figures (rounded to 4 places)."""
        return {
            "matched": self.matched, "system": self.system, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }  # fmt: skip
