"""Rules added for one-sided events, verbal attacks, headline speakers, poll sources and wars,
on hand-built parses."""

from __future__ import annotations

from extract_docs import build, events_of, one, triples
from kgraph.extract.fallback import nearest_recipient
from kgraph.extract.frames import Frame


def _speakers(events):  # type: ignore[no-untyped-def]
    found = {e.attributed_to.mention.text for e in events if e.attributed_to is not None}
    return found | {p.mention.text for e in events if e.type == "STATEMENT" for p in e.actor}


def _frame(doc, head: int, actors: list[int]) -> Frame:  # type: ignore[no-untyped-def]
    return Frame(doc[head], None, (doc[head],), doc[head].lemma_, [doc[i] for i in actors],
                 rule="verb", type="MOBILIZE", cameo_root="15")  # fmt: skip


def test_nearest_recipient_is_the_first_actor_after_the_trigger(make_doc):
    # "Russia expended resources in the town of Bakhmut."
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("expended", 1, "ROOT", "VERB", "expend"),
        ("resources", 1, "dobj", "NOUN", "resource"),
        ("in", 1, "prep", "ADP"),
        ("the", 5, "det", "DET"),
        ("town", 3, "pobj", "NOUN"),
        ("of", 5, "prep", "ADP"),
        ("Bakhmut", 6, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "GPE"), (7, 8, "GPE")])
    assert [t.text for t in nearest_recipient(_frame(doc, 1, [0]))] == ["Bakhmut"]


