"""Speakers and sources on hand-built parses: claims, "according to" a document, polls and
studies that show, shares of a poll, "she continued", refusals as stances."""

from __future__ import annotations

from extract_docs import build, events_of, one


def _speakers(events):  # type: ignore[no-untyped-def]
    found = {e.attributed_to.mention.text for e in events if e.attributed_to is not None}
    return found | {p.mention.text for e in events if e.type == "STATEMENT" for p in e.actor}


def test_possessor_of_a_claim_with_a_clause_speaks(make_doc):
    # "Russia's claims that Ukraine built a bomb were rejected."
    rows = [
        ("Russia", 2, "poss", "PROPN"),
        ("'s", 0, "case", "PART"),
        ("claims", 8, "nsubjpass", "NOUN", "claim"),
        ("that", 5, "mark", "SCONJ"),
        ("Ukraine", 5, "nsubj", "PROPN"),
        ("built", 2, "acl", "VERB", "build"),
        ("a", 7, "det", "DET"),
        ("bomb", 5, "dobj", "NOUN"),
        ("rejected", 8, "ROOT", "VERB", "reject", "VBN"),
        (".", 8, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "GPE"), (4, 5, "GPE")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["Russia"]
    assert [p.mention.text for p in statement.recipient] == ["Ukraine"]


def test_claim_noun_without_a_clause_is_no_statement(make_doc):
    # "His speech carried a personal tone."
    rows = [
        ("His", 1, "poss", "PRON", "his", "PRP$"),
        ("speech", 2, "nsubj", "NOUN"),
        ("carried", 2, "ROOT", "VERB", "carry"),
        ("a", 4, "det", "DET"),
        ("tone", 2, "dobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert not [e for e in events_of(build(make_doc, rows)) if e.type == "STATEMENT"]


def test_according_to_a_document(make_doc):
    # "Clinton leads, according to the poll."
    rows = [
        ("Clinton", 1, "nsubj", "PROPN"),
        ("leads", 1, "ROOT", "VERB", "lead", "VBZ"),
        (",", 1, "punct", "PUNCT"),
        ("according", 1, "prep", "VERB", "accord", "VBG"),
        ("to", 3, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("poll", 4, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    statement = one(events_of(build(make_doc, rows, [(0, 1, "PERSON")])), "STATEMENT")
    assert [p.mention.text for p in statement.actor] == ["the poll"]


def test_polls_that_show_something_are_sources(make_doc):
    # "Polls show a close contest."
    rows = [
        ("Polls", 1, "nsubj", "NOUN", "poll"),
        ("show", 1, "ROOT", "VERB", "show", "VBP"),
        ("a", 4, "det", "DET"),
        ("close", 4, "amod", "ADJ"),
        ("contest", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == {"Polls"}


def test_people_who_show_something_are_not_sources(make_doc):
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("showed", 1, "ROOT", "VERB", "show"),
        ("a", 3, "det", "DET"),
        ("car", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "PERSON")]))) == set()


def test_a_share_of_a_poll_speaks(make_doc):
    # "73 percent said Clinton was justified."
    rows = [
        ("73", 1, "nummod", "NUM"),
        ("percent", 2, "nsubj", "NOUN"),
        ("said", 2, "ROOT", "VERB", "say"),
        ("Clinton", 4, "nsubj", "PROPN"),
        ("was", 2, "ccomp", "AUX", "be"),
        ("justified", 4, "acomp", "ADJ"),
        (".", 2, "punct", "PUNCT"),
    ]
    doc = build(make_doc, rows, [(0, 2, "PERCENT"), (3, 4, "PERSON")])
    assert _speakers(events_of(doc)) == {"73 percent"}


def test_she_continued_after_a_quote(make_doc):
    rows = [
        ("“", 1, "punct", "PUNCT"),
        ("Look", 5, "ccomp", "VERB", "look"),
        (",", 5, "punct", "PUNCT"),
        ("”", 5, "punct", "PUNCT"),
        ("she", 5, "nsubj", "PRON", "she", "PRP"),
        ("continued", 5, "ROOT", "VERB", "continue"),
        (".", 5, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == {"she"}


def test_continued_to_do_is_no_statement(make_doc):
    rows = [
        ("Russia", 1, "nsubj", "PROPN"),
        ("continued", 1, "ROOT", "VERB", "continue"),
        ("to", 3, "aux", "PART"),
        ("build", 1, "xcomp", "VERB", "build", "VB"),
        ("roads", 3, "dobj", "NOUN", "road"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "GPE")]))) == set()


def test_a_refusal_is_its_actor_s_stance(make_doc):
    # "Trump refuses to release his returns."
    rows = [
        ("Trump", 1, "nsubj", "PROPN"),
        ("refuses", 1, "ROOT", "VERB", "refuse", "VBZ"),
        ("to", 3, "aux", "PART"),
        ("meet", 1, "xcomp", "VERB", "meet", "VB"),
        ("Putin", 3, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "PERSON")]))
    assert _speakers(events) == {"Trump"}


def test_quoted_as_saying(make_doc):
    # "Kerry is quoted as saying that the talks failed."
    rows = [
        ("Kerry", 2, "nsubjpass", "PROPN"),
        ("is", 2, "auxpass", "AUX", "be", "VBZ"),
        ("quoted", 2, "ROOT", "VERB", "quote", "VBN"),
        ("as", 2, "prep", "ADP"),
        ("saying", 3, "pcomp", "VERB", "say", "VBG"),
        ("that", 8, "mark", "SCONJ"),
        ("the", 7, "det", "DET"),
        ("talks", 8, "nsubj", "NOUN", "talk"),
        ("failed", 4, "ccomp", "VERB", "fail"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "PERSON")]))) == {"Kerry"}


