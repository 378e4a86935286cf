"""Benchmark kgraph's RDF exporters: triples (quads) per second for each format.

Usage: python benchmarks/bench_rdf.py [--docs 1000] [--events 40] [--actors 5000] [--repeat 3]

Builds a large synthetic KnowledgeGraph (tests/rdf_fixtures.py: synthetic_graph), writes it
in each RDF format to an in-memory buffer and prints the throughput (the best of ``--repeat``
runs) and the machine description, in two modes:

* ``auto``: as kgraph runs (graphs this large are formatted in a forked helper process while
  pyoxigraph parses and serializes in the main one): wall-clock triples/s, and triples per
  second of CPU time of the busier of the two processes (what the wall clock gives on two
  idle cores).
* ``sequential``: one process; wall-clock and CPU-time triples/s (CPU time is what the
  exporter itself costs when the machine is shared with other work).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pyoxigraph as ox
from _speed_common import machine

from kgraph.config import Settings
from kgraph.export import (
    get_exporter,
    rdf,
)
from rdf_fixtures import synthetic_graph

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
           "jsonld": ox.RdfFormat.JSON_LD}





def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench(kg, name: str, repeat: int) -> tuple[int, float, float, int]:
    """Return (triples, best wall s, best CPU s of the busier process, bytes) of writing ``kg`` as ``name``."""
    writer, settings = get_exporter(name), Settings()
    best_wall = best_cpu = float("inf")
    data = b""
    for _ in range(repeat):
        buffer = io.BytesIO()
        wall, cpu, child = time.perf_counter(), time.process_time(), _children_cpu()
        writer(kg, buffer, settings=settings)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, max(time.process_time() - cpu, _children_cpu() - child))
        data = buffer.getvalue()
    count = sum(1 for _ in ox.parse(data, FORMATS[name]))
    return count, best_wall, best_cpu, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--events", type=int, default=40, help="events per article")
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    parser.add_argument("--modes", nargs="*", default=["auto", "sequential"], choices=["auto", "sequential"])
    args = parser.parse_args()
    kg = synthetic_graph(args.docs, args.events, args.actors)
    print(f"machine: {machine(f'pyoxigraph {ox.__version__}')}")
    print(f"graph: {kg!r}, {args.docs} articles")
    print(f"{'mode':10} {'format':8} {'triples':>10} {'MB':>7} {'wall s':>7} {'wall t/s':>10} {'cpu s':>7} {'cpu t/s':>10}")
    for mode in args.modes:
        rdf.PARALLEL_MIN_NODES = 20_000 if mode == "auto" else 10**12
        for name in args.formats:
            n, wall, cpu, size = bench(kg, name, args.repeat)
            cpu_cell = f"{cpu:>7.2f} {n / cpu:>10,.0f}"
            print(f"{mode:10} {name:8} {n:>10,} {size / 1e6:>7.1f} {wall:>7.2f} {n / wall:>10,.0f} {cpu_cell}", flush=True)
    print(f"load avg after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
