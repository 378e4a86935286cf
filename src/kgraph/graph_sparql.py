"""``KnowledgeGraph.sparql``: SPARQL over the graph's RDF, through :mod:`kgraph.sparql`.

The graph is exported as N-Quads (:mod:`kgraph.export.rdf`, the quads of ``graph.trig``: one
named graph per article) into an in-memory pyoxigraph store, cached on the graph until it
changes. Queries run with :func:`kgraph.sparql.run`, exactly as ``kgraph sparql`` runs them on
a build folder: values are bound with a ``VALUES`` block of pyoxigraph terms (never formatted
into the text), named queries (``actor-timeline``...) work, and the default graph is the union
of the article graphs (a triple in several articles matches once per article: use ``DISTINCT``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kgraph.graph import KnowledgeGraph
    from kgraph.sparql import Result

__all__ = ["query_graph", "store_of"]


def store_of(kg: KnowledgeGraph, base: str) -> ox.Store:
    """Return an in-memory store of ``kg``'s quads (built once per graph state and base IRI)."""
    import pyoxigraph as ox

    from kgraph.config import Settings
    from kgraph.export.rdf import iter_nquads
    from kgraph.graph_index import signature

    key = (signature(kg.graph), base)
    cached = kg._sparql_store
    if cached is not None and cached[0] == key:
        return cached[1]
    store = ox.Store()
    store.bulk_load(b"".join(iter_nquads(kg, settings=Settings(base_iri=base))), ox.RdfFormat.N_QUADS)
    kg._sparql_store = (key, store)
    return store


def query_graph(kg: KnowledgeGraph, query: str, bindings: Mapping[str, Any], *, base: str | None = None) -> Result:
    """Run ``query`` (text, ``.rq`` file or named query) on ``kg`` with ``bindings`` bound.

    Args:
        kg: The graph.
        query: SPARQL 1.1 query; kgraph's prefixes (``kg:``, ``sem:``, ``actor:``...) are predeclared.
        bindings: Variable name → value. Node ids (``"actor:kim-jong-un"``) are bound as IRIs,
            numbers as numbers, other strings as plain literals.
        base: The base IRI of data nodes (default: :data:`kgraph.config.DEFAULT_BASE_IRI`).

    Returns:
        A :class:`kgraph.sparql.Result`: ``.rows``, ``.records()``, ``.boolean``, ``.to_table()``.
    """
    from kgraph.config import DEFAULT_BASE_IRI
    from kgraph.sparql import run

    base = base or DEFAULT_BASE_IRI
    return run(store_of(kg, base), query, dict(bindings), base=base)
