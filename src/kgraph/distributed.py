"""Extraction on a Dask cluster: past one machine, on an existing engine.

Documents are sent to the cluster in batches of ``Settings.batch_size``; each Dask task
parses, extracts and resolves one batch (:func:`kgraph.pipeline.analyze_batch`) on a
worker and returns its :class:`~kgraph.model.DocResult` values, which are small (no text,
no spaCy objects). The link stage then merges them on the client, as for a local run, so
the graph is the same as a single-process build.

Every worker needs kgraph and the spaCy model installed; each loads the model once and
keeps it. Run workers with one thread each (``dask worker ADDRESS --nthreads 1 --nworkers
N``): spaCy parses in Python, so threads in one worker do not add speed.

>>> window_for(cores=8)
16
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.config import Settings
from kgraph.model import DocResult, Document

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["connect", "run_on_cluster", "window_for"]


def connect(scheduler: str | Client) -> tuple[Client, bool]:
    """Return a client for ``scheduler`` and whether this call opened it (and must close it).

    Args:
        scheduler: A scheduler address such as ``"tcp://10.0.0.5:8786"`` or a ``Client``.
    """
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def window_for(*, cores: int) -> int:
    """How many batches to keep in flight: two per worker thread, so no worker waits."""
    return max(2 * cores, 2)


def run_on_cluster(
    documents: Iterator[Document], *, settings: Settings, scheduler: str | Client
) -> Iterator[DocResult]:
    """Yield the results of ``documents``, in input order, computed on a Dask cluster.

    Args:
        documents: The documents to parse (read lazily; at most a window of batches is in flight).
        settings: The run's settings (sent to the workers with every batch).
        scheduler: A scheduler address or a ``Client``.

    Example:
        >>> from distributed import Client, LocalCluster  # doctest: +SKIP
        >>> with LocalCluster(n_workers=1, processes=False) as cluster, Client(cluster) as client:  # doctest: +SKIP
        ...     results = list(run_on_cluster(iter([Document("d", "Talks resumed.")]), settings=Settings(), scheduler=client))
    """
    from kgraph.pipeline import analyze_batch
    from kgraph.workers import batches, ordered_map

    client, opened = connect(scheduler)
    try:
        cores = sum(client.nthreads().values()) or 1
        submit = functools.partial(client.submit, analyze_batch, settings=settings, pure=False)
        chunks = batches(documents, settings.batch_size)
        yield from ordered_map(submit, chunks, window=window_for(cores=cores))
    finally:
        if opened:
            client.close()
