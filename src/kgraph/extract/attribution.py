"""Attribution: who says (or believes) that an event happened.

A speaker is the subject of a reporting verb whose clausal complement holds the event
("Cho said another test is likely", "X told reporters that..."), of a reporting verb
attached beside the event's clause ("'...,' Cho said" parsed as parataxis), or the object
of "according to X". Reporting verbs are the lexicon's STATEMENT verbs plus verbs of
belief and knowledge (``words.COGNITION``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.doccache import (
    child_deps,
    children,
    children_by_dep,
    doc_text,
    doc_tokens,
    first_child,
    sent_of,
    sent_tokens,
    sent_words,
    subtree,
    subtree_indices,
)
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import across_paragraphs, entity_of, is_actor, subjects
from kgraph.extract.words import ACTOR_ENTS, COGNITION, SOURCE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "according_to",
    "clause_verb",
    "inside_quote",
    "inverted",
    "is_press",
    "is_reporting",
    "reported",
    "source_finding",
    "speaker",
    "speaking_subjects",
    "statement_targets",
    "statement_topics",
    "topics_in",
]

_MAX_TOPICS = 4
_TOPIC_ENTS = frozenset({*ACTOR_ENTS, "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

_CONTENT = frozenset({"ccomp", "parataxis"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Hearers who pass a statement on rather than being its target ("told reporters", "told AFP").
_PRESS = frozenset(
    {"reporter", "journalist", "press", "media", "correspondent", "newsman", "afp", "reuters", "ap", "tass",
     "xinhua", "interfax", "ria", "anadolu", "bloomberg", "efe", "ansa", "yonhap", "kyodo", "irna", "bernama"}
)  # fmt: skip
#: Verbs a document or medium "says" with: "the poll shows", "the study found".
_FINDING = frozenset({"show", "find", "document", "highlight", "reveal", "suggest", "indicate"})


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


def inside_quote(token: Token) -> bool:
    """Tell whether ``token`` is inside a quotation opened earlier in its paragraph.

    "'People say, ...'" inside someone else's quote is not a statement kgraph reports.
    """
    text = doc_text(token.doc)
    seg = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
    if "“" in seg or "”" in seg:
        return seg.count("“") > seg.count("”")
    return (seg.count('"') + seg.count("''")) % 2 == 1  # ''...'' is how some papers write a quote


def according_to(sent: Span) -> Token | None:
    """Return the object of "according to X" in a sentence, if any."""
    if "according" not in sent_words(sent)[0]:
        return None
    for token in sent_tokens(sent):
        if token.text.lower() == "according":
            for to in (c for c in children(token) if c.text.lower() == "to"):
                pobj = first_child(to, ("pobj",)) or _misread_object(to)
                if pobj is not None:
                    return pobj
    return None


def _misread_object(to: Token) -> Token | None:
    """ "according to show insiders" read as a verb and its object: the noun that ends the phrase."""
    verb = next((g for g in to.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
    if verb is None or any(c.dep_ == "aux" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _reporter_above(head: Token, lexicon: Lexicon) -> Token | None:
    """Climb from ``head``; return the first reporting verb reached through a content link."""
    child, token = head, head.head
    while token != child:
        if child.dep_ in _CONTENT and is_reporting(token, lexicon):
            return token
        child, token = token, token.head
    return None


def reported(verb: Token, lexicon: Lexicon) -> bool:
    """The verb is what someone is reported to say or believe: "Trump said he believes...", "...said the
    videos show"."""
    return _reporter_above(verb, lexicon) is not None


def _reporter_beside(head: Token, lexicon: Lexicon) -> Token | None:
    """A reporting verb hanging off the event's clause: "'We will attack,' he said" (parataxis)."""
    verb = clause_verb(head)
    for child in children(verb):
        if child.dep_ in ("parataxis",) and is_reporting(child, lexicon):
            return child
    return None


def inverted(verb: Token) -> list[Token]:
    """The subjects before an inverted reporting verb: "Russian tactics 'crazy', says Zelensky".

    A headline or quote that ends in "says X" is often parsed with its content as a second
    subject; when a subject follows the verb, the subjects before it are what was said.
    """
    own = [c for c in children_by_dep(verb, ("nsubj", "nsubjpass")) if not across_paragraphs(verb, c)]
    if not any(c.i > verb.i for c in own):
        return []
    return [c for c in own if c.i < verb.i]


def source_finding(verb: Token) -> bool:
    """A document or medium that shows or finds something: "Polls show a close contest"."""
    if verb.lemma_.lower() not in _FINDING or {"dobj", "ccomp"}.isdisjoint(child_deps(verb)):
        return False
    return any(t.lemma_.lower() in SOURCE_NOUNS or t.lemma_.lower() == "polling" for t in subjects(verb))


def speaking_subjects(verb: Token) -> list[Token]:
    """The subjects of a reporting verb that speak (the content of an inverted report left out)."""
    content = {i for c in inverted(verb) for i in subtree_indices(c)}
    return [t for t in subjects(verb) if t.i not in content]


