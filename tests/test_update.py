"""``kgraph build --update``: adding articles costs the new ones only, and equals a rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kgraph.pipeline
from conftest import EXAMPLES
from kgraph.cache import read_results
from kgraph.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Old articles, and new ones: two fresh, one repeating an old text, one reusing an old id."""
    folder = tmp_path_factory.mktemp("inputs")
    records = [
        json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines() if line.strip()
    ]
    old, fresh = records[:3], records[3:]
    new = [
        *fresh,
        {**records[0], "id": "copy"},
        {**fresh[0], "id": records[1]["id"], "text": fresh[0]["text"] + " More."},
    ]
    (folder / "a_old.jsonl").write_text("".join(json.dumps(r) + "\n" for r in old))
    (folder / "b_new.jsonl").write_text("".join(json.dumps(r) + "\n" for r in new))
    return folder / "a_old.jsonl", folder / "b_new.jsonl"


def _files(folder: Path) -> dict[str, object]:
    """The folder's files by name; the results file as what it holds (an update appends frames)."""
    files: dict[str, object] = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    files["results.bin"] = read_results(folder / "results.bin")
    return files


def test_update_equals_a_full_rebuild(
    inputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = inputs
    assert main(["build", str(old), "-o", str(tmp_path / "updated"), "--quiet", "--no-cache"]) == 0
    parsed: list[str] = []
    real = kgraph.pipeline.analyze_batch
    monkeypatch.setattr(
        kgraph.pipeline, "analyze_batch", lambda docs, s: parsed.extend(d.id for d in docs) or real(docs, s)
    )
    assert main(["build", "--update", str(tmp_path / "updated"), str(new), "--quiet", "--no-cache"]) == 0
    assert len(parsed) == 3  # the two fresh articles and the changed one; the copy is a duplicate
    assert main(["build", str(old), str(new), "-o", str(tmp_path / "full"), "--quiet", "--no-cache"]) == 0
    updated, full = _files(tmp_path / "updated"), _files(tmp_path / "full")
    assert sorted(updated) == sorted(full)
    for name in full:
        assert updated[name] == full[name], name


def test_update_of_a_folder_without_a_build_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--update", str(tmp_path), str(EXAMPLES / "articles.jsonl"), "--quiet"]) == 2
    assert "results.bin" in capsys.readouterr().err


def test_update_with_other_settings_asks_for_a_full_build(inputs: tuple[Path, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    old, new = inputs
    assert main(["build", str(old), "-o", str(tmp_path), "--quiet", "--no-cache"]) == 0
    assert main(["build", "--update", str(tmp_path), str(new), "--min-confidence", "0.9", "--quiet"]) == 2
    assert "full build" in capsys.readouterr().err


def test_rebuild_parses_only_new_documents_with_the_cache(inputs: tuple[Path, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    old, new = inputs
    assert main(["build", str(old), "-o", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / ".kgraph-cache" / "results.sqlite").is_file()
    parsed: list[str] = []
    real = kgraph.pipeline.analyze_batch
    monkeypatch.setattr(
        kgraph.pipeline, "analyze_batch", lambda docs, s: parsed.extend(d.id for d in docs) or real(docs, s)
    )
    assert main(["build", str(old), str(new), "-o", str(tmp_path), "--quiet"]) == 0
    assert len(parsed) == 3


def test_update_in_worker_processes_equals_a_full_rebuild(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    """With --processes 2 the workers start before the earlier results are read; the output is the same."""
    old, new = inputs
    two = ["--quiet", "--no-cache", "--processes", "2"]
    assert main(["build", str(old), "-o", str(tmp_path / "updated"), *two]) == 0
    assert main(["build", "--update", str(tmp_path / "updated"), str(new), *two]) == 0
    assert main(["build", str(old), str(new), "-o", str(tmp_path / "full"), "--quiet", "--no-cache"]) == 0
    assert _files(tmp_path / "updated") == _files(tmp_path / "full")


def test_a_failed_update_check_starts_no_workers(inputs: tuple[Path, Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    old, new = inputs
    assert main(["build", str(old), "-o", str(tmp_path), "--quiet", "--no-cache"]) == 0
    monkeypatch.setattr(kgraph.pipeline, "start_workers", lambda *a, **k: pytest.fail("workers started"))
    args = ["build", "--update", str(tmp_path), str(new), "--min-confidence", "0.9", "--processes", "2", "--quiet"]
    assert main(args) == 2
