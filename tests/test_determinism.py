"""The same inputs give byte-identical exports whatever the input order, --processes and hash seed.

Two real ``kgraph build`` runs (subprocesses): the files listed forward with one process and
``PYTHONHASHSEED=1``, then backward with two processes and ``PYTHONHASHSEED=2``. The inputs mix
the bundled examples with hostile files (duplicate ids and texts, injection strings, odd ids).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

BAD = Path(__file__).parent / "data" / "bad"
INPUTS = [
    EXAMPLES / "articles.jsonl", EXAMPLES / "text", BAD / "injection.jsonl", BAD / "duplicate_ids.jsonl",
    BAD / "duplicate_text.jsonl", BAD / "weird_ids.jsonl", BAD / "records_mixed.jsonl", BAD / "zz_copy_of_record.md",
    BAD / "scripts.html", BAD / "cp1252.txt", BAD / "rows.csv",
]  # fmt: skip
#: Files that must be byte-identical (graph.html's layout is the HTML view's concern).
IDENTICAL = ["graph.ttl", "graph.trig", "graph.nq", "graph.json", "events.jsonl", "report.json"]


def _build(inputs: list[Path], out: Path, *, processes: int, seed: int) -> dict[str, bytes]:
    command = [sys.executable, "-m", "kgraph.cli", "build", *map(str, inputs), "-o", str(out), "--quiet",
               "--format", "nquads", "--processes", str(processes), "--batch-size", "4"]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env, check=False)
    assert done.returncode == 1, done.stderr  # records_mixed.jsonl has skipped records
    return {name: (out / name).read_bytes() for name in IDENTICAL}


def test_exports_are_byte_identical_whatever_the_order_processes_and_hash_seed(tmp_path: Path) -> None:
    forward = _build(INPUTS, tmp_path / "forward", processes=1, seed=1)
    backward = _build(INPUTS[::-1], tmp_path / "backward", processes=2, seed=2)
    for name in IDENTICAL:
        assert forward[name] == backward[name], f"{name} differs"
    report = json.loads(forward["report.json"])
    origins = [row["origin"] for row in report["documents"]]
    assert len(origins) == len(set(origins)) == report["documents_read"]
    assert report["documents_duplicate"] >= 6  # examples/text repeats the JSONL; one syndicated copy
    assert {row.get("renamed_from") for row in report["documents"]} >= {"same", "same~2"}
