"""Running the stages: documents → parsed Docs → :class:`DocResult` stream → graph.

``process`` streams documents through ``nlp.pipe`` in batches; no Doc is kept after its
events are read. ``build`` is the one-call API: inputs → :class:`KnowledgeGraph` with a
run report that accounts for every input document.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from kgraph.config import Settings
from kgraph.graph import KnowledgeGraph
from kgraph.ids import stable_hash
from kgraph.model import DocResult, Document, Skipped

__all__ = ["analyze", "build", "documents_from", "process"]

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


def documents_from(inputs: Iterable[str | Path | Document] | str, skipped: list[Skipped]) -> Iterator[Document]:
    """Yield Documents from paths, folders, ``-``, raw strings or Documents; collect Skipped."""
    from kgraph.ingest import read_inputs, read_texts

    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    paths = [i for i in items if isinstance(i, Path) or (isinstance(i, str) and _looks_like_path(i))]
    texts = [i for i in items if i not in paths]
    seen: dict[str, str] = {}
    for item in itertools.chain(read_inputs(paths), read_texts(texts)):  # type: ignore[arg-type]
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
    from kgraph.link import link

    settings = settings or Settings()
    skipped: list[Skipped] = []
    results = list(process(documents_from(inputs, skipped), settings=settings))
    return link(results, settings=settings, report=make_report(results, skipped, settings))


def make_report(results: list[DocResult], skipped: list[Skipped], settings: Settings) -> dict[str, Any]:
    """The run report: every document processed (with counts) or skipped (with reason)."""
    from kgraph import __version__

    processed = [
        {"doc": r.document.id, "origin": r.document.origin, "status": "processed",
         "mentions": sum(len(a.mentions) for a in r.actors), "actors": len(r.actors), "events": len(r.events)}
        for r in results
    ]  # fmt: skip
    dups = [s for s in skipped if s.reason.startswith("duplicate of ")]
    bad = [s for s in skipped if s not in dups]
    skipped_rows = [{"doc": s.doc, "origin": s.origin, "status": "skipped", "reason": s.reason} for s in bad]
    skipped_rows += [{"doc": s.doc, "origin": s.origin, "status": "duplicate", "duplicate_of": s.reason[13:]} for s in dups]
    types = Counter(e.type or "untyped" for r in results for e in r.events)
    return {
        "kgraph_version": __version__,
        "model": settings.model,
        "documents_read": len(results) + len(skipped),
        "documents_processed": len(results),
        "documents_duplicate": len(dups),
        "documents_skipped": len(bad),
        "events": sum(len(r.events) for r in results),
        "event_types": dict(sorted(types.items())),
        "documents": processed + skipped_rows,
    }
