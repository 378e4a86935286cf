"""``kgraph push DIR --endpoint URL``: load a build's named graphs into a SPARQL 1.1 store.

Each graph is replaced (Graph Store Protocol PUT, or SPARQL Update with ``--update``), so
pushing again is idempotent. ``--store DIR`` loads into an on-disk pyoxigraph store instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("build", type=Path, metavar="DIR", help="build folder (graph.trig) or RDF file")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--endpoint", metavar="URL",
                        help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (oxigraph serve)")
    target.add_argument("--store", type=Path, metavar="STORE_DIR", help="an on-disk pyoxigraph store instead of a server")
    parser.add_argument("--update", action="store_true",
                        help="URL is a SPARQL Update endpoint (e.g. .../update): DROP GRAPH + INSERT DATA per graph")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    from kgraph.push import push, push_to_store

    if args.store is not None:
        report = push_to_store(args.build, args.store)
        where = str(args.store)
    else:
        report = push(args.build, args.endpoint, update=args.update, timeout=args.timeout)
        where = args.endpoint
    print(f"kgraph: replaced {report.graphs} graphs ({report.triples} triples) in {where}")
    return 0
