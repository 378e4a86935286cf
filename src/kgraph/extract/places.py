"""The place of an event: a GPE/LOC/FAC entity introduced by "in/at/near..." under the trigger.

>>> # "Police arrested protesters in Cairo": Cairo hangs off "arrested" through "in".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgraph.doccache import children, children_by_dep
from kgraph.extract.participants import entity_of
from kgraph.extract.words import PLACE_ENTS, PLACE_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["event_place"]


def _place_objects(token: Token) -> Iterable[Token]:
    for prep in children(token):
        if prep.dep_ == "prep" and prep.text.lower() in PLACE_PREPS:
            yield from children_by_dep(prep, ("pobj",))


def event_place(head: Token, *, exclude: Iterable[int] = ()) -> Span | None:
    """Return the entity naming where the event of ``head`` happened, or ``None``.

    Args:
        head: The trigger's head token.
        exclude: Token indices already used as participants (a place is not also an actor).
    """
    skip = set(exclude)
    objects = children_by_dep(head, ("dobj", "nsubjpass"))
    partners = [g for c in children(head) if c.dep_ == "prep" and c.text.lower() not in PLACE_PREPS
                for g in children(c) if g.dep_ == "pobj"]  # "clashed with police in Tehran"  # fmt: skip
    owners = [head, *objects, *partners]
    for owner in owners:
        for pobj in _place_objects(owner):
            ent = entity_of(pobj)
            if (
                ent is not None
                and ent.label_ in PLACE_ENTS
                and not skip.intersection(range(ent.start, ent.end))
            ):
                return ent
    return None
