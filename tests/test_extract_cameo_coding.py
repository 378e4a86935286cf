"""Rules for CAMEO-style coding of news snippets, on hand-built parses: names a headline lists with
commas, leaders of listed countries, talking by phone, weapons and attacks as the doers of violence,
what an event noun acts on through its verb, and lexicon entries taken from the CAMEO verb dictionary."""

from __future__ import annotations

import pytest

from extract_docs import build, events_of, triples
from kgraph.extract.participants import prep_objects


def test_names_a_headline_lists_with_a_comma_are_a_compound_object(make_doc):
    # "Russia urges Armenia, Azerbaijan to refrain.": the comma reads as "and" (parsed as an apposition).
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("urges", 1, "ROOT", "VERB", "urge", "VBZ"),
        ("Armenia", 1, "dobj", "PROPN"),
        (",", 2, "punct", "PUNCT"),
        ("Azerbaijan", 2, "appos", "PROPN"),
        ("to", 6, "aux", "PART"),
        ("refrain", 1, "xcomp", "VERB", "refrain", "VB"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")]))
    assert ("Russia", "REQUEST", "Armenia+Azerbaijan") in triples(events)


def test_a_town_and_its_country_are_no_list(make_doc):
    # "Police arrested protesters in Necochea, Argentina.": Argentina is where Necochea is.
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester"),
        ("in", 1, "prep", "ADP"),
        ("Necochea", 3, "pobj", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("Argentina", 4, "appos", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(4, 5, "GPE"), (6, 7, "GPE")])
    assert [t.text for _, t in prep_objects(doc[1], frozenset({"in"}))] == ["Necochea"]


def test_a_name_listed_before_the_subject_is_a_subject(make_doc):
    # "Biden, Xi to meet." (Biden hung on the verb as ``dep``): Biden meets Xi.
    rows = [
        ("Biden", 4, "dep", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("Xi", 4, "nsubj", "PROPN"),
        ("to", 4, "aux", "PART"),
        ("meet", 4, "ROOT", "VERB", "meet", "VB"),
        (".", 4, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "PERSON")]))
    assert triples(events) == {("Biden", "CONSULT", "Xi")}


