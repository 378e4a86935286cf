"""Event nouns: "protests against X", "talks with X", "Russian attacks", and defiance ("despite the sanctions").

A noun of the lexicon makes a frame with the actors its modifiers and prepositions name
("Russian strikes on Kyiv", "talks between Iran and the US"), or, when it has none, the
subject of the verb it depends on ("Iran held talks"). "Despite the sanctions, X did Y" is X
rejecting the sanctions (CAMEO 12).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kgraph.doccache import children, children_by_dep, sent_pos_tokens, sent_tokens, sent_words, subtree
from kgraph.extract.frames import MEETING_TYPES, Frame, actors_in, noun_participants
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import governing_verb, is_actor, prep_objects, subjects
from kgraph.extract.typing import Typed, type_noun, type_verb
from kgraph.extract.words import NUMERIC_ENTS, PLACE_ENTS, UNDERGO

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["defiance_frames", "noun_frames"]

_NOUN_OBJECT_PREPS = frozenset(
    {"on", "against", "over", "with", "to", "into", "toward", "towards", "of", "in"}
)
_DEFIANCE_WORDS = frozenset({"despite", "defying", "defiance"})
_DEFIANCE_NOUNS = frozenset(
    {
        "sanction",
        "warning",
        "demand",
        "call",
        "pressure",
        "criticism",
        "protest",
        "appeal",
        "objection",
        "opposition",
        "ban",
        "embargo",
        "ultimatum",
        "threat",
        "plea",
        "request",
    }
)
#: Nouns of investigation: without someone investigated they are no accusation.
_INQUIRIES = frozenset({"inquiry", "enquiry", "investigation", "probe", "review", "audit", "examination"})
def noun_frames(sent: Span, lexicon: Lexicon, used: set[int]) -> Iterator[Frame]:
    """Yield frames of event nouns not already read as a verb's object ("protests against X")."""
    for token in sent_pos_tokens(sent, "NOUN"):  # type_noun reads nouns only
        if token.i in used:
            continue
        typed = type_noun(token, lexicon)
        if typed is None or typed.entry[0] == "STATEMENT" or _listed_after(token, typed, lexicon):
            continue
        typed = _with_listed(typed, lexicon)
        actors, recipients = noun_participants(token, typed.entry[0])
        meeting = typed.entry[0] in MEETING_TYPES
        verb = governing_verb(token) if meeting or not actors else None
        if verb is not None and verb.lemma_.lower() == "be":
            verb = None  # "the party's aims are an end to the occupation": the party does not occupy
        if verb is not None and type_verb(verb, lexicon) is None:  # "followed by a rocket launch"
            doers = actors_in(subjects(verb))
            if verb.lemma_.lower() in UNDERGO:  # "the Kurdish region faces invasion": the region is invaded
                recipients, doers = [*recipients, *doers], []
            if doers and actors:  # "he tried Political Bureau meetings": the bureau is met
                recipients = [*actors, *recipients]
            actors = doers or actors
        if not recipients and typed.entry[0] in _SUFFERED:
            recipients = _sufferer(token)
        if typed.entry[0] == "ACCUSE" and not recipients and token.lemma_.lower() in _INQUIRIES:
            continue  # "our inquiry", "a year-long inquiry by the committee": into nobody named
        weak = bool(actors) and not recipients
        if weak:
            recipients = _noun_object(token, actors) or _clause_object(token, actors)
        if actors or recipients:
            frame = Frame(token, typed, typed.tokens, typed.relation, actors, recipients, token, rule="noun")
            frame.weak_recipient = weak and bool(recipients)
            yield frame


#: Event types whose noun, as the agent of a passive, acts on the passive's subject.
_SUFFERED = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def _sufferer(noun: Token) -> list[Token]:
    """Who undergoes an event noun that is the agent of a passive: "Kyiv has been battered by Russian
    air strikes", "Iran was hit by new sanctions" → Kyiv, Iran."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "agent":
        return []
    return [s for s in children(prep.head) if s.dep_ == "nsubjpass" and (is_actor(s) or s.ent_type_ in PLACE_ENTS)]


def _noun_object(noun: Token, actors: list[Token]) -> list[Token]:
    """What an event noun with actors but no recipient is about: "Russian strikes on Kyiv's grid" → grid."""
    skip = {t.i for a in actors for t in subtree(a)}
    for _, pobj in prep_objects(noun, _NOUN_OBJECT_PREPS):
        if pobj.i not in skip and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in NUMERIC_ENTS:
            return [pobj]
    return []


def _clause_object(noun: Token, actors: list[Token]) -> list[Token]:
    """What the verb an event noun is the subject of acts on: "Russian strikes targeted the grid" → grid;
    whom the verb it is the means of goes to: "the US is sending Ukraine more in military aid" → Ukraine."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.head.pos_ == "VERB" and verb.text.lower() in ("in", "with", "as"):
        verb = verb.head
        found = [c for c in children(verb) if c.dep_ == "dative" and is_actor(c)]
    elif noun.dep_ == "nsubj" and verb.pos_ == "VERB":
        found = [c for c in children(verb) if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    else:
        return []
    return [t for t in found[:1] if t not in actors and t.ent_type_ not in NUMERIC_ENTS]


def _listed_after(noun: Token, typed: Typed, lexicon: Lexicon) -> bool:
    """ "dismissals, demotions": a conjoined event noun of the same type is part of the first one."""
    head = noun.head
    if noun.dep_ != "conj":
        return False
    first = type_noun(head, lexicon)
    return first is not None and first.entry == typed.entry


def _with_listed(typed: Typed, lexicon: Lexicon) -> Typed:
    noun = typed.noun
    assert noun is not None
    same = [
        c for c in noun.conjuncts if c.i > noun.i and (t := type_noun(c, lexicon)) and t.entry == typed.entry
    ]
    return replace(typed, tokens=(*typed.tokens, *same)) if same else typed


def defiance_frames(sent: Span, lexicon: Lexicon) -> Iterator[Frame]:
    """Yield REJECT frames for "X ... despite Y's sanctions/warnings" (defiance of Y)."""
    if _DEFIANCE_WORDS.isdisjoint(sent_words(sent)[0]):
        return
    for token in sent_tokens(sent):
        if token.text.lower() not in ("despite", "defying", "defiance"):
            continue
        for pobj in children_by_dep(token, ("pobj",)):
            if pobj.lemma_.lower() not in _DEFIANCE_NOUNS:
                continue
            verb = token.head
            actors = actors_in(subjects(verb)) if verb.pos_ in ("VERB", "AUX") else []
            owner = [
                c for c in children(pobj) if c.dep_ in ("poss", "compound", "nmod", "amod") and is_actor(c)
            ]
            if actors:
                yield Frame(
                    verb,
                    None,
                    (verb, token),
                    f"defy {pobj.lemma_.lower()}",
                    actors,
                    owner[:1],
                    pobj,
                    rule="defiance",
                    type="REJECT",
                    cameo_root="12",
                )

