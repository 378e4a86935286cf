"""``kgraph build INPUT... -o DIR``: the graph and its exports, plus ``report.json``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kgraph.cli._common import add_model_options, settings_from

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    from kgraph.export import DEFAULT_FORMATS, list_exporters

    formats = "; ".join(f"{n} ({s.filename}: {s.description})" for n, s in list_exporters().items())
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    parser.add_argument("-o", "--output", type=Path, default=Path("exports"), help="output folder (default: %(default)s)")
    parser.add_argument(
        "--format", action="append", dest="formats", metavar="NAME",
        help=f"add an export by name (repeatable); default: {', '.join(DEFAULT_FORMATS)}. Registered: {formats}",
    )  # fmt: skip
    add_model_options(parser)


def run(args: argparse.Namespace) -> int:
    from kgraph.export import DEFAULT_FORMATS, write_exports
    from kgraph.pipeline import build
    from kgraph.report import skip_messages

    settings = settings_from(args)
    formats = list(DEFAULT_FORMATS) + [f for f in (args.formats or []) if f not in DEFAULT_FORMATS]
    kg = build(args.inputs, settings=settings)
    report = json.dumps(kg.report, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
    written = write_exports(kg, args.output, formats, settings=settings, extra={"report.json": report})
    _print_skips(skip_messages(kg.report))
    if not args.quiet:
        r = kg.report
        print(f"kgraph: {r['documents_processed']} documents processed, {r['documents_skipped']} skipped, "
              f"{r['events']} events; {kg!r}")  # fmt: skip
        for path in written:
            print(f"  wrote {path}")
    return 1 if kg.report["documents_skipped"] else 0


def _print_skips(messages: list[str], limit: int = 50) -> None:
    """Name every skipped document on stderr (the first ``limit``; report.json has them all)."""
    for message in messages[:limit]:
        print(f"kgraph: skipped {message}", file=sys.stderr)
    if len(messages) > limit:
        print(f"kgraph: ... and {len(messages) - limit} more skipped (see report.json)", file=sys.stderr)