def _relative(verb: Token, subject: Token) -> Token:
    """ "Trump, who said Iran attacked": the speaker is written "who" (the link binds it to Trump)."""
    if verb.dep_ == "relcl" and subject == verb.head:
        return next(
            (c for c in children(verb) if c.dep_ == "nsubj" and c.text.lower() in ("who", "which")), subject
        )
    return subject


def speaker(head: Token, lexicon: Lexicon) -> Token | None:
    """Return the head token of the speaker an event is attributed to, or ``None``."""
    reporter = _reporter_above(head, lexicon) or _reporter_beside(head, lexicon)
    outer = reporter
    while outer is not None and lexicon.lookup(outer.lemma_.lower()) is None:  # "X said he believes...": X's
        reporter, outer = outer, _reporter_above(outer, lexicon)
    reporter = outer or reporter
    if reporter is not None:
        found = speaking_subjects(reporter)
        if found:
            return _relative(reporter, found[0])
    return according_to(sent_of(head))


def _content(frame_head: Token, rule: str) -> list[Token]:
    """The tokens of what a speaker said: the reporting verb's phrase minus its subject."""
    if rule == "according_to":
        skip = set(subtree_indices(frame_head))
        return [t for t in sent_of(frame_head) if t.i not in skip]
    if frame_head.dep_ in ("parataxis", "ccomp") and not any(
        c.dep_ in ("ccomp", "dobj") for c in children(frame_head)
    ):
        skip = set(subtree_indices(frame_head))  # "'...,' Cho said" parsed upside down
        return [t for t in subtree(frame_head.head) if t.i not in skip]
    speakers = children_by_dep(frame_head, ("nsubj", "nsubjpass", "agent"))
    skip = {i for c in speakers for i in subtree_indices(c)}
    skip.add(frame_head.i)
    tokens = doc_tokens(frame_head.doc)  # the subtree's indices: no Token read for its .i
    return [tokens[i] for i in subtree_indices(frame_head) if i not in skip]


def _topic(token: Token) -> Token | None:
    ent = entity_of(token)
    if ent is not None:
        return ent.root if ent.label_ in _TOPIC_ENTS else None
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and is_actor(token) and token.pos_ != "PRON":
        return token
    return None


def _noun_topic(tokens: list[Token]) -> list[Token]:
    """The first noun subject or object of a statement with no actor topic ("Even nuns watch porn, Pope says")."""
    for deps in (("nsubj", "nsubjpass", "dobj"), ("attr", "pobj")):
        for token in tokens:
            if token.dep_ in deps and token.pos_ in ("NOUN", "PROPN") and not token.ent_type_:
                return [token]
    return []


def topics_in(tokens: list[Token], speakers: set[int]) -> list[Token]:
    """The topics (named entities, actor subjects and objects) among ``tokens``, at most four.

    A topic inside another ("IRGC" in "IRGC intelligence officer") or named again ("Argentina ...
    Argentina") is one topic.
    """
    found: list[Token] = []
    for token in tokens:
        head = _topic(token)
        if head is None or head.i in speakers or any(_same_topic(head, f) for f in found):
            continue
        found.append(head)
    return found[:_MAX_TOPICS] or [t for t in _noun_topic(tokens) if t.i not in speakers]


def _same_topic(a: Token, b: Token) -> bool:
    if a == b or a.text.lower() == b.text.lower():
        return True
    return (a.head == b and a.dep_ in _MODIFIER_DEPS) or (b.head == a and b.dep_ in _MODIFIER_DEPS)


def is_press(token: Token) -> bool:
    """Tell whether ``token`` names the press or a news agency, the channel of a statement.

    >>> # is_press(token) holds for "reporters" in "Peskov told reporters" and for "AFP"
    """
    return token.lemma_.lower() in _PRESS or token.text.lower() in _PRESS


def statement_topics(frame: Any) -> list[Token]:
    """Return what a statement is about: named entities and actor subjects/objects of its content.

    CAMEO codes a statement with the actor it is about as its target ("Russian tactics are
    'crazy', says Zelensky" → Zelensky → Russian).
    """
    content = _content(frame.head, frame.rule)
    if frame.rule == "verb":  # "Russian tactics 'crazy', says Zelensky": the tactics were said
        content = [t for c in inverted(frame.head) for t in subtree(c)] + content
    return [t for t in topics_in(content, {a.i for a in frame.actors}) if not is_press(t)]


def statement_targets(frame: Any) -> list[Token]:
    """Whom a statement is addressed to and what it is about, the press left out.

    "Vucic told the NATO chief that Pristina violates the agreement" → the NATO chief and
    Pristina; "Peskov told reporters that..." → what he said it about.
    """
    heard = [r for r in frame.recipients if not is_press(r)]
    found = dict.fromkeys([*heard, *statement_topics(frame)])
    return [t for t in found if not _setting(t, frame.head)]


def _setting(token: Token, verb: Token) -> bool:
    """Where or through what something was said ("said on Telegram", "spoke at the White House")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.head == verb and prep.text.lower() in ("at", "in", "on", "during")
