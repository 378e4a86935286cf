"""Credit lines: a headline or sentence whose source is named after a dash or colon at its end.

News agencies credit a headline to its source after a dash or a colon: "Ships with food
not to leave Ukrainian ports — Turkish defense ministry", "Iran issues first death
sentence after 'riots': Judiciary", "Sunak's rise a 'milestone' - Biden". The name at the
end is the speaker of a STATEMENT whose topics are read from the words before it.

>>> # credit_frames(nlp("Ships not to leave ports — Turkish defense ministry.")[:].sent)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.doccache import sent_of, sent_tokens, sent_words, token_lower
from kgraph.extract.attribution import topics_in
from kgraph.extract.frames import Frame
from kgraph.extract.participants import entity_of
from kgraph.extract.words import SOURCE_NOUNS, actor_nouns

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["credit_frames", "credited"]

_DASHES = frozenset({"―", "—", "–", "--"})
#: Every word ``_separator`` accepts.
_SEPARATORS = _DASHES | {":", "-"}
#: A credit is short: at most this many words after the dash.
_MAX_CREDIT = 6
#: The content before it is at least this many words.
_MIN_CONTENT = 3
_CREDIT_ENTS = frozenset({"PERSON", "ORG", "NORP"})
_NOT_CREDIT = frozenset({"DATE", "TIME", "GPE", "LOC", "EVENT", "WORK_OF_ART", "CARDINAL"})


def _separator(token: Token) -> bool:
    if token.text in _DASHES or token.text == ":":
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text == "-" and bool(token.whitespace_) and before is not None and bool(before.whitespace_)


def _words(tokens: Span | list[Token]) -> list[Token]:
    return [t for t in tokens if not (t.is_punct or t.is_space)]


def _source_head(tail: list[Token]) -> Token | None:
    """The head of a credit: a person, organisation, name, or an actor or source noun."""
    nouns = [t for t in tail if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    last = nouns[-1]
    ent = entity_of(last)
    if ent is not None and ent.label_ in _CREDIT_ENTS:
        return ent.root
    lemma = last.lemma_.lower()
    named = any(t.ent_type_ in _CREDIT_ENTS for t in tail)
    if last.pos_ == "PROPN" or lemma in actor_nouns() or lemma in SOURCE_NOUNS or named:
        return last
    return None


def _headline(sent: Span) -> bool:
    """Credit lines are a headline convention: the document's first sentence, not a question."""
    before = sent.doc[: sent.start]
    return all(t.is_space for t in before) and sent[-1].text != "?" and "?" not in sent.text[-3:]


def _bare(tail: list[Token]) -> bool:
    """A credit is a bare name or title: no article, quote, clause, date or "of" phrase."""
    return not any(
        t.pos_ in ("VERB", "AUX", "DET", "PRON", "ADP", "CCONJ") or t.ent_type_ in _NOT_CREDIT for t in tail
    ) and not any(t.is_quote for t in tail)


def credited(sep: Token) -> Token | None:
    """The source named after ``sep`` when it ends a headline ("... — agency.")."""
    if not _separator(sep):  # cheap test first: `sep.sent` walks the document
        return None
    sent = sent_of(sep)
    if not _headline(sent):
        return None
    tail = _words(sent[sep.i - sent.start + 1 :])
    head = _words(sent[: sep.i - sent.start])
    if not 0 < len(tail) <= _MAX_CREDIT or len(head) < _MIN_CONTENT or not _bare(tail):
        return None
    return _source_head(tail)


def credit_frames(sent: Span) -> Iterator[Frame]:
    """Yield a STATEMENT frame for a sentence credited to a source at its end."""
    if _SEPARATORS.isdisjoint(sent_words(sent)[0]):
        return
    lower = token_lower(sent.doc)
    for token in sent_tokens(sent):
        if lower[token.i] not in _SEPARATORS:  # what credited() tests first, without decoding the word
            continue
        who = credited(token)
        if who is None:
            continue
        topics = topics_in([t for t in sent_tokens(sent) if t.i < token.i], {who.i})[:1]
        yield Frame(
            who, None, (token,), "credit", [who], topics, rule="credit", type="STATEMENT", cameo_root="01"
        )
        return
