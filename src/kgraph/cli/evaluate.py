"""``kgraph evaluate``: score extraction on the dev sets of ``shared/eval`` (its README's rules).

Runs kgraph on each chosen dev set's texts, or scores existing output with ``--system
events.jsonl`` (and ``--graph graph.json`` for whole documents); prints a table and writes
the scores as JSON with ``-o``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from kgraph.cli._common import add_model_options, settings_from

__all__ = ["configure", "run"]

_SETS = ("plover", "cameo", "attribution", "seed")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``kgraph evaluate``."""
    parser.add_argument("--set", dest="sets", action="append", choices=(*_SETS, "all"), metavar="NAME",
                        help="dev set to score: plover, cameo, attribution, seed or all (repeatable; default: all)")
    parser.add_argument("--shared", type=Path, default=None, metavar="DIR",
                        help="folder holding eval/ and corpora/ (default: $KGRAPH_SHARED or ../shared)")
    parser.add_argument("--system", type=Path, metavar="EVENTS_JSONL",
                        help="score this events.jsonl instead of running kgraph")
    parser.add_argument("--graph", type=Path, metavar="GRAPH_JSON",
                        help="graph.json whose actor nodes the seed set scores (with --system; default: "
                             "actors derived from the records)")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N documents of each set")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the scores as JSON to FILE")
    parser.add_argument("--details", type=Path, metavar="FILE",
                        help="write error analysis (missed gold items, spurious events) as JSON lines to FILE")
    add_model_options(parser)  # fmt: skip


def _shared(args: argparse.Namespace) -> Path:
    from kgraph.errors import ConfigError

    shared = args.shared or Path(os.environ.get("KGRAPH_SHARED") or "../shared")
    if not (shared / "eval").is_dir():
        raise ConfigError(f"{shared}/eval not found; pass --shared DIR (the folder that holds eval/)")
    return shared


def _chosen(args: argparse.Namespace) -> list[str]:
    sets = args.sets or ["all"]
    return list(_SETS) if "all" in sets else [s for s in _SETS if s in sets]


def _runs_from_files(args: argparse.Namespace, shared: Path, names: list[str]) -> list[Any]:
    from kgraph.evaluate import SetRun, actor_nodes, load_gold, read_json, read_jsonl

    records = read_jsonl(args.system)
    nodes = actor_nodes(read_json(args.graph)[0]) if args.graph else None
    return [SetRun(name, load_gold(shared, name), records, nodes) for name in names]


def _runs_of_kgraph(args: argparse.Namespace, shared: Path, names: list[str]) -> list[Any]:
    from kgraph.evaluate import KGraphSystem, run_set

    system = KGraphSystem(settings_from(args))
    runs = []
    for name in names:
        if not args.quiet:
            print(f"kgraph: running {name} ...", file=sys.stderr)
        runs.append(run_set(name, shared, system.records, actor_nodes=system.actor_nodes, limit=args.limit))
    return runs


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    print(f"  wrote {path}")


def run(args: argparse.Namespace) -> int:
    """Score the chosen dev sets, print the table, write ``-o`` and ``--details``; return 0."""
    from kgraph.errors import ConfigError
    from kgraph.evaluate import format_table

    shared, names = _shared(args), _chosen(args)
    if args.graph and not args.system:
        raise ConfigError("--graph needs --system (the events.jsonl of the same build)")
    runs = _runs_from_files(args, shared, names) if args.system else _runs_of_kgraph(args, shared, names)
    results = {r.name: r.scores().to_dict() for r in runs}
    print(format_table(results))
    if args.output:
        meta = {"system": str(args.system) if args.system else "kgraph", "model": args.model, "limit": args.limit}
        _write(args.output, [json.dumps({"meta": meta, **results}, indent=1) + "\n"])
    if args.details:
        _write(args.details, [json.dumps(d, ensure_ascii=False) + "\n" for r in runs for d in r.details()])
    return 0
