"""DocResults as bytes: nested tuples of plain values, written with :mod:`marshal`.

This is the stored form of extraction results (a build's results file and the result
cache, see :mod:`kgraph.cache`). Reading 5,000 results back this way takes about a third of
the time their JSON took (``kgraph build --update`` reads them all): :mod:`marshal` loads
tuples, strings and numbers in C, and each record is rebuilt by position, without dicts.

What the JSON form lost, this one keeps: a mention that an actor and an event share is one
object after loading (marshal writes one reference for it), and short strings that were
interned, as :class:`kgraph.compact.Sharer` leaves them, are interned again as they load.

The layout follows the field order of :mod:`kgraph.model`; ``packing.py`` is part of the
results fingerprint (:data:`kgraph.cache._SHAPING`), so results stored by another layout
are never read. :mod:`marshal` guards against no malicious data: read only results files
that a kgraph build wrote.

>>> from kgraph.model import Actor, Document, Mention
>>> m = Mention("d1", 0, 6, "Russia", "GPE", 0)
>>> result = DocResult(Document("d1", ""), (Actor("actor:russia", "Russia", mentions=(m,)),))
>>> loads(dumps(result)) == result
True
"""

from __future__ import annotations

import marshal
from typing import Any

from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant

__all__ = ["dumps", "loads", "pack", "unpack"]

#: The marshal format version written (4: references for shared objects, interned strings kept).
MARSHAL_VERSION = 4


def dumps(result: DocResult) -> bytes:
    """The bytes of ``result`` (see :func:`loads`)."""
    return marshal.dumps(pack(result), MARSHAL_VERSION)


def loads(data: bytes | memoryview) -> DocResult:
    """The DocResult :func:`dumps` wrote.

    Raises:
        ValueError, EOFError, TypeError, IndexError: when ``data`` is not such bytes.
    """
    return unpack(marshal.loads(data))


def pack(result: DocResult) -> tuple[Any, ...]:
    """``result`` as nested tuples of strings, numbers and None, fields in declaration order.

    A Mention object used twice is one tuple object (marshal then writes it once).

    >>> pack(DocResult(Document("d1", "", title="T")))
    (('d1', '', 'T', None, None, None, None), (), (), ())
    """
    packed: dict[int, tuple[Any, ...]] = {}

    def mention(m: Mention) -> tuple[Any, ...]:
        found = packed.get(id(m))
        if found is None:
            found = packed[id(m)] = (m.doc, m.start, m.end, m.text, m.label, m.sentence)
        return found

    def participant(p: Participant | None) -> tuple[Any, ...] | None:
        return None if p is None else (mention(p.mention), p.actor)

    def event(e: Event) -> tuple[Any, ...]:
        v = e.evidence
        evidence = (v.doc, v.sentence_index, v.sentence, v.start, v.end, mention(v.trigger))
        place = None if e.place is None else mention(e.place)
        return (
            e.id, e.relation, e.type, e.cameo_root, tuple(map(participant, e.actor)),
            tuple(map(participant, e.recipient)), evidence, e.object_text, e.date, e.date_text, place,
            e.mood, participant(e.attributed_to), e.confidence, e.rule,
        )  # fmt: skip

    d = result.document
    document = (d.id, d.text, d.title, d.date, d.source, d.url, d.origin)
    actors = tuple(
        (a.id, a.label, a.type, a.country, a.aliases, tuple(map(mention, a.mentions)), a.codes)
        for a in result.actors
    )
    merges = tuple(tuple(entry.items()) for entry in result.merges)
    return (document, actors, tuple(map(event, result.events)), merges)


def unpack(packed: tuple[Any, ...]) -> DocResult:
    """The DocResult of :func:`pack`'s tuples; a tuple object met twice gives one Mention.

    >>> unpack((("d1", "", "T", None, None, None, None), (), (), ())).document.title
    'T'
    """
    made: dict[int, Mention] = {}

    def mention(t: tuple[Any, ...]) -> Mention:
        found = made.get(id(t))
        if found is None:
            found = made[id(t)] = Mention(*t)
        return found

    def participant(t: tuple[Any, ...] | None) -> Participant | None:
        return None if t is None else Participant(mention(t[0]), t[1])

    def event(t: tuple[Any, ...]) -> Event:
        v = t[6]
        evidence = Evidence(v[0], v[1], v[2], v[3], v[4], mention(v[5]))
        place = None if t[10] is None else mention(t[10])
        return Event(
            t[0], t[1], t[2], t[3], tuple(map(participant, t[4])), tuple(map(participant, t[5])), evidence,
            t[7], t[8], t[9], place, t[11], participant(t[12]), t[13], t[14],
        )  # fmt: skip

    document, actors, events, merges = packed
    return DocResult(
        Document(*document),
        tuple(Actor(a[0], a[1], a[2], a[3], a[4], tuple(map(mention, a[5])), a[6]) for a in actors),
        tuple(map(event, events)),
        tuple(dict(entry) for entry in merges),
    )
