"""``KnowledgeGraph.sparql``: SPARQL over the graph's RDF with values bound by the store.

The graph is exported to N-Quads (:mod:`kgraph.export.rdf`) and loaded into an in-memory
pyoxigraph store, cached on the graph until it changes: the default graph holds every triple
once (as ``graph.ttl``), and each article's named graph its own triples (as ``graph.trig``). Bindings are passed as
``substitutions`` (SPARQL SEP-0007), so a value can never change the query's structure.

>>> to_term("actor:north-korea", "urn:x:")
<NamedNode value=urn:x:actor/north-korea>
>>> to_term("North Korea", "urn:x:")
<Literal value=North Korea datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kgraph.graph import KnowledgeGraph

__all__ = ["from_term", "query_graph", "to_term"]

_NODE_ID = re.compile(r"(actor|event|doc|graph|place|instant):[^\s]+")


def to_term(value: Any, base: str) -> Any:
    """Return the RDF term a Python value is bound as: node ids become IRIs, the rest literals."""
    import pyoxigraph as ox

    from kgraph.ids import to_iri

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, str) and _NODE_ID.fullmatch(value):
        return ox.NamedNode(to_iri(value, base))
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, (int, float)):
        kind = "integer" if isinstance(value, int) else "double"
        return ox.Literal(str(value), datatype=ox.NamedNode(f"http://www.w3.org/2001/XMLSchema#{kind}"))
    return ox.Literal(str(value))


def from_term(term: Any) -> Any:
    """Return a Python value of an RDF term: IRIs as strings, literals as str/int/float/bool."""
    import pyoxigraph as ox

    if term is None or not isinstance(term, ox.Literal):
        return None if term is None else term.value
    kind = term.datatype.value.rpartition("#")[2]
    if kind in ("integer", "int", "long", "nonNegativeInteger"):
        return int(term.value)
    if kind in ("decimal", "double", "float"):
        return float(term.value)
    if kind == "boolean":
        return term.value == "true"
    return term.value


def _store(kg: KnowledgeGraph, base: str) -> ox.Store:
    import pyoxigraph as ox

    from kgraph.config import Settings
    from kgraph.export.rdf import iter_nquads
    from kgraph.graph_index import signature

    key = (signature(kg.graph), base)
    cached = getattr(kg, "_sparql_store", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    store, settings = ox.Store(), Settings(base_iri=base)
    for named in (False, True):  # every triple once in the default graph, plus one graph per article
        store.bulk_load(b"".join(iter_nquads(kg, settings=settings, named_graphs=named)), ox.RdfFormat.N_QUADS)
    kg._sparql_store = (key, store)  # type: ignore[attr-defined]
    return store


def _values(subs: Mapping[Any, Any]) -> str:
    """A trailing ``VALUES`` block of terms serialized by pyoxigraph (escaped, never raw text)."""
    names = " ".join(str(v) for v in subs)
    terms = " ".join(str(t) for t in subs.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


def query_graph(kg: KnowledgeGraph, query: str, bindings: Mapping[str, Any], *, base: str | None = None) -> Any:
    """Run ``query``; return a list of row dicts (SELECT), a bool (ASK) or a list of triples.

    Args:
        kg: The graph.
        query: SPARQL 1.1 query text; kgraph's prefixes (``kg:``, ``sem:``, ``actor:``...) are predeclared.
        bindings: ``variable name → value``, bound by the store.
        base: The base IRI of data nodes (default: :data:`kgraph.config.DEFAULT_BASE_IRI`).
    """
    import pyoxigraph as ox

    from kgraph.config import DEFAULT_BASE_IRI
    from kgraph.export.rdf import prefixes

    base = base or DEFAULT_BASE_IRI
    subs = {ox.Variable(name): to_term(value, base) for name, value in bindings.items()}
    store, options = _store(kg, base), {"prefixes": prefixes(base)}
    try:
        result = store.query(query, substitutions=subs or None, **options)
    except RuntimeError as err:  # pyoxigraph substitutes projected variables only
        if "projection" not in str(err):
            raise
        result = store.query(query + _values(subs), **options)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return [{name: from_term(row[name]) for name in names} for row in result]
    return list(result)
