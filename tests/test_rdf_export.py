"""RDF exports: valid, SHACL-conformant, isomorphic across formats, deterministic, safe for any name."""

from __future__ import annotations

import io
import random
from dataclasses import replace

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SDO

from kgraph.config import Settings
from kgraph.errors import ConfigError, OntologyError
from kgraph.export import export, get_spec
from kgraph.export.rdf import shacl_report, union_graph, validate
from kgraph.graph import KnowledgeGraph
from kgraph.ids import to_iri
from kgraph.vocab import KG, OA, SEM
from rdf_fixtures import NASTY_NAMES, nasty_graph, seed_graph, synthetic_graph

FORMATS = ["turtle", "trig", "nquads", "jsonld"]
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "jsonld": ox.RdfFormat.JSON_LD}
GRAPHS = {"seed": seed_graph, "nasty": nasty_graph, "synthetic": lambda: synthetic_graph(4, 6, 10)}
BASE = Settings().base_iri


def _shuffled(kg: KnowledgeGraph, seed: int) -> KnowledgeGraph:
    """The same graph with nodes, edges and documents inserted in another order."""
    rng = random.Random(seed)
    nodes, edges = list(kg.graph.nodes(data=True)), list(kg.graph.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    g = nx.MultiDiGraph()
    docs = list(kg.documents.items())
    rng.shuffle(docs)
    g.graph.update({**kg.graph.graph, "documents": dict(docs)})
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return KnowledgeGraph(g)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_rdf_export_parses_and_conforms_to_shapes(name: str, fmt: str) -> None:
    data = export(GRAPHS[name](), format=fmt)
    assert data and sum(1 for _ in ox.parse(data, OX_FORMATS[fmt])) > 10
    conforms, report = shacl_report(union_graph(data, fmt))
    assert conforms, report


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_rdf_formats_are_isomorphic_on_their_union_graph(name: str) -> None:
    kg = GRAPHS[name]()
    graphs = {fmt: union_graph(export(kg, format=fmt), fmt) for fmt in FORMATS}
    for fmt in FORMATS[1:]:
        assert isomorphic(graphs["turtle"], graphs[fmt]), fmt


@pytest.mark.parametrize("fmt", FORMATS)
def test_rdf_export_is_byte_identical_for_identical_input(fmt: str) -> None:
    first = export(seed_graph(), format=fmt)
    assert export(seed_graph(), format=fmt) == first
    assert export(_shuffled(seed_graph(), 1), format=fmt) == first
    assert export(_shuffled(seed_graph(), 2), format=fmt) == first


def test_rdf_trig_has_one_named_graph_per_article_with_prov() -> None:
    kg = synthetic_graph(7, 3, 10)
    graphs: dict[str, rdflib.Graph] = {}
    for q in ox.parse(export(kg, format="trig"), ox.RdfFormat.TRIG):
        assert isinstance(q.graph_name, ox.NamedNode), "every triple is in an article's named graph"
        g = graphs.setdefault(q.graph_name.value, rdflib.Graph(identifier=rdflib.URIRef(q.graph_name.value)))
        g.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    assert sorted(graphs) == sorted(to_iri("graph:" + doc, BASE) for doc in kg.documents)
    for doc in kg.documents:
        g = graphs[to_iri("graph:" + doc, BASE)]
        article = rdflib.URIRef(to_iri("doc:" + doc, BASE))
        assert (g.identifier, PROV.wasDerivedFrom, article) in g
        assert (article, RDF.type, SDO.NewsArticle) in g and (article, RDF.type, PROV.Entity) in g
        assert str(g.value(article, SDO.headline)) == kg.documents[doc]["title"]
        assert g.value(article, SDO.url) is not None and g.value(article, SDO.datePublished) is not None
        run = g.value(g.identifier, PROV.wasGeneratedBy)
        assert (run, RDF.type, PROV.Activity) in g
        agent = g.value(run, PROV.wasAssociatedWith)
        assert str(g.value(agent, SDO.softwareVersion)) == "0.1.0"


def test_rdf_nquads_and_trig_hold_the_same_quads() -> None:
    kg = seed_graph()
    trig = {str(q) for q in ox.parse(export(kg, format="trig"), ox.RdfFormat.TRIG)}
    nq = {str(q) for q in ox.parse(export(kg, format="nquads"), ox.RdfFormat.N_QUADS)}
    assert trig == nq


def test_rdf_event_is_in_every_corroborating_article_graph() -> None:
    kg = seed_graph()
    [sanction] = [e for e, d in kg.event_nodes() if d["type"] == "SANCTION"]
    quads = list(ox.parse(export(kg, format="nquads"), ox.RdfFormat.N_QUADS))
    event = ox.NamedNode(to_iri(sanction, BASE))
    in_graphs = {q.graph_name.value for q in quads if q.subject == event and q.predicate.value == str(RDF.type)}
    assert in_graphs == {to_iri("graph:seed", BASE), to_iri("graph:other", BASE)}


def test_rdf_names_round_trip_exactly() -> None:
    g = union_graph(export(nasty_graph(), format="turtle"), "turtle")
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert set(NASTY_NAMES) <= labels
    exact = {str(o) for o in g.objects(None, OA.exact)}
    assert {"line\nbreak", "emoji 😀 party", 'said "hi"'} <= exact
    relations = {str(o) for o in g.objects(None, KG.relation)}
    assert 'say "hi"\n' in relations


def test_rdf_iris_are_deterministic_and_under_base_iri() -> None:
    settings = replace(Settings(), base_iri="http://example.org/kg/")
    g = union_graph(export(seed_graph(), format="turtle", settings=settings), "turtle")
    actor = rdflib.URIRef("http://example.org/kg/actor/kim-jong-un")
    assert (actor, RDF.type, SEM.Actor) in g
    data_iris = {str(s) for s in g.subjects()}
    assert all(i.startswith("http://example.org/kg/") for i in data_iris)


@pytest.mark.parametrize("base", ["not an iri", "http://example.org/x y/", "http://example.org/no-slash"])
def test_rdf_export_rejects_bad_base_iri(base: str) -> None:
    with pytest.raises(ConfigError):
        export(seed_graph(), format="turtle", settings=replace(Settings(), base_iri=base))


def test_rdf_shapes_catch_bad_values() -> None:
    kg = seed_graph()
    event = next(e for e, _ in kg.event_nodes())
    kg.graph.nodes[event]["confidence"] = 1.5
    kg.graph.nodes[event]["mood"] = "maybe"
    with pytest.raises(OntologyError, match="kg:confidence|confidence"):
        validate(kg, format="turtle")


def test_rdf_turtle_writes_each_triple_once() -> None:
    data = export(seed_graph(), format="turtle")
    triples = [str(t) for t in ox.parse(data, ox.RdfFormat.TURTLE)]
    assert len(triples) == len(set(triples))


def test_rdf_exporters_are_registered_with_file_names() -> None:
    assert [get_spec(f).filename for f in FORMATS] == ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"]


def test_rdf_export_streams_to_a_binary_stream() -> None:
    buffer = io.BytesIO()
    export(seed_graph(), buffer, format="trig")
    assert buffer.getvalue() == export(seed_graph(), format="trig")


def test_rdf_empty_graph_exports_nothing_and_conforms() -> None:
    for fmt in ("turtle", "nquads"):
        assert shacl_report(union_graph(export(KnowledgeGraph(), format=fmt) or b"", fmt))[0]
