"""Within one document: items → clusters → actors, and every participant bound to its actor.

``resolve`` reads the document's referring expressions (:mod:`kgraph.link.items`), groups
them (:mod:`kgraph.link.coref`), turns each group into an :class:`~kgraph.model.Actor` with a
canonical id, and returns the events with every participant's ``actor`` filled in. Each
non-trivial merge is logged in :attr:`DocResult.merges` with its rule and evidence.

Ids: actors the tables know, full person names and distinctive names are *global* (the same
id in every article); a bare surname, a generic body ("the party", "Parliament") or a nominal
is scoped to its document, and an unresolved pronoun to its mention, so that nothing joins
two people by accident across articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from kgraph.ids import actor_id
from kgraph.link.coref import Cluster, Merge, cluster_items
from kgraph.link.items import read_items
from kgraph.link.tables import Tables, load_tables
from kgraph.model import Actor, DocResult, Document, Event, Mention, Participant, replace, strip_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["cluster_id", "resolve"]


def resolve(
    doc: Doc, document: Document, events: Iterable[Event], *, tables: Tables | None = None
) -> DocResult:
    """Return the document's actors and its events with every participant's actor id filled.

    Args:
        doc: The parsed document.
        document: The document (its id and date are used).
        events: Its events, participants not yet linked.
        tables: Actor tables (the built-in ones by default).

    Returns:
        The :class:`DocResult`: actors, linked events and the merge log.

    Example:
        >>> from kgraph.nlp import load  # doctest: +SKIP
        >>> r = resolve(load()("Kim Jong Un spoke. Kim left."), Document("d", "..."), [])  # doctest: +SKIP
        >>> [a.label for a in r.actors]  # doctest: +SKIP
        ['Kim Jong Un']
    """
    tables = tables or load_tables()
    events = tuple(events)
    items, bindings = read_items(doc, document.id, events, tables)
    clusters, of_item, merges = cluster_items(items, tables)
    ids = {id(c): cluster_id(c, document.id) for c in clusters}
    extra: dict[str, list[Mention]] = {}
    fallback: dict[str, Actor] = {}

    def bind(p: Participant) -> Participant:
        cluster = of_item.get(bindings.get(p.mention.span, (-1, -1)))
        if cluster is None:
            actor = _fallback_actor(p.mention, document.id)
            fallback.setdefault(actor.id, actor)
            return Participant(p.mention, actor.id)
        extra.setdefault(ids[id(cluster)], []).append(p.mention)
        return Participant(p.mention, ids[id(cluster)])

    linked = tuple(_link_event(e, bind) for e in events)
    actors = [_to_actor(c, ids[id(c)], extra.get(ids[id(c)], []), document, tables) for c in clusters]
    return DocResult(
        document=strip_text(document),
        actors=_unique([*actors, *fallback.values()]),
        events=linked,
        merges=tuple(_log(merges, ids, document.id)),
    )


def cluster_id(cluster: Cluster, doc_id: str) -> str:
    """Return the actor id of a cluster: global, scoped to the document, or to one mention.

    >>> from kgraph.link.coref import Cluster
    >>> cluster_id(Cluster("kim jong un", "Kim Jong Un", "PERSON", "PRK", "global"), "d1")
    'actor:kim-jong-un'
    >>> cluster_id(Cluster("brown", "Brown", "PERSON", None, "doc"), "bbc-1")
    'actor:brown--bbc-1'
    """
    if cluster.scope == "global":
        return actor_id(cluster.label)
    where = doc_id if cluster.scope == "doc" else f"{doc_id} {cluster.items[0].start}"
    return actor_id(cluster.label) + "--" + actor_id(where).removeprefix("actor:")


def _fallback_actor(mention: Mention, doc_id: str) -> Actor:
    label = mention.text.strip()
    actor = actor_id(label) + "--" + actor_id(f"{doc_id} {mention.start}").removeprefix("actor:")
    return Actor(actor, label, "OTHER", None, (label,), (mention,))


def _link_event(event: Event, bind: Callable[[Participant], Participant]) -> Event:
    """The event with its participants bound to actors.

    A recipient that is the one actor of a typed event is dropped ("Russia's suspension of Russia's
    participation": Russia does nothing to Russia), as event coders drop events whose source and
    target are the same; "A and B met" keeps each as the other's partner, and a statement may be
    about its own speaker ("Trump said of Trump's wife").
    """
    actor = tuple(bind(p) for p in event.actor)
    own = {p.actor for p in actor} if event.type not in (None, "STATEMENT") else set()
    return replace(
        event,
        actor=actor,
        recipient=tuple(r for r in map(bind, event.recipient) if own != {r.actor}),
        attributed_to=bind(event.attributed_to) if event.attributed_to else None,
    )


def _to_actor(
    cluster: Cluster, actor: str, extra: list[Mention], document: Document, tables: Tables
) -> Actor:
    mentions = tuple(
        sorted(
            {(m.start, m.end): m for m in [*(i.mention for i in cluster.items), *extra]}.values(),
            key=lambda m: (m.start, m.end),
        )
    )
    aliases = tuple(sorted({m.text for m in mentions if m.label != "PRON"}))
    return Actor(
        actor,
        cluster.label,
        cluster.type,
        cluster.country,
        aliases,
        mentions,
        _codes(cluster, document, tables),
    )


def _codes(cluster: Cluster, document: Document, tables: Tables) -> tuple[str, ...]:
    """Dictionary codes valid on the article's date, and country+agent codes for roles."""
    if tables.dictionaries is None:
        return ()
    codes = set(cluster.known.codes_on(document.date)) if cluster.known else set()
    if cluster.type == "COUNTRY" and cluster.country:
        codes.add(cluster.country)
    for title in cluster.titles:
        agent = tables.agent_code(title)
        if agent and cluster.country and cluster.country != "IGO":
            codes.add(cluster.country + agent)
    return tuple(sorted(codes))


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    by_id: dict[str, Actor] = {}
    for actor in actors:
        old = by_id.get(actor.id)
        if old is None:
            by_id[actor.id] = actor
            continue
        mentions = tuple(
            sorted(
                {(m.start, m.end): m for m in old.mentions + actor.mentions}.values(),
                key=lambda m: (m.start, m.end),
            )
        )
        by_id[actor.id] = replace(
            old,
            mentions=mentions,
            aliases=tuple(sorted(set(old.aliases + actor.aliases))),
            codes=tuple(sorted(set(old.codes + actor.codes))),
        )
    return tuple(by_id[k] for k in sorted(by_id))


def _log(merges: list[Merge], ids: Mapping[int, str], doc_id: str) -> list[dict[str, str]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for merge in merges:
        actor = ids[id(merge.cluster)]
        key = (actor, merge.rule, merge.item.mention.text)
        if key in seen:
            continue
        seen.add(key)
        m = merge.item.mention
        out.append(
            {
                "actor": actor,
                "rule": merge.rule,
                "evidence": merge.evidence,
                "doc": doc_id,
                "text": m.text,
                "span": f"{m.start}-{m.end}",
            }
        )
    return out
