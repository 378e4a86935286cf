"""Lookups stay fast on a graph the size of the 34k-document corpus (synthetic, slow tier).

The graph is generated with the shape kgraph builds from news (actor → event → actor role
edges, Zipf-distributed actor activity, dated events with one to three sources), at the
scale of ``news_34k``: 34,000 documents, 12 events and 6 actors per document (408k events).
The index is built once (lazily, on the first query); each lookup after that must take at
most 10 ms for a typical actor.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time

import networkx as nx
import pytest

from kgraph.graph import KnowledgeGraph

pytestmark = pytest.mark.slow

DOCS, EVENTS_PER_DOC, ACTORS_PER_DOC = 34_000, 12, 6
TYPES = ("SANCTION", "ACCUSE", "CONSULT", "STATEMENT", None)


def synthetic(docs: int = DOCS, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    n_actors = docs * ACTORS_PER_DOC
    g = nx.MultiDiGraph(documents={f"doc-{d}": {"date": f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"} for d in range(docs)})
    for i in range(n_actors):
        g.add_node(f"actor:a{i}", kind="actor", label=f"Actor {i}", type="PERSON", country=None,
                   aliases=[f"Actor {i}", f"A{i}"], mentions=[], codes=[])  # fmt: skip
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(n_actors)))
    for d in range(docs):
        for k in range(EVENTS_PER_DOC):
            node = f"event:{d}-{k}"
            sources = [f"doc-{d}"] + [f"doc-{rng.randrange(docs)}" for _ in range(rng.choice((0, 0, 0, 1, 2)))]
            g.add_node(node, kind="event", type=rng.choice(TYPES), relation="do", mood="asserted",
                       date=f"2024-{1 + d % 12:02d}-{1 + k:02d}", sources=sources, corroboration=len(sources),
                       confidence=0.5, attributed_to=None, evidence=[])  # fmt: skip
            actor, recipient = rng.choices(range(n_actors), cum_weights=weights, k=2)
            g.add_edge(f"actor:a{actor}", node, key="actor", role="actor")
            g.add_edge(node, f"actor:a{recipient}", key="recipient", role="recipient")
    return KnowledgeGraph(g)


@pytest.fixture(scope="module")
def big() -> KnowledgeGraph:
    return synthetic()


def _ms(call: object, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best * 1000


def test_events_by_actor_within_10ms(big: KnowledgeGraph) -> None:
    assert big.index.event_ids  # build the index once (lazily)
    rng = random.Random(1)
    sample = [f"actor:a{rng.randrange(len(big.index.actor_ids))}" for _ in range(200)]
    times = [_ms(lambda a=a: big.events(actor=a)) for a in sample]
    print(f"\nevents(actor=) on {DOCS} docs: median {statistics.median(times):.3f} ms, max {max(times):.3f} ms")
    assert statistics.median(times) <= 10
    assert max(times) <= 10


def test_alias_lookup_and_filters_within_10ms(big: KnowledgeGraph) -> None:
    assert big.index.event_ids
    assert _ms(lambda: big.actor("A12345")) <= 10
    assert _ms(lambda: big.events(actor="Actor 4321", type="SANCTION", since="2024-03", min_sources=1)) <= 10
    assert _ms(lambda: big.between("actor:a50", "actor:a60")) <= 10


def test_active_actors_within_10ms(big: KnowledgeGraph) -> None:
    """Actors ranked 100th to 1,000th by activity (hundreds of events each) are looked up within 10 ms."""
    ranked = big.rank("events", top=1000)[100::50]
    times = [_ms(lambda a=a: big.events(actor=a.id), repeat=3) for a, _ in ranked]
    print(f"\nevents(actor=) for actors with {int(ranked[-1][1])}-{int(ranked[0][1])} events: "
          f"median {statistics.median(times):.2f} ms, max {max(times):.2f} ms")  # fmt: skip
    assert statistics.median(times) <= 10


def test_busiest_actor_lookup_is_linear(big: KnowledgeGraph) -> None:
    """The busiest actor (a twentieth of all events) costs time per event returned, not per graph size."""
    busiest, count = big.rank("events", top=1)[0]
    ms = _ms(lambda: big.events(actor=busiest.id), repeat=3)
    print(f"\nbusiest actor: {int(count)} events in {ms:.1f} ms")
    assert ms <= 0.1 * count  # at most 100 microseconds per event returned
