"""The ``kgraph`` command line: thin commands over the library.

Each command lives in its own module in this package and exposes two functions:
``configure(parser)`` adds its arguments, ``run(args) -> int`` does the work by calling
public library functions and returns the exit code. Only this package prints.

Exit codes: 0 all done, 1 done but some inputs were skipped, 2 usage or configuration
error (see :class:`kgraph.errors.KGraphError`).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from kgraph.errors import KGraphError

__all__ = ["COMMANDS", "main"]

#: Command name → (module, one-line help). Modules are imported only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("kgraph.cli.build", "read articles and write the graph and its exports"),
    "extract": ("kgraph.cli.extract", "write the event records of articles as JSON lines"),
    "evaluate": ("kgraph.cli.evaluate", "score extraction on gold sets"),
    "sparql": ("kgraph.cli.sparql", "run a SPARQL query on a build"),
    "push": ("kgraph.cli.push", "load a build into a SPARQL 1.1 server"),
    "query": ("kgraph.cli.query", "show an actor: aliases, events, neighbours"),
    "diff": ("kgraph.cli.diff", "compare two builds"),
}


def _parser(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    parser = argparse.ArgumentParser(
        prog="kgraph", description="Turn political news into a knowledge graph."
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Only the chosen command's module is imported, so `kgraph --help` stays fast.
    chosen = next((a for a in argv if a in COMMANDS), None)
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module).configure(cmd)
    return parser, parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, args = _parser(argv)
    if args.version:
        from kgraph import __version__

        print(f"kgraph {__version__}")
        return 0
    if not args.command:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="kgraph: %(levelname)s: %(message)s")
    try:
        return int(importlib.import_module(COMMANDS[args.command][0]).run(args))
    except KGraphError as err:
        print(f"kgraph: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("kgraph: interrupted", file=sys.stderr)
        return 130
