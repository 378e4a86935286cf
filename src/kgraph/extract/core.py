"""Extraction: a parsed spaCy ``Doc`` → events, one sentence at a time.

For each sentence: read frames (verbs, event nouns, "according to", defiance), let a
typed head absorb its infinitive or clausal complement ("agreed to cooperate" is one
AGREE), attach speaker and mood, derive intent/refusal/demand events, score, and build
frozen events.

>>> # extract(nlp("The UN Security Council passed sanctions on North Korea."), document)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kgraph.doccache import (
    child_deps,
    children,
    children_by_dep,
    doc_sents,
    sent_of,
    sent_pos_tokens,
    sent_words,
)
from kgraph.extract.attribution import (
    inside_quote,
    is_press,
    is_reporting,
    reported,
    source_finding,
    speaker,
    statement_targets,
)
from kgraph.extract.claims import claim_frames
from kgraph.extract.credits import credit_frames
from kgraph.extract.events import confidence, to_event
from kgraph.extract.fallback import meeting_host, meeting_place, nearest_actor, nearest_recipient
from kgraph.extract.frames import (
    Frame,
    as_written,
    recipients_of,
    reporting_frame_ok,
    sources,
    verb_frames,
)
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.extract.mood import chain, is_intent, mood
from kgraph.extract.nouns import defiance_frames, noun_frames
from kgraph.extract.participants import entity_of, find_actor, subjects
from kgraph.extract.quotes import quote_frames, source_frames
from kgraph.extract.relations import relation_frames
from kgraph.extract.retype import (
    military_strike,
    missile_type,
    personal_violence,
    police_clash,
    verbal_attack,
    warning,
)
from kgraph.extract.typing import type_verb
from kgraph.extract.words import FIRST_SECOND_PERSON, NEGATIVE_HEADS, SPEECH_ACTS, UNREALISED_HEADS
from kgraph.model import Document, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract", "sentence_frames"]

_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST"})
_CONSUMERS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "AID", "CONCEDE"})
_DEONTIC = frozenset({"must", "should"})
#: Types where "A and B met" means A met B (and "clashes between A and B", A fought B).
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})
#: Verbs done jointly: "Israel and Lebanon signed a deal" is Israel signing with Lebanon (CAMEO 057).
_JOINT_VERBS = frozenset({"sign", "ink"})


def extract(
    doc: Doc, document: Document, *, lexicon: Lexicon | None = None, untyped: bool = False
) -> tuple[Event, ...]:
    """Return the events of a parsed document, participants not yet linked.

    Args:
        doc: The spaCy Doc of ``document.text``.
        document: The document (its id and date go into every event).
        lexicon: The event lexicon (the built-in one by default).
        untyped: Also return plain subject-verb-object relations between two actors for
            verbs outside the lexicon (roles from appositions and copulas are always kept).

    Returns:
        Events in text order; several per sentence when it holds several predicates.
    """
    lexicon = lexicon or load_lexicon()
    events: list[Event] = []
    for index, sent in enumerate(doc_sents(doc)):
        events += [
            to_event(f, sent, index, document) for f in sentence_frames(sent, lexicon, untyped=untyped)
        ]
    return tuple(_first_reports(events))


def _first_reports(events: list[Event]) -> list[Event]:
    """Keep the first report of a dyadic event repeated in one document (headline, then lead).

    Statements and events missing a side are all kept: "he said" twice is two statements, but a
    statement drops the topics its speaker was already reported on.
    """
    seen: set[tuple[object, ...]] = set()
    said: set[tuple[str, str]] = set()
    kept = []
    for event in events:
        if event.type == "STATEMENT" and event.actor and event.recipient:
            kept.append(_new_topics(event, said))
            continue
        if event.type in (None, "STATEMENT") or not event.actor or not event.recipient:
            kept.append(event)
            continue
        key = (
            event.type,
            event.cameo_root,
            tuple(sorted(_key(p.mention.text) for p in event.actor)),
            tuple(sorted(_key(p.mention.text) for p in event.recipient)),
        )
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _new_topics(event: Event, said: set[tuple[str, str]]) -> Event:
    """A statement keeps its speaker but not the topics its speaker was already reported on."""
    speakers = {_key(p.mention.text) for p in event.actor}
    topics = [p for p in event.recipient if not all((a, _key(p.mention.text)) in said for a in speakers)]
    said.update((a, _key(p.mention.text)) for a in speakers for p in event.recipient)
    return event if len(topics) == len(event.recipient) else replace(event, recipient=tuple(topics))


def _key(text: str) -> str:
    return " ".join(
        w for w in text.lower().replace("’", "'").replace("'s", "").split() if w not in ("the", "a", "an")
    )


def sentence_frames(sent: Span, lexicon: Lexicon, *, untyped: bool = False) -> list[Frame]:
    """Return the frames of one sentence with speaker, mood and confidence set."""
    frames = list(verb_frames(sent, lexicon, untyped=untyped))
    frames += list(cognition_frames(sent, lexicon))
    used = {f.typed.noun.i for f in frames if f.typed is not None and f.typed.noun is not None}
    frames += list(noun_frames(sent, lexicon, used))
    frames += list(source_frames(sent))
    frames += list(quote_frames(sent))
    signed = {f.head.i for f in frames if f.rule == "quote"}
    frames += [f for f in credit_frames(sent) if f.head.i not in signed]
    frames += list(claim_frames(sent))
    frames += list(defiance_frames(sent, lexicon))
    frames += list(relation_frames(sent))
    frames += list(deontic_frames(sent, lexicon))
    frames = absorb_complements([f for f in frames if reporting_frame_ok(f, lexicon)], lexicon)
    for frame in frames:
        annotate(frame, lexicon)
    frames = [f for f in frames if not _unsaid(f)]
    frames += list(derived_frames(frames))
    for frame in frames:
        finish(frame)
    return frames


def finish(frame: Frame) -> None:
    """Fill a statement's targets, split a reciprocal compound actor, and score the frame."""
    if _targets_read(frame):
        frame.recipients = statement_targets(frame)
    _split_reciprocal(frame)
    if not frame.recipients:
        frame.recipients = meeting_place(frame) or nearest_recipient(frame)
        frame.weak_recipient = frame.weak_recipient or bool(frame.recipients)
    if not frame.actors:
        frame.actors = meeting_host(frame) or nearest_actor(frame)
    if verbal_attack(frame):
        frame.type, frame.cameo_root = "ACCUSE", "11"
    if military_strike(frame):
        frame.type, frame.cameo_root = "ASSAULT", "19"
    if personal_violence(frame) or police_clash(frame):
        frame.cameo_root = "18"
    launch = missile_type(frame)
    if launch is not None:
        frame.type, frame.cameo_root = launch
    if warning(frame):
        frame.type, frame.cameo_root = "THREATEN", "13"
        frame.speaker = frame.speaker or frame.actors[0]
    frame.confidence = confidence(frame)


