"""Frames → frozen :class:`~kgraph.model.Event` values: mentions, trigger, date, place, confidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.doccache import doc_text, doc_tokens, span_text, subtree
from kgraph.extract.dates import event_date
from kgraph.extract.frames import Frame
from kgraph.extract.participants import actor_spans, entity_of
from kgraph.extract.places import event_place
from kgraph.ids import event_id
from kgraph.model import PLOVER_TYPES, Document, Event, Evidence, Mention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["confidence", "to_event"]

_MAX_OBJECT_TOKENS = 25


def _mention(doc: Doc, start: int, end: int, label: str, doc_id: str, index: int) -> Mention:
    if start >= end:
        span = doc[start:end]
        return Mention(doc_id, span.start_char, span.end_char, span.text, label, index)
    tokens = doc_tokens(doc)  # what doc[start:end] gives, without building the Span
    first, last = tokens[start], tokens[end - 1]
    start_char, end_char = first.idx, last.idx + len(last)
    return Mention(doc_id, start_char, end_char, doc_text(doc)[start_char:end_char], label, index)


def participants(tokens: list[Token], doc_id: str, index: int) -> tuple[Participant, ...]:
    """Return one participant per actor span of ``tokens`` (compound actors split, duplicates dropped)."""
    spans: dict[tuple[int, int], str] = {}
    for token in tokens:
        for start, end, label in actor_spans(token):
            spans.setdefault((start, end), label)
    if not tokens:
        return ()
    doc = tokens[0].doc
    return tuple(Participant(_mention(doc, s, e, label, doc_id, index)) for (s, e), label in spans.items())


def _object_text(obj: Token | None) -> str | None:
    if obj is None:
        return None
    tokens = sorted(t.i for t in subtree(obj))
    end = min(tokens[-1] + 1, tokens[0] + _MAX_OBJECT_TOKENS)
    return span_text(obj.doc, tokens[0], end)  # doc[start:end].text


def confidence(frame: Frame) -> float:
    """Score how much an analyst can rely on a frame: typed, both sides, specific, main clause.

    >>> from types import SimpleNamespace as N
    >>> f = N(type="ASSAULT", actors=[1], recipients=[1], typed=N(specific=2), rule="verb", mood="asserted",
    ...       head=N(dep_="ROOT"))
    >>> confidence(f)
    0.9
    """
    score = 0.3 + (0.25 if frame.type in PLOVER_TYPES else 0.1 if frame.type else 0.0)
    score += 0.1 * bool(frame.actors) + 0.1 * (
        bool(frame.recipients) and not getattr(frame, "weak_recipient", False)
    )
    score += 0.05 if frame.typed is not None and frame.typed.specific == 2 else 0.0
    score += {"noun": -0.1, "modifier": -0.1, "intent": 0.07, "deontic": 0.02, "defiance": -0.05}.get(frame.rule, 0.0)
    score += 0.1 if frame.head.dep_ in ("ROOT", "conj", "ccomp", "parataxis") else 0.0
    score -= 0.05 if frame.mood in ("negated", "hypothetical") else 0.0
    return round(max(0.05, min(score, 0.99)), 4)


def _used_tokens(frame: Frame) -> set[int]:
    """The tokens naming the participants themselves ("police", not "in Tehran" after it)."""
    used: set[int] = set()
    for token in (*frame.actors, *frame.recipients):
        ent = entity_of(token)
        used.update(range(ent.start, ent.end) if ent is not None else (token.i,))
    return used


def to_event(frame: Frame, sent: Span, index: int, document: Document) -> Event:
    """Build the event of a frame read from sentence ``index`` of ``document``."""
    doc, doc_id = sent.doc, document.id
    lo, hi = min(t.i for t in frame.trigger), max(t.i for t in frame.trigger) + 1
    trigger = _mention(doc, lo, hi, "TRIGGER", doc_id, index)
    date, date_text = event_date(frame.head, sent, document.date)
    place = event_place(frame.head, exclude=_used_tokens(frame))
    speaker = participants([frame.speaker], doc_id, index)[:1] if frame.speaker is not None else ()
    return Event(
        id=event_id(doc_id, trigger.start, trigger.end, f"{frame.relation}|{frame.type}|{frame.rule}"),
        relation=frame.relation,
        type=frame.type,
        cameo_root=frame.cameo_root,
        actor=participants(frame.actors, doc_id, index),
        recipient=participants(frame.recipients, doc_id, index),
        evidence=Evidence(
            doc_id, index, doc_text(doc)[sent.start_char : sent.end_char], sent.start_char, sent.end_char, trigger
        ),
        object_text=_object_text(frame.obj),
        date=date,
        date_text=date_text,
        place=_mention(doc, place.start, place.end, place.label_, doc_id, index)
        if place is not None
        else None,
        mood=frame.mood,  # type: ignore[arg-type]
        attributed_to=speaker[0] if speaker else None,
        confidence=frame.confidence,
        rule=frame.rule,
    )
