"""Actors a headline or a phrase lists: "Russia urges Armenia, Azerbaijan", "leaders of X, Y and Z".

Conjuncts ("A and B") come from the parse; this module adds names joined by a bare comma
(which headlines use for "and", and which parsers read as appositions or hang on the verb)
and the named owners of a group noun ("leaders from Germany, Canada and Japan": one actor a
country, as event coders write them). A place and its larger place ("in Necochea, Argentina")
is no list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import children, entity_of, first_child, subtree
from kgraph.extract.words import ACTOR_ENTS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["comma_listed", "listed_before", "listed_owners", "with_conjuncts"]


def listed_owners(token: Token) -> list[tuple[int, int, str]]:
    """The named actors of "leaders of/from X, Y and Z" when two or more are listed."""
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.text.lower() in ("of", "from")):
        pobj = first_child(prep, ("pobj",))
        if pobj is None or pobj.ent_type_ not in ACTOR_ENTS:
            continue
        names = [t for t in (pobj, *pobj.conjuncts, *comma_listed(pobj)) if t.ent_type_ in ACTOR_ENTS]
        spans = sorted({(s.start, s.end, s.label_) for s in map(entity_of, names) if s is not None})
        if len(spans) > 1:
            return spans
    return []


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the names listed with each (before it, its conjuncts, comma-listed after it)."""
    out: list[Token] = []
    for token in tokens:
        for t in (*listed_before(token), token, *token.conjuncts, *comma_listed(token)):
            if t not in out and (t.i >= token.i or t in listed_before(token)):
                out.append(t)
    return out


#: Names a comma lists as "and" does in headlines: "Russia urges Armenia, Azerbaijan", "UN, Turkey, Ukraine agree".
_LISTED_ENTS = frozenset({"GPE", "ORG", "PERSON", "NORP"})
#: Prepositions of place: "in Necochea, Argentina" is a town and its country, not two actors.
_PLACE_PREPS = frozenset({"in", "at", "near", "off", "from", "outside", "inside", "across", "around", "of"})


def _bare_name(token: Token) -> bool:
    """A named actor standing alone: no determiner, number or clause, just its name (and names listed)."""
    ent = entity_of(token)
    if ent is None or ent.label_ not in _LISTED_ENTS or token.pos_ != "PROPN":
        return False
    return all(
        c.dep_ in ("compound", "punct", "appos", "cc", "conj") or (c.dep_ in _LIST_DEPS and c.pos_ == "PROPN")
        for c in children(token)
    )


#: How a parser hangs the first names of a headline list on the last one or on its verb.
_LIST_DEPS = frozenset({"dep", "nmod", "npadvmod"})


def comma_listed(token: Token) -> list[Token]:
    """Names joined to ``token`` by a bare comma, read as "and": "Armenia, Azerbaijan" (parsed as an
    apposition) → Azerbaijan. Not a place's larger place ("in Necochea, Argentina")."""
    if not _bare_name(token) or (token.dep_ == "pobj" and token.head.text.lower() in _PLACE_PREPS):
        return []
    out = []
    for child in children(token):
        comma = token.doc[child.i - 1] if child.i > 0 else None
        if child.dep_ == "appos" and comma is not None and comma.text == "," and _bare_name(child):
            out += [child, *comma_listed(child)]
    return out


def listed_before(subject: Token) -> list[Token]:
    """Names listed before a subject, hung on it or on its verb: "Biden, Xi to meet" (Biden a ``dep``),
    "UN, Turkey, Ukraine agree" (UN an ``nmod`` of Ukraine, Turkey in apposition to UN)."""
    ent = entity_of(subject)
    if subject.dep_ not in ("nsubj", "nsubjpass") or ent is None or not _bare_name(subject):
        return []
    out = []
    for first in (*children(subject.head), *children(subject)):
        if first.dep_ not in _LIST_DEPS or first.i >= ent.start or not _bare_name(first):
            continue
        last = max(t.i for t in subtree(first) if not t.is_punct)
        if subject.doc[last + 1].text == "," and last + 2 == ent.start:
            out += [first, *comma_listed(first)]
    return out
