"""Speakers no reporting verb introduces: "according to X", a poll opening a sentence, a quote
signed with a dash ('"..." ― Name') and a name before a colon ("PENCE: Well, ...").

Each yields a STATEMENT frame whose actor is the speaker or source.

>>> # quote_frames(nlp('"We will win." ― Jill Stein')[:]) yields a STATEMENT by Jill Stein
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.doccache import doc_text, first_child, sent_of, sent_tokens, sent_words
from kgraph.extract.attribution import according_to, topics_in
from kgraph.extract.frames import Frame
from kgraph.extract.participants import entity_of, is_actor
from kgraph.extract.words import NUMERIC_ENTS, SOURCE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["quote_frames", "source_frames"]

#: Names before a headline colon that say what it is about, not who speaks ("Peru: Police clash...").
_TOPIC_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "EVENT", "DATE"})


#: Documents that speak in "In the latest poll, Clinton leads...".
_IN_SOURCES = frozenset({"poll", "survey", "study", "report", "analysis", "data", "memo", "document", "filing"})


def _in_source(sent: Span) -> Token | None:
    """The source of "In this poll, Trump rose 1 point": a document opening the sentence."""
    if "in" not in sent_words(sent)[0]:
        return None
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.text.lower() != "in" or first.head.pos_ not in ("VERB", "AUX"):
        return None
    pobj = first_child(first, ("pobj",))
    if pobj is None or pobj.lemma_.lower() not in _IN_SOURCES or is_reporting_head(first.head):
        return None
    return pobj


def is_reporting_head(verb: Token) -> bool:
    """The sentence is already a report ("In a statement, X said"): its own speaker speaks."""
    return verb.lemma_.lower() in ("say", "tell", "report", "write", "add", "note", "show", "find")


def source_frames(sent: Span) -> Iterator[Frame]:
    """Yield a STATEMENT frame for "according to X" (a speaker or a source: "according to the poll")
    and for a document opening a sentence ("In the latest poll, ...")."""
    source = _in_source(sent)
    if source is not None:
        yield Frame(source.head, None, (source.head, source), "in source", [source], rule="according_to",
                    type="STATEMENT", cameo_root="01")  # fmt: skip
    pobj = according_to(sent)
    if pobj is not None and (
        is_actor(pobj) or (pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in NUMERIC_ENTS)
    ):
        according = pobj.head.head
        yield Frame(
            according,
            None,
            (according, pobj.head),
            "according to",
            [pobj],
            rule="according_to",
            type="STATEMENT",
            cameo_root="01",
        )


_DASHES = frozenset({"―", "—", "–", "--"})
_QUOTES = frozenset({'"', "”", "''", "“", "’", "‘", "'"})
_QUOTE_MARKS = _DASHES | {":"}


def _near(token: Token, step: int) -> Token | None:
    """The next token in direction ``step`` that is not white space."""
    i = token.i + step
    while 0 <= i < len(token.doc) and token.doc[i].is_space:
        i += step
    return token.doc[i] if 0 <= i < len(token.doc) else None


def _name_like(token: Token) -> bool:
    return (
        token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PROPN" or token.lemma_.lower() in SOURCE_NOUNS
    )


def _signed(dash: Token) -> Token | None:
    """'"..." ― Name': the name after a dash that follows a closing quote."""
    before, after = _near(dash, -1), _near(dash, 1)
    if before is None or after is None or before.text not in _QUOTES or not _name_like(after):
        return None
    ent = entity_of(after)
    return ent.root if ent is not None else after


def _announced(colon: Token) -> Token | None:
    """'PENCE: Well, ...', 'Poll: ...': a name alone before a colon at the start of a sentence."""
    name = _near(colon, -1)
    if name is None or name.text.lower() in _LABELS or not (_name_like(name) or _headline_name(name)):
        return None
    ent = entity_of(name)
    if ent is not None and ent.label_ in _TOPIC_ENTS:  # "Ukraine: UNESCO using satellites...": a topic
        return None
    first = ent.start if ent is not None else name.i
    if not _line_start(colon.doc[first]) or colon.i - first > 4:
        return None
    return ent.root if ent is not None and ent.end <= colon.i else name


#: Words that label a headline rather than name a speaker ("Analysis: ...", "Live: ...").
_LABELS = frozenset(
    {"analysis", "exclusive", "update", "updated", "watch", "opinion", "live", "explainer", "editorial",
     "breaking", "factbox", "timeline", "photos", "video", "review", "interview", "comment", "correction",
     "quiz", "podcast", "obituary", "profile", "letters", "background", "recap", "transcript", "note",
     "warning", "summary", "listen", "read", "more", "related", "here", "why", "how", "what"}
)  # fmt: skip


def _headline_name(token: Token) -> bool:
    """A capitalised word opening a line before a colon that is not a headline label ("Sanders: ...")."""
    return token.text[:1].isupper() and token.text.isalpha() and token.text.lower() not in _LABELS


def _line_start(token: Token) -> bool:
    """Nothing but quotation marks between ``token`` and the start of its line or sentence."""
    prev = _near(token, -1)
    while prev is not None and prev.text in _QUOTES and prev.i >= sent_of(token).start:
        prev = _near(prev, -1)
    if prev is None or prev.i < sent_of(token).start:
        return True
    gap = doc_text(token.doc)[prev.idx + len(prev.text) : token.idx]
    return "\n" in gap or (prev.text in (".", ":", ")", "?", "!") and "  " in gap + " ")


def quote_frames(sent: Span) -> Iterator[Frame]:
    """Yield STATEMENT frames for quotes signed with a dash ('"..." ― Name') or led by 'NAME:'."""
    if _QUOTE_MARKS.isdisjoint(sent_words(sent)[0]):
        return
    for token in sent_tokens(sent):
        if token.text in _DASHES:
            who = _signed(token)
        elif token.text == ":":
            who = _announced(token)
        else:
            continue
        if who is not None:
            said = [
                t for t in sent_tokens(sent) if (t.i > token.i) == (token.text == ":")
            ]  # after "NAME:", before "― Name"
            topics = topics_in(said, {who.i})
            yield Frame(
                who, None, (token,), "quote", [who], topics, rule="quote", type="STATEMENT", cameo_root="01"
            )
