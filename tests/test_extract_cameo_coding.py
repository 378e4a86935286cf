"""Rules for CAMEO-style coding of news snippets, on hand-built parses: talking by phone and lexicon
entries taken from the CAMEO verb dictionary."""

from __future__ import annotations

import pytest

from extract_docs import build, events_of, triples


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
