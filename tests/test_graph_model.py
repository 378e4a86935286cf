"""The KnowledgeGraph API on real builds: the seed article, examples/ and a two-article corroboration case.

Extraction and linking keep improving, so these check properties (an alias and its full name
give one actor, filters keep exactly the events that pass them) rather than exact counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from conftest import EXAMPLES
from kgraph.config import DEFAULT_BASE_IRI
from kgraph.ids import to_iri
from kgraph.model import Document
from kgraph.records import FIELDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> kgraph.KnowledgeGraph:
    return kgraph.build([shared_dir / "corpora" / "seed_article.txt"])


@pytest.fixture(scope="module")
def examples() -> kgraph.KnowledgeGraph:
    return kgraph.build([EXAMPLES / "articles.jsonl"])


@pytest.fixture(scope="module")
def two_reports() -> kgraph.KnowledgeGraph:
    docs = [
        Document(id="wire-a", text="The United States imposed sanctions on Russia.", date="2024-03-04"),
        Document(id="wire-b", text="The United States imposed new sanctions on Russia, officials said.", date="2024-03-05"),
    ]
    return kgraph.build(docs)


# -- the seed article ------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_kim_and_kim_jong_un_are_the_same_actor(seed: kgraph.KnowledgeGraph) -> None:
    assert seed.actor("Kim") == seed.actor("Kim Jong Un")
    assert seed.actor("Kim").type == "PERSON"


@pytest.mark.shared
def test_seed_kim_jong_il_is_not_kim_jong_un(seed: kgraph.KnowledgeGraph) -> None:
    assert seed.actor("Kim Jong Il").id != seed.actor("Kim").id


@pytest.mark.shared
def test_seed_actor_filters_keep_only_matches(seed: kgraph.KnowledgeGraph) -> None:
    people = seed.actors(type="PERSON")
    assert people and all(a.type == "PERSON" for a in people)
    assert seed.actor("Kim") in people
    prk = seed.actors(country="PRK")
    assert prk and all(a.country == "PRK" for a in prk)
    assert seed.actor("Kim") in seed.actors(name="Kim")


@pytest.mark.shared
def test_seed_events_by_actor_are_that_actors(seed: kgraph.KnowledgeGraph) -> None:
    kim = seed.actor("Kim")
    events = seed.events(actor="Kim")
    assert events and all(kim.id in e.actors for e in events)
    assert events == seed.events(actor="Kim Jong Un") == seed.events(actor=kim.id)
    assert {e.id for e in events} <= {e.id for e in seed.timeline("Kim")}


@pytest.mark.shared
def test_seed_type_and_mood_filters(seed: kgraph.KnowledgeGraph) -> None:
    typed = [e for e in seed.events() if e.type]
    kind = typed[0].type
    assert seed.events(type=kind) == [e for e in seed.events() if e.type == kind]
    moods = {e.mood for e in seed.events()}
    for mood in moods:
        assert all(e.mood == mood for e in seed.events(mood=mood))


@pytest.mark.shared
def test_seed_since_until_keep_dated_events_in_range(seed: kgraph.KnowledgeGraph) -> None:
    dated = {e.id for e in seed.events() if e.date}
    assert {e.id for e in seed.events(since="1900", until="2100")} == dated  # undated events never match
    assert seed.events(until="1900") == [] and seed.events(since="2100") == []
    for e in seed.events(since="2016-03", until="2016-03"):
        assert e.date and (e.date.startswith("2016-03") or e.date == "2016")


@pytest.mark.shared
def test_seed_between_path_and_neighbourhood_agree(seed: kgraph.KnowledgeGraph) -> None:
    kim = seed.actor("Kim")
    (other, shared), *_ = seed.neighbours("Kim")
    between = seed.between("Kim", other.id)
    assert len(between) == shared
    assert all({kim.id, other.id} <= {*e.actors, *e.recipients, e.attributed_to} for e in between)
    assert len(seed.path("Kim", other.id)) == 3
    sub = seed.neighbourhood("Kim")
    assert other.id in sub and kim.id in sub
    assert {e.id for e in sub.events()} == {e.id for e in seed.timeline("Kim")}


@pytest.mark.shared
def test_seed_rank_puts_kim_near_the_top(seed: kgraph.KnowledgeGraph) -> None:
    for by in ("degree", "events", "pagerank"):
        top = [a.id for a, _ in seed.rank(by, top=5)]  # type: ignore[arg-type]
        assert seed.actor("Kim").id in top, by


@pytest.mark.shared
def test_seed_to_pandas_matches_the_contract(seed: kgraph.KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    events, actors = seed.to_pandas()
    assert list(events.columns) == list(FIELDS)
    assert len(events) == seed.report["events"]
    assert set(events["doc"]) == {"seed_article"}
    assert set(actors["id"]) == {a.id for a in seed.actors()}
    assert "Kim" in actors.set_index("id").loc[seed.actor("Kim").id, "aliases"]


@pytest.mark.shared
def test_seed_sparql_finds_kims_label(seed: kgraph.KnowledgeGraph) -> None:
    rows = seed.sparql("SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label }", a=seed.actor("Kim").id).rows
    assert rows == [("Kim Jong Un",)]
    timeline = seed.sparql("actor-timeline", actor=seed.actor("Kim").id)  # a shipped, named query
    iris = {row["event"] for row in timeline.records()}
    assert iris >= {to_iri(e.id, DEFAULT_BASE_IRI) for e in seed.events(actor="Kim")} and iris


# -- examples/ -------------------------------------------------------------------------------


def test_examples_sanction_by_united_states(examples: kgraph.KnowledgeGraph) -> None:
    us = examples.actor("United States")
    sanctions = examples.events(actor="United States", type="SANCTION")
    assert sanctions and all(us.id in e.actors and e.type == "SANCTION" for e in sanctions)


def _dated(kg: kgraph.KnowledgeGraph) -> kgraph.KnowledgeGraph:
    """A copy whose undated events take their first article's date (so the filter has dates to test)."""
    copy = kgraph.KnowledgeGraph(kg.graph.copy())
    for node, data in copy.event_nodes():
        data["date"] = data.get("date") or kg.documents[data["sources"][0]]["date"]
    return copy


