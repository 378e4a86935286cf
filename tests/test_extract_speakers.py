"""Speakers on hand-built parses: pronouns that stand for people, quotes signed with a dash
written against the closing quote."""

from __future__ import annotations

from extract_docs import build, events_of


def _speakers(events):  # type: ignore[no-untyped-def]
    found = {e.attributed_to.mention.text for e in events if e.attributed_to is not None}
    return found | {p.mention.text for e in events if e.type == "STATEMENT" for p in e.actor}


def _say(subject: str, pos: str) -> list[tuple[object, ...]]:
    # "<subject> close to him say that he would run."
    return [
        (subject, 4, "nsubj", pos),
        ("close", 0, "amod", "ADJ"),
        ("to", 1, "prep", "ADP"),
        ("him", 2, "pobj", "PRON", "he", "PRP"),
        ("say", 4, "ROOT", "VERB", "say", "VBP"),
        ("that", 8, "mark", "SCONJ"),
        ("he", 8, "nsubj", "PRON", "he", "PRP"),
        ("would", 8, "aux", "AUX", "would", "MD"),
        ("run", 4, "ccomp", "VERB"),
        (".", 4, "punct", "PUNCT"),
    ]


def test_those_close_to_him_say_is_a_statement_by_those(make_doc):
    assert _speakers(events_of(build(make_doc, _say("Those", "PRON")))) == {"Those"}


def test_nobody_saying_is_no_speaker(make_doc):
    assert _speakers(events_of(build(make_doc, _say("Nobody", "PRON")))) == set()


def test_others_vowing_speak_for_themselves(make_doc):
    # "Others vowed to punish Russia."
    rows = [
        ("Others", 1, "nsubj", "NOUN", "other", "NNS"),
        ("vowed", 1, "ROOT", "VERB", "vow"),
        ("to", 3, "aux", "PART"),
        ("punish", 1, "xcomp", "VERB", "punish", "VB"),
        ("Russia", 3, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert "Others" in _speakers(events_of(build(make_doc, rows, [(4, 5, "GPE")])))


def _signed(dash: list[str]) -> list[tuple[object, ...]]:
    # '"We will win."― Jill Stein' with the dash glued to the quote or standing alone
    rows: list[tuple[object, ...]] = [
        ("“", 2, "punct", "PUNCT", "“", "``"),
        ("We", 2, "nsubj", "PRON", "we", "PRP"),
        ("win", 2, "ROOT", "VERB"),
        (".", 2, "punct", "PUNCT"),
    ]
    rows += [(d, 2, "punct", "PUNCT") for d in dash]
    n = len(rows)
    return rows + [("Jill", n + 1, "compound", "PROPN"), ("Stein", 2, "npadvmod", "PROPN")]


def test_a_dash_glued_to_the_closing_quote_signs_it(make_doc):
    rows = _signed(["”―"])
    doc = build(make_doc, rows, [(len(rows) - 2, len(rows), "PERSON")])
    assert _speakers(events_of(doc)) == {"Jill Stein"}


def test_a_dash_after_the_closing_quote_signs_it(make_doc):
    rows = _signed(["”", "―"])
    doc = build(make_doc, rows, [(len(rows) - 2, len(rows), "PERSON")])
    assert _speakers(events_of(doc)) == {"Jill Stein"}


def _verb_object(subject: str, verb: str, lemma: str, obj: str) -> list[tuple[object, ...]]:
    return [
        ("The", 1, "det", "DET"),
        (subject, 2, "nsubj", "NOUN"),
        (verb, 2, "ROOT", "VERB", lemma, "VBZ"),
        (obj, 2, "dobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]


def test_verbs_of_presenting_and_expressing_make_statements(make_doc):
    # "The ad references cases.", "The senator expressed reservations.", "The newspaper detailed spending."
    for subject, verb, lemma, obj in [
        ("ad", "references", "reference", "cases"),
        ("senator", "expressed", "express", "reservations"),
        ("newspaper", "detailed", "detail", "spending"),
        ("film", "portrays", "portray", "veterans"),
    ]:
        events = events_of(build(make_doc, _verb_object(subject, verb, lemma, obj)))
        assert _speakers(events) == {f"The {subject}"}, verb


def test_a_statement_inside_a_quotation_written_with_two_apostrophes_is_the_quoted_speakers(make_doc):
    # "''This museum tells the truth,'' he said."
    rows = [
        ("''", 3, "punct", "PUNCT", "''", "''"),
        ("This", 2, "det", "DET"),
        ("museum", 3, "nsubj", "NOUN"),
        ("tells", 9, "ccomp", "VERB", "tell", "VBZ"),
        ("the", 5, "det", "DET"),
        ("truth", 3, "dobj", "NOUN"),
        (",", 9, "punct", "PUNCT"),
        ("''", 9, "punct", "PUNCT", "''", "''"),
        ("he", 9, "nsubj", "PRON", "he", "PRP"),
        ("said", 9, "ROOT", "VERB", "say"),
        (".", 9, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == {"he"}


def _said_believes(content: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    # "Trump said he believes <content>."
    return [
        ("Trump", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("he", 3, "nsubj", "PRON", "he", "PRP"),
        ("believes", 1, "ccomp", "VERB", "believe", "VBZ"),
        *content,
        (".", 1, "punct", "PUNCT"),
    ]


def test_a_belief_someone_is_reported_to_hold_is_what_they_said(make_doc):
    # "Trump said he believes Obama was born here." → Trump's statement, no second one by "he"
    rows = _said_believes([("Obama", 6, "nsubjpass", "PROPN"), ("was", 6, "auxpass", "AUX", "be"),
                           ("born", 3, "ccomp", "VERB", "bear", "VBN"), ("here", 6, "advmod", "ADV")])  # fmt: skip
    assert _speakers(events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "PERSON")]))) == {"Trump"}


def test_an_event_inside_a_reported_belief_is_attributed_to_the_one_who_said_it(make_doc):
    # "Trump said he believes Iran attacked Israel."
    rows = _said_believes([("Iran", 5, "nsubj", "PROPN"), ("attacked", 3, "ccomp", "VERB", "attack"),
                           ("Israel", 5, "dobj", "PROPN")])  # fmt: skip
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 7, "GPE")]))
    assert [e.attributed_to.mention.text for e in events if e.type == "ASSAULT"] == ["Trump"]


