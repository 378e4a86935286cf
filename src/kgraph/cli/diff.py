"""``kgraph diff OLD NEW``: actors and events added, removed or changed between two builds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier build folder, graph.json, .trig or .nq")
    parser.add_argument("new", type=Path, metavar="NEW", help="the later build")
    parser.add_argument("--json", action="store_true", help="print the diff as JSON")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 when the builds differ (like git diff)")


def run(args: argparse.Namespace) -> int:
    from kgraph.diff import diff, format_text
    from kgraph.load import load

    old, new = load(args.old), load(args.new)
    result = diff(old, new)
    if args.json:
        print(json.dumps(result.to_dict(), indent=1, ensure_ascii=False, sort_keys=True))
    else:
        print(format_text(result, old, new))
    return 1 if (args.exit_code and result) else 0
