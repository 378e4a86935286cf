"""``kgraph build INPUT... -o DIR``: the graph and its exports, plus ``report.json``.

``DIR/results.bin`` keeps the build's extraction results, so ``kgraph build --update
DIR NEW...`` adds articles at the cost of the new ones only. Results are also cached by
content in ``DIR/.kgraph-cache`` (``--cache`` to move it, ``--no-cache`` to skip it), so a
rerun parses only new or changed documents.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.cli._common import add_model_options, settings_from
from kgraph.compact import gc_paused

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Executor

    from kgraph.cache import Results
    from kgraph.config import Settings
    from kgraph.export.forked import ForkedWriter
    from kgraph.graph import KnowledgeGraph

__all__ = ["configure", "run"]

#: The cache folder inside the output folder, unless --cache names another.
CACHE_DIR = ".kgraph-cache"


def configure(parser: argparse.ArgumentParser) -> None:
    from kgraph.export import DEFAULT_FORMATS, list_exporters

    formats = "; ".join(f"{n} ({s.filename}: {s.description})" for n, s in list_exporters().items())
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    parser.add_argument(
        "-o", "--output", type=Path, help="output folder (default: exports, or the --update folder)"
    )
    parser.add_argument(
        "--format", action="append", dest="formats", metavar="NAME",
        help=f"add an export by name (repeatable); default: {', '.join(DEFAULT_FORMATS)}. Registered: {formats}",
    )  # fmt: skip
    add_model_options(parser)
    parser.add_argument(
        "--max-nodes", type=int, default=2000, metavar="N",
        help="graph.html keeps the N most active nodes and says what it left out; 0 for all (default: %(default)s)",
    )  # fmt: skip
    group = parser.add_argument_group("speed")
    group.add_argument(
        "--update", type=Path, metavar="DIR", help="add INPUTs to the build in DIR, parsing only them"
    )
    group.add_argument("--scheduler", metavar="ADDRESS", help="parse on a Dask cluster (tcp://host:8786)")
    group.add_argument(
        "--cache", type=Path, metavar="DIR", help=f"result cache folder (default: OUTPUT/{CACHE_DIR})"
    )
    group.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")


def run(args: argparse.Namespace) -> int:
    from kgraph.cache import RESULTS_FILE
    from kgraph.cli._progress import stage
    from kgraph.export import DEFAULT_FORMATS, get_spec, write_exports
    from kgraph.pipeline import graph_of
    from kgraph.report import skip_messages

    output: Path = args.output or args.update or Path("exports")
    settings = settings_from(args)
    settings = replace(
        settings,
        cache_dir=None if args.no_cache else (args.cache or output / CACHE_DIR),
        html_max_nodes=args.max_nodes or None,
    )
    formats = list(DEFAULT_FORMATS) + [f for f in (args.formats or []) if f not in DEFAULT_FORMATS]
    previous, results = _update(args, settings, formats) if args.update else (None, _collect(args, settings, None))
    early = _start_events(results, output, formats, settings)  # written while this process links
    try:
        started = stage(f"linking {len(results.results)} documents", quiet=args.quiet)
        with gc_paused():
            kg = graph_of(results, settings)
            gc.freeze()  # the results and the graph live to the end: no collection need walk them again
    except BaseException:
        if early is not None:
            early.cancel()
        raise
    started = stage("writing exports", quiet=args.quiet, started=started)
    in_place = args.update is not None and args.update.resolve() == output.resolve()
    formats = [f for f in formats if early is None or f != "events"]
    extra = _from_results(kg, formats, settings)
    extra[RESULTS_FILE] = _results_bytes(output / RESULTS_FILE, results, previous if in_place else None)
    if "csv" not in formats:  # no other export reads the per-document results: let them go
        del results, previous
        kg.results = ()
    formats = [f for f in formats if get_spec(f).filename not in extra]
    written = write_exports(
        kg, output, formats, settings=settings, extra=extra, previous_dir=args.update, started=[early] if early else ()
    )
    stage("done", quiet=args.quiet, started=started)
    _print_skips(skip_messages(kg.report))
    if not args.quiet:
        r = kg.report
        print(f"kgraph: {r['documents_processed']} documents processed, {r['documents_skipped']} skipped, "
              f"{r['events']} events; {kg!r}")  # fmt: skip
        for path in written:
            if not path.name.startswith("."):  # chunk indexes
                print(f"  wrote {path}")
    return 1 if kg.report["documents_skipped"] else 0


def _update(args: argparse.Namespace, settings: Settings, formats: list[str]) -> tuple[Results, Results]:
    """The earlier build's results and those with the new inputs added.

    The workers that parse the new inputs start first: they load the model while this
    process reads the earlier results (one worker per batch of new documents), then parse
    the new inputs while it imports the linker and the writers of ``formats``.
    """
    from kgraph.cache import read_results
    from kgraph.cli._progress import count_documents
    from kgraph.pipeline import check_previous, start_workers

    path = check_previous(args.update, settings)
    local_pool = settings.processes > 1 and not args.scheduler
    total = count_documents(args.inputs)  # sizes the pool and the progress bar
    workers = start_workers(settings, documents=total) if local_pool else None
    with workers or contextlib.nullcontext() as pool:
        with gc_paused():
            previous = read_results(path)
            gc.freeze()  # they live to the end of the build: no collection need walk them
        prepare = functools.partial(_prepare, formats)  # done while the workers parse the new inputs
        return previous, _collect(args, settings, previous, pool, total=total, meanwhile=prepare)


def _prepare(formats: list[str]) -> None:
    """Import the linker and the writers of ``formats`` (see :func:`kgraph.export.prepare`)."""
    import kgraph.link  # noqa: F401
    from kgraph.export import prepare

    prepare(formats)


def _collect(
    args: argparse.Namespace,
    settings: Settings,
    previous: Results | None,
    pool: Executor | None = None,
    *,
    total: int | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Results:
    """Read and parse the inputs; ``total``: how many documents they hold, if counted already.

    ``meanwhile``: work for this process while the workers parse (see :func:`kgraph.pipeline.process`).
    """
    from kgraph.cli._progress import count_documents, progress_bar
    from kgraph.pipeline import collect

    if total is None and not args.quiet:
        total = count_documents(args.inputs)
    with progress_bar(total, quiet=args.quiet) as bar:
        results = collect(
            args.inputs, settings=settings, progress=bar.update, scheduler=args.scheduler, previous=previous,
            pool=pool, meanwhile=meanwhile,
        )  # fmt: skip
        bar.total = bar.n
    return results


def _start_events(results: Results, output: Path, formats: list[str], settings: Settings) -> ForkedWriter | None:
    """Begin ``events.jsonl`` (made from the per-document results alone) in a forked process, if allowed."""
    from kgraph.export import start_exports
    from kgraph.graph import KnowledgeGraph
    from kgraph.link.graph import document_order

    if "events" not in formats:
        return None
    kg = KnowledgeGraph(results=document_order(results.results))
    return start_exports(kg, output, ["events"], settings=settings)


def _from_results(kg: KnowledgeGraph, formats: list[str], settings: Settings) -> dict[str, bytes]:
    """The files made from the per-document results: ``events.jsonl`` (when asked for), the report."""
    from kgraph.export import export, get_spec

    files: dict[str, bytes] = {}
    if "events" in formats:
        files[get_spec("events").filename] = export(kg, format="events", settings=settings) or b""
    report = json.dumps(kg.report, indent=1, ensure_ascii=False, sort_keys=True)
    files["report.json"] = report.encode("utf-8") + b"\n"
    return files


def _results_bytes(path: Path, results: Results, previous: Results | None) -> bytes:
    """The new results file: ``path``'s bytes plus the new entries when ``previous`` is its content."""
    from kgraph.cache import encode_results

    if previous is not None:
        return encode_results(results, after=previous, existing=path.read_bytes())
    return encode_results(results)


def _print_skips(messages: list[str], limit: int = 50) -> None:
    """Name every skipped document on stderr (the first ``limit``; report.json has them all)."""
    for message in messages[:limit]:
        print(f"kgraph: skipped {message}", file=sys.stderr)
    if len(messages) > limit:
        print(f"kgraph: ... and {len(messages) - limit} more skipped (see report.json)", file=sys.stderr)
