"""No injection: hostile names and texts give valid IRIs, escaped literals, bound SPARQL and escaped HTML.

A graph is built by hand with hostile strings in every text slot (labels, aliases, codes,
mention texts, document ids, titles, sources, urls); every RDF export must parse with rdflib and
give the strings back unchanged; SPARQL values are bound, so a hostile value can change what
matches but never the query; the HTML page never contains the payload as markup.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from kgraph.errors import ConfigError
from kgraph.export import export
from kgraph.graph import KnowledgeGraph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

HOSTILE = [
    'He said "stop"', "back\\slash \\n \\u0041", "<http://evil.example/> .x", '"} ; DROP ALL ; INSERT DATA { <a> <b> "c" } #',
    'x" . ?s ?p ?o . #', "} UNION { ?s ?p ?o", "line1\nline2\r\nline3", "\u202eRTL override \u05e9\u05dc\u05d5\u05dd",
    "😀 👩‍👩‍👧 🇺🇦", "</script><script>alert('kgraph-xss')</script>", "<img src=x onerror=alert(1)>", "tab\there",
    "'''x''' \"\"\"y\"\"\"", "\x7f\x85\u2028\u2029", "a:b", "_:b", "-lead", ".lead", "a..b", "50% off", "é\u0301", "~x",
    "?q=1&r=2#frag", "\u00a0nbsp", "\ufffd", "@prefix x: <http://evil/> . x", "^^<http://www.w3.org/2001/XMLSchema#int>",
    "x" * 500, "{{7*7}} ${jndi:ldap://x}",
]  # fmt: skip
RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def hostile_graph(strings: list[str]) -> KnowledgeGraph:
    """Actors and documents whose every text field is a hostile string."""
    kg = KnowledgeGraph()
    for i, h in enumerate(strings):
        mention = {"doc": h, "start": 0, "end": len(h), "text": h}
        kg.graph.add_node(f"actor:{h}", kind="actor", label=h, type="PERSON", aliases=[h, f"{h} {i}"],
                          mentions=[mention], codes=[h], country=None)  # fmt: skip
        kg.documents[h] = {"title": h, "date": "2024-01-01", "source": h, "url": h, "origin": f"{h}:{i}"}
    return kg


def _labels(data: bytes, name: str) -> set[str]:
    if name == "turtle":
        graph = rdflib.Graph().parse(data=data, format="turtle")
        return {str(o) for o in graph.objects(None, rdflib.RDFS.label)}
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB[name])
    return {str(o) for _, _, o, _ in dataset.quads((None, rdflib.RDFS.label, None, None))}


@pytest.mark.parametrize("name", sorted(RDFLIB))
def test_hostile_strings_round_trip_through_every_rdf_export(name: str) -> None:
    data = export(hostile_graph(HOSTILE), format=name)
    assert isinstance(data, bytes)
    assert set(HOSTILE) <= _labels(data, name)


@pytest.mark.parametrize("name", ["turtle", "trig"])
def test_document_id_ending_with_a_dot_parses_with_rdflib(name: str) -> None:
    data = export(hostile_graph(["Reuters report 12."]), format=name)
    assert isinstance(data, bytes)
    _labels(data, name)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    from kgraph.sparql import load_text

    data = export(hostile_graph(HOSTILE), format="nquads")
    assert isinstance(data, bytes)
    return load_text(data, "nquads")


LABEL_QUERY = "SELECT ?a WHERE { ?a rdfs:label ?label }"


@pytest.mark.parametrize("value", HOSTILE)
def test_sparql_binds_hostile_literals_exactly(store: ox.Store, value: str) -> None:
    from kgraph.sparql import run

    before = len(store)
    rows = run(store, LABEL_QUERY, {"label": ox.Literal(value)}).rows
    assert len(rows) == 1, f"{value!r} matched {len(rows)} actors"
    assert len(store) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_sparql_command_line_values_never_change_the_query(store: ox.Store, value: str) -> None:
    from kgraph.sparql import run

    try:
        rows = run(store, LABEL_QUERY, {"label": value}).rows
    except ConfigError as err:  # e.g. "<...>" that is not a valid IRI: refused, not injected
        assert "IRI" in str(err)
        return
    assert len(rows) <= 1, f"{value!r} matched {len(rows)} actors: the value changed the query"


@pytest.mark.parametrize("name", ["a} DROP ALL {", "x y", "", "?", "a) (?b"])
def test_sparql_refuses_hostile_variable_names(name: str) -> None:
    from kgraph.sparql import bind

    with pytest.raises(ConfigError):
        bind(LABEL_QUERY, {name: "x"})


def test_html_page_escapes_hostile_text() -> None:
    page = export(hostile_graph(HOSTILE), format="html")
    assert isinstance(page, bytes)
    text = page.decode("utf-8")
    assert "<script>alert('kgraph-xss')" not in text
    assert "<img src=x onerror" not in text
