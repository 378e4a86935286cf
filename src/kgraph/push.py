"""Load a build into a SPARQL 1.1 server, and query it back, with the standard library only.

Each article's named graph is sent with the SPARQL 1.1 Graph Store HTTP Protocol: one
``PUT {endpoint}?graph=<iri>`` per graph (N-Triples body), which replaces the graph, so pushing
the same build twice leaves the server unchanged. Servers without the Graph Store Protocol can
use SPARQL Update instead (``DROP SILENT GRAPH`` then ``INSERT DATA``, one request per graph).

Oxigraph (``oxigraph serve``) exposes ``/store`` (Graph Store), ``/query`` and ``/update``;
start it with ``--union-default-graph`` so kgraph's queries see every article's graph.

>>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kgraph/id/graph/a b")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkgraph%2Fid%2Fgraph%2Fa%20b'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox

from kgraph.config import DEFAULT_BASE_IRI
from kgraph.errors import EndpointError

__all__ = ["PushReport", "graph_url", "group_by_graph", "push", "push_to_store", "query", "read_build"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class PushReport:
    """What a push sent: graphs replaced and triples sent."""

    graphs: int
    triples: int


def read_build(path: str | Path) -> list[ox.Quad]:
    """Return the quads of a build folder's ``graph.trig`` (or ``graph.nq`` / ``graph.ttl``)."""
    from kgraph.errors import InputError
    from kgraph.sparql import _format_of, find_build_file

    file = find_build_file(path)
    try:
        return list(ox.parse(path=str(file), format=_format_of(file)))
    except SyntaxError as err:
        raise InputError(f"not valid RDF: {err}", origin=str(file)) from err


def group_by_graph(quads: Iterable[ox.Quad]) -> dict[Any, list[ox.Triple]]:
    """Graph name (``ox.DefaultGraph()`` for the default graph) → its triples, graphs in name order."""
    graphs: dict[Any, list[ox.Triple]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return dict(sorted(graphs.items(), key=lambda kv: (not isinstance(kv[0], ox.DefaultGraph), str(kv[0]))))


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph)."""
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(graph, safe='')}"


def _request(url: str, *, method: str, body: bytes | None, headers: Mapping[str, str], timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as err:
        detail = err.read()[:500].decode("utf-8", "replace")
        raise EndpointError(f"{method} {url} failed: HTTP {err.code} {err.reason}: {detail}") from err
    except (urllib.error.URLError, OSError) as err:
        raise EndpointError(
            f"cannot reach {url} ({getattr(err, 'reason', err)}); is the SPARQL server running "
            "(e.g. `oxigraph serve --location DIR --union-default-graph`)?"
        ) from err


def push(path: str | Path, endpoint: str, *, update: bool = False, timeout: float = 60.0) -> PushReport:
    """Replace, on the server, every graph of the build at ``path`` with the build's content.

    Args:
        path: A build folder or RDF file.
        endpoint: The Graph Store Protocol URL (oxigraph: ``http://host:7878/store``), or with
            ``update`` the SPARQL Update URL (oxigraph: ``http://host:7878/update``).
        update: Use SPARQL Update (``DROP SILENT GRAPH`` + ``INSERT DATA``) instead of Graph Store PUT.
        timeout: Seconds to wait for each request.
    """
    graphs = group_by_graph(read_build(path))
    for name, triples in graphs.items():
        graph = None if isinstance(name, ox.DefaultGraph) else name.value
        if update:
            _update_graph(endpoint, graph, triples, timeout)
        else:
            body = ox.serialize(triples, None, ox.RdfFormat.N_TRIPLES)
            headers = {"Content-Type": "application/n-triples"}
            _request(graph_url(endpoint, graph), method="PUT", body=body, headers=headers, timeout=timeout)
    return PushReport(graphs=len(graphs), triples=sum(len(t) for t in graphs.values()))


def _update_graph(endpoint: str, graph: str | None, triples: list[ox.Triple], timeout: float) -> None:
    data = "\n".join(f"{t} ." for t in triples)
    if graph is None:
        text = f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{data}\n}}"
    else:
        iri = str(ox.NamedNode(graph))
        text = f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{data}\n}} }}"
    headers = {"Content-Type": "application/sparql-update"}
    _request(endpoint, method="POST", body=text.encode("utf-8"), headers=headers, timeout=timeout)


def push_to_store(path: str | Path, store_dir: str | Path) -> PushReport:
    """Load the build at ``path`` into the on-disk pyoxigraph store ``store_dir`` (graphs replaced)."""
    from kgraph.sparql import replace_graphs

    quads = read_build(path)
    store = ox.Store(str(store_dir))
    replace_graphs(store, quads)
    return PushReport(graphs=len({q.graph_name for q in quads}), triples=len(quads))


def query(endpoint: str, text: str, bindings: Mapping[str, Any] | None = None, *,
          base: str = DEFAULT_BASE_IRI, timeout: float = 60.0) -> Any:
    """Run a SELECT or ASK query (text, file or named query) on a SPARQL endpoint; return a Result.

    Values are bound as in :func:`kgraph.sparql.run` (a ``VALUES`` block of escaped terms).
    """
    from kgraph.sparql import Result, bind, load_query

    body = urlencode({"query": bind(load_query(text), bindings or {}, base)}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    answer = json.loads(_request(endpoint, method="POST", body=body, headers=headers, timeout=timeout))
    if "boolean" in answer:
        return Result(boolean=bool(answer["boolean"]))
    names = tuple(answer["head"]["vars"])
    rows = tuple(tuple(_term(b.get(n)) for n in names) for b in answer["results"]["bindings"])
    return Result(names, rows)


def _term(value: Mapping[str, str] | None) -> Any:
    """A pyoxigraph term from a SPARQL JSON results binding."""
    if value is None:
        return None
    if value["type"] == "uri":
        return ox.NamedNode(value["value"])
    if value["type"] == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    return ox.Literal(value["value"], datatype=ox.NamedNode(value.get("datatype", _XSD_STRING)))
