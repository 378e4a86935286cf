"""Claims: what someone's statement nouns say ("Trump's claim that...", "his remarks on Saturday").

A noun of saying or stance with a clause of its own, whose possessor (or "by"/"from"
object, or a named modifier: "a New York Times report that...") is an actor, makes a
STATEMENT by that actor about the topics of its phrase: "North Korea's claims that its
test succeeded" → North Korea; "warnings from his attorney that..." → his attorney.

>>> # claim_frames(nlp("Russia's claims that Ukraine built a bomb were rejected.")[:])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.doccache import children, sent_pos_tokens, sent_words, subtree
from kgraph.extract.attribution import topics_in
from kgraph.extract.frames import Frame
from kgraph.extract.participants import is_actor
from kgraph.extract.words import ACTOR_ENTS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["CLAIM_NOUNS", "claim_frames"]

#: Nouns of saying and stance: their owner is the source of what they say.
CLAIM_NOUNS = frozenset(
    {
        "claim",
        "statement",
        "remark",
        "comment",
        "assertion",
        "allegation",
        "argument",
        "contention",
        "insistence",
        "admission",
        "announcement",
        "testimony",
        "tweet",
        "speech",
        "message",
        "promise",
        "pledge",
        "warning",
        "prediction",
        "estimate",
        "conclusion",
        "view",
        "belief",
        "suggestion",
        "accusation",
        "criticism",
        "denial",
        "insinuation",
        "words",
        "word",
        "rhetoric",
        "interview",
        "assessment",
        "finding",
        "forecast",
        "report",
    }
)
_OWNER_PREPS = frozenset({"by", "from"})


def _in_words(noun: Token) -> bool:
    """ "In Trump's words, ...", "in the words of one adviser": a quotation's source."""
    return noun.text.lower() == "words" and noun.dep_ == "pobj" and noun.head.text.lower() == "in"


def _owner(noun: Token) -> Token | None:
    preps = _OWNER_PREPS | ({"of"} if _in_words(noun) else set())
    for child in children(noun):
        if child.dep_ == "poss" and is_actor(child):
            return child
    for child in children(noun):  # "a New York Times report that...", "Russian claims that..."
        if child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ACTOR_ENTS and _says_that(noun):
            return child
    for prep in (c for c in children(noun) if c.dep_ == "prep" and c.text.lower() in preps):
        for pobj in (g for g in children(prep) if g.dep_ == "pobj" and is_actor(g)):
            return pobj
    return None


def _says_that(noun: Token) -> bool:
    """The noun has a clause of its own with a subject: "claims that Ukraine built a bomb"."""
    return any(
        c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.text.lower() not in
                                                    ("which", "that", "who") for g in children(c))
        for c in children(noun)
    )  # fmt: skip


def claim_frames(sent: Span) -> Iterator[Frame]:
    """Yield a STATEMENT frame for each claim noun with an actor owner and a clause in ``sent``."""
    if CLAIM_NOUNS.isdisjoint(sent_words(sent)[1]):
        return
    for token in sent_pos_tokens(sent, "NOUN"):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in CLAIM_NOUNS:
            continue
        if not (_says_that(token) or _in_words(token)):
            continue
        owner = _owner(token)
        if owner is None:
            continue
        skip = {t.i for t in subtree(owner)}
        topics = topics_in([t for t in subtree(token) if t.i not in skip and t.i != token.i], {owner.i})
        yield Frame(token, None, (token,), token.lemma_.lower(), [owner], topics, token, rule="claim",
                    type="STATEMENT", cameo_root="01")  # fmt: skip
