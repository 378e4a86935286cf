"""Per-Doc caches of values spaCy rebuilds on every access (``doc.text``, ``doc.ents``).

Extraction and linking ask for these many times per document; spaCy builds a new string or
tuple of Spans each time. The caches are weak: an entry goes with its Doc.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["doc_ents", "doc_text", "entity_of", "sent_ents"]

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_ENTS: weakref.WeakKeyDictionary[Doc, tuple[Span, ...]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per Doc (do not change ``doc.ents`` after reading it)."""
    ents = _ENTS.get(doc)
    if ents is None:
        ents = _ENTS[doc] = tuple(doc.ents)
    return ents


def sent_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent`` (what ``sent.ents`` returns), from the cached tuple."""
    return [e for e in doc_ents(sent.doc) if sent.start <= e.start and e.end <= sent.end]


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, found by walking the IOB tags (no scan of ``doc.ents``)."""
    if not token.ent_type_:
        return None
    from spacy.tokens import Span as SpanType

    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpanType(doc, start, end, label=token.ent_type_)
