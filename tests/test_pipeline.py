"""The pipeline: batching, order, processes, progress, reading (model tier where it parses)."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import EXAMPLES
from kgraph.config import Settings
from kgraph.model import DocResult, Document, Skipped
from kgraph.pipeline import analyze_batch, batches, build, documents_from, ordered_map, process

TEXTS = [
    "Russia imposed sanctions on Ukraine on Monday.",
    "The United Nations condemned the attack.",
    "Angela Merkel met Emmanuel Macron in Paris. She praised him.",
    "Talks resumed.",
    "China accused Japan of provocation.",
]


def _docs() -> list[Document]:
    return [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]


@pytest.mark.parametrize(("size", "expected"), [(2, [2, 2, 1]), (5, [5]), (9, [5]), (0, [1, 1, 1, 1, 1])])
def test_batches_split_in_order(size: int, expected: list[int]) -> None:
    chunks = list(batches(range(5), size))
    assert [len(c) for c in chunks] == expected
    assert [x for c in chunks for x in c] == list(range(5))


def _future(value: list[DocResult]) -> Future[list[DocResult]]:
    future: Future[list[DocResult]] = Future()
    future.set_result(value)
    return future


def test_ordered_map_keeps_input_order_and_bounds_the_window() -> None:
    submitted: list[int] = []

    def submit(chunk: list[Document]) -> Future[list[DocResult]]:
        submitted.append(len(submitted))
        return _future([DocResult(d) for d in chunk])

    docs = _docs()
    stream = ordered_map(submit, batches(docs, 1), window=2)
    first = next(stream)
    assert first.document.id == "d0" and len(submitted) == 2  # the window, not the whole input
    assert [r.document.id for r in stream] == ["d1", "d2", "d3", "d4"]


def test_ordered_map_does_the_meanwhile_work_after_submitting_and_before_waiting() -> None:
    events: list[str] = []

    def submit(chunk: list[Document]) -> Future[list[DocResult]]:
        events.append(f"submit {chunk[0].id}")
        return _future([DocResult(d) for d in chunk])

    stream = ordered_map(submit, batches(_docs()[:2], 1), window=4, meanwhile=lambda: events.append("meanwhile"))
    assert [r.document.id for r in stream] == ["d0", "d1"]
    assert events == ["submit d0", "submit d1", "meanwhile"]  # both parse while this process works


@pytest.mark.parametrize("processes", [1, 2])
def test_process_does_the_meanwhile_work_once(processes: int, tmp_path: Path) -> None:
    calls: list[int] = []
    settings = Settings(processes=processes, batch_size=2, cache_dir=tmp_path)
    for _ in range(2):  # the second time every document is a cache hit: nothing to wait for
        results = list(process(_docs(), settings=settings, meanwhile=lambda: calls.append(1)))
        assert [r.document.id for r in results] == [d.id for d in _docs()]
    assert calls == [1, 1]


def test_documents_from_skips_duplicate_texts() -> None:
    skipped: list[Skipped] = []
    docs = list(documents_from(["Talks resumed.", "Talks resumed.", "Talks failed."], skipped))
    assert [d.id for d in docs] == ["text-1", "text-3"]
    assert [(s.doc, s.reason) for s in skipped] == [("text-2", "duplicate of text-1")]


def test_documents_from_renames_ids_taken_by_an_earlier_build() -> None:
    skipped: list[Skipped] = []
    docs = [Document("a", "one"), Document("b", "two")]
    out = list(documents_from(docs, skipped, taken={"a", "a~2"}))
    assert [d.id for d in out] == ["a~3", "b"]


def test_documents_from_treats_earlier_texts_as_seen() -> None:
    from kgraph.cache import content_hash

    skipped: list[Skipped] = []
    seen = {content_hash("one"): "old"}
    assert list(documents_from([Document("a", "one")], skipped, seen=seen)) == []
    assert skipped[0].reason == "duplicate of old"


@pytest.mark.model
def test_process_yields_results_in_input_order_with_progress() -> None:
    done: list[int] = []
    results = list(process(_docs(), settings=Settings(batch_size=2), progress=done.append))
    assert [r.document.id for r in results] == [f"d{i}" for i in range(len(TEXTS))]
    assert sum(done) == len(TEXTS)
    assert all(r.document.text == "" for r in results)  # results hold no text


@pytest.mark.model
def test_batch_size_does_not_change_results() -> None:
    one = list(process(_docs(), settings=Settings(batch_size=1)))
    assert one == list(process(_docs(), settings=Settings(batch_size=32)))


@pytest.mark.model
def test_two_processes_give_the_same_results_in_order() -> None:
    single = analyze_batch(_docs(), Settings())
    assert list(process(_docs(), settings=Settings(processes=2, batch_size=2))) == single


@pytest.mark.model
def test_process_reads_lazily() -> None:
    pulled: list[str] = []

    def stream():  # type: ignore[no-untyped-def]
        for doc in _docs():
            pulled.append(doc.id)
            yield doc

    results = process(stream(), settings=Settings(batch_size=2))
    next(results)
    assert pulled == ["d0", "d1"]  # one batch read, not the whole input


@pytest.mark.model
def test_build_examples_with_two_processes_equals_one() -> None:
    one = build([str(EXAMPLES)])
    two = build([str(EXAMPLES)], settings=replace(Settings(), processes=2))
    assert one.results == two.results
    assert sorted(one.graph.nodes(data=True)) == sorted(two.graph.nodes(data=True))
    assert one.report == two.report
