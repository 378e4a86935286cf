"""The records' fast constructor and copy (model.fast_init, model.replace) behave as dataclasses do."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from kgraph.link.clusters import State
from kgraph.link.items import Item
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant, replace


def _event() -> Event:
    trigger = Mention("d", 10, 16, "struck", "TRIGGER", 1)
    return Event(
        "event:x", "strike", "ASSAULT", "19", (Participant(Mention("d", 0, 6, "Russia", "GPE", 1)),), (),
        Evidence("d", 1, "Russia struck.", 0, 14, trigger), place=None, confidence=0.7,
    )  # fmt: skip


def test_fast_init_builds_what_the_dataclass_init_did() -> None:
    event = _event()
    assert dataclasses.asdict(event)["actor"][0]["mention"]["text"] == "Russia"
    assert event.mood == "asserted" and event.rule == "" and event.date is None  # defaults kept
    assert Event.from_dict(event.to_dict()) == event
    copy = pickle.loads(pickle.dumps(event))
    assert copy == event and hash(copy) == hash(event)
    assert list(inspect.signature(Mention).parameters) == ["doc", "start", "end", "text", "label", "sentence"]
    assert DocResult(Document("d", "t")).merges == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.rule = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Mention("d", 0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Actor("actor:x", "X", kind="PERSON")  # type: ignore[call-arg]


def test_replace_matches_dataclasses_replace() -> None:
    event = _event()
    for changes in ({}, {"rule": "verb"}, {"confidence": 0.9, "recipient": event.actor}, {"place": None}):
        assert replace(event, **changes) == dataclasses.replace(event, **changes)
    item = Item(Mention("d", 0, 6, "Russia", "GPE", 0), "NAME", key="russia")
    changes = {"agent": True, "participant": True}
    assert replace(item, **changes) == dataclasses.replace(item, **changes)
    with pytest.raises(TypeError):
        replace(event, colour="red")
    state = State(None, [])  # type: ignore[arg-type]
    assert replace(state, items=[item]).items == [item]  # not a fast_init class: dataclasses.replace


def test_items_in_sentences_keeps_the_items_order() -> None:
    def item(start: int, sentence: int) -> Item:
        return Item(Mention("d", start, start + 1, "x", "PRON", sentence), "PRON", sentence=sentence)

    items = [item(0, 0), item(5, 2), item(3, 1), item(9, 3), item(7, 2), item(12, 5)]
    state = State(None, items)  # type: ignore[arg-type]
    assert state.items_in_sentences(1, 3) == [i for i in items if 1 <= i.sentence <= 3]
    assert state.items_in_sentences(-2, 0) == [items[0]]
    assert state.items_in_sentences(6, 8) == []
