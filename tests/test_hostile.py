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
