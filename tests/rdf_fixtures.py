"""Hand-built KnowledgeGraphs following docs/ARCHITECTURE.md, for the RDF, SPARQL and push tests.

``seed_graph()`` mirrors what kgraph reads from the seed article (Kim Jong Un, the UN Security
Council, North Korea…) plus a second article that corroborates one event, so the
cross-article parts (named graphs, corroboration) are exercised. ``nasty_graph()`` uses names
with quotes, spaces, non-ASCII, ``<>``, newlines and emoji. ``synthetic_graph(n)`` is large
and regular, for benchmarks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kgraph.graph import KnowledgeGraph
from kgraph.ids import actor_id, event_id
from kgraph.model import EVENT_TYPES


class GraphBuilder:
    """Add documents, actors and events to a KnowledgeGraph the way ``link.link`` does."""

    def __init__(self) -> None:
        self.kg = KnowledgeGraph()
        self.kg.graph.graph.update(documents={}, merges=[], kgraph_version="0.1.0")

    def document(self, doc: str, title: str | None = None, date: str | None = None,
                 source: str | None = None, url: str | None = None) -> GraphBuilder:
        self.kg.documents[doc] = {"title": title, "date": date, "source": source, "url": url,
                                  "origin": f"/tmp/{doc}.txt"}
        return self

    def actor(self, label: str, type: str = "OTHER", country: str | None = None,
              mentions: Iterable[tuple[str, int, int, str]] = (), aliases: Iterable[str] = (),
              codes: Iterable[str] = ()) -> str:
        node = actor_id(label)
        ms = [{"doc": d, "start": s, "end": e, "text": t} for d, s, e, t in mentions]
        self.kg.graph.add_node(
            node, kind="actor", label=label, type=type, country=country,
            aliases=sorted(set(aliases) | {label}), mentions=ms, codes=list(codes),
        )
        return node

    def event(self, relation: str, type: str | None, actors: Iterable[str], recipients: Iterable[str] = (),
              evidence: Iterable[dict[str, Any]] = (), *, cameo_root: str | None = None,
              date: str | None = None, date_text: str | None = None, place: str | None = None,
              mood: str = "asserted", confidence: float = 0.8, attributed_to: str | None = None,
              rule: str = "svo") -> str:
        evidence = list(evidence)
        first = evidence[0]
        node = event_id(first["doc"], first["trigger"]["start"], first["trigger"]["end"], relation)
        sources = sorted({ev["doc"] for ev in evidence})
        self.kg.graph.add_node(
            node, kind="event", relation=relation, type=type, cameo_root=cameo_root, date=date,
            date_text=date_text, place=place, mood=mood, confidence=confidence, sources=sources,
            corroboration=len(sources), attributed_to=attributed_to, evidence=evidence, rule=rule,
        )
        for a in actors:
            self.kg.graph.add_edge(a, node, key="actor", role="actor")
        for r in recipients:
            self.kg.graph.add_edge(node, r, key="recipient", role="recipient")
        if attributed_to:
            self.kg.graph.add_edge(attributed_to, node, key="source", role="source")
        return node


def evidence(doc: str, text: str, sentence: str, trigger: str, sentence_index: int = 0) -> dict[str, Any]:
    """Evidence dict for ``trigger`` inside ``sentence`` inside document text ``text``."""
    start = text.index(sentence)
    t = start + sentence.index(trigger)
    return {"doc": doc, "sentence_index": sentence_index, "sentence": sentence, "start": start,
            "end": start + len(sentence), "trigger": {"text": trigger, "start": t, "end": t + len(trigger)}}


SEED_S1 = ("After the UN Security Council passed sanctions directing on North Korea's mineral exports, "
           "banks, and cargo vessels, the North Korean president showed his tough side.")
SEED_S2 = "He launched a nuclear test in January and followed by a long range rocket launch in February."
SEED_S3 = ('Cho Min claimed that the congress will highlight Kim\'s signature "byongjin policy."')
SEED_TEXT = f"Kim is acting defiant. {SEED_S2} {SEED_S1} {SEED_S3}"
OTHER_S1 = "The UN Security Council passed sanctions on North Korea on Wednesday."
OTHER_TEXT = f"Diplomats met in New York. {OTHER_S1}"


def _mentions(doc: str, text: str, name: str) -> list[tuple[str, int, int, str]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append((doc, i, i + len(name), name))
        i = text.find(name, i + 1)
    return out


def seed_graph() -> KnowledgeGraph:
    """The seed article ("seed") and one corroborating article ("other")."""
    b = GraphBuilder()
    b.document("seed", "North Korea's Kim pushes 'top-speed dash' campaign", "2016-03-10", "NK News",
               "https://example.org/nk/seed")
    b.document("other", "UN sanctions North Korea", "2016-03-03", "Reuters", "https://example.org/reuters/1")
    kim = b.actor("Kim Jong Un", "PERSON", "PRK", _mentions("seed", SEED_TEXT, "Kim") + [("seed", 106, 108, "He")],
                  aliases=["Kim", "He"])
    unsc = b.actor("UN Security Council", "ORGANIZATION", "IGO",
                   _mentions("seed", SEED_TEXT, "UN Security Council")
                   + _mentions("other", OTHER_TEXT, "UN Security Council"), codes=["IGOUNO"])
    nk = b.actor("North Korea", "COUNTRY", "PRK",
                 _mentions("seed", SEED_TEXT, "North Korea") + _mentions("other", OTHER_TEXT, "North Korea"))
    cho = b.actor("Cho Min", "PERSON", "KOR", _mentions("seed", SEED_TEXT, "Cho Min"))
    b.event("pass sanction", "SANCTION", [unsc], [nk],
            [evidence("seed", SEED_TEXT, SEED_S1, "passed sanctions", 2),
             evidence("other", OTHER_TEXT, OTHER_S1, "passed sanctions", 1)],
            cameo_root="16", date="2016-03", date_text="Wednesday", confidence=0.9, rule="svo-dobj")
    b.event("launch test", "MOBILIZE", [kim], [], [evidence("seed", SEED_TEXT, SEED_S2, "launched", 1)],
            cameo_root="15", date="2016-01", date_text="in January", confidence=0.7, rule="svo-dobj")
    b.event("highlight", None, [kim], [], [evidence("seed", SEED_TEXT, SEED_S3, "highlight", 3)],
            mood="future", attributed_to=cho, confidence=0.6, rule="claim-ccomp",
            place="Pyongyang")
    return b.kg


NASTY_NAMES = ['Ökonomie & "Co"', "a b<c>", "line\nbreak", "emoji 😀 party", "back\\slash", "Ørsted’s {x}", "#?%/"]


def nasty_graph() -> KnowledgeGraph:
    """Names and document ids with quotes, spaces, non-ASCII, ``<>``, newlines and emoji."""
    b = GraphBuilder()
    doc = 'doc "1" <x> ü😀\n'
    text = " ".join(NASTY_NAMES) + ' said "hi"\n attacked.'
    b.document(doc, 'Title with "quotes" and <tags>\n😀', "2020", "Outlet <&> \"x\"", "http://ex.org/a b?q=<1>")
    ids = [b.actor(n, "GROUP", None, _mentions(doc, text, n), aliases=[n + "\r"]) for n in NASTY_NAMES]
    sent = text
    b.event('say "hi"\n', None, ids[:2], ids[2:4], [evidence(doc, text, sent, 'said "hi"')],
            date_text="a\\b", place='Zürich "<>"', mood="reported", attributed_to=ids[4], rule="")
    b.event("attack", "ASSAULT", [ids[5]], [ids[6]], [evidence(doc, text, sent, "attacked")],
            cameo_root="99", date="not a date")
    return b.kg


def synthetic_graph(n_docs: int = 100, events_per_doc: int = 20, n_actors: int = 500) -> KnowledgeGraph:
    """A large regular graph: ``n_docs`` articles, each with ``events_per_doc`` events."""
    b = GraphBuilder()
    actors = [b.actor(f"Actor {i}", ("PERSON", "COUNTRY", "ORGANIZATION")[i % 3], "USA") for i in range(n_actors)]
    for node in actors:
        b.kg.graph.nodes[node]["mentions"] = []
    for d in range(n_docs):
        doc = f"doc-{d:05d}"
        b.document(doc, f"Article {d}", f"2020-01-{d % 28 + 1:02d}", "Wire", f"https://example.org/{d}")
        for e in range(events_per_doc):
            a, r = actors[(d * 7 + e) % n_actors], actors[(d * 13 + e * 3 + 1) % n_actors]
            sent = f"Actor {a} met Actor {r} on day {e}."
            ev = {"doc": doc, "sentence_index": e, "sentence": sent, "start": e * 100, "end": e * 100 + len(sent),
                  "trigger": {"text": "met", "start": e * 100 + 10, "end": e * 100 + 13}}
            b.event(f"meet {e}", EVENT_TYPES[e % len(EVENT_TYPES)], [a], [r], [ev], cameo_root=f"{e % 20 + 1:02d}",
                    date=f"2020-01-{d % 28 + 1:02d}", date_text="today")
            b.kg.graph.nodes[a]["mentions"].append({"doc": doc, "start": e * 100, "end": e * 100 + 5, "text": "Actor"})
    return b.kg
