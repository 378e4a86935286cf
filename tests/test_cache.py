"""The result cache and the results file of a build."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

import kgraph.pipeline
from kgraph.cache import (
    ResultCache,
    Results,
    decode_result,
    encode_result,
    encode_results,
    fingerprint,
    read_fingerprint,
    read_results,
    write_results,
)
from kgraph.compact import Sharer
from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant, Skipped
from kgraph.pipeline import process


def _result(doc_id: str = "d1") -> DocResult:
    mention = Mention(doc_id, 0, 6, "Russia", "GPE", 0)
    trigger = Mention(doc_id, 7, 16, "sanctions", "VERB", 0)
    event = Event(
        id="event:1", relation="sanction", type="SANCTION", cameo_root="16",
        actor=(Participant(mention, "actor:russia"),), recipient=(),
        evidence=Evidence(doc_id, 0, "Russia sanctions.", 0, 17, trigger), date="2024-03",
    )  # fmt: skip
    actor = Actor("actor:russia", "Russia", "COUNTRY", "RUS", ("Russia",), (mention,))
    return DocResult(
        Document(doc_id, "", title="T", origin="a.jsonl:1"),
        (actor,),
        (event,),
        ({"actor": "x", "rule": "r"},),
    )


def test_encoded_result_round_trips() -> None:
    result = _result()
    assert decode_result(encode_result(result)) == result


def test_fingerprint_follows_settings_that_change_results(tmp_path: Path) -> None:
    base = fingerprint(Settings())
    assert fingerprint(Settings(batch_size=3, processes=2, html_max_nodes=None)) == base
    assert fingerprint(Settings(min_confidence=0.3)) != base
    assert fingerprint(Settings(model="some_other_model")) != base
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("sanction\tSANCTION\n")
    with_file = fingerprint(Settings(lexicon=lexicon))
    lexicon.write_text("sanction\tCOERCE\n")
    assert fingerprint(Settings(lexicon=lexicon)) != with_file  # by content, not by name


def test_cache_finds_results_by_content_and_keeps_the_current_origin(tmp_path: Path) -> None:
    doc = Document("d1", "Russia sanctions.", title="T", origin="a.jsonl:1")
    with ResultCache(tmp_path, Settings()) as cache:
        assert cache.get(doc) is None
        cache.put(doc, _result())
    with ResultCache(tmp_path, Settings()) as cache:
        moved = replace(doc, origin="b.jsonl:7")
        assert cache.get(moved).document.origin == "b.jsonl:7"  # type: ignore[union-attr]
        assert cache.get(replace(doc, text="Russia sanctioned.")) is None
    with ResultCache(tmp_path, Settings(min_confidence=0.9)) as cache:
        assert cache.get(doc) is None  # other settings: other results


def test_process_parses_only_what_the_cache_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []

    def fake(documents: list[Document], settings: Settings) -> list[DocResult]:
        parsed.extend(d.id for d in documents)
        return [DocResult(replace(d, text="")) for d in documents]

    monkeypatch.setattr(kgraph.pipeline, "analyze_batch", fake)
    settings = Settings(cache_dir=tmp_path, batch_size=2)
    docs = [Document(f"d{i}", f"text {i}") for i in range(5)]
    first = list(process(docs[:3], settings=settings))
    parsed.clear()
    again = list(process(docs, settings=settings))
    assert parsed == ["d3", "d4"]
    assert [r.document.id for r in again] == [f"d{i}" for i in range(5)]
    assert again[:3] == first


def _results(n: int) -> Results:
    return Results(
        results=[_result(f"d{i}") for i in range(n)], hashes=[f"h{i}" for i in range(n)],
        skipped=[Skipped("x.txt", "empty", "x")], renamed={"d1": "d0"}, warnings=[("a", "b")], fingerprint="fp",
    )  # fmt: skip


def test_results_file_round_trips(tmp_path: Path) -> None:
    write_results(tmp_path / "r.bin", _results(3))
    assert read_results(tmp_path / "r.bin") == _results(3)


def test_appended_results_read_as_one_file(tmp_path: Path) -> None:
    path = tmp_path / "r.bin"
    old = _results(2)
    write_results(path, old)
    new = _results(4)
    new.skipped.append(Skipped("y.txt", "duplicate of d0", "y"))
    new.renamed["d3"] = "d2"
    write_results(path, new, after=old)
    assert read_results(path) == new
    assert len(path.read_bytes()) > len(encode_results(old))


def test_unreadable_results_file_says_to_rebuild(tmp_path: Path) -> None:
    (tmp_path / "r.bin").write_bytes(b"not a results file")
    with pytest.raises(ConfigError, match="full build"):
        read_results(tmp_path / "r.bin")
    with pytest.raises(ConfigError, match="not a kgraph results file"):
        read_fingerprint(tmp_path / "r.bin")


def test_a_truncated_results_file_says_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "r.bin"
    write_results(path, _results(3))
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(ConfigError, match="ends inside a frame"):
        read_results(path)


def test_results_read_back_share_what_they_shared(tmp_path: Path) -> None:
    """A mention an actor and an event share stays one object; short strings come back interned."""
    share = Sharer()  # as a build keeps its results
    write_results(tmp_path / "r.bin", replace(_results(2), results=[share.result(_result(d)) for d in ("d0", "d1")]))
    first, second = read_results(tmp_path / "r.bin").results
    assert first.events[0].actor[0].mention is first.actors[0].mentions[0]
    assert first.actors[0].id is second.actors[0].id is sys.intern("actor:russia")


def test_fingerprint_is_read_from_the_first_frame_alone(tmp_path: Path) -> None:
    path = tmp_path / "r.bin"
    write_results(path, _results(300))  # several frames
    header_end = len(encode_results(Results(fingerprint="fp")))
    path.write_bytes(path.read_bytes()[:header_end])  # the results are gone, the header is whole
    assert read_fingerprint(path) == "fp"
