"""A real Oxigraph server on 127.0.0.1: push a build, query it over HTTP, re-push idempotently."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph.cli import main
from kgraph.errors import EndpointError
from kgraph.export import write_exports
from kgraph.push import push, push_to_store, query
from kgraph.sparql import load, run
from rdf_fixtures import NASTY_NAMES, nasty_graph, seed_graph, synthetic_graph
from test_sparql import EXPECTED, _normalise

pytestmark = pytest.mark.server

COUNT = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _oxigraph() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    path = str(found) if found.is_file() else shutil.which("oxigraph")
    if not path:
        pytest.skip("the oxigraph server is not installed (pip install 'kgraph[server]')")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``oxigraph serve`` on a free 127.0.0.1 port; yield its base URL; stop it."""
    port, location = _free_port(), tmp_path_factory.mktemp("oxigraph")
    cmd = [_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not answer on {url} within {timeout}s")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    write_exports(seed_graph(), out, ["trig"])
    return out


def _clear(server: str) -> None:
    req = urllib.request.Request(f"{server}/update", data=b"DROP ALL", method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=10).read()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_push_server_queries_return_documented_rows(server: str, build: Path, name: str) -> None:
    _clear(server)
    push(build, f"{server}/store")
    bindings, expected = EXPECTED[name]
    assert _normalise(query(f"{server}/query", name, bindings).rows) == _normalise(expected)


@pytest.mark.parametrize("update", [False, True])
def test_push_server_repush_is_idempotent(server: str, build: Path, update: bool) -> None:
    _clear(server)
    endpoint = f"{server}/update" if update else f"{server}/store"
    report = push(build, endpoint, update=update)
    first = query(f"{server}/query", COUNT).rows
    assert first == [(report.triples, report.graphs)] and report.graphs == 2
    push(build, endpoint, update=update)
    assert query(f"{server}/query", COUNT).rows == first
    in_process = run(load(build), COUNT).rows
    assert in_process == first


def test_push_server_replaces_a_changed_article_graph(server: str, tmp_path: Path) -> None:
    _clear(server)
    write_exports(synthetic_graph(3, 4, 6), tmp_path / "a", ["trig"])
    write_exports(synthetic_graph(3, 2, 6), tmp_path / "b", ["trig"])
    push(tmp_path / "a", f"{server}/store")
    push(tmp_path / "b", f"{server}/store")
    assert query(f"{server}/query", COUNT).rows == run(load(tmp_path / "b"), COUNT).rows


def test_push_server_round_trips_nasty_names(server: str, tmp_path: Path) -> None:
    _clear(server)
    write_exports(nasty_graph(), tmp_path, ["trig"])
    push(tmp_path, f"{server}/store")
    labels = {r[0] for r in query(f"{server}/query", "SELECT ?l WHERE { ?a a sem:Actor ; rdfs:label ?l }"
                                  .replace("SELECT", "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"
                                           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT")).rows}
    assert labels == set(NASTY_NAMES)
    ask = query(f"{server}/query", "ASK { ?s ?p ?o }", {"o": NASTY_NAMES[0]})
    assert ask.boolean is True


def test_push_cli(server: str, build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _clear(server)
    assert main(["push", str(build), "--endpoint", f"{server}/store"]) == 0
    assert "replaced 2 graphs" in capsys.readouterr().out


def test_push_unreachable_endpoint_raises_endpoint_error(build: Path) -> None:
    with pytest.raises(EndpointError, match="cannot reach"):
        push(build, f"http://127.0.0.1:{_free_port()}/store", timeout=2)


def test_push_http_error_raises_endpoint_error(server: str, build: Path) -> None:
    with pytest.raises(EndpointError, match="HTTP 4"):
        query(f"{server}/query", "SELECT WHERE {")


def test_push_to_persistent_store_is_idempotent(build: Path, tmp_path: Path) -> None:
    push_to_store(build, tmp_path / "store")
    report = push_to_store(build, tmp_path / "store")
    assert run(load(build, store_dir=tmp_path / "store"), COUNT).rows == [(report.triples, report.graphs)]