def _targets_read(frame: Frame) -> bool:
    """A statement whose targets come from its hearer and content ("told the chief that X...");
    a headline or quote statement keeps its own topics unless it has only the press as hearer."""
    if frame.type != "STATEMENT" or warning(frame):  # "Xi warned Biden that...": the warning's target
        return False
    return frame.rule == "verb" or all(map(is_press, frame.recipients))


def _split_reciprocal(frame: Frame) -> None:
    """ "A and B met": A met B. "A and B signed a deal": A signed with B, the deal (a weak
    recipient) is no party to it."""
    joint = frame.head.lemma_.lower() in _JOINT_VERBS and len(frame.actors) > 1 and frame.weak_recipient
    if joint:
        frame.recipients, frame.weak_recipient = [], False
    if (joint or frame.type in _RECIPROCAL) and len(frame.actors) > 1 and all(map(_venue, frame.recipients)):
        frame.actors, frame.recipients = frame.actors[:1], frame.actors[1:]


def _venue(token: Token) -> bool:
    """Where a meeting or signing took place ("signed a deal at the White House"), not a party to it."""
    ent = entity_of(token)
    token = ent.root if ent is not None else token
    return token.dep_ == "pobj" and token.head.text.lower() in ("at", "in")


def cognition_frames(sent: Span, lexicon: Lexicon) -> Iterator[Frame]:
    """Yield STATEMENT frames for belief verbs with a clause ("Experts believe that...") and for
    documents that show or find something ("Polls show a close contest")."""
    for token in sent_pos_tokens(sent, "VERB"):
        if (
            token.pos_ != "VERB"
            or lexicon.lookup(token.lemma_.lower()) is not None
            or reported(token, lexicon)
        ):
            continue  # "he said he believes...": the belief is what he said, not a second statement
        clause = "ccomp" in child_deps(token)
        if (is_reporting(token, lexicon) and (clause or source_finding(token))) or _goes_on(token):
            actors = [a for a in (find_actor(t, depth=1) for t in subjects(token)) if a is not None]
            actors = actors or sources(token)
            if actors:
                yield Frame(
                    token,
                    None,
                    (token,),
                    token.lemma_.lower(),
                    actors,
                    rule="cognition",
                    type="STATEMENT",
                    cameo_root="01",
                )


