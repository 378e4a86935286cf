"""RDF text writers: a :class:`KnowledgeGraph` straight to Turtle, TriG and N-Quads text.

Each node's statements are formatted with f-strings in one :class:`~kgraph.export.rdf_terms.Syntax`:
Turtle/TriG (prefixed names, ``a``, subject blocks joined by ``;`` and ``,``) or N-Triples (full
IRIs, one statement a line; N-Quads adds the graph IRI to each line). No RDF library is involved:
building term objects one by one is several times slower than formatting the text. Work is done
one article at a time and a node's block is formatted once, then reused in every article's graph.

Output is byte-identical for identical input, whatever order the graph was built in: articles
and nodes are visited in id order, each node's statements come in a fixed order, and lists
(aliases, codes, mentions, evidence, roles) are sorted.

>>> from kgraph.config import Settings
>>> from kgraph.graph import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("actor:un", kind="actor", label="UN", type="ORGANIZATION")
>>> print("".join(text for _, text in chunks(kg, Settings(), TURTLE, named_graphs=False)), end="")
actor:un a sem:Actor , schema:Organization ;
    rdfs:label "UN" .
"""

from __future__ import annotations

import hashlib
import itertools
import marshal
import operator
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.export.rdf_blocks import ACTOR_FIELDS, EVENT_FIELDS, BlockFormatter
from kgraph.export.rdf_terms import NTRIPLES, TURTLE, Syntax, lit, prefixes, typed
from kgraph.ids import slug, stable_hash

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = ["NTRIPLES", "TURTLE", "TextBuilder", "check_base", "chunks", "complete", "write_text"]

_DOC = operator.itemgetter("doc")
_FIRST = operator.itemgetter(0)
_NODE_ID = re.compile(r"[a-z][a-z0-9_-]*:.*", re.DOTALL)


def _check_id(node_id: str) -> None:
    """Node ids must be ``kind:local`` with a plain kind, so their IRIs are valid."""
    if not isinstance(node_id, str) or not _NODE_ID.fullmatch(node_id):
        raise ConfigError(f"Node id {node_id!r} is not of the form 'kind:local' (see kgraph.ids).")


def check_base(base: str) -> None:
    """Raise :class:`ConfigError` unless ``base`` is an IRI that node IRIs can be appended to.

    >>> check_base("urn:x:")
    >>> check_base("urn:x")
    Traceback (most recent call last):
    kgraph.errors.ConfigError: base_iri 'urn:x' must end with '/', '#' or ':' so node IRIs can be appended.
    """
    import pyoxigraph as ox

    try:
        ox.NamedNode(base + "x")
    except ValueError as err:
        raise ConfigError(
            f"base_iri {base!r} is not a valid IRI ({err}); use e.g. 'https://example.org/id/'."
        )
    if not base.endswith(("/", "#", ":")):
        raise ConfigError(f"base_iri {base!r} must end with '/', '#' or ':' so node IRIs can be appended.")


def _position(item: dict[str, Any]) -> tuple[Any, ...]:
    trig = item.get("trigger") or {}
    return (item.get("sentence_index", 0), item.get("start") or 0, item.get("end") or 0,
            trig.get("start") or 0, trig.get("end") or 0)  # fmt: skip


def _in_text_order(items: list[dict[str, Any]]) -> None:
    """Sort evidence or mentions by position; items at one position by their text (rarely needed).

    >>> items = [{"start": 5, "text": "b"}, {"start": 5, "text": "a"}, {"start": 1}]
    >>> _in_text_order(items); [i.get("text") for i in items]
    [None, 'a', 'b']
    """
    keys = [_position(item) for item in items]
    if len(set(keys)) < len(keys):  # ties: their full text decides, so the order never depends on the input's
        keys = [(*key, str(item)) for key, item in zip(keys, items)]
    items[:] = [item for _, item in sorted(zip(keys, items), key=_FIRST)]


