"""tests/schemas/events.schema.json: the events.jsonl contract the scorers read."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "events.schema.json").read_text(encoding="utf-8"))

#: The example record of shared/eval/README.md, written out by hand.
SAMPLE: dict[str, Any] = {
    "doc": "seed", "id": "event:3f2a9c", "sentence_index": 12, "sentence": "After the UN Security Council passed sanctions.",
    "start": 1510, "end": 1602, "trigger": {"text": "passed sanctions", "start": 1531, "end": 1547},
    "relation": "pass sanction", "type": "SANCTION", "cameo_root": "16",
    "actor": [{"id": "actor:un-security-council", "label": "UN Security Council", "text": "the UN Security Council",
               "start": 1511, "end": 1534, "type": "ORGANIZATION", "country": "IGO"}],
    "recipient": [{"id": "actor:north-korea", "label": "North Korea", "text": "North Korea's", "start": 1560,
                   "end": 1573, "type": "COUNTRY", "country": "PRK"}],
    "object_text": "sanctions directing on North Korea's mineral exports", "date": "2016-03", "date_text": None,
    "place": None, "mood": "asserted", "attributed_to": None, "confidence": 0.82,
}  # fmt: skip


def validator() -> Any:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_sample_record_is_valid() -> None:
    validator().validate(SAMPLE)


def test_variants_that_are_valid() -> None:
    v = validator()
    for change in (
        {"type": None, "cameo_root": None},
        {"type": "STATEMENT", "cameo_root": "01", "mood": "reported"},
        {"date": "2016", "date_text": "last year", "place": "Pyongyang"},
        {"attributed_to": dict(SAMPLE["actor"][0], id=None, type=None, country=None), "recipient": []},
    ):
        v.validate({**SAMPLE, **change})


def _drop(field: str) -> Callable[[dict[str, Any]], None]:
    return lambda r: r.pop(field)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(r: dict[str, Any]) -> None:
        target = r
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BROKEN = {
    "missing doc": _drop("doc"),
    "missing confidence": _drop("confidence"),
    "missing attributed_to": _drop("attributed_to"),
    "unknown type": _set(("type",), "FIGHT"),
    "lower-case type": _set(("type",), "sanction"),
    "unknown mood": _set(("mood",), "certain"),
    "one-digit cameo root": _set(("cameo_root",), "7"),
    "cameo root 21": _set(("cameo_root",), "21"),
    "numeric cameo root": _set(("cameo_root",), 16),
    "actor not a list": _set(("actor",), SAMPLE["actor"][0]),
    "entry without text": lambda r: r["actor"][0].pop("text"),
    "entry without country": lambda r: r["recipient"][0].pop("country"),
    "entry with two-letter country": _set(("recipient", 0, "country"), "KP"),
    "entry with unknown actor type": _set(("actor", 0, "type"), "IGO"),
    "entry with string offset": _set(("actor", 0, "start"), "1511"),
    "extra entry field": _set(("actor", 0, "score"), 1),
    "extra record field": _set(("rule",), "svo"),
    "confidence above 1": _set(("confidence",), 1.5),
    "negative offset": _set(("start",), -1),
    "trigger without offsets": _set(("trigger",), {"text": "passed"}),
    "bad date": _set(("date",), "March 2016"),
    "id without prefix": _set(("id",), "3f2a9c"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_records_are_rejected(name: str) -> None:
    broken = copy.deepcopy(SAMPLE)
    BROKEN[name](broken)
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(broken)
