"""Progress bars for long commands: tqdm on stderr, off with ``--quiet``.

The library reports progress through a callback (:data:`kgraph.pipeline.Progress`); only
the CLI draws it.
"""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["count_documents", "progress_bar", "stage"]

_RECORDS = (".jsonl", ".ndjson", ".csv")


def progress_bar(total: int | None, *, quiet: bool, desc: str = "documents") -> Any:
    """A tqdm bar on stderr (documents done, docs/s, ETA when ``total`` is known).

    tqdm's monitor thread is turned off: a build later forks an export writer, which is
    only done from a process that runs one thread (see :mod:`kgraph.export.forked`).
    """
    from tqdm import tqdm

    tqdm.monitor_interval = 0
    return tqdm(
        total=total, disable=quiet, unit="doc", desc=desc, file=sys.stderr, dynamic_ncols=True, smoothing=0.05
    )


def stage(message: str, *, quiet: bool, started: float | None = None) -> float:
    """Print ``message`` (and the seconds since ``started``) on stderr; return the time now."""
    now = time.perf_counter()
    if not quiet:
        took = f" ({now - started:.1f}s)" if started is not None else ""
        print(f"kgraph: {message}{took}", file=sys.stderr, flush=True)
    return now


def count_documents(inputs: Iterable[str | Path]) -> int | None:
    """A quick estimate of how many documents ``inputs`` hold (``None`` for stdin).

    One per text/HTML file, one per line of JSON lines files, one per row of CSV files.
    """
    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        total += sum(_count(f) for f in files)
    return total


def _count(path: Path) -> int:
    name = path.name.lower().removesuffix(".gz")
    if not name.endswith(_RECORDS):
        return 1
    try:
        with gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb") as stream:
            lines = sum(1 for line in stream if line.strip())
    except OSError:
        return 1
    return lines - 1 if name.endswith(".csv") else lines