def _goes_on(verb: Token) -> bool:
    """ "'...,' she continued." / "Caddell continued: '...'": going on with a quotation."""
    if verb.lemma_.lower() != "continue" or not {"xcomp", "dobj", "prep"}.isdisjoint(child_deps(verb)):
        return False
    text = verb.doc.text
    around = text[max(0, sent_of(verb).start_char - 2) : sent_of(verb).end_char + 3]
    return any(q in around for q in ('"', "“", "”", "''")) and "nsubj" in child_deps(verb)


def _governor(frame: Frame) -> Token | None:
    head = frame.head
    if head.dep_ in ("xcomp", "ccomp"):
        return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep":  # "accused X of attacking"
        return head.head.head
    return None


def absorb_complements(frames: list[Frame], lexicon: Lexicon) -> list[Frame]:
    """Drop frames that are the complement of a typed head; lend their participants to it.

    "agreed to cooperate" → AGREE only; "offered to hand over X to Britain" → AGREE
    with Britain as recipient.
    """
    by_head = {f.head.i: f for f in frames if f.rule == "verb"}
    kept = []
    for frame in frames:
        gov = _governor(frame) if frame.rule == "verb" else None
        owner = by_head.get(gov.i) if gov is not None else None
        if owner is None or owner.type not in _CONSUMERS:
            kept.append(frame)
            continue
        if not owner.recipients:
            others = [a for a in frame.actors if a not in owner.actors]
            owner.recipients = others or [r for r in frame.recipients if r not in owner.actors]
    for frame in kept:
        if frame.rule == "verb" and frame.type in _CONSUMERS and not frame.recipients:
            frame.recipients = complement_subjects(frame.head, frame.actors, lexicon)
    return kept


def complement_subjects(verb: Token, actors: list[Token], lexicon: Lexicon) -> list[Token]:
    """The actors told to act: "demanded that the US cancel..." → the US."""
    for clause in children_by_dep(verb, ("ccomp", "xcomp")):
        found = [a for a in (find_actor(t, depth=1) for t in subjects(clause)) if a is not None]
        found = [a for a in found if a not in actors]
        if not found and clause.pos_ == "VERB":  # "threatened to break relations with Russia"
            found = recipients_of(clause, type_verb(clause, lexicon), actors)
        if found:
            return found
    return []


def annotate(frame: Frame, lexicon: Lexicon) -> None:
    """Set the frame's speaker and mood."""
    if frame.rule == "deontic":
        return
    if frame.rule not in ("according_to", "cognition", "quote", "credit"):
        who = speaker(frame.head, lexicon)
        frame.speaker = who if who is not None and who not in frame.actors else None
    frame.mood = mood(frame.head, reported=frame.speaker is not None)
    if frame.speaker is None and frame.actors and _speech_act(frame) and _own_words(frame):
        frame.speaker = as_written(frame.head, frame.actors[0])  # "X urged Y to...": X's own words


def _own_words(frame: Frame) -> bool:
    """A speech act in the narrator's voice by a third person ("we urged..." inside a quote is the quote's)."""
    return frame.actors[0].text.lower() not in FIRST_SECOND_PERSON and not inside_quote(frame.head)


