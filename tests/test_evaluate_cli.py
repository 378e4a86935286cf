"""``kgraph evaluate``: scoring given files, running kgraph, usage errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kgraph.cli import main


def entry(text: str, start: int, country: str | None = None, actor_id: str | None = None) -> dict[str, Any]:
    return {"id": actor_id, "label": text, "text": text, "start": start, "end": start + len(text), "type": None,
            "country": country}  # fmt: skip


def record(doc: str, type_: str, root: str, actor: list[Any], recipient: list[Any], sentence: str = "") -> dict[str, Any]:
    return {"doc": doc, "id": f"event:{doc}-{type_}", "sentence_index": 0, "sentence": sentence, "start": 0, "end": 1,
            "trigger": {"text": "x", "start": 0, "end": 1}, "relation": "x", "type": type_, "cameo_root": root,
            "actor": actor, "recipient": recipient, "object_text": None, "date": None, "date_text": None,
            "place": None, "mood": "asserted", "attributed_to": None, "confidence": 0.9}  # fmt: skip


@pytest.fixture()
def tiny_shared(tmp_path: Path) -> Path:
    """A hand-made shared/ folder: one record of every gold set."""
    shared = tmp_path / "shared"
    (shared / "eval").mkdir(parents=True)
    (shared / "corpora").mkdir()
    text = "Russia attacked Ukraine. Kim said so."
    (shared / "corpora" / "doc.txt").write_text(text, encoding="utf-8")
    lines = {
        "plover_gsr_dev.jsonl": {"id": "p1", "text": text, "type": "ASSAULT", "actor": [{"text": "Russia", "code": "RUS"}],
                                 "recipient": [{"text": "Ukraine", "code": "UKR"}]},
        "cameo_snippets_dev.jsonl": {"id": "c1", "text": text, "triplets": [
            {"subject": "Russia", "object": "Ukraine", "relation": "Assault", "cameo_root": "18"}]},
        "attribution_dev.jsonl": {"id": "a1", "text": text, "attributions": [
            {"source": {"spans": [[25, 28]], "text": "Kim"}, "cue": {}, "content": {}}]},
    }  # fmt: skip
    for name, line in lines.items():
        (shared / "eval" / name).write_text(json.dumps(line) + "\n", encoding="utf-8")
    seed = {"doc": "d1", "text_file": "corpora/doc.txt", "date": None,
            "actors": [{"id": "ru", "label": "Russia", "mentions": ["Russia"]},
                       {"id": "ua", "label": "Ukraine", "mentions": ["Ukraine"]}],
            "distinct": [["ru", "ua"]],
            "events": [{"actor": ["ru"], "type": "ASSAULT", "recipient": ["ua"], "sentence": "Russia attacked Ukraine.",
                        "mood": "asserted"}]}  # fmt: skip
    (shared / "eval" / "seed_gold.json").write_text(json.dumps(seed), encoding="utf-8")
    return shared


def test_scores_given_files(tiny_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru, ua = entry("Russia", 0, "RUS", "actor:russia"), entry("Ukraine", 16, "UKR", "actor:ukraine")
    records = [record(doc, "ASSAULT", "18", [ru], [ua], "Russia attacked Ukraine.") for doc in ("p1", "c1", "d1")]
    records.append(record("a1", "STATEMENT", "01", [entry("Kim", 25)], []))
    system = tmp_path / "events.jsonl"
    system.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    graph = tmp_path / "graph.json"
    nodes = [{"id": "actor:russia", "kind": "actor", "label": "Russia",
              "mentions": [{"doc": "d1", "start": 0, "end": 6, "text": "Russia"}]}]  # fmt: skip
    graph.write_text(json.dumps({"directed": True, "multigraph": True, "nodes": nodes, "links": []}), encoding="utf-8")
    out, details = tmp_path / "out" / "scores.json", tmp_path / "out" / "details.jsonl"

    code = main(["evaluate", "--shared", str(tiny_shared), "--system", str(system), "--graph", str(graph), "-o", str(out),
                 "--details", str(details)])  # fmt: skip

    assert code == 0
    table = capsys.readouterr().out
    assert "plover full_recall   1.000  (1/1)" in table and "attribution speaker" in table
    scores = json.loads(out.read_text())
    assert scores["cameo"]["typed"]["f1"] == scores["attribution"]["f1"] == 1.0
    assert scores["seed"]["actors"]["recall"] == 0.5 and scores["seed"]["events"]["typed"]["f1"] == 1.0
    assert scores["meta"]["system"] == str(system)
    (problem,) = [json.loads(line) for line in details.read_text().splitlines()]
    assert problem["set"] == "seed" and problem["actors"]["missing"] == ["ua"] and not problem["missed"]


def test_one_set_only(tiny_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    system = tmp_path / "events.jsonl"
    system.write_text("", encoding="utf-8")
    assert main(["evaluate", "--set", "cameo", "--shared", str(tiny_shared), "--system", str(system)]) == 0
    table = capsys.readouterr().out
    assert "cameo dyad" in table and "plover" not in table


def test_usage_errors(tiny_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--shared", str(tmp_path / "nowhere"), "--system", "x.jsonl"]) == 2
    assert "eval not found" in capsys.readouterr().err
    assert main(["evaluate", "--shared", str(tiny_shared), "--graph", "graph.json"]) == 2
    assert "--graph needs --system" in capsys.readouterr().err
    assert main(["evaluate", "--shared", str(tiny_shared), "--system", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl: no such file" in capsys.readouterr().err


def test_bad_system_file_names_the_line(tiny_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    system = tmp_path / "events.jsonl"
    system.write_text('{"doc": "c1"}\nnot json\n', encoding="utf-8")
    assert main(["evaluate", "--set", "cameo", "--shared", str(tiny_shared), "--system", str(system)]) == 2
    assert f"{system}:2" in capsys.readouterr().err


@pytest.mark.model
def test_runs_kgraph_on_the_dev_sets(tiny_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.json"
    assert main(["evaluate", "--shared", str(tiny_shared), "--quiet", "-o", str(out)]) == 0
    scores = json.loads(out.read_text())
    assert set(scores) == {"meta", "plover", "cameo", "attribution", "seed"}
    assert scores["meta"]["system"] == "kgraph"
    assert scores["seed"]["actors"]["named"] == 2
