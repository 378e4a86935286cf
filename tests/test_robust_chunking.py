"""Splitting long documents (pure) and merging the parts' results with offsets kept right."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.chunking import PartResult, merge_results, split_long
from kgraph.ids import event_id
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant


def _check_parts(text: str, parts: list[tuple[int, Document]], max_chars: int) -> None:
    covered = 0
    for offset, part in parts:
        assert text[offset : offset + len(part.text)] == part.text
        assert 0 < len(part.text) <= max_chars
        assert not text[covered:offset].strip(), "text between parts must be whitespace only"
        covered = offset + len(part.text)
    assert not text[covered:].strip()


def test_short_document_is_returned_whole() -> None:
    doc = Document("d", "Russia sanctioned Ukraine.", title="t")
    assert split_long(doc, 100) == [(0, doc)]


def test_parts_keep_metadata_and_prefer_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {i} says something. It has two sentences." for i in range(20)]
    text = "\n\n".join(paragraphs)
    parts = split_long(Document("d", text, date="2024-01-01"), 200)
    _check_parts(text, parts, 200)
    assert all(p.id == "d" and p.date == "2024-01-01" for _, p in parts)
    assert all(p.text.rstrip().endswith("sentences.") for _, p in parts)


def test_long_run_without_sentence_end_is_cut_at_line_breaks() -> None:
    table = "\n".join(f"| row {i} | value {i} | more {i} |" for i in range(500))
    text = "Intro sentence.\n\n" + table + "\n\nOutro sentence."
    parts = split_long(Document("d", text), 100_000, max_run=300)
    _check_parts(text, parts, 100_000)
    assert max(len(p.text) for _, p in parts) <= 300
    assert all(p.text.endswith("\n") or p.text.endswith("sentence.") for _, p in parts)


def test_run_without_spaces_is_cut_anywhere() -> None:
    text = "x" * 10_001
    parts = split_long(Document("d", text), 50_000, max_run=1_000)
    _check_parts(text, parts, 1_000)
    assert len(parts) == 11


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.sampled_from("ab .\n\t!é😀"), max_size=400),
    max_chars=st.integers(1, 120),
    max_run=st.integers(1, 120),
)
def test_split_long_parts_cover_the_text_property(text: str, max_chars: int, max_run: int) -> None:
    parts = split_long(Document("d", text), max_chars, max_run=max_run)
    if len(text) <= min(max_chars, max_run) and parts == [(0, Document("d", text))]:
        return
    _check_parts(text, parts, max_chars)


def _event(doc: str, start: int, sentence: int) -> Event:
    trigger = Mention(doc, start + 7, start + 17, "sanctioned", "VERB", sentence)
    actor = Participant(Mention(doc, start, start + 6, "Russia", "GPE", sentence), "actor:russia")
    evidence = Evidence(doc, sentence, "Russia sanctioned Ukraine.", start, start + 26, trigger)
    return Event(event_id(doc, trigger.start, trigger.end, "sanction"), "sanction", "SANCTION", "16",
                 (actor,), (), evidence)  # fmt: skip


def _result(doc: str, start: int, sentence: int, alias: str) -> DocResult:
    mention = Mention(doc, start, start + 6, alias, "GPE", sentence)
    actor = Actor("actor:russia", "Russia", "COUNTRY", None, (alias,), (mention,))
    return DocResult(Document(doc, ""), (actor,), (_event(doc, start, sentence),))


def test_merge_results_shifts_offsets_sentences_and_event_ids() -> None:
    parts = [PartResult(0, 3, _result("d", 0, 0, "Russia")), PartResult(100, 2, _result("d", 0, 1, "Rusia"))]
    merged = merge_results(Document("d", "whole text", title="T"), parts)
    assert merged.document == Document("d", "", title="T")
    first, second = merged.events
    assert first == _event("d", 0, 0)
    assert replace(second, id="") == replace(_event("d", 100, 4), id="")  # what an unsplit parse reads
    assert second.id.startswith("event:") and second.id != first.id
    assert merge_results(Document("d", "whole text", title="T"), parts) == merged  # deterministic
    (actor,) = merged.actors
    assert [(m.start, m.sentence) for m in actor.mentions] == [(0, 0), (100, 4)]
    assert actor.aliases == ("Rusia", "Russia")


@pytest.mark.model
@pytest.mark.slow
def test_document_longer_than_max_length_is_read_as_if_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.pipeline import process

    countries = ["Russia", "Chile", "Peru", "Japan", "Kenya", "India", "Brazil", "France", "Germany", "Egypt"]
    verbs = ["imposed sanctions on", "met with", "accused", "criticized", "signed a deal with"]
    text = "".join(f"{countries[i % 10]} {verbs[i % 5]} {countries[(3 * i + 1) % 10]} on {i + 1} March 2024. "
                   f"Officials in {countries[(i + 5) % 10]} said talks would resume.\n\n" for i in range(40))  # fmt: skip
    (whole,) = list(process([Document("long", text)]))
    old = nlp.max_length
    nlp.max_length = 1_000  # the document is 3.5 times longer than the parser now accepts
    try:
        (split,) = list(process([Document("long", text)]))
    finally:
        nlp.max_length = old
    assert len(split.events) >= 40
    assert _event_keys(split) == _event_keys(whole)
    assert _mention_keys(split) == _mention_keys(whole)
    assert len({e.id for e in split.events}) == len(split.events)
    for event in split.events:
        ev = event.evidence
        assert text[ev.start : ev.end] == ev.sentence
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text


def _event_keys(result: DocResult) -> list[tuple[object, ...]]:
    return sorted((e.evidence.sentence_index, e.evidence.start, e.evidence.end, e.evidence.trigger.start,
                   e.evidence.trigger.end, e.relation, e.type or "") for e in result.events)  # fmt: skip


def _mention_keys(result: DocResult) -> list[tuple[int, int, int]]:
    return sorted((m.start, m.end, m.sentence) for a in result.actors for m in a.mentions)


@pytest.mark.model
@pytest.mark.slow
def test_50000_token_sentence_is_processed_in_bounded_time() -> None:
    import time

    from kgraph.pipeline import process

    words = ["Russia", "sanctioned", "Ukraine", "and", "France", "met", "Germany", ","]
    text = " ".join(words[i % len(words)] for i in range(50_000))
    started = time.process_time()  # CPU time: the machine may be shared; unsplit, this takes hours
    (result,) = list(process([Document("wall", text)]))
    elapsed = time.process_time() - started
    assert elapsed < 90, f"a 50,000-token sentence took {elapsed:.0f} s of CPU"
    assert len(result.events) > 100
