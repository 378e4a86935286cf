"""kgraph.load on RDF: TriG, N-Quads and on-disk pyoxigraph stores rebuild the same graph."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import kgraph
from conftest import EXAMPLES
from kgraph.errors import InputError
from kgraph.rdf_load import node_id
from test_graph_api import small_graph


def _comparable(kg: kgraph.KnowledgeGraph) -> dict[str, dict]:
    """Node data as RDF can carry it (not the per-report event ids of evidence; decimals to 6 places)."""
    out = {}
    for node, data in kg.graph.nodes(data=True):
        data = {k: v for k, v in data.items() if v is not None}  # an absent value and None are the same
        if "evidence" in data:
            data["evidence"] = sorted(({k: v for k, v in e.items() if k != "event"} for e in data["evidence"]),
                                      key=lambda e: (e["doc"], e["start"]))  # fmt: skip
        if "mentions" in data:
            data["mentions"] = sorted(data["mentions"], key=lambda m: (m["doc"], m["start"], m["end"]))
        if "confidence" in data:
            data["confidence"] = round(data["confidence"], 6)
        out[node] = data
    return out


def _check(kg: kgraph.KnowledgeGraph, back: kgraph.KnowledgeGraph) -> None:
    assert _comparable(back) == _comparable(kg)
    assert sorted(back.graph.edges(keys=True, data=True)) == sorted(kg.graph.edges(keys=True, data=True))
    for doc, meta in kg.documents.items():
        assert {k: v for k, v in back.documents[doc].items() if k != "origin"} == {
            k: meta.get(k) for k in ("title", "date", "source", "url")}


@pytest.mark.parametrize("fmt, name", [("trig", "graph.trig"), ("nquads", "graph.nq")])
def test_load_rdf_rebuilds_the_graph(fmt: str, name: str, tmp_path: Path) -> None:
    kg = small_graph()
    kg.export(tmp_path / name, format=fmt)
    _check(kg, kgraph.load(tmp_path / name))
    assert [e.id for e in kgraph.load(tmp_path / name).events(actor="Kim")] == [e.id for e in kg.events(actor="Kim")]


def test_load_build_folder_without_graph_json_reads_trig(tmp_path: Path) -> None:
    kg = small_graph()
    kg.export(tmp_path / "graph.trig", format="trig")
    _check(kg, kgraph.load(tmp_path))


def test_load_on_disk_store(tmp_path: Path) -> None:
    import pyoxigraph as ox

    kg = small_graph()
    kg.export(tmp_path / "graph.trig", format="trig")
    store = ox.Store(str(tmp_path / "store"))
    store.bulk_load(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()
    _check(kg, kgraph.load(tmp_path / "store"))


def test_load_invalid_rdf_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "graph.trig"
    bad.write_text("<urn:a> <urn:b> .")
    with pytest.raises(InputError, match="graph.trig"):
        kgraph.load(bad)


def test_node_id_ignores_the_base_iri() -> None:
    assert node_id("https://example.org/kg/actor/north-korea") == "actor:north-korea"
    assert node_id("urn:kg:event/abc") == "event:abc"


@pytest.mark.model
def test_load_rdf_of_a_real_build(tmp_path: Path) -> None:
    kg = kgraph.build([EXAMPLES / "articles.jsonl"])
    kg.save(tmp_path, ["trig", "nquads"])
    for name in ("graph.trig", "graph.nq"):
        back = kgraph.load(tmp_path / name)
        _check(kg, back)
        assert repr(back) == repr(kg)
