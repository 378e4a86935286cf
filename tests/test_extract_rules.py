"""Extraction rules on hand-built parses: voice, objects, light verbs, xcomp, conjunctions, clauses."""

from __future__ import annotations

from extract_docs import build, events_of, one, triples


def test_active_voice(make_doc):
    doc = build(
        make_doc,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("sanctioned", 1, "ROOT", "VERB", "sanction"),
            ("Ukraine", 1, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE")],
    )
    assert triples(events_of(doc)) == {("Russia", "SANCTION", "Ukraine")}


def test_passive_voice_with_by_agent(make_doc):
    doc = build(
        make_doc,
        [
            ("Ukraine", 2, "nsubjpass", "PROPN"),
            ("was", 2, "auxpass", "AUX", "be"),
            ("attacked", 2, "ROOT", "VERB", "attack", "VBN"),
            ("by", 2, "agent", "ADP"),
            ("Russia", 3, "pobj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (4, 5, "GPE")],
    )
    assert triples(events_of(doc)) == {("Russia", "ASSAULT", "Ukraine")}


def test_passive_without_agent_has_only_a_recipient(make_doc):
    doc = build(
        make_doc,
        [
            ("Protesters", 2, "nsubjpass", "NOUN", "protester"),
            ("were", 2, "auxpass", "AUX", "be"),
            ("arrested", 2, "ROOT", "VERB", "arrest", "VBN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert triples(events_of(doc)) == {("", "COERCE", "Protesters")}


def test_prepositional_object_met_with(make_doc):
    doc = build(
        make_doc,
        [
            ("Kim", 1, "nsubj", "PROPN"),
            ("met", 1, "ROOT", "VERB", "meet"),
            ("with", 1, "prep", "ADP"),
            ("Putin", 2, "pobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "PERSON"), (3, 4, "PERSON")],
    )
    assert triples(events_of(doc)) == {("Kim", "CONSULT", "Putin")}


def _passed_sanctions(make_doc):
    rows = [
        ("The", 3, "det", "DET"),
        ("UN", 2, "compound", "PROPN"),
        ("Security", 3, "compound", "PROPN"),
        ("Council", 4, "nsubj", "PROPN"),
        ("passed", 4, "ROOT", "VERB", "pass"),
        ("sanctions", 4, "dobj", "NOUN", "sanction", "NNS"),
        ("on", 5, "prep", "ADP"),
        ("North", 8, "compound", "PROPN"),
        ("Korea", 6, "pobj", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    ]
    return build(make_doc, rows, [(1, 4, "ORG"), (7, 9, "GPE")])


def test_light_verb_and_noun_object_on(make_doc):
    event = one(events_of(_passed_sanctions(make_doc)), "SANCTION")
    assert event.evidence.trigger.text == "passed sanctions"
    assert event.relation == "pass sanction" and event.cameo_root == "16"
    assert [p.mention.text for p in event.actor] == ["UN Security Council"]
    assert [p.mention.text for p in event.recipient] == ["North Korea"]
    assert event.object_text == "sanctions on North Korea"


def test_dative_object(make_doc):
    doc = build(
        make_doc,
        [
            ("Finland", 1, "nsubj", "PROPN"),
            ("gave", 1, "ROOT", "VERB", "give"),
            ("Tanzania", 1, "dative", "PROPN"),
            ("aid", 1, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE")],
    )
    assert triples(events_of(doc)) == {("Finland", "AID", "Tanzania")}


def test_xcomp_chain_is_one_agree_event(make_doc):
    doc = build(
        make_doc,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("agreed", 1, "ROOT", "VERB", "agree"),
            ("to", 3, "aux", "PART"),
            ("cooperate", 1, "xcomp", "VERB", "cooperate", "VB"),
            ("with", 3, "prep", "ADP"),
            ("the", 6, "det", "DET"),
            ("IAEA", 4, "pobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (6, 7, "ORG")],
    )
    assert triples(events_of(doc)) == {("Iran", "AGREE", "IAEA")}


def test_threatened_to_strike(make_doc):
    doc = build(
        make_doc,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("threatened", 1, "ROOT", "VERB", "threaten"),
            ("to", 3, "aux", "PART"),
            ("strike", 1, "xcomp", "VERB", "strike", "VB"),
            ("Ukraine", 3, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (4, 5, "GPE")],
    )
    assert triples(events_of(doc)) == {("Russia", "THREATEN", "Ukraine")}


def test_object_control_urged_x_to(make_doc):
    doc = build(
        make_doc,
        [
            ("Kim", 1, "nsubj", "PROPN"),
            ("urged", 1, "ROOT", "VERB", "urge"),
            ("officials", 1, "dobj", "NOUN", "official", "NNS"),
            ("to", 4, "aux", "PART"),
            ("resign", 1, "xcomp", "VERB", "resign", "VB"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "PERSON")],
    )
    assert triples(events_of(doc)) == {("Kim", "REQUEST", "officials")}


def test_conjoined_subjects_are_a_compound_actor(make_doc):
    doc = build(
        make_doc,
        [
            ("Israel", 3, "nsubj", "PROPN"),
            ("and", 0, "cc", "CCONJ"),
            ("Egypt", 0, "conj", "PROPN"),
            ("condemned", 3, "ROOT", "VERB", "condemn"),
            ("Iran", 3, "dobj", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")],
    )
    event = one(events_of(doc), "ACCUSE")
    assert [p.mention.text for p in event.actor] == ["Israel", "Egypt"]


def test_conjoined_objects_are_a_compound_recipient(make_doc):
    doc = build(
        make_doc,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("accused", 1, "ROOT", "VERB", "accuse"),
            ("Israel", 1, "dobj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Egypt", 2, "conj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")],
    )
    assert triples(events_of(doc)) == {("Iran", "ACCUSE", "Israel+Egypt")}


def test_conjoined_verbs_share_the_subject(make_doc):
    doc = build(
        make_doc,
        [
            ("Police", 1, "nsubj", "NOUN", "police"),
            ("arrested", 1, "ROOT", "VERB", "arrest"),
            ("and", 1, "cc", "CCONJ"),
            ("beat", 1, "conj", "VERB", "beat"),
            ("protesters", 3, "dobj", "NOUN", "protester", "NNS"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert ("Police", "ASSAULT", "protesters") in triples(events_of(doc))
    assert any(t[0] == "Police" and t[1] == "COERCE" for t in triples(events_of(doc)))


def test_conjoined_national_modifiers_split_plover_style(make_doc):
    doc = build(
        make_doc,
        [
            ("Hungarian", 3, "amod", "ADJ"),
            ("and", 0, "cc", "CCONJ"),
            ("Romanian", 0, "conj", "ADJ"),
            ("officials", 4, "nsubj", "NOUN", "official", "NNS"),
            ("met", 4, "ROOT", "VERB", "meet"),
            (".", 4, "punct", "PUNCT"),
        ],
        [(0, 1, "NORP"), (2, 3, "NORP")],
    )
    assert triples(events_of(doc)) == {("Hungarian+Romanian", "CONSULT", "")}


def test_relative_clause_subject_is_the_antecedent(make_doc):
    doc = build(
        make_doc,
        [
            ("Rebels", 3, "nsubj", "NOUN", "rebel", "NNS"),
            ("who", 2, "nsubj", "PRON"),
            ("attacked", 0, "relcl", "VERB", "attack"),
            ("fled", 3, "ROOT", "VERB", "flee"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert triples(events_of(doc)) == {("Rebels", "ASSAULT", "")}


def test_noun_trigger_with_national_modifier_and_target(make_doc):
    doc = build(
        make_doc,
        [
            ("Russian", 1, "amod", "ADJ"),
            ("attacks", 4, "nsubj", "NOUN", "attack", "NNS"),
            ("on", 1, "prep", "ADP"),
            ("Kyiv", 2, "pobj", "PROPN"),
            ("continued", 4, "ROOT", "VERB", "continue"),
            (".", 4, "punct", "PUNCT"),
        ],
        [(0, 1, "NORP"), (3, 4, "GPE")],
    )
    assert triples(events_of(doc)) == {("Russian", "ASSAULT", "Kyiv")}


def test_sentence_without_political_event_has_no_typed_event(make_doc):
    doc = build(
        make_doc,
        [
            ("The", 1, "det", "DET"),
            ("team", 2, "nsubj", "NOUN"),
            ("won", 2, "ROOT", "VERB", "win"),
            ("the", 4, "det", "DET"),
            ("match", 2, "dobj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert triples(events_of(doc)) == set()


def test_untyped_relations_are_opt_in(make_doc):
    from kgraph.extract import extract, load_lexicon
    from kgraph.model import Document

    doc = build(
        make_doc,
        [
            ("Kim", 1, "nsubj", "PROPN"),
            ("hugged", 1, "ROOT", "VERB", "hug"),
            ("Putin", 1, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        [(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    document = Document(id="t", text=doc.text)
    assert extract(doc, document, lexicon=load_lexicon()) == ()
    (event,) = extract(doc, document, lexicon=load_lexicon(), untyped=True)
    assert (event.relation, event.type) == ("hug", None)