def test_in_someone_s_words(make_doc):
    # "In Trump's words, the deal is a disaster."
    rows = [
        ("In", 7, "prep", "ADP"),
        ("Trump", 3, "poss", "PROPN"),
        ("'s", 1, "case", "PART"),
        ("words", 0, "pobj", "NOUN", "word"),
        (",", 7, "punct", "PUNCT"),
        ("the", 6, "det", "DET"),
        ("deal", 7, "nsubj", "NOUN"),
        ("is", 7, "ROOT", "AUX", "be", "VBZ"),
        ("a", 9, "det", "DET"),
        ("disaster", 7, "attr", "NOUN"),
        (".", 7, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(1, 2, "PERSON")]))) == {"Trump"}


def test_joking_is_a_statement(make_doc):
    # "Wonder joked that he had not seen it."
    rows = [
        ("Wonder", 1, "nsubj", "PROPN"),
        ("joked", 1, "ROOT", "VERB", "joke"),
        ("that", 5, "mark", "SCONJ"),
        ("he", 5, "nsubj", "PRON", "he", "PRP"),
        ("had", 5, "aux", "AUX", "have"),
        ("seen", 1, "ccomp", "VERB", "see", "VBN"),
        ("it", 5, "dobj", "PRON", "it", "PRP"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "PERSON")]))) == {"Wonder"}


def test_relative_pronoun_speaker_is_kept_as_written(make_doc):
    # "Clinton, who urged Congress to act, won."
    rows = [
        ("Clinton", 7, "nsubj", "PROPN"),
        (",", 0, "punct", "PUNCT"),
        ("who", 3, "nsubj", "PRON", "who", "WP"),
        ("urged", 0, "relcl", "VERB", "urge"),
        ("Congress", 3, "dobj", "PROPN"),
        ("to", 6, "aux", "PART"),
        ("act", 3, "xcomp", "VERB", "act", "VB"),
        ("won", 7, "ROOT", "VERB", "win"),
        (".", 7, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "ORG")]))
    request = one(events, "REQUEST")
    assert [p.mention.text for p in request.actor] == ["Clinton"]
    assert request.attributed_to is not None and request.attributed_to.mention.text == "who"


def test_making_a_remark_is_a_statement(make_doc):
    # "Trump made the remark at a rally."
    rows = [
        ("Trump", 1, "nsubj", "PROPN"),
        ("made", 1, "ROOT", "VERB", "make"),
        ("the", 3, "det", "DET"),
        ("remark", 1, "dobj", "NOUN"),
        ("at", 1, "prep", "ADP"),
        ("a", 6, "det", "DET"),
        ("rally", 4, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "PERSON")]))) == {"Trump"}
