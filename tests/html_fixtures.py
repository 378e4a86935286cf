"""Hand-built KnowledgeGraphs for the HTML exporter tests (schema: docs/ARCHITECTURE.md).

``small_graph`` is a realistic seed-like graph with parallel events between the same pair,
``hostile_graph`` carries script-injection payloads in every text field, and ``big_graph``
is a seeded synthetic graph for the layout and ``max_nodes`` paths.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import Any

from kgraph.graph import KnowledgeGraph

#: Every payload sets window.__pwned or calls alert when it runs.
PAYLOADS: tuple[str, ...] = (
    "<script>window.__pwned = 1; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 2; alert('img')\">",
    "javascript:window.__pwned=3;alert('url')",
    "</script><script>window.__pwned = 4</script>",
    '\u2028<svg onload="window.__pwned = 5">\u2029',
    '</title><iframe src="javascript:parent.__pwned=6"></iframe>',
)


def add_actor(
    kg: KnowledgeGraph, label: str, kind: str, aliases: Sequence[str] = (), country: str | None = None
) -> str:
    """Add an actor node and return its id (``actor:<slug>``)."""
    node = "actor:" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]
    kg.graph.add_node(
        node, kind="actor", label=label, type=kind, country=country,
        aliases=sorted({label, *aliases}), mentions=[], codes=[],
    )  # fmt: skip
    return node


def add_event(
    kg: KnowledgeGraph,
    actors: Sequence[str],
    recipients: Sequence[str],
    relation: str,
    *,
    doc: str,
    sentence: str,
    type: str | None = None,
    mood: str = "asserted",
    date: str | None = None,
    confidence: float = 0.8,
    speaker: str | None = None,
) -> str:
    """Add an event node with its role edges and return its id (``event:<hash>``)."""
    node = "event:" + hashlib.sha1(f"{doc}|{sentence}|{relation}|{len(kg.graph)}".encode()).hexdigest()[:16]
    evidence = {"doc": doc, "sentence_index": 0, "sentence": sentence, "start": 0, "end": len(sentence),
                "trigger": {"text": relation, "start": 0, "end": len(relation)}}  # fmt: skip
    kg.graph.add_node(
        node, kind="event", relation=relation, type=type, cameo_root=None, date=date, date_text=None,
        place=None, mood=mood, confidence=confidence, sources=[doc], corroboration=1,
        attributed_to=speaker, evidence=[evidence], rule="test",
    )  # fmt: skip
    for actor in actors:
        kg.graph.add_edge(actor, node, key="actor", role="actor")
    for recipient in recipients:
        kg.graph.add_edge(node, recipient, key="recipient", role="recipient")
    if speaker:
        kg.graph.add_edge(speaker, node, key="source", role="source")
    return node


def add_document(kg: KnowledgeGraph, doc: str, **meta: Any) -> None:
    """Record a document's metadata in the graph attributes."""
    kg.documents[doc] = {"title": None, "date": None, "source": None, "url": None, "origin": None, **meta}


