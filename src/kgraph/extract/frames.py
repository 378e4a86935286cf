"""Frames: a predicate with its trigger, type, actors, recipients and object, before moods and dates.

One function per rule: verb predicates (active, passive, light verb + noun, particles,
prepositional objects), event nouns ("protests against X", "talks with X", "Russian
attacks"), "according to X", and "despite the sanctions" (defiance → REJECT).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kgraph.doccache import doc_text, sent_pos_tokens, sent_tokens, sent_words
from kgraph.extract.attribution import (
    according_to,
    inside_quote,
    inverted,
    is_reporting,
    source_finding,
    topics_in,
)
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.participants import (
    direct_objects,
    entity_of,
    find_actor,
    governing_verb,
    is_actor,
    prep_objects,
    subjects,
)
from kgraph.extract.plausible import plausible
from kgraph.extract.typing import Typed, type_noun, type_verb
from kgraph.extract.words import (
    FIRST_SECOND_PERSON,
    FORCES,
    QUANTIFIERS,
    SOURCE_NOUNS,
    UNDERGO,
    VERB_RECIPIENT_PREPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "Frame",
    "as_written",
    "defiance_frames",
    "noun_frames",
    "quote_frames",
    "source_frames",
    "verb_frames",
]

#: Numbers that stand for people in a poll: "73 percent said", "many of whom say".
_SHARES = frozenset({"PERCENT", "CARDINAL"})
_NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_DEEP_PREPS = frozenset({"against", "on", "at", "with", "to", "over", "in", "into"})
_PLACE_TARGET_TYPES = frozenset(
    {"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "SANCTION", "THREATEN"}
)
#: Names before a headline colon that say what it is about, not who speaks ("Peru: Police clash...").
_TOPIC_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "EVENT", "DATE"})
_NOUN_OBJECT_PREPS = frozenset(
    {"on", "against", "over", "with", "to", "into", "toward", "towards", "of", "in"}
)
#: Prepositions of the place a violent or coercive event hits ("struck targets near Damascus").
_PLACE_TARGET_PREPS = frozenset(
    {"in", "at", "on", "into", "of", "near", "across", "around", "outside", "inside"}
)
_NOUN_AGENT_PREPS = frozenset({"by", "between", "among"})
_MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
_DEFIANCE_WORDS = frozenset({"despite", "defying", "defiance"})
_DEFIANCE_NOUNS = frozenset(
    {
        "sanction",
        "warning",
        "demand",
        "call",
        "pressure",
        "criticism",
        "protest",
        "appeal",
        "objection",
        "opposition",
        "ban",
        "embargo",
        "ultimatum",
        "threat",
        "plea",
        "request",
    }
)


@dataclass
class Frame:
    """A predicate read from the parse (mutable while a sentence is processed).

    Attributes:
        head: The trigger's head token.
        typed: The lexicon match, ``None`` for an untyped relation.
        trigger: The trigger's tokens.
        relation: Lemmatised predicate.
        actors: Head tokens of the actors.
        recipients: Head tokens of the recipients.
        obj: Head of the object phrase, when there is one.
        rule: Name of the rule that read it.
        mood: Its mood.
        speaker: Head token of the speaker it is attributed to.
        confidence: 0..1.
        type: PLOVER type or STATEMENT (``None``: untyped).
        cameo_root: Two-digit CAMEO root.
        weak_recipient: The recipient is a plain object phrase, not an actor.
    """

    head: Token
    typed: Typed | None
    trigger: tuple[Token, ...]
    relation: str
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    obj: Token | None = None
    rule: str = ""
    mood: str = "asserted"
    speaker: Token | None = None
    confidence: float = 0.5
    type: str | None = None
    cameo_root: str | None = None
    weak_recipient: bool = False

    def __post_init__(self) -> None:
        if self.typed is not None and self.type is None:
            self.type, self.cameo_root = self.typed.entry


def _actors(tokens: list[Token]) -> list[Token]:
    found = [find_actor(t, depth=2) for t in tokens]
    return list(dict.fromkeys(t for t in found if t is not None))


def recipients_of(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    """Return a verb's recipients: actor objects, actors inside objects, a struck place, a named object."""
    return (
        _recipients(verb, typed, actors) or _place_target(verb, typed) or _named_object(verb, typed, actors)
    )


