"""The hostile inputs of ``tests/data/bad/``: each file is one trap, ``EXPECTED.json`` says what must happen.

The fast tier reads every file alone (ingest only). The model tier builds the whole folder with
``kgraph build`` and checks that ``report.json`` accounts for every document and that every
export parses.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from kgraph.ingest import IngestLog, read_inputs
from kgraph.model import Document, Skipped
from kgraph.pipeline import documents_from

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads((BAD / "EXPECTED.json").read_text(encoding="utf-8"))
DOCUMENT_FILES = sorted(name for name, e in EXPECTED.items() if not e.get("ignored"))


def test_the_folder_has_at_least_30_traps_and_every_file_is_in_the_manifest() -> None:
    on_disk = {p.name for p in BAD.iterdir()} - {"EXPECTED.json", "make_bad.py"}
    assert on_disk == set(EXPECTED)
    assert len(DOCUMENT_FILES) >= 30


def _read_alone(name: str) -> tuple[list[Document], list[Skipped]]:
    skipped: list[Skipped] = []
    docs = list(documents_from([BAD / name], skipped))
    return docs, skipped


@pytest.mark.parametrize("name", DOCUMENT_FILES)
def test_hostile_file_alone(name: str) -> None:
    expect = EXPECTED[name]
    docs, skipped = _read_alone(name)
    if expect.get("processed") is not None:
        assert len(docs) == expect["processed"], [d.id for d in docs]
    assert len(docs) >= expect.get("processed_min", 0)
    duplicates = [s for s in skipped if s.reason.startswith("duplicate of ")]
    bad = [s for s in skipped if s not in duplicates]
    assert len(duplicates) == expect["duplicate"]
    assert len(bad) == len(expect["skipped"]), [(s.origin, s.reason) for s in bad]
    for (line, reason), got in zip(expect["skipped"], bad):
        where = str(BAD / name) + ("" if line is None else f":{line}")
        assert got.origin.startswith(where[:-1]) if line == "*" else got.origin == where
        assert reason in got.reason
    for doc in docs:
        assert doc.origin and doc.origin.startswith(str(BAD / name))
        _assert_clean(doc)
    text = "\n".join(d.text for d in docs)
    assert all(s in text for s in expect.get("text_includes", []))
    assert not [s for s in expect.get("text_excludes", []) if s in text]
    if "ids" in expect:
        assert [d.id for d in docs] == expect["ids"]


def _assert_clean(doc: Document) -> None:
    for value in (doc.id, doc.text, doc.title, doc.source, doc.url, doc.date):
        if value is not None:
            value.encode("utf-8")  # no lone surrogate
            assert not any(ord(c) < 32 and c not in "\t\n" for c in value)
    assert "\n" not in doc.id and len(doc.id) <= 120 and doc.id.strip()


def test_folder_read_accounts_for_every_record_and_ignores_non_documents(caplog: pytest.LogCaptureFixture) -> None:
    notes = IngestLog()
    with caplog.at_level(logging.INFO, logger="kgraph"):
        items = list(read_inputs([BAD], notes=notes))
    ids = [i.id for i in items if isinstance(i, Document)]
    assert len(ids) == len(set(ids))
    origins = {(i.origin or "").split(":")[0] if ":" in (i.origin or "") else i.origin for i in items}
    assert str(BAD / "picture.png") not in origins and "picture.png: ignored" in caplog.text
    renamed = dict(notes.renamed)
    assert renamed == {"same~2": "same", "same~3": "same", "same~2~2": "same~2"}
    assert any("cp1252" in message for _, message in notes.warnings)


def test_input_order_does_not_change_what_is_read() -> None:
    files = [BAD / n for n in DOCUMENT_FILES]
    forward = [i.to_dict() for i in read_inputs(files)]
    backward = [i.to_dict() for i in read_inputs(list(reversed(files)))]
    assert forward == backward


def test_dates_are_checked() -> None:
    docs, _ = _read_alone("bad_dates.jsonl")
    assert [d.date for d in docs] == [None, "2024-03-06", "yesterday", None]


def test_stdin_jsonl_and_text(tmp_path: Path) -> None:
    import io

    jsonl = b'{"id": "a", "text": "One."}\nnot json\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(jsonl)))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped"]
    assert items[1].origin == "<stdin>:2"
    (doc,) = list(read_inputs(["-"], stdin=io.BytesIO(b"Plain text.")))
    assert isinstance(doc, Document) and doc.id == "stdin"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    from kgraph.errors import InputError

    with pytest.raises(InputError, match="nope.txt"):
        list(read_inputs([tmp_path / "nope.txt"]))


def test_unreadable_file_is_skipped_not_raised(tmp_path: Path) -> None:
    import os

    path = tmp_path / "locked.txt"
    path.write_text("Secret.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        (item,) = list(read_inputs([path]))
        assert isinstance(item, Skipped) and "cannot read file" in item.reason
    finally:
        path.chmod(0o644)


# -- the whole folder through `kgraph build` (model tier) ------------------------------------------


@pytest.fixture(scope="module")
def folder_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    import contextlib
    import io

    from kgraph.cli import main
    from kgraph.nlp import load

    out = tmp_path_factory.mktemp("bad-build")
    err = io.StringIO()
    nlp = load()
    old, nlp.max_length = nlp.max_length, 20_000  # long_document.txt (30,000 characters) is parsed in parts
    try:
        with contextlib.redirect_stderr(err):
            code = main(["build", str(BAD), "-o", str(out), "--quiet", "--format", "nquads", "--processes", "1"])
    finally:
        nlp.max_length = old
    return out, code, err.getvalue()


def _rows_of(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    path = str(BAD / name)
    return [r for r in report["documents"] if r["origin"] == path or r["origin"].startswith(path + ":")]


@pytest.mark.model
@pytest.mark.slow
def test_hostile_folder_build_accounts_for_every_document(folder_build: tuple[Path, int, str]) -> None:
    out, code, stderr = folder_build
    assert code == 1  # some documents were skipped
    assert "Traceback" not in stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    seen = 0
    for name in DOCUMENT_FILES:
        expect = {**EXPECTED[name], **EXPECTED[name].get("in_folder", {})}
        rows = _rows_of(report, name)
        seen += len(rows)
        statuses = [r["status"] for r in rows]
        if expect.get("processed") is not None:
            assert statuses.count("processed") == expect["processed"], name
        assert statuses.count("duplicate") == expect["duplicate"], name
        assert statuses.count("skipped") == len(expect["skipped"]), name
        for row in rows:
            if row["status"] == "skipped":
                assert f"kgraph: skipped {row['origin']}: {row['reason']}" in stderr
            if row["status"] == "processed":
                assert {"mentions", "actors", "events"} <= set(row)
    assert seen == len(report["documents"]) == report["documents_read"]
    assert report["documents_processed"] == sum(r["status"] == "processed" for r in report["documents"])


@pytest.mark.model
@pytest.mark.slow
def test_hostile_folder_build_exports_parse_and_escape(folder_build: tuple[Path, int, str]) -> None:
    import rdflib

    out, _, _ = folder_build
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    for name, rdf_format in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        rdflib.Dataset().parse(out / name, format=rdf_format)
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert "inj0" in graph["graph"]["documents"]
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events and all(e["doc"] in graph["graph"]["documents"] for e in events)
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert('kgraph-xss')" not in page and "<img src=x onerror" not in page


@pytest.mark.model
@pytest.mark.slow
def test_hostile_folder_build_long_documents_keep_offsets(folder_build: tuple[Path, int, str]) -> None:
    out, _, _ = folder_build
    texts = {d.id: d.text for d in _read_alone("long_document.txt")[0] + _read_alone("long_table.md")[0]}
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    long_events = [e for e in events if e["doc"] in texts]
    assert len({e["doc"] for e in long_events}) == 2
    for e in long_events:
        text = texts[e["doc"]]
        assert text[e["start"] : e["end"]] == e["sentence"]
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


@pytest.mark.model
@pytest.mark.slow
def test_hostile_folder_build_answers_sparql_with_hostile_values(folder_build: tuple[Path, int, str]) -> None:
    import pyoxigraph as ox

    from kgraph import sparql

    out, _, _ = folder_build
    store = sparql.load(out)
    query = "SELECT ?doc WHERE { ?doc schema:headline ?title }"
    titles = [json.loads(line)["title"] for line in (BAD / "injection.jsonl").read_text(encoding="utf-8").splitlines()]
    for title in titles:
        rows = sparql.run(store, query, {"title": ox.Literal(" ".join(title.split()))}).rows
        assert len(rows) == 1, title


def test_oversized_documents_and_lines_are_skipped_without_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from kgraph import ingest

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 1_000)
    (tmp_path / "big.txt").write_text("Russia met France. " * 100)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 10_000_000))
    records = [json.dumps({"id": "ok1", "text": "Fine."}), json.dumps({"id": "big", "text": "x" * 5_000}),
               json.dumps({"id": "ok2", "text": "Also fine."})]  # fmt: skip
    (tmp_path / "lines.jsonl").write_text("\n".join(records) + "\n")
    items = list(read_inputs([tmp_path]))
    summary = [(Path(i.origin or "").name, type(i).__name__) for i in items]
    assert summary == [("big.txt", "Skipped"), ("bomb.txt.gz", "Skipped"), ("lines.jsonl:1", "Document"),
                       ("lines.jsonl:2", "Skipped"), ("lines.jsonl:3", "Document")]  # fmt: skip
    assert all("1000 bytes" in i.reason for i in items if isinstance(i, Skipped))
