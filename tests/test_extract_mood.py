"""Mood, attribution, intent, roles and copulas on hand-built parses."""

from __future__ import annotations

from extract_docs import build, events_of, one, triples


def _attack(make_doc, aux: list[tuple[str, str]]):
    """'Russia <aux...> attack Ukraine .' with the auxiliaries given as (word, dep)."""
    n = len(aux)
    rows = [("Russia", n + 1, "nsubj", "PROPN")]
    rows += [(word, n + 1, dep, "PART" if dep == "neg" else "AUX") for word, dep in aux]
    rows += [
        ("attack", n + 1, "ROOT", "VERB", "attack", "VB"),
        ("Ukraine", n + 1, "dobj", "PROPN"),
        (".", n + 1, "punct", "PUNCT"),
    ]
    return build(make_doc, rows, [(0, 1, "GPE"), (n + 2, n + 3, "GPE")])


def test_asserted(make_doc):
    assert one(events_of(_attack(make_doc, [])), "ASSAULT").mood == "asserted"


def test_negated(make_doc):
    assert one(events_of(_attack(make_doc, [("did", "aux"), ("not", "neg")])), "ASSAULT").mood == "negated"


def test_future_and_threat(make_doc):
    events = events_of(_attack(make_doc, [("will", "aux")]))
    assert one(events, "ASSAULT").mood == "future"
    assert triples(events) == {("Russia", "ASSAULT", "Ukraine"), ("Russia", "THREATEN", "Ukraine")}


def test_hypothetical(make_doc):
    assert one(events_of(_attack(make_doc, [("could", "aux")])), "ASSAULT").mood == "hypothetical"


def test_future_cooperation_is_an_intent_to_agree(make_doc):
    doc = build(
        make_doc,
        [
            ("Finland", 2, "nsubj", "PROPN"),
            ("will", 2, "aux", "AUX"),
            ("provide", 2, "ROOT", "VERB", "provide", "VB"),
            ("aid", 2, "dobj", "NOUN"),
            ("to", 2, "dative", "ADP"),
            ("Tanzania", 4, "pobj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (5, 6, "GPE")],
    )
    events = events_of(doc)
    assert one(events, "AID").mood == "future"
    assert one(events, "AGREE").confidence > one(events, "AID").confidence


def test_refusal_negates_the_complement(make_doc):
    doc = build(
        make_doc,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("refused", 1, "ROOT", "VERB", "refuse"),
            ("to", 3, "aux", "PART"),
            ("meet", 1, "xcomp", "VERB", "meet", "VB"),
            ("Israel", 3, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (4, 5, "GPE")],
    )
    assert triples(events_of(doc)) == {("Iran", "REJECT", "Israel")}


def _said(make_doc):
    """'Cho said Russia attacked Ukraine .'"""
    rows = [
        ("Cho", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("Russia", 3, "nsubj", "PROPN"),
        ("attacked", 1, "ccomp", "VERB", "attack"),
        ("Ukraine", 3, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    return build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "GPE")])


def test_reported_speech_is_attributed_to_the_speaker(make_doc):
    events = events_of(_said(make_doc))
    attack = one(events, "ASSAULT")
    assert attack.mood == "reported"
    assert attack.attributed_to is not None and attack.attributed_to.mention.text == "Cho"
    statement = one(events, "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Cho"]
    assert statement.attributed_to is None and statement.mood == "asserted"


def test_statement_recipients_are_what_it_is_about(make_doc):
    statement = one(events_of(_said(make_doc)), "STATEMENT")
    assert [p.mention.text for p in statement.recipient] == ["Russia", "Ukraine"]


def test_reported_hypothetical_stays_hypothetical(make_doc):
    rows = [
        ("Cho", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("Russia", 4, "nsubj", "PROPN"),
        ("may", 4, "aux", "AUX"),
        ("attack", 1, "ccomp", "VERB", "attack", "VB"),
        ("Ukraine", 4, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    attack = one(
        events_of(build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "GPE"), (5, 6, "GPE")])), "ASSAULT"
    )
    assert (attack.mood, attack.attributed_to.mention.text) == ("hypothetical", "Cho")


def test_according_to(make_doc):
    rows = [
        ("According", 4, "prep", "VERB", "accord", "VBG"),
        ("to", 0, "prep", "ADP"),
        ("Reuters", 1, "pobj", "PROPN"),
        ("Russia", 4, "nsubj", "PROPN"),
        ("attacked", 4, "ROOT", "VERB", "attack"),
        ("Ukraine", 4, "dobj", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(2, 3, "ORG"), (3, 4, "GPE"), (5, 6, "GPE")]))
    assert one(events, "ASSAULT").attributed_to.mention.text == "Reuters"
    assert one(events, "ASSAULT").mood == "reported"
    assert [p.mention.text for p in one(events, "STATEMENT").actor] == ["Reuters"]


def test_speech_act_verbs_name_their_actor_as_speaker(make_doc):
    rows = [
        ("Obama", 1, "nsubj", "PROPN"),
        ("criticized", 1, "ROOT", "VERB", "criticize"),
        ("Putin", 1, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    event = one(events_of(build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])), "ACCUSE")
    assert event.attributed_to.mention.text == "Obama" and event.mood == "asserted"


def test_apposition_gives_a_role_relation(make_doc):
    rows = [
        ("Cho", 1, "compound", "PROPN"),
        ("Min", 8, "nsubj", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("a", 4, "det", "DET"),
        ("director", 1, "appos", "NOUN"),
        ("of", 4, "prep", "ADP"),
        ("KINU", 5, "pobj", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("spoke", 8, "ROOT", "VERB", "speak"),
        (".", 8, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 2, "PERSON"), (6, 7, "ORG")]))
    role = next(e for e in events if e.rule == "appos")
    assert (role.relation, role.type) == ("be director of", None)
    assert triples([role], typed_only=False) == {("Cho Min", None, "KINU")}


def test_copula_gives_an_untyped_relation(make_doc):
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("is", 1, "ROOT", "AUX", "be", "VBZ"),
        ("the", 3, "det", "DET"),
        ("leader", 1, "attr", "NOUN"),
        ("of", 3, "prep", "ADP"),
        ("North", 6, "compound", "PROPN"),
        ("Korea", 4, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    (event,) = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (5, 7, "GPE")]))
    assert (event.relation, event.type, event.rule) == ("be leader of", None, "copula")
    assert triples([event], typed_only=False) == {("Kim", None, "North Korea")}


def test_date_and_place_of_an_event(make_doc):
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester", "NNS"),
        ("in", 1, "prep", "ADP"),
        ("Cairo", 3, "pobj", "PROPN"),
        ("on", 1, "prep", "ADP"),
        ("Monday", 5, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    event = one(
        events_of(build(make_doc, rows, [(4, 5, "GPE"), (6, 7, "DATE")]), date="2016-03-17"), "COERCE"
    )
    assert (event.date, event.date_text) == ("2016-03-14", "Monday")
    assert event.place is not None and event.place.text == "Cairo"


def test_quote_signed_with_a_dash(make_doc):
    rows = [
        ("“", 1, "punct", "PUNCT"),
        ("Shameful", 1, "ROOT", "ADJ"),
        ("”", 1, "punct", "PUNCT"),
        ("―", 1, "punct", "PUNCT"),
        ("Pamela", 5, "compound", "PROPN"),
        ("Padilla", 1, "npadvmod", "PROPN"),
    ]
    events = events_of(build(make_doc, rows, [(4, 6, "PERSON")]))
    statement = one(events, "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Pamela Padilla"]
    assert statement.evidence.trigger.text == "―"
