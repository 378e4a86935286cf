"""KnowledgeGraph's query API on a small hand-built graph (unit tier: no model)."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from kgraph.graph import KnowledgeGraph
from kgraph.graph_index import UnknownActorError
from kgraph.views import ActorView, EventView

ACTORS = {
    "actor:kim-jong-un": dict(label="Kim Jong Un", type="PERSON", country="PRK", aliases=["Kim", "Kim Jong Un"]),
    "actor:kim-jong-il": dict(label="Kim Jong Il", type="PERSON", country="PRK", aliases=["Kim Jong Il"]),
    "actor:north-korea": dict(label="North Korea", type="COUNTRY", country="PRK", aliases=["North Korea", "DPRK"]),
    "actor:un-security-council": dict(label="UN Security Council", type="ORGANIZATION", country="IGO",
                                      aliases=["the U.N. Security Council"]),
    "actor:south-korea": dict(label="South Korea", type="COUNTRY", country="KOR", aliases=["Seoul"]),
    "actor:loner": dict(label="Loner", type="OTHER", country=None, aliases=[]),
}  # fmt: skip
# id: (type, date, mood, sources, actors, recipients, speaker)
EVENTS = {
    "event:sanction": ("SANCTION", "2016-03", "asserted", ["a", "b"], ["actor:un-security-council"], ["actor:north-korea"], None),
    "event:reject": ("REJECT", "2016-03-05", "asserted", ["a"], ["actor:kim-jong-un"], ["actor:un-security-council"], None),
    "event:threat": ("THREATEN", "2016-04-02", "future", ["c"], ["actor:north-korea"], ["actor:south-korea"], "actor:kim-jong-un"),
    "event:say": ("STATEMENT", None, "asserted", ["c"], ["actor:kim-jong-un"], [], None),
    "event:meet": (None, "2015-12-30", "negated", ["d"], ["actor:kim-jong-il"], ["actor:kim-jong-un"], None),
}  # fmt: skip


def small_graph() -> KnowledgeGraph:
    g = nx.MultiDiGraph(documents={d: {"title": d} for d in "abcd"})
    for node, data in ACTORS.items():
        mentions = [{"doc": "a", "start": 0, "end": len(a), "text": a} for a in data["aliases"]]
        g.add_node(node, kind="actor", codes=[], mentions=mentions, **{**data, "aliases": sorted(data["aliases"])})
    for node, (kind, date, mood, sources, actors, recipients, speaker) in EVENTS.items():
        g.add_node(node, kind="event", type=kind, relation=node[6:], date=date, mood=mood, sources=sources,
                   corroboration=len(sources), attributed_to=speaker, confidence=0.7, cameo_root=None,
                   evidence=[{"doc": s, "sentence_index": 0, "sentence": f"{node} in {s}.", "start": 0, "end": 9,
                              "trigger": {"text": "x", "start": 0, "end": 1}, "event": node} for s in sources])  # fmt: skip
        for a in actors:
            g.add_edge(a, node, key="actor", role="actor")
        for r in recipients:
            g.add_edge(node, r, key="recipient", role="recipient")
        if speaker:
            g.add_edge(speaker, node, key="source", role="source")
    return KnowledgeGraph(g)


@pytest.fixture()
def kg() -> KnowledgeGraph:
    return small_graph()


def test_actors_returns_views_that_unpack_like_networkx(kg: KnowledgeGraph) -> None:
    actors = kg.actors()
    assert [a.id for a in actors] == sorted(ACTORS)
    node, data = actors[0]
    assert isinstance(actors[0], ActorView) and data["label"] == actors[0].label
    with pytest.raises(TypeError):
        data["label"] = "changed"  # type: ignore[index]


@pytest.mark.parametrize(
    "filters, expected",
    [({"type": "COUNTRY"}, {"actor:north-korea", "actor:south-korea"}),
     ({"country": "PRK", "type": "PERSON"}, {"actor:kim-jong-un", "actor:kim-jong-il"}),
     ({"country": ["IGO", "KOR"]}, {"actor:un-security-council", "actor:south-korea"}),
     ({"name": "kim"}, {"actor:kim-jong-un", "actor:kim-jong-il"}),
     ({"name": "Security Council"}, {"actor:un-security-council"}),
     ({"name": "korea", "type": "COUNTRY"}, {"actor:north-korea", "actor:south-korea"})],
)  # fmt: skip
def test_actors_filters(kg: KnowledgeGraph, filters: dict, expected: set[str]) -> None:
    assert {a.id for a in kg.actors(**filters)} == expected


@pytest.mark.parametrize("name", ["Kim", "Kim Jong Un", "kim jong-un", "actor:kim-jong-un", "Kim's"])
def test_actor_alias_lookup_gives_the_same_actor(kg: KnowledgeGraph, name: str) -> None:
    assert kg.actor(name).id == "actor:kim-jong-un"


def test_actor_lookup_lenient_on_articles_and_periods(kg: KnowledgeGraph) -> None:
    assert kg.actor("UN Security Council").id == kg.actor("the U.N. Security Council").id == "actor:un-security-council"
    assert kg.actor("DPRK").label == "North Korea"


def test_unknown_actor_is_a_key_error_with_suggestions(kg: KnowledgeGraph) -> None:
    with pytest.raises(KeyError) as err:
        kg.actor("Kim Jong Nam")
    assert isinstance(err.value, UnknownActorError) and "Did you mean" in str(err.value)


def test_events_by_actor_and_recipient_roles(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.events(actor="Kim")] == ["event:reject", "event:say"]
    assert [e.id for e in kg.events(recipient="Kim")] == ["event:meet"]
    assert {e.id for e in kg.events(involving="Kim")} == {"event:reject", "event:say", "event:meet", "event:threat"}
    assert [e.id for e in kg.events(actor="UN Security Council", recipient="DPRK")] == ["event:sanction"]


def test_events_view_fields(kg: KnowledgeGraph) -> None:
    [e] = kg.events(type="SANCTION")
    assert isinstance(e, EventView)
    assert (e.actors, e.recipients, e.date, e.corroboration, e.sources) == (
        ("actor:un-security-council",), ("actor:north-korea",), "2016-03", 2, ("a", "b"))
    assert e.sentence == "event:sanction in a."


def test_events_type_and_mood_filters(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.events(type=["REJECT", "THREATEN"])] == ["event:reject", "event:threat"]
    assert [e.id for e in kg.events(type=[None])] == ["event:meet"]
    assert [e.id for e in kg.events(mood="future")] == ["event:threat"]


@pytest.mark.parametrize(
    "since, until, expected",
    [("2016-03-10", None, ["event:sanction", "event:threat"]),  # "2016-03" overlaps the 10th
     ("2016-03-06", "2016-03-31", ["event:sanction"]),
     (None, "2015", ["event:meet"]),
     (dt.date(2016, 4, 1), dt.date(2016, 4, 30), ["event:threat"]),
     ("2016", "2016", ["event:reject", "event:sanction", "event:threat"])],
)  # fmt: skip
def test_events_since_until(kg: KnowledgeGraph, since: object, until: object, expected: list[str]) -> None:
    assert sorted(e.id for e in kg.events(since=since, until=until)) == sorted(expected)  # type: ignore[arg-type]


def test_events_undated_excluded_by_date_filters_and_sorted_last(kg: KnowledgeGraph) -> None:
    assert "event:say" not in {e.id for e in kg.events(since="1900")}
    assert kg.events()[-1].id == "event:say"


def test_events_min_sources(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.events(min_sources=2)] == ["event:sanction"]
    assert kg.events(min_sources=3) == []


def test_events_unknown_actor_raises(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownActorError):
        kg.events(actor="Nobody")


def test_timeline_is_dated_order_with_undated_last(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.timeline("Kim")] == ["event:meet", "event:reject", "event:threat", "event:say"]


def test_between_either_direction(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.between("Kim Jong Il", "Kim")] == ["event:meet"]
    assert [e.id for e in kg.between("Kim", "Kim Jong Il")] == ["event:meet"]
    assert [e.id for e in kg.between("Kim", "South Korea")] == ["event:threat"]  # Kim as speaker
    assert kg.between("Loner", "Kim") == []


def test_neighbours_and_neighbourhood(kg: KnowledgeGraph) -> None:
    assert {a.id for a, _ in kg.neighbours("Kim")} == {
        "actor:kim-jong-il", "actor:un-security-council", "actor:north-korea", "actor:south-korea"}
    one = kg.neighbourhood("Kim Jong Il", hops=1)
    assert {a.id for a in one.actors()} == {"actor:kim-jong-il", "actor:kim-jong-un"}
    two = kg.neighbourhood("Kim Jong Il", hops=2)
    assert "actor:un-security-council" in {a.id for a in two.actors()}
    assert {e.id for e in two.events()} >= {"event:meet", "event:reject"}
    assert isinstance(two, KnowledgeGraph) and "actor:loner" not in two


def test_path_links_actors_through_events(kg: KnowledgeGraph) -> None:
    path = kg.path("Kim Jong Il", "North Korea")
    assert path[0] == "actor:kim-jong-il" and path[-1] == "actor:north-korea"
    assert all(n.startswith("event:") for n in path[1::2]) and len(path) == 5
    assert kg.path("Loner", "Kim") == []


@pytest.mark.parametrize("by", ["degree", "events", "pagerank"])
def test_rank(kg: KnowledgeGraph, by: str) -> None:
    ranked = kg.rank(by)  # type: ignore[arg-type]
    assert len(ranked) == len(ACTORS)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert ranked[-1][0].id == "actor:loner"
    assert len(kg.rank(by, top=2)) == 2  # type: ignore[arg-type]


def test_rank_degree_and_events_values(kg: KnowledgeGraph) -> None:
    assert kg.rank("events")[0] == (kg.actor("Kim"), 4.0)
    assert dict((a.id, s) for a, s in kg.rank("degree"))["actor:kim-jong-un"] == 4.0


def test_rank_unknown_measure(kg: KnowledgeGraph) -> None:
    with pytest.raises(ValueError, match="degree"):
        kg.rank("betweenness")  # type: ignore[arg-type]


def test_index_follows_graph_changes(kg: KnowledgeGraph) -> None:
    assert kg.events(actor="Loner") == []
    kg.graph.add_node("event:new", kind="event", type="AID", sources=["a"])
    kg.graph.add_edge("actor:loner", "event:new", key="actor", role="actor")
    assert [e.id for e in kg.events(actor="Loner")] == ["event:new"]
    kg.graph.add_edge("actor:loner", "event:meet", key="actor", role="actor")  # an edge alone: refresh
    assert [e.id for e in kg.refresh().events(actor="Loner")] == ["event:meet", "event:new"]


def test_to_networkx_is_the_graph(kg: KnowledgeGraph) -> None:
    assert kg.to_networkx() is kg.graph


def test_records_from_graph_when_no_results(kg: KnowledgeGraph) -> None:
    records = kg.records()
    assert len(records) == sum(len(v[3]) for v in EVENTS.values())
    sanction = [r for r in records if r["id"] == "event:sanction"]
    assert {r["doc"] for r in sanction} == {"a", "b"}
    assert sanction[0]["actor"][0]["label"] == "UN Security Council"


def test_to_pandas_columns_match_the_contract(kg: KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    from kgraph.records import FIELDS

    events, actors = kg.to_pandas()
    assert list(events.columns) == list(FIELDS)
    assert len(events) == len(kg.records())
    assert {"id", "label", "type", "country", "aliases", "mentions"} <= set(actors.columns)
    assert set(actors["id"]) == set(ACTORS)
    assert actors.set_index("id").loc["actor:kim-jong-un", "events"] == 4


def test_sparql_binds_values(kg: KnowledgeGraph) -> None:
    result = kg.sparql("SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label }", a="actor:kim-jong-un")
    assert result.records() == [{"label": "Kim Jong Un"}]
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    assert kg.sparql("SELECT ?a WHERE { ?a rdfs:label ?label }", label=hostile).rows == []
    assert kg.sparql("ASK { ?a skos:altLabel ?alias }", alias="DPRK").boolean is True


def test_sparql_store_follows_graph_changes(kg: KnowledgeGraph) -> None:
    query = "SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label }"
    assert kg.sparql(query, a="actor:iran").rows == []
    kg.graph.add_node("actor:iran", kind="actor", label="Iran")
    assert kg.sparql(query, a="actor:iran").rows == [("Iran",)]


def test_repr_and_contains(kg: KnowledgeGraph) -> None:
    assert repr(kg) == f"<KnowledgeGraph {len(ACTORS)} actors, {len(EVENTS)} events>"
    assert "Kim" in kg and "event:meet" in kg and "Nobody" not in kg