def _to_tell(head: str, lemma: str) -> list[tuple[object, ...]]:
    # "Clinton <head> to tell jokes."
    return [
        ("Clinton", 1, "nsubj", "PROPN"),
        (head, 1, "ROOT", "VERB", lemma, "VBZ"),
        ("to", 3, "aux", "PART", "to", "TO"),
        ("tell", 1, "xcomp", "VERB", "tell", "VB"),
        ("jokes", 3, "dobj", "NOUN", "joke", "NNS"),
        (".", 1, "punct", "PUNCT"),
    ]


def test_a_statement_only_needed_is_not_made(make_doc):
    events = events_of(build(make_doc, _to_tell("needs", "need"), [(0, 1, "PERSON")]))
    assert _speakers(events) == set()


def test_a_statement_one_goes_on_to_make_is_made(make_doc):
    events = events_of(build(make_doc, _to_tell("continues", "continue"), [(0, 1, "PERSON")]))
    assert _speakers(events) == {"Clinton"}


def test_a_relative_speaker_after_a_list_is_written_once(make_doc):
    # "Stars like LaBelle and Wonder, who joked that they would come."
    rows = [
        ("Stars", 0, "ROOT", "NOUN", "star", "NNS"),
        ("like", 0, "prep", "ADP"),
        ("LaBelle", 1, "pobj", "PROPN"),
        ("and", 2, "cc", "CCONJ"),
        ("Wonder", 2, "conj", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("who", 7, "nsubj", "PRON", "who", "WP"),
        ("joked", 2, "relcl", "VERB", "joke"),  # the parser hangs it on the first of the list
        ("that", 11, "mark", "SCONJ"),
        ("they", 11, "nsubj", "PRON", "they", "PRP"),
        ("would", 11, "aux", "AUX", "would", "MD"),
        ("come", 7, "ccomp", "VERB"),
        (".", 0, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(2, 3, "PERSON"), (4, 5, "PERSON")]))
    assert _speakers(events) == {"who"}


