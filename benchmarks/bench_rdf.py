"""Benchmark kgraph's RDF exporters: triples (quads) per second for each format.

Usage: python benchmarks/bench_rdf.py [--docs 1000] [--events 40] [--actors 5000] [--repeat 3]

Builds a large synthetic KnowledgeGraph (tests/rdf_fixtures.py: synthetic_graph), writes it
in each RDF format to an in-memory buffer and prints, per format, the triples (quads) counted by
parsing the output with pyoxigraph, the best wall-clock and CPU seconds of ``--repeat`` runs,
the triples per second of each (CPU time is what the exporter itself costs when the machine is
shared with other work) and the load average (1 min) when the format's runs ended.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pyoxigraph as ox
from _speed_common import machine

from kgraph.config import Settings
from kgraph.export import get_exporter
from rdf_fixtures import synthetic_graph

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
           "jsonld": ox.RdfFormat.JSON_LD}


def bench(kg, name: str, repeat: int) -> tuple[int, float, float, int]:
    """Return (triples, best wall s, best CPU s, bytes) of writing ``kg`` as ``name``."""
    writer, settings = get_exporter(name), Settings()
    best_wall = best_cpu = float("inf")
    data = b""
    for _ in range(repeat):
        buffer = io.BytesIO()
        kg._turtle_blocks = None  # no run may reuse the blocks the one before formatted (kept for TriG)
        wall, cpu = time.perf_counter(), time.process_time()
        writer(kg, buffer, settings=settings)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
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
    args = parser.parse_args()
    kg = synthetic_graph(args.docs, args.events, args.actors)
    print(f"machine: {machine(f'pyoxigraph {ox.__version__}')}")
    print(f"graph: {kg!r}, {args.docs} articles")
    columns = ("triples", "MB", "wall s", "wall t/s", "cpu s", "cpu t/s", "load")
    print(f"{'format':8} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, (10, 7, 7, 10, 7, 10, 5))))
    for name in args.formats:
        n, wall, cpu, size = bench(kg, name, args.repeat)
        load = os.getloadavg()[0]
        cells = f"{wall:>7.2f} {n / wall:>10,.0f} {cpu:>7.2f} {n / cpu:>10,.0f} {load:>5.1f}"
        print(f"{name:8} {n:>10,} {size / 1e6:>7.1f} {cells}", flush=True)
    print(f"load avg after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
