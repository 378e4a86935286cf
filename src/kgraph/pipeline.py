"""Running the stages: documents → parsed Docs → :class:`DocResult` stream → graph.

``process`` streams documents through ``nlp.pipe`` in batches; no Doc is kept after its
events are read. ``build`` is the one-call API: inputs → :class:`KnowledgeGraph` with a
run report that accounts for every input document.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from kgraph.config import Settings
from kgraph.graph import KnowledgeGraph
from kgraph.ids import stable_hash
from kgraph.model import DocResult, Document, Skipped
from kgraph.report import make_report  # re-exported: the report is built in kgraph.report

if TYPE_CHECKING:
    from kgraph.ingest import IngestLog

__all__ = ["analyze", "build", "documents_from", "make_report", "process"]

log = logging.getLogger("kgraph")


def process(documents: Iterable[Document], *, settings: Settings | None = None) -> Iterator[DocResult]:
    """Yield one :class:`DocResult` per document, in input order."""
    from kgraph.extract import load_lexicon
    from kgraph.link.tables import load_tables
    from kgraph.nlp import load

    settings = settings or Settings()
    nlp = load(settings.model)
    lexicon = load_lexicon(settings.lexicon, replace=settings.replace_lexicon)
    tables = load_tables()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield analyze(doc, document, lexicon=lexicon, tables=tables, settings=settings)


def analyze(doc: Any, document: Document, *, lexicon: Any, tables: Any, settings: Settings) -> DocResult:
    """Extract and resolve one parsed document."""
    from kgraph.extract import extract
    from kgraph.link import resolve

    events = [e for e in extract(doc, document, lexicon=lexicon) if e.confidence >= settings.min_confidence]
    return resolve(doc, document, events, tables=tables)


def documents_from(
    inputs: Iterable[str | Path | Document] | str, skipped: list[Skipped], notes: IngestLog | None = None
) -> Iterator[Document]:
    """Yield Documents from paths, folders, ``-``, raw strings or Documents; collect Skipped.

    Paths are read in sorted order and ids are made unique (renames go into ``notes``); a text
    seen before is not yielded again but recorded as a duplicate in ``skipped``.
    """
    from kgraph.ingest import IngestLog, read_inputs, read_texts, unique_ids

    notes = notes if notes is not None else IngestLog()
    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    paths = [i for i in items if isinstance(i, Path) or (isinstance(i, str) and _looks_like_path(i))]
    texts = [i for i in items if i not in paths]
    read = itertools.chain(read_inputs(paths, notes=notes), read_texts(texts))  # type: ignore[arg-type]
    seen: dict[str, str] = {}
    for item in unique_ids(read, renamed=notes.renamed):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        first = seen.setdefault(stable_hash(item.text, length=32), item.id)
        if first == item.id:
            yield item
        else:  # the same text twice (a copy in another format, a syndicated article): parsed once
            skipped.append(Skipped(origin=item.origin or item.id, reason=f"duplicate of {first}", doc=item.id))


def _looks_like_path(text: str) -> bool:
    return text == "-" or ("\n" not in text and len(text) < 4096 and Path(text).exists())


def build(inputs: Iterable[str | Path | Document] | str, *, settings: Settings | None = None) -> KnowledgeGraph:
    """Read ``inputs`` (paths, folders, texts or Documents) and return their knowledge graph.

    >>> kg = build(["Russia imposed sanctions on Ukraine."])  # doctest: +SKIP
    """
    from kgraph.ingest import IngestLog
    from kgraph.link import link

    settings = settings or Settings()
    skipped: list[Skipped] = []
    notes = IngestLog()
    results = list(process(documents_from(inputs, skipped, notes), settings=settings))
    return link(results, settings=settings, report=make_report(results, skipped, settings, notes=notes))
