"""End to end with the real pipeline: the seed article and 50 BBC politics articles.

Exports conform to the SHACL shapes, the four formats are isomorphic on their union graph,
TriG has one named graph per article with its PROV description, re-building yields identical
bytes, and the README's queries return the documented rows (in process and on a server).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

import kgraph
from kgraph.config import Settings
from kgraph.export import get_exporter, write_exports
from kgraph.export.rdf import shacl_report, union_graph
from kgraph.graph import KnowledgeGraph
from kgraph.ids import to_iri
from kgraph.model import Document
from kgraph.sparql import load, run

pytestmark = [pytest.mark.model, pytest.mark.shared, pytest.mark.slow]

FORMATS = ("turtle", "trig", "nquads", "jsonld")
PROV = "http://www.w3.org/ns/prov#"
SDO = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _exports(kg: KnowledgeGraph) -> dict[str, bytes]:
    out = {}
    for fmt in FORMATS:
        buffer = io.BytesIO()
        get_exporter(fmt)(kg, buffer, settings=Settings())
        out[fmt] = buffer.getvalue()
    return out


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> KnowledgeGraph:
    return kgraph.build([shared_dir / "corpora" / "seed_article.txt"])


@pytest.fixture(scope="module")
def bbc(shared_dir: Path) -> KnowledgeGraph:
    docs = []
    with open(shared_dir / "corpora" / "bbc_politics.jsonl", encoding="utf-8") as lines:
        for line, _ in zip(lines, range(50)):
            r = json.loads(line)
            docs.append(Document(r["id"], r["text"], r.get("title"), r.get("date"), r.get("source"), r.get("url")))
    return kgraph.build(docs)


@pytest.mark.parametrize("corpus", ["seed", "bbc"])
def test_pipeline_exports_conform_and_are_isomorphic(corpus: str, request: pytest.FixtureRequest) -> None:
    kg = request.getfixturevalue(corpus)
    graphs = {fmt: union_graph(data, fmt) for fmt, data in _exports(kg).items()}
    conforms, report = shacl_report(graphs["turtle"])
    assert conforms, report
    for fmt in FORMATS[1:]:
        assert isomorphic(graphs["turtle"], graphs[fmt]), fmt
        assert len(graphs[fmt]) == len(graphs["turtle"])


def test_pipeline_bbc_trig_has_one_named_graph_per_article_with_prov(bbc: KnowledgeGraph) -> None:
    quads = list(ox.parse(_exports(bbc)["trig"], ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    base = Settings().base_iri
    assert len(bbc.documents) == 50
    assert graphs == {to_iri("graph:" + doc, base) for doc in bbc.documents}
    for doc in bbc.documents:
        g, article = to_iri("graph:" + doc, base), to_iri("doc:" + doc, base)
        inside = {(q.subject.value, q.predicate.value, getattr(q.object, "value", None))
                  for q in quads if q.graph_name.value == g}
        assert (g, PROV + "wasDerivedFrom", article) in inside
        assert (article, RDF_TYPE, SDO + "NewsArticle") in inside
        assert any(p == PROV + "wasGeneratedBy" for s, p, _ in inside if s == g)


def test_pipeline_rebuilding_yields_identical_bytes(seed: KnowledgeGraph, shared_dir: Path) -> None:
    again = kgraph.build([shared_dir / "corpora" / "seed_article.txt"])
    assert _exports(again) == _exports(seed)


#: Rows the README documents for the seed article (a subset each query must return).
README_ROWS = {
    "actor-timeline": ({"actor": "actor:kim-jong-un"}, ("role", "type", "relation"),
                       {("actor", "MOBILIZE", "launch"), ("actor", "REQUEST", "urge")}),
    "between": ({"a": "actor:un-security-council", "b": "actor:north-korea"}, ("who", "relation", "whom", "type"),
                {("UN Security Council", "pass sanction", "North Korea", "SANCTION")}),
    "claims": ({}, ("speakerLabel", "relation"),
               {("Cho Min", "say"), ("Michael Madden", "say"), ("NK News", "report"), ("SBS", "report")}),
    "active-actors": ({"type": "kg:SANCTION"}, ("label", "eventType", "events"),
                      {("UN Security Council", "SANCTION", 1)}),
    "corroborated": ({"min": "1"}, ("sources", "relation"), {(1, "pass sanction")}),
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_build(seed: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    write_exports(seed, out, ["turtle", "trig"])
    return out


@pytest.mark.parametrize("name", sorted(README_ROWS))
def test_pipeline_readme_queries_in_process(seed_build: Path, name: str) -> None:
    bindings, columns, expected = README_ROWS[name]
    records = run(load(seed_build), name, bindings).records()
    assert expected <= {tuple(r[c] for c in columns) for r in records}


def test_pipeline_corroborated_default_is_empty_for_one_article(seed_build: Path) -> None:
    assert run(load(seed_build), "corroborated").rows == []


@pytest.mark.server
def test_pipeline_readme_queries_on_the_server(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    import subprocess

    from kgraph.push import push, query
    from test_push_server import _free_port, _oxigraph, _wait
    from test_sparql import _normalise

    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-seed")
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, proc)
        push(seed_build, f"{url}/store")
        for name, (bindings, columns, expected) in README_ROWS.items():
            records = query(f"{url}/query", name, bindings).records()
            assert expected <= {tuple(r[c] for c in columns) for r in records}, name
            in_process = run(load(seed_build), name, bindings).records()
            assert _normalise([tuple(r.values()) for r in records]) == _normalise(
                [tuple(r.values()) for r in in_process]), name
    finally:
        proc.terminate()
        proc.wait(timeout=10)
