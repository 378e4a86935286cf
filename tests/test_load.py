"""kgraph.load: build folders, graph.json, and clear errors for what it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import kgraph
from conftest import EXAMPLES
from kgraph.errors import InputError
from test_graph_api import small_graph


def _same_graph(a: kgraph.KnowledgeGraph, b: kgraph.KnowledgeGraph) -> None:
    assert dict(a.graph.nodes(data=True)) == dict(b.graph.nodes(data=True))
    assert sorted(a.graph.edges(keys=True, data=True)) == sorted(b.graph.edges(keys=True, data=True))
    assert a.graph.graph == b.graph.graph


def test_load_graph_json_round_trips(tmp_path: Path) -> None:
    kg = small_graph()
    kg.export(tmp_path / "graph.json")
    for path in (tmp_path, tmp_path / "graph.json"):
        again = kgraph.load(path)
        _same_graph(kg, again)
        assert again.actor("Kim") == kg.actor("Kim")
        assert again.events(actor="Kim") == kg.events(actor="Kim")


def test_load_reads_records_and_report_of_a_build_folder(tmp_path: Path) -> None:
    kg = small_graph()
    kg.export(tmp_path / "graph.json")
    records = [{"doc": "a", "id": "event:x", "type": "AID"}]
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "report.json").write_text(json.dumps({"events": 1}))
    again = kgraph.load(tmp_path)
    assert again.records() == records and again.report == {"events": 1}


def test_load_missing_path_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="build folder"):
        kgraph.load(tmp_path / "nope")


def test_load_folder_without_a_graph(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a kgraph build"):
        kgraph.load(tmp_path)


def test_load_bad_json_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "graph.json"
    bad.write_text('{"nodes": 3}')
    with pytest.raises(InputError, match="graph.json"):
        kgraph.load(bad)


def test_load_bad_events_line_names_file_and_line(tmp_path: Path) -> None:
    small_graph().export(tmp_path / "graph.json")
    (tmp_path / "events.jsonl").write_text('{"doc": "a"}\nnot json\n')
    with pytest.raises(InputError, match=r"events.jsonl:2"):
        kgraph.load(tmp_path)


@pytest.mark.model
def test_load_a_saved_build_gives_the_same_graph_and_records(tmp_path: Path) -> None:
    kg = kgraph.build([EXAMPLES / "articles.jsonl"])
    written = kg.save(tmp_path)
    assert {p.name for p in written} >= {"graph.json", "events.jsonl", "report.json", "graph.trig"}
    again = kgraph.load(tmp_path)
    _same_graph(kg, again)
    assert again.records() == kg.records()
    assert again.report == json.loads(json.dumps(kg.report))
    assert repr(again) == repr(kg)
    assert nx.utils.graphs_equal(again.to_networkx(), kg.to_networkx())
