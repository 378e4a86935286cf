"""Rules for CAMEO-style coding of news snippets, on hand-built parses: contribution and attempt verbs,
headline passives, meetings as occasions and their places, statement hearers and the press, headline
topics, missile launches, joint signing."""

from __future__ import annotations

from extract_docs import build, events_of, triples


def test_helping_with_a_verb_complement_is_not_aid(make_doc):
    # "The US team helped invade Ukraine.": the event is the invading, nobody is aided.
    rows = [
        ("The", 2, "det", "DET"),
        ("US", 2, "compound", "PROPN"),
        ("team", 3, "nsubj", "NOUN"),
        ("helped", 3, "ROOT", "VERB", "help"),
        ("invade", 3, "xcomp", "VERB", "invade", "VB"),
        ("Ukraine", 4, "dobj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(1, 2, "GPE"), (5, 6, "GPE")]))
    assert {e.type for e in events} == {"ASSAULT"}


def test_helping_someone_is_aid(make_doc):
    # "Australia helped Vanuatu rebuild."
    rows = [
        ("Australia", 1, "nsubj", "PROPN"),
        ("helped", 1, "ROOT", "VERB", "help"),
        ("Vanuatu", 1, "dobj", "PROPN"),
        ("rebuild", 1, "xcomp", "VERB", "rebuild", "VB"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE")]))
    assert ("Australia", "AID", "Vanuatu") in triples(events)


def test_a_headline_passive_without_was_has_its_subject_acted_upon(make_doc):
    # "Argentina downgraded by Fitch."
    rows = [
        ("Argentina", 1, "nsubj", "PROPN"),
        ("downgraded", 1, "ROOT", "VERB", "downgrade", "VBN"),
        ("by", 1, "prep", "ADP"),
        ("Fitch", 2, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (3, 4, "ORG")]))
    assert triples(events) == {("Fitch", "SANCTION", "Argentina")}


def test_a_headline_passive_without_agent_has_no_actor(make_doc):
    # "Police officers killed." vs "Police officers killed three gunmen."
    rows = [
        ("Police", 1, "compound", "NOUN", "police"),
        ("officers", 2, "nsubj", "NOUN", "officer"),
        ("killed", 2, "ROOT", "VERB", "kill", "VBD"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows))) == {("", "ASSAULT", "Police officers")}
    rows = [
        *rows[:3],
        ("three", 4, "nummod", "NUM"),
        ("gunmen", 2, "dobj", "NOUN", "gunman"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows))) == {("Police officers", "ASSAULT", "three gunmen")}


def test_a_meeting_that_is_the_occasion_of_a_clause_is_held_by_its_subject(make_doc):
    # "During a meeting with Zelensky, Macron accused Russia."
    rows = [
        ("During", 7, "prep", "ADP"),
        ("a", 2, "det", "DET"),
        ("meeting", 0, "pobj", "NOUN"),
        ("with", 2, "prep", "ADP"),
        ("Zelensky", 3, "pobj", "PROPN"),
        (",", 7, "punct", "PUNCT"),
        ("Macron", 7, "nsubj", "PROPN"),
        ("accused", 7, "ROOT", "VERB", "accuse"),
        ("Russia", 7, "dobj", "PROPN"),
        (".", 7, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(4, 5, "PERSON"), (6, 7, "PERSON"), (8, 9, "GPE")]))
    assert {("Macron", "CONSULT", "Zelensky"), ("Macron", "ACCUSE", "Russia")} <= triples(events)


def test_telling_the_press_is_a_statement_about_its_content(make_doc):
    # "Peskov told reporters that Russia attacked Kyiv."
    rows = [
        ("Peskov", 1, "nsubj", "PROPN"),
        ("told", 1, "ROOT", "VERB", "tell"),
        ("reporters", 1, "dobj", "NOUN", "reporter", "NNS"),
        ("that", 5, "mark", "SCONJ"),
        ("Russia", 5, "nsubj", "PROPN"),
        ("attacked", 1, "ccomp", "VERB", "attack"),
        ("Kyiv", 5, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 7, "GPE")]))
    said = [e for e in events if e.type == "STATEMENT"]
    assert [sorted(p.mention.text for p in e.recipient) for e in said] == [["Kyiv", "Russia"]]


def test_a_name_before_a_headline_colon_named_again_after_it_is_the_topic(make_doc):
    # "Najafi: Police clash with mourners of Najafi." (a topic)
    # "Najafi: Police clash with mourners." (a speaker)
    rows = [
        ("Najafi", 3, "npadvmod", "PROPN"),
        (":", 3, "punct", "PUNCT"),
        ("Police", 3, "nsubj", "NOUN", "police"),
        ("clash", 3, "ROOT", "VERB"),
        ("with", 3, "prep", "ADP"),
        ("mourners", 4, "pobj", "NOUN", "mourner", "NNS"),
    ]
    topic = [*rows, ("of", 5, "prep", "ADP"), ("Najafi", 6, "pobj", "PROPN"), (".", 3, "punct", "PUNCT")]
    events = events_of(build(make_doc, topic, [(0, 1, "PERSON"), (7, 8, "PERSON")]))
    assert not [e for e in events if e.type == "STATEMENT"]
    events = events_of(build(make_doc, [*rows, (".", 3, "punct", "PUNCT")], [(0, 1, "PERSON")]))
    assert [p.mention.text for e in events if e.type == "STATEMENT" for p in e.actor] == ["Najafi"]


