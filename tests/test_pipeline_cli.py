"""The build command's speed options: progress on stderr, --quiet, --processes, cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from kgraph.cli import main
from kgraph.cli._progress import count_documents

ARTICLES = EXAMPLES / "articles.jsonl"


def test_count_documents_estimates_records(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "b.txt").write_text("one article")
    (tmp_path / "c.csv").write_text("id,text\n1,x\n2,y\n")
    assert count_documents([tmp_path]) == 5
    assert count_documents(["-"]) is None


@pytest.mark.model
def test_progress_goes_to_stderr_and_quiet_silences_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(ARTICLES), "-o", str(tmp_path), "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "5/5" in err and "doc/s" in err
    assert main(["build", str(ARTICLES), "-o", str(tmp_path), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.model
def test_processes_option_gives_the_same_files(tmp_path: Path) -> None:
    assert main(["build", str(ARTICLES), "-o", str(tmp_path / "one"), "--quiet", "--no-cache"]) == 0
    assert (
        main(
            ["build", str(ARTICLES), "-o", str(tmp_path / "two"), "--quiet", "--no-cache", "--processes", "2"]
        )
        == 0
    )
    for name in ("graph.json", "events.jsonl", "report.json", "graph.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert not (tmp_path / "one" / ".kgraph-cache").exists()


@pytest.mark.model
def test_cache_option_moves_the_cache(tmp_path: Path) -> None:
    assert (
        main(["build", str(ARTICLES), "-o", str(tmp_path / "out"), "--quiet", "--cache", str(tmp_path / "c")])
        == 0
    )
    assert (tmp_path / "c" / "results.sqlite").is_file()
    assert not (tmp_path / "out" / ".kgraph-cache").exists()
