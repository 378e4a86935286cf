"""RDF exporters: Turtle, TriG, N-Quads and JSON-LD, aligned with ``ontology/kgraph.ttl``.

Each article's triples are formatted as N-Triples text straight from the networkx graph (one
f-string per triple, each node's block formatted once and reused: building pyoxigraph
``Quad`` objects one by one is ~4x slower), parsed back by pyoxigraph's Rust parser as a TriG
graph block, and streamed to pyoxigraph's serializers. N-Quads is written as formatted (it
already is N-Quads). Large graphs are formatted in a forked helper process while the main
one parses and serializes. Work is done one article at a time, so memory stays bounded.

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
import itertools
import re
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.ids import slug, stable_hash, to_iri
from kgraph.model import EVENT_TYPES
from kgraph.vocab import CAMEO, KG, STANDARD_PREFIXES

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "DATA_KINDS",
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

#: Kinds of data node kgraph mints IRIs for (``{base}{kind}/{local}``), used as prefixes.
DATA_KINDS: tuple[str, ...] = (
    "actor", "event", "doc", "graph", "run", "agent", "publisher", "place", "instant", "role", "ann",
)  # fmt: skip

_P = {k: v for k, v in STANDARD_PREFIXES.items()}
_XSD, _RDF, _RDFS = _P["xsd"], _P["rdf"], _P["rdfs"]
_SEM, _PROV, _TIME, _SDO, _OA, _SKOS = _P["sem"], _P["prov"], _P["time"], _P["schema"], _P["oa"], _P["skos"]
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\x00": "\\u0000", "\x01": "\\u0001"})
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date", "inXSDDate"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth", "inXSDgYearMonth"),
    (re.compile(r"\d{4}"), "gYear", "inXSDgYear"),
)
_CAMEO_ROOT = re.compile(r"0[1-9]|1[0-9]|20")
_ACTOR_CLASSES = {
    "PERSON": _SDO + "Person",
    "ORGANIZATION": _SDO + "Organization",
    "COUNTRY": _SDO + "Country",
    "GROUP": str(KG.Group),
    "LOCATION": _SDO + "Place",
}


def _u(iri: str) -> str:
    return f"<{iri}>"


# N-Quads spellings of the terms used, computed once.
A = _u(_RDF + "type")
LABEL, VALUE = _u(_RDFS + "label"), _u(_RDF + "value")
SEM_EVENT, SEM_ACTOR, SEM_ROLE = _u(_SEM + "Event"), _u(_SEM + "Actor"), _u(_SEM + "Role")
SEM_PLACE, SEM_TIME = _u(_SEM + "Place"), _u(_SEM + "Time")
HAS_ACTOR, ROLE_TYPE, EVENT_TYPE = _u(_SEM + "hasActor"), _u(_SEM + "roleType"), _u(_SEM + "eventType")
HAS_TIME, HAS_PLACE = _u(_SEM + "hasTime"), _u(_SEM + "hasPlace")
INSTANT = _u(_TIME + "Instant")
ANNOTATION, SPECIFIC, HAS_BODY = _u(_OA + "Annotation"), _u(_OA + "SpecificResource"), _u(_OA + "hasBody")
HAS_TARGET, HAS_SOURCE, HAS_SELECTOR = _u(_OA + "hasTarget"), _u(_OA + "hasSource"), _u(_OA + "hasSelector")
POS_SELECTOR, QUOTE_SELECTOR = _u(_OA + "TextPositionSelector"), _u(_OA + "TextQuoteSelector")
START, END, EXACT, MOTIVATED = _u(_OA + "start"), _u(_OA + "end"), _u(_OA + "exact"), _u(_OA + "motivatedBy")
DESCRIBING, IDENTIFYING = _u(_OA + "describing"), _u(_OA + "identifying")
NEWS, HEADLINE, PUBLISHED = _u(_SDO + "NewsArticle"), _u(_SDO + "headline"), _u(_SDO + "datePublished")
PUBLISHER, SDO_NAME, SDO_URL = _u(_SDO + "publisher"), _u(_SDO + "name"), _u(_SDO + "url")
IDENTIFIER, SDO_ORG, SDO_PLACE = _u(_SDO + "identifier"), _u(_SDO + "Organization"), _u(_SDO + "Place")
SOFTWARE_APP, SOFTWARE_VERSION = _u(_SDO + "SoftwareApplication"), _u(_SDO + "softwareVersion")
ENTITY, ACTIVITY, SOFTWARE_AGENT = _u(_PROV + "Entity"), _u(_PROV + "Activity"), _u(_PROV + "SoftwareAgent")
DERIVED, GENERATED = _u(_PROV + "wasDerivedFrom"), _u(_PROV + "wasGeneratedBy")
ASSOCIATED, USED = _u(_PROV + "wasAssociatedWith"), _u(_PROV + "used")
ALT_LABEL, NOTATION = _u(_SKOS + "altLabel"), _u(_SKOS + "notation")
ROLE_PROPS = {"actor": _u(str(KG.actor)), "recipient": _u(str(KG.recipient)), "source": _u(str(KG.claimedBy))}
ROLE_TYPES = {
    "actor": _u(str(KG.ActorRole)), "recipient": _u(str(KG.RecipientRole)), "source": _u(str(KG.SourceRole)),
}  # fmt: skip


def _kg(term: str) -> str:
    return _u(str(KG[term]))


K_RELATION, K_MOOD, K_CONF, K_CORR = _kg("relation"), _kg("mood"), _kg("confidence"), _kg("corroboration")
K_RULE, K_DATE_TEXT, K_CAMEO, K_COUNTRY = _kg("rule"), _kg("dateText"), _kg("cameoRoot"), _kg("countryCode")
K_SENTENCE, K_ARTICLE_GRAPH = _kg("sentenceIndex"), _kg("ArticleGraph")


def _lit(text: object) -> str:
    """N-Quads spelling of a plain string literal.

    >>> _lit('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    return '"' + str(text).translate(_ESCAPES) + '"'


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{_XSD}{datatype}>'


def _int(value: int, datatype: str = "integer") -> str:
    return f'"{int(value)}"^^<{_XSD}{datatype}>'


def _decimal(value: float) -> str:
    """``xsd:decimal`` literal of a float, without exponent.

    >>> _decimal(0.5), _decimal(1e-7), _decimal(1)
    ('"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"0.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    """
    text = f"{float(value):.6f}".rstrip("0")
    return _typed(text + "0" if text.endswith(".") else text, "decimal")


def date_literal(date: str | None) -> tuple[str, str] | None:
    """Return ``(literal, OWL-Time property)`` of an ISO (partial) date, or ``None``.

    >>> date_literal("2016-03")
    ('"2016-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', 'inXSDgYearMonth')
    >>> date_literal("last week") is None
    True
    """
    for pattern, datatype, prop in _DATE_TYPES:
        if date and pattern.fullmatch(date):
            return _typed(date, datatype), prop
    return None


def prefixes(base: str) -> dict[str, str]:
    """Return the prefixes used in serializations: the standard ones and one per data kind.

    >>> prefixes("urn:x:")["actor"]
    'urn:x:actor/'
    """
    return {**STANDARD_PREFIXES, **{kind: f"{base}{kind}/" for kind in DATA_KINDS}}


_NODE_ID = re.compile(r"[a-z][a-z0-9_-]*:.*", re.DOTALL)


def _check_id(node_id: str) -> None:
    """Node ids must be ``kind:local`` with a plain kind, so their IRIs are valid."""
    if not isinstance(node_id, str) or not _NODE_ID.fullmatch(node_id):
        raise ConfigError(f"Node id {node_id!r} is not of the form 'kind:local' (see kgraph.ids).")


def _check_base(base: str) -> None:
    try:
        ox.NamedNode(base + "x")
    except ValueError as err:
        raise ConfigError(f"base_iri {base!r} is not a valid IRI ({err}); use e.g. 'https://example.org/id/'.")
    if not base.endswith(("/", "#", ":")):
        raise ConfigError(f"base_iri {base!r} must end with '/', '#' or ':' so node IRIs can be appended.")


#: Line end in blocks (a real newline never occurs inside a term: literals escape it).
EOL = " .\n"


class _Builder:
    """Turns one :class:`KnowledgeGraph` into N-Quads text, one article at a time.

    Each node's description is one cached block of lines ending in :data:`EOL`, so a node
    that appears in several articles' graphs is formatted once.
    """

    def __init__(self, kg: KnowledgeGraph, settings: Settings) -> None:
        from kgraph import __version__

        _check_base(settings.base_iri)
        self.kg, self.g, self.base = kg, kg.graph, settings.base_iri
        self._iris: dict[str, str] = {}
        self._blocks: dict[str, str] = {}
        self.events_by_doc: dict[str | None, list[str]] = {}
        self.actors_by_doc: dict[str | None, list[str]] = {}
        self._index()
        self.docs = sorted({d for d in (*self.events_by_doc, *self.actors_by_doc, *kg.documents) if d is not None})
        self.version = str(self.g.graph.get("kgraph_version") or __version__)
        self.run = self.iri("run:" + stable_hash("run", self.version, *self.docs))
        self.agent = self.iri("agent:kgraph-" + self.version)

    def iri(self, node_id: str) -> str:
        """``<IRI>`` of a node id (cached)."""
        found = self._iris.get(node_id)
        if found is None:
            found = self._iris[node_id] = f"<{to_iri(node_id, self.base)}>"
        return found

    def _index(self) -> None:
        """Group events, actors, evidence and mentions by article (one pass over the graph)."""
        event_docs: dict[str, set[str]] = {}
        self.evidence_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.mentions_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        kinds: dict[str, list[str]] = {"event": [], "actor": []}
        for node, data in self.g.nodes(data=True):
            kinds.get(data.get("kind"), []).append(node)  # type: ignore[arg-type]
        for eid in sorted(kinds["event"]):
            _check_id(eid)
            data = self.g.nodes[eid]
            docs = set(data.get("sources") or ())
            for ev in data.get("evidence") or ():
                docs.add(ev["doc"])
                self.evidence_of.setdefault((eid, ev["doc"]), []).append(ev)
            event_docs[eid] = docs
            for doc in sorted(docs) or [None]:
                self.events_by_doc.setdefault(doc, []).append(eid)
        succ, pred = self.g.succ, self.g.pred
        for aid in sorted(kinds["actor"]):
            _check_id(aid)
            docs = set()
            for m in self.g.nodes[aid].get("mentions") or ():
                docs.add(m["doc"])
                self.mentions_of.setdefault((aid, m["doc"]), []).append(m)
            for node in itertools.chain(succ[aid], pred[aid]):
                docs |= event_docs.get(node, set())
            for doc in sorted(docs) or [None]:
                self.actors_by_doc.setdefault(doc, []).append(aid)
        for items in (*self.evidence_of.values(), *self.mentions_of.values()):
            if len(items) > 1:
                items.sort(key=_position)

    def _cached(self, node: str, make: Callable[[str, dict[str, Any]], str]) -> str:
        """The block of ``node``, made by ``make(node, data)`` the first time it is needed."""
        block = self._blocks.get(node)
        if block is None:
            block = self._blocks[node] = make(node, self.g.nodes[node])
        return block

    # -- chunks ---------------------------------------------------------------------------

    def chunk(self, doc: str | None, seen: set[str]) -> list[str]:
        """Return the blocks of article ``doc`` (``None``: nodes of no article), skipping ``seen`` nodes."""
        out: list[str] = [self.document(doc, seen)] if doc is not None else []
        for eid in self.events_by_doc.get(doc, ()):
            if eid not in seen:
                seen.add(eid)
                out.append(self._cached(eid, self.event))
                out += [self.shared(key, seen) for key in self._shared_of(eid)]
            out += [self.evidence(eid, ev, doc) for ev in self.evidence_of.get((eid, doc), ())]  # type: ignore[arg-type]
        for aid in self.actors_by_doc.get(doc, ()):
            if aid not in seen:
                seen.add(aid)
                out.append(self._cached(aid, self.actor))
            out += [self.mention(aid, m, doc) for m in self.mentions_of.get((aid, doc), ())]  # type: ignore[arg-type]
        return out

    def graph_iri(self, doc: str) -> str:
        return self.iri("graph:" + doc)

    def shared(self, key: str, seen: set[str]) -> str:
        """The block of a node shared by many events (a time instant, a place), once per chunk."""
        if key in seen:
            return ""
        seen.add(key)
        return self._blocks[key]

    def _shared_of(self, eid: str) -> list[str]:
        return [key for key in self._blocks.get("~" + eid, "").split("\x01") if key]

    # -- documents and provenance ---------------------------------------------------------

    def document(self, doc: str, seen: set[str]) -> str:
        meta = self.kg.documents.get(doc) or {}
        d, g, run = self.iri("doc:" + doc), self.graph_iri(doc), self.run
        text = f"{d} {A} {NEWS}{EOL}{d} {A} {ENTITY}{EOL}{d} {IDENTIFIER} {_lit(doc)}{EOL}"
        if meta.get("title"):
            text += f"{d} {HEADLINE} {_lit(meta['title'])}{EOL}"
        published = date_literal(meta.get("date"))
        if published:
            text += f"{d} {PUBLISHED} {published[0]}{EOL}"
        if meta.get("url"):
            text += f"{d} {SDO_URL} {_typed(str(meta['url']).translate(_ESCAPES), 'anyURI')}{EOL}"
        if meta.get("source"):
            pub = self.iri("publisher:" + slug(str(meta["source"])))
            text += f"{d} {PUBLISHER} {pub}{EOL}"
            if pub not in seen:
                seen.add(pub)
                text += f"{pub} {A} {SDO_ORG}{EOL}{pub} {SDO_NAME} {_lit(meta['source'])}{EOL}"
        text += f"{g} {A} {K_ARTICLE_GRAPH}{EOL}{g} {A} {ENTITY}{EOL}{g} {DERIVED} {d}{EOL}{g} {GENERATED} {run}{EOL}"
        text += f"{run} {USED} {d}{EOL}"
        return text + self.shared("run:", seen) if "run:" in self._blocks else text + self._provenance(seen)

    def _provenance(self, seen: set[str]) -> str:
        run, agent = self.run, self.agent
        self._blocks["run:"] = (
            f"{run} {A} {ACTIVITY}{EOL}{run} {LABEL} {_lit('kgraph build')}{EOL}{run} {ASSOCIATED} {agent}{EOL}"
            f"{agent} {A} {SOFTWARE_AGENT}{EOL}{agent} {A} {SOFTWARE_APP}{EOL}{agent} {SDO_NAME} {_lit('kgraph')}{EOL}"
            f"{agent} {SOFTWARE_VERSION} {_lit(self.version)}{EOL}"
        )
        return self.shared("run:", seen)

    # -- events ---------------------------------------------------------------------------

    def event(self, eid: str, data: dict[str, Any]) -> str:
        e = self.iri(eid)
        sources = data.get("sources") or ()
        text = (
            f"{e} {A} {SEM_EVENT}{EOL}{e} {K_MOOD} {_lit(data.get('mood') or 'asserted')}{EOL}"
            f"{e} {K_CONF} {_decimal(data.get('confidence', 0.5))}{EOL}"
            f"{e} {K_CORR} {_int(data.get('corroboration', len(sources)))}{EOL}"
        )
        if data.get("relation"):
            text += f"{e} {K_RELATION} {_lit(data['relation'])}{EOL}"
        if data.get("type") in EVENT_TYPES:
            text += f"{e} {EVENT_TYPE} {_kg(data['type'])}{EOL}"
        if data.get("cameo_root") and _CAMEO_ROOT.fullmatch(str(data["cameo_root"])):
            text += f"{e} {K_CAMEO} <{CAMEO[str(data['cameo_root'])]}>{EOL}"
        if data.get("rule"):
            text += f"{e} {K_RULE} {_lit(data['rule'])}{EOL}"
        if data.get("date_text"):
            text += f"{e} {K_DATE_TEXT} {_lit(data['date_text'])}{EOL}"
        return text + self.when_where(eid, e, data) + self.roles(eid, e)

    def when_where(self, eid: str, e: str, data: dict[str, Any]) -> str:
        """Link the event to its time instant and place; their own blocks are shared."""
        text, keys = "", []
        when = date_literal(data.get("date"))
        if when:
            t = self.iri("instant:" + data["date"])
            text += f"{e} {HAS_TIME} {t}{EOL}"
            keys.append(t)
            self._blocks.setdefault(t, f"{t} {A} {SEM_TIME}{EOL}{t} {A} {INSTANT}{EOL}{t} <{_TIME}{when[1]}> {when[0]}{EOL}")
        if data.get("place"):
            p = self.iri("place:" + slug(str(data["place"])))
            text += f"{e} {HAS_PLACE} {p}{EOL}"
            keys.append(p)
            self._blocks.setdefault(p, f"{p} {A} {SEM_PLACE}{EOL}{p} {A} {SDO_PLACE}{EOL}{p} {LABEL} {_lit(data['place'])}{EOL}")
        self._blocks["~" + eid] = "\x01".join(keys)
        return text

    def roles(self, eid: str, e: str) -> str:
        """The shortcut properties and the SEM role pattern (``sem:Role`` + ``sem:roleType``)."""
        edges = [(u, k) for u, keys in self.g.pred[eid].items() for k in keys]
        edges += [(v, k) for v, keys in self.g.succ[eid].items() for k in keys]
        local, shortcuts, roles = eid.partition(":")[2], "", ""
        for other, key in sorted(edges):
            if key in ROLE_PROPS:
                a, r = self.iri(other), self.iri(f"role:{local}-{key}-{other.partition(':')[2]}")
                shortcuts += f"{e} {ROLE_PROPS[key]} {a}{EOL}{e} {HAS_ACTOR} {r}{EOL}"
                roles += f"{r} {A} {SEM_ROLE}{EOL}{r} {VALUE} {a}{EOL}{r} {ROLE_TYPE} {ROLE_TYPES[key]}{EOL}"
        return shortcuts + roles

    def evidence(self, eid: str, ev: dict[str, Any], doc: str) -> str:
        """A ``oa:Annotation`` describing the event, targeting the sentence and the trigger."""
        trig = ev.get("trigger") or {}
        ann = self.ann(eid, doc, ev.get("sentence_index"), trig.get("start"), trig.get("end"))
        s = ann[:-1] + "-s>"
        text = (
            f"{ann} {A} {ANNOTATION}{EOL}{ann} {MOTIVATED} {DESCRIBING}{EOL}{ann} {HAS_BODY} {self.iri(eid)}{EOL}"
            f"{ann} {HAS_TARGET} {s}{EOL}"
        )
        if trig:
            text += f"{ann} {HAS_TARGET} {ann[:-1]}-t>{EOL}"
        text += self.target(s, doc, ev.get("start"), ev.get("end"), ev.get("sentence"))
        text += f"{s} {K_SENTENCE} {_int(ev.get('sentence_index', -1))}{EOL}"
        if trig:
            text += self.target(ann[:-1] + "-t>", doc, trig.get("start"), trig.get("end"), trig.get("text"))
        return text

    def ann(self, *parts: Any) -> str:
        return f"<{self.base}ann/{stable_hash(*parts)}>"

    def target(self, t: str, doc: str, start: Any, end: Any, text: Any) -> str:
        """A ``oa:SpecificResource`` ``t`` of ``doc`` with position and quote selectors."""
        out = f"{t} {A} {SPECIFIC}{EOL}{t} {HAS_SOURCE} {self.iri('doc:' + doc)}{EOL}"
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
            p = t[:-1] + "p>"
            out += (
                f"{t} {HAS_SELECTOR} {p}{EOL}{p} {A} {POS_SELECTOR}{EOL}"
                f"{p} {START} {_int(start, 'nonNegativeInteger')}{EOL}{p} {END} {_int(end, 'nonNegativeInteger')}{EOL}"
            )
        if text:
            q = t[:-1] + "q>"
            out += f"{t} {HAS_SELECTOR} {q}{EOL}{q} {A} {QUOTE_SELECTOR}{EOL}{q} {EXACT} {_lit(text)}{EOL}"
        return out

    # -- actors ---------------------------------------------------------------------------

    def actor(self, aid: str, data: dict[str, Any]) -> str:
        a = self.iri(aid)
        cls = _ACTOR_CLASSES.get(str(data.get("type")))
        text = f"{a} {A} {SEM_ACTOR}{EOL}" + (f"{a} {A} <{cls}>{EOL}" if cls else "")
        text += f"{a} {LABEL} {_lit(data.get('label') or aid.partition(':')[2])}{EOL}"
        if data.get("country"):
            text += f"{a} {K_COUNTRY} {_lit(data['country'])}{EOL}"
        text += "".join(f"{a} {ALT_LABEL} {_lit(x)}{EOL}" for x in sorted(set(data.get("aliases") or ())))
        return text + "".join(f"{a} {NOTATION} {_lit(x)}{EOL}" for x in sorted(set(data.get("codes") or ())))

    def mention(self, aid: str, m: dict[str, Any], doc: str) -> str:
        """A ``oa:Annotation`` identifying the actor, targeting the mention's text."""
        ann = self.ann(aid, doc, m.get("start"), m.get("end"))
        t = ann[:-1] + "-m>"
        text = (
            f"{ann} {A} {ANNOTATION}{EOL}{ann} {MOTIVATED} {IDENTIFYING}{EOL}{ann} {HAS_BODY} {self.iri(aid)}{EOL}"
            f"{ann} {HAS_TARGET} {t}{EOL}"
        )
        return text + self.target(t, doc, m.get("start"), m.get("end"), m.get("text"))


def _position(item: dict[str, Any]) -> tuple[Any, ...]:
    trig = item.get("trigger") or {}
    return (item.get("sentence_index", 0), item.get("start") or 0, item.get("end") or 0,
            trig.get("start") or 0, trig.get("end") or 0, str(item))


# -- streaming -------------------------------------------------------------------------------


def _chunks(kg: KnowledgeGraph, settings: Settings, named_graphs: bool) -> Iterator[tuple[str | None, str]]:
    """Yield ``(graph IRI or None, N-Triples text)`` per article (and one for nodes of no article)."""
    builder = _Builder(kg, settings)
    seen: set[str] = set()
    for doc in [*builder.docs, None]:
        if named_graphs:
            seen = set()
        text = "".join(builder.chunk(doc, seen))
        if text:
            yield (builder.graph_iri(doc) if (named_graphs and doc is not None) else None), text


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
    for graph, text in _chunks(kg, settings, named_graphs):
        if graph is not None:
            text = text.replace(EOL, f" {graph}{EOL}")
        yield text.encode("utf-8", "replace")


#: Graphs with more nodes than this are generated in a forked helper process (Linux), so
#: formatting (Python) and parsing/serializing (pyoxigraph) run on two cores at once.
PARALLEL_MIN_NODES = 20_000


def _trig_chunks(kg: KnowledgeGraph, settings: Settings, named_graphs: bool) -> Iterator[bytes]:
    """Each article's triples as a TriG graph block (the graph IRI is written once, not per line)."""
    for graph, text in _chunks(kg, settings, named_graphs):
        data = f"{graph} {{\n{text}}}\n" if graph is not None else text
        yield data.encode("utf-8", "replace")


def _forked_chunks(kg: KnowledgeGraph, settings: Settings, named_graphs: bool) -> Iterator[bytes]:
    """:func:`_trig_chunks`, produced by a forked child process and received through a pipe."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send_chunks, args=(sender, kg, settings, named_graphs), daemon=True)
    child.start()
    sender.close()
    try:
        while (chunk := receiver.recv_bytes()) != b"":
            if chunk.startswith(b"\x00error:"):
                raise ConfigError(chunk[7:].decode("utf-8", "replace"))
            yield chunk
    finally:
        receiver.close()
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()


def _send_chunks(sender: Any, kg: KnowledgeGraph, settings: Settings, named_graphs: bool) -> None:
    try:
        for chunk in _trig_chunks(kg, settings, named_graphs):
            sender.send_bytes(chunk)
        sender.send_bytes(b"")
    except Exception as err:  # noqa: BLE001 - reported to the parent, which raises
        sender.send_bytes(b"\x00error:" + f"{type(err).__name__}: {err}".encode())
    finally:
        sender.close()


def _parallel(kg: KnowledgeGraph) -> bool:
    import multiprocessing
    import os

    big = kg.graph.number_of_nodes() >= PARALLEL_MIN_NODES
    daemon = multiprocessing.current_process().daemon  # daemonic processes may not have children
    return big and not daemon and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _quads(kg: KnowledgeGraph, settings: Settings, named_graphs: bool) -> Iterator[Any]:
    """Parse each chunk back with pyoxigraph (validating it) into quads for its serializers."""
    chunks = _forked_chunks if _parallel(kg) else _trig_chunks
    for data in chunks(kg, settings, named_graphs):
        yield from ox.parse(data, ox.RdfFormat.TRIG, lenient=True)


def _write(
    kg: KnowledgeGraph, stream: IO[bytes], settings: Settings, fmt: ox.RdfFormat, named_graphs: bool
) -> None:
    _check_base(settings.base_iri)
    quads = _quads(kg, settings, named_graphs)
    use_prefixes = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
    ox.serialize(quads, stream, fmt, prefixes=prefixes(settings.base_iri) if use_prefixes else None)


def write_turtle(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as Turtle: one graph, every triple once.

    >>> from kgraph.graph import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("actor:un", kind="actor", label="UN")
    >>> buf = io.BytesIO(); write_turtle(kg, buf, settings=Settings())
    >>> [line.strip() for line in buf.getvalue().splitlines()[-2:]]
    [b'actor:un a sem:Actor ;', b'rdfs:label "UN" .']
    """
    _write(kg, stream, settings, ox.RdfFormat.TURTLE, named_graphs=False)


def write_trig(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as TriG, one named graph per article with its PROV description."""
    _write(kg, stream, settings, ox.RdfFormat.TRIG, named_graphs=True)


def write_nquads(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as N-Quads, one named graph per article (same quads as TriG).

    The text kgraph generates already is N-Quads (IRIs percent-encoded by
    :func:`kgraph.ids.to_iri`, literals escaped), so it is written as is, without a round trip
    through a parser; the tests parse every export with pyoxigraph.
    """
    _check_base(settings.base_iri)
    for chunk in iter_nquads(kg, settings=settings):
        stream.write(chunk)


def write_jsonld(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    """Write ``kg`` as JSON-LD (expanded form), one named graph per article (same quads as TriG)."""
    _write(kg, stream, settings, ox.RdfFormat.JSON_LD, named_graphs=True)


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
