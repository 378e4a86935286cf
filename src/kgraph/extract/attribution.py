"""Attribution: who says (or believes) that an event happened.

A speaker is the subject of a reporting verb whose clausal complement holds the event
("Cho said another test is likely", "X told reporters that..."), of a reporting verb
attached beside the event's clause ("'...,' Cho said" parsed as parataxis), or the object
of "according to X". Reporting verbs are the lexicon's STATEMENT verbs plus verbs of
belief and knowledge (``words.COGNITION``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import subjects
from kgraph.extract.words import COGNITION

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["according_to", "clause_verb", "is_reporting", "speaker"]

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
