"""Speakers no reporting verb introduces: "according to X", "as X put it", a poll opening a sentence,
a quote signed with a dash ('"..." ― Name') and a name before a colon ("PENCE: Well, ...").

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


def _as_put(sent: Span) -> Iterator[tuple[Token, Token]]:
    """ "..., as a Homeland Security memo put it", "As Ms. Simonyan put it, ...": ``(put, speaker)``."""
    if "put" not in sent_words(sent)[1]:
        return
    for verb in sent_tokens(sent):
        if verb.lemma_.lower() != "put" or verb.pos_ != "VERB":
            continue
        deps = {(c.dep_, c.text.lower()) for c in verb.children}
        who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if ("dobj", "it") in deps and ("mark", "as") in deps and who is not None:
            yield verb, who


def source_frames(sent: Span) -> Iterator[Frame]:
    """Yield a STATEMENT frame for "according to X" (a speaker or a source: "according to the poll"),
    for "as X put it" and for a document opening a sentence ("In the latest poll, ...")."""
    for put, who in _as_put(sent):
        yield Frame(
            put, None, (put,), "put it", [who], rule="according_to", type="STATEMENT", cameo_root="01"
        )
    source = _in_source(sent)
    if source is not None:
        yield Frame(source.head, None, (source.head, source), "in source", [source], rule="according_to",
                    type="STATEMENT", cameo_root="01")  # fmt: skip
    pobj = according_to(sent)
    if pobj is not None and (
        is_actor(pobj) or (pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in NUMERIC_ENTS)
    ):
        to = pobj.head if pobj.dep_ == "pobj" else pobj.head.head  # "according to show insiders" misread
        according = to.head
        yield Frame(
            according,
            None,
            (according, to),
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


def _glued_dash(token: Token) -> bool:
    """A closing quote and a dash written together ('..."― Name') and read as one token."""
    return len(token.text) > 1 and token.text[0] in _QUOTES and token.text[1:] in _DASHES


def _signed(dash: Token) -> Token | None:
    """'"..." ― Name': the name after a dash that follows a closing quote."""
    before, after = (dash, _near(dash, 1)) if _glued_dash(dash) else (_near(dash, -1), _near(dash, 1))
    if before is None or after is None or not _name_like(after):
        return None
    if before.text not in _QUOTES and not _glued_dash(before):
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
     "warning", "summary", "listen", "read", "more", "related", "here", "why", "how", "what", "photo", "confirmed",
     "revealed", "pictured", "gallery", "graphic", "map", "chart"}
)  # fmt: skip


def _headline_name(token: Token) -> bool:
    """A capitalised word opening a line before a colon that is not a headline label ("Sanders: ...")."""
    return token.text[:1].isupper() and token.text.isalpha() and token.text.lower() not in _LABELS


def _named_again(name: Token, said: list[Token]) -> bool:
    """The headline's subject named again after its colon ("Svalbard: The race to save Svalbard"),
    unless what follows is a quotation ("Kirchner: 'Kirchner will not run'")."""
    first = next((t for t in said if not t.is_space), None)
    if first is None or first.text in _QUOTES:
        return False
    return any(t.text == name.text and t.i != name.i for t in said)


def _line_start(token: Token) -> bool:
    """Nothing but quotation marks between ``token`` and the start of its line or sentence."""
    prev = _near(token, -1)
    while prev is not None and prev.text in _QUOTES and prev.i >= sent_of(token).start:
        prev = _near(prev, -1)
    if prev is None or prev.i < sent_of(token).start:
        return True
    gap = doc_text(token.doc)[prev.idx + len(prev.text) : token.idx]
    return "\n" in gap or (prev.text in (".", ":", ")", "?", "!") and "  " in gap + " ")


#: A closing quote glued to a dash, one word: '"―'.
_GLUED = frozenset(q + d for q in _QUOTES for d in _DASHES)


def quote_frames(sent: Span) -> Iterator[Frame]:
    """Yield STATEMENT frames for quotes signed with a dash ('"..." ― Name') or led by 'NAME:'."""
    words = sent_words(sent)[0]
    if _QUOTE_MARKS.isdisjoint(words) and _GLUED.isdisjoint(words):
        return
    for token in sent_tokens(sent):
        if token.text in _DASHES or _glued_dash(token):
            who = _signed(token)
        elif token.text == ":":
            who = _announced(token)
        else:
            continue
        if who is not None:
            said = [
                t for t in sent_tokens(sent) if (t.i > token.i) == (token.text == ":")
            ]  # after "NAME:", before "― Name"
            if token.text == ":" and _named_again(who, said):
                continue
            topics = topics_in(said, {who.i})
            yield Frame(
                who, None, (token,), "quote", [who], topics, rule="quote", type="STATEMENT", cameo_root="01"
            )
