"""GraphML, GEXF and CSV exports: they load back with networkx / csv and keep what matters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

import kgraph
from conftest import EXAMPLES
from kgraph.export import get_spec, list_exporters, write_exports
from kgraph.export.gephi import flat_graph
from kgraph.export.tables import ACTOR_CSV_COLUMNS, EVENT_CSV_COLUMNS
from test_graph_api import small_graph

READERS = {
    "graphml": lambda p: nx.read_graphml(p, force_multigraph=True),
    "gexf": nx.read_gexf,
}


def _check_round_trip(kg: kgraph.KnowledgeGraph, fmt: str, tmp_path: Path) -> nx.Graph:
    path = tmp_path / get_spec(fmt).filename
    kg.export(path, format=fmt)
    back = READERS[fmt](path)
    assert back.number_of_nodes() == kg.graph.number_of_nodes()
    assert back.number_of_edges() == kg.graph.number_of_edges()
    assert set(back.nodes) == set(kg.graph.nodes)
    return back


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_formats_keep_nodes_edges_and_attributes(fmt: str, tmp_path: Path) -> None:
    kg = small_graph()
    back = _check_round_trip(kg, fmt, tmp_path)
    kim = back.nodes["actor:kim-jong-un"]
    assert kim["label"] == "Kim Jong Un" and kim["type"] == "PERSON"
    assert json.loads(kim["aliases"]) == ["Kim", "Kim Jong Un"]
    sanction = back.nodes["event:sanction"]
    assert sanction["date"] == "2016-03" and json.loads(sanction["sources"]) == ["a", "b"]
    assert "attributed_to" not in sanction  # None is dropped
    assert float(sanction["confidence"]) == 0.7 and int(sanction["corroboration"]) == 2
    roles = {d.get("role") for *_, d in back.edges(data=True)}
    assert roles == {"actor", "recipient", "source"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_parallel_edges_survive(fmt: str, tmp_path: Path) -> None:
    kg = small_graph()
    kg.graph.add_edge("actor:kim-jong-un", "event:threat", key="actor", role="actor")  # also its speaker
    back = _check_round_trip(kg, fmt, tmp_path)
    assert back.number_of_edges("actor:kim-jong-un", "event:threat") == 2


def test_gexf_has_no_date_of_writing() -> None:
    assert b"lastmodifieddate" not in small_graph().export(format="gexf")


def test_flat_graph_leaves_the_graph_alone() -> None:
    kg = small_graph()
    before = dict(kg.graph.nodes["event:sanction"])
    flat = flat_graph(kg.graph)
    assert kg.graph.nodes["event:sanction"] == before
    assert all(isinstance(v, (str, int, float, bool)) for _, d in flat.nodes(data=True) for v in d.values())


def test_csv_format_writes_events_and_actors_in_a_build_folder(tmp_path: Path) -> None:
    kg = small_graph()
    written = write_exports(kg, tmp_path, ["csv"])
    assert {p.name for p in written} == {"events.csv", "actors.csv"}
    events = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    actors = list(csv.DictReader((tmp_path / "actors.csv").open(encoding="utf-8")))
    assert list(events[0]) == list(EVENT_CSV_COLUMNS) and list(actors[0]) == list(ACTOR_CSV_COLUMNS)
    assert len(events) == len(kg.records()) and len(actors) == len(kg.actors())
    sanction = next(r for r in events if r["id"] == "event:sanction")
    assert sanction["actor"] == "UN Security Council" and sanction["recipient_id"] == "actor:north-korea"
    kim = next(r for r in actors if r["id"] == "actor:kim-jong-un")
    assert kim["aliases"] == "Kim; Kim Jong Un" and kim["events"] == "4"


def test_gephi_and_tables_are_registered() -> None:
    names = list_exporters()
    assert {"graphml", "gexf", "csv", "csv-actors", "json", "events"} <= set(names)
    assert get_spec("csv").companions == ("csv-actors",)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "csv-actors"])
def test_exports_are_deterministic_and_handle_an_empty_graph(fmt: str) -> None:
    kg = small_graph()
    assert kg.export(format=fmt) == kg.export(format=fmt)
    assert kgraph.KnowledgeGraph().export(format=fmt)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_round_trip_on_examples(fmt: str, tmp_path: Path) -> None:
    kg = kgraph.build([EXAMPLES / "articles.jsonl"])
    _check_round_trip(kg, fmt, tmp_path)


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_round_trip_on_seed(fmt: str, tmp_path: Path, shared_dir: Path) -> None:
    kg = kgraph.build([shared_dir / "corpora" / "seed_article.txt"])
    _check_round_trip(kg, fmt, tmp_path)


@pytest.mark.model
def test_build_cli_format_option_adds_gephi_and_csv(tmp_path: Path) -> None:
    from kgraph.cli import main

    main(["build", str(EXAMPLES / "articles.jsonl"), "-o", str(tmp_path), "--quiet",
          "--format", "graphml", "--format", "gexf", "--format", "csv"])  # fmt: skip
    names = {p.name for p in tmp_path.iterdir()}
    assert {"graph.graphml", "graph.gexf", "events.csv", "actors.csv", "graph.json", "events.jsonl"} <= names
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(1 for _ in (tmp_path / "events.jsonl").open())