class TextBuilder(BlockFormatter):
    """Turns one :class:`KnowledgeGraph` into statements of one syntax, one article at a time.

    Each node's description is one cached block of complete statements (each ending in
    ``syntax.eol``), so a node that appears in several articles' graphs is
    formatted once.
    """

    def __init__(self, kg: KnowledgeGraph, settings: Settings, syntax: Syntax) -> None:
        from kgraph import __version__

        check_base(settings.base_iri)
        super().__init__(kg.graph, settings.base_iri, syntax)
        self.kg = kg
        self._digests: dict[str, bytes] = {}
        self.events_by_doc: dict[str | None, list[str]] = {}
        self.actors_by_doc: dict[str | None, list[str]] = {}
        self._index()
        self.docs = sorted(
            {d for d in (*self.events_by_doc, *self.actors_by_doc, *kg.documents) if d is not None}
        )
        self.version = str(self.g.graph.get("kgraph_version") or __version__)
        self.run = self.iri("run:" + stable_hash("run", self.version, *self.docs))
        self.agent = self.iri("agent:kgraph-" + self.version)

    def _index(self) -> None:
        """Group events, actors, evidence and mentions by article (one pass over the graph)."""
        self.evidence_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.mentions_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        kinds: dict[str, list[str]] = {"event": [], "actor": []}
        for node, data in self.g.nodes(data=True):
            kinds.get(data.get("kind"), []).append(node)  # type: ignore[arg-type]
        event_docs = self._index_events(sorted(kinds["event"]))
        succ, pred = self.g.succ, self.g.pred
        nodes, mentions_of, by_doc = self.g.nodes, self.mentions_of, self.actors_by_doc
        for aid in sorted(kinds["actor"]):
            _check_id(aid)
            docs = set()
            for doc, group in itertools.groupby(nodes[aid].get("mentions") or (), key=_DOC):
                docs.add(doc)
                found = mentions_of.get((aid, doc))
                if found is None:
                    mentions_of[aid, doc] = list(group)
                else:
                    found.extend(group)
            for node in itertools.chain(succ[aid], pred[aid]):
                docs.update(event_docs.get(node, ()))
            for doc in sorted(docs) if docs else [None]:
                by_doc.setdefault(doc, []).append(aid)
        for items in (*self.evidence_of.values(), *self.mentions_of.values()):
            if len(items) > 1:
                _in_text_order(items)

    def _index_events(self, events: list[str]) -> dict[str, set[str]]:
        """Group events and their evidence by article; return each event's articles."""
        event_docs: dict[str, set[str]] = {}
        for eid in events:
            _check_id(eid)
            data = self.g.nodes[eid]
            docs = set(data.get("sources") or ())
            for ev in data.get("evidence") or ():
                docs.add(ev["doc"])
                self.evidence_of.setdefault((eid, ev["doc"]), []).append(ev)
            event_docs[eid] = docs
            for doc in sorted(docs) or [None]:
                self.events_by_doc.setdefault(doc, []).append(eid)
        return event_docs

    def _cached(self, node: str, make: Callable[[str, dict[str, Any]], str], fields: tuple[str, ...]) -> str:
        """The block of ``node``, made by ``make(node, its fields)`` the first time it is needed."""
        block = self.blocks.get(node)
        if block is None:
            data = self.g.nodes[node]
            block = self.blocks[node] = make(node, {f: data[f] for f in fields if f in data})
        return block

    def shared(self, key: str, seen: set[str]) -> str:
        """The block stored under ``key`` (a node shared by many), once per chunk."""
        if key in seen:
            return ""
        seen.add(key)
        return self.blocks[key]

    def articles(self, named_graphs: bool) -> Iterator[tuple[str | None, str, list[tuple[str, str]]]]:
        """``(article, head, items)`` of each chunk with something in it, in article order (``None``:
        nodes of no article); the head describes the article, the items (see :meth:`plan`) follow.

        With ``named_graphs`` each chunk is complete (shared nodes repeated); without, every node is
        in the first chunk that has it.
        """
        seen: set[str] = set()
        for doc in [*self.docs, None]:
            if named_graphs:
                seen = set()
            head = self.document(doc, seen) if doc is not None else ""
            items = self.plan(doc, seen)
            if head or items:
                yield doc, head, items

    def plan(self, doc: str | None, seen: set[str]) -> list[tuple[str, str]]:
        """What the chunk of ``doc`` holds after its head, as ``(kind, node)``; marks its nodes ``seen``.

        Kinds: ``event`` and ``actor`` blocks, ``shared`` blocks (instants, places), and the
        ``evidence`` and ``mention`` annotations of a node in ``doc``.
        """
        items: list[tuple[str, str]] = []
        for eid in self.events_by_doc.get(doc, ()):
            if eid not in seen:
                seen.add(eid)
                items.append(("event", eid))
                for key in self.shared_keys(eid):
                    if key not in seen:
                        seen.add(key)
                        items.append(("shared", key))
            if (eid, doc) in self.evidence_of:
                items.append(("evidence", eid))
        for aid in self.actors_by_doc.get(doc, ()):
            if aid not in seen:
                seen.add(aid)
                items.append(("actor", aid))
            if (aid, doc) in self.mentions_of:
                items.append(("mention", aid))
        return items

    def render(self, doc: str | None, items: list[tuple[str, str]]) -> str:
        """The text of a chunk's ``items`` (see :meth:`plan`)."""
        d, out = self.iri("doc:" + doc) if doc is not None else "", []
        for kind, node in items:
            if kind == "event":
                out.append(self._cached(node, self.event, EVENT_FIELDS))
            elif kind == "actor":
                out.append(self._cached(node, self.actor, ACTOR_FIELDS))
            elif kind == "shared":
                out.append(self.blocks[node])
            elif kind == "evidence":
                out += [self.evidence(node, ev, doc, d) for ev in self.evidence_of[node, doc]]  # type: ignore[arg-type]
            else:
                out += [self.mention(node, m, doc, d) for m in self.mentions_of[node, doc]]  # type: ignore[arg-type]
        return "".join(out)

    def key(self, doc: str | None, items: list[tuple[str, str]], salt: str) -> bytes:
        """A digest of everything :meth:`render` makes the items' text of (equal digests, equal text).

        The data of evidence, mentions and shared blocks go in as they are, through ``marshal``
        (version 2: no back-references, so equal values give equal bytes); events and actors as
        a digest of their fields and edges, made once per node.
        """
        digests, parts = self._digests, [salt, doc]
        for kind, node in items:
            if kind == "evidence":
                data: Any = self.evidence_of[node, doc]  # type: ignore[index]
            elif kind == "mention":
                data = self.mentions_of[node, doc]  # type: ignore[index]
            elif kind == "shared":
                data = self.blocks[node]
            else:
                data = digests.get(node) or self._digest(kind, node)
            parts += (kind, node, data)
        return _digest(parts)

    def _digest(self, kind: str, node: str) -> bytes:
        """A digest of the fields (and, for an event, the edges) that an event's or actor's block is made of."""
        data = self.g.nodes[node]
        fields = EVENT_FIELDS if kind == "event" else ACTOR_FIELDS
        inputs = (kind, node, [(f, data[f]) for f in fields if f in data], self.edges(node) if kind == "event" else ())
        found = self._digests[node] = _digest(inputs)
        return found

    def graph_iri(self, doc: str) -> str:
        """The term of article ``doc``'s named graph."""
        return self.iri("graph:" + doc)

    # -- documents and provenance ---------------------------------------------------------

    def document(self, doc: str, seen: set[str]) -> str:
        """The article, its publisher (once per chunk), its graph and the run that made it."""
        t, meta = self.t, self.kg.documents.get(doc) or {}
        d, g, run = self.iri("doc:" + doc), self.graph_iri(doc), self.run
        j, publisher = self.sep(d), ""
        text = f"{d} {t.A} {t.NEWS}{self.osep(d, t.A)}{t.ENTITY}{j}{t.IDENTIFIER} {lit(doc)}"
        if meta.get("title"):
            text += f"{j}{t.HEADLINE} {lit(meta['title'])}"
        published = self.syn.date(meta.get("date"))
        if published:
            text += f"{j}{t.PUBLISHED} {published[0]}"
        if meta.get("url"):
            text += f"{j}{t.SDO_URL} {typed(lit(meta['url'])[1:-1], t.XSD_ANY_URI)}"
        if meta.get("source"):
            pub = self.iri("publisher:" + slug(str(meta["source"])))
            text += f"{j}{t.PUBLISHER} {pub}"
            if "~" + pub not in self.blocks:  # the first name of a slug (articles are visited in id order)
                self.blocks["~" + pub] = (
                    f"{pub} {t.A} {t.SDO_ORG}{self.sep(pub)}{t.SDO_NAME} {lit(meta['source'])}{self.eol}"
                )
            publisher = self.shared("~" + pub, seen)
        jg = self.sep(g)
        text += f"{self.eol}{publisher}{g} {t.A} {t.K_ARTICLE_GRAPH}{self.osep(g, t.A)}{t.ENTITY}{jg}{t.DERIVED} {d}"
        text += f"{jg}{t.GENERATED} {run}{self.eol}{run} {t.USED} {d}{self.eol}"
        return text + self._provenance(seen)

    def _provenance(self, seen: set[str]) -> str:
        """The run (``prov:Activity``) and the kgraph version that made it, once per chunk."""
        if "~run" not in self.blocks:
            t, run, agent = self.t, self.run, self.agent
            self.blocks["~run"] = (
                f"{run} {t.A} {t.ACTIVITY}{self.sep(run)}{t.LABEL} {lit('kgraph build')}{self.sep(run)}"
                f"{t.ASSOCIATED} {agent}{self.eol}{agent} {t.A} {t.SOFTWARE_AGENT}{self.osep(agent, t.A)}"
                f"{t.SOFTWARE_APP}{self.sep(agent)}{t.SDO_NAME} {lit('kgraph')}{self.sep(agent)}"
                f"{t.SOFTWARE_VERSION} {lit(self.version)}{self.eol}"
            )
        return self.shared("~run", seen)


