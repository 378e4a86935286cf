"""Results kept in memory share equal values (``kgraph.compact``); graph.json is written a node at a time."""

from __future__ import annotations

import gc
import io
import json

import networkx as nx

from kgraph.compact import Sharer, gc_paused
from kgraph.config import Settings
from kgraph.export.tables import node_link, write_node_link
from kgraph.graph import KnowledgeGraph
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant


def _copy(text: str) -> str:
    """An equal string that is another object (as unpickling or JSON decoding makes)."""
    return "".join(list(text))


def _result(doc: str) -> DocResult:
    m = Mention(_copy(doc), 0, 6, _copy("Russia"), _copy("GPE"), 0)
    again = Mention(_copy(doc), 0, 6, _copy("Russia"), _copy("GPE"), 0)
    trigger = Mention(_copy(doc), 7, 17, "sanctioned", "VERB", 0)
    event = Event(
        f"event:{doc}", "sanction", "SANCTION", "16", (Participant(again, _copy("actor:russia")),), (),
        Evidence(_copy(doc), 0, "Russia sanctioned Ukraine.", 0, 26, trigger), place=None, date="2016-03",
    )  # fmt: skip
    actor = Actor(_copy("actor:russia"), "Russia", "COUNTRY", "RUS", ("Russia",), (m,))
    return DocResult(Document(doc, "", title="T"), (actor,), (event,), ({"actor": "actor:russia", "rule": "r"},))


def test_shared_results_are_equal_and_share_their_values() -> None:
    share = Sharer()
    a, b = _result("d1"), _result("d2")
    sa, sb = share.result(a), share.result(b)
    assert (sa, sb) == (a, b)
    assert sa.actors[0].id is sb.actors[0].id is sa.events[0].actor[0].actor
    assert sa.events[0].actor[0].mention is sa.actors[0].mentions[0]  # equal mentions of one result: one object
    assert sa.actors[0].mentions[0].label is sb.actors[0].mentions[0].label


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_graph_json_holds_the_node_link_data_a_node_a_line() -> None:
    g = nx.MultiDiGraph(documents={"d": {"title": "Ünïcode \u2028 \"q\" \\ \n", "n": None}}, merges=[], odd={1: "x"})
    g.add_node("actor:a", kind="actor", aliases=[], mentions=[{"doc": "d", "start": 0, "end": 3}], score=0.1,
               big=10**20, nan=float("nan"), flag=True, nested=[[], {}, [1.5e-7, -0.0]], t=("x", 2))  # fmt: skip
    g.add_node("event:e", kind="event", confidence=1.0)
    g.add_edge("actor:a", "event:e", key="actor", role="actor")
    for kg in (KnowledgeGraph(g), KnowledgeGraph()):
        out = io.BytesIO()
        write_node_link(kg, out, settings=Settings())
        text = out.getvalue().decode("utf-8")
        expected = json.loads(json.dumps(node_link(kg), ensure_ascii=False, sort_keys=True))
        assert json.dumps(json.loads(text), sort_keys=True) == json.dumps(expected, sort_keys=True)
        lines = text.rstrip("\n").split("\n")  # U+2028 inside a string is no line break
        assert len(lines) == 3 + kg.graph.number_of_nodes() + kg.graph.number_of_edges()
        assert all(json.loads(line.rstrip(",")) for line in lines[1:-1] if line.startswith("{"))