def test_nearest_recipient_stays_in_its_clause(make_doc):
    # "Russia expended resources that Ukraine needs."
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("expended", 1, "ROOT", "VERB", "expend"),
        ("resources", 1, "dobj", "NOUN", "resource"),
        ("that", 5, "dobj", "PRON"),
        ("Ukraine", 5, "nsubj", "PROPN"),
        ("needs", 2, "relcl", "VERB", "need", "VBZ"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert nearest_recipient(_frame(doc, 1, [0])) == []


def _attacked(target: str, label: str, reason: bool) -> list[tuple[object, ...]]:
    rows = [("Trump" if label == "PERSON" else "Russia", 1, "nsubj", "PROPN"),
            ("attacked", 1, "ROOT", "VERB", "attack"), (target, 1, "dobj", "PROPN")]  # fmt: skip
    if reason:
        rows += [("over", 1, "prep", "ADP"), ("emails", 3, "pobj", "NOUN", "email")]
    rows += [(".", 1, "punct", "PUNCT")]
    return rows


def test_an_attack_between_people_or_over_a_reason_is_criticism(make_doc):
    # "Trump attacked Clinton over emails." → ACCUSE, in Trump's own words
    doc = build(make_doc, _attacked("Clinton", "PERSON", True), [(0, 1, "PERSON"), (2, 3, "PERSON")])
    events = events_of(doc)
    assert triples(events) == {("Trump", "ACCUSE", "Clinton")}
    assert one(events, "ACCUSE").cameo_root == "11"
    assert _speakers(events) == {"Trump"}


def test_an_attack_on_a_city_stays_an_assault(make_doc):
    # "Russia attacked Kyiv."
    doc = build(make_doc, _attacked("Kyiv", "GPE", False), [(0, 1, "GPE"), (2, 3, "GPE")])
    events = events_of(doc)
    assert triples(events) == {("Russia", "ASSAULT", "Kyiv")}
    assert _speakers(events) == set()


def test_headline_name_before_a_colon_speaks_even_when_tagged_as_a_noun(make_doc):
    # "Sanders: Clinton needs to win." (the tagger reads "Sanders" as a plural noun)
    rows = [
        ("Sanders", 3, "dep", "NOUN", "sander", "NNS"),
        (":", 0, "punct", "PUNCT"),
        ("Clinton", 3, "nsubj", "PROPN"),
        ("needs", 3, "ROOT", "VERB", "need", "VBZ"),
        ("to", 5, "aux", "PART"),
        ("win", 3, "xcomp", "VERB", "win", "VB"),
        (".", 3, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(2, 3, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Sanders"]
    assert [p.mention.text for p in statement.recipient] == ["Clinton"]


def test_a_headline_label_before_a_colon_does_not_speak(make_doc):
    # "Analysis: Clinton needs to win."
    rows = [
        ("Analysis", 3, "dep", "NOUN", "analysis"),
        (":", 0, "punct", "PUNCT"),
        ("Clinton", 3, "nsubj", "PROPN"),
        ("needs", 3, "ROOT", "VERB", "need", "VBZ"),
        ("to", 5, "aux", "PART"),
        ("win", 3, "xcomp", "VERB", "win", "VB"),
        (".", 3, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(2, 3, "PERSON")]))) == set()


def test_a_poll_opening_the_sentence_is_its_source(make_doc):
    # "In this poll, Trump rose one point."
    rows = [
        ("In", 5, "prep", "ADP", "in"),
        ("this", 2, "det", "DET"),
        ("poll", 0, "pobj", "NOUN"),
        (",", 5, "punct", "PUNCT"),
        ("Trump", 5, "nsubj", "PROPN"),
        ("rose", 5, "ROOT", "VERB", "rise"),
        ("one", 7, "nummod", "NUM"),
        ("point", 5, "dobj", "NOUN"),
        (".", 5, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(4, 5, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["this poll"]
    assert [p.mention.text for p in statement.recipient] == ["Trump"]


def test_a_statement_inside_the_sentence_is_not_a_poll_source(make_doc):
    # "In a statement, Kim said ..." keeps Kim as the only speaker
    rows = [
        ("In", 4, "prep", "ADP", "in"),
        ("a", 2, "det", "DET"),
        ("report", 0, "pobj", "NOUN"),
        (",", 4, "punct", "PUNCT"),
        ("said", 4, "ROOT", "VERB", "say"),
        ("Kim", 4, "nsubj", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(5, 6, "PERSON")]))) == {"Kim"}


def test_a_possessed_war_is_an_assault_on_its_place(make_doc):
    # "Russia's war in Ukraine continues."
    rows = [
        ("Russia", 2, "poss", "PROPN"),
        ("'s", 0, "case", "PART"),
        ("war", 5, "nsubj", "NOUN"),
        ("in", 2, "prep", "ADP"),
        ("Ukraine", 3, "pobj", "PROPN"),
        ("continues", 5, "ROOT", "VERB", "continue", "VBZ"),
        (".", 5, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")]))
    assert triples(events) == {("Russia", "ASSAULT", "Ukraine")}


def test_a_speech_act_inside_a_quotation_is_not_the_actors_own_words(make_doc):
    # '"We urged Iran to talk," Kim said.' — "we" urged inside Kim's quote: Kim is the speaker
    rows = [
        ('"', 2, "punct", "PUNCT"),
        ("We", 2, "nsubj", "PRON", "we"),
        ("urged", 9, "ccomp", "VERB", "urge"),
        ("Iran", 2, "dobj", "PROPN"),
        ("to", 5, "aux", "PART"),
        ("talk", 2, "xcomp", "VERB", "talk", "VB"),
        (",", 9, "punct", "PUNCT"),
        ('"', 9, "punct", "PUNCT"),
        ("Kim", 9, "nsubj", "PROPN"),
        ("said", 9, "ROOT", "VERB", "say"),
        (".", 9, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(3, 4, "GPE"), (8, 9, "PERSON")]))
    request = one(events, "REQUEST")
    assert request.attributed_to is not None and request.attributed_to.mention.text == "Kim"


def _svo(subject: str, verb: str, lemma: str, obj: str, obj_lemma: str | None = None) -> list[tuple[object, ...]]:
    return [(subject, 1, "nsubj", "NOUN" if subject.islower() else "PROPN"), (verb, 1, "ROOT", "VERB", lemma),
            ("the", 3, "det", "DET"), (obj, 1, "dobj", "NOUN", obj_lemma or obj), (".", 1, "punct", "PUNCT")]  # fmt: skip


def test_violence_aimed_at_an_abstraction_is_no_event(make_doc):
    # "She attacked the problem." / "Kim fought the disease."
    assert triples(events_of(build(make_doc, _svo("She", "attacked", "attack", "problem")))) == set()
    assert triples(events_of(build(make_doc, _svo("Kim", "fought", "fight", "disease"), [(0, 1, "PERSON")]))) == set()


def test_attacking_a_plan_is_criticism_and_striking_targets_is_violence(make_doc):
    events = events_of(build(make_doc, _svo("Trump", "attacked", "attack", "plan"), [(0, 1, "PERSON")]))
    assert {e.type for e in events} == {"ACCUSE"}
    events = events_of(build(make_doc, _svo("Israel", "struck", "strike", "targets", "target"), [(0, 1, "GPE")]))
    assert {e.type for e in events} == {"ASSAULT"}


def test_an_inanimate_doer_makes_no_event_but_a_weapon_does(make_doc):
    # "The storm killed the villagers." / "The missile killed the villagers."
    for doer, kept in (("storm", False), ("missile", True)):
        rows = [
            ("The", 1, "det", "DET"),
            (doer, 2, "nsubj", "NOUN"),
            ("killed", 2, "ROOT", "VERB", "kill"),
            ("the", 4, "det", "DET"),
            ("villagers", 2, "dobj", "NOUN", "villager"),
            (".", 2, "punct", "PUNCT"),
        ]
        assert bool(triples(events_of(build(make_doc, rows)))) is kept, doer


def test_a_participle_inherits_an_accident_as_its_doer(make_doc):
    # "Two trains collided, killing twenty people."
    rows = [
        ("Two", 1, "nummod", "NUM"),
        ("trains", 2, "nsubj", "NOUN", "train"),
        ("collided", 2, "ROOT", "VERB", "collide"),
        (",", 2, "punct", "PUNCT"),
        ("killing", 2, "advcl", "VERB", "kill", "VBG"),
        ("twenty", 6, "nummod", "NUM"),
        ("people", 4, "dobj", "NOUN", "people"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows))) == set()


def test_beating_a_team_is_a_match_not_an_assault(make_doc):
    # "Liverpool beat Chelsea." (ORG) / "Police beat the protesters."
    doc = build(make_doc, [("Liverpool", 1, "nsubj", "PROPN"), ("beat", 1, "ROOT", "VERB", "beat"),
                           ("Chelsea", 1, "dobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                [(0, 1, "ORG"), (2, 3, "ORG")])  # fmt: skip
    assert triples(events_of(doc)) == set()
    doc = build(make_doc, _svo("police", "beat", "beat", "protesters", "protester"))
    assert {e.type for e in events_of(doc)} == {"ASSAULT"}


def test_a_bare_passive_participle_takes_its_clause_subject_as_recipient(make_doc):
    # "The army would retaliate if attacked."
    rows = [
        ("The", 1, "det", "DET"),
        ("army", 3, "nsubj", "NOUN"),
        ("would", 3, "aux", "AUX", "would", "MD"),
        ("retaliate", 3, "ROOT", "VERB", "retaliate", "VB"),
        ("if", 5, "mark", "SCONJ"),
        ("attacked", 3, "advcl", "VERB", "attack", "VBN"),
        (".", 3, "punct", "PUNCT"),
    ]
    attack = next(e for e in events_of(build(make_doc, rows)) if e.relation == "attack")
    assert attack.actor == () and [p.mention.text for p in attack.recipient] == ["The army"]
    assert attack.mood == "hypothetical"


def test_deployed_troops_are_moved_not_acted_on(make_doc):
    # "The government deployed troops to Afghanistan."
    rows = [
        ("The", 1, "det", "DET"),
        ("government", 2, "nsubj", "NOUN"),
        ("deployed", 2, "ROOT", "VERB", "deploy"),
        ("troops", 2, "dobj", "NOUN", "troop"),
        ("to", 2, "prep", "ADP"),
        ("Afghanistan", 4, "pobj", "PROPN"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert triples(events_of(build(make_doc, rows, [(5, 6, "GPE")]))) == {("The government", "MOBILIZE", "Afghanistan")}


def test_sending_tanks_is_military_aid(make_doc):
    # "Germany sent tanks to Ukraine."
    rows = [
        ("Germany", 1, "nsubj", "PROPN"),
        ("sent", 1, "ROOT", "VERB", "send"),
        ("tanks", 1, "dobj", "NOUN", "tank"),
        ("to", 1, "prep", "ADP"),
        ("Ukraine", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")]))
    assert triples(events) == {("Germany", "AID", "Ukraine")}
    assert one(events, "AID").cameo_root == "07"


def test_warned_against_doing_is_the_objects_unrealised_act(make_doc):
    # "Putin warned Germany against sending tanks to Kyiv."
    rows = [
        ("Putin", 1, "nsubj", "PROPN"),
        ("warned", 1, "ROOT", "VERB", "warn"),
        ("Germany", 1, "dobj", "PROPN"),
        ("against", 1, "prep", "ADP"),
        ("sending", 3, "pcomp", "VERB", "send", "VBG"),
        ("tanks", 4, "dobj", "NOUN", "tank"),
        ("to", 4, "prep", "ADP"),
        ("Kyiv", 6, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    aid = one(events_of(build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "GPE"), (7, 8, "GPE")])), "AID")
    assert [p.mention.text for p in aid.actor] == ["Germany"]
    assert aid.mood == "hypothetical"


def test_a_signing_venue_is_not_a_party(make_doc):
    # "Israel and Bahrain signed an agreement at the White House."
    rows = [
        ("Israel", 3, "nsubj", "PROPN"),
        ("and", 0, "cc", "CCONJ"),
        ("Bahrain", 0, "conj", "PROPN"),
        ("signed", 3, "ROOT", "VERB", "sign"),
        ("an", 5, "det", "DET"),
        ("agreement", 3, "dobj", "NOUN"),
        ("at", 3, "prep", "ADP"),
        ("the", 9, "det", "DET"),
        ("White", 9, "compound", "PROPN"),
        ("House", 6, "pobj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (7, 10, "FAC")])
    assert triples(events_of(doc)) == {("Israel", "AGREE", "Bahrain")}


def test_the_place_after_a_partner_is_the_events_place(make_doc):
    # "Protesters clashed with police in Tehran."
    rows = [
        ("Protesters", 1, "nsubj", "NOUN", "protester"),
        ("clashed", 1, "ROOT", "VERB", "clash"),
        ("with", 1, "prep", "ADP"),
        ("police", 2, "pobj", "NOUN"),
        ("in", 3, "prep", "ADP"),
        ("Tehran", 4, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    event = one(events_of(build(make_doc, rows, [(5, 6, "GPE")])), "ASSAULT")
    assert event.place is not None and event.place.text == "Tehran"


def test_warning_an_actor_is_a_threat_and_warning_that_is_a_statement(make_doc):
    # "Xi warned Biden." → THREATEN (CAMEO 13); "The UN warned that prices rise." → STATEMENT
    doc = build(make_doc, [("Xi", 1, "nsubj", "PROPN"), ("warned", 1, "ROOT", "VERB", "warn"),
                           ("Biden", 1, "dobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                [(0, 1, "PERSON"), (2, 3, "PERSON")])  # fmt: skip
    threat = one(events_of(doc), "THREATEN")
    assert threat.cameo_root == "13" and threat.attributed_to is not None
    rows = [
        ("The", 1, "det", "DET"),
        ("UN", 2, "nsubj", "PROPN"),
        ("warned", 2, "ROOT", "VERB", "warn"),
        ("that", 5, "mark", "SCONJ"),
        ("prices", 5, "nsubj", "NOUN", "price"),
        ("rise", 2, "ccomp", "VERB", "rise", "VBP"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert {e.type for e in events_of(build(make_doc, rows, [(1, 2, "ORG")]))} == {"STATEMENT"}


def test_a_region_that_faces_invasion_is_its_target(make_doc):
    # "The Kurdish region faces invasion."
    rows = [
        ("The", 2, "det", "DET"),
        ("Kurdish", 2, "amod", "ADJ"),
        ("region", 3, "nsubj", "NOUN"),
        ("faces", 3, "ROOT", "VERB", "face", "VBZ"),
        ("invasion", 3, "dobj", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    ]
    invasion = one(events_of(build(make_doc, rows, [(1, 2, "NORP")])), "ASSAULT")
    assert invasion.actor == () and [p.mention.text for p in invasion.recipient] == ["Kurdish"]


def test_the_subject_of_a_clause_did_not_wage_the_war_it_happened_during(make_doc):
    # "Assad won the election during the Syrian war."
    rows = [
        ("Assad", 1, "nsubj", "PROPN"),
        ("won", 1, "ROOT", "VERB", "win"),
        ("the", 3, "det", "DET"),
        ("election", 1, "dobj", "NOUN"),
        ("during", 1, "prep", "ADP"),
        ("the", 7, "det", "DET"),
        ("Syrian", 7, "amod", "ADJ"),
        ("war", 4, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    war = one(events_of(build(make_doc, rows, [(0, 1, "PERSON"), (6, 7, "NORP")])), "ASSAULT")
    assert war.actor == () and [p.mention.text for p in war.recipient] == ["Syrian"]


def test_a_relative_clause_does_not_negate_the_event_noun_it_describes(make_doc):
    # "Trump's visit to Baghdad, which did not include meetings, angered Iraq."
    rows = [
        ("Trump", 2, "poss", "PROPN"),
        ("'s", 0, "case", "PART"),
        ("visit", 11, "nsubj", "NOUN"),
        ("to", 2, "prep", "ADP"),
        ("Baghdad", 3, "pobj", "PROPN"),
        (",", 2, "punct", "PUNCT"),
        ("which", 9, "nsubj", "PRON"),
        ("did", 9, "aux", "AUX", "do"),
        ("not", 9, "neg", "PART"),
        ("include", 2, "relcl", "VERB", "include", "VB"),
        ("meetings", 9, "dobj", "NOUN", "meeting"),
        ("angered", 11, "ROOT", "VERB", "anger"),
        ("Iraq", 11, "dobj", "PROPN"),
        (".", 11, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "GPE"), (12, 13, "GPE")]))
    visit = next(e for e in events if e.relation == "visit")
    assert visit.mood == "asserted"


def test_a_named_person_attacking_a_party_criticises_it(make_doc):
    # "Kilroy-Silk attacked the party."
    rows = [("Kilroy-Silk", 1, "nsubj", "PROPN"), ("attacked", 1, "ROOT", "VERB", "attack"),
            ("the", 3, "det", "DET"), ("party", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")]  # fmt: skip
    assert {e.type for e in events_of(build(make_doc, rows, [(0, 1, "PERSON")]))} == {"ACCUSE"}


def test_launching_an_attack_on_a_cost_is_criticism(make_doc):
    # "Howard launched an attack on the cost of asylum."
    rows = [
        ("Howard", 1, "nsubj", "PROPN"),
        ("launched", 1, "ROOT", "VERB", "launch"),
        ("an", 3, "det", "DET"),
        ("attack", 1, "dobj", "NOUN"),
        ("on", 3, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("cost", 4, "pobj", "NOUN"),
        ("of", 6, "prep", "ADP"),
        ("asylum", 7, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert {e.type for e in events_of(build(make_doc, rows, [(0, 1, "PERSON")]))} == {"ACCUSE"}


def test_a_beating_heart_is_no_assault(make_doc):
    # "The heart of Britain beats."
    rows = [("The", 1, "det", "DET"), ("heart", 4, "nsubj", "NOUN"), ("of", 1, "prep", "ADP"),
            ("Britain", 2, "pobj", "PROPN"), ("beats", 4, "ROOT", "VERB", "beat", "VBZ"), (".", 4, "punct", "PUNCT")]  # fmt: skip
    assert triples(events_of(build(make_doc, rows, [(3, 4, "GPE")]))) == set()


def test_a_passive_should_demands_nothing_of_its_agent(make_doc):
    # "Decisions should be made by councils, Howard said."
    rows = [
        ("Decisions", 3, "nsubjpass", "NOUN", "decision"),
        ("should", 3, "aux", "AUX", "should", "MD"),
        ("be", 3, "auxpass", "AUX", "be", "VB"),
        ("made", 8, "ccomp", "VERB", "make", "VBN"),
        ("by", 3, "agent", "ADP"),
        ("councils", 4, "pobj", "NOUN", "council"),
        (",", 8, "punct", "PUNCT"),
        ("Howard", 8, "nsubj", "PROPN"),
        ("said", 8, "ROOT", "VERB", "say"),
        (".", 8, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(7, 8, "PERSON")]))
    assert "REQUEST" not in {e.type for e in events}


def test_a_verbal_event_with_nobody_doing_it_is_framing(make_doc):
    # "Asked about the plan, Johnson said it was fine." gives no REQUEST to Johnson
    rows = [
        ("Asked", 6, "advcl", "VERB", "ask", "VBN"),
        ("about", 0, "prep", "ADP"),
        ("the", 3, "det", "DET"),
        ("plan", 1, "pobj", "NOUN"),
        (",", 6, "punct", "PUNCT"),
        ("Johnson", 6, "nsubj", "PROPN"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("it", 8, "nsubj", "PRON"),
        ("was", 6, "ccomp", "AUX", "be"),
        ("fine", 8, "acomp", "ADJ"),
        (".", 6, "punct", "PUNCT"),
    ]
    assert "REQUEST" not in {e.type for e in events_of(build(make_doc, rows, [(5, 6, "PERSON")]))}


def test_prompting_someone_to_ask_makes_them_the_asker(make_doc):
    # "The crisis prompted the Queen to ask Wilson to govern."
    rows = [
        ("The", 1, "det", "DET"),
        ("crisis", 2, "nsubj", "NOUN"),
        ("prompted", 2, "ROOT", "VERB", "prompt"),
        ("the", 4, "det", "DET"),
        ("Queen", 2, "dobj", "PROPN"),
        ("to", 6, "aux", "PART"),
        ("ask", 2, "xcomp", "VERB", "ask", "VB"),
        ("Wilson", 6, "dobj", "PROPN"),
        ("to", 9, "aux", "PART"),
        ("govern", 6, "xcomp", "VERB", "govern", "VB"),
        (".", 2, "punct", "PUNCT"),
    ]
    request = one(events_of(build(make_doc, rows, [(4, 5, "PERSON"), (7, 8, "PERSON")])), "REQUEST")
    assert [p.mention.text for p in request.actor] == ["Queen"]


def _strike(rows_before: list[tuple[object, ...]], ents: list[tuple[int, int, str]], make_doc):  # type: ignore[no-untyped-def]
    return {e.type for e in events_of(build(make_doc, rows_before, ents)) if e.relation.endswith("strike")}


def test_a_strike_is_an_attack_unless_labour_words_surround_it(make_doc):
    # "Israel carried strikes on Gaza." / "Teachers went on strike."
    military = [("Israel", 1, "nsubj", "PROPN"), ("carried", 1, "ROOT", "VERB", "carry"),
                ("strikes", 1, "dobj", "NOUN", "strike"), ("on", 2, "prep", "ADP"),
                ("Gaza", 3, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")]  # fmt: skip
    labour = [("Teachers", 1, "nsubj", "NOUN", "teacher"), ("went", 1, "ROOT", "VERB", "go"),
              ("on", 1, "prep", "ADP"), ("strike", 2, "pobj", "NOUN"), (".", 1, "punct", "PUNCT")]  # fmt: skip
    assert _strike(military, [(0, 1, "GPE"), (4, 5, "GPE")], make_doc) == {"ASSAULT"}
    assert _strike(labour, [], make_doc) == {"PROTEST"}


def test_an_end_to_the_fighting_negates_it(make_doc):
    # "Russia imposed an end to the fighting."
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("imposed", 1, "ROOT", "VERB", "impose"),
        ("an", 3, "det", "DET"),
        ("end", 1, "dobj", "NOUN"),
        ("to", 3, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("fighting", 4, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "GPE")]))
    assert all(e.mood == "negated" for e in events if e.type == "ASSAULT")


def test_sanctioning_a_move_is_approval_not_a_sanction(make_doc):
    # "Moscow sanctioned the move."
    rows = [("Moscow", 1, "nsubj", "PROPN"), ("sanctioned", 1, "ROOT", "VERB", "sanction"),
            ("the", 3, "det", "DET"), ("move", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")]  # fmt: skip
    assert "SANCTION" not in {e.type for e in events_of(build(make_doc, rows, [(0, 1, "GPE")]))}
