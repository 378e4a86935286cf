"""Hand-built parses for the extraction rule tests: one row per token, heads as indices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kgraph.extract import extract, load_lexicon
from kgraph.model import Document, Event

_TAGS = {
    "VERB": "VBD",
    "NOUN": "NN",
    "PROPN": "NNP",
    "PRON": "PRP",
    "DET": "DT",
    "ADP": "IN",
    "AUX": "VBD",
    "PUNCT": ".",
    "ADJ": "JJ",
    "PART": "RP",
    "CCONJ": "CC",
    "NUM": "CD",
    "ADV": "RB",
    "SCONJ": "IN",
}

Row = tuple[Any, ...]


def build(
    make_doc: Callable[..., Any], rows: Sequence[Row], ents: Sequence[tuple[int, int, str]] = ()
) -> Any:
    """Rows are ``(word, head, dep, pos[, lemma[, tag]])``; a ROOT is its own head."""
    words = [r[0] for r in rows]
    lemmas = [r[4] if len(r) > 4 and r[4] else r[0].lower() for r in rows]
    tags = [r[5] if len(r) > 5 else _TAGS.get(r[3], "XX") for r in rows]
    return make_doc(
        words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


def events_of(doc: Any, date: str | None = None) -> tuple[Event, ...]:
    """Extract the events of a hand-built Doc with the built-in lexicon."""
    return extract(doc, Document(id="t", text=doc.text, date=date), lexicon=load_lexicon())


def triples(events: Sequence[Event], *, typed_only: bool = True) -> set[tuple[str, str | None, str]]:
    """``(actors, type, recipients)`` with the mention texts joined by "+"."""
    out = set()
    for e in events:
        if typed_only and e.type is None:
            continue
        actors = "+".join(p.mention.text for p in e.actor)
        recipients = "+".join(p.mention.text for p in e.recipient)
        out.add((actors, e.type, recipients))
    return out


def one(events: Sequence[Event], type_: str) -> Event:
    """The single event of a type."""
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.relation) for e in events]
    return found[0]
