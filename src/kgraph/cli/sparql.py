"""``kgraph sparql QUERY_OR_FILE --graph DIR``: run a SPARQL query on a build, in process.

QUERY_OR_FILE is a ``.rq`` file, the name of a shipped query (``kgraph sparql --list``) or the
query text. Values are bound with ``--bind name=value`` (``actor:kim-jong-un``, ``kg:SANCTION``,
``<https://...>``, ``2``, ``"text"``), never pasted into the query.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    from kgraph.config import DEFAULT_BASE_IRI

    parser.add_argument("query", nargs="?", metavar="QUERY_OR_FILE",
                        help="a .rq file, a shipped query name (see --list) or SPARQL text")
    parser.add_argument("--graph", type=Path, default=None,
                        help="build folder or RDF file (graph.trig, graph.nq or graph.ttl; default: exports/)")
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="persistent on-disk store: load --graph into it (replacing its graphs) if given, "
                             "then query it")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE", help="bind a variable (repeatable)")
    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="base of data IRIs (default: %(default)s)")
    parser.add_argument("--list", action="store_true", help="list the shipped queries and exit")


def run(args: argparse.Namespace) -> int:
    from kgraph import sparql
    from kgraph.errors import ConfigError
    from kgraph.export.rdf import prefixes

    if args.list:
        for name, description in sparql.list_queries().items():
            print(f"{name:16} {description}")
        return 0
    if not args.query:
        raise ConfigError("a query is required: kgraph sparql QUERY_OR_FILE --graph DIR (or --list)")
    if args.store is not None and args.graph is None:
        import pyoxigraph as ox

        store = ox.Store(str(args.store))
    else:
        store = sparql.load(args.graph or Path("exports"), store_dir=args.store)
    result = sparql.run(store, args.query, sparql.parse_bindings(args.bind), base=args.base_iri)
    if args.format == "csv":
        sys.stdout.write(result.to_csv())
    elif args.format == "json":
        print(result.to_json())
    else:
        print(result.to_table(prefixes(args.base_iri)))
    return 0
