"""Retyping: when the participants show that a lexicon type is the wrong reading.

"Trump attacked Clinton over her emails" is criticism, not violence: a verb of attack
between people, about something ("over", "for") or aimed at a proposition ("attacked the
plan") is ACCUSE (CAMEO 11), while "Russia attacked Kyiv" stays ASSAULT. Missiles launched
at someone are an attack (CAMEO 195); launched at no one ("toward the sea") a show of force
(CAMEO 150).

>>> # verbal_attack(frame) for "Trump attacked Clinton over her emails" → True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import children
from kgraph.extract.participants import direct_objects, is_actor
from kgraph.extract.plausible import PROPOSITIONS, TARGETS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgraph.extract.frames import Frame

__all__ = [
    "VERBAL_ATTACK_VERBS", "military_strike", "missile_type", "personal_violence", "police_clash", "verbal_attack",
    "warning",
]  # fmt: skip

#: Verbs of attack that politicians do with words.
VERBAL_ATTACK_VERBS = frozenset({"attack", "hit", "hammer", "blast", "slam", "lash", "bash", "savage", "assail"})
#: Verbs of fighting that named persons do with words: "Bolsonaro and Lula clashed" (not troops).
_DISPUTE_VERBS = frozenset({"clash"})
#: "attacked X over/for Y": the reason of a verbal attack.
_REASON_PREPS = frozenset({"over", "for"})
_PEOPLE = frozenset({"PERSON"})
_PERSONAL = frozenset({"he", "she", "him", "her"})


def _person(token: Token) -> bool:
    return token.ent_type_ in _PEOPLE or token.text.lower() in _PERSONAL


_ATTACK_NOUNS = frozenset({"attack", "assault", "broadside", "tirade", "onslaught"})


def _by_a_person(frame: Frame) -> bool:
    """The attacker is a named person ("Michael Howard"), not forces, a state or a gunman."""
    return bool(frame.actors) and all(t.ent_type_ == "PERSON" for t in frame.actors)


def _abstract_aim(noun: Token) -> bool:
    """An attack "on" something that is neither an actor, a place nor a physical target."""
    aims = [g for c in children(noun) if c.dep_ == "prep" and c.text.lower() == "on" for g in children(c)
            if g.dep_ == "pobj"]  # fmt: skip
    return bool(aims) and all(
        not g.ent_type_ and not is_actor(g) and g.lemma_.lower() not in TARGETS for g in aims
    )


def verbal_attack(frame: Frame) -> bool:
    """Tell whether an ASSAULT frame is a verbal attack: person on person, or "over"/"for" a reason."""
    if frame.type != "ASSAULT" or frame.rule != "verb":
        return False
    if frame.typed is not None and frame.typed.noun is not None and frame.typed.noun.lemma_.lower() in _ATTACK_NOUNS:
        return _abstract_aim(frame.typed.noun) or _by_a_person(frame)  # "launched an attack on the cost of..."
    if frame.head.lemma_.lower() in _DISPUTE_VERBS:  # "Bolsonaro, Lula clash in debate"
        people = [*frame.actors, *frame.recipients]
        return len(people) > 1 and all(t.ent_type_ == "PERSON" for t in people)
    if frame.head.lemma_.lower() not in VERBAL_ATTACK_VERBS:
        return False
    if any(c.dep_ == "prep" and c.text.lower() in _REASON_PREPS for c in children(frame.head)):
        return True
    if _by_a_person(frame) and not any(o.lemma_.lower() in TARGETS for o in direct_objects(frame.head)):
        return True  # "Kilroy-Silk attacked the party"
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


#: Who strikes from work, and the words that make a strike a labour one ("general strike").
_LABOUR = frozenset(
    {"worker", "union", "teacher", "doctor", "nurse", "staff", "employee", "driver", "miner", "student",
     "general", "hunger", "national", "rail", "one-day", "24-hour", "day", "walkout", "labour", "labor",
     "postal", "dock", "tanker", "pilot", "cabin", "crew", "lecturer", "civil", "public", "sector", "go",
     "stage", "call", "join", "hold", "threaten", "vote", "ballot", "end"}
)  # fmt: skip


def _words_around(noun: Token) -> set[str]:
    around = {c.lemma_.lower() for c in children(noun)} | {noun.head.lemma_.lower()}
    if noun.head.dep_ == "prep":  # "went on strike"
        around.add(noun.head.head.lemma_.lower())
    return around


def military_strike(frame: Frame) -> bool:
    """Tell whether a PROTEST read from the noun "strike" is an attack ("intense strikes on the attackers").

    A strike is a labour protest only with a labour word around it ("workers", "general",
    "went on strike", "called a strike") or a labour actor.
    """
    noun = frame.typed.noun if frame.typed is not None else None
    if frame.type != "PROTEST" or noun is None or noun.lemma_.lower() != "strike":
        return False
    actors = {t.lemma_.lower() for t in frame.actors}
    return not (_words_around(noun) | actors) & _LABOUR


_LAUNCH_VERBS = frozenset({"launch", "fire"})
_PROJECTILES = frozenset({"missile", "rocket"})


def missile_type(frame: Frame) -> tuple[str, str] | None:
    """The type and root of a missile launch: ASSAULT 19 when aimed at an actor, else MOBILIZE 15.

    "Russia launched 100 missiles against Ukraine" is an attack; "North Korea fired two
    missiles toward the sea" is a show of force. ``None`` for other frames.
    """
    words = frame.relation.split()
    if len(words) != 2 or words[0] not in _LAUNCH_VERBS or words[1] not in _PROJECTILES:
        return None
    aimed = not frame.weak_recipient and any(is_actor(r) and r.ent_type_ != "LOC" for r in frame.recipients)
    return ("ASSAULT", "19") if aimed else ("MOBILIZE", "15")


#: Shooting and killing: CAMEO 19 (small arms, 193) between armed groups, 18 when aimed at one person.
_SHOOTING = frozenset({"shoot", "kill", "fire at", "fire on", "fire into", "open fire", "gun down", "shoot dead"})
#: One person, not a group or a force ("shot a man", "killed a journalist").
_INDIVIDUALS = frozenset(
    {"man", "woman", "boy", "girl", "teenager", "student", "journalist", "reporter", "protester", "demonstrator",
     "activist", "driver", "priest", "doctor", "worker", "child", "youth", "motorist", "pedestrian", "bystander",
     "resident", "villager", "farmer", "lawyer", "politician", "candidate", "mayor", "judge", "teacher",
     "businessman", "official", "leader", "president", "lawmaker", "father", "mother", "son", "daughter"}
)  # fmt: skip


def _individual(token: Token) -> bool:
    if token.ent_type_:
        return token.ent_type_ == "PERSON"
    return token.text.lower() in _PERSONAL or (token.tag_ == "NN" and token.lemma_.lower() in _INDIVIDUALS)


#: Police, not armies: "security forces", "riot police".
_POLICE = frozenset({"police", "policeman", "policemen", "officer", "gendarmerie"})


def _police(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _POLICE:
        return True
    return lemma in ("force", "forces") and any(c.lemma_.lower() == "security" for c in children(token))


def police_clash(frame: Frame) -> bool:
    """Tell whether a clash is police or security forces against a crowd or people: CAMEO 18
    (violence outside military operations), not 19 ("Police clash with protesters in Lima",
    "clashes between security forces and Palestinians"); troops clashing with rebels stay 19."""
    if frame.type != "ASSAULT" or frame.cameo_root != "19" or frame.relation != "clash":
        return False
    sides = [*frame.actors, *frame.recipients]
    return any(map(_police, sides)) and not all(map(_police, sides))


def personal_violence(frame: Frame) -> bool:
    """Tell whether shooting or killing is aimed at single persons: CAMEO 18 (physical assault,
    assassination attempt), not 19 (fighting with small arms).

    "A man fired a pistol at Kirchner", "security forces shot a man" → 18; "troops fired on
    the rebels", "Russia killed 10 civilians" stay 19.
    """
    if frame.type != "ASSAULT" or frame.cameo_root != "19" or frame.relation not in _SHOOTING:
        return False
    return bool(frame.recipients) and all(map(_individual, frame.recipients))
