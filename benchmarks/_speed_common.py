"""Helpers shared by kgraph's speed benchmarks (bench_speed, bench_corpus, bench_update, bench_query)."""

from __future__ import annotations

import functools
import gzip
import json
import os
import platform
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "corpora" / "bbc_politics.jsonl"
NEWS = SHARED / "corpora" / "news_34k.jsonl.gz"


@functools.lru_cache(maxsize=1)
def spacy_pipeline() -> Any:
    """The "raw" side of (a) and (c): kgraph's model as spaCy itself loads and runs it.

    ``spacy.load`` of the same package, the same components enabled (the package disables
    ``senter``), spaCy's own ``AttributeRuler`` matcher (``kgraph.nlp.load`` swaps in the faster,
    identical one of ``kgraph.ruler``: that gain is kgraph's). The same ``max_length`` and
    ``gc.freeze`` as ``kgraph.nlp.load`` follow (the collector's savings are not kgraph's to count).
    """
    import gc

    import spacy

    from kgraph.config import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    nlp.max_length = max(nlp.max_length, 2_000_000)  # as kgraph's: a longer news article stops n_process pipes
    gc.collect()
    gc.freeze()
    return nlp


def machine(*extras: str) -> str:
    """One line: CPU model, cores, memory, load average, Python, spaCy, then ``extras`` (other versions)."""
    import spacy

    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, load average {load}; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}; spaCy {spacy.__version__}"
            + "".join(f"; {extra}" for extra in extras))  # fmt: skip


def records(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The JSON records of a (gzipped) JSON lines corpus, read in place."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
        for number, line in enumerate(stream):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds ``fn()`` took, and what it returned."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value
