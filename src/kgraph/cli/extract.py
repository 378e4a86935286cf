"""``kgraph extract INPUT... -o FILE|-``: the event records of ``shared/eval/README.md``."""

from __future__ import annotations

import argparse
import json
import sys

from kgraph.cli._common import add_model_options, settings_from

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    parser.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    add_model_options(parser)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kgraph.export import atomic_write
    from kgraph.model import Skipped
    from kgraph.pipeline import documents_from, process
    from kgraph.records import event_records

    settings = settings_from(args)
    skipped: list[Skipped] = []
    records = event_records(process(documents_from(args.inputs, skipped), settings=settings))
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if args.output == "-":
        sys.stdout.writelines(lines)
    else:
        with atomic_write(Path(args.output)) as stream:
            for line in lines:
                stream.write(line.encode("utf-8"))
    for s in skipped:
        print(f"kgraph: skipped {s.origin}: {s.reason}", file=sys.stderr)
    return 1 if skipped else 0
