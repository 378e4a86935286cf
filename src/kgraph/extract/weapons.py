"""Weapons and attacks that do a violent event: "Bomb attack on Istanbul street kills six".

When no actor does an ASSAULT verb, or the actor found is only where the attack hit, event
coders write the weapon or attack as the actor; a bomb, blast or explosion (or an attack named
after one) is a non-military bombing, CAMEO 183.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import children_by_dep
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import subjects
from kgraph.extract.plausible import WEAPONS
from kgraph.extract.typing import Typed, type_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["aimed_at", "bombing", "weapon_doer"]


#: Devices of non-military bombings and rammings (CAMEO 183), as opposed to missiles and shells (19).
_BOMBS = frozenset({"bomb", "blast", "explosion", "explosive", "device", "ied", "car", "truck", "vehicle"})


def bombing(weapon: Token) -> bool:
    """A bomb, blast or explosion, or an attack named after one ("bomb attack", "car bombing")."""
    return any(t.lemma_.lower() in _BOMBS for t in (weapon, *children_by_dep(weapon, ("compound",))))


def aimed_at(actor: Token, weapon: Token) -> bool:
    """The actor sits in a prepositional phrase of the weapon or attack ("attack on Kyiv")."""
    token = actor
    while token != weapon and token.head != token:
        if token.dep_ == "pobj" and token.head.head == weapon:
            return True
        token = token.head
    return False


def weapon_doer(verb: Token, typed: Typed | None, lexicon: Lexicon) -> Token | None:
    """The weapon or attack that does a violent event when no actor does: "Bomb attack kills six people",
    "An explosion injured at least 7" (event coders write it as the actor)."""
    if typed is None or typed.entry[0] != "ASSAULT":
        return None
    for subject in subjects(verb):
        if subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or subject.ent_type_:
            continue
        noun = type_noun(subject, lexicon)
        if subject.lemma_.lower() in WEAPONS or (noun is not None and noun.entry[0] == "ASSAULT"):
            return subject
    return None
