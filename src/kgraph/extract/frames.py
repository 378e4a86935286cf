"""Frames: a predicate with its trigger, type, actors, recipients and object, before moods and dates.

One function per rule: verb predicates (active, passive, light verb + noun, particles,
prepositional objects); event nouns ("protests against X", "talks with X", "Russian
attacks") and "despite the sanctions" (defiance → REJECT) are read in :mod:`kgraph.extract.nouns`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kgraph.doccache import (
    child_deps,
    children,
    children_by_dep,
    first_child,
    sent_pos_tokens,
    subtree,
)
from kgraph.extract.attribution import (
    inside_quote,
    inverted,
    is_reporting,
    source_finding,
)
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import (
    direct_objects,
    find_actor,
    hyphen_agent,
    is_actor,
    prep_objects,
    subjects,
)
from kgraph.extract.plausible import plausible
from kgraph.extract.typing import Typed, type_noun, type_verb
from kgraph.extract.weapons import aimed_at, bombing, weapon_doer
from kgraph.extract.words import (
    FIRST_SECOND_PERSON,
    FORCES,
    NAMED_ENTS,
    NUMERIC_ENTS,
    PEOPLE_PRONOUNS,
    QUANTIFIERS,
    SPEECH_ACTS,
    VERB_RECIPIENT_PREPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "MEETING_TYPES",
    "Frame",
    "actors_in",
    "as_written",
    "noun_participants",
    "verb_frames",
]

#: Numbers that stand for people in a poll: "73 percent said", "many of whom say".
_SHARES = frozenset({"PERCENT", "CARDINAL"})
_DEEP_PREPS = frozenset({"against", "on", "at", "with", "to", "over", "in", "into"})
_PLACE_TARGET_TYPES = frozenset(
    {"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "SANCTION", "THREATEN"}
)
_NOUN_AGENT_PREPS = frozenset({"by", "between", "among"})
#: Event types whose noun's "of" names a party ("a meeting of the ministers").
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
#: Prepositions of the place a violent or coercive event hits ("struck targets near Damascus").
_PLACE_TARGET_PREPS = frozenset(
    {"in", "at", "on", "into", "of", "near", "across", "around", "outside", "inside"}
)


@dataclass
class Frame:
    """A predicate read from the parse (mutable while a sentence is processed).

    Attributes:
        head: The trigger's head token.
        typed: The lexicon match, ``None`` for an untyped relation.
        trigger: The trigger's tokens.
        relation: Lemmatised predicate.
        actors: Head tokens of the actors.
        recipients: Head tokens of the recipients.
        obj: Head of the object phrase, when there is one.
        rule: Name of the rule that read it.
        mood: Its mood.
        speaker: Head token of the speaker it is attributed to.
        confidence: 0..1.
        type: PLOVER type or STATEMENT (``None``: untyped).
        cameo_root: Two-digit CAMEO root.
        weak_recipient: The recipient is a plain object phrase, not an actor.
    """

    head: Token
    typed: Typed | None
    trigger: tuple[Token, ...]
    relation: str
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    obj: Token | None = None
    rule: str = ""
    mood: str = "asserted"
    speaker: Token | None = None
    confidence: float = 0.5
    type: str | None = None
    cameo_root: str | None = None
    weak_recipient: bool = False

    def __post_init__(self) -> None:
        if self.typed is not None and self.type is None:
            self.type, self.cameo_root = self.typed.entry


def actors_in(tokens: list[Token]) -> list[Token]:
    """The actors ``tokens`` are or hold ("the leaders of Iran" → Iran's leaders), each once."""
    found = [find_actor(t, depth=2) for t in tokens]
    return list(dict.fromkeys(t for t in found if t is not None))


def recipients_of(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    """Return a verb's recipients: actor objects, actors inside objects, a struck place, a named object."""
    return (
        _recipients(verb, typed, actors) or _place_target(verb, typed) or _named_object(verb, typed, actors)
    )


def _named_object(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    """A named entity that is the object of a typed event ("sabotaged Nord Stream")."""
    if typed is None:
        return []
    owners = [*direct_objects(verb), *(t for _, t in prep_objects(verb) if _ in VERB_RECIPIENT_PREPS)]
    names = {a.text.lower() for a in actors}
    for owner in owners:
        for token in subtree(owner):
            if token.ent_type_ in NAMED_ENTS and token.ent_iob_ == "B" and token.text.lower() not in names:
                if token.dep_ == "npadvmod" and hyphen_agent(token.head) == token:
                    continue  # "signed a US-brokered deal": the US is no party to it
                return [token]
    return []


def object_phrase(verb: Token, typed: Typed, actors: list[Token]) -> list[Token]:
    """The head of a typed verb's noun-phrase object, when it has no actor recipient.

    "Germany banned recreational cannabis" → cannabis (its phrase is the recipient); not a
    pronoun, number or the event noun of a light verb ("held talks").
    """
    skip = {t.i for a in actors for t in subtree(a)}
    for obj in direct_objects(verb):
        if obj == typed.noun or obj.i in skip or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if obj.ent_type_ in NUMERIC_ENTS or obj.lemma_.lower() in QUANTIFIERS:
            continue
        return [obj]
    return []


def _recipients(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    noun = typed.noun if typed else None
    direct = [t for t in direct_objects(verb) if t != noun and not _moved_force(t, typed)]
    found = [a for a in (find_actor(t, depth=3) for t in direct) if a is not None]
    if noun is not None and not found:
        found = _noun_targets(noun)
    if not found:
        preps = sorted(
            prep_objects(verb), key=lambda p: VERB_RECIPIENT_PREPS.index(p[0]) if p[0] in VERB_RECIPIENT_PREPS else 99
        )
        for prep in children_by_dep(verb, ("prt",)):
            preps += list(prep_objects(prep))
        found = [t for p, t in preps if p in VERB_RECIPIENT_PREPS and is_actor(t)][:1]
        if not found:  # "in protest against abuses by the security forces"
            deep = (find_actor(t, depth=3) for p, t in preps if p in _DEEP_PREPS)
            found = [a for a in deep if a is not None][:1]
        found += [c for f in found for c in f.conjuncts if is_actor(c) and c not in found]
    return [t for t in dict.fromkeys(found) if t not in actors]


def _moved_force(obj: Token, typed: Typed | None) -> bool:
    """ "deployed troops to the border": the troops are what is moved, not who is acted on."""
    return typed is not None and typed.entry[0] == "MOBILIZE" and obj.lemma_.lower() in FORCES


def _noun_targets(noun: Token) -> list[Token]:
    """Actors an event noun is aimed at: "sanctions on X", "meeting with X", "invasion of X"."""
    preps = sorted(prep_objects(noun), key=lambda p: VERB_RECIPIENT_PREPS.index(p[0]) if p[0] in VERB_RECIPIENT_PREPS else 50)
    for _, pobj in preps:
        found = find_actor(pobj, depth=3)
        if found is not None:
            return [found, *(c for c in found.conjuncts if is_actor(c))]
    for child in children(noun):  # "sanctions directing on X's exports"
        if child.dep_ == "acl":
            found = next((find_actor(p, depth=3) for _, p in prep_objects(child)), None)
            if found is not None:
                return [found]
    return []


def _place_target(verb: Token, typed: Typed | None) -> list[Token]:
    """For violent or coercive events without a recipient: the place they hit ("curfew in Montenegro")."""
    if typed is None or typed.entry[0] not in _PLACE_TARGET_TYPES:
        return []
    owners = [verb, *([typed.noun] if typed.noun is not None else []), *direct_objects(verb)]
    for owner in owners:
        for prep, pobj in prep_objects(owner, _PLACE_TARGET_PREPS):
            ent = pobj if pobj.ent_type_ in ("GPE", "LOC") else find_actor(pobj, depth=2)
            if ent is not None and ent.ent_type_ in ("GPE", "LOC"):
                return [ent]
    return []


def as_written(verb: Token, actor: Token) -> Token:
    """A speaker is kept as written: "Trump, who said..." → who (the link binds it to Trump)."""
    if verb.dep_ == "relcl" and actor == verb.head:
        pron = next(
            (c for c in children(verb) if c.dep_ == "nsubj" and c.text.lower() in ("who", "which", "that")),
            None,
        )
        return pron or actor
    return actor


def _object(verb: Token, typed: Typed | None) -> Token | None:
    if typed is not None and typed.noun is not None:
        return typed.noun
    return first_child(verb, ("dobj", "attr", "oprd"))


def sources(verb: Token) -> list[Token]:
    """Whoever or whatever a reporting verb has as subject: "his surrogates said", "a new poll shows".

    Reporting verbs take speakers (people, bodies) or sources (documents, media) as subjects,
    so any noun subject is the speaker of the statement; so is a share of a poll ("73 percent said")
    and a pronoun standing for people ("those close to him say", "many of whom say").
    """
    return [
        t
        for t in subjects(verb)
        if (t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in NUMERIC_ENTS)
        or t.ent_type_ in _SHARES
        or t.text.lower() in PEOPLE_PRONOUNS
    ]


def _people(verb: Token) -> list[Token]:
    """People a pronoun names as the subject of a speech act: "others vowed", "all agreed"."""
    return [t for t in subjects(verb) if t.text.lower() in PEOPLE_PRONOUNS]


def verb_frame(verb: Token, lexicon: Lexicon, *, untyped: bool = False) -> Frame | None:
    """Read the frame of one verb; ``None`` when it has no actor-like participant at all.

    Args:
        verb: The predicate.
        lexicon: The event lexicon.
        untyped: Also return verbs outside the lexicon that link two actors (plain relations).
    """
    typed = type_verb(verb, lexicon)
    if typed is None and not untyped:
        return None
    statement = typed is not None and typed.entry[0] == "STATEMENT"
    content = {t.i for c in inverted(verb) for t in subtree(c)} if statement else set()
    actors = [a for a in actors_in(subjects(verb)) if a.i not in content]
    if not actors and typed is not None and not statement:
        actors = _agent_event(verb, lexicon) or (_people(verb) if verb.lemma_.lower() in SPEECH_ACTS else [])
    if not actors and statement:
        actors = [a for a in sources(verb) if a.i not in content]
    weapon = weapon_doer(verb, typed, lexicon)
    if weapon is not None and all(aimed_at(a, weapon) for a in actors):
        actors, found = [weapon], actors  # "Bomb attack on Istanbul street kills six": the attack kills
    else:
        weapon = None
    recipients = recipients_of(verb, typed, actors)
    if weapon is not None and not recipients:  # "Blasts killed": no dyad to code, the reading as before
        actors, weapon = found, None
        recipients = recipients_of(verb, typed, actors)
    if typed is None and not (actors and recipients):
        return None
    if not actors and not recipients:
        return None
    if typed is not None and not plausible(verb, typed, actors, recipients, lexicon):
        return None
    weak = False
    if not recipients and typed is not None and not statement and actors:
        recipients = object_phrase(verb, typed, actors)
        weak = bool(recipients)
    if statement:
        written = [as_written(verb, a) for a in actors]
        actors = [w for w, a in zip(written, actors) if w != a] or written  # "B and C, who said": "who"
    trigger = typed.tokens if typed else (verb,)
    relation = typed.relation if typed else verb.lemma_.lower()
    frame = Frame(verb, typed, trigger, relation, actors, recipients, _object(verb, typed), rule="verb")
    frame.weak_recipient = weak
    if weapon is not None and bombing(weapon) and frame.cameo_root == "19":
        frame.cameo_root = "18"  # CAMEO 183: a bombing that is no military operation
    return frame


def verb_frames(sent: Span, lexicon: Lexicon, *, untyped: bool = False) -> Iterator[Frame]:
    """Yield the frames of the verbs of a sentence (plain relations too when ``untyped``)."""
    for token in sent_pos_tokens(sent, "VERB"):
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
            frame = verb_frame(token, lexicon, untyped=untyped)
            if frame is not None:
                yield frame
        elif token.pos_ == "VERB" and hyphen_agent(token) is not None:
            frame = modifier_frame(token, lexicon)
            if frame is not None:
                yield frame


def modifier_frame(verb: Token, lexicon: Lexicon) -> Frame | None:
    """A participle written with its doer in front of a noun: "Iranian-backed Hezbollah" (Iran backs
    Hezbollah); "Israel and Lebanon signed a US-brokered deal": the US mediates between the parties
    of the deal (the subjects of the verb whose object it is), CAMEO 045."""
    typed = type_verb(verb, lexicon)
    agent = hyphen_agent(verb)
    actor = find_actor(agent, depth=1) if agent is not None else None
    if typed is None or typed.entry[0] == "STATEMENT" or actor is None:
        return None
    noun = verb.head
    if is_actor(noun):
        recipients = [noun, *(c for c in noun.conjuncts if c.i > noun.i and is_actor(c))]
    elif noun.dep_ in ("dobj", "appos") and noun.head.pos_ in ("VERB", "NOUN"):
        recipients = actors_in(subjects(noun.head))
    else:
        recipients = []
    recipients = [r for r in recipients if r != actor]
    if not recipients:
        return None
    return Frame(verb, typed, typed.tokens, typed.relation, [actor], recipients, noun, rule="modifier")


def _agent_event(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who did a passive event, read from the event it happened in.

    "Three Palestinians were killed in a shootout with Israeli forces" → Israeli forces;
    "killed in a Russian strike" → Russian.
    """
    if {"nsubjpass", "auxpass"}.isdisjoint(child_deps(verb)) and verb.dep_ != "acl":
        return []
    for _, noun in prep_objects(verb, frozenset({"in", "during"})):
        typed = type_noun(noun, lexicon)
        if typed is None or typed.entry[0] == "STATEMENT":
            continue
        actors, _ = noun_participants(noun, typed.entry[0])
        partners = [t for p, t in prep_objects(noun, frozenset({"with"})) if is_actor(t)]
        return actors or partners[:1]
    return []


#: Nouns whose place modifier is where they happen: "the Syrian war" is a war in Syria, not by Syrians.
_PLACE_NOUNS = frozenset({"war", "conflict"})


def noun_participants(noun: Token, kind: str) -> tuple[list[Token], list[Token]]:
    """The actors and recipients an event noun's modifiers and prepositions name ("Russian strikes on Kyiv")."""
    mods = [c for c in children(noun) if c.dep_ in ("poss", "compound", "amod", "nmod") and is_actor(c)]
    placed = noun.lemma_.lower() in _PLACE_NOUNS
    actors = [c for c in mods if not placed or c.dep_ == "poss"]
    recipients: list[Token] = [c for c in mods if c not in actors]
    for prep, pobj in prep_objects(noun, frozenset({*VERB_RECIPIENT_PREPS, "of", *_NOUN_AGENT_PREPS})):
        if not is_actor(pobj):
            continue
        if prep in _NOUN_AGENT_PREPS or (prep == "of" and kind in MEETING_TYPES):
            actors.append(pobj)
        elif pobj not in actors:
            recipients.append(pobj)
    return list(dict.fromkeys(actors)), list(dict.fromkeys(recipients))


def reporting_frame_ok(frame: Frame, lexicon: Lexicon) -> bool:
    """A STATEMENT needs a third-person speaker outside any quote; cognition verbs need a clause."""
    if frame.type != "STATEMENT" or frame.rule not in ("verb", "cognition"):
        return True
    if not frame.actors or all(a.text.lower() in FIRST_SECOND_PERSON for a in frame.actors):
        return False
    if _dummy_it(frame):
        return False
    if inside_quote(frame.head):
        return False
    lemma = frame.head.lemma_.lower()
    clause = not {"ccomp", "parataxis"}.isdisjoint(child_deps(frame.head))
    if lemma in _SAYING_ONLY_WITH_A_CLAUSE:  # "maintains that...", not "maintained by the embassy"
        return clause
    if lexicon.lookup(lemma) is None and is_reporting(frame.head, lexicon):
        return clause or source_finding(frame.head)
    return True


def _dummy_it(frame: Frame) -> bool:
    """ "It goes without saying", "it is worth noting": the "it" the verb inherits says nothing
    (but "It met and said..." does)."""
    inherited = all(a.text.lower() == "it" and a.head != frame.head for a in frame.actors)
    return inherited and frame.head.dep_ != "conj"


#: Statement verbs whose other senses are no saying: "maintain a monitor", "pronounced kiss-E-tow".
_SAYING_ONLY_WITH_A_CLAUSE = frozenset({"maintain", "pronounce"})
