"""Read-only views of actor and event nodes, as returned by :class:`kgraph.KnowledgeGraph`.

A view is a small named tuple: ``id`` and ``data`` (the node's attribute dict, read-only)
come first, so ``for node, data in kg.actors()`` keeps working like networkx's
``G.nodes(data=True)``; the other fields and properties name what analysts ask for.

>>> a = ActorView("actor:un", {"kind": "actor", "label": "UN", "type": "ORGANIZATION", "aliases": ["UN"]})
>>> a.label, a.type, a.country, a.aliases
('UN', 'ORGANIZATION', None, ('UN',))
>>> node, data = a
>>> node
'actor:un'
>>> a
ActorView('actor:un', label='UN', type='ORGANIZATION', country=None)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

__all__ = ["ActorView", "EventView", "readonly"]


def readonly(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Return a read-only proxy of a node's attribute dict (changes to the graph show through).

    >>> readonly({"a": 1})["a"]
    1
    """
    return MappingProxyType(data)  # type: ignore[arg-type]


class ActorView(NamedTuple):
    """An actor node: ``id``, its attributes and convenient properties.

    Attributes:
        id: The node id (``actor:<slug>``).
        data: The node's attributes (``label``, ``type``, ``country``, ``aliases``, ``mentions``, ``codes``).
    """

    id: str
    data: Mapping[str, Any]

    @property
    def label(self) -> str:
        """Canonical name."""
        return str(self.data.get("label") or self.id.partition(":")[2])

    @property
    def type(self) -> str | None:
        """PERSON, ORGANIZATION, COUNTRY, GROUP, LOCATION or OTHER."""
        return self.data.get("type")

    @property
    def country(self) -> str | None:
        """ISO 3166 alpha-3 code, ``IGO`` or ``None``."""
        return self.data.get("country")

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every surface form seen, sorted."""
        return tuple(self.data.get("aliases") or ())

    @property
    def mentions(self) -> tuple[Mapping[str, Any], ...]:
        """Every mention: ``{doc, start, end, text}``."""
        return tuple(self.data.get("mentions") or ())

    @property
    def codes(self) -> tuple[str, ...]:
        """Extra codes (CAMEO agent or sector codes)."""
        return tuple(self.data.get("codes") or ())

    def __repr__(self) -> str:
        return f"ActorView({self.id!r}, label={self.label!r}, type={self.type!r}, country={self.country!r})"


class EventView(NamedTuple):
    """An event node with its participants.

    Attributes:
        id: The node id (``event:<hash>``).
        data: The node's attributes (see ``docs/ARCHITECTURE.md``).
        actors: Ids of the actors who act, sorted.
        recipients: Ids of the actors acted upon, sorted.

    >>> e = EventView("event:1", {"type": "SANCTION", "date": "2016-03", "sources": ["a", "b"]},
    ...               ("actor:un",), ("actor:north-korea",))
    >>> e.type, e.date, e.corroboration, e.recipients
    ('SANCTION', '2016-03', 2, ('actor:north-korea',))
    """

    id: str
    data: Mapping[str, Any]
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()

    @property
    def type(self) -> str | None:
        """A PLOVER type, ``STATEMENT`` or ``None``."""
        return self.data.get("type")

    @property
    def relation(self) -> str:
        """The lemmatised predicate ("pass sanction")."""
        return str(self.data.get("relation") or "")

    @property
    def cameo_root(self) -> str | None:
        """Two-digit CAMEO root ("16") or ``None``."""
        return self.data.get("cameo_root")

    @property
    def date(self) -> str | None:
        """ISO date, possibly partial ("2016-03"), or ``None``."""
        return self.data.get("date")

    @property
    def mood(self) -> str:
        """asserted, negated, future, hypothetical or reported."""
        return str(self.data.get("mood") or "asserted")

    @property
    def place(self) -> str | None:
        """Where it happened, when stated."""
        return self.data.get("place")

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the documents that report it."""
        return tuple(self.data.get("sources") or ())

    @property
    def corroboration(self) -> int:
        """How many documents report it."""
        return int(self.data.get("corroboration") or len(self.sources))

    @property
    def confidence(self) -> float:
        """0..1."""
        return float(self.data.get("confidence") or 0.0)

    @property
    def attributed_to(self) -> str | None:
        """Id of the actor who says so (reported speech), or ``None``."""
        return self.data.get("attributed_to")

    @property
    def evidence(self) -> tuple[Mapping[str, Any], ...]:
        """Where it was read: ``{doc, sentence_index, sentence, start, end, trigger}`` per report."""
        return tuple(self.data.get("evidence") or ())

    @property
    def sentence(self) -> str | None:
        """The first report's sentence."""
        return self.evidence[0].get("sentence") if self.evidence else None

    def __repr__(self) -> str:
        return (
            f"EventView({self.id!r}, type={self.type!r}, relation={self.relation!r}, date={self.date!r}, "
            f"actors={self.actors!r}, recipients={self.recipients!r})"
        )
