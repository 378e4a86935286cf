"""Running the stages: documents → parsed Docs → :class:`DocResult` stream → graph.

Parsing is the floor of kgraph's cost, so this module keeps everything around it small:

* Documents flow through ``nlp.pipe`` in batches of ``Settings.batch_size``; each batch is
  parsed, extracted and resolved in one call (:func:`analyze_batch`), and no Doc outlives
  its batch. Only :class:`DocResult` values (no text, no spaCy objects) come back.
* With ``Settings.processes`` > 1 the batches go to a pool of worker processes, so the
  work after parsing is parallel too; with a Dask ``scheduler`` they go to a cluster
  (:mod:`kgraph.distributed`). Results always come back in input order.
* With ``Settings.cache_dir`` a document whose content was processed before (under the
  same model, code and settings) is not parsed again (:mod:`kgraph.cache`).
* The library never prints: pass ``progress`` (called with the number of documents just
  done) to follow a run.

``build`` is the one-call API: inputs → :class:`KnowledgeGraph` with a run report that
accounts for every input document. ``collect`` + ``graph_of`` split it in two, so a build
can be extended later (``kgraph build --update``) at the cost of the new documents only.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.cache import ResultCache, Results, content_hash, fingerprint
from kgraph.config import Settings
from kgraph.graph import KnowledgeGraph
from kgraph.model import DocResult, Document, Skipped
from kgraph.report import make_report  # re-exported: the report is built in kgraph.report
from kgraph.workers import Once, batches, ordered_map, run_pool, start_workers  # re-exported

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from distributed import Client

    from kgraph.ingest import IngestLog

__all__ = [
    "Progress",
    "analyze",
    "analyze_batch",
    "build",
    "check_previous",
    "collect",
    "documents_from",
    "graph_of",
    "make_report",
    "ordered_map",
    "previous_build",
    "process",
    "start_workers",
]

log = logging.getLogger("kgraph")

#: Called with the number of documents just finished (e.g. ``tqdm.update``).
Progress = Callable[[int], None]
Runner = Callable[[Iterator[Document]], Iterator[DocResult]]


def process(
    documents: Iterable[Document],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    scheduler: str | Client | None = None,
    pool: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[DocResult]:
    """Yield one :class:`DocResult` per document, in input order.

    Args:
        documents: The documents; read lazily, so a generator keeps memory flat.
        settings: Model, batch size, processes, cache folder...
        progress: Called with the number of documents finished, as they finish.
        scheduler: A Dask scheduler address (``"tcp://host:8786"``) or ``Client``: parse on
            that cluster instead of locally (see :mod:`kgraph.distributed`).
        pool: Worker processes already started by :func:`start_workers` (with ``processes > 1``).
        meanwhile: Work to do once while the workers parse: called when the first result is
            waited for (in one process, or when nothing is parsed, before the stream ends).

    Example:
        >>> results = process([Document("d1", "Russia imposed sanctions on Ukraine.")])  # doctest: +SKIP
        >>> [r.document.id for r in results]  # doctest: +SKIP
        ['d1']
    """
    settings = settings or Settings()
    once = Once(meanwhile)
    run = _runner(settings, scheduler, pool, once)
    cache = ResultCache(settings.cache_dir, settings) if settings.cache_dir else None
    try:
        stream = _cached(iter(documents), cache, run) if cache else run(iter(documents))
        for result in stream:
            if progress is not None:
                progress(1)
            yield result
        once()  # nothing was waited for
    finally:
        if cache is not None:
            cache.close()


def _runner(
    settings: Settings,
    scheduler: str | Client | None,
    pool: Executor | None = None,
    meanwhile: Once | None = None,
) -> Runner:
    if scheduler is not None:
        from kgraph.distributed import run_on_cluster

        return functools.partial(run_on_cluster, settings=settings, scheduler=scheduler)
    if settings.processes > 1:
        return functools.partial(run_pool, settings=settings, started=pool, meanwhile=meanwhile)
    return functools.partial(_run_inline, settings=settings)


def _cached(documents: Iterator[Document], cache: ResultCache, run: Runner) -> Iterator[DocResult]:
    """Serve hits from ``cache``, send misses to ``run``, keep input order, store new results."""
    queue: deque[tuple[Document, DocResult | None]] = deque()

    def misses() -> Iterator[Document]:
        for document in documents:
            hit = cache.get(document)
            queue.append((document, hit))
            if hit is None:
                yield document

    for result in run(misses()):
        while queue[0][1] is not None:
            yield queue.popleft()[1]  # type: ignore[misc]
        cache.put(queue.popleft()[0], result)
        yield result
    while queue:  # the hits after the last miss
        yield queue.popleft()[1]  # type: ignore[misc]


def _run_inline(documents: Iterator[Document], *, settings: Settings) -> Iterator[DocResult]:
    for chunk in batches(documents, settings.batch_size):
        yield from analyze_batch(chunk, settings)


def analyze_batch(documents: list[Document], settings: Settings) -> list[DocResult]:
    """Parse, extract and resolve a batch of documents (in a worker or in this process).

    Over-long documents are parsed in parts and their results merged
    (:func:`kgraph.chunking.parse_in_parts`). The batch's Docs are dropped when this
    returns; only DocResults leave.

    Example:
        >>> [r.document.id for r in analyze_batch([Document("d", "Talks resumed.")], Settings())]  # doctest: +SKIP
        ['d']
    """
    from kgraph.chunking import parse_in_parts

    nlp, lexicon, tables = _resources(settings)
    read = functools.partial(analyze, lexicon=lexicon, tables=tables, settings=settings)
    return parse_in_parts(nlp, documents, read)


@functools.lru_cache(maxsize=4)
def _resources(settings: Settings) -> tuple[Any, Any, Any]:
    """The pipeline, lexicon and actor tables of ``settings``, loaded once per process."""
    from kgraph.extract import load_lexicon
    from kgraph.link.tables import load_tables
    from kgraph.nlp import load

    options = {"cameo_verbs": settings.cameo_verbs} if settings.cameo_verbs else {}
    lexicon = load_lexicon(settings.lexicon, replace=settings.replace_lexicon, **options)
    tables = load_tables(settings) if settings.aliases or settings.actor_dictionaries else load_tables()
    return load(settings.model), lexicon, tables


def analyze(doc: Any, document: Document, *, lexicon: Any, tables: Any, settings: Settings) -> DocResult:
    """Extract and resolve one parsed document."""
    from kgraph.extract import extract
    from kgraph.link import resolve

    found = extract(doc, document, lexicon=lexicon, untyped=settings.untyped_relations)
    events = [e for e in found if e.confidence >= settings.min_confidence]
    return resolve(doc, document, events, tables=tables)


def documents_from(
    inputs: Iterable[str | Path | Document] | str,
    skipped: list[Skipped],
    notes: IngestLog | None = None,
    *,
    seen: dict[str, str] | None = None,
    taken: set[str] | None = None,
) -> Iterator[Document]:
    """Yield Documents from paths, folders, ``-``, raw strings or Documents; collect Skipped.

    Paths are read in sorted order and ids are made unique (renames go into ``notes``); a text
    seen before is not yielded again but recorded as a duplicate in ``skipped``.

    Args:
        inputs: What to read.
        skipped: Receives a :class:`Skipped` for every unusable input and every duplicate.
        notes: Receives renamed ids and reading warnings.
        seen: Content hash → document id of documents already read (filled as reading goes).
        taken: Ids used by an earlier build; a new document with one of them is renamed
            ``id~2``... exactly as if it had been read in the same run as that build.

    >>> skipped = []
    >>> [d.id for d in documents_from(["Talks resumed.", "Talks resumed."], skipped)]
    ['text-1']
    >>> skipped[0].reason
    'duplicate of text-1'
    """
    from kgraph.ingest import IngestLog, read_inputs, read_texts, unique_ids

    notes = notes if notes is not None else IngestLog()
    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    is_path = [isinstance(i, Path) or (isinstance(i, str) and _looks_like_path(i)) for i in items]
    paths = [i for i, flag in zip(items, is_path) if flag]
    texts = [i for i, flag in zip(items, is_path) if not flag]
    read = unique_ids(
        itertools.chain(read_inputs(paths, notes=notes), read_texts(texts)), renamed=notes.renamed
    )  # type: ignore[arg-type]
    seen = {} if seen is None else seen
    for item in _renamed(read, taken, notes.renamed) if taken else read:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        first = seen.setdefault(content_hash(item.text), item.id)
        if first == item.id:
            yield item
        else:  # the same text twice (a copy in another format, a syndicated article): parsed once
            skipped.append(
                Skipped(origin=item.origin or item.id, reason=f"duplicate of {first}", doc=item.id)
            )


def _renamed(
    items: Iterable[Document | Skipped], taken: set[str], renamed: dict[str, str]
) -> Iterator[Document | Skipped]:
    """Re-apply ``ingest.unique_ids`` as if the ids in ``taken`` had been read first."""
    for item in items:
        if isinstance(item, Document):
            original = renamed.pop(item.id, item.id)
            new_id, number = original, 1
            while new_id in taken:
                number += 1
                new_id = f"{original}~{number}"
            taken.add(new_id)
            if new_id != original:
                renamed[new_id] = original
            item = item if new_id == item.id else replace(item, id=new_id)
        yield item


def _looks_like_path(text: str) -> bool:
    """A string is a path when it exists, or has no spaces and ends in a suffix kgraph reads.

    So ``"missing.jsonl"`` fails loudly as a missing file instead of becoming an article.

    >>> _looks_like_path("Russia sanctioned Ukraine."), _looks_like_path("no/such/file.txt")
    (False, True)
    """
    from kgraph.ingest import SUFFIXES

    if text == "-":
        return True
    if "\n" in text or len(text) >= 4096:
        return False
    shaped = not any(c.isspace() for c in text) and text.lower().removesuffix(".gz").endswith(SUFFIXES)
    return shaped or Path(text).exists()


def build(
    inputs: Iterable[str | Path | Document] | str,
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    scheduler: str | Client | None = None,
) -> KnowledgeGraph:
    """Read ``inputs`` (paths, folders, texts or Documents) and return their knowledge graph.

    Args:
        inputs: Paths, folders, ``-``, raw texts or Documents.
        settings: Model, batch size, processes, cache folder...
        progress: Called with the number of documents finished, as they finish.
        scheduler: A Dask scheduler address or ``Client`` to parse on (see :func:`process`).

    >>> kg = build(["Russia imposed sanctions on Ukraine."])  # doctest: +SKIP
    """
    settings = settings or Settings()
    return graph_of(collect(inputs, settings=settings, progress=progress, scheduler=scheduler), settings)


def collect(
    inputs: Iterable[str | Path | Document] | str,
    *,
    settings: Settings,
    progress: Progress | None = None,
    scheduler: str | Client | None = None,
    previous: Results | None = None,
    pool: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Results:
    """Read and process ``inputs``; with ``previous``, add them to an earlier build's results.

    The new documents are read as if they came after the earlier build's inputs in one
    run: a text seen before is a duplicate and a used id is renamed. Only the new
    documents are parsed (in ``pool``, when given: see :func:`start_workers`; ``meanwhile``:
    see :func:`process`).

    Example:
        >>> results = collect(["Talks resumed."], settings=Settings())  # doctest: +SKIP
        >>> later = collect(["Russia sanctioned Ukraine."], settings=Settings(), previous=results)  # doctest: +SKIP
        >>> len(later.results)  # doctest: +SKIP
        2
    """
    from kgraph.compact import Sharer, gc_paused
    from kgraph.ingest import IngestLog

    base = previous or Results(fingerprint=fingerprint(settings))
    seen = dict(zip(base.hashes, (r.document.id for r in base.results)))
    taken = {r.document.id for r in base.results} | {s.doc for s in base.skipped if s.doc}
    skipped: list[Skipped] = []
    notes = IngestLog()
    documents = documents_from(inputs, skipped, notes, seen=seen, taken=taken if previous else None)
    share = Sharer()  # every result is kept until linking: equal values become one object
    elsewhere = scheduler is not None or settings.processes > 1  # this process only receives results
    with gc_paused() if elsewhere else contextlib.nullcontext():
        found = process(
            documents,
            settings=settings,
            progress=progress,
            scheduler=scheduler,
            pool=pool,
            meanwhile=meanwhile,
        )
        new = [share.result(r) for r in found]
    hash_of = {doc_id: digest for digest, doc_id in seen.items()}
    return Results(
        results=[*base.results, *new],
        hashes=[*base.hashes, *(hash_of[r.document.id] for r in new)],
        skipped=[*base.skipped, *skipped],
        renamed={**base.renamed, **notes.renamed},
        warnings=[*base.warnings, *notes.warnings],
        fingerprint=base.fingerprint,
    )


def previous_build(directory: Path, settings: Settings) -> Results:
    """The results of the build in ``directory``, to extend with :func:`collect`.

    Raises:
        ConfigError: when ``directory`` holds no build results, or they were made with
            another model, kgraph version or settings (the update would not equal a rebuild).
    """
    from kgraph.cache import read_results

    return read_results(check_previous(directory, settings))


def check_previous(directory: Path, settings: Settings) -> Path:
    """The results file of the build in ``directory``, if ``settings`` can extend it (see :func:`previous_build`).

    Only the file's first line is read.
    """
    from kgraph.cache import RESULTS_FILE, read_fingerprint
    from kgraph.errors import ConfigError

    path = Path(directory) / RESULTS_FILE
    if not path.is_file():
        raise ConfigError(
            f"{directory}: no {RESULTS_FILE} here; --update needs the folder of an earlier kgraph build"
        )
    if read_fingerprint(path) != fingerprint(settings):
        raise ConfigError(
            f"{directory}: built with another model, kgraph version or extraction settings; "
            "run a full build instead of --update"
        )
    return path


def graph_of(results: Results, settings: Settings) -> KnowledgeGraph:
    """Link collected results into the graph, with the run report."""
    from kgraph.ingest import IngestLog
    from kgraph.link import link

    notes = IngestLog(renamed=dict(results.renamed), warnings=list(results.warnings))
    report = make_report(results.results, results.skipped, settings, notes=notes)
    return link(results.results, settings=settings, report=report)
