"""The ``events.jsonl`` contract of ``shared/eval/README.md``: one record per event.

>>> from kgraph.model import *
>>> m = Mention("d", 0, 6, "Russia", "GPE", 0)
>>> ev = Event("event:1", "sanction", "SANCTION", "16", (Participant(m, "actor:russia"),), (),
...            Evidence("d", 0, "Russia sanctioned.", 0, 18, Mention("d", 7, 17, "sanctioned")))
>>> r = DocResult(Document("d", ""), (Actor("actor:russia", "Russia", "COUNTRY", "RUS"),), (ev,))
>>> rec = next(event_records(r))
>>> rec["actor"][0]["country"], rec["trigger"]
('RUS', {'text': 'sanctioned', 'start': 7, 'end': 17})
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kgraph.model import Actor, DocResult, Event, Participant

__all__ = ["FIELDS", "event_record", "event_records"]

#: The contract's fields, in order.
FIELDS = ("doc", "id", "sentence_index", "sentence", "start", "end", "trigger", "relation", "type",
          "cameo_root", "actor", "recipient", "object_text", "date", "date_text", "place", "mood",
          "attributed_to", "confidence")  # fmt: skip


def event_records(results: DocResult | Iterable[DocResult]) -> Iterator[dict[str, Any]]:
    """Yield the contract record of every event of ``results``, in document then text order."""
    for result in [results] if isinstance(results, DocResult) else results:
        actors = {a.id: a for a in result.actors}
        for event in sorted(result.events, key=lambda e: (e.evidence.start, e.evidence.trigger.start, e.id)):
            yield event_record(event, actors)


def event_record(event: Event, actors: dict[str, Actor]) -> dict[str, Any]:
    """Return the contract record of one event, its participants resolved through ``actors``."""
    ev = event.evidence
    return {
        "doc": ev.doc,
        "id": event.id,
        "sentence_index": ev.sentence_index,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "trigger": {"text": ev.trigger.text, "start": ev.trigger.start, "end": ev.trigger.end},
        "relation": event.relation,
        "type": event.type,
        "cameo_root": event.cameo_root,
        "actor": [_entry(p, actors) for p in event.actor],
        "recipient": [_entry(p, actors) for p in event.recipient],
        "object_text": event.object_text,
        "date": event.date,
        "date_text": event.date_text,
        "place": event.place.text if event.place else None,
        "mood": event.mood,
        "attributed_to": _entry(event.attributed_to, actors) if event.attributed_to else None,
        "confidence": round(event.confidence, 4),
    }


def _entry(participant: Participant, actors: dict[str, Actor]) -> dict[str, Any]:
    actor = actors.get(participant.actor or "")
    m = participant.mention
    return {
        "id": participant.actor,
        "label": actor.label if actor else m.text,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "type": actor.type if actor else None,
        "country": actor.country if actor else None,
    }