def chunks(
    kg: KnowledgeGraph, settings: Settings, syntax: Syntax, named_graphs: bool
) -> Iterator[tuple[str | None, str]]:
    """Yield ``(graph term or None, statements)`` per article (and one for nodes of no article).

    With ``named_graphs`` each article's statements are complete (shared nodes repeated per
    article); without, every statement is written once.
    """
    builder = _builder(kg, settings, syntax, named_graphs)
    for doc, head, items in builder.articles(named_graphs):
        graph = builder.graph_iri(doc) if (named_graphs and doc is not None) else None
        yield graph, head + builder.render(doc, items)


def _builder(kg: KnowledgeGraph, settings: Settings, syntax: Syntax, named_graphs: bool) -> TextBuilder:
    """The Turtle builder of ``kg``, shared by its Turtle and TriG files (same blocks).

    Kept on the graph until both were written (formatting a node's block is most of the
    work); N-Triples builders are not kept.
    """
    from kgraph.graph_index import signature

    if syntax is not TURTLE:
        return TextBuilder(kg, settings, syntax)
    key = (signature(kg.graph), settings.base_iri)
    cached = kg._turtle_blocks
    if cached is None or cached[0] != key:
        cached = kg._turtle_blocks = (key, TextBuilder(kg, settings, syntax), set())
    cached[2].add(named_graphs)
    if len(cached[2]) == 2:  # Turtle and TriG both written: let the blocks go
        kg._turtle_blocks = None
    return cached[1]