def _named_object(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    """A named entity that is the object of a typed event ("sabotaged Nord Stream")."""
    if typed is None:
        return []
    owners = [*direct_objects(verb), *(t for _, t in prep_objects(verb) if _ in VERB_RECIPIENT_PREPS)]
    for owner in owners:
        for token in owner.subtree:
            if token.ent_type_ in _NAMED and token.ent_iob_ == "B" and token not in actors:
                return [token]
    return []


def object_phrase(verb: Token, typed: Typed, actors: list[Token]) -> list[Token]:
    """The head of a typed verb's noun-phrase object, when it has no actor recipient.

    "Germany banned recreational cannabis" → cannabis (its phrase is the recipient); not a
    pronoun, number or the event noun of a light verb ("held talks").
    """
    skip = {t.i for a in actors for t in a.subtree}
    for obj in direct_objects(verb):
        if obj == typed.noun or obj.i in skip or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if obj.ent_type_ in _NUMERIC or obj.lemma_.lower() in QUANTIFIERS:
            continue
        return [obj]
    return []


def _recipients(verb: Token, typed: Typed | None, actors: list[Token]) -> list[Token]:
    noun = typed.noun if typed else None
    direct = [t for t in direct_objects(verb) if t != noun and not _moved_force(t, typed)]
    found = [a for a in (find_actor(t, depth=3) for t in direct) if a is not None]
    if noun is not None and not found:
        found = _noun_targets(noun)
    if not found:
        preps = sorted(
            prep_objects(verb), key=lambda p: VERB_RECIPIENT_PREPS.index(p[0]) if p[0] in VERB_RECIPIENT_PREPS else 99
        )
        for prep in (c for c in verb.children if c.dep_ == "prt"):
            preps += list(prep_objects(prep))
        found = [t for p, t in preps if p in VERB_RECIPIENT_PREPS and is_actor(t)][:1]
        if not found:  # "in protest against abuses by the security forces"
            deep = (find_actor(t, depth=3) for p, t in preps if p in _DEEP_PREPS)
            found = [a for a in deep if a is not None][:1]
        found += [c for f in found for c in f.conjuncts if is_actor(c) and c not in found]
    return [t for t in dict.fromkeys(found) if t not in actors]


def _moved_force(obj: Token, typed: Typed | None) -> bool:
    """ "deployed troops to the border": the troops are what is moved, not who is acted on."""
    return typed is not None and typed.entry[0] == "MOBILIZE" and obj.lemma_.lower() in FORCES


def _noun_targets(noun: Token) -> list[Token]:
    """Actors an event noun is aimed at: "sanctions on X", "meeting with X", "invasion of X"."""
    preps = sorted(prep_objects(noun), key=lambda p: VERB_RECIPIENT_PREPS.index(p[0]) if p[0] in VERB_RECIPIENT_PREPS else 50)
    for _, pobj in preps:
        found = find_actor(pobj, depth=3)
        if found is not None:
            return [found, *(c for c in found.conjuncts if is_actor(c))]
    for child in noun.children:  # "sanctions directing on X's exports"
        if child.dep_ == "acl":
            found = next((find_actor(p, depth=3) for _, p in prep_objects(child)), None)
            if found is not None:
                return [found]
    return []


def _place_target(verb: Token, typed: Typed | None) -> list[Token]:
    """For violent or coercive events without a recipient: the place they hit ("curfew in Montenegro")."""
    if typed is None or typed.entry[0] not in _PLACE_TARGET_TYPES:
        return []
    owners = [verb, *([typed.noun] if typed.noun is not None else []), *direct_objects(verb)]
    for owner in owners:
        for prep, pobj in prep_objects(owner, _PLACE_TARGET_PREPS):
            ent = pobj if pobj.ent_type_ in ("GPE", "LOC") else find_actor(pobj, depth=2)
            if ent is not None and ent.ent_type_ in ("GPE", "LOC"):
                return [ent]
    return []


def as_written(verb: Token, actor: Token) -> Token:
    """A speaker is kept as written: "Trump, who said..." → who (the link binds it to Trump)."""
    if verb.dep_ == "relcl" and actor == verb.head:
        pron = next(
            (c for c in verb.children if c.dep_ == "nsubj" and c.text.lower() in ("who", "which", "that")),
            None,
        )
        return pron or actor
    return actor


def _object(verb: Token, typed: Typed | None) -> Token | None:
    if typed is not None and typed.noun is not None:
        return typed.noun
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)


def sources(verb: Token) -> list[Token]:
    """Whoever or whatever a reporting verb has as subject: "his surrogates said", "a new poll shows".

    Reporting verbs take speakers (people, bodies) or sources (documents, media) as subjects,
    so any noun subject is the speaker of the statement; so is a share of a poll ("73 percent said").
    """
    return [
        t
        for t in subjects(verb)
        if (t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _NUMERIC) or t.ent_type_ in _SHARES
    ]


