"""Mood: is the event asserted, negated, future, hypothetical, or reported?

The mood is read along the event's *governing chain*: the trigger, then the words it
depends on through ``xcomp``/``acomp``/``conj`` ("doesn't look willing to back down" →
back, willing, look). Negation anywhere on the chain (or a refusal verb above the
trigger) negates; modals, conditionals and "likely"/"willing" make it hypothetical;
"will", "plan to", "set to" make it future; an event with a speaker and none of these
is reported. Priority: negated > hypothetical > future > reported > asserted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import children, children_by_dep
from kgraph.extract.words import (
    FUTURE_AUX,
    FUTURE_HEADS,
    HYPOTHETICAL_AUX,
    HYPOTHETICAL_WORDS,
    INTENT_HEADS,
    NEGATIVE_HEADS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["chain", "is_intent", "mood", "negated", "wants_future"]

_UP = frozenset({"xcomp", "acomp", "conj", "aux", "auxpass"})
_NOUN_UP = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "pobj", "appos"})


def chain(head: Token) -> list[Token]:
    """Return ``head`` and the words it depends on through complement and conjunction links."""
    out = [head]
    token = head
    if token.pos_ in ("NOUN", "PROPN"):  # "the congress which will be happening"
        out += children_by_dep(token, ("relcl",))
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in _NOUN_UP:
        token = token.head.head if token.dep_ == "pobj" else token.head
        out.append(token)
    while _goes_up(token) and token.head != token:
        token = token.head
        out.append(token)
    return out


def _goes_up(token: Token) -> bool:
    if token.dep_ in _UP:
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in children(token))


def _aux(token: Token) -> set[str]:
    return {c.text.lower() for c in children(token) if c.dep_ in ("aux", "auxpass")}


def negated(tokens: list[Token]) -> bool:
    """Tell whether a chain is negated ("did not attack", "refused to meet", "no talks")."""
    for k, token in enumerate(tokens):
        if token.dep_ == "relcl" and k > 0 and tokens[0].pos_ in ("NOUN", "PROPN"):
            continue  # "a visit which did not include meetings" still happened
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.text.lower() == "no") for c in children(token)):
            return True
        if k > 0 and token.lemma_.lower() in NEGATIVE_HEADS:
            return True
        if token.dep_ == "pcomp" and token.head.text.lower() in ("without", "from"):
            return True  # "without consulting", "barred from entering"
    return False


def _hypothetical(tokens: list[Token]) -> bool:
    for k, token in enumerate(tokens):
        if _aux(token) & HYPOTHETICAL_AUX:
            return True
        if any(
            c.text.lower() in HYPOTHETICAL_WORDS and c.dep_ in ("advmod", "acomp", "mark")
            for c in children(token)
        ):
            return True
        if k > 0 and token.text.lower() in HYPOTHETICAL_WORDS:
            return True
        if token.dep_ == "pcomp" and token.head.text.lower() == "against":
            return True  # "warned the West against sending missiles"
    return False


def wants_future(tokens: list[Token]) -> bool:
    """Tell whether a chain puts the event in the future ("will meet", "plans to visit")."""
    for k, token in enumerate(tokens):
        if _aux(token) & FUTURE_AUX:
            return True
        if k > 0 and token.lemma_.lower() in FUTURE_HEADS:
            return True
    return False


def is_intent(tokens: list[Token]) -> bool:
    """Tell whether the subject states an intention to do the event ("will", "vowed to", "ready to")."""
    if any(_aux(t) & (FUTURE_AUX | {"would"}) for t in tokens):
        return True
    return any(t.lemma_.lower() in INTENT_HEADS or t.text.lower() in INTENT_HEADS for t in tokens[1:])


def mood(head: Token, *, reported: bool = False) -> str:
    """Return the mood of the event triggered by ``head``.

    Args:
        head: The trigger's head token (a verb or an event noun).
        reported: Whether the event is attributed to a speaker.
    """
    tokens = chain(head)
    if negated(tokens):
        return "negated"
    if _hypothetical(tokens):
        return "hypothetical"
    if wants_future(tokens):
        return "future"
    return "reported" if reported else "asserted"
