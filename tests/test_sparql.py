"""SPARQL in process: shipped queries, value binding, persistent store, the sparql command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.cli import main
from kgraph.errors import ConfigError, InputError
from kgraph.export import write_exports
from kgraph.sparql import bind, list_queries, load, load_query, parse_bindings, parse_value, run
from rdf_fixtures import seed_graph

ROOT = Path(__file__).resolve().parents[1]
E = "https://w3id.org/kgraph/id/event/"
A = "https://w3id.org/kgraph/id/actor/"
SANCTION, LAUNCH, HIGHLIGHT = E + "ba26917be8b4bcec", E + "610955d7fddeb4ec", E + "99a7cd4b963bcd30"
CLAIM = 'Cho Min claimed that the congress will highlight Kim\'s signature "byongjin policy."'

#: The shipped queries on the hand-built seed graph (tests/rdf_fixtures.py): bindings → expected rows.
EXPECTED: dict[str, tuple[dict[str, str], list[tuple[object, ...]]]] = {
    "actor-timeline": ({"actor": "actor:kim-jong-un"}, [
        (None, "actor", None, "highlight", "future", "Cho Min", HIGHLIGHT),
        ("2016-01", "actor", "MOBILIZE", "launch test", "asserted", None, LAUNCH),
    ]),
    "between": ({"a": "actor:north-korea", "b": "actor:un-security-council"}, [
        ("2016-03", "UN Security Council", "pass sanction", "North Korea", "SANCTION", "asserted", SANCTION),
    ]),
    "claims": ({}, [("Cho Min", "highlight", None, "future", CLAIM, A + "cho-min", HIGHLIGHT)]),
    "active-actors": ({}, [
        ("Kim Jong Un", "MOBILIZE", 1, A + "kim-jong-un"),
        ("UN Security Council", "SANCTION", 1, A + "un-security-council"),
    ]),
    "corroborated": ({"min": "2"}, [(2, "pass sanction", "SANCTION", "other, seed", SANCTION)]),
}  # fmt: skip


def _normalise(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """GROUP_CONCAT order is not defined by SPARQL: sort the parts of comma-joined cells."""
    return [tuple(", ".join(sorted(c.split(", "))) if isinstance(c, str) and ", " in c else c for c in r) for r in rows]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    write_exports(seed_graph(), out, ["turtle", "trig", "nquads"])
    return out


@pytest.mark.parametrize("file", ["graph.trig", "graph.ttl", "graph.nq"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sparql_shipped_query_returns_documented_rows(build: Path, name: str, file: str) -> None:
    bindings, expected = EXPECTED[name]
    assert _normalise(run(load(build / file), name, bindings).rows) == _normalise(expected)


def test_sparql_shipped_queries_are_listed_and_packaged() -> None:
    assert sorted(list_queries()) == sorted(EXPECTED)
    for name in EXPECTED:
        assert load_query(name) == (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def test_sparql_binding_cannot_change_the_query(build: Path) -> None:
    store = load(build)
    evil = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o # '
    assert run(store, "between", {"a": evil, "b": "actor:north-korea"}).rows == []
    assert run(store, "SELECT ?l WHERE { ?a rdfs:label ?l }", {"a": "<urn:x> } UNION { ?a ?p ?l"}).rows == []
    assert len(run(store, "SELECT ?s WHERE { ?s ?p ?o }").rows) > 100


def test_sparql_bind_skips_iris_strings_and_comments() -> None:
    q = 'PREFIX x: <http://e.org/{where}> # where {\nSELECT ?s WHERE { ?s ?p "{" }'
    assert bind(q, {"s": "<urn:a>"}).endswith('WHERE { VALUES (?s) { (<urn:a>) }  ?s ?p "{" }')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert bind(construct, {"s": "<urn:a>"}).startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES")


@pytest.mark.parametrize("name", ["a b", "1x", "s;", ""])
def test_sparql_bind_rejects_bad_variable_names(name: str) -> None:
    with pytest.raises(ConfigError):
        bind("SELECT * WHERE { ?s ?p ?o }", {name: "x"})


def test_sparql_parse_value_kinds() -> None:
    assert parse_value("actor:a b", "urn:x:") == ox.NamedNode("urn:x:actor/a%20b")
    assert parse_value("kg:SANCTION") == ox.NamedNode("https://w3id.org/kgraph/ontology#SANCTION")
    assert parse_value("<http://e.org/x>") == ox.NamedNode("http://e.org/x")
    assert parse_value("2.5").datatype.value.endswith("#decimal")
    assert parse_value("http://e.org/x") == ox.Literal("http://e.org/x")
    assert parse_value("Kim Jong Un") == ox.Literal("Kim Jong Un")
    with pytest.raises(ConfigError):
        parse_value("<not an iri>")
    assert parse_bindings(["?a=1"]) == {"a": "1"}
    with pytest.raises(ConfigError):
        parse_bindings(["novalue"])


def test_sparql_persistent_store_is_incremental_and_idempotent(build: Path, tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = run(load(build / "graph.trig", store_dir=tmp_path / "store"), count).rows
    again = run(load(build / "graph.trig", store_dir=tmp_path / "store"), count).rows
    assert first == again and first[0][0] > 100
    (tmp_path / "other.nq").write_text('<urn:s> <urn:p> "o" <urn:g> .\n', encoding="utf-8")
    grown = run(load(tmp_path / "other.nq", store_dir=tmp_path / "store"), count).rows
    assert grown[0][0] == first[0][0] + 1


def test_sparql_load_reports_missing_build(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="kgraph build"):
        load(tmp_path)


def test_sparql_cli_table_csv_json(build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["sparql", "between", "--graph", str(build), "--bind", "a=actor:north-korea",
            "--bind", "b=actor:un-security-council"]
    assert main([*args]) == 0
    table = capsys.readouterr().out
    assert "pass sanction" in table and "event:ba26917be8b4bcec" in table and "(1 row)" in table
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["who"] == "UN Security Council" and rows[0]["event"] == SANCTION
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"][0]["whom"] == {"type": "literal", "value": "North Korea"}


def test_sparql_cli_errors_exit_2(build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", "SELECT WHERE {", "--graph", str(build)]) == 2
    assert "syntax" in capsys.readouterr().err.lower()
    assert main(["sparql", "missing.rq", "--graph", str(build)]) == 2


def test_sparql_cli_store_loads_once_then_queries(build: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "store")
    assert main(["sparql", "active-actors", "--graph", str(build), "--store", store, "--format", "csv"]) == 0
    loaded = capsys.readouterr().out
    assert main(["sparql", "active-actors", "--store", store, "--format", "csv"]) == 0
    assert capsys.readouterr().out == loaded and "UN Security Council" in loaded