def test_leaders_of_listed_countries_are_one_actor_a_country(make_doc):
    # "Biden called a meeting with leaders from Germany, Canada and Japan."
    rows = [
        ("Biden", 1, "nsubj", "PROPN"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("a", 3, "det", "DET"),
        ("meeting", 1, "dobj", "NOUN", "meeting"),
        ("with", 3, "prep", "ADP"),
        ("leaders", 4, "pobj", "NOUN", "leader", "NNS"),
        ("from", 5, "prep", "ADP"),
        ("Germany", 6, "pobj", "PROPN"),
        (",", 7, "punct", "PUNCT"),
        ("Canada", 7, "conj", "PROPN"),
        ("and", 9, "cc", "CCONJ"),
        ("Japan", 9, "conj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    ents = [(0, 1, "PERSON"), (7, 8, "GPE"), (9, 10, "GPE"), (11, 12, "GPE")]
    events = events_of(build(make_doc, rows, ents))
    assert ("Biden", "CONSULT", "Germany+Canada+Japan") in triples(events)


def test_speaking_to_someone_by_phone_is_a_consultation(make_doc):
    # "Biden spoke to Duda by phone." (CAMEO 041 discuss by telephone), not a statement.
    rows = [
        ("Biden", 1, "nsubj", "PROPN"),
        ("spoke", 1, "ROOT", "VERB", "speak"),
        ("to", 1, "prep", "ADP"),
        ("Duda", 2, "pobj", "PROPN"),
        ("by", 1, "prep", "ADP"),
        ("phone", 4, "pobj", "NOUN", "phone"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (3, 4, "PERSON")]))
    assert triples(events, typed_only=False) == {("Biden", "CONSULT", "Duda")}


def _bomb_attack_rows(weapon: str) -> list[tuple[object, ...]]:
    # "<weapon> attack on Istanbul street kills six people."
    return [
        (weapon, 1, "compound", "NOUN", weapon.lower()),
        ("attack", 5, "nsubj", "NOUN", "attack"),
        ("on", 1, "prep", "ADP"),
        ("Istanbul", 4, "compound", "PROPN"),
        ("street", 2, "pobj", "NOUN", "street"),
        ("kills", 5, "ROOT", "VERB", "kill", "VBZ"),
        ("six", 7, "nummod", "NUM"),
        ("people", 5, "dobj", "NOUN", "people", "NNS"),
        (".", 5, "punct", "PUNCT"),
    ]


def test_an_attack_that_kills_is_the_actor_not_the_place_it_hit(make_doc):
    # "Bomb attack on Istanbul street kills six people": coded as the bombing's (CAMEO 183), Istanbul is hit.
    doc = build(make_doc, _bomb_attack_rows("Bomb"), [(3, 4, "GPE"), (6, 7, "CARDINAL")])
    kill = [e for e in events_of(doc) if e.relation == "kill"]
    assert [([p.mention.text for p in e.actor], e.cameo_root) for e in kill] == [(["Bomb attack"], "18")]


def test_an_attack_named_after_no_bomb_keeps_its_root(make_doc):
    # "Rocket attack on Istanbul street kills six people": conventional force stays CAMEO 19.
    doc = build(make_doc, _bomb_attack_rows("Rocket"), [(3, 4, "GPE"), (6, 7, "CARDINAL")])
    kill = [e for e in events_of(doc) if e.relation == "kill"]
    assert [([p.mention.text for p in e.actor], e.cameo_root) for e in kill] == [(["Rocket attack"], "19")]


_ENTRIES = [
    # "Musk fired top executives." (CAMEO FIRE WORKER [160])
    (
        [("Musk", 1, "nsubj", "PROPN"), ("fired", 1, "ROOT", "VERB", "fire"), ("top", 3, "amod", "ADJ"),
         ("executives", 1, "dobj", "NOUN", "executive", "NNS"), (".", 1, "punct", "PUNCT")],
        [(0, 1, "PERSON")], "fire executive", "SANCTION", "16",
    ),
    # "Meta laid off workers."
    (
        [("Meta", 1, "nsubj", "PROPN"), ("laid", 1, "ROOT", "VERB", "lay"), ("off", 1, "prt", "ADP"),
         ("workers", 1, "dobj", "NOUN", "worker", "NNS"), (".", 1, "punct", "PUNCT")],
        [(0, 1, "ORG")], "lay off", "SANCTION", "16",
    ),
    # "Blinken heads to Canada." (CAMEO HEAD (TO) [042] make a visit)
    (
        [("Blinken", 1, "nsubj", "PROPN"), ("heads", 1, "ROOT", "VERB", "head", "VBZ"), ("to", 1, "prep", "ADP"),
         ("Canada", 2, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
        [(0, 1, "PERSON"), (3, 4, "GPE")], "head to", "CONSULT", "04",
    ),
    # "Turkey brokered the deal." (CAMEO BROKER [045] mediate)
    (
        [("Turkey", 1, "nsubj", "PROPN"), ("brokered", 1, "ROOT", "VERB", "broker"), ("the", 3, "det", "DET"),
         ("deal", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")],
        [(0, 1, "GPE")], "broker", "CONSULT", "04",
    ),
    # "Hackers stole records." (CAMEO STEAL [171])
    (
        [("Hackers", 1, "nsubj", "NOUN", "hacker", "NNS"), ("stole", 1, "ROOT", "VERB", "steal"),
         ("records", 1, "dobj", "NOUN", "record", "NNS"), (".", 1, "punct", "PUNCT")],
        [], "steal", "COERCE", "17",
    ),
    # "Residents expressed frustration." (CAMEO EXPRESS [110])
    (
        [("Residents", 1, "nsubj", "NOUN", "resident", "NNS"), ("expressed", 1, "ROOT", "VERB", "express"),
         ("frustration", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")],
        [], "express frustration", "ACCUSE", "11",
    ),
    # "Allies dismissed Russia's claims." (CAMEO DISMISS CLAIM [016]: a denial)
    (
        [("Allies", 1, "nsubj", "NOUN", "ally", "NNS"), ("dismissed", 1, "ROOT", "VERB", "dismiss"),
         ("Russia", 4, "poss", "PROPN"), ("'s", 2, "case", "PART"), ("claims", 1, "dobj", "NOUN", "claim", "NNS"),
         (".", 1, "punct", "PUNCT")],
        [(2, 3, "GPE")], "dismiss claim", "STATEMENT", "01",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "ents", "relation", "type_", "root"), _ENTRIES)
def test_cameo_dictionary_entries(make_doc, rows, ents, relation, type_, root):
    events = events_of(build(make_doc, rows, ents))
    assert (relation, type_, root) in {(e.relation, e.type, e.cameo_root) for e in events}


def test_an_event_noun_that_is_a_subject_acts_on_its_verbs_object(make_doc):
    # "Russian strikes crippled the power grid.": the strikes hit the grid.
    rows = [
        ("Russian", 1, "amod", "ADJ", "russian"),
        ("strikes", 2, "nsubj", "NOUN", "strike", "NNS"),
        ("crippled", 2, "ROOT", "VERB", "cripple"),
        ("the", 5, "det", "DET"),
        ("power", 5, "compound", "NOUN"),
        ("grid", 2, "dobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "NORP")]))
    assert triples(events) == {("Russian", "ASSAULT", "the power grid")}


def test_aid_a_verb_sends_goes_to_the_verbs_dative(make_doc):
    # "The US is sending Ukraine more in military aid."
    rows = [
        ("The", 1, "det", "DET"),
        ("US", 3, "nsubj", "PROPN"),
        ("is", 3, "aux", "AUX", "be", "VBZ"),
        ("sending", 3, "ROOT", "VERB", "send", "VBG"),
        ("Ukraine", 3, "dative", "PROPN"),
        ("more", 3, "dobj", "ADJ", "more", "JJR"),
        ("in", 3, "prep", "ADP"),
        ("military", 8, "amod", "ADJ"),
        ("aid", 6, "pobj", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(1, 2, "GPE"), (4, 5, "GPE")]))
    assert ("US", "AID", "Ukraine") in triples(events)


def test_a_speaker_hung_on_an_earlier_noun_as_its_apposition_says_it(make_doc):
    # "Troops attacked the city, an official said.": "official" parsed as the city's apposition.
    rows = [
        ("Troops", 1, "nsubj", "NOUN", "troop", "NNS"),
        ("attacked", 1, "ROOT", "VERB", "attack"),
        ("the", 3, "det", "DET"),
        ("city", 1, "dobj", "NOUN"),
        (",", 3, "punct", "PUNCT"),
        ("an", 6, "det", "DET"),
        ("official", 3, "appos", "NOUN"),
        ("said", 1, "conj", "VERB", "say"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows))
    speakers = {p.mention.text for e in events if e.relation == "say" for p in e.actor}
    assert speakers == {"an official"}


_BROKERED = [
    ("Israel", 5, "nsubj", "PROPN"),
    ("and", 0, "cc", "CCONJ"),
    ("Lebanon", 0, "conj", "PROPN"),
    ("Thursday", 5, "npadvmod", "PROPN"),
    ("separately", 5, "advmod", "ADV"),
    ("signed", 5, "ROOT", "VERB", "sign"),
    ("a", 11, "det", "DET"),
    ("US", 9, "npadvmod", "PROPN"),
    ("-", 9, "punct", "PUNCT", "-", "HYPH"),
    ("brokered", 11, "amod", "VERB", "broker", "VBN"),
    ("border", 11, "compound", "NOUN"),
    ("deal", 5, "dobj", "NOUN"),
    (".", 5, "punct", "PUNCT"),
]


def test_a_hyphenated_doer_of_a_participle_mediates_between_the_parties(make_doc):
    # "Israel and Lebanon Thursday separately signed a US-brokered border deal.": the US brokered
    # it between the signers (CAMEO 04) and is no party to the signing.
    events = events_of(
        build(make_doc, _BROKERED, [(0, 1, "GPE"), (2, 3, "GPE"), (3, 4, "DATE"), (7, 8, "GPE")])
    )
    assert {(e.relation, e.cameo_root) for e in events if e.rule == "modifier"} == {("broker", "04")}
    assert ("US", "CONSULT", "Israel+Lebanon") in triples(events)
    assert ("Israel", "SUPPORT", "Lebanon") in triples(events)


def test_a_hyphenated_doer_backs_the_actor_it_modifies(make_doc):
    # "Iranian-backed militias attacked the base.": Iran backs the militias.
    rows = [
        ("Iranian", 2, "npadvmod", "ADJ", "iranian", "JJ"),
        ("-", 2, "punct", "PUNCT", "-", "HYPH"),
        ("backed", 3, "amod", "VERB", "back", "VBN"),
        ("militias", 4, "nsubj", "NOUN", "militia", "NNS"),
        ("attacked", 4, "ROOT", "VERB", "attack"),
        ("the", 6, "det", "DET"),
        ("base", 4, "dobj", "NOUN"),
        (".", 4, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "NORP")]))
    assert ("Iranian", "SUPPORT", "Iranian - backed militias") in triples(events)


def test_a_named_object_with_the_actors_own_name_is_no_recipient(make_doc):
    # "Israel signed a deal which helps Israel.": Israel does not sign with itself.
    rows = [
        ("Israel", 1, "nsubj", "PROPN"),
        ("signed", 1, "ROOT", "VERB", "sign"),
        ("a", 3, "det", "DET"),
        ("deal", 1, "dobj", "NOUN"),
        ("which", 5, "nsubj", "PRON", "which", "WDT"),
        ("helps", 3, "relcl", "VERB", "help", "VBZ"),
        ("Israel", 5, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (6, 7, "GPE")]))
    signed = [e for e in events if e.relation == "sign"]
    assert signed and all(p.mention.text != "Israel" for e in signed for p in e.recipient)


_PERSONS = [(0, 1, "PERSON"), (3, 4, "PERSON")]


@pytest.mark.parametrize(
    ("subject", "obj", "ents", "coded"),
    [
        (
            ("Police", "NOUN", "police", "NNS"),
            ("protesters", "NOUN", "protester", "NNS"),
            [],
            ("ASSAULT", "18"),
        ),
        (("Troops", "NOUN", "troop", "NNS"), ("rebels", "NOUN", "rebel", "NNS"), [], ("ASSAULT", "19")),
        (
            ("Bolsonaro", "PROPN", "bolsonaro", "NNP"),
            ("Lula", "PROPN", "lula", "NNP"),
            _PERSONS,
            ("ACCUSE", "11"),
        ),
    ],
)
def test_who_clashes_decides_the_code(make_doc, subject, obj, ents, coded):
    # "Police clashed with protesters.": violence outside military operations (18);
    # "Troops clashed with rebels.": fighting (19); "Bolsonaro clashed with Lula.": a dispute in words (11).
    word, pos, lemma, tag = subject
    oword, opos, olemma, otag = obj
    rows = [
        (word, 1, "nsubj", pos, lemma, tag),
        ("clashed", 1, "ROOT", "VERB", "clash"),
        ("with", 1, "prep", "ADP"),
        (oword, 2, "pobj", opos, olemma, otag),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, ents))
    assert {(e.type, e.cameo_root) for e in events if e.relation == "clash"} == {coded}


def test_ready_to_work_with_someone_is_an_intent_to_cooperate(make_doc):
    # "The US is ready to work with Russia.": COOPERATE (06) with Russia, and the intent (AGREE 03).
    rows = [
        ("The", 1, "det", "DET"),
        ("US", 2, "nsubj", "PROPN"),
        ("is", 2, "ROOT", "AUX", "be", "VBZ"),
        ("ready", 2, "acomp", "ADJ"),
        ("to", 5, "aux", "PART"),
        ("work", 3, "xcomp", "VERB", "work", "VB"),
        ("with", 5, "prep", "ADP"),
        ("Russia", 6, "pobj", "PROPN"),
        (".", 2, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(1, 2, "GPE"), (7, 8, "GPE")]))
    coded = {
        (e.relation, e.type, e.cameo_root)
        for e in events
        if [p.mention.text for p in e.recipient] == ["Russia"]
    }
    assert {("work with", "COOPERATE", "06"), ("work with", "AGREE", "03")} <= coded


def test_meeting_a_requirement_is_no_meeting(make_doc):
    # "Sweden and Finland meet the conditions." is no CONSULT; "Sweden met Finland." is one.
    rows = [
        ("Sweden", 3, "nsubj", "PROPN"),
        ("and", 0, "cc", "CCONJ"),
        ("Finland", 0, "conj", "PROPN"),
        ("meet", 3, "ROOT", "VERB", "meet", "VBP"),
        ("the", 5, "det", "DET"),
        ("conditions", 3, "dobj", "NOUN", "condition", "NNS"),
        (".", 3, "punct", "PUNCT"),
    ]
    assert not [
        e for e in events_of(build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE")])) if e.type == "CONSULT"
    ]
    rows = [("Sweden", 1, "nsubj", "PROPN"), ("met", 1, "ROOT", "VERB", "meet"), ("Finland", 1, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT")]  # fmt: skip
    assert ("Sweden", "CONSULT", "Finland") in triples(
        events_of(build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE")]))
    )
