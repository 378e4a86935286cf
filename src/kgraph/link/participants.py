"""Event participants as items: a participant is the name it is headed by, or a new nominal or pronoun.

"the UN Security Council" is the name "UN Security Council"; "Mr Blair's official spokesman" is
not Mr Blair but a new nominal; "guest Ruth Kelly MP" is Ruth Kelly; a relative pronoun is its
antecedent ("the party, which ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.link.items import Bindings, Item, name_item, noun_item, pronoun_item
from kgraph.link.tables import Tables
from kgraph.model import Event, Mention, replace

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["add_participants"]


def _only_trimmings(span: Span, name: Span, tables: Tables) -> bool:
    """A participant is its name when the rest is a determiner, a possessive or a title ("the UN's")."""
    rest = [t for t in span if not name.start <= t.i < name.end]
    return all(
        t.dep_ in ("det", "case", "punct") or t.tag_ == "POS" or tables.title(t.text.lower()) for t in rest
    )


def _untagged_name(span: Span, tables: Tables) -> Span | None:
    """The proper-noun words of a participant with no entity ("Mr Yellen", "Yellen"), as a span.

    Only capitalised PROPN words (after a determiner or title) count, so common nouns never do.
    """
    from spacy.tokens import Span as SpanType

    words = [t for t in span if not (t.dep_ in ("det", "case") or t.tag_ == "POS")]
    if not words or any(t.ent_type_ for t in words):
        return None
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return None
    return SpanType(span.doc, words[0].i, words[-1].i + 1, label="")


def _titled_person(
    span: Span, root: Token, items: dict[tuple[int, int], Item], tables: Tables
) -> tuple[int, int] | None:
    """ "guest Ruth Kelly MP", "Labour MP Ruth Kelly": the one person name inside a titled phrase,
    but not a possessor ("Mr Blair's official spokesman" is someone else)."""
    if not tables.title(root.text.lower()):
        return None
    inside = [
        k for k, i in items.items() if i.ner == "PERSON" and span.start_char <= k[0] and k[1] <= span.end_char
    ]
    if len(inside) != 1 or items[inside[0]].embedded:
        return None
    return inside[0]


def add_participants(
    doc: Doc,
    event: Event,
    doc_id: str,
    sentences: list[int],
    tables: Tables,
    items: dict[tuple[int, int], Item],
    bindings: Bindings,
) -> None:
    sides = [(p, True) for p in event.actor] + [(p, False) for p in event.recipient]
    if event.attributed_to is not None:
        sides.append((event.attributed_to, True))
    for participant, agent in sides:
        key = _participant_item(doc, participant.mention, doc_id, sentences, tables, items)
        if key is not None:
            bindings[participant.mention.span] = key
            item = items[key]
            if not item.participant or (agent and not item.agent):  # else the replaced item would be equal
                items[key] = replace(item, agent=item.agent or agent, participant=True)


def _participant_item(
    doc: Doc,
    m: Mention,
    doc_id: str,
    sentences: list[int],
    tables: Tables,
    items: dict[tuple[int, int], Item],
) -> tuple[int, int] | None:
    """Return the key of the item a participant is: the same span, its head entity, or a new item."""
    if (m.start, m.end) in items:
        return (m.start, m.end)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.tag_ in ("WDT", "WP") and root.head.dep_ == "relcl":  # "the party, which ...": its antecedent
        root = root.head.head
    idx = root.idx
    for key, item in items.items():
        if (
            key[0] <= idx < key[1]
            and item.kind != "NOUN"
            and (item.kind == "PRON" or root.dep_ != "poss")
        ):
            head = doc.char_span(key[0], key[1], alignment_mode="expand")
            if head is not None and head.root.i == root.i and _only_trimmings(span, head, tables):
                return key
    person = _titled_person(span, root, items, tables)
    if person is not None:
        return person
    if root.pos_ == "PRON":
        item = pronoun_item(root, doc_id, sentences)
    elif (untagged := _untagged_name(span, tables)) is not None:  # "Yellen warned": a name NER missed
        item = name_item(untagged, doc_id, sentences, tables)
    else:
        item = noun_item(span, doc_id, sentences, tables)
    items[(item.mention.start, item.mention.end)] = item
    return (item.mention.start, item.mention.end)
