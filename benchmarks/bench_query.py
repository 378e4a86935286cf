"""(f) Python API query latency: ``KnowledgeGraph.events(actor=...)`` on a built graph.

Loads a build folder with :func:`kgraph.load.load` (``--graph``: e.g. a build of news_34k made
beforehand; without it, the BBC politics articles are built first into a temporary folder), then times ``kg.events(actor=NAME)`` for the
most active actor, an actor at the median and one at the 90th percentile of activity, by name.
The first query (which builds the graph's index) is reported apart; the latency is the median
and the 95th percentile of the next ``--repeat`` calls.

    .venv/bin/python benchmarks/bench_query.py --graph /tmp/news-build
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import BBC, machine


def _actors(kg) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """(label, number of events) of three actors: most active, 90th percentile, median."""
    graph = kg.graph
    activity = sorted(
        (
            (graph.out_degree(n) + graph.in_degree(n), d["label"])
            for n, d in graph.nodes(data=True)
            if d.get("kind") == "actor"
        ),
        reverse=True,
    )
    picks = [activity[0], activity[len(activity) // 10], activity[len(activity) // 2]]
    return [(label, degree) for degree, label in picks]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", type=Path, help="a kgraph build folder (default: build the BBC articles)")
    parser.add_argument(
        "--repeat", type=int, default=200, help="timed calls per actor (default: %(default)s)"
    )
    args = parser.parse_args()
    from kgraph.load import load

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.graph or _build_bbc(Path(tmp))
        return _bench(load(folder), folder, args.repeat)


def _build_bbc(folder: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "kgraph.cli",
        "build",
        str(BBC),
        "-o",
        str(folder),
        "--quiet",
        "--processes",
        "2",
    ]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def _bench(kg, folder: Path, repeat: int) -> int:  # type: ignore[no-untyped-def]
    print(f"graph: {folder}: {len(kg.documents)} documents, {kg.graph.number_of_nodes()} nodes, "
          f"{kg.graph.number_of_edges()} edges")  # fmt: skip
    worst = 0.0
    for label, degree in _actors(kg):
        start = time.perf_counter()
        first = kg.events(actor=label)
        cold = time.perf_counter() - start
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            kg.events(actor=label)
            times.append(time.perf_counter() - start)
        times.sort()
        median, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
        worst = max(worst, median)
        print(f"  events(actor={label!r}): {len(first)} events (degree {degree}); first call {cold * 1e3:.1f} ms, "
              f"then median {median * 1e3:.2f} ms, p95 {p95 * 1e3:.2f} ms")  # fmt: skip
    print(
        f"(f) events(actor=...) median latency, worst of the three actors: {worst * 1e3:.2f} ms (target ≤ 10 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
