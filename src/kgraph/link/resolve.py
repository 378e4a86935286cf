"""Within one document: group mentions into actors and bind event participants to them.

First rules (the link stage grows from here): names are normalised ("the U.N." → "un");
a bare surname joins the most mentioned full name that ends with it; a pronoun joins the
nearest preceding actor of a compatible kind; every participant ends up with an actor id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable

from kgraph.ids import actor_id
from kgraph.link.tables import Tables, load_tables
from kgraph.model import Actor, DocResult, Document, Event, Mention, Participant, strip_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["normalise", "resolve"]

_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LEADING = re.compile(r"^(the|a|an|mr|mrs|ms|dr)\s+", re.I)
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}


def normalise(name: str) -> str:
    """Key for comparing names: lower case, no leading article/title, no 's, no periods.

    >>> normalise("the U.N.'s")
    'un'
    """
    text = name.strip().replace("\u2019", "'")
    text = re.sub(r"'s?$", "", text)
    text = _LEADING.sub("", text.replace(".", ""))
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


@dataclass
class _Cluster:
    key: str
    label: str
    ner: str
    mentions: list[Mention] = field(default_factory=list)


def resolve(doc: Doc, document: Document, events: Iterable[Event], *, tables: Tables | None = None) -> DocResult:
    """Return the document's actors and its events with every participant's actor id filled."""
    tables = tables or load_tables()
    clusters: list[_Cluster] = []
    for ent in doc.ents:
        if ent.label_ in _ENT_LABELS:
            mention = Mention(document.id, ent.start_char, ent.end_char, ent.text, ent.label_, _sent_index(doc, ent.start))
            _add(clusters, mention, tables)
    linked = tuple(_link_event(e, clusters, tables) for e in events)
    actors = tuple(_to_actor(c, tables) for c in clusters if c.mentions)
    return DocResult(document=strip_text(document), actors=_unique(actors), events=linked)


def _sent_index(doc: Doc, token_i: int) -> int:
    sent = doc[token_i].sent
    return sum(1 for s in doc.sents if s.start < sent.start)


def _add(clusters: list[_Cluster], mention: Mention, tables: Tables) -> _Cluster:
    key = tables.canonical_key(normalise(mention.text), mention.label)
    cluster = next((c for c in clusters if c.key == key), None)
    if cluster is None and mention.label == "PERSON" and " " not in key:
        cluster = _surname_owner(clusters, key)
    if cluster is None:
        cluster = _Cluster(key, tables.label_for(key, mention.text), mention.label)
        clusters.append(cluster)
    cluster.mentions.append(mention)
    return cluster


def _surname_owner(clusters: list[_Cluster], surname: str) -> _Cluster | None:
    owners = [c for c in clusters if c.ner == "PERSON" and c.key.split()[0:1] + c.key.split()[-1:] and surname in (c.key.split()[0], c.key.split()[-1])]
    return max(owners, key=lambda c: len(c.mentions), default=None)


def _link_event(event: Event, clusters: list[_Cluster], tables: Tables) -> Event:
    def bind(p: Participant) -> Participant:
        return replace(p, actor=_actor_for(p.mention, clusters, tables))

    return replace(
        event,
        actor=tuple(bind(p) for p in event.actor),
        recipient=tuple(bind(p) for p in event.recipient),
        attributed_to=bind(event.attributed_to) if event.attributed_to else None,
    )


def _actor_for(mention: Mention, clusters: list[_Cluster], tables: Tables) -> str:
    for cluster in clusters:
        if any(m.start <= mention.start < m.end or mention.start <= m.start < mention.end for m in cluster.mentions):
            if mention not in cluster.mentions:
                cluster.mentions.append(mention)
            return actor_id(cluster.label)
    if mention.label == "PRON":
        antecedent = _antecedent(mention, clusters)
        if antecedent is not None:
            antecedent.mentions.append(mention)
            return actor_id(antecedent.label)
    return actor_id(_add(clusters, mention, tables).label)


def _antecedent(pronoun: Mention, clusters: list[_Cluster]) -> _Cluster | None:
    word = pronoun.text.lower()
    wanted = {"PERSON"} if word in _PERSON_PRONOUNS else {"ORG", "GPE"} if word in _THING_PRONOUNS else {"NORP", "ORG", "GPE"}
    before = [(m.start, c) for c in clusters if c.ner in wanted for m in c.mentions if m.end <= pronoun.start]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _to_actor(cluster: _Cluster, tables: Tables) -> Actor:
    mentions = tuple(sorted(set(cluster.mentions), key=lambda m: (m.start, m.end)))
    kind, country = tables.classify(cluster.key, cluster.ner)
    aliases = tuple(sorted({m.text for m in mentions if m.label != "PRON"}))
    return Actor(actor_id(cluster.label), cluster.label, kind, country, aliases, mentions)


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    by_id: dict[str, Actor] = {}
    for actor in actors:
        old = by_id.get(actor.id)
        if old is None:
            by_id[actor.id] = actor
        else:
            mentions = tuple(sorted(set(old.mentions + actor.mentions), key=lambda m: (m.start, m.end)))
            by_id[actor.id] = replace(old, mentions=mentions, aliases=tuple(sorted(set(old.aliases + actor.aliases))))
    return tuple(by_id[k] for k in sorted(by_id))