def test_a_headline_label_before_a_colon_is_no_speaker(make_doc):
    # "Confirmed: Submarine belonged to Nazis."
    rows = [
        ("Confirmed", 3, "npadvmod", "PROPN"),
        (":", 3, "punct", "PUNCT"),
        ("Submarine", 3, "nsubj", "PROPN"),
        ("belonged", 3, "ROOT", "VERB", "belong"),
        ("to", 3, "prep", "ADP"),
        ("Nazis", 4, "pobj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(5, 6, "NORP")]))
    assert not [e for e in events if e.type == "STATEMENT"]


def test_a_meeting_with_no_partner_named_is_hosted_where_it_takes_place(make_doc):
    # "The G20 summit opened in Bali."
    rows = [
        ("The", 2, "det", "DET"),
        ("G20", 2, "compound", "PROPN"),
        ("summit", 3, "nsubj", "NOUN"),
        ("opened", 3, "ROOT", "VERB", "open"),
        ("in", 3, "prep", "ADP"),
        ("Bali", 4, "pobj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(1, 2, "ORG"), (5, 6, "GPE")]))
    assert ("G20", "CONSULT", "Bali") in triples(events)


def test_missiles_launched_at_someone_are_an_attack_and_at_no_one_a_show_of_force(make_doc):
    # "Russia launched missiles at Ukraine." / "North Korea fired missiles toward the sea."
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("launched", 1, "ROOT", "VERB", "launch"),
        ("missiles", 1, "dobj", "NOUN", "missile", "NNS"),
        ("at", 1, "prep", "ADP"),
        ("Ukraine", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")]))
    assert triples(events) == {("Russia", "ASSAULT", "Ukraine")}
    rows = [
        ("North", 1, "compound", "PROPN"),
        ("Korea", 2, "nsubj", "PROPN"),
        ("fired", 2, "ROOT", "VERB", "fire"),
        ("missiles", 2, "dobj", "NOUN", "missile", "NNS"),
        ("toward", 2, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("sea", 4, "pobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert {e.type for e in events_of(build(make_doc, rows, [(0, 2, "GPE")]))} == {"MOBILIZE"}


def test_seeking_to_do_something_is_an_attempt_not_a_request(make_doc):
    # "Egypt seeks to boost production." / "Egypt seeks aid from China."
    rows = [
        ("Egypt", 1, "nsubj", "PROPN"),
        ("seeks", 1, "ROOT", "VERB", "seek", "VBZ"),
        ("to", 3, "aux", "PART"),
        ("boost", 1, "xcomp", "VERB", "boost", "VB"),
        ("production", 3, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert "REQUEST" not in {e.type for e in events_of(build(make_doc, rows, [(0, 1, "GPE")]))}
    rows = [
        ("Egypt", 1, "nsubj", "PROPN"),
        ("seeks", 1, "ROOT", "VERB", "seek", "VBZ"),
        ("aid", 1, "dobj", "NOUN"),
        ("from", 1, "prep", "ADP"),
        ("China", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")]))
    assert ("Egypt", "REQUEST", "China") in triples(events)


def test_signing_a_deal_together_is_signing_with_each_other(make_doc):
    # "Israel and Lebanon signed a deal." / "Israel signed a deal."
    rows = [
        ("Israel", 3, "nsubj", "PROPN"),
        ("and", 0, "cc", "CCONJ"),
        ("Lebanon", 0, "conj", "PROPN"),
        ("signed", 3, "ROOT", "VERB", "sign"),
        ("a", 5, "det", "DET"),
        ("deal", 3, "dobj", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE")]))
    assert triples(events) == {("Israel", "SUPPORT", "Lebanon")}
    rows = [
        ("Israel", 1, "nsubj", "PROPN"),
        ("signed", 1, "ROOT", "VERB", "sign"),
        ("a", 3, "det", "DET"),
        ("deal", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows, [(0, 1, "GPE")]))) == {("Israel", "SUPPORT", "a deal")}


def test_a_statement_told_to_someone_targets_the_hearer_and_what_it_is_about(make_doc):
    # "Vucic told Stoltenberg that Pristina violated the agreement."
    rows = [
        ("Vucic", 1, "nsubj", "PROPN"),
        ("told", 1, "ROOT", "VERB", "tell"),
        ("Stoltenberg", 1, "dobj", "PROPN"),
        ("that", 5, "mark", "SCONJ"),
        ("Pristina", 5, "nsubj", "PROPN"),
        ("violated", 1, "ccomp", "VERB", "violate"),
        ("the", 7, "det", "DET"),
        ("agreement", 5, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")]))
    said = [e for e in events if e.type == "STATEMENT"]
    assert [sorted(p.mention.text for p in e.recipient) for e in said] == [["Pristina", "Stoltenberg"]]


def test_where_a_statement_was_made_is_not_its_target(make_doc):
    # "Zaluzhnyi said on Telegram that Russia attacked Kyiv."
    rows = [
        ("Zaluzhnyi", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("on", 1, "prep", "ADP"),
        ("Telegram", 2, "pobj", "PROPN"),
        ("that", 6, "mark", "SCONJ"),
        ("Russia", 6, "nsubj", "PROPN"),
        ("attacked", 1, "ccomp", "VERB", "attack"),
        ("Kyiv", 6, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    ents = [(0, 1, "PERSON"), (3, 4, "ORG"), (5, 6, "GPE"), (7, 8, "GPE")]
    said = [e for e in events_of(build(make_doc, rows, ents)) if e.type == "STATEMENT"]
    assert [sorted(p.mention.text for p in e.recipient) for e in said] == [["Kyiv", "Russia"]]