def verb_frame(verb: Token, lexicon: Lexicon, *, untyped: bool = False) -> Frame | None:
    """Read the frame of one verb; ``None`` when it has no actor-like participant at all.

    Args:
        verb: The predicate.
        lexicon: The event lexicon.
        untyped: Also return verbs outside the lexicon that link two actors (plain relations).
    """
    typed = type_verb(verb, lexicon)
    if typed is None and not untyped:
        return None
    statement = typed is not None and typed.entry[0] == "STATEMENT"
    content = {t.i for c in inverted(verb) for t in c.subtree} if statement else set()
    actors = [a for a in _actors(subjects(verb)) if a.i not in content]
    if not actors and typed is not None and not statement:
        actors = _agent_event(verb, lexicon)
    if not actors and statement:
        actors = [a for a in sources(verb) if a.i not in content]
    recipients = recipients_of(verb, typed, actors)
    if typed is None and not (actors and recipients):
        return None
    if not actors and not recipients:
        return None
    if typed is not None and not plausible(verb, typed, actors, recipients, lexicon):
        return None
    weak = False
    if not recipients and typed is not None and not statement and actors:
        recipients = object_phrase(verb, typed, actors)
        weak = bool(recipients)
    if statement:
        actors = [as_written(verb, a) for a in actors]
    trigger = typed.tokens if typed else (verb,)
    relation = typed.relation if typed else verb.lemma_.lower()
    frame = Frame(verb, typed, trigger, relation, actors, recipients, _object(verb, typed), rule="verb")
    frame.weak_recipient = weak
    return frame


def verb_frames(sent: Span, lexicon: Lexicon, *, untyped: bool = False) -> Iterator[Frame]:
    """Yield the frames of the verbs of a sentence (plain relations too when ``untyped``)."""
    for token in sent_pos_tokens(sent, "VERB"):
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
            frame = verb_frame(token, lexicon, untyped=untyped)
            if frame is not None:
                yield frame


