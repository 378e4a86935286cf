"""Retyping: when the participants show that a lexicon type is the wrong reading.

"Trump attacked Clinton over her emails" is criticism, not violence: a verb of attack
between people, about something ("over", "for") or aimed at a proposition ("attacked the
plan") is ACCUSE (CAMEO 11), while "Russia attacked Kyiv" stays ASSAULT.

>>> # verbal_attack(frame) for "Trump attacked Clinton over her emails" → True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.participants import direct_objects, is_actor
from kgraph.extract.plausible import PROPOSITIONS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgraph.extract.frames import Frame

__all__ = ["VERBAL_ATTACK_VERBS", "verbal_attack", "warning"]

#: Verbs of attack that politicians do with words.
VERBAL_ATTACK_VERBS = frozenset({"attack", "hit", "hammer", "blast", "slam", "lash", "bash", "savage", "assail"})
#: "attacked X over/for Y": the reason of a verbal attack.
_REASON_PREPS = frozenset({"over", "for"})
_PEOPLE = frozenset({"PERSON"})
_PERSONAL = frozenset({"he", "she", "him", "her"})


def _person(token: Token) -> bool:
    return token.ent_type_ in _PEOPLE or token.text.lower() in _PERSONAL


def verbal_attack(frame: Frame) -> bool:
    """Tell whether an ASSAULT frame is a verbal attack: person on person, or "over"/"for" a reason."""
    if frame.type != "ASSAULT" or frame.rule != "verb" or frame.head.lemma_.lower() not in VERBAL_ATTACK_VERBS:
        return False
    if any(c.dep_ == "prep" and c.text.lower() in _REASON_PREPS for c in frame.head.children):
        return True
    if any(o.lemma_.lower() in PROPOSITIONS for o in direct_objects(frame.head)):
        return True  # "attacked the plan"
    people = [*frame.actors, *frame.recipients]
    return bool(frame.actors) and bool(frame.recipients) and all(_person(t) for t in people)


#: Verbs of warning: a warning addressed to an actor is a threat (CAMEO's dictionary codes WARN 130).
_WARN = frozenset({"warn", "caution"})


def warning(frame: Frame) -> bool:
    """Tell whether a statement warns an actor directly ("Xi warned Biden that..."): a THREATEN.

    "The UN warned that temperatures will rise" has no addressee and stays a statement.
    """
    if frame.type != "STATEMENT" or frame.rule != "verb" or frame.head.lemma_.lower() not in _WARN:
        return False
    return any(is_actor(o) for o in direct_objects(frame.head))