def test_as_someone_put_it_quotes_them(make_doc):
    # "Turnout fell, as the memo put it."
    rows = [
        ("Turnout", 1, "nsubj", "NOUN"),
        ("fell", 1, "ROOT", "VERB", "fall"),
        (",", 1, "punct", "PUNCT"),
        ("as", 6, "mark", "SCONJ"),
        ("the", 5, "det", "DET"),
        ("memo", 6, "nsubj", "NOUN"),
        ("put", 1, "advcl", "VERB", "put"),
        ("it", 6, "dobj", "PRON", "it", "PRP"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == {"the memo"}


def test_putting_it_somewhere_quotes_nobody(make_doc):
    # "The memo put it on the table."
    rows = [
        ("The", 1, "det", "DET"),
        ("memo", 2, "nsubj", "NOUN"),
        ("put", 2, "ROOT", "VERB", "put"),
        ("it", 2, "dobj", "PRON", "it", "PRP"),
        ("on", 2, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("table", 4, "pobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == set()


def test_maintaining_something_is_no_statement_but_maintaining_that_is(make_doc):
    # "The embassy maintains a monitor." / "The embassy maintains that it is safe."
    kept = [("The", 1, "det", "DET"), ("embassy", 2, "nsubj", "NOUN"),
            ("maintains", 2, "ROOT", "VERB", "maintain", "VBZ")]  # fmt: skip
    thing = kept + [("a", 4, "det", "DET"), ("monitor", 2, "dobj", "NOUN"), (".", 2, "punct", "PUNCT")]
    clause = kept + [("that", 6, "mark", "SCONJ"), ("it", 6, "nsubj", "PRON", "it", "PRP"),
                     ("is", 2, "ccomp", "AUX", "be", "VBZ"), ("safe", 6, "acomp", "ADJ"), (".", 2, "punct", "PUNCT")]  # fmt: skip
    assert _speakers(events_of(build(make_doc, thing))) == set()
    assert _speakers(events_of(build(make_doc, clause))) == {"The embassy"}


def test_the_it_of_it_is_worth_noting_says_nothing(make_doc):
    # "It is worth noting that Apple paid."
    rows = [
        ("It", 1, "nsubj", "PRON", "it", "PRP"),
        ("is", 1, "ROOT", "AUX", "be", "VBZ"),
        ("worth", 1, "acomp", "ADJ"),
        ("noting", 2, "xcomp", "VERB", "note", "VBG"),
        ("that", 6, "mark", "SCONJ"),
        ("Apple", 6, "nsubj", "PROPN"),
        ("paid", 3, "ccomp", "VERB", "pay"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows, [(5, 6, "ORG")]))) == set()


def _backed(verb: str, lemma: str) -> list[tuple[object, ...]]:
    # "Russia <verb> Assad."
    return [("Russia", 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", lemma), ("Assad", 1, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT")]  # fmt: skip


def test_backing_someone_is_support_but_no_speech_endorsing_is_both(make_doc):
    ents = [(0, 1, "GPE"), (2, 3, "PERSON")]
    backed = events_of(build(make_doc, _backed("backed", "back"), ents))
    assert [e.type for e in backed] == ["SUPPORT"] and _speakers(backed) == set()
    endorsed = events_of(build(make_doc, _backed("endorsed", "endorse"), ents))
    assert _speakers(endorsed) == {"Russia"}


def test_according_to_a_compound_misread_as_a_verb_and_its_object(make_doc):
    # "Trump demeaned women, according to show insiders."
    rows = [
        ("Trump", 1, "nsubj", "PROPN"),
        ("demeaned", 1, "ROOT", "VERB", "demean"),
        ("women", 1, "dobj", "NOUN", "woman", "NNS"),
        (",", 1, "punct", "PUNCT"),
        ("according", 1, "prep", "VERB", "accord", "VBG"),
        ("to", 4, "prep", "ADP"),
        ("show", 5, "pcomp", "VERB", "show", "VB"),
        ("insiders", 6, "dobj", "NOUN", "insider", "NNS"),
        (".", 1, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON")]))
    assert "insiders" in _speakers(events)


def test_a_subject_across_a_paragraph_break_is_a_misparse(make_doc):
    # "Kim Says Talks Failed.\n\nSEOUL -- ..." parsed as one sentence with SEOUL a second subject
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("Says", 1, "ROOT", "VERB", "say", "VBZ"),
        ("Talks", 3, "nsubj", "NOUN", "talk", "NNS"),
        ("Failed", 1, "ccomp", "VERB", "fail"),
        (".", 1, "punct", "PUNCT"),
        ("\n\n", 4, "dep", "SPACE", "\n\n", "_SP"),
        ("SEOUL", 1, "nsubj", "PROPN"),
        ("--", 6, "punct", "PUNCT"),
    ]
    events = events_of(build(make_doc, rows, [(0, 1, "PERSON"), (6, 7, "GPE")]))
    assert _speakers(events) == {"Kim"}


def test_an_it_that_met_and_said_still_speaks(make_doc):
    # "It met and said that talks failed."
    rows = [
        ("It", 1, "nsubj", "PRON", "it", "PRP"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("and", 1, "cc", "CCONJ"),
        ("said", 1, "conj", "VERB", "say"),
        ("that", 6, "mark", "SCONJ"),
        ("talks", 6, "nsubj", "NOUN", "talk", "NNS"),
        ("failed", 3, "ccomp", "VERB", "fail"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert _speakers(events_of(build(make_doc, rows))) == {"It"}


def _report(modifier: str, label: str) -> tuple[list[tuple[object, ...]], list[tuple[int, int, str]]]:
    # "A <modifier> report that Trump lost money appeared."
    rows = [
        ("A", 2, "det", "DET"),
        (modifier, 2, "compound", "PROPN"),
        ("report", 7, "nsubj", "NOUN"),
        ("that", 5, "mark", "SCONJ"),
        ("Trump", 5, "nsubj", "PROPN"),
        ("lost", 2, "acl", "VERB", "lose"),
        ("money", 5, "dobj", "NOUN"),
        ("appeared", 7, "ROOT", "VERB", "appear"),
        (".", 7, "punct", "PUNCT"),
    ]
    return rows, [(1, 2, label), (4, 5, "PERSON")]


def test_a_named_source_of_a_report_that_says_something_speaks(make_doc):
    rows, ents = _report("Reuters", "ORG")
    assert _speakers(events_of(build(make_doc, rows, ents))) == {"Reuters"}


def test_a_report_named_by_its_date_has_no_speaker(make_doc):
    rows, ents = _report("Monday", "DATE")
    assert _speakers(events_of(build(make_doc, rows, ents))) == set()
