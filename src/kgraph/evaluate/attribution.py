"""Attributions: who says so. Speaker precision, recall and F1 by overlapping spans.

A system speaker is the ``attributed_to`` entry of any event, or any actor entry of a
``STATEMENT`` event. Speakers are counted once per distinct ``(start, end)`` span of a
document (one speaker of a statement and of the event it reports is one speaker). Gold
speakers are the distinct ``source`` spans of the article's attributions. A system speaker
matches a gold source when their character spans overlap; alignment is one-to-one.

>>> gold = [{"id": "a", "attributions": [{"source": {"spans": [[0, 8]], "text": "The Post"}}]}]
>>> sys = [{"doc": "a", "type": "STATEMENT", "actor": [{"text": "Post", "start": 4, "end": 8}],
...         "attributed_to": None}]
>>> score_attribution(sys, gold).to_dict()["f1"]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kgraph.evaluate.align import PRF, Record, align
from kgraph.evaluate.gold import by_doc, group_by_id

__all__ = ["attribution_details", "gold_sources", "overlaps", "score_attribution", "speakers"]

Span = tuple[int, int]


def speakers(records: Iterable[Record]) -> list[Span]:
    """The distinct speaker spans of one document's system records, in text order.

    >>> speakers([{"type": "ASSAULT", "actor": [{"start": 0, "end": 1}], "attributed_to": {"start": 9, "end": 12}},
    ...           {"type": "STATEMENT", "actor": [{"start": 9, "end": 12}], "attributed_to": None}])
    [(9, 12)]
    """
    entries = []
    for record in records:
        entries.append(record.get("attributed_to"))
        if record.get("type") == "STATEMENT":
            entries.extend(record.get("actor") or ())
    spans = {(int(e["start"]), int(e["end"])) for e in entries if e and e.get("start") is not None and e.get("end") is not None}
    return sorted(spans)


def gold_sources(records: Iterable[Record]) -> list[tuple[Span, ...]]:
    """The distinct ``source`` span sets of one article's gold records.

    >>> gold_sources([{"attributions": [{"source": {"spans": [[3, 9]]}}, {"source": {"spans": [[3, 9]]}}]}])
    [((3, 9),)]
    """
    seen: dict[tuple[Span, ...], None] = {}
    for record in records:
        for attribution in record.get("attributions") or ():
            source = attribution.get("source") or {}
            spans = tuple((int(s), int(e)) for s, e in source.get("spans") or ())
            if spans:
                seen.setdefault(spans, None)
    return list(seen)


def overlaps(gold: tuple[Span, ...], span: Span) -> bool:
    """Tell whether a system span overlaps any span of a gold source (ends exclusive).

    >>> overlaps(((0, 8),), (7, 9)), overlaps(((0, 8),), (8, 9))
    (True, False)
    """
    return any(start < span[1] and span[0] < end for start, end in gold)


def score_attribution(system: Iterable[Record], gold: Iterable[Record]) -> PRF:
    """Score speakers against attribution gold (``attribution_dev.jsonl``).

    Args:
        system: ``events.jsonl`` records (offsets into the article ``text``).
        gold: Gold articles (``id``, ``attributions[]`` with ``source.spans``).

    Returns:
        Micro-averaged speaker counts over all articles.
    """
    docs = by_doc(system)
    total = PRF(0, 0, 0)
    for doc_id, records in group_by_id(gold).items():
        sources = gold_sources(records)
        found = speakers(docs.get(doc_id, []))
        total += PRF(len(align(sources, found, overlaps)), len(found), len(sources))
    return total


def attribution_details(system: Iterable[Record], gold: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Yield, per article with an error, the gold sources missed and the speakers not paired.

    >>> gold = [{"id": "a", "text": "Kim said so.", "attributions": [{"source": {"spans": [[0, 3]]}}]}]
    >>> next(attribution_details([], gold))["missed"]
    [{'spans': [(0, 3)], 'text': 'Kim'}]
    """
    docs = by_doc(system)
    for doc_id, records in group_by_id(gold).items():
        text = str(records[0].get("text") or "")
        sources, found = gold_sources(records), speakers(docs.get(doc_id, []))
        pairs = align(sources, found, overlaps)
        missed = [{"spans": list(g), "text": " ".join(text[s:e] for s, e in g)}
                  for i, g in enumerate(sources) if i not in {a for a, _ in pairs}]  # fmt: skip
        spurious = [{"start": s, "end": e, "text": text[s:e]} for j, (s, e) in enumerate(found) if j not in {b for _, b in pairs}]
        if missed or spurious:
            yield {"set": "attribution", "doc": doc_id, "missed": missed, "spurious": spurious}
