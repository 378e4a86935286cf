"""The run report (``report.json``): every input document accounted for.

Each document read is listed once: ``processed`` (with its counts of mentions, actors and
events), ``skipped`` (with the reason and the ``file:line`` it came from) or ``duplicate``
(the same text as another document, named). Renamed ids and reading warnings are listed
too. The report does not depend on the order inputs were given or processed in: rows and
warnings are sorted.

>>> from kgraph.config import Settings
>>> from kgraph.model import DocResult, Document, Skipped
>>> r = make_report([DocResult(Document("b", "", origin="b.txt"))],
...                 [Skipped("a.jsonl:3", "malformed JSON", None)], Settings())
>>> [(row["origin"], row["status"]) for row in r["documents"]]
[('a.jsonl:3', 'skipped'), ('b.txt', 'processed')]
>>> skip_messages(r)
['a.jsonl:3: malformed JSON']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kgraph.config import Settings
from kgraph.model import DocResult, Skipped

if TYPE_CHECKING:
    from kgraph.ingest import IngestLog

__all__ = ["DUPLICATE", "make_report", "skip_messages"]

#: Reason prefix of a document whose text repeats another's.
DUPLICATE = "duplicate of "

Row = dict[str, Any]


def make_report(
    results: Iterable[DocResult], skipped: Iterable[Skipped], settings: Settings, *, notes: IngestLog | None = None
) -> dict[str, Any]:
    """Return the run report: every document processed (with counts) or skipped (with reason).

    Args:
        results: One result per processed document.
        skipped: Every input that could not be used, and the duplicates.
        settings: The run's settings (the model is recorded).
        notes: Renamed ids and reading warnings collected by :mod:`kgraph.ingest`.
    """
    from kgraph import __version__

    results, skipped = list(results), list(skipped)
    renamed = notes.renamed if notes else {}
    dups = [s for s in skipped if s.reason.startswith(DUPLICATE)]
    bad = [s for s in skipped if not s.reason.startswith(DUPLICATE)]
    rows = [_processed(r, renamed) for r in results] + [_skipped(s) for s in bad] + [_duplicate(s, renamed) for s in dups]
    types = Counter(e.type or "untyped" for r in results for e in r.events)
    warnings = sorted(set(notes.warnings)) if notes else []
    return {
        "kgraph_version": __version__,
        "model": settings.model,
        "documents_read": len(rows),
        "documents_processed": len(results),
        "documents_duplicate": len(dups),
        "documents_skipped": len(bad),
        "documents_renamed": len(renamed),
        "events": sum(len(r.events) for r in results),
        "event_types": dict(sorted(types.items())),
        "documents": sorted(rows, key=_row_key),
        "warnings": [{"origin": origin, "message": message} for origin, message in warnings],
    }


def _processed(result: DocResult, renamed: dict[str, str]) -> Row:
    doc = result.document
    row: Row = {
        "doc": doc.id, "origin": doc.origin, "status": "processed",
        "mentions": sum(len(a.mentions) for a in result.actors), "actors": len(result.actors),
        "events": len(result.events),
    }  # fmt: skip
    if doc.id in renamed:
        row["renamed_from"] = renamed[doc.id]
    return row


def _skipped(skip: Skipped) -> Row:
    return {"doc": skip.doc, "origin": skip.origin, "status": "skipped", "reason": skip.reason}


def _duplicate(skip: Skipped, renamed: dict[str, str]) -> Row:
    row: Row = {"doc": skip.doc, "origin": skip.origin, "status": "duplicate", "duplicate_of": skip.reason[len(DUPLICATE) :]}
    if skip.doc in renamed:
        row["renamed_from"] = renamed[skip.doc]
    return row


def _row_key(row: Row) -> tuple[str, int, str, str]:
    """Sort by file, then line number as a number (``a.jsonl:9`` before ``a.jsonl:10``)."""
    origin = str(row["origin"] or "")
    path, _, line = origin.rpartition(":")
    if not (path and line.isdigit()):
        path, line = origin, "0"
    return (path, int(line), str(row["doc"] or ""), row["status"])


def skip_messages(report: dict[str, Any]) -> list[str]:
    """Return ``"file:line: reason"`` for every skipped document of a report, in report order.

    >>> skip_messages({"documents": [{"origin": "a.csv:2", "status": "skipped", "reason": "empty text"}]})
    ['a.csv:2: empty text']
    """
    return [f"{row['origin']}: {row['reason']}" for row in report.get("documents", []) if row["status"] == "skipped"]
