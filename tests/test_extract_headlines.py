"""Headline and statement rules on hand-built parses: inverted "says X", topic colons, credit lines,
statement topics and noun-phrase objects."""

from __future__ import annotations

from extract_docs import build, events_of, one, triples


def test_inverted_says_speaker_is_after_the_verb(make_doc):
    # "Russian tactics 'crazy', says Zelensky." parsed with the tactics as a second subject
    rows = [
        ("Russian", 1, "amod", "ADJ", "russian"),
        ("tactics", 4, "nsubj", "NOUN", "tactic"),
        ("crazy", 1, "amod", "ADJ"),
        (",", 4, "punct", "PUNCT"),
        ("says", 4, "ROOT", "VERB", "say", "VBZ"),
        ("Zelensky", 4, "nsubj", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "NORP"), (5, 6, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Zelensky"]
    assert [p.mention.text for p in statement.recipient] == ["Russian"]


def test_place_before_a_headline_colon_is_a_topic_not_a_speaker(make_doc):
    rows = [
        ("Peru", 3, "dep", "PROPN"),
        (":", 0, "punct", "PUNCT"),
        ("Police", 3, "nsubj", "NOUN", "police"),
        ("clash", 3, "ROOT", "VERB", "clash", "VBP"),
        ("with", 3, "prep", "ADP"),
        ("protesters", 4, "pobj", "NOUN", "protester"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE")]))
    assert not [e for e in events if e.type == "STATEMENT"]


def test_name_before_a_colon_still_speaks(make_doc):
    rows = [
        ("PENCE", 2, "nsubj", "PROPN"),
        (":", 0, "punct", "PUNCT"),
        ("Well", 2, "ROOT", "INTJ", "well"),
        (".", 2, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["PENCE"]


def _credit_rows(dash: str) -> list[tuple]:
    # "Russia has no decision on Nord Stream repairs — Kremlin."
    return [
        ("Russia", 1, "nsubj", "PROPN"),
        ("has", 1, "ROOT", "VERB", "have", "VBZ"),
        ("no", 3, "det", "DET"),
        ("decision", 1, "dobj", "NOUN"),
        ("on", 3, "prep", "ADP"),
        ("Nord", 6, "compound", "PROPN"),
        ("Stream", 7, "compound", "PROPN"),
        ("repairs", 4, "pobj", "NOUN", "repair"),
        (dash, 1, "punct", "PUNCT"),
        ("Kremlin", 1, "npadvmod", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]


def test_headline_credited_after_a_dash(make_doc):
    doc = build(make_doc, _credit_rows("—"), [(0, 1, "GPE"), (5, 7, "ORG"), (9, 10, "ORG")])
    statement = one(events_of(doc), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Kremlin"]
    assert [p.mention.text for p in statement.recipient] == ["Russia"]  # the first topic only
    assert statement.rule == "credit"


def test_credit_line_is_a_headline_convention_only(make_doc):
    rows = [
        ("Talks", 1, "nsubj", "NOUN", "talk"),
        ("resumed", 1, "ROOT", "VERB", "resume"),
        (".", 1, "punct", "PUNCT"),
    ]
    rows += [(w, h + 3, d, *rest) for w, h, d, *rest in _credit_rows("—")]
    doc = build(make_doc, rows, [(3, 4, "GPE"), (8, 10, "ORG"), (12, 13, "ORG")])
    assert not [e for e in events_of(doc) if e.rule == "credit"]


def test_no_credit_when_the_tail_is_a_phrase(make_doc):
    # "Protests in Iran: The Regime's Trail of Blood." names no source
    rows = [
        ("Protests", 0, "ROOT", "NOUN", "protest"),
        ("in", 0, "prep", "ADP"),
        ("Iran", 1, "pobj", "PROPN"),
        (":", 0, "punct", "PUNCT"),
        ("The", 5, "det", "DET"),
        ("Trail", 0, "appos", "PROPN"),
        ("of", 5, "prep", "ADP"),
        ("Blood", 6, "pobj", "PROPN"),
        (".", 0, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(2, 3, "GPE")]))
    assert not [e for e in events if e.rule == "credit"]


def test_statement_without_actor_topic_is_about_its_noun_subject(make_doc):
    # "Pope says nuns watch films."
    rows = [
        ("Pope", 1, "nsubj", "PROPN"),
        ("says", 1, "ROOT", "VERB", "say", "VBZ"),
        ("nuns", 3, "nsubj", "NOUN", "nun"),
        ("watch", 1, "ccomp", "VERB", "watch", "VBP"),
        ("films", 3, "dobj", "NOUN", "film"),
        (".", 1, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.recipient] == ["nuns"]


def test_typed_verb_without_actor_object_takes_its_noun_phrase(make_doc):
    # "Germany banned recreational cannabis."
    rows = [
        ("Germany", 1, "nsubj", "PROPN"),
        ("banned", 1, "ROOT", "VERB", "ban"),
        ("recreational", 3, "amod", "ADJ"),
        ("cannabis", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE")]))
    event = next(e for e in events if e.type not in (None, "STATEMENT"))
    assert [p.mention.text for p in event.recipient] == ["recreational cannabis"]


def test_patient_verb_with_a_thing_object_is_still_no_event(make_doc):
    rows = [
        ("Apple", 1, "nsubj", "PROPN"),
        ("released", 1, "ROOT", "VERB", "release"),
        ("an", 3, "det", "DET"),
        ("iPhone", 1, "dobj", "NOUN", "iphone"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows, [(0, 1, "ORG")]))) == set()


def test_event_noun_with_actor_takes_its_object_phrase(make_doc):
    # "Russian attacks on the power grid continued."
    rows = [
        ("Russian", 1, "amod", "ADJ", "russian"),
        ("attacks", 6, "nsubj", "NOUN", "attack"),
        ("on", 1, "prep", "ADP"),
        ("the", 5, "det", "DET"),
        ("power", 5, "compound", "NOUN"),
        ("grid", 2, "pobj", "NOUN"),
        ("continued", 6, "ROOT", "VERB", "continue"),
        (".", 6, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "NORP")])
    assert ("Russian", "ASSAULT", "the power grid") in triples(events_of(doc))


def test_passive_event_takes_its_agent_from_the_event_it_happened_in(make_doc):
    # "Palestinians were killed in a shootout with Israeli forces."
    rows = [
        ("Palestinians", 2, "nsubjpass", "PROPN"),
        ("were", 2, "auxpass", "AUX", "be"),
        ("killed", 2, "ROOT", "VERB", "kill", "VBN"),
        ("in", 2, "prep", "ADP"),
        ("a", 5, "det", "DET"),
        ("shootout", 3, "pobj", "NOUN"),
        ("with", 5, "prep", "ADP"),
        ("Israeli", 8, "amod", "ADJ", "israeli"),
        ("forces", 6, "pobj", "NOUN", "force"),
        (".", 2, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "NORP"), (7, 8, "NORP")])
    assert ("Israeli forces", "ASSAULT", "Palestinians") in triples(events_of(doc))


def test_violent_event_without_actor_target_hits_the_place_near_it(make_doc):
    # "Israel shelled positions near Damascus."
    rows = [
        ("Israel", 1, "nsubj", "PROPN"),
        ("shelled", 1, "ROOT", "VERB", "shell"),
        ("positions", 1, "dobj", "NOUN", "position"),
        ("near", 1, "prep", "ADP"),
        ("Damascus", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert ("Israel", "ASSAULT", "Damascus") in triples(events_of(doc))


def test_name_before_a_colon_speaks_about_what_follows(make_doc):
    # "Pelosi: We are traumatised by the attack on Paul." → a statement about Paul
    rows = [
        ("Pelosi", 0, "ROOT", "PROPN"),
        (":", 0, "punct", "PUNCT"),
        ("We", 3, "nsubjpass", "PRON", "we", "PRP"),
        ("traumatised", 0, "appos", "VERB", "traumatise", "VBN"),
        ("by", 3, "agent", "ADP"),
        ("Paul", 4, "pobj", "PROPN"),
        (".", 0, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "PERSON"), (5, 6, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Pelosi"]
    assert [p.mention.text for p in statement.recipient] == ["Paul"]


def test_a_topic_named_twice_or_inside_another_is_one_topic(make_doc):
    # "Kim said IRGC officers met Argentina and Argentina."
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("IRGC", 3, "compound", "PROPN"),
        ("officers", 4, "nsubj", "NOUN", "officer"),
        ("met", 1, "ccomp", "VERB", "meet"),
        ("Argentina", 4, "dobj", "PROPN"),
        ("and", 5, "cc", "CCONJ"),
        ("Argentina", 5, "conj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    ents = [(0, 1, "PERSON"), (2, 3, "ORG"), (5, 6, "GPE"), (7, 8, "GPE")]
    statement = one(events_of(build(make_doc, rows, ents)), "STATEMENT")
    assert [p.mention.text for p in statement.recipient] == ["IRGC", "Argentina"]


def test_a_speaker_reported_again_on_the_same_topic_keeps_only_new_topics(make_doc):
    # "Kim said Russia attacked. Kim said Russia and Iran attacked."
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("Russia", 3, "nsubj", "PROPN"),
        ("attacked", 1, "ccomp", "VERB", "attack"),
        (".", 1, "punct", "PUNCT"),
        ("Kim", 6, "nsubj", "PROPN"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("Russia", 10, "nsubj", "PROPN"),
        ("and", 7, "cc", "CCONJ"),
        ("Iran", 7, "conj", "PROPN"),
        ("attacked", 6, "ccomp", "VERB", "attack"),
        (".", 6, "punct", "PUNCT"),
    ]
    ents = [(0, 1, "PERSON"), (2, 3, "GPE"), (5, 6, "PERSON"), (7, 8, "GPE"), (9, 10, "GPE")]
    statements = [e for e in events_of(build(make_doc, rows, ents)) if e.type == "STATEMENT"]
    assert [[p.mention.text for p in e.recipient] for e in statements] == [["Russia"], ["Iran"]]
    assert [e.actor[0].mention.start for e in statements] == [0, 27]  # both speakers kept


def test_statement_about_what_there_is(make_doc):
    # "Police said there was a suspect."
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("there", 3, "expl", "PRON", "there", "EX"),
        ("was", 1, "ccomp", "AUX", "be"),
        ("a", 5, "det", "DET"),
        ("suspect", 3, "attr", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows)), "STATEMENT")
    assert [p.mention.text for p in statement.recipient] == ["a suspect"]


def test_a_collective_head_is_no_recipient_of_the_event_it_counts(make_doc):
    # "The EU imposed a raft of sanctions." -> SANCTION by the EU, no "a raft" recipient
    rows = [
        ("The", 1, "det", "DET"),
        ("EU", 2, "nsubj", "PROPN"),
        ("imposed", 2, "ROOT", "VERB", "impose"),
        ("a", 4, "det", "DET"),
        ("raft", 2, "dobj", "NOUN"),
        ("of", 4, "prep", "ADP"),
        ("sanctions", 5, "pobj", "NOUN", "sanction"),
        (".", 2, "punct", "PUNCT"),
    ]
    events = [e for e in events_of(build(make_doc, rows, [(1, 2, "ORG")])) if e.type == "SANCTION"]
    assert [(e.actor[0].mention.text, [p.mention.text for p in e.recipient]) for e in events] == [("EU", [])]


def test_a_name_that_runs_over_its_verb_is_no_actor_span(make_doc):
    # "Leader Seeks Accord With China" with "Seeks Accord" tagged PERSON: the recipient is "Accord", not the verb
    rows = [
        ("Leader", 1, "nsubj", "NOUN", "leader"),
        ("Seeks", 1, "ROOT", "VERB", "seek"),
        ("Accord", 1, "dobj", "PROPN", "accord"),
        ("With", 1, "prep", "ADP", "with"),
        ("China", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(1, 3, "PERSON"), (4, 5, "GPE")])
    texts = {p.mention.text for e in events_of(doc) for p in (*e.actor, *e.recipient)}
    assert "Seeks Accord" not in texts


def test_shooting_one_person_is_cameo_18_and_fighting_stays_19(make_doc):
    # "Security forces shot a man." -> ASSAULT 18; "Troops shot the rebels." -> ASSAULT 19
    man = [
        ("Security", 1, "compound", "NOUN", "security"),
        ("forces", 2, "nsubj", "NOUN", "force"),
        ("shot", 2, "ROOT", "VERB", "shoot"),
        ("a", 4, "det", "DET"),
        ("man", 2, "dobj", "NOUN", "man", "NN"),
        (".", 2, "punct", "PUNCT"),
    ]
    rebels = [
        ("Troops", 1, "nsubj", "NOUN", "troop"),
        ("shot", 1, "ROOT", "VERB", "shoot"),
        ("the", 3, "det", "DET"),
        ("rebels", 1, "dobj", "NOUN", "rebel", "NNS"),
        (".", 1, "punct", "PUNCT"),
    ]
    roots = lambda rows: {e.cameo_root for e in events_of(build(make_doc, rows, [])) if e.type == "ASSAULT"}
    assert roots(man) == {"18"}
    assert roots(rebels) == {"19"}


def test_an_event_noun_that_is_the_agent_of_a_passive_acts_on_its_subject(make_doc):
    # "Iran was hit by new US sanctions." -> SANCTION by the US on Iran
    rows = [
        ("Iran", 2, "nsubjpass", "PROPN"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("hit", 2, "ROOT", "VERB", "hit", "VBN"),
        ("by", 2, "agent", "ADP"),
        ("new", 6, "amod", "ADJ"),
        ("US", 6, "compound", "PROPN"),
        ("sanctions", 3, "pobj", "NOUN", "sanction"),
        (".", 2, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert ("US", "SANCTION", "Iran") in triples(events_of(doc))