def small_graph() -> KnowledgeGraph:
    """A seed-like graph: 6 actors of the four main types, 7 events, two parallel events."""
    kg = KnowledgeGraph()
    add_document(kg, "seed", title="Kim pushes 70-day campaign", date="2016-03-01", source="Reuters",
                 url="https://example.org/seed")  # fmt: skip
    add_document(kg, "other", title="Seoul responds", date="2016-04-10")
    kim = add_actor(kg, "Kim Jong Un", "PERSON", aliases=["Kim", "North Korean leader"], country="PRK")
    nk = add_actor(kg, "North Korea", "COUNTRY", aliases=["DPRK", "Pyongyang"], country="PRK")
    un = add_actor(kg, "United Nations", "ORGANIZATION", aliases=["U.N.", "UN"], country="IGO")
    wpk = add_actor(kg, "Workers' Party of Korea", "GROUP", aliases=["WPK"], country="PRK")
    sk = add_actor(kg, "South Korea", "COUNTRY", aliases=["Seoul"], country="KOR")
    reuters = add_actor(kg, "Reuters", "ORGANIZATION")
    add_event(kg, [un], [nk], "impose sanction", type="SANCTION", doc="seed", date="2016-03-02",
              sentence="The United Nations imposed new sanctions on North Korea.")  # fmt: skip
    add_event(kg, [un], [nk], "condemn", type="ACCUSE", doc="seed", date="2016-03-05", mood="reported",
              sentence="The U.N. condemned Pyongyang's nuclear test.", speaker=reuters)  # fmt: skip
    add_event(kg, [kim], [wpk], "address", type="CONSULT", doc="seed", date="2016-05",
              sentence="Kim will address the WPK congress in May.", mood="future")  # fmt: skip
    add_event(kg, [kim], [], "push campaign", type="STATEMENT", doc="seed", date="2016-03-01",
              sentence="Kim is pushing his signature policy.")  # fmt: skip
    add_event(kg, [sk], [nk], "warn", type="THREATEN", doc="other", date="2016-04-10",
              sentence="Seoul warned Pyongyang against further tests.")  # fmt: skip
    add_event(kg, [sk], [nk], "not negotiate", type="REJECT", doc="other", date="2016-04-11", mood="negated",
              sentence="South Korea did not negotiate with the North.")  # fmt: skip
    add_event(kg, [nk], [sk], "meet with", type=None, doc="other", date=None, mood="hypothetical",
              sentence="North Korea might meet with Seoul.")  # fmt: skip
    return kg


def hostile_graph() -> KnowledgeGraph:
    """A graph whose titles, names, aliases, relations and sentences all carry payloads."""
    kg = KnowledgeGraph()
    p = PAYLOADS
    add_document(kg, "evil", title=p[0], source=p[1], date="2020-01-01", url=p[2])
    add_document(kg, "evil2", title=p[5], url="javascript:window.__pwned=7")
    a = add_actor(kg, "Mallory " + p[0], "PERSON", aliases=[p[1], p[2], "Eve Alias"])
    b = add_actor(kg, p[3], "ORGANIZATION", aliases=[p[4]])
    c = add_actor(kg, "Plain Country", "COUNTRY", aliases=[p[5]])
    add_event(kg, [a], [b], p[1], type="ACCUSE", doc="evil", date="2020-01-01", sentence=" ".join(p))
    add_event(kg, [b], [c], p[0], type="THREATEN", doc="evil2", sentence=p[3] + p[4], speaker=a)
    add_event(kg, [c], [a], "meet", type="CONSULT", doc="evil", sentence=p[2], mood="reported")
    return kg


def big_graph(n_actors: int, n_events: int, *, seed: int = 1) -> KnowledgeGraph:
    """A seeded synthetic graph with a heavy-tailed activity distribution."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    kinds = ("PERSON", "ORGANIZATION", "COUNTRY", "GROUP")
    moods = ("asserted", "negated", "future", "hypothetical", "reported")
    types = ("SANCTION", "ACCUSE", "CONSULT", "AGREE", "STATEMENT", None)
    actors = [add_actor(kg, f"Actor {i}", kinds[i % 4], aliases=[f"A{i}"]) for i in range(n_actors)]
    weights = [1 / (i + 1) for i in range(n_actors)]
    for j in range(n_events):
        doc = f"doc-{j % 400}"
        add_document(kg, doc, title=f"Article {j % 400}", date="2005-01-01")
        a, b = rng.choices(actors, weights=weights, k=2)
        add_event(kg, [a], [b] if b != a else [], f"relation {j % 17}", type=rng.choice(types),
                  mood=rng.choice(moods), doc=doc, date=f"2005-{1 + j % 12:02d}-{1 + j % 28:02d}",
                  sentence=f"Sentence {j} about actor {a}.")  # fmt: skip
    return kg
