"""Attribution: who says (or believes) that an event happened.

A speaker is the subject of a reporting verb whose clausal complement holds the event
("Cho said another test is likely", "X told reporters that..."), of a reporting verb
attached beside the event's clause ("'...,' Cho said" parsed as parataxis), or the object
of "according to X". Reporting verbs are the lexicon's STATEMENT verbs plus verbs of
belief and knowledge (``words.COGNITION``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import entity_of, is_actor, subjects
from kgraph.extract.words import ACTOR_ENTS
from kgraph.extract.words import COGNITION

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["according_to", "clause_verb", "is_reporting", "speaker", "statement_topics"]

_MAX_TOPICS = 3

_CONTENT = frozenset({"ccomp", "parataxis"})


def is_reporting(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether ``token`` is a reporting verb ("said", "told", "believes")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    entry = lexicon.lookup(lemma)
    return (entry is not None and entry[0] == "STATEMENT") or lemma in COGNITION


def clause_verb(token: Token) -> Token:
    """Return the verb of the clause ``token`` belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT" and token.head != token:
        token = token.head
    return token


def according_to(sent: Span) -> Token | None:
    """Return the object of "according to X" in a sentence, if any."""
    for token in sent:
        if token.lower_ == "according":
            for to in (c for c in token.children if c.lower_ == "to"):
                pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _reporter_above(head: Token, lexicon: Lexicon) -> Token | None:
    """Climb from ``head``; return the first reporting verb reached through a content link."""
    child, token = head, head.head
    while token != child:
        if child.dep_ in _CONTENT and is_reporting(token, lexicon):
            return token
        child, token = token, token.head
    return None


def _reporter_beside(head: Token, lexicon: Lexicon) -> Token | None:
    """A reporting verb hanging off the event's clause: "'We will attack,' he said" (parataxis)."""
    verb = clause_verb(head)
    for child in verb.children:
        if child.dep_ in ("parataxis",) and is_reporting(child, lexicon):
            return child
    return None


def speaker(head: Token, lexicon: Lexicon) -> Token | None:
    """Return the head token of the speaker an event is attributed to, or ``None``."""
    reporter = _reporter_above(head, lexicon) or _reporter_beside(head, lexicon)
    if reporter is not None:
        found = subjects(reporter)
        if found:
            return found[0]
    return according_to(head.sent)


def _content(frame_head: Token, rule: str) -> list[Token]:
    """The tokens of what a speaker said: the reporting verb's clause, or the rest of the sentence."""
    if rule == "according_to":
        skip = {t.i for t in frame_head.subtree}
        return [t for t in frame_head.sent if t.i not in skip]
    clauses = [c for c in frame_head.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
    if frame_head.dep_ in ("parataxis", "ccomp") and not clauses:  # "'...,' Cho said" parsed upside down
        skip = {t.i for t in frame_head.subtree}
        return [t for t in frame_head.head.subtree if t.i not in skip]
    return [t for c in clauses for t in c.subtree]


def statement_topics(frame: Any) -> list[Token]:
    """Return the actors a statement is about: named actors and actor subjects of its content.

    CAMEO codes a statement with the actor it is about as its target ("Russian tactics are
    'crazy', says Zelensky" → Zelensky → Russian).
    """
    found: list[Token] = []
    speakers = {i for a in frame.actors for i in range(a.i, a.i + 1)}
    for token in _content(frame.head, frame.rule):
        ent = entity_of(token)
        head = ent.root if ent is not None and ent.label_ in ACTOR_ENTS else None
        if head is None and token.dep_ in ("nsubj", "nsubjpass", "dobj") and is_actor(token) and token.pos_ != "PRON":
            head = token
        if head is not None and head.i not in speakers and head not in found:
            found.append(head)
    return found[:_MAX_TOPICS]
