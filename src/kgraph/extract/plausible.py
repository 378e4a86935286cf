"""Plausibility: readings of a typed verb that hold no political event.

"The storm killed three people" (an inanimate doer), "Apple released a new iPhone" (a verb
that needs a person or group as its object), "She attacked the problem" and "He fought
cancer" (violence aimed at an abstraction), "Manchester United beat Chelsea" (a contest),
"Two trains collided, killing 20 people" (a participle whose doer is an accident), "Sweden meets the
conditions" (a requirement met, no meeting), "The team
helped conquer Ukraine", "Egypt seeks to boost production" (a verb of contribution or attempt
whose event is its complement). Weapons and
attacks stay plausible doers: "A missile killed three people".

>>> # plausible(verb, typed, actors, recipients, lexicon) is False for "The storm killed three people"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import child_deps, children, first_child
from kgraph.extract.participants import direct_objects, is_actor
from kgraph.extract.typing import type_noun
from kgraph.extract.words import NAMED_ENTS, PATIENT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgraph.extract.lexicon import Lexicon
    from kgraph.extract.typing import Typed

__all__ = ["PROPOSITIONS", "TARGETS", "WEAPONS", "plausible"]

#: Things that kill or strike without being actors or events: "A missile killed three people".
WEAPONS = frozenset(
    {"bomb", "missile", "rocket", "shell", "drone", "grenade", "mine", "explosive", "gunfire", "bullet",
     "artillery", "mortar", "tank", "jet", "warplane", "helicopter", "device", "ied", "munition", "weapon",
     "car", "truck", "vehicle", "blast", "explosion", "fire", "round", "projectile", "barrage", "salvo"}
)  # fmt: skip
#: What violence is aimed at when it is not an actor: places, buildings, vehicles, lines.
TARGETS = frozenset(
    {"target", "position", "base", "convoy", "facility", "infrastructure", "town", "village", "city",
     "building", "hospital", "school", "home", "house", "camp", "checkpoint", "vehicle", "ship", "vessel",
     "plane", "aircraft", "tanker", "train", "bus", "car", "embassy", "office", "headquarters", "compound",
     "mosque", "church", "shrine", "synagogue", "temple", "market", "plant", "station", "depot", "bridge",
     "port", "airport", "airfield", "area", "region", "territory", "border", "outpost", "post", "patrol",
     "line", "front", "stronghold", "site", "installation", "grid", "pipeline", "refinery", "warehouse",
     "neighborhood", "neighbourhood", "district", "street", "capital", "province", "hideout", "tunnel",
     "launcher", "shelter", "residence", "palace", "parliament", "ministry", "barracks", "island",
     "coast", "harbour", "harbor", "dam", "reactor", "network", "system", "server", "website"}
)  # fmt: skip
#: What a politician attacks with words: "attacked the plan" is criticism (see ``retype``).
PROPOSITIONS = frozenset(
    {"plan", "policy", "proposal", "bill", "law", "decision", "remark", "comment", "statement", "idea",
     "record", "position", "stance", "approach", "strategy", "budget", "deal", "agreement", "reform",
     "program", "programme", "move", "claim", "ruling", "report", "speech", "handling", "response",
     "government", "administration", "leadership", "campaign", "view", "agenda", "legislation", "measure"}
)  # fmt: skip
_VIOLENT_OBJECT_VERBS = frozenset({"attack", "strike", "hit", "fight", "battle", "beat", "bomb", "shell", "target"})
_CONTESTED = frozenset({"beat", "defeat"})
#: Types done with words or agreement: without anyone doing them they are framing, not events.
_VERBAL = frozenset({"REQUEST", "ACCUSE", "AGREE", "SUPPORT", "CONSULT", "REJECT", "THREATEN"})
#: Event verbs that are no event at all without an object ("his heart beats").
_NEEDS_OBJECT = frozenset({"beat"})
_TEAMS = frozenset({"ORG", "GPE", "NORP"})
#: Verbs of contribution or attempt: with a verb complement and no object, the event is the
#: complement's ("helped conquer Ukraine", "seeks to boost production").
_CONTRIBUTING = frozenset({"help", "assist", "seek"})


def _doer(verb: Token) -> Token | None:
    """The verb's subject, or for a participle with none ("..., killing 20") its clause's."""
    own = first_child(verb, ("nsubj",))
    if own is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return first_child(verb.head, ("nsubj",))
    return own


def _inanimate(subject: Token, lexicon: Lexicon) -> bool:
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in NAMED_ENTS or is_actor(subject):
        return False
    return subject.lemma_.lower() not in WEAPONS and type_noun(subject, lexicon) is None


def _abstract_target(verb: Token, recipients: list[Token]) -> bool:
    """Violence whose object is neither an actor, a place, nor a physical target ("fought cancer")."""
    if verb.lemma_.lower() not in _VIOLENT_OBJECT_VERBS or any(r in direct_objects(verb) for r in recipients):
        return False
    objects = [o for o in direct_objects(verb) if o.pos_ in ("NOUN", "PROPN")]
    return bool(objects) and all(
        not o.ent_type_ and not is_actor(o) and o.lemma_.lower() not in TARGETS | PROPOSITIONS for o in objects
    )


def _contest(verb: Token, recipients: list[Token]) -> bool:
    """ "Manchester United beat Chelsea 2-1": beating a team or a country is winning a match."""
    beaten = [*recipients, *verb.rights]
    return verb.lemma_.lower() in _CONTESTED and any(r.ent_type_ in _TEAMS for r in beaten)


def plausible(verb: Token, typed: Typed, actors: list[Token], recipients: list[Token], lexicon: Lexicon) -> bool:
    """Tell whether a typed verb reading can be a political event (see the module docstring)."""
    subject = _doer(verb)
    if subject is not None and not actors and _inanimate(subject, lexicon):
        return False
    if not actors and typed.entry[0] in _VERBAL and "nsubjpass" not in child_deps(verb):
        return False  # "Asked about it, Johnson said...", "designed to appeal to women voters"
    if typed.entry[0] == "ASSAULT" and (_abstract_target(verb, recipients) or _contest(verb, recipients)):
        return False
    if _contribution(verb, typed) or _meets_a_requirement(verb, typed):
        return False
    if verb.lemma_.lower() in PATIENT_VERBS and typed.tokens == (verb,) and not recipients:
        if verb.lemma_.lower() in _NEEDS_OBJECT and not direct_objects(verb):
            return False  # "the heart of Britain beats as strong as ever"
        return not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in children(verb))
    return True


#: What one meets without meeting anybody: "meet conditions for NATO accession", "meet nutritional needs".
_REQUIREMENTS = frozenset(
    {"condition", "requirement", "demand", "need", "target", "criterion", "criteria", "obligation", "standard",
     "expectation", "deadline", "goal", "commitment", "threshold", "cost", "quota", "challenge"}
)  # fmt: skip


def _meets_a_requirement(verb: Token, typed: Typed) -> bool:
    """ "Sweden, Finland meet conditions for NATO accession": fulfilling a requirement is no meeting."""
    if verb.lemma_.lower() != "meet" or typed.tokens != (verb,):
        return False
    return any(o.lemma_.lower() in _REQUIREMENTS for o in direct_objects(verb))


def _contribution(verb: Token, typed: Typed) -> bool:
    """ "helped conquer Ukraine", "help to provide stability": nobody is aided; the complement is the event.

    "helped Vanuatu rebuild its network" (someone helped) stays aid; so "seeks to boost production"
    is an attempt, no request, while "seeks China's help" stays one.
    """
    if verb.lemma_.lower() not in _CONTRIBUTING or typed.tokens != (verb,):
        return False
    helped = any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
    complement = any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return complement and not helped
