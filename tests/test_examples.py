"""Every examples/*.py runs as a user would run it, and ``kgraph build examples/`` ignores them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

SCRIPTS = sorted(EXAMPLES.glob("*.py"))
#: What each example must print (a property of its output, not exact counts).
EXPECT = {
    "build_graph.py": "wrote",
    "query_graph.py": "United States COUNTRY USA",
    "pandas_tables.py": "label",
    "gephi_export.py": "GraphML read back",
    "spacy_component.py": "SANCTION",
    "diff_builds.py": "events added:",
}


def _run(script: Path, *args: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert done.returncode == 0, f"{script.name} failed:\n{done.stderr[-3000:]}"
    return done.stdout


def test_every_example_is_listed() -> None:
    assert {s.name for s in SCRIPTS} == set(EXPECT)


#: Examples that take an output folder (without one they write to a new temporary folder).
TAKE_OUT_DIR = {"build_graph.py", "gephi_export.py"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    cwd, out_dir = tmp_path / "cwd", tmp_path / "out"
    cwd.mkdir()
    out = _run(script, *([str(out_dir)] if script.name in TAKE_OUT_DIR else []), cwd=cwd)
    assert EXPECT[script.name] in out
    assert list(cwd.iterdir()) == []  # examples never write into the working directory


def test_examples_write_into_the_folder_given(tmp_path: Path) -> None:
    _run(EXAMPLES / "gephi_export.py", str(tmp_path), cwd=tmp_path)
    assert {"graph.gexf", "graph.graphml", "events.csv", "actors.csv"} <= {p.name for p in tmp_path.iterdir()}
    out = _run(EXAMPLES / "query_graph.py", str(_build(tmp_path / "build")), cwd=tmp_path)
    assert "busiest:" in out


def _build(folder: Path) -> Path:
    _run(EXAMPLES / "build_graph.py", str(folder), cwd=folder.parent)
    return folder


def test_build_of_examples_folder_ignores_scripts(tmp_path: Path) -> None:
    from kgraph.cli import main

    main(["build", str(EXAMPLES), "-o", str(tmp_path), "--quiet"])
    report = json.loads((tmp_path / "report.json").read_text())
    origins = [str(row.get("origin") or "") for row in report["documents"]]
    assert origins and not any(".py" in o for o in origins)
    assert report["documents_skipped"] == 0
