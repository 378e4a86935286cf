"""The scorers on the real dev sets of ../shared/eval: a perfect system, an empty one, kgraph itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kgraph.evaluate import details_set, gold_documents, load_gold, score_set, state_code
from kgraph.evaluate.attribution import gold_sources
from kgraph.evaluate.cameo import cameo_gold
from kgraph.evaluate.gold import group_by_id

pytestmark = pytest.mark.shared

SCHEMA = Path(__file__).parent / "schemas" / "events.schema.json"


def entry(text: str, country: str | None = None, start: int = 0, end: int = 1) -> dict[str, Any]:
    return {"id": None, "label": text, "text": text, "start": start, "end": end, "type": None, "country": country}


def record(doc: str, n: int, type_: str | None, actor: list[Any], recipient: list[Any], **extra: Any) -> dict[str, Any]:
    return {"doc": doc, "id": f"event:{doc}-{n}", "sentence_index": 0, "sentence": extra.pop("sentence", ""),
            "start": 0, "end": 1, "trigger": {"text": "x", "start": 0, "end": 1}, "relation": "x", "type": type_,
            "cameo_root": extra.pop("cameo_root", None), "actor": actor, "recipient": recipient, "object_text": None,
            "date": None, "date_text": None, "place": None, "mood": extra.pop("mood", "asserted"),
            "attributed_to": None, "confidence": 0.9, **extra}  # fmt: skip


def perfect_plover(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def side(es: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [entry(e["text"], state_code(e.get("code"))) for e in es]

    return [record(g["id"], i, g["type"], side(g["actor"]), side(g["recipient"])) for i, g in enumerate(gold)]


def perfect_cameo(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc, records in group_by_id(gold).items():
        for i, t in enumerate(cameo_gold(records)):
            type_ = "STATEMENT" if t.cameo_root == "01" else "ASSAULT"
            out.append(record(doc, i, type_, [entry(t.subject)], [entry(t.object)], cameo_root=t.cameo_root))
    return out


def perfect_attribution(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc, records in group_by_id(gold).items():
        for i, spans in enumerate(gold_sources(records)):
            out.append(record(doc, i, "STATEMENT", [entry("speaker", None, *spans[0])], []))
    return out


def perfect_seed(gold: dict[str, Any], text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    labels = {a["id"]: a["label"] for a in gold["actors"]}
    records = [
        record(gold["doc"], i, e["type"], [entry(labels[a]) for a in e["actor"]],
               [entry(labels[a]) for a in e["recipient"]], sentence=e["sentence"], mood=e["mood"])
        for i, e in enumerate(gold["events"])
    ]  # fmt: skip
    nodes = [
        {"id": f"actor:{a['id']}", "kind": "actor", "label": a["label"],
         "mentions": [{"doc": gold["doc"], "start": text.find(m), "end": text.find(m) + len(m), "text": m}
                      for m in a["mentions"]]}
        for a in gold["actors"]
    ]  # fmt: skip
    return records, nodes


def test_gold_shapes(shared_dir: Path) -> None:
    cameo = load_gold(shared_dir, "cameo")
    assert len(cameo) > len(gold_documents("cameo", cameo))  # records sharing an id are one snippet
    seed = load_gold(shared_dir, "seed")
    (document,) = gold_documents("seed", seed, shared_dir)
    assert document.id == seed[0]["doc"] and "Kim Jong Un" in document.text
    assert all(e["sentence"][:40] in document.text for e in seed[0]["events"])


def test_perfect_plover_scores_one(shared_dir: Path) -> None:
    gold = load_gold(shared_dir, "plover")
    d = score_set("plover", perfect_plover(gold), gold).to_dict()
    assert (d["type_recall"], d["dyad_recall"], d["full_recall"], d["top1_full"]) == (1.0, 1.0, 1.0, 1.0)
    assert details_set("plover", perfect_plover(gold), gold) == []
    assert len(details_set("plover", [], gold)) == 164


def test_perfect_cameo_scores_one(shared_dir: Path) -> None:
    gold = load_gold(shared_dir, "cameo")
    d = score_set("cameo", perfect_cameo(gold), gold).to_dict()
    assert d["dyad"]["f1"] == d["typed"]["f1"] == 1.0
    assert details_set("cameo", perfect_cameo(gold), gold) == []


def test_perfect_attribution_scores_one(shared_dir: Path) -> None:
    gold = load_gold(shared_dir, "attribution")
    d = score_set("attribution", perfect_attribution(gold), gold).to_dict()
    assert (d["precision"], d["recall"], d["gold"]) == (1.0, 1.0, 1952)
    assert details_set("attribution", perfect_attribution(gold), gold) == []


def test_perfect_seed_scores_one(shared_dir: Path) -> None:
    gold = load_gold(shared_dir, "seed")
    (document,) = gold_documents("seed", gold, shared_dir)
    records, nodes = perfect_seed(gold[0], document.text)
    d = score_set("seed", records, gold, actor_nodes=nodes).to_dict()
    assert d["actors"] == {"recall": 1.0, "named": 13, "found": 13, "split_actors": 0, "merged_nodes": 0,
                           "distinct_pairs_merged": 0}  # fmt: skip
    assert d["events"]["typed"]["f1"] == d["events"]["untyped"]["f1"] == d["events"]["mood_accuracy"] == 1.0
    assert d["events"]["typed"]["gold"] == 14  # STATEMENT events are not scored


def test_merging_all_nodes_is_caught(shared_dir: Path) -> None:
    gold = load_gold(shared_dir, "seed")
    (document,) = gold_documents("seed", gold, shared_dir)
    _, nodes = perfect_seed(gold[0], document.text)
    blob = {"id": "actor:all", "kind": "actor", "label": "all", "mentions": [m for n in nodes for m in n["mentions"]]}
    a = score_set("seed", [], gold, actor_nodes=[blob]).to_dict()["actors"]
    assert (a["recall"], a["merged_nodes"], a["distinct_pairs_merged"]) == (1.0, 1, 6)


@pytest.mark.parametrize("name", ["plover", "cameo", "attribution", "seed"])
def test_empty_system_scores_zero(shared_dir: Path, name: str) -> None:
    gold = load_gold(shared_dir, name)
    d = score_set(name, [], gold, actor_nodes=[]).to_dict()
    numbers = [v for v in _leaves(d) if isinstance(v, float)]
    assert numbers and all(v == 0.0 for v in numbers)


def _leaves(d: Any) -> list[Any]:
    return [x for v in d.values() for x in _leaves(v)] if isinstance(d, dict) else [d]


@pytest.mark.model
@pytest.mark.slow
def test_kgraph_on_a_few_documents_of_every_set(shared_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from kgraph.config import Settings
    from kgraph.evaluate import KGraphSystem, evaluate_set

    system = KGraphSystem(Settings())
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    for name in ("plover", "cameo", "attribution", "seed"):
        scores = evaluate_set(name, shared_dir, system.records, actor_nodes=system.actor_nodes, limit=3)
        assert all(0.0 <= v <= 1.0 for v in _leaves(scores.to_dict()) if isinstance(v, float))
        for r in system.records(gold_documents(name, load_gold(shared_dir, name), shared_dir)[:3]):
            validator.validate(r)
