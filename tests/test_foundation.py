"""The spine: model round trips, ids, ingest basics, light import, public API."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kgraph
from kgraph import ids
from kgraph.ingest import read_texts
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant


def _event() -> Event:
    m = Mention("d", 0, 6, "Russia", "GPE", 0)
    ev = Evidence("d", 0, "Russia sanctioned Ukraine.", 0, 26, Mention("d", 7, 17, "sanctioned", "VERB", 0))
    return Event("event:1", "sanction", "SANCTION", "16", (Participant(m, "actor:russia"),), (), ev)


def test_model_docresult_round_trips_through_json() -> None:
    actor = Actor("actor:russia", "Russia", "COUNTRY", "RUS", ("Russia",), (Mention("d", 0, 6, "Russia"),))
    result = DocResult(Document("d", "", date="2024-01-01"), (actor,), (_event(),), ({"actor": "a", "rule": "r"},))
    again = DocResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result


def test_model_values_are_frozen() -> None:
    with pytest.raises(AttributeError):
        _event().type = "AGREE"  # type: ignore[misc]


@pytest.mark.parametrize(
    "name, expected",
    [("North Korea", "actor:north-korea"), ("Workers' Party of Korea", "actor:workers-party-of-korea"),
     ('A "quoted" <name>', "actor:a-quoted-name"), ("Zürich", "actor:zurich")],
)  # fmt: skip
def test_ids_actor_id_is_a_clean_slug(name: str, expected: str) -> None:
    assert ids.actor_id(name) == expected


def test_ids_non_latin_names_get_distinct_ids() -> None:
    assert ids.actor_id("金正恩") != ids.actor_id("金正日")
    assert ids.actor_id("金正恩").startswith("actor:x-")


def test_ids_event_id_is_deterministic() -> None:
    assert ids.event_id("d", 1, 5, "meet") == ids.event_id("d", 1, 5, "meet") != ids.event_id("d", 1, 6, "meet")


def test_ingest_texts_become_documents() -> None:
    docs = list(read_texts(["a", "b"]))
    assert [d.id for d in docs] == ["text-1", "text-2"]


def test_import_kgraph_is_light() -> None:
    code = "import sys, kgraph; print(','.join(m for m in ('spacy', 'pyvis', 'pandas', 'pyshacl', 'dask', 'IPython') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_public_api_is_exported() -> None:
    public = sorted(n for n in vars(kgraph) if not n.startswith("_") and n not in {"annotations"} and not _is_module(n))
    assert public == sorted(n for n in kgraph.__all__ if n != "__version__")


def _is_module(name: str) -> bool:
    return type(getattr(kgraph, name)).__name__ == "module"
