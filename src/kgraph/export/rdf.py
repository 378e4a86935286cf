"""RDF exporters: Turtle, TriG, N-Quads and JSON-LD, aligned with ``ontology/kgraph.ttl``.

Turtle, TriG and N-Quads text is written straight from the networkx graph
(:mod:`kgraph.export.rdf_text`, spelled by :mod:`kgraph.export.rdf_terms`), one article at a time, so
memory stays bounded. JSON-LD is the same N-Quads text parsed by pyoxigraph and serialized by it.

* Turtle: one graph, every triple once.
* TriG, N-Quads: one named graph per article (``{base}graph/<doc>``) holding the article's
  events, evidence and actors and its PROV description (``schema:NewsArticle``/``prov:Entity``,
  the run as ``prov:Activity`` associated with the kgraph version). Events and actors read
  from several articles appear in each of their articles' graphs; the union of the named
  graphs is exactly the Turtle graph.
* JSON-LD: the same dataset as TriG (expanded form).

Output is byte-identical for identical input, whatever order the graph was built in:
articles and nodes are visited in id order, each node's triples come in a fixed order,
and lists (aliases, codes, mentions, evidence, roles) are sorted.

>>> from kgraph.graph import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("actor:un", kind="actor", label="UN", type="ORGANIZATION")
>>> print(turtle_bytes(kg).decode().splitlines()[-2])
actor:un a sem:Actor , schema:Organization ;
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kgraph.config import Settings
from kgraph.export.rdf_terms import DATA_KINDS, NTRIPLES, prefixes
from kgraph.export.rdf_text import check_base, chunks, complete, write_text

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "DATA_KINDS",
    "date_literal",
    "iter_nquads",
    "prefixes",
    "shacl_report",
    "turtle_bytes",
    "union_graph",
    "validate",
    "write_jsonld",
    "write_nquads",
    "write_trig",
    "write_turtle",
]


def date_literal(date: str | None) -> tuple[str, str] | None:
    """Return ``(N-Triples literal, OWL-Time property name)`` of an ISO (partial) date, or ``None``.

    >>> date_literal("2016-03")
    ('"2016-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', 'inXSDgYearMonth')
    >>> date_literal("last week") is None
    True
    """
    found = NTRIPLES.date(date)
    return None if found is None else (found[0], found[1][:-1].rpartition("#")[2])


def iter_nquads(kg: KnowledgeGraph, *, settings: Settings, named_graphs: bool = True) -> Iterator[bytes]:
    """Yield the graph as N-Quads (or N-Triples) text, one article's chunk at a time.

    With ``named_graphs`` each article's triples are in its own graph and shared nodes are
    repeated per graph; without, every triple is written once, in the default graph.

    >>> from kgraph.graph import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("actor:un", kind="actor", label="UN")
    >>> next(iter_nquads(kg, settings=Settings())).decode().splitlines()[1]
    '<https://w3id.org/kgraph/id/actor/un> <http://www.w3.org/2000/01/rdf-schema#label> "UN" .'
    """
    for graph, text in chunks(kg, settings, NTRIPLES, named_graphs):
        yield complete(text, graph).encode("utf-8", "replace")


def prepare() -> None:
    """Import what the writers load lazily (the IRI check's pyoxigraph, the chunk reuse): see
    :func:`kgraph.export.prepare`."""
    import pyoxigraph  # noqa: F401

    import kgraph.export.rdf_reuse  # noqa: F401


def write_turtle(
    kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings, previous: Path | None = None
) -> bytes | None:
    """Write ``kg`` as Turtle: one graph, every triple once.

    >>> from kgraph.graph import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("actor:un", kind="actor", label="UN")
    >>> buf = io.BytesIO(); _ = write_turtle(kg, buf, settings=Settings())
    >>> [line.strip() for line in buf.getvalue().splitlines()[-2:]]
    [b'actor:un a sem:Actor ;', b'rdfs:label "UN" .']
    """
    return write_text(kg, stream, settings, turtle=True, named_graphs=False, previous=previous)


def write_trig(
    kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings, previous: Path | None = None
) -> bytes | None:
    """Write ``kg`` as TriG, one named graph per article with its PROV description.

    >>> from kgraph.graph import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("event:e1", kind="event", sources=["d1"])
    >>> buf = io.BytesIO(); _ = write_trig(kg, buf, settings=Settings())
    >>> [line for line in buf.getvalue().decode().splitlines() if line.endswith("{")]
    ['graph:d1 {']
    """
    return write_text(kg, stream, settings, turtle=True, named_graphs=True, previous=previous)


def write_nquads(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as N-Quads, one named graph per article (same quads as TriG).

    The text kgraph generates already is N-Quads (IRIs percent-encoded by
    :func:`kgraph.ids.to_iri`, literals escaped), so it is written as is, without a round trip
    through a parser; the tests parse every export with pyoxigraph and rdflib.
    """
    write_text(kg, stream, settings, turtle=False, named_graphs=True)


def write_jsonld(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as JSON-LD (expanded form), one named graph per article (same quads as TriG).

    pyoxigraph parses kgraph's N-Quads one article at a time and serializes the quads as JSON-LD.

    >>> from kgraph.graph import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("actor:un", kind="actor", label="UN")
    >>> buf = io.BytesIO(); write_jsonld(kg, buf, settings=Settings())
    >>> b'"@value":"UN"' in buf.getvalue().replace(b" ", b"")
    True
    """
    import pyoxigraph as ox

    check_base(settings.base_iri)
    chunks = iter_nquads(kg, settings=settings)  # well-formed: parsed leniently (no IRI checks), as before
    quads = (q for chunk in chunks for q in ox.parse(chunk, ox.RdfFormat.N_QUADS, lenient=True))
    ox.serialize(quads, stream, ox.RdfFormat.JSON_LD)


def turtle_bytes(kg: KnowledgeGraph, settings: Settings | None = None) -> bytes:
    """Return ``kg`` as Turtle bytes (a convenience for tests and notebooks)."""
    buffer = io.BytesIO()
    write_turtle(kg, buffer, settings=settings or Settings())
    return buffer.getvalue()


# -- validation ------------------------------------------------------------------------------

_RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def union_graph(data: bytes, format: str) -> Any:
    """Parse an export (``turtle``, ``trig``, ``nquads`` or ``jsonld``) into one rdflib Graph.

    Named graphs are merged (their union), so exports of the same build compare equal.

    >>> len(union_graph(b'<urn:a> <urn:b> <urn:c> <urn:g> .', "nquads"))
    1
    """
    import rdflib

    if format == "turtle":
        return rdflib.Graph().parse(data=data, format="turtle")
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=_RDFLIB_FORMATS[format])
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def shacl_report(graph: Any) -> tuple[bool, str]:
    """Validate an rdflib Graph against ``shapes.ttl`` (no inference); return (conforms, text).

    >>> shacl_report(union_graph(b"", "turtle"))[0]
    True
    """
    import pyshacl
    import rdflib

    from kgraph.vocab import ontology_text

    shapes = rdflib.Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return bool(conforms), str(text)


def validate(kg: KnowledgeGraph, *, settings: Settings | None = None, format: str = "turtle") -> None:
    """Export ``kg`` as ``format`` and check it against the SHACL shapes.

    Raises:
        OntologyError: The export does not conform; the message holds pyshacl's report.
    """
    from kgraph.errors import OntologyError

    buffer = io.BytesIO()
    get_writer = {"turtle": write_turtle, "trig": write_trig, "nquads": write_nquads, "jsonld": write_jsonld}
    get_writer[format](kg, buffer, settings=settings or Settings())
    conforms, text = shacl_report(union_graph(buffer.getvalue(), format))
    if not conforms:
        raise OntologyError(f"The {format} export does not conform to kgraph's SHACL shapes:\n{text}")
