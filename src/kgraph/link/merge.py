"""Across articles: reports of one event become one event node; bare surnames find their person.

Events: typed events (a PLOVER type) with the same type, the same actor ids and the same
recipient ids are one event when their dates lie within ``window_days`` of the first report's
date (a partial date such as "2016-03" is the whole month). Events with no date, neither their
own nor their article's, are merged only within one article. Untyped events and statements
are never merged, nor are events that lack an actor or a recipient. Groups and their ids
depend only on the events, not on the input order.

>>> from datetime import date
>>> date_range("2016-03")
(datetime.date(2016, 3, 1), datetime.date(2016, 3, 31))
>>> date_range("2016-03-05")[0] == date(2016, 3, 5), date_range("soon")
(True, None)
"""

from __future__ import annotations

import calendar
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from kgraph.link.names import name_key
from kgraph.link.tables import Tables
from kgraph.model import Actor, DocResult, Event

__all__ = ["date_range", "event_key", "group_events", "surname_links"]

Key = tuple[Any, ...]


def date_range(text: str | None) -> tuple[date, date] | None:
    """Return the first and last day an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers."""
    parts = (text or "").split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2][:2]))
        return day, day
    except (ValueError, IndexError):
        return None


def event_key(event: Event, canon: Mapping[str, str] | None = None) -> Key | None:
    """Return what two reports of one event share, or None for events that are never merged.

    Args:
        event: A linked event.
        canon: Actor id → canonical actor id.
    """
    if event.type is None or event.type == "STATEMENT":
        return None
    canon = canon or {}
    actors = tuple(sorted({canon.get(p.actor, p.actor) for p in event.actor if p.actor}))
    recipients = tuple(sorted({canon.get(p.actor, p.actor) for p in event.recipient if p.actor}))
    if not actors or not recipients:
        return None  # "Russia attacked" twice is too little to say it is one event
    return (event.type, actors, recipients)


def group_events(
    results: Iterable[DocResult], *, window_days: int, canon: Mapping[str, str] | None = None
) -> list[list[Event]]:
    """Return the events of ``results`` grouped into one list per event node, in a stable order.

    Args:
        results: Per-document results.
        window_days: Reports at most this many days after the first report's date are merged.
        canon: Actor id → canonical actor id (cross-document links).
    """
    keyed: dict[Key, list[tuple[tuple[date, date] | None, Event]]] = defaultdict(list)
    singles: list[list[Event]] = []
    for result in results:
        for event in result.events:
            key = event_key(event, canon)
            span = date_range(event.date) or date_range(result.document.date)
            if key is None:
                singles.append([event])
            else:
                keyed[key if span else (*key, event.doc)].append((span, event))
    groups = singles + [g for reports in keyed.values() for g in _by_window(reports, window_days)]
    return sorted(groups, key=lambda g: min(e.id for e in g))


def _by_window(reports: list[tuple[tuple[date, date] | None, Event]], window: int) -> list[list[Event]]:
    ordered = sorted(reports, key=lambda r: (r[0] or (date.min, date.min), r[1].doc, r[1].id))
    groups: list[list[Event]] = []
    anchor: tuple[date, date] | None = None
    for span, event in ordered:
        if groups and (span is None or anchor is None or (span[0] - anchor[1]).days <= window):
            groups[-1].append(event)
        else:
            groups.append([event])
            anchor = span
    return groups


def surname_links(actors: Iterable[Actor], tables: Tables) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Link document-scoped bare surnames to the one full name in the corpus that has that surname.

    A surname shared by two full names in the corpus stays unlinked.

    Returns:
        Actor id → canonical actor id, and the merge log entries.
    """
    pool = {a.id: a for a in actors}
    key_of = functools.lru_cache(maxsize=None)(name_key)  # labels repeat across articles
    by_surname: dict[str, set[str]] = defaultdict(set)
    for actor in pool.values():
        words = key_of(actor.label).split()
        if actor.type == "PERSON" and "--" not in actor.id and len(words) > 1:
            by_surname[words[0] if words[0] in tables.family_first else words[-1]].add(actor.id)
    canon: dict[str, str] = {}
    log: list[dict[str, str]] = []
    for actor in sorted(pool.values(), key=lambda a: a.id):
        key = key_of(actor.label)
        owners = by_surname.get(key, set())
        if actor.type != "PERSON" or "--" not in actor.id or " " in key or len(owners) != 1:
            continue
        target = next(iter(owners))
        if tables.blocked(key, key_of(pool[target].label)):
            continue
        canon[actor.id] = target
        log.append(_surname_entry(actor, pool[target]))
    return canon, log


def _surname_entry(actor: Actor, target: Actor) -> dict[str, str]:
    doc = actor.mentions[0].doc if actor.mentions else ""
    evidence = (
        f"{actor.label!r} in {doc} has no full name there;"
        f" {target.label!r} is the only full name with that surname in the corpus"
    )
    return {
        "actor": target.id,
        "rule": "surname-unique-in-corpus",
        "evidence": evidence,
        "doc": doc,
        "text": actor.label,
        "from": actor.id,
    }
