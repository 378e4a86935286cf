"""Scenarios of tests/test_export_forked.py, each run in a fresh interpreter.

Exports fork only from a process that runs one thread; a test process may run others (Dask
leaves its offload thread), so each scenario runs here, alone: ``python forked_writer.py
SCENARIO FOLDER`` prints a JSON line with the forks made and the error raised, if any.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).parent))

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.export import register_exporter, write_exports
from kgraph.graph import KnowledgeGraph
from rdf_fixtures import synthetic_graph

FORMATS = ["turtle", "trig", "json", "html", "events"]
ONE, TWO = Settings(), replace(Settings(), processes=2)
FORKS: list[int] = []
WRITERS: list[list[str]] = []  # the files of each ForkedWriter made
_fork = os.fork


def _counted_fork() -> int:
    pid = _fork()
    if pid:
        FORKS.append(pid)
    return pid


def _failing(error: BaseException | None) -> Any:
    def fail(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
        stream.write(b"partial")
        stream.flush()
        if error is None:
            os.kill(os.getpid(), signal.SIGKILL)  # the writer dies without cleaning up
        raise error  # type: ignore[misc]

    return fail


def _slow(kg: KnowledgeGraph, stream: IO[bytes], *, settings: Settings) -> None:
    stream.write(b"partial")
    stream.flush()
    time.sleep(60)


FAILURES = {"config": ConfigError("bad base IRI"), "crash": RuntimeError("writer bug"), "killed": None}


def _cli_update(folder: Path) -> dict[str, Any]:
    """``kgraph build`` then ``--update`` in two processes, and a full build in one."""
    from kgraph.cli import main

    examples = Path(__file__).parent.parent / "examples" / "articles.jsonl"
    lines = examples.read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "a_old.jsonl").write_text("".join(lines[:3]), encoding="utf-8")
    (folder / "b_new.jsonl").write_text("".join(lines[3:]), encoding="utf-8")
    two = ["--quiet", "--no-cache", "--processes", "2"]
    assert main(["build", str(folder / "a_old.jsonl"), "-o", str(folder / "updated"), *two]) == 0
    assert main(["build", "--update", str(folder / "updated"), str(folder / "b_new.jsonl"), *two]) == 0
    one = ["--quiet", "--no-cache", "--processes", "1"]
    assert main(["build", str(folder / "a_old.jsonl"), str(folder / "b_new.jsonl"), "-o", str(folder / "full"), *one]) == 0
    return {"writers": WRITERS}


def run(scenario: str, folder: Path) -> dict[str, Any]:
    if scenario == "cli-update":
        return _cli_update(folder)
    kg = synthetic_graph(n_docs=30, events_per_doc=8, n_actors=60)
    if scenario == "same":
        write_exports(kg, folder / "one", FORMATS, settings=ONE)
        before = len(FORKS)
        names = [p.name for p in write_exports(kg, folder / "two", FORMATS, settings=TWO)]
        return {"forks_one": before, "names": names}
    if scenario == "update":
        write_exports(kg, folder / "old", FORMATS, settings=ONE)
        write_exports(kg, folder / "new", FORMATS, settings=TWO, previous_dir=folder / "old")
        return {}
    if scenario == "slow":
        register_exporter("test-slow", _slow, "slow.out", "sleeps in the forked writer", cost=1000)
        write_exports(kg, folder, ["test-slow", "json"], settings=TWO)
        return {}
    register_exporter("test-fail", _failing(FAILURES[scenario]), "fail.out", "fails in the forked writer", cost=1000)
    write_exports(kg, folder, ["json", "html"], settings=ONE)
    try:
        write_exports(kg, folder, ["test-fail", "json", "html"], settings=TWO)  # the costly one is the child's
    except Exception as err:  # noqa: BLE001 - reported to the test
        return {"error": type(err).__name__, "message": str(err)}
    return {"error": None}


def main() -> None:
    from kgraph.export import forked

    os.fork = _counted_fork
    made = forked.ForkedWriter.__init__

    def counted(self: Any, stage: Any, filenames: list[str]) -> None:
        WRITERS.append(list(filenames))
        made(self, stage, filenames)

    forked.ForkedWriter.__init__ = counted  # type: ignore[method-assign]
    result = run(sys.argv[1], Path(sys.argv[2]))
    print(json.dumps({**result, "forks": len(FORKS)}))


if __name__ == "__main__":
    main()
