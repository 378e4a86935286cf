"""kgraph's own Turtle, TriG and N-Quads text: prefixed names, the same statements, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kgraph.config import Settings
from kgraph.export import export
from kgraph.export.rdf_terms import PN_LOCAL_SAFE, TURTLE, data_term, prefixed
from kgraph.graph import KnowledgeGraph
from kgraph.ids import to_iri
from rdf_fixtures import nasty_graph, seed_graph, synthetic_graph
from test_hostile_rdf import HOSTILE, hostile_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

BASE = Settings().base_iri
OX = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}

#: Local parts of node ids, and whether Turtle may write them as a prefixed name ``kind:local``.
LOCALS = {
    "plain": True, "kim-jong-un": True, "a.b": True, "a..b": True, "1999": True, "2020-01-05": True,
    "_under": True, "trailing-": True, "x_": True, "kgraph-0.1.0": True,
    "trailing.": False, ".lead": False, "-lead": False, "a~b": False, "50%": False, "a:b": False,
    "a/b": False, "a b": False, "ü": False, "": False, "a>b": False, "a\\b": False, "a#b": False,
    "a'b": False, "a(b)": False, "a,b": False, "a;b": False, "a=b": False, "x.": False, "..": False,
}  # fmt: skip


def edge_graph() -> KnowledgeGraph:
    """One actor, one event and one article per edge-case local part."""
    kg = KnowledgeGraph()
    for i, local in enumerate(LOCALS):
        kg.graph.add_node(f"actor:{local}", kind="actor", label=f"label {i}", type="PERSON")
        kg.graph.add_node(f"event:{local}", kind="event", relation="meet", sources=[local], date="2020-01-05")
        kg.graph.add_edge(f"actor:{local}", f"event:{local}", key="actor", role="actor")
        kg.documents[local] = {"title": f"title {i}", "date": "2020", "source": local or "x", "url": None}
    kg.graph.add_node("other:plain", kind="actor", label="kind with no prefix")
    return kg


@pytest.mark.parametrize("local, safe", sorted(LOCALS.items()))
def test_prefixed_names_only_for_safe_local_parts(local: str, safe: bool) -> None:
    term = data_term(f"actor:{local}", BASE, turtle=True)
    assert term == (f"actor:{local}" if safe else f"<{to_iri('actor:' + local, BASE)}>")
    assert bool(PN_LOCAL_SAFE.fullmatch(local)) is safe
    assert data_term(f"actor:{local}", BASE, turtle=False) == f"<{to_iri('actor:' + local, BASE)}>"


def test_prefixed_spells_vocabulary_terms() -> None:
    assert TURTLE.terms.A == "a" and TURTLE.terms.K_SENTENCE == "kg:sentenceIndex"
    assert prefixed("https://schema.org/", {"schema": "https://schema.org/"}) == "<https://schema.org/>"
    assert prefixed("http://elsewhere.org/x", {"schema": "https://schema.org/"}) == "<http://elsewhere.org/x>"
    longest = {"a": "http://ex.org/", "b": "http://ex.org/sub/"}
    assert prefixed("http://ex.org/sub/x", longest) == "b:x"
    assert data_term("other:plain", BASE, turtle=True) == f"<{BASE}other/plain>"


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_edge_case_names_parse_the_same_in_pyoxigraph_and_rdflib(fmt: str) -> None:
    kg = edge_graph()
    data = export(kg, format=fmt)
    text = data.decode()
    for local, safe in LOCALS.items():
        assert (f"actor:{local} a sem:Actor" in text) is safe, local
    expected = {str(t.subject.value) for t in ox.parse(export(kg, format="nquads"), ox.RdfFormat.N_QUADS)}
    assert {q.subject.value for q in ox.parse(data, OX[fmt])} == expected
    graph = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    graph.parse(data=data, format=fmt)
    triples = (
        graph.quads((None, None, None, None)) if fmt == "trig" else ((s, p, o, None) for s, p, o in graph)
    )
    assert {str(s) for s, *_ in triples} == expected
    assert {to_iri(f"actor:{local}", BASE) for local in LOCALS} <= expected


def _quads(data: bytes, fmt: str) -> set[str]:
    return {str(q) for q in ox.parse(data, OX[fmt])}


def _triples(data: bytes, fmt: str) -> set[str]:
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(data, OX[fmt])}


@pytest.mark.parametrize("name", ["seed", "nasty", "hostile", "edge", "synthetic"])
def test_trig_nquads_and_turtle_hold_the_same_statements(name: str) -> None:
    kg = {"seed": seed_graph, "nasty": nasty_graph, "hostile": lambda: hostile_graph(HOSTILE),
          "edge": edge_graph, "synthetic": lambda: synthetic_graph(6, 5, 12)}[name]()  # fmt: skip
    data = {fmt: export(kg, format=fmt) for fmt in OX}
    assert _quads(data["trig"], "trig") == _quads(data["nquads"], "nquads")
    assert _triples(data["turtle"], "turtle") == _triples(data["nquads"], "nquads")
    assert len(list(ox.parse(data["turtle"], OX["turtle"]))) == len(_triples(data["turtle"], "turtle"))


def test_trig_puts_nodes_of_no_article_in_the_default_graph() -> None:
    kg = seed_graph()
    kg.graph.add_node("actor:loner", kind="actor", label="Loner")
    quads = list(ox.parse(export(kg, format="trig"), ox.RdfFormat.TRIG))
    loner = [q for q in quads if q.subject == ox.NamedNode(to_iri("actor:loner", BASE))]
    assert loner and all(q.graph_name == ox.DefaultGraph() for q in loner)


def test_turtle_layout_groups_subjects() -> None:
    text = export(seed_graph(), format="turtle").decode()
    assert "\n@prefix" not in text.partition("\n\n")[2], "prefixes come first"
    assert 'actor:kim-jong-un a sem:Actor , schema:Person ;\n    rdfs:label "Kim Jong Un" ;' in text
    assert "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" not in text


SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from rdf_fixtures import seed_graph, nasty_graph
from kgraph.export import export
for fmt in ("turtle", "trig", "nquads"):
    for kg in (seed_graph(), nasty_graph()):
        sys.stdout.buffer.write(export(kg, format=fmt))
"""


def test_text_exports_do_not_depend_on_the_hash_seed() -> None:
    tests = str(Path(__file__).parent)
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", SCRIPT.format(tests=tests)]
        done = subprocess.run(command, env=env, capture_output=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_turtle_and_trig_share_their_blocks_with_the_same_bytes() -> None:
    """TriG written after Turtle (blocks reused) equals TriG written alone, and the other way round."""
    from rdf_fixtures import synthetic_graph

    settings = Settings()
    alone = {name: export(synthetic_graph(5, 4, 10), format=name, settings=settings) for name in ("turtle", "trig")}
    kg = synthetic_graph(5, 4, 10)
    after = {name: export(kg, format=name, settings=settings) for name in ("turtle", "trig")}
    assert after == alone
    assert kg._turtle_blocks is None  # let go once both were written
