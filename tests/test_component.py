"""The spaCy component ``kgraph_events`` with the real model, in-process and as a spaCy user would load it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.config import DEFAULT_MODEL

pytestmark = pytest.mark.model

TEXT = (
    "The UN Security Council passed sanctions on North Korea. "
    "Kim Jong Un rejected the sanctions, state media said."
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    pipeline = spacy.load(DEFAULT_MODEL)  # a fresh pipeline: kgraph's cached one is left alone
    pipeline.add_pipe("kgraph_events")
    return pipeline


def test_component_sets_contract_records(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.records import FIELDS

    doc = nlp(TEXT)
    records = doc._.kgraph_events
    assert records and all(list(r) == list(FIELDS) for r in records)
    sanction = [r for r in records if r["type"] == "SANCTION"]
    assert sanction and sanction[0]["actor"][0]["label"] == "UN Security Council"
    assert all(doc.text[r["trigger"]["start"] : r["trigger"]["end"]] == r["trigger"]["text"] for r in records)


def test_component_gives_the_same_records_as_kgraph(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.model import Document
    from kgraph.pipeline import process
    from kgraph.records import event_records

    ours = list(event_records(process([Document(id="doc", text=TEXT)])))
    assert nlp(TEXT)._.kgraph_events == ours


def test_component_reads_the_doc_id_from_user_data(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(TEXT)
    doc.user_data["kgraph_doc_id"] = "wire-17"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert {r["doc"] for r in doc._.kgraph_events} == {"wire-17"}


def test_component_min_confidence_config() -> None:
    import spacy

    strict = spacy.load(DEFAULT_MODEL)
    strict.add_pipe("kgraph_events", config={"min_confidence": 0.99})
    assert strict(TEXT)._.kgraph_events == []
    assert strict.config["components"]["kgraph_events"]["min_confidence"] == 0.99


def test_component_works_with_nlp_pipe(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [TEXT, "Iran and the European Union resumed nuclear talks in Geneva."]
    docs = list(nlp.pipe(texts, batch_size=1))
    assert all(isinstance(d._.kgraph_events, list) and d._.kgraph_events for d in docs)
    assert all(r["sentence"] in text for d, text in zip(docs, texts) for r in d._.kgraph_events)


def _python(code: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_component_by_entry_point_without_importing_kgraph(tmp_path: Path) -> None:
    code = f"""
import json, spacy
nlp = spacy.load({DEFAULT_MODEL!r})
nlp.add_pipe("kgraph_events")
doc = nlp({TEXT!r})
print(json.dumps([r["type"] for r in doc._.kgraph_events]))
nlp.to_disk({str(tmp_path / "pipeline")!r})
"""
    assert "SANCTION" in json.loads(_python(code, tmp_path))
    again = f"""
import json, spacy
nlp = spacy.load({str(tmp_path / "pipeline")!r})
print(json.dumps([nlp.pipe_names[-1], [r["type"] for r in nlp({TEXT!r})._.kgraph_events]]))
"""
    last, types = json.loads(_python(again, tmp_path))
    assert last == "kgraph_events" and "SANCTION" in types
