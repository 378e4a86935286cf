"""Exports shared between the build process and a forked one (``kgraph.export.forked``).

Each scenario runs in a fresh interpreter (``tests/forked_writer.py``): exports fork only from
a process that runs one thread, and the test process may run others.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kgraph.config import Settings
from kgraph.export import remove_stale_temporaries
from kgraph.export.forked import fork_allowed

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="exports fork on Linux only")

SCRIPT = Path(__file__).parent / "forked_writer.py"


def _scenario(name: str, folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), name, str(folder)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_processes_write_the_same_files_as_one(tmp_path: Path) -> None:
    result = _scenario("same", tmp_path)
    assert result["forks_one"] == 0 and result["forks"] == 1
    assert result["names"][:2] == ["graph.ttl", ".graph.ttl.chunks"]  # same order as one process: its index after it
    assert _files(tmp_path / "two") == _files(tmp_path / "one")


def test_an_update_in_two_processes_copies_the_unchanged_articles(tmp_path: Path) -> None:
    result = _scenario("update", tmp_path)
    assert result["forks"] == 1
    assert _files(tmp_path / "new") == _files(tmp_path / "old")


@pytest.mark.parametrize(
    ("scenario", "error", "message"),
    [
        ("config", "ConfigError", "^bad base IRI$"),  # what one process would have raised
        ("crash", "ExportError", "fail.out in a second process failed: RuntimeError: writer bug"),
        ("killed", "ExportError", "ended with status -9"),
    ],
)
def test_a_failed_forked_writer_leaves_the_folder_as_it_was(
    tmp_path: Path, scenario: str, error: str, message: str
) -> None:
    import re

    result = _scenario(scenario, tmp_path)
    assert result["forks"] == 1
    assert result["error"] == error and re.search(message, result["message"]), result
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.json"]  # no temporary file left


@pytest.mark.model
def test_a_build_and_an_update_in_two_processes_equal_a_one_process_build(tmp_path: Path) -> None:
    """events.jsonl is written while the build links, Turtle and TriG while it writes JSON and HTML."""
    from kgraph.cache import read_results

    result = _scenario("cli-update", tmp_path)
    assert result["writers"] == [["events.jsonl"], ["graph.ttl", "graph.trig"]] * 2  # build, then update
    updated, full = _files(tmp_path / "updated"), _files(tmp_path / "full")
    for name, files in (("updated", updated), ("full", full)):  # the update appends frames: compare contents
        files["results.bin"] = read_results(tmp_path / name / "results.bin")  # type: ignore[assignment]
    assert updated == full


def test_a_killed_build_stops_its_forked_writer(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, str(SCRIPT), "slow", str(tmp_path)])
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".slow.out.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(tmp_path.glob(".slow.out.*.tmp")), "the forked writer never started"
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".slow.out.*.tmp")) and time.monotonic() < deadline:  # the child removes its file
        time.sleep(0.05)
    assert not list(tmp_path.glob(".slow.out.*.tmp"))  # not after its 60 s of writing: the parent's death stopped it
    remove_stale_temporaries(tmp_path)  # what the killed parent left (if anything), the next build removes
    assert not list(tmp_path.glob("*.tmp"))


def test_no_fork_with_one_process_other_threads_or_too_much_memory() -> None:
    big = replace(Settings(), processes=2, export_fork_limit_mb=2**20)
    assert not fork_allowed(Settings())
    assert not fork_allowed(replace(big, export_fork_limit_mb=1))  # this process is over 1 MiB
    assert not fork_allowed(replace(big, export_fork_limit_mb=0))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_allowed(big)
    finally:
        stop.set()
        thread.join()
