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
    parser.add_argument("--set", dest="sets", action="append", choices=(*_SETS, "all"),
                        help="dev set to score (repeatable; default: all)")  # fmt: skip
    parser.add_argument("--shared", type=Path, default=None,
                        help="folder holding eval/ and corpora/ (default: $KGRAPH_SHARED or ../shared)")  # fmt: skip
    parser.add_argument("--system", type=Path, help="score this events.jsonl instead of running kgraph")
    parser.add_argument("--graph", type=Path, help="graph.json whose actor nodes the seed set scores (with --system)")
    parser.add_argument("--limit", type=int, help="score only the first N documents of each set (quick runs)")
    parser.add_argument("-o", "--output", type=Path, help="write the scores as JSON to this file")
    add_model_options(parser)


def _shared(args: argparse.Namespace) -> Path:
    from kgraph.errors import ConfigError

    shared = args.shared or Path(os.environ.get("KGRAPH_SHARED") or "../shared")
    if not (shared / "eval").is_dir():
        raise ConfigError(f"{shared}/eval not found; pass --shared DIR (the folder that holds eval/)")
    return shared


def _chosen(args: argparse.Namespace) -> list[str]:
    sets = args.sets or ["all"]
    return list(_SETS) if "all" in sets else [s for s in _SETS if s in sets]


def _score_files(args: argparse.Namespace, shared: Path, names: list[str]) -> dict[str, Any]:
    from kgraph.evaluate import actor_nodes, load_gold, read_json, read_jsonl, score_set

    records = read_jsonl(args.system)
    nodes = actor_nodes(read_json(args.graph)[0]) if args.graph else None
    return {name: score_set(name, records, load_gold(shared, name), actor_nodes=nodes).to_dict() for name in names}


def _score_kgraph(args: argparse.Namespace, shared: Path, names: list[str]) -> dict[str, Any]:
    from kgraph.evaluate import KGraphSystem, evaluate_set

    system = KGraphSystem(settings_from(args))
    results = {}
    for name in names:
        if not args.quiet:
            print(f"kgraph: running {name} ...", file=sys.stderr)
        scores = evaluate_set(name, shared, system.records, actor_nodes=system.actor_nodes, limit=args.limit)
        results[name] = scores.to_dict()
    return results


def run(args: argparse.Namespace) -> int:
    from kgraph.evaluate import format_table

    shared, names = _shared(args), _chosen(args)
    if args.graph and not args.system:
        from kgraph.errors import ConfigError

        raise ConfigError("--graph needs --system (the events.jsonl of the same build)")
    results = _score_files(args, shared, names) if args.system else _score_kgraph(args, shared, names)
    print(format_table(results))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        meta = {"system": str(args.system) if args.system else "kgraph", "model": args.model, "limit": args.limit}
        args.output.write_text(json.dumps({"meta": meta, **results}, indent=1) + "\n", encoding="utf-8")
        print(f"  wrote {args.output}")
    return 0
