"""Items from hand-built Docs: titles, nationality, apposition, acronyms, event complements; resolve()."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.config import Settings
from kgraph.link import resolve
from kgraph.link.items import read_items
from kgraph.link.tables import load_tables
from kgraph.model import Document, Event, Evidence, Mention, Participant


@pytest.fixture()
def kim_doc(make_doc):  # type: ignore[no-untyped-def]
    """ "North Korean leader Kim Jong Un spoke . Kim left ." """
    words = ["North", "Korean", "leader", "Kim", "Jong", "Un", "spoke", ".", "Kim", "left", "."]
    heads = [1, 2, 5, 5, 5, 6, 6, 6, 9, 9, 9]
    deps = [
        "compound",
        "amod",
        "compound",
        "compound",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    pos = ["PROPN", "ADJ", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    return make_doc(words, heads, deps, pos, ents=[(0, 2, "NORP"), (3, 6, "PERSON"), (8, 9, "PERSON")])


def test_premodifying_title_and_demonym_bind_to_the_name(kim_doc) -> None:  # type: ignore[no-untyped-def]
    items, _ = read_items(kim_doc, "d", [], load_tables())
    kim = next(i for i in items if i.mention.text == "Kim Jong Un")
    norp = next(i for i in items if i.mention.text == "North Korean")
    assert kim.titles == ("leader",) and kim.nationality == "PRK" and kim.descriptor == "north korean leader"
    assert kim.subject and norp.modifier


def test_resolve_groups_mentions_into_actors_and_logs_why(kim_doc) -> None:  # type: ignore[no-untyped-def]
    document = Document("d", kim_doc.text, date="2016-03-01")
    result = resolve(kim_doc, document, [], tables=load_tables())
    [kim] = result.actors
    assert (kim.id, kim.label, kim.type, kim.country) == ("actor:kim-jong-un", "Kim Jong Un", "PERSON", "PRK")
    assert [m.text for m in kim.mentions] == ["Kim Jong Un", "Kim"] and kim.aliases == ("Kim", "Kim Jong Un")
    assert result.merges[0]["rule"] == "surname" and result.merges[0]["actor"] == "actor:kim-jong-un"


def test_resolve_attaches_dictionary_codes_valid_on_the_article_date(kim_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.actors.txt"
    path.write_text(
        "KIM_JONG_UN_\n+KIM_JONG-UN_\n\t[PRKELI >111217]\n\t[PRKMIL 100928-111216]\n", encoding="utf-8"
    )
    tables = load_tables(Settings(actor_dictionaries=(path,)))
    new = resolve(kim_doc, Document("d", kim_doc.text, date="2016-03-01"), [], tables=tables)
    old = resolve(kim_doc, Document("d", kim_doc.text, date="2011-01-01"), [], tables=tables)
    assert new.actors[0].codes == ("PRKELI", "PRKGOV")  # PRKGOV: "leader" (a head title) of a North Korean
    assert old.actors[0].codes == ("PRKGOV", "PRKMIL")


def test_every_participant_gets_an_actor_id(kim_doc) -> None:  # type: ignore[no-untyped-def]
    trigger = Mention("d", 32, 37, "spoke", "VERB", 0)
    kim = Participant(Mention("d", 20, 31, "Kim Jong Un", "PERSON", 0))
    other = Participant(Mention("d", 38, 39, ".", "NOUN", 0))
    event = Event("event:1", "speak", None, None, (kim,), (other,), Evidence("d", 0, "...", 0, 39, trigger))
    result = resolve(kim_doc, Document("d", kim_doc.text), [event], tables=load_tables())
    [linked] = result.events
    ids = {a.id for a in result.actors}
    assert linked.actor[0].actor == "actor:kim-jong-un" and linked.recipient[0].actor in ids


def test_appositive_noun_is_bound_to_its_name(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["Cho", "Min", ",", "a", "former", "vice", "president", ",", "said", "."]
    heads = [1, 8, 1, 6, 6, 6, 1, 1, 8, 8]
    deps = ["compound", "nsubj", "punct", "det", "amod", "compound", "appos", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT"]
    doc = make_doc(words, heads, deps, pos, ents=[(0, 2, "PERSON")])
    items, _ = read_items(doc, "d", [], load_tables())
    vp = next(i for i in items if i.kind == "NOUN")
    assert vp.mention.text == "a former vice president" and vp.bound == (0, 7) and not vp.definite
    result = resolve(doc, Document("d", doc.text), [], tables=load_tables())
    assert [a.label for a in result.actors] == ["Cho Min"]
    assert result.merges[0]["rule"] == "apposition"


def test_acronym_in_parentheses_and_the_actor_inside_an_event_name(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["Party", "Congress", "of", "the", "Workers", "Party", "of", "Korea", "(", "WPK", ")", "met", "."]
    heads = [1, 11, 1, 5, 5, 2, 5, 6, 5, 5, 5, 11, 11]
    deps = [
        "compound",
        "nsubj",
        "prep",
        "det",
        "compound",
        "pobj",
        "prep",
        "pobj",
        "punct",
        "appos",
        "punct",
        "ROOT",
        "punct",
    ]
    pos = [
        "PROPN",
        "PROPN",
        "ADP",
        "DET",
        "PROPN",
        "PROPN",
        "ADP",
        "PROPN",
        "PUNCT",
        "PROPN",
        "PUNCT",
        "VERB",
        "PUNCT",
    ]
    doc = make_doc(words, heads, deps, pos, ents=[(0, 8, "ORG"), (9, 10, "ORG")])
    items, _ = read_items(doc, "d", [], load_tables())
    names = {i.mention.text: i for i in items if i.kind == "NAME"}
    assert set(names) == {"Workers Party of Korea", "WPK"}
    assert names["WPK"].acronym_of == names["Workers Party of Korea"].span
    result = resolve(doc, Document("d", doc.text), [], tables=load_tables())
    assert [(a.label, a.country) for a in result.actors] == [("Workers' Party of Korea", "PRK")]


def test_a_party_or_role_word_before_a_person_is_not_part_of_the_name(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["Tory", "Liam", "Fox", "and", "Lawyer", "Louise", "Christian", "spoke", "."]
    heads = [2, 2, 7, 2, 6, 6, 2, 7, 7]
    deps = ["compound", "compound", "nsubj", "cc", "compound", "compound", "conj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = make_doc(words, heads, deps, pos, ents=[(0, 3, "PERSON"), (4, 7, "PERSON")])
    result = resolve(doc, Document("d", doc.text), [], tables=load_tables())
    assert [a.id for a in result.actors] == ["actor:liam-fox", "actor:louise-christian"]


def test_a_typed_event_does_nothing_to_its_own_actor_but_a_statement_may_be_about_it(kim_doc) -> None:  # type: ignore[no-untyped-def]
    """Event coders drop events whose source and target are one actor: "Kim ... Kim left" as an AID by Kim to Kim
    keeps no recipient; a STATEMENT by Kim about Kim keeps its topic."""
    trigger = Mention("d", 32, 37, "spoke", "VERB", 0)
    kim = Participant(Mention("d", 20, 31, "Kim Jong Un", "PERSON", 0))
    again = Participant(Mention("d", 40, 43, "Kim", "PERSON", 1))
    evidence = Evidence("d", 0, "...", 0, 39, trigger)
    aid = Event("event:1", "help", "AID", "07", (kim,), (again,), evidence)
    said = Event("event:2", "say", "STATEMENT", "01", (kim,), (again,), evidence)
    result = resolve(kim_doc, Document("d", kim_doc.text), [aid, said], tables=load_tables())
    linked = {e.type: e for e in result.events}
    assert linked["AID"].actor[0].actor == "actor:kim-jong-un" and linked["AID"].recipient == ()
    assert [p.actor for p in linked["STATEMENT"].recipient] == ["actor:kim-jong-un"]
