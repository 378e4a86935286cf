"""Linking real texts parsed by the trained model: the hostile cases of issue #4."""

from __future__ import annotations

from typing import Any

import pytest

from kgraph.link import link, resolve
from kgraph.link.tables import load_tables
from kgraph.model import DocResult, Document, Event, Evidence, Mention, Participant

pytestmark = pytest.mark.model


def _event(doc_id: str, text: str, actor: str, recipient: str | None = None, *, nth: int = 0) -> Event:
    """A hand-made event whose actor (and recipient) are the ``nth`` occurrences of these strings."""

    def mention(s: str) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(s, start + 1)
        return Mention(doc_id, start, start + len(s), s, "NOUN")

    a = mention(actor)
    trigger = Mention(doc_id, a.end, a.end + 1, text[a.end], "VERB")
    recipients = (Participant(mention(recipient)),) if recipient else ()
    return Event(
        f"event:{a.start}",
        "act",
        "SANCTION",
        "16",
        (Participant(a),),
        recipients,
        Evidence(doc_id, 0, text, 0, len(text), trigger),
    )


def _resolve(nlp: Any, text: str, events: list[Event] | None = None, doc_id: str = "t") -> DocResult:
    return resolve(nlp(text), Document(doc_id, text), events or [], tables=load_tables())


def _owner(result: DocResult, text: str, nth: int = 0) -> str | None:
    found = [(m.start, a.id) for a in result.actors for m in a.mentions if m.text == text]
    return sorted(found)[nth][1] if len(found) > nth else None


def test_brothers_sharing_a_surname_are_never_merged(nlp: Any) -> None:
    text = (
        "Ed Miliband defeated his brother David Miliband in the leadership contest. "
        "David Miliband said he would stay in Parliament. Mr Miliband thanked the party."
    )
    r = _resolve(nlp, text)
    ed, david = _owner(r, "Ed Miliband"), _owner(r, "David Miliband")
    assert ed and david and ed != david
    assert _owner(r, "Mr Miliband") not in (ed, None) or _owner(r, "Mr Miliband") is None


def test_father_and_son_stay_apart_and_a_bare_kim_follows_the_salient_one(nlp: Any) -> None:
    text = (
        "North Korean leader Kim Jong Un is pushing his policy. Kim visited a factory on Monday. "
        "The policy follows his father Kim Jong Il's military first doctrine. "
        "Since Kim's rise in 2011, the country has held three nuclear tests."
    )
    r = _resolve(nlp, text)
    un, il = _owner(r, "Kim Jong Un"), _owner(r, "Kim Jong Il's")
    assert un == "actor:kim-jong-un" and il == "actor:kim-jong-il"
    assert (
        _owner(r, "Kim") == un and _owner(r, "Kim", 1) == un
    )  # the second is "Kim's rise", after Kim Jong Il


def test_a_party_and_the_government_are_different_actors(nlp: Any) -> None:
    text = "The Labour Party attacked the government over tax. Labour said the government had failed."
    events = [
        _event("t", text, "The Labour Party", "the government"),
        _event("t", text, "Labour", "the government", nth=1),
    ]
    r = _resolve(nlp, text, events)
    ids = {p.actor for e in r.events for p in (*e.actor, *e.recipient)}
    party = _owner(r, "The Labour Party")
    assert party == "actor:labour-party" and _owner(r, "Labour") == party
    assert len(ids) >= 2 and all(i == party or i.startswith("actor:government--") for i in ids)


def test_the_un_and_the_security_council_stay_apart_but_un_variants_join(nlp: Any) -> None:
    text = (
        "The United Nations (U.N.) condemned the test. "
        "The UN Security Council passed sanctions on North Korea. "
        "The U.N. said more would follow."
    )
    r = _resolve(nlp, text)
    un, council = _owner(r, "The United Nations"), _owner(r, "The UN Security Council")
    assert un == "actor:united-nations" and council == "actor:un-security-council"
    assert _owner(r, "U.N.") == un and _owner(r, "U.N.", 1) == un


def test_a_capital_that_acts_is_its_state(nlp: Any) -> None:
    text = "Pyongyang rejected the resolution. Washington imposed new sanctions on Pyongyang."
    events = [_event("t", text, "Pyongyang"), _event("t", text, "Washington", "Pyongyang", nth=0)]
    r = _resolve(nlp, text, events)
    assert r.events[0].actor[0].actor == "actor:north-korea"
    assert r.events[1].actor[0].actor == "actor:united-states"


def test_pronouns_follow_gender(nlp: Any) -> None:
    text = "Tony Blair met Angela Merkel in London. She said the talks went well, and he agreed."
    r = _resolve(nlp, text)
    assert _owner(r, "She") == _owner(r, "Angela Merkel") == "actor:angela-merkel"
    assert _owner(r, "he") == _owner(r, "Tony Blair") == "actor:tony-blair"


def test_the_same_person_in_two_articles_is_one_node_and_a_surname_only_article_joins_him(nlp: Any) -> None:
    a = _resolve(nlp, "Tony Blair met the Irish prime minister. Mr Blair said talks went well.", doc_id="a")
    b = _resolve(nlp, "Mr Blair denied the claims on Sunday.", doc_id="b")
    kg = link([a, b])
    blair = kg.graph.nodes["actor:tony-blair"]
    assert {m["doc"] for m in blair["mentions"]} == {"a", "b"}
    assert any(m["rule"] == "surname-unique-in-corpus" for m in kg.graph.graph["merges"])


def test_a_surname_the_ner_model_did_not_tag_still_joins_its_full_name(nlp: Any) -> None:
    text = (
        "Treasury Secretary Janet Yellen said the measures would cut the banks off from the dollar system. "
        "Yellen warned that Washington could target more lenders next month."
    )
    doc = nlp(text)
    second = [t for t in doc if t.text == "Yellen"][-1]
    assert second.pos_ == "PROPN"  # the case this rule is for: a bare name, often without an entity
    r = _resolve(nlp, text, [_event("t", text, "Yellen", nth=1)])
    assert _owner(r, "Yellen", nth=0) == _owner(r, "Janet Yellen") is not None


def test_a_common_noun_participant_never_becomes_a_name(nlp: Any) -> None:
    text = "Janet Yellen spoke. The banks said they would comply."
    r = _resolve(nlp, text, [_event("t", text, "The banks")])
    assert _owner(r, "The banks") != _owner(r, "Janet Yellen")
