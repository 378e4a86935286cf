"""Rules of shared/eval/README.md, one test each, on small hand-written records."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.evaluate import (
    PRF,
    GoldEntity,
    match,
    normalise,
    score_attribution,
    score_cameo,
    score_documents,
    score_plover,
    side_matches,
    state_code,
    units,
)
from kgraph.evaluate.align import align, entity_matches
from kgraph.evaluate.codes import OLD_CODES
from kgraph.evaluate.document import mention_owners
from kgraph.evaluate.run import actor_nodes_from_records, fold_doc_ids, format_table, score_set


def entry(text: str, label: str | None = None, country: str | None = None, start: int = 0, end: int | None = None) -> dict[str, Any]:
    return {"id": f"actor:{text.lower()}", "label": label or text, "text": text, "start": start,
            "end": len(text) + start if end is None else end, "type": None, "country": country}  # fmt: skip


def rec(doc: str, type_: str | None, actors: list[Any], recipients: list[Any] = (), **extra: Any) -> dict[str, Any]:
    as_entry = (lambda x: entry(x) if isinstance(x, str) else x)
    return {"doc": doc, "id": f"event:{random.random()}", "type": type_, "cameo_root": extra.pop("cameo_root", None),
            "actor": [as_entry(a) for a in actors], "recipient": [as_entry(r) for r in recipients],
            "mood": "asserted", "attributed_to": None, "confidence": 0.5, "sentence": "", **extra}  # fmt: skip


def plover(doc: str, type_: str, actors: list[tuple[str, str | None]], recipients: list[tuple[str, str | None]] = ()) -> dict[str, Any]:
    return {"id": doc, "text": "…", "type": type_, "actor": [{"text": t, "code": c} for t, c in actors],
            "recipient": [{"text": t, "code": c} for t, c in recipients]}  # fmt: skip


# --- normalisation and matching -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "US"),
        ("Hungarian", "Senior Hungarian officials"),
        ("the United States", "United States"),
        ("North Korea's", "North Korea"),
        ("Mr. Putin", "Putin"),
        ("Dr Smith", "smith"),
        ("Greek-Cypriot", "Greek Cypriot sides"),
        ("Iran’s Shiraz", "shiraz"),
        ("The U.S.", "the us government"),
    ],
)
def test_lenient_strings_match(a: str, b: str) -> None:
    assert match(a, b) and match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hungary", "Hungarian"),  # tokens, not characters
        ("Kim", "Kimberly"),
        ("the", "the West"),  # normalises to nothing
        ("A", "A Party"),  # a lone article is nothing too
        ("", "Russia"),
        (None, "Russia"),
        ("Korea North", "North Korea"),  # order counts: a contiguous run of tokens
    ],
)
def test_non_matches(a: str | None, b: str) -> None:
    assert not match(a, b)


def test_a_whole_sentence_matches_nothing() -> None:
    sentence = "Russia has expended huge resources in the town of Bakhmut despite a looming battle in Kherson"
    assert not match("Russia", sentence)
    assert not match("Bakhmut", sentence)


def test_at_most_eight_more_tokens() -> None:
    nine = "one two three four five six seven eight nine"
    assert match("nine", "x " + " ".join(nine.split()[:7]) + " nine")  # 9 tokens: 8 more than 1
    assert not match("nine", "x y " + " ".join(nine.split()[:7]) + " nine")  # 10 tokens: 9 more


def test_normalise_drops_one_leading_word_and_trailing_possessive() -> None:
    assert normalise("The Tasnim’s source") == "tasnim s source"
    assert normalise("An ambassador's") == "ambassador"
    assert normalise("Mrs. Clinton") == "clinton"


# --- codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "iso"), [("JAP", "JPN"), ("VTN", "VNM"), ("ITL", "ITA"), ("GMY", "DEU"), ("UKG", "GBR")])
def test_old_cameo_codes_read_as_iso(old: str, iso: str) -> None:
    assert state_code(old) == iso
    assert entity_matches(GoldEntity(("Japanese",), old), {"text": "officials", "country": iso})


def test_old_codes_never_shadow_iso_codes() -> None:
    import pycountry

    iso = {c.alpha_3 for c in pycountry.countries}
    assert not set(OLD_CODES) & iso
    assert state_code("AUS") == "AUS"  # Australia, not COW's Austria


@pytest.mark.parametrize("code", ["IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"])
def test_category_codes_match_by_text_only(code: str) -> None:
    gold = GoldEntity(("United Nations",), code)
    assert not entity_matches(gold, {"text": "NATO", "label": "NATO", "country": code})
    assert entity_matches(gold, {"text": "the United Nations", "label": "UN", "country": code})


def test_label_matches_as_well_as_text() -> None:
    assert entity_matches(GoldEntity(("Kim Jong Un",)), {"text": "He", "label": "Kim Jong Un"})


def test_empty_gold_side_matches_anything() -> None:
    assert side_matches([], None)
    assert side_matches([], entry("anyone"))
    assert not side_matches([GoldEntity(("Iraq",))], None)


# --- one-to-one alignment -------------------------------------------------------------------


def test_compound_event_expands_into_units() -> None:
    got = units([rec("d", "AGREE", ["Hungary", "Romania"], ["EU", "UN"])])
    assert [(u.actor["text"], u.recipient["text"]) for u in got] == [
        ("Hungary", "EU"), ("Hungary", "UN"), ("Romania", "EU"), ("Romania", "UN")]  # fmt: skip


def test_alignment_is_one_to_one_and_maximal() -> None:
    # greedy in order would pair "x" with "xy" and leave "y" unmatched
    assert align(["x", "y"], ["xy", "x"], lambda g, u: g in u) == [(0, 1), (1, 0)]
    assert len(align(["x", "x"], ["x"], lambda g, u: g == u)) == 1


def test_prf_counts() -> None:
    s = PRF(matched=3, system=6, gold=4)
    assert (s.precision, s.recall) == (0.5, 0.75)
    assert s.f1 == pytest.approx(0.6)
    assert PRF(0, 0, 0).to_dict()["f1"] == 0.0


# --- PLOVER ---------------------------------------------------------------------------------


def test_plover_full_match_by_text() -> None:
    gold = [plover("s1", "AGREE", [("Hungarian", "HUN"), ("Romanian", "ROU")])]
    system = [rec("s1", "AGREE", ["Senior Hungarian officials"])]
    d = score_plover(system, gold).to_dict()
    assert (d["type_recall"], d["dyad_recall"], d["full_recall"], d["top1_full"]) == (1.0, 1.0, 1.0, 1.0)


def test_plover_code_match_with_old_code() -> None:
    gold = [plover("s1", "CONSULT", [("Tokyo", "JAP")], [("Hanoi", "VTN")])]
    system = [rec("s1", "CONSULT", [entry("Japanese officials", country="JPN")], [entry("Vietnam", country="VNM")])]
    assert score_plover(system, gold).full == 1


def test_plover_ignores_statement_and_untyped_events() -> None:
    gold = [plover("s1", "ACCUSE", [("Israel", "ISR")], [("Palestinians", "PSE")])]
    system = [rec("s1", "STATEMENT", ["Israel"], ["Palestinians"]), rec("s1", None, ["Israel"], ["Palestinians"])]
    assert score_plover(system, gold).to_dict()["dyad_recall"] == 0.0


def test_plover_type_only_and_dyad_only_are_separate() -> None:
    gold = [plover("s1", "ASSAULT", [("rebels", None)], [("army", None)])]
    system = [rec("s1", "ASSAULT", ["police"], ["army"]), rec("s1", "COERCE", ["rebels"], ["army"])]
    s = score_plover(system, gold)
    assert (s.type, s.dyad, s.full) == (1, 1, 0)


def test_plover_top1_is_the_most_confident_typed_event() -> None:
    gold = [plover("s1", "THREATEN", [("Iran", "IRN")], [("Israel", "ISR")])]
    right = rec("s1", "THREATEN", ["Iran"], ["Israel"], confidence=0.4)
    wrong = rec("s1", "ASSAULT", ["Iran"], ["Israel"], confidence=0.9)
    s = score_plover([wrong, right], gold)
    assert (s.full, s.top1_full) == (1, 0)
    assert score_plover([dict(right, confidence=0.95), wrong], gold).top1_full == 1


def test_plover_empty_gold_recipient_and_actor_match_anything() -> None:
    gold = [plover("s1", "AGREE", [("Libya", "LBY")]), plover("s2", "ASSAULT", [], [("Iraqi civilians", "IRQ")])]
    system = [rec("s1", "AGREE", ["Libya"], ["Great Britain"]), rec("s2", "ASSAULT", [], ["civilians"])]
    assert score_plover(system, gold).full == 2


def test_plover_gold_records_sharing_an_id_merge_and_one_event_takes_one() -> None:
    gold = [plover("s1", "AGREE", [("Turkish", "TUR")]), plover("s1", "AGREE", [("Greek", "GRC")])]
    broad = [rec("s1", "AGREE", ["Turkish and Greek sides"])]
    compound = [rec("s1", "AGREE", ["Turkish", "Greek"])]
    assert score_plover(broad, gold).to_dict()["full_recall"] == 0.5
    assert score_plover(compound, gold).to_dict()["full_recall"] == 1.0


def test_plover_other_documents_do_not_count() -> None:
    gold = [plover("s1", "AID", [("UN", "IGO")])]
    assert score_plover([rec("s2", "AID", ["UN"])], gold).type == 0


# --- CAMEO ----------------------------------------------------------------------------------


def snippet(doc: str, *triplets: tuple[str, str, str]) -> dict[str, Any]:
    return {"id": doc, "text": "…", "triplets": [
        {"subject": s, "object": o, "relation": "x", "cameo_root": r} for s, o, r in triplets]}  # fmt: skip


def test_cameo_dyad_and_typed() -> None:
    gold = [snippet("w1", ("Russia", "Ukraine", "19"), ("Zelensky", "Russian", "01"))]
    system = [rec("w1", "ASSAULT", ["Russia"], ["Ukraine"], cameo_root="18"),
              rec("w1", "STATEMENT", ["President Zelensky"], ["Russian tactics"], cameo_root="01")]  # fmt: skip
    s = score_cameo(system, gold)
    assert (s.dyad.matched, s.dyad.system, s.dyad.gold) == (2, 2, 2)
    assert (s.typed.matched, s.typed.precision, s.typed.recall) == (1, 0.5, 0.5)


def test_cameo_distinct_triplets_and_merged_ids() -> None:
    gold = [snippet("w1", ("Adidas", "Kanye West", "16"), ("Adidas", "Kanye West", "16")),
            snippet("w1", ("Adidas", "Kanye West", "16"), ("the West", "Russia", "13"))]  # fmt: skip
    system = [rec("w1", "SANCTION", ["Adidas"], ["Kanye West"], cameo_root="16")]
    s = score_cameo(system, gold)
    assert (s.typed.gold, s.typed.matched) == (2, 1)


def test_cameo_one_broad_event_cannot_take_many_triplets() -> None:
    gold = [snippet("w1", ("gunmen", "Several people", "19"), ("gunmen", "several others", "19"))]
    broad = [rec("w1", "ASSAULT", ["gunmen"], ["several people and several others"], cameo_root="19")]
    compound = [rec("w1", "ASSAULT", ["gunmen"], ["several people", "several others"], cameo_root="19")]
    assert score_cameo(broad, gold).typed.recall == 0.5
    assert score_cameo(compound, gold).typed.to_dict()["f1"] == 1.0


def test_cameo_untyped_relations_count_for_dyads_and_against_typed_precision() -> None:
    gold = [snippet("w1", ("Germany", "cannabis", "01"))]
    system = [rec("w1", None, ["Germany"], ["recreational cannabis"])]
    s = score_cameo(system, gold)
    assert (s.dyad.matched, s.dyad.system, s.typed.matched, s.typed.system) == (1, 1, 0, 1)
    assert (s.coded_dyad.system, s.coded_dyad.matched) == (0, 0)


# --- attribution ----------------------------------------------------------------------------


def article(doc: str, *spans: tuple[int, int]) -> dict[str, Any]:
    return {"id": doc, "text": "…", "attributions": [{"source": {"spans": [list(s)], "text": "x"}} for s in spans]}


def test_attribution_speakers_by_overlap_one_to_one() -> None:
    gold = [article("a", (0, 17), (0, 17), (200, 208))]  # two attributions share one source
    statement = rec("a", "STATEMENT", [entry("New York Post", start=4, end=17)])
    reported = rec("a", "ASSAULT", ["x"], attributed_to=entry("New York Post", start=4, end=17))
    wrong = rec("a", "STATEMENT", [entry("sources", start=300, end=307)])
    s = score_attribution([statement, reported, wrong], gold)
    assert (s.matched, s.system, s.gold) == (1, 2, 2)


def test_attribution_one_speaker_cannot_match_two_sources() -> None:
    gold = [article("a", (0, 5), (3, 9))]
    s = score_attribution([rec("a", "STATEMENT", [entry("x", start=2, end=8)])], gold)
    assert (s.matched, s.recall) == (1, 0.5)


def test_attribution_ignores_actors_of_other_events() -> None:
    gold = [article("a", (0, 5))]
    assert score_attribution([rec("a", "ACCUSE", [entry("Trump", start=0, end=5)])], gold).system == 0


# --- whole documents ------------------------------------------------------------------------

SEED = {
    "doc": "seed",
    "actors": [
        {"id": "kju", "label": "Kim Jong Un", "mentions": ["Kim Jong Un", "Kim", "He", "the North Korean president"]},
        {"id": "kji", "label": "Kim Jong Il", "mentions": ["Kim Jong Il", "his father"]},
        {"id": "nk", "label": "North Korea", "mentions": ["North Korea", "the country's"]},
        {"id": "un", "label": "United Nations", "mentions": ["United Nations", "U.N."]},
        {"id": "people", "label": "North Korean people", "mentions": ["his people", "them"]},
    ],
    "distinct": [["kju", "kji"], ["kju", "nk"]],
    "events": [
        {"actor": ["kju"], "type": "MOBILIZE", "recipient": [], "mood": "asserted",
         "sentence": "He launched a nuclear test in January and followed by a long range rocket launch in February."},
        {"actor": ["un"], "type": "SANCTION", "recipient": ["nk"], "mood": "asserted",
         "sentence": "Kim is pushing his signature ruling policy despite the most recent United Nations (U.N.) sanctions."},
        {"actor": ["kju"], "type": "STATEMENT", "recipient": [], "mood": "asserted", "sentence": "Kim said so."},
    ],
}  # fmt: skip


def node(node_id: str, *texts: str, doc: str = "seed") -> dict[str, Any]:
    return {"id": node_id, "kind": "actor", "label": texts[0],
            "mentions": [{"doc": doc, "start": i, "end": i + 1, "text": t} for i, t in enumerate(texts)]}  # fmt: skip


def test_document_actor_figures() -> None:
    nodes = [node("a:1", "Kim Jong Un", "He", "Kim Jong Il"), node("a:2", "Kim"), node("a:3", "North Korea's"),
             node("a:4", "U.N."), node("a:5", "Kim Jong Un", doc="other")]  # fmt: skip
    a = score_documents([], nodes, [SEED]).actors
    assert (a.named, a.found) == (4, 4)  # "his people/them" is not a named actor
    assert (a.split_actors, a.merged_nodes, a.distinct_pairs_merged) == (1, 1, 1)


def test_document_mentions_belong_by_membership_not_containment() -> None:
    owners = mention_owners(SEED["actors"])
    assert owners["kim"] == "kju" and "he" not in owners
    a = score_documents([], [node("a:1", "Kim Jong")], [SEED]).actors
    assert a.found == 0


def test_document_events_same_sentence_sides_type_and_mood() -> None:
    sentence = SEED["events"][0]["sentence"]
    right = rec("seed", "MOBILIZE", [entry("He", label="Kim Jong Un")], ["January"], sentence=" " + sentence)
    other = rec("seed", "SANCTION", ["U.N."], ["North Korea's"], mood="future",
                sentence="Kim is pushing his signature ruling policy despite the most recent United Nations sanctions, again.")
    elsewhere = rec("seed", "MOBILIZE", ["Kim"], sentence="He also ordered his army to get ready.")
    statement = rec("seed", "STATEMENT", ["Kim"], sentence="Kim said so.")
    s = score_documents([right, other, elsewhere, statement], [], [SEED])
    assert (s.untyped.matched, s.untyped.system, s.untyped.gold) == (2, 3, 2)
    assert (s.typed.matched, s.mood_correct, s.mood_accuracy) == (2, 1, 0.5)


def test_document_typed_needs_the_gold_type() -> None:
    sentence = SEED["events"][0]["sentence"]
    s = score_documents([rec("seed", "ASSAULT", ["Kim Jong Un"], sentence=sentence)], [], [SEED])
    assert (s.untyped.matched, s.typed.matched) == (1, 0)


def test_document_mood_prefers_agreeing_pairs() -> None:
    gold = dict(SEED, events=[dict(SEED["events"][0], mood="negated"), dict(SEED["events"][0], mood="future")])
    sentence = SEED["events"][0]["sentence"]
    system = [rec("seed", "MOBILIZE", ["Kim"], sentence=sentence, mood=m) for m in ("future", "negated")]
    assert score_documents(system, [], [gold]).mood_correct == 2


# --- running and reporting ------------------------------------------------------------------


def test_actor_nodes_from_records_group_by_actor_id() -> None:
    r1 = rec("seed", "AID", [entry("Kim")], [entry("UN")])
    r2 = rec("seed", "AID", [dict(entry("He"), id="actor:kim")])
    nodes = {n["id"]: n for n in actor_nodes_from_records([r1, r2])}
    assert [m["text"] for m in nodes["actor:kim"]["mentions"]] == ["Kim", "He"]


def test_repeated_ids_fold_and_unknown_sets_fail() -> None:
    assert fold_doc_ids([{"doc": "w~2"}], {"w"})[0]["doc"] == "w"
    assert fold_doc_ids([{"doc": "w~2"}], {"w", "w~2"})[0]["doc"] == "w~2"
    with pytest.raises(ValueError, match="unknown dev set"):
        score_set("acled", [], [])


def test_order_of_records_does_not_change_scores() -> None:
    gold = [snippet("w1", ("Iran", "Iraq", "19"), ("Iran", "Oman", "19"), ("Chad", "Iraq", "19"))]
    system = [rec("w1", "ASSAULT", ["Iran", "Chad"], ["Iraq", "Oman"], cameo_root="19"),
              rec("w1", "ASSAULT", ["Iran"], ["Iraq"], cameo_root="19")]  # fmt: skip
    first = score_cameo(system, gold).to_dict()
    assert score_cameo(system[::-1], gold).to_dict() == first
    assert first["typed"]["matched"] == 3


def test_table_lists_every_figure() -> None:
    gold = [snippet("w1", ("Iran", "Iraq", "19"))]
    table = format_table({"cameo": score_set("cameo", [], gold).to_dict(),
                          "plover": score_plover([], [plover("s", "AID", [])]).to_dict()})  # fmt: skip
    assert "cameo typed" in table and "plover top1_full" in table


def test_public_api_is_documented() -> None:
    from kgraph import evaluate

    for name in evaluate.__all__:
        obj = getattr(evaluate, name)
        assert not callable(obj) or (obj.__doc__ or "").strip(), name


# --- error analysis (--details) -------------------------------------------------------------


def test_details_name_what_was_missed_and_what_was_spurious() -> None:
    from kgraph.evaluate import details_set

    gold = [plover("s1", "ASSAULT", [("rebels", None)], [("army", None)])]
    (miss,) = details_set("plover", [rec("s1", "COERCE", ["rebels"], ["army"])], gold)
    assert (miss["type_ok"], miss["dyad_ok"], miss["system"][0]["type"]) == (False, True, "COERCE")

    gold = [snippet("w1", ("Iran", "Iraq", "19"), ("Oman", "Chad", "04"))]
    (d,) = details_set("cameo", [rec("w1", "ASSAULT", ["Iran"], ["Iraq", "Qatar"], cameo_root="19")], gold)
    assert d["missed"] == [{"subject": "Oman", "object": "Chad", "cameo_root": "04"}]
    assert [u["recipient"] for u in d["spurious"]] == ["Qatar"]
    assert details_set("cameo", [rec("w1", "ASSAULT", ["Iran"], ["Iraq"], cameo_root="19"),
                                 rec("w1", "CONSULT", ["Oman"], ["Chad"], cameo_root="04")], gold) == []  # fmt: skip

    gold = [dict(article("a", (0, 3)), text="Kim said so. Aides agreed.")]
    (d,) = details_set("attribution", [rec("a", "STATEMENT", [entry("Aides", start=13)])], gold)
    assert d["missed"][0]["text"] == "Kim" and d["spurious"][0]["text"] == "Aides"


def test_document_details() -> None:
    from kgraph.evaluate import details_set

    sentence = SEED["events"][0]["sentence"]
    system = [rec("seed", "MOBILIZE", ["Kim"], sentence=sentence, mood="future")]
    nodes = [node("a:1", "Kim Jong Un", "Kim Jong Il"), node("a:2", "Kim")]
    (d,) = details_set("seed", system, [SEED], actor_nodes=nodes)
    assert d["actors"] == {"missing": ["nk", "un"], "split": {"kju": ["a:1", "a:2"]}, "merged": {"a:1": ["kji", "kju"]}}
    assert [m["type"] for m in d["missed"]] == ["SANCTION"] and not d["spurious"]
    assert d["mood_errors"][0]["gold"] == "asserted" and d["mood_errors"][0]["system"] == "future"


# --- properties -----------------------------------------------------------------------------

_words = st.lists(st.sampled_from(["the", "U.S.", "Kim's", "north", "Korea", "-", "Mr.", "a", "forces", "’s", "x"]), max_size=12)


@given(_words, _words)
def test_match_is_symmetric(a: list[str], b: list[str]) -> None:
    assert match(" ".join(a), " ".join(b)) == match(" ".join(b), " ".join(a))


@given(_words)
def test_a_string_matches_itself_unless_it_is_empty(a: list[str]) -> None:
    text = " ".join(a)
    assert match(text, text) == bool(normalise(text))