def _unsaid(frame: Frame) -> bool:
    """A statement someone else reports as not made or not yet made ("his lawyer said he would not answer"),
    or one only wanted, needed or allowed ("she needs to tell more jokes")."""
    if frame.type != "STATEMENT":
        return False
    if frame.rule == "verb" and _unrealised(frame.head):
        return True
    return frame.speaker is not None and frame.mood in ("negated", "hypothetical", "future")


def _unrealised(verb: Token) -> bool:
    """A to-infinitive under a head of wanting, needing, trying or permitting: "allowed them to tell"."""
    infinitive = any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children)
    return infinitive and verb.head.lemma_.lower() in UNREALISED_HEADS


def _speech_act(frame: Frame) -> bool:
    lemma = frame.head.lemma_.lower()
    said = lemma in SPEECH_ACTS or verbal_attack(frame)
    return frame.rule == "verb" and frame.type not in (None, "STATEMENT") and said


def _derived(frame: Frame, type_: str, root: str, rule: str, **changes: object) -> Frame:
    derived = replace(frame, type=type_, cameo_root=root, rule=rule, **changes)  # type: ignore[arg-type]
    derived.mood = "reported" if frame.speaker is not None else "asserted"
    return derived


def _refused(links: list[Token]) -> bool:
    """ "refused to meet", "failed to agree", "will not accept" (not "doesn't look willing to")."""
    if any(t.lemma_.lower() in NEGATIVE_HEADS for t in links[1:]):
        return True
    negs = [t for t in links if "neg" in child_deps(t)]
    return any(
        c.dep_ == "aux" and c.text.lower() in ("will", "wo", "would", "shall")
        for t in negs
        for c in children(t)
    )


def _conditional(links: list[Token]) -> bool:
    """ "... unless X steps down", "... if they attack": a condition on the intent."""
    return any(
        c.dep_ == "advcl" and any(m.text.lower() in ("unless", "if") for m in children(c))
        for t in links
        for c in children(t)
    )


def derived_frames(frames: list[Frame]) -> Iterator[Frame]:
    """Yield events implied by others: intent (AGREE/THREATEN) and refusal (REJECT).

    "will provide aid" → AGREE; "would blockade Paris" → THREATEN; "will withdraw unless..." →
    THREATEN; "failed to reach agreement", "will not accept" → REJECT.
    """
    for frame in frames:
        if frame.rule != "verb" or not frame.actors:
            continue
        links = chain(frame.head)
        if frame.mood == "negated":
            if frame.type in _COOPERATIVE | {"AGREE"} and _refused(links):
                yield _derived(frame, "REJECT", "12", "refusal")
        elif is_intent(links) and frame.type in _COOPERATIVE | _HOSTILE:
            hostile = frame.type in _HOSTILE or _conditional(links)
            yield _derived(frame, *(("THREATEN", "13") if hostile else ("AGREE", "03")), "intent")


def deontic_frames(sent: Span, lexicon: Lexicon) -> Iterator[Frame]:
    """Yield REQUEST frames for "X said Y must/should do Z" (X demands of Y)."""
    if _DEONTIC.isdisjoint(sent_words(sent)[0]):  # no "must" or "should" in the sentence
        return
    for token in sent_pos_tokens(sent, "VERB"):
        if token.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.text.lower() in _DEONTIC for c in children(token)
        ):
            continue
        if "auxpass" in child_deps(token):
            continue  # "decisions should be made by individuals" demands nothing of them
        who = speaker(token, lexicon)
        targets = [a for a in (find_actor(t, depth=1) for t in subjects(token)) if a is not None]
        targets = [a for a in targets if not (a.pos_ == "PRON" and a.text.lower() in ("we", "us", "i"))]
        if who is not None and any(a.text.lower() == who.text.lower() for a in targets):
            continue  # "he argued he should have a veto": a claim for himself, not a demand
        if who is not None and targets and who not in targets and who.text.lower() not in ("i", "we"):
            yield Frame(
                token,
                None,
                (token,),
                f"demand {token.lemma_.lower()}",
                [who],
                targets,
                rule="deontic",
                type="REQUEST",
                cameo_root="10",
            )