def test_examples_since_until(examples: kgraph.KnowledgeGraph) -> None:
    kg = _dated(examples)
    dates = sorted({e.date for e in kg.events()})  # type: ignore[type-var]
    assert len(dates) >= 3
    middle = dates[len(dates) // 2]
    later, earlier = kg.events(since=middle), kg.events(until=middle)
    assert {e.date for e in later} == {d for d in dates if d >= middle}
    assert {e.date for e in earlier} == {d for d in dates if d <= middle}
    assert {e.id for e in kg.events(since=middle, until=middle)} == {e.id for e in kg.events() if e.date == middle}
    assert kg.events(since=dates[-1][:7], until=dates[-1][:7])  # a month: the partial date is a span
    busiest = kg.rank("events")[0][0].id
    assert [e.date for e in kg.timeline(busiest)] == sorted(e.date for e in kg.timeline(busiest))  # type: ignore[type-var]


def test_examples_every_actor_is_found_by_each_alias(examples: kgraph.KnowledgeGraph) -> None:
    for actor in examples.actors():
        for alias in actor.aliases:
            found = examples.actor(alias)
            assert found.id == actor.id or alias in found.aliases or found.label == alias


# -- corroboration -----------------------------------------------------------------------------


def test_two_reports_of_one_event_give_min_sources_2(two_reports: kgraph.KnowledgeGraph) -> None:
    [event] = two_reports.events(min_sources=2)
    assert event.type == "SANCTION" and set(event.sources) == {"wire-a", "wire-b"}
    assert event.actors == (two_reports.actor("United States").id,)
    assert all(e.corroboration == 1 for e in two_reports.events() if e.id != event.id)
    assert two_reports.events(min_sources=3) == []


def test_examples_structure_methods(examples: kgraph.KnowledgeGraph) -> None:
    (top, _), *_ = examples.rank("degree")
    (other, shared), *_ = examples.neighbours(top.id)
    assert len(examples.between(top.id, other.id)) == shared
    assert examples.path(top.id, other.id)[::2] == [top.id, other.id]
    sub = examples.neighbourhood(top.id, hops=2)
    assert top.id in sub and other.id in sub and len(sub.actors()) <= len(examples.actors())
    assert examples.to_networkx().number_of_nodes() == len(examples.actors()) + len(examples.events())
    for by in ("degree", "events", "pagerank"):
        assert len(examples.rank(by)) == len(examples.actors())  # type: ignore[arg-type]


def test_examples_pandas_and_sparql(examples: kgraph.KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    events, actors = examples.to_pandas()
    assert list(events.columns) == list(FIELDS) and len(events) == len(examples.records())
    assert set(actors["id"]) == {a.id for a in examples.actors()}
    us = examples.actor("United States").id
    labels = examples.sparql("SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label }", a=us).rows
    assert labels == [(examples.actor(us).label,)]
