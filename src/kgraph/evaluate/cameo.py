"""CAMEO snippets: precision, recall and F1 of dyads and of CAMEO-typed dyads.

Gold items are the *distinct* triplets of a snippet (records sharing an id pooled; two
triplets are the same when subject and object normalise alike and the root is equal; the
relation name is a function of the root). System items are the units
``(event, actor entry, recipient entry)`` of *every* record of the snippet: the README says
"events" here, where for PLOVER sentences and whole documents it says "typed events", so
untyped relations count too (an untyped relation can match a dyad, never a root).

- ``dyad``: the unit's actor matches ``subject`` and its recipient matches ``object``;
- ``typed``: the same and ``cameo_root`` is equal.

Alignment is one-to-one; precision is aligned units over units, recall aligned triplets
over distinct triplets. ``coded_dyad`` and ``coded_typed`` give the same figures over coded
events only (a ``type`` or a ``cameo_root``), for information.

>>> gold = [{"id": "s", "triplets": [{"subject": "Russian", "object": "Ukraine", "cameo_root": "19"}]}]
>>> sys = [{"doc": "s", "type": "ASSAULT", "cameo_root": "18", "actor": [{"text": "Russian forces"}],
...         "recipient": [{"text": "Ukraine"}]}]
>>> s = score_cameo(sys, gold)
>>> s.dyad.f1, s.typed.f1
(1.0, 0.0)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from kgraph.evaluate.align import PRF, GoldEntity, Record, Unit, align, describe, side_matches, units
from kgraph.evaluate.gold import by_doc, group_by_id
from kgraph.evaluate.text import normalise

__all__ = ["CameoScores", "Triplet", "cameo_details", "cameo_gold", "is_coded", "score_cameo"]


@dataclass(frozen=True, slots=True)
class Triplet:
    """One gold (subject, object, CAMEO root) of a snippet."""

    subject: str
    object: str
    cameo_root: str


@dataclass(frozen=True, slots=True)
class CameoScores:
    """Dyad and typed P/R/F1 over every record, and the same over coded events only."""

    dyad: PRF
    typed: PRF
    coded_dyad: PRF
    coded_typed: PRF

    def __add__(self, other: CameoScores) -> CameoScores:
        return CameoScores(self.dyad + other.dyad, self.typed + other.typed,
                           self.coded_dyad + other.coded_dyad, self.coded_typed + other.coded_typed)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": self.dyad.to_dict(), "typed": self.typed.to_dict(),
                "coded_dyad": self.coded_dyad.to_dict(), "coded_typed": self.coded_typed.to_dict()}  # fmt: skip


def cameo_gold(records: Iterable[Record]) -> list[Triplet]:
    """The distinct triplets of one snippet's records.

    >>> t = {"subject": "The West", "object": "Russia", "relation": "Threaten", "cameo_root": "13"}
    >>> len(cameo_gold([{"triplets": [t, dict(t, subject="West")]}]))
    1
    """
    seen: dict[tuple[str, str, str], Triplet] = {}
    for record in records:
        for t in record.get("triplets") or ():
            key = (normalise(t["subject"]), normalise(t["object"]), str(t.get("cameo_root")))
            seen.setdefault(key, Triplet(t["subject"], t["object"], str(t.get("cameo_root"))))
    return list(seen.values())


def is_coded(record: Mapping[str, Any]) -> bool:
    """Tell whether a record is a CAMEO-coded event (it has a type or a CAMEO root).

    >>> is_coded({"type": "STATEMENT", "cameo_root": "01"}), is_coded({"type": None, "cameo_root": None})
    (True, False)
    """
    return record.get("type") is not None or record.get("cameo_root") is not None


def _dyad(t: Triplet, u: Unit) -> bool:
    return side_matches([GoldEntity((t.subject,))], u.actor) and side_matches([GoldEntity((t.object,))], u.recipient)


def _typed(t: Triplet, u: Unit) -> bool:
    return u.event.get("cameo_root") == t.cameo_root and _dyad(t, u)


def _prf(gold: list[Triplet], system: list[Unit], matches: Callable[[Triplet, Unit], bool]) -> PRF:
    return PRF(len(align(gold, system, matches)), len(system), len(gold))


def score_cameo(system: Iterable[Record], gold: Iterable[Record]) -> CameoScores:
    """Score system records against CAMEO snippet gold (``cameo_snippets_dev.jsonl``).

    Args:
        system: ``events.jsonl`` records; records of documents not in the gold are ignored.
        gold: Gold snippets (``id``, ``triplets[]``).

    Returns:
        Micro-averaged counts over all snippets.
    """
    docs = by_doc(system)
    zero = PRF(0, 0, 0)
    total = CameoScores(zero, zero, zero, zero)
    for doc_id, records in group_by_id(gold).items():
        triplets, every = cameo_gold(records), docs.get(doc_id, [])
        all_units, coded = units(every), units(r for r in every if is_coded(r))
        total += CameoScores(
            _prf(triplets, all_units, _dyad), _prf(triplets, all_units, _typed),
            _prf(triplets, coded, _dyad), _prf(triplets, coded, _typed),
        )  # fmt: skip
    return total


def cameo_details(system: Iterable[Record], gold: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Yield, per snippet with an error, the triplets ``typed`` missed and the units it did not pair.

    >>> gold = [{"id": "s", "triplets": [{"subject": "Iran", "object": "Iraq", "cameo_root": "19"}]}]
    >>> next(cameo_details([], gold))["missed"]
    [{'subject': 'Iran', 'object': 'Iraq', 'cameo_root': '19'}]
    """
    docs = by_doc(system)
    for doc_id, records in group_by_id(gold).items():
        triplets = cameo_gold(records)
        all_units = units(docs.get(doc_id, []))
        pairs = align(triplets, all_units, _typed)
        missed = [asdict(t) for i, t in enumerate(triplets) if i not in {g for g, _ in pairs}]
        spurious = [describe(u) for j, u in enumerate(all_units) if j not in {s for _, s in pairs}]
        if missed or spurious:
            yield {"set": "cameo", "doc": doc_id, "missed": missed, "spurious": spurious}
