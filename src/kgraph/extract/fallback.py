"""The other side of a one-sided event: the nearest actor in its clause.

Event coders (PETRARCH, TABARI) take the first actor after the verb as the target when
the parse gives none. kgraph does the same, within the event's own clause and only for
typed events whose recipient the dependency rules did not find: "Russia has expended
huge resources in the town of Bakhmut" → Russia → Bakhmut. Such a recipient is weak
(``Frame.weak_recipient``), which lowers the event's confidence.

>>> # nearest_recipient(frame)  # the first actor after the trigger, outside the actors' phrases
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgraph.doccache import children, entity_of, sent_of, subtree
from kgraph.extract.participants import find_actor, is_actor, prep_objects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgraph.extract.frames import Frame

__all__ = ["clause_of", "meeting_host", "meeting_place", "nearest_actor", "nearest_recipient"]

#: Clause links that start a new predication: an actor beyond them is another event's.
_BOUNDARIES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj", "acl"})
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})
#: How many tokens after the trigger an actor may be.
_WINDOW = 12
#: Prepositions that make a meeting the occasion of a clause ("during a call with X, Y said").
_OCCASION_PREPS = frozenset({"during", "at", "after", "following", "in"})


def clause_of(head: Token) -> set[int]:
    """The token indices of ``head``'s clause: its subtree without embedded clauses.

    >>> # clause_of(verb) for "Russia attacked Kyiv, which said..." holds "Russia attacked Kyiv"
    """
    inside: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        inside.add(token.i)
        stack.extend(c for c in children(token) if c.dep_ not in _BOUNDARIES)
    return inside


def nearest_recipient(frame: Frame) -> list[Token]:
    """The first actor after ``frame``'s trigger in its clause, outside its actors' phrases."""
    if frame.type in (None, "STATEMENT") or frame.recipients or not frame.actors:
        return []
    last = max(t.i for t in frame.trigger)
    sent = sent_of(frame.head)
    return _nearest(frame, frame.actors, sent.doc[last + 1 : min(sent.end, last + 1 + _WINDOW)])


def nearest_actor(frame: Frame) -> list[Token]:
    """The last actor before ``frame``'s trigger in its clause, outside its recipients' phrases."""
    if frame.type in (None, "STATEMENT") or frame.actors or not frame.recipients:
        return []
    first = min(t.i for t in frame.trigger)
    sent = sent_of(frame.head)
    return _nearest(frame, frame.recipients, reversed(sent.doc[max(sent.start, first - _WINDOW) : first]))


def _nearest(frame: Frame, other_side: list[Token], tokens: Iterable[Token]) -> list[Token]:
    """The first actor among ``tokens`` in ``frame``'s clause, outside the trigger and ``other_side``."""
    taken = {t.i for a in other_side for t in subtree(a)} | {t.i for t in frame.trigger}
    inside = clause_of(frame.head)
    for token in tokens:
        if token.i in taken or token.i not in inside or not is_actor(token):
            continue
        found = _phrase_head(token, inside)
        if found.i not in taken and found.pos_ != "PRON":
            return [found]
    return []


def _phrase_head(token: Token, inside: set[int]) -> Token:
    """The head of the actor phrase ``token`` starts: "Israeli" → "forces" in "Israeli forces"."""
    ent = entity_of(token)
    token = ent.root if ent is not None else token
    while token.dep_ in _MODIFIERS and token.head.i in inside and is_actor(token.head):
        token = token.head
    return token


def meeting_host(frame: Frame) -> list[Token]:
    """Who held a meeting that is the occasion of a clause: that clause's subject.

    "Macron, during a phone call with Zelensky, accused Russia" → Macron met Zelensky;
    "the leader said during a visit to Beijing that..." → the leader visited Beijing.
    """
    if frame.rule != "noun" or frame.type != "CONSULT" or frame.actors:
        return []
    noun, prep = frame.head, frame.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.text.lower() not in _OCCASION_PREPS:
        return []
    if prep.head.pos_ not in ("VERB", "AUX"):
        return []
    found = (find_actor(t, depth=1) for t in subjects(prep.head))
    return [a for a in found if a is not None and a not in frame.recipients]


def meeting_place(frame: Frame) -> list[Token]:
    """Where a meeting with no partner named took place, standing for its host (CAMEO 042-044).

    "The G20 summit opens in Bali" → G20 → Bali; "talks in Geneva" → Geneva.
    """
    if frame.rule != "noun" or frame.type != "CONSULT" or not frame.actors or frame.recipients:
        return []
    noun = frame.head
    owners = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [noun]
    for owner in owners:
        for _, pobj in prep_objects(owner, frozenset({"in", "at"})):
            if pobj.ent_type_ in ("GPE", "LOC") and pobj not in frame.actors:
                return [pobj]
    return []