def complete(text: str, graph: str | None) -> str:
    """Complete N-Triples statements (:data:`NTRIPLES`): add the graph name, if any, and `` .``.

    >>> complete("<urn:a> <urn:b> <urn:c>\\n", "<urn:g>")
    '<urn:a> <urn:b> <urn:c> <urn:g> .\\n'
    """
    return text.replace("\n", f" {graph} .\n" if graph is not None else " .\n")


def _header(base: str) -> str:
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes(base).items()) + "\n"


def write_text(
    kg: KnowledgeGraph,
    stream: IO[bytes],
    settings: Settings,
    *,
    turtle: bool,
    named_graphs: bool,
    previous: Path | None = None,
) -> bytes | None:
    """Write ``kg`` as Turtle/TriG (``turtle``) or N-Triples/N-Quads, with or without named graphs.

    Turtle and TriG return the index of the chunks written (see :mod:`kgraph.export.rdf_reuse`);
    the unchanged chunks of ``previous``, the file this one replaces, are copied from it.
    """
    check_base(settings.base_iri)
    if not turtle:
        for graph, text in chunks(kg, settings, NTRIPLES, named_graphs):
            stream.write(complete(text, graph).encode("utf-8", "replace"))
        return None
    from kgraph.export.rdf_reuse import ChunkIndex, open_previous, renderer_hash

    salt = f"{renderer_hash()} {settings.base_iri} {'trig' if named_graphs else 'turtle'}"
    index, builder = ChunkIndex(salt), _builder(kg, settings, TURTLE, named_graphs)
    written = _write(stream, _header(settings.base_iri).encode("utf-8"))
    with open_previous(previous, salt) as old:
        for doc, head, items in builder.articles(named_graphs):
            key = builder.key(doc, items, salt)
            body = old.body(doc, key) if old is not None else None
            if body is None:
                body = builder.render(doc, items).encode("utf-8", "replace")
            graph = named_graphs and doc is not None
            if graph:
                head = f"{builder.graph_iri(doc)} {{\n{head}"  # type: ignore[arg-type]
            written += _write(stream, head.encode("utf-8", "replace"))
            index.add(doc, key, written, body)
            written += _write(stream, body) + (_write(stream, b"}\n") if graph else 0)
    return index.encode(written)


def _digest(value: Any) -> bytes:
    """A digest of ``value`` (plain data, through ``marshal`` version 2: equal values, equal bytes).

    A value ``marshal`` cannot write (an object a user put on a node) gets a digest of its own that
    matches nothing, so its chunk is always formatted again.

    >>> _digest(["a", 1]) == _digest(["a", 1]), _digest([object()]) == _digest([object()])
    (True, False)
    """
    try:
        data = marshal.dumps(value, 2)
    except ValueError:
        return os.urandom(16)
    return hashlib.blake2b(data, digest_size=16).digest()


def _write(stream: IO[bytes], data: bytes) -> int:
    stream.write(data)
    return len(data)