def _agent_event(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who did a passive event, read from the event it happened in.

    "Three Palestinians were killed in a shootout with Israeli forces" → Israeli forces;
    "killed in a Russian strike" → Russian.
    """
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and verb.dep_ != "acl":
        return []
    for _, noun in prep_objects(verb, frozenset({"in", "during"})):
        typed = type_noun(noun, lexicon)
        if typed is None or typed.entry[0] == "STATEMENT":
            continue
        actors, _ = _noun_participants(noun, typed.entry[0])
        partners = [t for p, t in prep_objects(noun, frozenset({"with"})) if is_actor(t)]
        return actors or partners[:1]
    return []


#: Nouns of investigation: without someone investigated they are no accusation.
_INQUIRIES = frozenset({"inquiry", "enquiry", "investigation", "probe", "review", "audit", "examination"})
#: Nouns whose place modifier is where they happen: "the Syrian war" is a war in Syria, not by Syrians.
_PLACE_NOUNS = frozenset({"war", "conflict"})


def _noun_participants(noun: Token, kind: str) -> tuple[list[Token], list[Token]]:
    mods = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and is_actor(c)]
    placed = noun.lemma_.lower() in _PLACE_NOUNS
    actors = [c for c in mods if not placed or c.dep_ == "poss"]
    recipients: list[Token] = [c for c in mods if c not in actors]
    for prep, pobj in prep_objects(noun, frozenset({*VERB_RECIPIENT_PREPS, "of", *_NOUN_AGENT_PREPS})):
        if not is_actor(pobj):
            continue
        if prep in _NOUN_AGENT_PREPS or (prep == "of" and kind in _MEETING_TYPES):
            actors.append(pobj)
        elif pobj not in actors:
            recipients.append(pobj)
    return list(dict.fromkeys(actors)), list(dict.fromkeys(recipients))


def noun_frames(sent: Span, lexicon: Lexicon, used: set[int]) -> Iterator[Frame]:
    """Yield frames of event nouns not already read as a verb's object ("protests against X")."""
    for token in sent_pos_tokens(sent, "NOUN"):  # type_noun reads nouns only
        if token.i in used:
            continue
        typed = type_noun(token, lexicon)
        if typed is None or typed.entry[0] == "STATEMENT" or _listed_after(token, typed, lexicon):
            continue
        typed = _with_listed(typed, lexicon)
        actors, recipients = _noun_participants(token, typed.entry[0])
        meeting = typed.entry[0] in _MEETING_TYPES
        verb = governing_verb(token) if meeting or not actors else None
        if verb is not None and verb.lemma_.lower() == "be":
            verb = None  # "the party's aims are an end to the occupation": the party does not occupy
        if verb is not None and type_verb(verb, lexicon) is None:  # "followed by a rocket launch"
            doers = _actors(subjects(verb))
            if verb.lemma_.lower() in UNDERGO:  # "the Kurdish region faces invasion": the region is invaded
                recipients, doers = [*recipients, *doers], []
            if doers and actors:  # "he tried Political Bureau meetings": the bureau is met
                recipients = [*actors, *recipients]
            actors = doers or actors
        if typed.entry[0] == "ACCUSE" and not recipients and token.lemma_.lower() in _INQUIRIES:
            continue  # "our inquiry", "a year-long inquiry by the committee": into nobody named
        weak = bool(actors) and not recipients
        if weak:
            recipients = _noun_object(token, actors)
        if actors or recipients:
            frame = Frame(token, typed, typed.tokens, typed.relation, actors, recipients, token, rule="noun")
            frame.weak_recipient = weak and bool(recipients)
            yield frame


def _noun_object(noun: Token, actors: list[Token]) -> list[Token]:
    """What an event noun with actors but no recipient is about: "Russian strikes on Kyiv's grid" → grid."""
    skip = {t.i for a in actors for t in a.subtree}
    for _, pobj in prep_objects(noun, _NOUN_OBJECT_PREPS):
        if pobj.i not in skip and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in _NUMERIC:
            return [pobj]
    return []


def _listed_after(noun: Token, typed: Typed, lexicon: Lexicon) -> bool:
    """ "dismissals, demotions": a conjoined event noun of the same type is part of the first one."""
    head = noun.head
    if noun.dep_ != "conj":
        return False
    first = type_noun(head, lexicon)
    return first is not None and first.entry == typed.entry


def _with_listed(typed: Typed, lexicon: Lexicon) -> Typed:
    noun = typed.noun
    assert noun is not None
    same = [
        c for c in noun.conjuncts if c.i > noun.i and (t := type_noun(c, lexicon)) and t.entry == typed.entry
    ]
    return replace(typed, tokens=(*typed.tokens, *same)) if same else typed


#: Documents that speak in "In the latest poll, Clinton leads...".
_IN_SOURCES = frozenset({"poll", "survey", "study", "report", "analysis", "data", "memo", "document", "filing"})


def _in_source(sent: Span) -> Token | None:
    """The source of "In this poll, Trump rose 1 point": a document opening the sentence."""
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.text.lower() != "in" or first.head.pos_ not in ("VERB", "AUX"):
        return None
    pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
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
        is_actor(pobj) or (pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in _NUMERIC)
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
    while prev is not None and prev.text in _QUOTES and prev.i >= token.sent.start:
        prev = _near(prev, -1)
    if prev is None or prev.i < token.sent.start:
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


def defiance_frames(sent: Span, lexicon: Lexicon) -> Iterator[Frame]:
    """Yield REJECT frames for "X ... despite Y's sanctions/warnings" (defiance of Y)."""
    if _DEFIANCE_WORDS.isdisjoint(sent_words(sent)[0]):
        return
    for token in sent_tokens(sent):
        if token.text.lower() not in ("despite", "defying", "defiance"):
            continue
        for pobj in (c for c in token.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() not in _DEFIANCE_NOUNS:
                continue
            verb = token.head
            actors = _actors(subjects(verb)) if verb.pos_ in ("VERB", "AUX") else []
            owner = [
                c for c in pobj.children if c.dep_ in ("poss", "compound", "nmod", "amod") and is_actor(c)
            ]
            if actors:
                yield Frame(
                    verb,
                    None,
                    (verb, token),
                    f"defy {pobj.lemma_.lower()}",
                    actors,
                    owner[:1],
                    pobj,
                    rule="defiance",
                    type="REJECT",
                    cameo_root="12",
                )


def reporting_frame_ok(frame: Frame, lexicon: Lexicon) -> bool:
    """A STATEMENT needs a third-person speaker outside any quote; cognition verbs need a clause."""
    if frame.type != "STATEMENT" or frame.rule not in ("verb", "cognition"):
        return True
    if not frame.actors or all(a.text.lower() in FIRST_SECOND_PERSON for a in frame.actors):
        return False
    if inside_quote(frame.head):
        return False
    entry = lexicon.lookup(frame.head.lemma_.lower())
    if entry is None and is_reporting(frame.head, lexicon):
        return any(c.dep_ in ("ccomp", "parataxis") for c in frame.head.children) or source_finding(
            frame.head
        )
    return True
