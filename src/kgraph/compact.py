"""Keeping many :class:`~kgraph.model.DocResult` values in memory: equal values made one object.

A build holds every DocResult until it is linked. Unpickled from a worker or read from
the cache, each arrives with its own copy of values that repeat across and within documents: the
document id on every mention, entity labels, actor ids, types, moods, rule names, common
names, offsets, and a participant's mention that equals one of its actor's mentions. About
half of a DocResult's memory goes to such copies. :class:`Sharer` rebuilds results with one
object per distinct value (strings through :func:`sys.intern`, numbers and mentions through
tables), so the values, and every output made from them, stay exactly the same.

:func:`gc_paused` keeps Python's cycle collector from walking every kept result again and
again while results and graph nodes (many objects, no cycles) are made: it took about 40 %
of the time of reading 5,000 results and 60 % of linking them.

>>> words = "Russia Russia d1".split()
>>> a, b = Mention(words[2], 0, 6, words[0], "GPE"), Mention(words[2], 7, 13, words[1], "GPE")
>>> result = DocResult(Document("d1", ""), (Actor("actor:russia", "Russia", mentions=(a, b)),))
>>> a.text is b.text
False
>>> shared = Sharer().result(result)
>>> x, y = shared.actors[0].mentions
>>> x.text is y.text, shared == result
(True, True)
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant

__all__ = ["Sharer", "gc_paused"]

#: Strings at most this long are interned (longer ones rarely repeat: sentences, evidence).
_SHORT = 200


class Sharer:
    """Rebuilds DocResults so that equal strings, numbers and mentions are one object.

    One Sharer serves a whole build: its number table is shared by every result it sees.
    """

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}
        self._local: dict[Any, Any] = {}  # mentions and long strings of the current result

    def text(self, value: Any) -> Any:
        """The one copy of a string (interned if short, else within the current result); others as given."""
        if type(value) is not str:
            return value
        return sys.intern(value) if len(value) <= _SHORT else self._local.setdefault(value, value)

    def number(self, value: int) -> int:
        """The one copy of an int."""
        return self._numbers.setdefault(value, value)

    def mention(self, m: Mention) -> Mention:
        """The one copy, within the current result, of a mention."""
        found: Mention | None = self._local.get(m)
        if found is None:
            found = self._local[m] = self.new_mention(m.doc, m.start, m.end, m.text, m.label, m.sentence)
        return found

    def new_mention(self, doc: str, start: int, end: int, text: str, label: str, sentence: int) -> Mention:
        """A mention of shared values, or the equal one the current result already has."""
        t, n = self.text, self.number
        m = Mention(t(doc), n(start), n(end), t(text), t(label), n(sentence))
        shared: Mention = self._local.setdefault(m, m)
        return shared

    def begin(self) -> None:
        """Start a new result (mentions and long strings are shared within one result)."""
        self._local.clear()

    def result(self, r: DocResult) -> DocResult:
        """``r`` rebuilt with shared values (equal to ``r``)."""
        self.begin()
        try:
            actors = tuple(self.actor(a) for a in r.actors)
            events = tuple(self.event(e) for e in r.events)
            merges = tuple(self.entry(m) for m in r.merges)
            return DocResult(self.document(r.document), actors, events, merges)
        finally:
            self.begin()

    def document(self, d: Document) -> Document:
        t = self.text
        return Document(t(d.id), d.text, d.title, t(d.date), t(d.source), d.url, d.origin)

    def actor(self, a: Actor) -> Actor:
        t = self.text
        mentions = tuple(map(self.mention, a.mentions))
        return Actor(t(a.id), t(a.label), t(a.type), t(a.country), tuple(map(t, a.aliases)), mentions,
                     tuple(map(t, a.codes)))  # fmt: skip

    def participant(self, p: Participant | None) -> Participant | None:
        return None if p is None else Participant(self.mention(p.mention), self.text(p.actor))

    def event(self, e: Event) -> Event:
        t, n, ev, part = self.text, self.number, e.evidence, self.participant
        evidence = Evidence(t(ev.doc), n(ev.sentence_index), t(ev.sentence), n(ev.start), n(ev.end),
                            self.mention(ev.trigger))  # fmt: skip
        place = None if e.place is None else self.mention(e.place)
        return Event(
            t(e.id), t(e.relation), t(e.type), t(e.cameo_root), tuple(map(part, e.actor)),
            tuple(map(part, e.recipient)), evidence, t(e.object_text), t(e.date), t(e.date_text), place,
            t(e.mood), part(e.attributed_to), e.confidence, t(e.rule),
        )  # fmt: skip

    def entry(self, entry: Mapping[str, str]) -> dict[str, str]:
        """A merge log entry with shared keys and values."""
        return {self.text(k): self.text(v) for k, v in entry.items()}


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector in the block (it is enabled again after, if it was).

    Use it only around code that makes long-lived objects without reference cycles (results,
    graph attributes): cyclic garbage made in the block is collected after it.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
