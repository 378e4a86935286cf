"""Untyped relations kept in the graph: appositions (roles) and copulas.

"Cho Min, a former vice president of the Korea Institute" → ``be vice president of``
(Cho Min → Korea Institute); "Kim is the leader of North Korea" → ``be leader of``.
Both are untyped (``type`` ``None``): they say who someone is, not what happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.doccache import (
    children,
    children_by_dep,
    doc_tokens,
    first_child,
    sent_words,
    token_dep,
    token_lemma,
)
from kgraph.extract.frames import Frame
from kgraph.extract.participants import find_actor, is_actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["relation_frames", "role_frame"]


def _role_target(noun: Token) -> Token | None:
    """The actor a role noun is about: "president of X", "X's president", "a X official"."""
    for prep in (
        c for c in children(noun) if c.dep_ == "prep" and c.text.lower() in ("of", "at", "for", "in")
    ):
        for pobj in children_by_dep(prep, ("pobj",)):
            found = find_actor(pobj, depth=2)
            if found is not None:
                return found
    return next((c for c in children(noun) if c.dep_ in ("poss", "compound") and c.ent_type_), None)


def role_frame(person: Token, noun: Token, rule: str, trigger: tuple[Token, ...]) -> Frame | None:
    """Return a ``be <role> of`` frame linking ``person`` to the actor of the role noun."""
    target = _role_target(noun)
    if target is None or not is_actor(person):
        return None
    relation = f"be {noun.lemma_.lower()} of"
    return Frame(noun, None, trigger, relation, [person], [target], noun, rule=rule)


def relation_frames(sent: Span) -> Iterator[Frame]:
    """Yield role frames for appositions and copulas of a sentence."""
    words = sent_words(sent)
    if "be" not in words[1] and "appos" not in words[3]:  # no copula, no apposition
        return
    tokens, lemma, dep = doc_tokens(sent.doc), token_lemma(sent.doc), token_dep(sent.doc)
    for i in range(sent.start, sent.end):
        if dep[i] != "appos" and lemma[i] != "be":  # (lowercased) neither rule can fire
            continue
        token, frame = tokens[i], None
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.ent_type_ == "PERSON":
            frame = role_frame(token.head, token, "appos", (token,))
        elif token.lemma_ == "be" and token.dep_ in ("ROOT", "ccomp", "conj"):
            subj = first_child(token, ("nsubj",))
            attr = next((c for c in children(token) if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if subj is not None and attr is not None:
                frame = role_frame(subj, attr, "copula", (token, attr))
        if frame is not None:
            yield frame
