"""Across articles: corroboration within a date window, surname links, the merge log, order independence."""

from __future__ import annotations

import itertools
import json

from kgraph.config import Settings
from kgraph.link import link
from kgraph.link.graph import largest_merges
from kgraph.link.merge import date_range, group_events, surname_links
from kgraph.link.tables import load_tables
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant


def _actor(doc: str, actor_id: str, label: str, kind: str = "COUNTRY", text: str | None = None) -> Actor:
    m = Mention(doc, 0, len(text or label), text or label, "GPE")
    return Actor(actor_id, label, kind, None, (text or label,), (m,))


def _event(doc: str, n: int, kind: str | None, actor: str, recipient: str, date: str | None = None) -> Event:
    trigger = Mention(doc, 10 * n, 10 * n + 5, "hit", "VERB")
    return Event(
        id=f"event:{doc}-{n}",
        relation="hit",
        type=kind,
        cameo_root=None,
        actor=(Participant(Mention(doc, 0, 3, "X", "GPE"), actor),),
        recipient=(Participant(Mention(doc, 20, 23, "Y", "GPE"), recipient),),
        evidence=Evidence(doc, n, "X hit Y.", 0, 8, trigger),
        date=date,
    )


def _result(doc: str, date: str | None, events: list[Event], actors: list[Actor] | None = None) -> DocResult:
    actors = actors or [_actor(doc, "actor:russia", "Russia"), _actor(doc, "actor:ukraine", "Ukraine")]
    return DocResult(Document(doc, "", date=date), tuple(actors), tuple(events))


def test_date_ranges_cover_partial_dates() -> None:
    assert [str(d) for d in date_range("2016")] == ["2016-01-01", "2016-12-31"]
    assert str(date_range("2016-02")[1]) == "2016-02-29" and date_range(None) is None


def test_same_event_in_three_articles_is_one_node_with_every_source() -> None:
    results = [
        _result("a", "2022-03-01", [_event("a", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result("b", "2022-03-02", [_event("b", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result("c", None, [_event("c", 1, "ASSAULT", "actor:russia", "actor:ukraine", date="2022-03-03")]),
    ]
    kg = link(results)
    [(node, data)] = list(kg.event_nodes())
    assert data["sources"] == ["a", "b", "c"] and data["corroboration"] == 3 and len(data["evidence"]) == 3
    assert any(m.get("rule") == "same-event" and m.get("event") == node for m in kg.graph.graph["merges"])


def test_events_that_differ_stay_apart() -> None:
    results = [
        _result(
            "a",
            "2022-03-01",
            [
                _event("a", 1, "ASSAULT", "actor:russia", "actor:ukraine"),
                _event("a", 2, "ASSAULT", "actor:ukraine", "actor:russia"),
                _event("a", 3, "SANCTION", "actor:russia", "actor:ukraine"),
                _event("a", 4, None, "actor:russia", "actor:ukraine"),
            ],
        ),
        _result("b", "2022-03-20", [_event("b", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result("c", None, [_event("c", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result(
            "d",
            None,
            [
                _event("d", 1, "STATEMENT", "actor:russia", "actor:ukraine"),
                _event("d", 2, "STATEMENT", "actor:russia", "actor:ukraine"),
            ],
        ),
    ]
    kg = link(results)
    assert len(list(kg.event_nodes())) == 8
    assert all(d["corroboration"] == 1 for _, d in kg.event_nodes())


def test_the_window_is_a_setting() -> None:
    results = [
        _result("a", "2022-03-01", [_event("a", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result("b", "2022-03-08", [_event("b", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
    ]
    assert len(list(link(results).event_nodes())) == 2
    assert len(list(link(results, settings=Settings(event_window_days=7)).event_nodes())) == 1


def test_window_is_anchored_on_the_first_report_not_chained() -> None:
    results = [
        _result(d, f"2022-03-0{day}", [_event(d, 1, "ASSAULT", "actor:russia", "actor:ukraine")])
        for d, day in (("a", 1), ("b", 3), ("c", 5), ("d", 7))
    ]
    groups = group_events(results, window_days=3)
    assert sorted(sorted(e.doc for e in g) for g in groups) == [["a", "b"], ["c", "d"]]


def test_graph_is_the_same_whatever_the_input_order() -> None:
    results = [
        _result("a", "2022-03-01", [_event("a", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
        _result(
            "b",
            "2022-03-02",
            [
                _event("b", 1, "ASSAULT", "actor:russia", "actor:ukraine"),
                _event("b", 2, "AID", "actor:ukraine", "actor:russia"),
            ],
        ),
        _result("c", "2022-03-09", [_event("c", 1, "ASSAULT", "actor:russia", "actor:ukraine")]),
    ]

    def dump(rs: list[DocResult]) -> str:
        g = link(rs).graph
        return json.dumps(
            [sorted(g.nodes(data=True)), sorted(g.edges(keys=True)), g.graph["merges"]],
            sort_keys=True,
            default=str,
        )

    first = dump(results)
    assert all(dump(list(p)) == first for p in itertools.permutations(results))


def test_a_bare_surname_joins_the_one_full_name_with_it_in_the_corpus() -> None:
    blair = _actor("a", "actor:tony-blair", "Tony Blair", "PERSON")
    bare = _actor("b", "actor:blair--b", "Blair", "PERSON")
    canon, log = surname_links([blair, bare], load_tables())
    assert canon == {"actor:blair--b": "actor:tony-blair"} and log[0]["rule"] == "surname-unique-in-corpus"
    kg = link([_result("a", None, [], [blair]), _result("b", None, [], [bare])])
    assert [n for n, _ in kg.actors()] == ["actor:tony-blair"]


def test_a_surname_shared_by_two_full_names_in_the_corpus_stays_alone() -> None:
    gordon = _actor("a", "actor:gordon-brown", "Gordon Brown", "PERSON")
    nick = _actor("b", "actor:nick-brown", "Nick Brown", "PERSON")
    bare = _actor("c", "actor:brown--c", "Brown", "PERSON")
    canon, _ = surname_links([gordon, nick, bare], load_tables())
    assert canon == {}


def test_largest_merges_lists_nodes_with_their_reasons_and_goes_into_the_report() -> None:
    a = DocResult(
        Document("a", ""),
        (_actor("a", "actor:united-nations", "United Nations", "ORGANIZATION", "U.N."),),
        merges=(
            {
                "actor": "actor:united-nations",
                "rule": "table",
                "evidence": "'U.N.' is 'United Nations' in igos.tsv",
            },
        ),
    )
    b = DocResult(
        Document("b", ""), (_actor("b", "actor:united-nations", "United Nations", "ORGANIZATION", "UN"),)
    )
    report: dict = {}
    kg = link([a, b], report=report)
    [row] = report["largest_merges"]
    assert row["actor"] == "actor:united-nations" and row["reasons"] == {"same-id": 1, "table": 1}
    assert row["documents"] == 2 and row["aliases"] == ["U.N.", "UN"]
    assert kg.graph.graph["largest_merges"] == largest_merges(kg.graph)


def test_events_missing_a_side_are_never_merged() -> None:
    results = [
        _result("a", "2022-03-01", [_event("a", 1, "ASSAULT", "actor:russia", "")]),
        _result("b", "2022-03-01", [_event("b", 1, "ASSAULT", "actor:russia", "")]),
    ]
    assert len(list(link(results).event_nodes())) == 2
