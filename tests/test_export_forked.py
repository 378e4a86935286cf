"""Exports shared between the build process and a forked one (``kgraph.export.forked``)."""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import replace
from pathlib import Path
from typing import IO

import pytest

from kgraph.config import Settings
from kgraph.errors import ConfigError, ExportError
from kgraph.export import register_exporter, write_exports
from kgraph.export.forked import fork_allowed
from kgraph.graph import KnowledgeGraph
from rdf_fixtures import synthetic_graph

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")

FORMATS = ["turtle", "trig", "json", "html", "events"]
TWO = replace(Settings(), processes=2)


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return synthetic_graph(n_docs=30, events_per_doc=8, n_actors=60)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ids of the children ``os.fork`` made in this test (the real fork is called)."""
    children: list[int] = []
    real = os.fork

    def counted() -> int:
        pid = real()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return children


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_processes_write_the_same_files_as_one(kg: KnowledgeGraph, tmp_path: Path, forks: list[int]) -> None:
    one = write_exports(kg, tmp_path / "one", FORMATS, settings=Settings())
    assert forks == []
    two = write_exports(kg, tmp_path / "two", FORMATS, settings=TWO)
    assert len(forks) == 1
    assert [p.name for p in two] == [p.name for p in one]  # same order: Turtle first, its index after it
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    assert not list((tmp_path / "two").glob("*.tmp"))


def test_an_update_in_two_processes_copies_the_unchanged_articles(
    kg: KnowledgeGraph, tmp_path: Path, forks: list[int]
) -> None:
    write_exports(kg, tmp_path / "old", FORMATS, settings=Settings())
    write_exports(kg, tmp_path / "new", FORMATS, settings=TWO, previous_dir=tmp_path / "old")
    assert forks and _files(tmp_path / "new") == _files(tmp_path / "old")


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Formats registered in the test are gone after it."""
    import kgraph.export

    monkeypatch.setattr(kgraph.export, "_REGISTRY", dict(kgraph.export._REGISTRY))


def _register_failing(name: str, error: BaseException | None) -> None:
    def fail(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
        stream.write(b"partial")
        if error is None:
            os.kill(os.getpid(), signal.SIGKILL)  # the writer dies without cleaning up
        raise error  # type: ignore[misc]

    fail.__name__ = f"_fail_{name.replace('-', '_')}"
    register_exporter(name, fail, f"{name}.out", "fails in the forked writer", cost=1000)


@pytest.mark.parametrize(
    ("name", "error", "expected", "message"),
    [
        ("test-config-error", ConfigError("bad base IRI"), ConfigError, "bad base IRI"),
        ("test-crash", RuntimeError("writer bug"), ExportError, "RuntimeError: writer bug"),
        ("test-killed", None, ExportError, "ended with status -9"),
    ],
)
def test_a_failed_forked_writer_leaves_the_folder_as_it_was(
    kg: KnowledgeGraph, tmp_path: Path, forks: list[int], registry: None, name: str,
    error: BaseException | None, expected: type[Exception], message: str,
) -> None:  # fmt: skip
    _register_failing(name, error)
    out = tmp_path / "build"
    write_exports(kg, out, ["json", "html"], settings=Settings())
    before = _files(out)
    with pytest.raises(expected, match=message):
        write_exports(kg, out, [name, "json", "html"], settings=TWO)  # the costly one is the child's
    assert forks
    assert _files(out) == before  # old files intact, no temporary file left by either process


def test_no_fork_with_one_process_other_threads_or_too_much_memory() -> None:
    assert fork_allowed(TWO)
    assert not fork_allowed(Settings())
    assert not fork_allowed(replace(TWO, export_fork_limit_mb=1))  # this process is over 1 MiB
    assert not fork_allowed(replace(TWO, export_fork_limit_mb=0))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_allowed(TWO)
    finally:
        stop.set()
        thread.join()
