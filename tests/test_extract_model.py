"""End-to-end extraction with the trained model on the issue's sentences (model tier)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract, load_lexicon
from kgraph.model import Document

pytestmark = pytest.mark.model


def _events(nlp, text: str, date: str | None = None):
    return extract(nlp(text), Document(id="m", text=text, date=date), lexicon=load_lexicon())


def test_sanctions_passed_by_the_security_council(nlp):
    events = _events(nlp, "The UN Security Council passed sanctions on North Korea's mineral exports.")
    (sanction,) = [e for e in events if e.type == "SANCTION"]
    assert "UN Security Council" in sanction.actor[0].mention.text
    assert [p.mention.text.removesuffix("'s") for p in sanction.recipient] == ["North Korea"]
    assert sanction.mood == "asserted"


def test_likely_test_is_hypothetical_and_attributed(nlp):
    text = "Cho said another nuclear test by North Korea is likely."
    events = _events(nlp, text)
    mobilize = [e for e in events if e.type == "MOBILIZE"]
    assert mobilize and all(e.mood == "hypothetical" for e in mobilize)
    assert all(e.attributed_to is not None and e.attributed_to.mention.text == "Cho" for e in mobilize)
    assert [p.mention.text for e in events if e.type == "STATEMENT" for p in e.actor] == ["Cho"]


def test_not_willing_to_back_down_is_no_concession(nlp):
    events = _events(nlp, "Kim doesn't look willing to back down on nuclear armament.")
    assert not [e for e in events if e.type in ("RETREAT", "CONCEDE") and e.mood == "asserted"]


def test_dated_event(nlp):
    events = _events(nlp, "North Korea launched a nuclear test in January.", date="2016-03-14")
    (test,) = [e for e in events if e.type == "MOBILIZE"]
    assert (test.date, test.date_text) == ("2016-01", "January")


def test_no_event_in_a_sports_sentence(nlp):
    events = _events(nlp, "The team won the final match on Sunday.")
    assert [e for e in events if e.type and e.type != "STATEMENT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed three people and destroyed dozens of homes.",
        "Apple released a new iPhone with a faster chip.",
        "Scientists discovered a new species of frog in Peru.",
        "The chef cut the onions and fried them in butter.",
    ],
)
def test_no_political_event(nlp, text):
    assert [e.type for e in _events(nlp, text) if e.type and e.type != "STATEMENT"] == []
