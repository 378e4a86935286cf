"""Dependency-based extraction of subject–relation–object events (the first, simple rules).

One small function per rule: find the predicates of a sentence, their subjects and
objects, expand each to a mention, type the predicate with the lexicon, read its mood.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.ids import event_id
from kgraph.model import Document, Event, Evidence, Mention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract"]

_SUBJ = {"nsubj", "csubj"}
_OBJ = {"dobj", "dative", "attr", "oprd"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_FUTURE = {"will", "shall", "'ll"}
_HYPOTHETICAL = {"could", "might", "may", "would", "should", "can"}


def extract(doc: Doc, document: Document, *, lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """Return the events of a parsed document, participants not yet linked.

    Args:
        doc: The spaCy Doc of ``document.text``.
        document: The document (its id goes into every mention and evidence).
        lexicon: The event lexicon (the built-in one by default).
    """
    lexicon = lexicon or load_lexicon()
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        for verb in _predicates(sent):
            event = _event(verb, sent, index, document.id, lexicon)
            if event is not None:
                events.append(event)
    return tuple(events)


def _predicates(sent: Span) -> Iterator[Token]:
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            yield token


def _event(verb: Token, sent: Span, index: int, doc_id: str, lexicon: Lexicon) -> Event | None:
    subjects = _subjects(verb)
    objects = _objects(verb)
    if not subjects and not objects:
        return None
    noun = objects[0].lemma_.lower() if objects else None
    typed = (lexicon.lookup(verb.lemma_.lower(), noun) if noun else None) or lexicon.lookup(verb.lemma_.lower())
    relation = " ".join(x for x in (verb.lemma_.lower(), noun) if x)
    trigger = _mention(verb.doc[verb.i : verb.i + 1], doc_id, index, "VERB")
    actors = tuple(Participant(_expand(t, doc_id, index)) for t in subjects)
    recipients = tuple(Participant(m) for m in (_recipient(t, doc_id, index) for t in objects) if m)
    return Event(
        id=event_id(doc_id, trigger.start, trigger.end, relation),
        relation=relation,
        type=typed[0] if typed else None,
        cameo_root=typed[1] if typed else None,
        actor=actors,
        recipient=recipients,
        evidence=Evidence(doc_id, index, sent.text, sent.start_char, sent.end_char, trigger),
        object_text=_subtree_text(objects[0]) if objects else None,
        mood=_mood(verb),
        confidence=0.5 + (0.2 if typed else 0.0) + (0.1 if actors and recipients else 0.0),
        rule="svo",
    )


def _subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _SUBJ]
    found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return found + [c for s in found for c in s.conjuncts]


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _OBJ or c.dep_ == "nsubjpass"]
    found += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return found + [c for o in found for c in o.conjuncts]


def _recipient(token: Token, doc_id: str, index: int) -> Mention | None:
    if token.ent_type_ in _ACTOR_ENTS or token.pos_ == "PROPN":
        return _expand(token, doc_id, index)
    for inner in token.subtree:  # "sanctions on North Korea's exports" → North Korea
        if inner.ent_type_ in _ACTOR_ENTS and inner.ent_iob_ == "B":
            return _expand(inner, doc_id, index)
    return None


def _expand(token: Token, doc_id: str, index: int) -> Mention:
    doc = token.doc
    if token.ent_type_:
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        return _mention(ent, doc_id, index, ent.label_)
    left = min((c.i for c in token.lefts if c.dep_ in ("compound", "amod", "det", "poss")), default=token.i)
    return _mention(doc[left : token.i + 1], doc_id, index, "PRON" if token.pos_ == "PRON" else "NOUN")


def _mention(span: Span, doc_id: str, index: int, label: str) -> Mention:
    return Mention(doc_id, span.start_char, span.end_char, span.text, label, index)


def _subtree_text(token: Token) -> str:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1].text


def _mood(verb: Token) -> str:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg", "auxpass")}
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    if words & _FUTURE:
        return "future"
    if words & _HYPOTHETICAL:
        return "hypothetical"
    return "asserted"
