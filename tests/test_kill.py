"""A build killed with SIGKILL at any moment leaves the previous exports intact; a rerun equals a clean run.

Real processes: ``kgraph build`` runs in a subprocess on 200 small synthetic articles and is
killed part-way (while parsing, and at the moment it starts writing its exports).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

COUNTRIES = ["Russia", "Ukraine", "France", "Germany", "China", "Japan", "Brazil", "India", "Kenya", "Chile"]
VERBS = ["imposed sanctions on", "met with", "accused", "signed an agreement with", "criticized", "threatened"]
FORMATS = ["--format", "nquads"]


def write_articles(path: Path, count: int, *, seed: int = 0) -> Path:
    """Write ``count`` small, distinct synthetic articles as JSON lines."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = COUNTRIES[(i + seed) % 10], COUNTRIES[(3 * i + 1 + seed) % 10]
            b = b if b != a else COUNTRIES[(i + 5) % 10]
            text = (f"{a} {VERBS[i % 6]} {b} on Monday, officials said. "
                    f"The talks in Geneva, round {i}, ended without a deal.")  # fmt: skip
            record = {"id": f"art-{seed}-{i:03d}", "date": f"2024-03-{1 + i % 28:02d}", "title": f"Story {i}", "text": text}
            out.write(json.dumps(record) + "\n")
    return path


def _command(source: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kgraph.cli", "build", str(source), "-o", str(out), "--quiet", *FORMATS]


#: graph.html's layout still depends on Python's hash seed (the determinism of the other files is
#: tested in test_determinism.py across seeds); this test is about atomicity, so the seed is fixed.
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def _run(source: Path, out: Path) -> float:
    """Run a build to the end; return how long it took (seconds)."""
    started = time.monotonic()
    done = subprocess.run(_command(source, out), capture_output=True, text=True, timeout=600, env=ENV, check=False)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def _files(folder: Path) -> dict[str, bytes]:
    """The build's output files (hidden files such as a result cache are not outputs)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _kill_when(source: Path, out: Path, ready: Callable[[Path], bool]) -> bool:
    """Start a build, SIGKILL it as soon as ``ready(out)`` holds; return whether it was killed running."""
    proc = subprocess.Popen(_command(source, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        deadline = time.monotonic() + 600
        while proc.poll() is None and time.monotonic() < deadline and not ready(out):
            time.sleep(0.002)
        killed = proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        killed = False
    finally:
        proc.wait()
    return killed


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("kill")
    paths = {
        "new": write_articles(base / "new.jsonl", 200),
        "old": write_articles(base / "old.jsonl", 120, seed=7),
        "clean": base / "clean",
        "victim": base / "victim",
    }
    paths["seconds"] = _run(paths["new"], paths["clean"])  # type: ignore[assignment]
    _run(paths["old"], paths["victim"])
    return paths


def _assert_old_or_new(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    now = _files(folder)
    assert set(now) <= set(old) | set(new)
    for name, data in now.items():
        assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new complete file"


def test_sigkill_leaves_previous_exports_and_rerun_equals_clean_run(runs: dict[str, Any]) -> None:
    clean, victim = _files(runs["clean"]), runs["victim"]
    old = _files(victim)
    assert {"graph.ttl", "graph.trig", "graph.nq", "events.jsonl", "report.json"} <= set(clean)
    assert json.loads(clean["report.json"])["documents_processed"] == 200
    started = time.monotonic()
    # 1. killed part-way (at 40% of a clean run's time, before any export is written): old files untouched
    assert _kill_when(runs["new"], victim, lambda out: time.monotonic() - started > 0.4 * runs["seconds"])
    assert _files(victim) == old
    # 2. killed the moment it starts writing: each file is the old one or the complete new one
    writing = lambda out: any(p.name.endswith(".tmp") for p in out.iterdir())
    killed_writing = _kill_when(runs["new"], victim, writing)
    _assert_old_or_new(victim, old, clean)
    # 3. the next run finishes with output identical to a clean run, and no temporary file is left
    _run(runs["new"], victim)
    assert _files(victim) == clean
    assert not [p.name for p in victim.iterdir() if p.name.endswith(".tmp")]
    assert killed_writing, "the build finished before it could be killed while writing"
